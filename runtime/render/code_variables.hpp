// Environment variables a task value may not set or name: those whose value
// bash, the dynamic loader or a common program runs or loads as code, that
// choose which program runs, or where the agent sends its credentials.
#pragma once

#include <string_view>

namespace slurmglue::render {

bool is_code_variable(std::string_view name);

}  // namespace slurmglue::render
