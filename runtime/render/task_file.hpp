// Reading a task from a file for dry runs: JSON as the ClearML API returns it
// (a bare task, or the reply of tasks.get_by_id / tasks.get_all with its
// envelope), or the same structure written as YAML.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace slurmglue::render {

// Bounds on what a task file may expand to: nesting depth, and values (in
// JSON, and in YAML after aliases are expanded: a 1 KB file of nested
// aliases would otherwise stand for gigabytes). Both are counted while the
// file is parsed, which stops at the first one passed.
inline constexpr std::size_t kMaxTaskDepth = 64;
inline constexpr std::size_t kMaxTaskNodes = 100000;
// The largest task file slurmglue-render reads: a task as the API returns
// it, with its script's uncommitted diff and configuration objects, is far
// smaller. Parsing stops at the bounds above, so memory stays within a few
// times this size.
inline constexpr std::size_t kMaxTaskFileBytes = std::size_t{64} << 20;

// Parses `text` (JSON, else YAML) and returns the task object. Throws
// std::runtime_error with `name`, line and column on malformed input, or when
// the task is nested deeper than kMaxTaskDepth or has more than kMaxTaskNodes
// values.
nlohmann::json parse_task(std::string_view text, const std::string& name);

}  // namespace slurmglue::render
