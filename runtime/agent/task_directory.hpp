// Each task's private directory, on a path the compute nodes share: mode
// 0700, owned by the user the job runs as, holding the inner agent's
// clearml.conf (mode 0600). The job finds it through CLEARML_CONFIG_FILE and
// CLEARML_AGENT__AGENT__VENVS_DIR; credentials never appear in the script, on
// a command line or in a log. Removed when the task ends.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "runtime/process/spawn.hpp"

namespace slurmglue::agent {

// Makes `path` (and its parents) when missing, mode 0711 whatever the umask:
// each user reaches a directory of its own inside and lists nothing.
void make_root_directory(const std::string& path);

class TaskDirectories {
 public:
  // `root` is made (mode 0711: users reach their own directory, list nothing) when missing.
  explicit TaskDirectories(std::string root) : root_(std::move(root)) {}

  // Makes (anew) the directory of `task`, writes `config` into its
  // clearml.conf, and hands both to `owner` (nothing: the agent's own
  // user). Returns the directory; throws std::runtime_error.
  std::string create(const std::string& task, const nlohmann::json& config,
                     const std::optional<process::Identity>& owner) const;
  // Removes it (as `owner`, so that nothing the user put there can make the
  // agent remove more than the directory). Missing is fine.
  void remove(const std::string& directory, const std::optional<process::Identity>& owner) const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

}  // namespace slurmglue::agent
