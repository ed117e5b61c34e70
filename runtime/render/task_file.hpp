// Reading a task from a file for dry runs: JSON as the ClearML API returns it
// (a bare task, or the reply of tasks.get_by_id / tasks.get_all with its
// envelope), or the same structure written as YAML.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace slurmglue::render {

// Parses `text` (JSON, else YAML) and returns the task object. Throws
// std::runtime_error with `name`, line and column on malformed input.
nlohmann::json parse_task(std::string_view text, const std::string& name);

}  // namespace slurmglue::render
