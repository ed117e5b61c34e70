#include "runtime/clearml/task_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/config.hpp"
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

// The path of `slurmglue-render --task ID`: clearml.conf, then the server.
TEST(TaskSource, WorksFromAClearmlConf) {
  testing::TestServer server(kSeed);
  const auto file = std::filesystem::temp_directory_path() / ("slurmglue-task-source-" + std::to_string(getpid()) + ".conf");
  std::ofstream(file) << "api {\n  api_server: " << server.url() << "\n  credentials {\"access_key\": \""
                      << testing::kAccessKey << "\", \"secret_key\": \"" << testing::kSecretKey << "\"}\n}\n";
  const Config config = load_config({{"CLEARML_CONFIG_FILE", file.string()}});
  std::filesystem::remove(file);
  Session session(session_options(config));
  EXPECT_EQ(fetch_task_with_project(session, "t1").project_name, "Vision");
}

}  // namespace
}  // namespace slurmglue::clearml
