#include "runtime/agent/user_map.hpp"

#include <set>
#include <stdexcept>

namespace slurmglue::agent {

UserMap UserMap::from_config(const nlohmann::json& config) {
  UserMap result;
  const nlohmann::json* node = &config;
  for (const char* key : {"agent", "slurm", "user_map"}) {
    if (!node->is_object() || !node->contains(key)) return result;
    node = &(*node)[key];
  }
  if (node->is_null()) return result;
  if (!node->is_object()) throw std::invalid_argument("agent.slurm.user_map must map ClearML user ids to Linux users");
  for (const auto& [clearml_user, linux_user] : node->items()) {
    if (!linux_user.is_string() || linux_user.get<std::string>().empty()) {
      throw std::invalid_argument("agent.slurm.user_map: the Linux user for '" + clearml_user +
                                  "' must be a non-empty string");
    }
    result.map_[clearml_user] = linux_user.get<std::string>();
  }
  return result;
}

std::variant<std::string, std::string> UserMap::linux_user(const std::string& clearml_user) const {
  if (!clearml_user.empty()) {
    if (const auto found = map_.find(clearml_user); found != map_.end()) {
      return std::variant<std::string, std::string>(std::in_place_index<0>, found->second);
    }
  }
  if (const auto fallback = map_.find("default"); fallback != map_.end()) {
    return std::variant<std::string, std::string>(std::in_place_index<0>, fallback->second);
  }
  const std::string who = clearml_user.empty() ? "the task has no user" : "ClearML user '" + clearml_user + "'";
  return std::variant<std::string, std::string>(
      std::in_place_index<1>, who + " is not mapped to a Linux user (agent.slurm.user_map) and there is no \"default\"");
}

std::vector<std::string> UserMap::linux_users() const {
  std::set<std::string> users;
  for (const auto& [clearml_user, linux_user] : map_) users.insert(linux_user);
  return {users.begin(), users.end()};
}

}  // namespace slurmglue::agent
