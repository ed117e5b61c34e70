// What `slurmglue-render --task ID` needs from the server: the task as the API
// returns it, and the name of its project (for ${CLEARML_PROJECT_NAME}).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

struct TaskWithProject {
  nlohmann::json task;       // tasks.get_by_id's data.task, unchanged
  std::string project_id;    // task.project; empty when the task has none
  std::string project_name;  // empty when the task has no project
};

// Throws UnknownTaskError for an unknown id, UnknownProjectError when the
// task's project does not exist, or another clearml::Error.
TaskWithProject fetch_task_with_project(Session& session, std::string_view task_id);

}  // namespace slurmglue::clearml
