#include "runtime/clearml/projects.hpp"

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/reply.hpp"

namespace slurmglue::clearml {

Project get_project(Session& session, std::string_view project_id) {
  constexpr std::string_view kGet = "projects.get_by_id";
  const auto data = session.call(kGet, {{"project", project_id}});
  const auto project = data.find("project");
  if (project == data.end() || !project->is_object()) {
    throw MalformedReplyError("ClearML projects.get_by_id: malformed reply: 'project' is not an object");
  }
  return Project{optional_string(*project, "id", kGet, std::string(project_id)), optional_string(*project, "name", kGet)};
}

}  // namespace slurmglue::clearml
