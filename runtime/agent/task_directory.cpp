#include "runtime/agent/task_directory.hpp"

#include "runtime/agent/job_directory.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace slurmglue::agent {

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

void make_root_directory(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (::mkdir(path.c_str(), 0711) == 0) {
    // Whatever the umask (the service runs with 0077): users must reach their own directories.
    if (::chmod(path.c_str(), 0711) != 0) fail("cannot open " + path + " to its users");
  } else if (errno != EEXIST) {
    fail("cannot make " + path);
  }
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) fail(path + " is not a directory");
}

std::string TaskDirectories::create(const std::string& task, const nlohmann::json& config,
                                    const std::optional<process::Identity>& owner) const {
  make_root_directory(root_);
  const std::string directory = root_ + "/" + task;
  // Anew: whatever an earlier try left there (possibly the user's) goes first.
  remove(directory, owner);
  if (::mkdir(directory.c_str(), 0700) != 0) fail("cannot make " + directory);
  // Written while the directory is still the agent's, so nobody can race it.
  const std::string file = directory + "/clearml.conf";
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail("cannot write " + file);
  // JSON is HOCON: clearml-agent reads it as a clearml.conf.
  const std::string text = config.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      fail("cannot write " + file);
    }
    done += static_cast<std::size_t>(n);
  }
  if (owner && ::fchown(fd, owner->uid, owner->gid) != 0) {
    ::close(fd);
    fail("cannot give " + file + " to " + owner->name);
  }
  ::close(fd);
  if (owner && ::chown(directory.c_str(), owner->uid, owner->gid) != 0) {
    fail("cannot give " + directory + " to " + owner->name);
  }
  if (owner) require_reachable(directory, *owner, "--task-dir-root");
  return directory;
}

void TaskDirectories::remove(const std::string& directory, const std::optional<process::Identity>& owner) const {
  struct stat st {};
  if (::lstat(directory.c_str(), &st) != 0) return;
  if (owner && st.st_uid == owner->uid) {
    process::Command command;
    command.argv = {"rm", "-rf", "--one-file-system", "--", directory};
    command.environment = {"PATH=/usr/bin:/bin"};
    command.as_user = owner;
    command.timeout = std::chrono::seconds(120);
    process::run(command);
    // The user cannot unlink from the agent's root; the agent removes what is
    // left, which can only be an empty directory.
    ::rmdir(directory.c_str());
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(directory, ec);
}

}  // namespace slurmglue::agent
