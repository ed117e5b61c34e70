#include "runtime/clearml/projects.hpp"

namespace slurmglue::clearml {

Project get_project(Session& session, std::string_view project_id) {
  const auto data = session.call("projects.get_by_id", {{"project", project_id}});
  const auto& project = data.at("project");
  return Project{project.value("id", std::string(project_id)), project.value("name", "")};
}

}  // namespace slurmglue::clearml
