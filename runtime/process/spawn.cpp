#include "runtime/process/spawn.hpp"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

extern char** environ;

namespace slurmglue::process {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
};

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// The program's path, looked up on the PATH of the child's environment
// (before fork: execvpe would read it in the child, after a possible setuid).
std::string resolve(const std::string& program, const std::vector<std::string>& environment) {
  if (program.find('/') != std::string::npos) return program;
  std::string path = "/usr/local/bin:/usr/bin:/bin";
  for (const auto& entry : environment) {
    if (entry.rfind("PATH=", 0) == 0) path = entry.substr(5);
  }
  for (std::size_t start = 0; start <= path.size();) {
    auto end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

[[noreturn]] void child_fail(int report_fd, const char* step) {
  const int error = errno;
  // Both writes are async-signal-safe; the parent reads "step:errno".
  (void)!::write(report_fd, step, std::strlen(step));
  (void)!::write(report_fd, &error, sizeof error);
  ::_exit(127);
}

}  // namespace

std::optional<Identity> find_user(const std::string& name) {
  struct passwd entry {};
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) {
    return std::nullopt;
  }
  Identity identity{found->pw_uid, found->pw_gid, {}, found->pw_name, found->pw_dir};
  int count = 64;
  std::vector<gid_t> groups(static_cast<std::size_t>(count));
  while (::getgrouplist(found->pw_name, found->pw_gid, groups.data(), &count) < 0) {
    groups.resize(static_cast<std::size_t>(count) + 64);
    count = static_cast<int>(groups.size());
  }
  groups.resize(static_cast<std::size_t>(count));
  identity.groups = std::move(groups);
  return identity;
}

std::vector<std::string> current_environment() {
  std::vector<std::string> out;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) out.emplace_back(*entry);
  return out;
}

std::string Outcome::describe() const {
  if (!started) return "could not run: " + error;
  if (timed_out) return "timed out and was killed";
  if (signal != 0) return fmt::format("killed by signal {}", signal);
  return fmt::format("exit {}", exit_code);
}

Outcome run(const Command& command) {
  Outcome outcome;
  if (command.argv.empty()) {
    outcome.error = "no program given";
    return outcome;
  }
  const std::string program = resolve(command.argv[0], command.environment);
  if (program.empty()) {
    outcome.error = command.argv[0] + ": not found on PATH";
    return outcome;
  }
  // Everything the child needs is built before fork.
  std::vector<std::string> argv = command.argv;
  std::vector<std::string> envp = command.environment;
  auto argv_ptrs = pointers(argv);
  auto envp_ptrs = pointers(envp);

  Pipe in, out, err, report;
  if (!in.open() || !out.open() || !err.open() || !report.open()) {
    outcome.error = std::string("pipe: ") + std::strerror(errno);
    return outcome;
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    outcome.error = std::string("fork: ") + std::strerror(errno);
    return outcome;
  }
  if (pid == 0) {
    // The child: a process group of its own (so a timeout kills all of it),
    // default signal handling, then the identity, then exec.
    ::setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    if (::dup2(in.fd[0], STDIN_FILENO) < 0 || ::dup2(out.fd[1], STDOUT_FILENO) < 0 ||
        ::dup2(err.fd[1], STDERR_FILENO) < 0) {
      child_fail(report.fd[1], "dup2");
    }
    if (command.as_user) {
      const auto& user = *command.as_user;
      if (::setgroups(user.groups.size(), user.groups.data()) != 0) child_fail(report.fd[1], "setgroups");
      if (::setgid(user.gid) != 0) child_fail(report.fd[1], "setgid");
      if (::setuid(user.uid) != 0) child_fail(report.fd[1], "setuid");
      if (command.directory.empty() && !user.home.empty() && ::chdir(user.home.c_str()) != 0 && ::chdir("/") != 0)
        child_fail(report.fd[1], "chdir");
    }
    if (!command.directory.empty() && ::chdir(command.directory.c_str()) != 0)
      child_fail(report.fd[1], "chdir");
    // After the identity change, which clears it; a parent already gone
    // (between fork and here) is caught by the check.
    if (command.die_with_parent && (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent))
      child_fail(report.fd[1], "prctl");
    ::execve(program.c_str(), argv_ptrs.data(), envp_ptrs.data());
    child_fail(report.fd[1], "exec");
  }
  outcome.started = true;
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);
  report.close_end(1);

  // Standard input is written as the child reads it (a big script must not
  // dead-lock against a full stdout pipe), then closed.
  ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  std::size_t written = 0;
  if (command.input.empty()) in.close_end(1);

  const auto deadline = std::chrono::steady_clock::now() + command.timeout;
  std::string report_bytes;
  bool out_open = true, err_open = true, report_open = true;
  char buffer[65536];
  while (out_open || err_open || report_open) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      outcome.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd fds[4];
    int n = 0;
    if (out_open) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err_open) fds[n++] = {err.fd[0], POLLIN, 0};
    if (report_open) fds[n++] = {report.fd[0], POLLIN, 0};
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    const int ready = ::poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < n && ready > 0; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.fd[1]) {
        const ssize_t w = ::write(in.fd[1], command.input.data() + written, command.input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) in.close_end(1);  // the child closed its stdin
        if (written == command.input.size()) in.close_end(1);
        continue;
      }
      const ssize_t r = ::read(fds[i].fd, buffer, sizeof buffer);
      if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      std::string* target = fds[i].fd == out.fd[0] ? &outcome.out : fds[i].fd == err.fd[0] ? &outcome.err : &report_bytes;
      if (r <= 0) {
        (fds[i].fd == out.fd[0] ? out_open : fds[i].fd == err.fd[0] ? err_open : report_open) = false;
        continue;
      }
      const std::size_t room = command.max_output > target->size() ? command.max_output - target->size() : 0;
      target->append(buffer, std::min(room, static_cast<std::size_t>(r)));
    }
  }
  in.close_end(1);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (report_bytes.size() > sizeof(int)) {
    int error = 0;
    std::memcpy(&error, report_bytes.data() + report_bytes.size() - sizeof error, sizeof error);
    outcome.started = false;
    const std::string step = report_bytes.substr(0, report_bytes.size() - sizeof error);
    outcome.error = step == "chdir" && !command.directory.empty()
                        ? fmt::format("cannot enter {}{}: {}", command.directory,
                                      command.as_user ? " as " + command.as_user->name : std::string(), std::strerror(error))
                        : fmt::format("{}: {}: {}", step, program, std::strerror(error));
    return outcome;
  }
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !outcome.timed_out) outcome.signal = WTERMSIG(status);
  return outcome;
}

}  // namespace slurmglue::process
