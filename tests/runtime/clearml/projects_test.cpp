#include "runtime/clearml/projects.hpp"

#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

TEST(Projects, GetsTheName) {
  testing::TestServer server(nlohmann::json{{"projects", {{{"id", "p1"}, {"name", "Vision/Detection"}}}}});
  Session session(server.options());
  const auto project = get_project(session, "p1");
  EXPECT_EQ(project.id, "p1");
  EXPECT_EQ(project.name, "Vision/Detection");
  EXPECT_THROW(get_project(session, "nope"), UnknownProjectError);
}

}  // namespace
}  // namespace slurmglue::clearml
