// The rule registry and its documented examples: every failing example
// triggers its rule, every passing example lints clean, and the man page in
// the tree is exactly what the registry generates (so the docs cannot drift).
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/formats/formats.hpp"
#include "compiler/lint.hpp"

namespace slurmglue::lint {
namespace {

TEST(Registry, IdsAndNamesAreUniqueAndDocumented) {
  std::set<std::string_view> ids, names;
  for (const auto& r : rules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    EXPECT_TRUE(names.insert(r.name).second) << r.name;
    EXPECT_FALSE(r.summary.empty()) << r.name;
    EXPECT_FALSE(r.explanation.empty()) << r.name;
    EXPECT_FALSE(r.passing.empty()) << r.name;
    EXPECT_EQ(find_rule(r.id), &r);
    EXPECT_EQ(find_rule(r.name), &r);
  }
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

TEST(Registry, EveryFamilyHasRules) {
  std::set<Family> families;
  for (const auto& r : rules()) families.insert(r.family);
  EXPECT_EQ(families.size(), 8u);
}

TEST(Examples, FailingExampleTriggersItsRule) {
  for (const auto& r : rules()) {
    if (r.failing.empty()) continue;  // script-too-large: see ScriptTooLarge
    const auto out = example_output(r, r.failing);
    EXPECT_NE(out.find("[" + std::string(r.name) + "]"), std::string::npos) << r.name << ":\n" << out;
  }
}

TEST(Examples, PassingExampleLintsClean) {
  for (const auto& r : rules()) EXPECT_EQ(example_output(r, r.passing), "") << r.name;
}

TEST(Examples, ScriptTooLarge) {
  std::string big = "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n";
  big += "# " + std::string(4 * 1024 * 1024, 'x') + "\n";
  const auto d = lint(Source("big.tpl", big));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "script-too-large");
}

TEST(ManPage, MatchesTheRegistry) {
  std::ifstream in("man/slurmglue-lint.1", std::ios::binary);
  ASSERT_TRUE(in) << "man/slurmglue-lint.1 is missing";
  std::ostringstream have;
  have << in.rdbuf();
  std::ostringstream want;
  print_man(want, SLURMGLUE_VERSION);
  EXPECT_TRUE(have.str() == want.str())
      << "man/slurmglue-lint.1 is stale: regenerate it with slurmglue-lint --print-man > man/slurmglue-lint.1";
  for (const auto& r : rules()) EXPECT_NE(have.str().find(std::string(r.id) + " "), std::string::npos) << r.id;
}

}  // namespace
}  // namespace slurmglue::lint
