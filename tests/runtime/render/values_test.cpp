#include "runtime/render/values.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;
using sg::render::Lookup;
using sg::render::Variable;

TEST(Values, LooksUpPathsListsAndScalars) {
  sg::render::Values v;
  v.task = nlohmann::json::parse(R"({"id": "t1", "tags": ["a", "b"], "n": 3, "f": 0.5, "ok": true,
    "hyperparams": {"properties": {"num_nodes": {"value": "2"}}}, "none": null, "obj": {"x": 1},
    "mixed": [1, {"x": 1}]})");
  v.queue_name = "gpu";
  auto l = sg::render::lookup(v, Variable::Task, {"hyperparams", "properties", "num_nodes", "value"});
  EXPECT_EQ(l.kind, Lookup::Kind::Text);
  EXPECT_EQ(l.text, "2");
  l = sg::render::lookup(v, Variable::Task, {"tags"});
  EXPECT_EQ(l.text, "a,b");
  EXPECT_TRUE(l.from_list);
  EXPECT_EQ(l.items, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"tags", "1"}).text, "b");
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"tags", "7"}).kind, Lookup::Kind::Missing);
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"n"}).text, "3");
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"f"}).text, "0.5");
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"ok"}).text, "true");
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"none"}).kind, Lookup::Kind::Missing);
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"id", "deeper"}).kind, Lookup::Kind::Missing);
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"obj"}).kind, Lookup::Kind::Unusable);
  EXPECT_EQ(sg::render::lookup(v, Variable::Task, {"mixed"}).kind, Lookup::Kind::Unusable);
  EXPECT_EQ(sg::render::lookup(v, Variable::QueueName, {}).text, "gpu");
  EXPECT_EQ(sg::render::lookup(v, Variable::QueueId, {}).kind, Lookup::Kind::Missing);
}

TEST(Values, VariableNames) {
  EXPECT_EQ(sg::render::variable_name(Variable::UserVaults), "USER_VAULTS");
  EXPECT_TRUE(sg::render::is_compound(Variable::ProvidersInfo));
  EXPECT_FALSE(sg::render::is_compound(Variable::QueueName));
  EXPECT_TRUE(sg::render::is_code_slot(Variable::PostSetup));
}
