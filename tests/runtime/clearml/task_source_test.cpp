#include "runtime/clearml/task_source.hpp"

#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

const nlohmann::json kSeed = {
    {"projects", {{{"id", "p1"}, {"name", "Vision"}}}},
    {"tasks",
     {{{"id", "t1"}, {"name", "train"}, {"project", "p1"}, {"container", {{"image", "nvcr.io/nvidia/pytorch:24.01-py3"}}}},
      {{"id", "t2"}, {"name", "orphan"}},
      {{"id", "t3"}, {"name", "lost"}, {"project", "gone"}}}}};

TEST(TaskSource, FetchesTheTaskAndItsProjectName) {
  testing::TestServer server(kSeed);
  Session session(server.options());
  const auto fetched = fetch_task_with_project(session, "t1");
  EXPECT_EQ(fetched.task["container"]["image"], "nvcr.io/nvidia/pytorch:24.01-py3");
  EXPECT_EQ(fetched.task["project"], "p1");
  EXPECT_EQ(fetched.project_id, "p1");
  EXPECT_EQ(fetched.project_name, "Vision");
}

TEST(TaskSource, ATaskWithoutProjectHasNoProjectName) {
  testing::TestServer server(kSeed);
  Session session(server.options());
  const auto fetched = fetch_task_with_project(session, "t2");
  EXPECT_EQ(fetched.project_id, "");
  EXPECT_EQ(fetched.project_name, "");
}

TEST(TaskSource, UnknownTaskOrProjectAreTypedErrors) {
  testing::TestServer server(kSeed);
  Session session(server.options());
  EXPECT_THROW(fetch_task_with_project(session, "nope"), UnknownTaskError);
  EXPECT_THROW(fetch_task_with_project(session, "t3"), UnknownProjectError);
}

}  // namespace
}  // namespace slurmglue::clearml
