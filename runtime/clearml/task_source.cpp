#include "runtime/clearml/task_source.hpp"

#include "runtime/clearml/projects.hpp"
#include "runtime/clearml/tasks.hpp"

namespace slurmglue::clearml {

TaskWithProject fetch_task_with_project(Session& session, std::string_view task_id) {
  TaskWithProject result;
  result.task = get_task(session, task_id);
  if (const auto project = result.task.find("project"); project != result.task.end() && project->is_string()) {
    result.project_id = project->get<std::string>();
  }
  if (!result.project_id.empty()) result.project_name = get_project(session, result.project_id).name;
  return result;
}

}  // namespace slurmglue::clearml
