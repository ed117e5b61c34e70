// The variables of the template language and the task fields the ClearML API
// documents, for name checks and "did you mean" suggestions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/values.hpp"

namespace slurmglue::catalog {

std::optional<render::Variable> find_variable(std::string_view name);  // "TASK", "QUEUE_NAME", ...
std::span<const std::string_view> variable_names();

// Top-level fields of the task object (tasks.get_by_id), and the fields
// under "container".
std::span<const std::string_view> task_fields();
std::span<const std::string_view> container_fields();

// Fields whose value is an argument list: in an unquoted position they keep
// their word structure (each word escaped on its own) instead of being one word.
bool is_argument_list(render::Variable v, const std::vector<std::string>& path);

// The candidate closest to `word` by edit distance, if it is close enough to
// be a likely typo.
std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace slurmglue::catalog
