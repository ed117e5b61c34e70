// The projects service: a task holds its project's id; templates want the name.
#pragma once

#include <string>
#include <string_view>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

struct Project {
  std::string id;
  std::string name;
};

// projects.get_by_id; throws UnknownProjectError.
Project get_project(Session& session, std::string_view project_id);

}  // namespace slurmglue::clearml
