// The values a template can refer to: the task object as the ClearML API
// returns it, the other documented objects, the single values the glue knows
// (queue, worker, project), and the code slots the glue fills.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace slurmglue::render {

// Every variable the language has (the NAME after "${CLEARML_").
enum class Variable : std::uint8_t {
  Task, User, Config, UserVaults, ProvidersInfo,                 // compound: NAME.path
  QueueName, QueueId, WorkerId, ProjectName, ProjectId,          // single values
  PreSetup, AgentExecute, PostSetup,                             // code slots
};

std::string_view variable_name(Variable v);  // "TASK", "QUEUE_NAME", ...
bool is_compound(Variable v);
bool is_code_slot(Variable v);

struct Values {
  nlohmann::json task = nlohmann::json::object();
  nlohmann::json user = nlohmann::json::object();
  nlohmann::json config = nlohmann::json::object();
  nlohmann::json user_vaults = nlohmann::json::object();
  nlohmann::json providers_info = nlohmann::json::object();
  std::optional<std::string> queue_name, queue_id, worker_id, project_name, project_id;
  // Code slots: shell code written by the glue, inserted as it is.
  std::string pre_setup, agent_execute, post_setup;
  // --singularity-mode: agent_execute starts with the task's image, which is
  // an operand of `singularity exec`, never a command of its own.
  bool agent_execute_starts_with_image = false;
};

// The outcome of looking a variable up: a text, a list of words (a JSON list
// of scalars), nothing (absent or null), or a value that cannot be text.
struct Lookup {
  enum class Kind { Missing, Text, Unusable };
  Kind kind = Kind::Missing;
  std::string text;                // Text: the value; lists of scalars joined with ','
  std::vector<std::string> items;  // Text from a list: its items, for word lists
  bool from_list = false;
  std::string why;                 // Unusable: what the value is instead
};

// The JSON node at `path` under a compound variable (a numeric field indexes
// a list), or nullptr when there is none. lookup() reads the value from it;
// the renderer reads string nodes in place, without a copy.
const nlohmann::json* find_node(const Values& values, Variable variable, const std::vector<std::string>& path);

// Looks up `path` under `variable` (path is empty for single values).
Lookup lookup(const Values& values, Variable variable, const std::vector<std::string>& path);

}  // namespace slurmglue::render
