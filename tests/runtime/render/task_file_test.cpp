#include "runtime/render/task_file.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;

TEST(TaskFile, AcceptsBareTasksRepliesAndYaml) {
  EXPECT_EQ(sg::render::parse_task(R"({"id": "a"})", "f")["id"], "a");
  EXPECT_EQ(sg::render::parse_task(R"({"meta": {}, "data": {"task": {"id": "b"}}})", "f")["id"], "b");
  EXPECT_EQ(sg::render::parse_task(R"({"data": {"tasks": [{"id": "c"}]}})", "f")["id"], "c");
  auto y = sg::render::parse_task("id: d\nhyperparams:\n  properties:\n    walltime: {value: 01:00:00}\ntags: [a, b]\n", "f");
  EXPECT_EQ(y["id"], "d");
  EXPECT_EQ(y["hyperparams"]["properties"]["walltime"]["value"], "01:00:00");
  EXPECT_EQ(y["tags"][1], "b");
}

TEST(TaskFile, MalformedInputSaysWhere) {
  try {
    sg::render::parse_task("{\n  \"id\": \"a\",\n  oops\n}", "task.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("task.json:3:", 0), 0u) << e.what();
  }
  try {
    sg::render::parse_task("id: [unclosed\n", "task.yaml");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("task.yaml:", 0), 0u) << e.what();
  }
  EXPECT_THROW(sg::render::parse_task(R"({"data": {"tasks": []}})", "f"), std::runtime_error);
  EXPECT_THROW(sg::render::parse_task("[1, 2]", "f"), std::runtime_error);
}
