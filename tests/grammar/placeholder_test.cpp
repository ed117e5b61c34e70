#include "grammar/placeholder.hpp"

#include <gtest/gtest.h>
#include <tao/pegtl/contrib/analyze.hpp>

#include "compiler/parse.hpp"
#include "grammar/container_mounts.hpp"
#include "grammar/image_reference.hpp"
#include "grammar/slurm_values.hpp"

namespace sg = slurmglue;

namespace {

// Every grammar: no rule can loop without consuming input.
TEST(Grammars, AnalyzeFindsNoProblems) {
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::placeholder::body>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::slurm::time>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::slurm::memory>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::slurm::node_count>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::image::container_image>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::mounts::mount_list>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<sg::grammar::mounts::container_name>(-1), 0u);
}

struct Parsed {
  sg::compiler::Template tpl;
  std::vector<sg::compiler::Diagnostic> diagnostics;
};

Parsed parse(const std::string& text) {
  sg::compiler::Source source("t.tpl", text);
  Parsed p;
  p.tpl = sg::compiler::parse_placeholders(source, p.diagnostics);
  return p;
}

TEST(PlaceholderGrammar, ParsesEveryDocumentedForm) {
  auto p = parse("a ${CLEARML_TASK.id} ${CLEARML_QUEUE_NAME} ${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\n"
                 "${CLEARML_TASK.hyperparams.properties.walltime.value:01:00:00}"
                 "${CLEARML_TASK.name|strip|lower} ${CLEARML_TASK.name:x|strip(ab)|capitalize|raw}\n"
                 "${CLEARML_PRE_SETUP}");
  ASSERT_TRUE(p.diagnostics.empty());
  ASSERT_EQ(p.tpl.placeholders.size(), 7u);
  const auto& ph = p.tpl.placeholders;
  EXPECT_EQ(ph[0].name, "TASK");
  EXPECT_EQ(ph[0].path, (std::vector<std::string>{"id"}));
  EXPECT_EQ(ph[0].begin, 2u);
  EXPECT_EQ(ph[0].end, 20u);
  EXPECT_EQ(ph[1].name, "QUEUE_NAME");
  EXPECT_TRUE(ph[1].path.empty());
  EXPECT_EQ(ph[2].default_value, "1");
  EXPECT_EQ(ph[3].default_value, "01:00:00");
  ASSERT_EQ(ph[4].filters.size(), 2u);
  EXPECT_EQ(ph[4].filters[0].name, "strip");
  EXPECT_FALSE(ph[4].filters[0].argument);
  EXPECT_EQ(ph[5].default_value, "x");
  ASSERT_EQ(ph[5].filters.size(), 3u);
  EXPECT_EQ(ph[5].filters[0].argument, "ab");
  EXPECT_EQ(ph[5].filters[2].name, "raw");
  EXPECT_EQ(ph[6].name, "PRE_SETUP");
}

TEST(PlaceholderGrammar, EscapesInDefaultsAndArguments) {
  auto p = parse("${CLEARML_TASK.x:a\\}b\\|c\\\\|strip(\\))}");
  ASSERT_TRUE(p.diagnostics.empty());
  ASSERT_EQ(p.tpl.placeholders.size(), 1u);
  EXPECT_EQ(p.tpl.placeholders[0].default_value, "a}b|c\\");
  EXPECT_EQ(p.tpl.placeholders[0].filters[0].argument, ")");
}

TEST(PlaceholderGrammar, DoubleDollarWritesALiteralOpening) {
  auto p = parse("echo $${CLEARML_NOT_A_PLACEHOLDER} ${CLEARML_TASK.id}");
  ASSERT_TRUE(p.diagnostics.empty());
  ASSERT_EQ(p.tpl.placeholders.size(), 1u);
  EXPECT_EQ(p.tpl.escapes, (std::vector<std::size_t>{5}));
}

TEST(PlaceholderGrammar, ShellExpansionsAreNotPlaceholders) {
  auto p = parse("echo ${HOME} $CLEARML_AGENT__AGENT__VENVS_DIR \"$@\" ${CLEARML}");
  EXPECT_TRUE(p.diagnostics.empty());
  EXPECT_TRUE(p.tpl.placeholders.empty());
}

struct BadCase {
  std::string text;
  std::uint32_t line, column;
  std::string message_part;
};

TEST(PlaceholderGrammar, MalformedPlaceholdersAreErrorsWithPositions) {
  const BadCase cases[] = {
      {"x ${CLEARML_TASK.id\n", 1, 3, "unterminated placeholder"},
      {"ok\n  ${CLEARML_}", 2, 13, "expected a variable name"},
      {"${CLEARML_TASK.}", 1, 16, "expected a field name after '.'"},
      {"${CLEARML_TASK..id}", 1, 16, "expected a field name after '.'"},
      {"${CLEARML_TASK.id|}", 1, 19, "expected a filter name"},
      {"${CLEARML_TASK.id|strip(ab}", 1, 28, "expected ')'"},
      {"${CLEARML_TASK.id#x}", 1, 18, "expected '}'"},
      {"${CLEARML_TASK.id x}", 1, 18, "expected '}'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto p = parse(c.text);
    ASSERT_EQ(p.diagnostics.size(), 1u);
    EXPECT_EQ(p.diagnostics[0].rule, "placeholder-syntax");
    EXPECT_EQ(p.diagnostics[0].position.line, c.line);
    EXPECT_EQ(p.diagnostics[0].position.column, c.column);
    EXPECT_NE(p.diagnostics[0].message.find(c.message_part), std::string::npos) << p.diagnostics[0].message;
    EXPECT_TRUE(p.tpl.placeholders.empty());
  }
}

TEST(PlaceholderGrammar, AnErrorDoesNotHideLaterPlaceholders) {
  auto p = parse("${CLEARML_TASK.}\n${CLEARML_TASK.id}\n${CLEARML_TASK.name|}");
  EXPECT_EQ(p.diagnostics.size(), 2u);
  ASSERT_EQ(p.tpl.placeholders.size(), 1u);
  EXPECT_EQ(p.tpl.placeholders[0].path[0], "id");
}

}  // namespace
