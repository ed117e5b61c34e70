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
  // Valid JSON, but the number is out of a double's range.
  try {
    sg::render::parse_task(R"({"id": "a", "n": 3e3333})", "big.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("big.json: invalid JSON: [json.exception.out_of_range.406] number overflow"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(sg::render::parse_task(R"({"data": {"tasks": []}})", "f"), std::runtime_error);
  EXPECT_THROW(sg::render::parse_task("[1, 2]", "f"), std::runtime_error);
}

// "Billion laughs": each level doubles the tree through aliases; a 1 KB file
// would stand for gigabytes. Refused once it passes the value budget.
TEST(TaskFile, YamlAliasExpansionIsBounded) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int k = 1; k < 10; ++k)
    yaml += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [*a" + std::to_string(k - 1) + ", *a" +
            std::to_string(k - 1) + ", *a" + std::to_string(k - 1) + ", *a" + std::to_string(k - 1) + "]\n";
  yaml += "id: x\n";
  ASSERT_LT(yaml.size(), 1024u);
  try {
    sg::render::parse_task(yaml, "laughs.yaml");
    FAIL() << "expanded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("more than 100000 values"), std::string::npos) << e.what();
  }
  // A few aliases are fine.
  EXPECT_EQ(sg::render::parse_task("base: &b {value: 1}\nother: *b\nid: y\n", "f")["other"]["value"], "1");
}

TEST(TaskFile, NestingDepthIsBounded) {
  const std::string deep_json = "{\"id\": " + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_THROW(sg::render::parse_task(deep_json, "deep.json"), std::runtime_error);
  std::string deep_yaml = "id: x\nv:";
  for (int k = 0; k < 100; ++k) deep_yaml += " [";
  for (int k = 0; k < 100; ++k) deep_yaml += "]";
  EXPECT_THROW(sg::render::parse_task(deep_yaml + "\n", "deep.yaml"), std::runtime_error);
  const std::string ok_json = "{\"id\": " + std::string(30, '[') + std::string(30, ']') + "}";
  EXPECT_NO_THROW(sg::render::parse_task(ok_json, "ok.json"));
}

// A file of many small values: parsing stops at the budget instead of first
// building the whole tree (a 4 MB YAML list took 23 s and 520 MB before).
TEST(TaskFile, ManyValuesStopAtTheBudget) {
  std::string json = "{\"id\": \"a\", \"v\": [", yaml = "id: a\nv:\n";
  for (int k = 0; k < 200000; ++k) {
    json += k == 0 ? "1" : ",1";
    yaml += "- 1\n";
  }
  for (const auto& [text, name] : {std::pair{json + "]}", "wide.json"}, std::pair{yaml, "wide.yaml"}}) {
    try {
      sg::render::parse_task(text, name);
      FAIL() << name;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()),
                std::string(name) + ": has more than 100000 values (an alias counts every value it copies)");
    }
  }
}

// What the YAML reader keeps of a task: scalars as text, nulls, aliases
// copied, the first document; what it refuses: a key that is not text, an
// alias inside the node it names.
TEST(TaskFile, YamlReadsAsTheTaskItWrites) {
  const auto t = sg::render::parse_task(
      "id: t1\nn: ~\ne:\nnum: 1e3\nbase: &b {x: [1, 2]}\ncopy: *b\ns: &s text\nkey_alias: {*s : v}\n---\nid: other\n",
      "t.yaml");
  EXPECT_EQ(t["id"], "t1");
  EXPECT_TRUE(t["n"].is_null());
  EXPECT_TRUE(t["e"].is_null());
  EXPECT_EQ(t["num"], "1e3");
  EXPECT_EQ(t["copy"], t["base"]);
  EXPECT_EQ(t["key_alias"]["text"], "v");
  EXPECT_THROW(sg::render::parse_task("id: t1\n? [a, b]\n: v\n", "t.yaml"), std::runtime_error);
  EXPECT_THROW(sg::render::parse_task("id: &a [1, *a]\n", "t.yaml"), std::runtime_error);
  EXPECT_THROW(sg::render::parse_task("", "t.yaml"), std::runtime_error);
}
