// User impersonation: agent.slurm.user_map in clearml.conf maps ClearML user
// ids to Linux users ("default" for everyone else). No map (or an empty one)
// means no impersonation: every job runs as the agent's own user.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace slurmglue::agent {

class UserMap {
 public:
  // From the clearml.conf tree; throws std::invalid_argument when the map is
  // not an object of strings.
  static UserMap from_config(const nlohmann::json& config);

  bool empty() const { return map_.empty(); }
  // The Linux user for a task's ClearML user id (may be empty: a task with
  // no user), or a message saying why there is none.
  std::variant<std::string, std::string> linux_user(const std::string& clearml_user) const;
  // Every Linux user a job may run as (to narrow Slurm queries).
  std::vector<std::string> linux_users() const;

 private:
  std::map<std::string, std::string> map_;
};

}  // namespace slurmglue::agent
