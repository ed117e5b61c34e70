#include "runtime/agent/job_directory.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "runtime/agent/task_directory.hpp"

namespace slurmglue::agent {

std::string closed_to(const std::string& path, const process::Identity& user) {
  if (user.uid == 0) return {};
  std::string way;
  std::size_t at = 0;
  // Every prefix ending before a '/', then the path itself.
  while (at <= path.size()) {
    const auto slash = path.find('/', at);
    const auto end = slash == std::string::npos ? path.size() : slash;
    way = path.substr(0, end);
    at = end + 1;
    if (way.empty()) way = "/";
    struct stat st {};
    if (::stat(way.c_str(), &st) != 0) continue;  // not there yet: made by the agent, mode known
    const bool in_group = st.st_gid == user.gid ||
                          std::find(user.groups.begin(), user.groups.end(), st.st_gid) != user.groups.end();
    const bool enters = st.st_uid == user.uid ? (st.st_mode & S_IXUSR) != 0
                        : in_group            ? (st.st_mode & S_IXGRP) != 0
                                              : (st.st_mode & S_IXOTH) != 0;
    if (!enters) return way;
  }
  return {};
}

void require_reachable(const std::string& directory, const process::Identity& user, std::string_view option) {
  if (const auto closed = closed_to(directory, user); !closed.empty())
    throw std::runtime_error("the job's user " + user.name + " cannot enter " + closed + " on the way to " +
                             directory + ": give it o+x (chmod o+x) or choose a " + std::string(option) +
                             " every job's user can reach");
}

std::string JobDirectories::prepare(const std::string& task, const std::optional<process::Identity>& owner) const {
  make_root_directory(root_);
  const std::string directory = root_ + "/" + task;
  if (::mkdir(directory.c_str(), 0700) == 0) {
    if (owner && ::chown(directory.c_str(), owner->uid, owner->gid) != 0)
      throw std::runtime_error("cannot give " + directory + " to " + owner->name + ": " + std::strerror(errno));
  } else if (errno != EEXIST) {
    throw std::runtime_error("cannot make " + directory + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::lstat(directory.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw std::runtime_error(directory + " is not a directory: remove it so that the task can run");
  const uid_t uid = owner ? owner->uid : ::geteuid();
  if (owner && st.st_uid != uid && st.st_uid == ::geteuid()) {
    // Made by an agent killed before it gave the directory away: being the
    // agent's (mode 0700), nobody else can have put anything in it.
    if (::chown(directory.c_str(), owner->uid, owner->gid) != 0)
      throw std::runtime_error("cannot give " + directory + " to " + owner->name + ": " + std::strerror(errno));
    st.st_uid = uid;
  }
  if (st.st_uid != uid)
    throw std::runtime_error(directory + " belongs to another user (uid " + std::to_string(st.st_uid) +
                             "), whose files the job would start among: move it away so that the task can run");
  if (owner) require_reachable(directory, *owner, "--jobs-dir-root");
  return directory;
}

}  // namespace slurmglue::agent
