#include "runtime/render/escape.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;
using sg::render::Quoting;
using sg::render::ShellContext;

namespace {

std::string esc(std::string_view v, ShellContext c) {
  std::string out;
  const char* why = sg::render::append_escaped(v, c, out);
  return why ? std::string("ERROR: ") + why : out;
}
ShellContext ctx(Quoting q) {
  ShellContext c;
  c.quoting = q;
  return c;
}

TEST(Escape, PlainValuesAreWrittenAsTheyAre) {
  for (auto q : {Quoting::Unquoted, Quoting::DoubleQuoted, Quoting::SingleQuoted, Quoting::HeredocUnquoted,
                 Quoting::DirectiveUnquoted, Quoting::DirectiveDoubleQuoted, Quoting::Comment}) {
    EXPECT_EQ(esc("clearml_task_4a5b-6c.7:1,2@x%+=/", ctx(q)), "clearml_task_4a5b-6c.7:1,2@x%+=/");
  }
}

TEST(Escape, Unquoted) {
  auto c = ctx(Quoting::Unquoted);
  EXPECT_EQ(esc("a b", c), "'a b'");
  EXPECT_EQ(esc("", c), "''");
  EXPECT_EQ(esc("it's", c), "'it'\\''s'");
  EXPECT_EQ(esc("$(id)", c), "'$(id)'");
  EXPECT_EQ(esc("~", c), "'~'");
  EXPECT_EQ(esc("LD_PRELOAD=x", c), "LD_PRELOAD=x");  // not at a word start: no assignment possible
  c.word_start = true;
  EXPECT_EQ(esc("LD_PRELOAD=x", c), "'LD_PRELOAD=x'");
  EXPECT_EQ(esc("--lr=0.1", c), "--lr=0.1");
}

TEST(Escape, DoubleQuotedAndParameterExpansion) {
  auto c = ctx(Quoting::DoubleQuoted);
  EXPECT_EQ(esc("a \"b\" $c `d` \\e 'f' }", c), "a \\\"b\\\" \\$c \\`d\\` \\\\e 'f' }");
  c.in_parameter_expansion = true;
  EXPECT_EQ(esc("a}b", c), "a\\}b");
  EXPECT_EQ(esc("it's", c).rfind("ERROR", 0), 0u);
}

TEST(Escape, SingleAndDollarSingleQuoted) {
  EXPECT_EQ(esc("it's \\ $x", ctx(Quoting::SingleQuoted)), "it'\\''s \\ $x");
  EXPECT_EQ(esc("it's \\ \n\x01", ctx(Quoting::DollarSingleQuoted)), "it\\'s \\\\ \\n\\x01");
}

TEST(Escape, HereDocumentsAndComments) {
  EXPECT_EQ(esc("$x `y` \\z \"q\"", ctx(Quoting::HeredocUnquoted)), "\\$x \\`y\\` \\\\z \"q\"");
  EXPECT_EQ(esc("$x `y`", ctx(Quoting::HeredocQuoted)), "$x `y`");
  EXPECT_EQ(esc("a # $(b)", ctx(Quoting::Comment)), "a # $(b)");
  EXPECT_EQ(esc("a\nb", ctx(Quoting::Comment)).rfind("ERROR", 0), 0u);
}

TEST(Escape, RestrictedContexts) {
  EXPECT_EQ(esc("-12", ctx(Quoting::Arithmetic)), "-12");
  EXPECT_EQ(esc("a[$(id)]", ctx(Quoting::Arithmetic)).rfind("ERROR", 0), 0u);
  auto bt = ctx(Quoting::Unquoted);
  bt.backtick_depth = 1;
  EXPECT_EQ(esc("plain", bt), "plain");
  EXPECT_EQ(esc("a b", bt).rfind("ERROR", 0), 0u);
  auto db = ctx(Quoting::DoubleQuoted);
  db.in_double_brackets = true;
  EXPECT_EQ(esc("a b", db), "a b");
  EXPECT_EQ(esc("x[$(id)]", db).rfind("ERROR", 0), 0u);
  EXPECT_EQ(esc(std::string("a\0b", 3), ctx(Quoting::SingleQuoted)).rfind("ERROR", 0), 0u);
}

TEST(Escape, DirectiveArguments) {
  auto u = ctx(Quoting::DirectiveUnquoted);
  EXPECT_EQ(esc("a b", u), "\"a b\"");
  EXPECT_EQ(esc("nvcr.io#nvidia/x", u), "\"nvcr.io#nvidia/x\"");
  EXPECT_EQ(esc("say \"hi\" \\o/", u), "\"say \\\"hi\\\" \\\\o/\"");
  EXPECT_EQ(esc(":b", u), "\":b\"");
  EXPECT_EQ(esc("HetJob", u), "\"HetJob\"");
  EXPECT_EQ(esc("", u), "\"\"");
  EXPECT_EQ(esc("a\tb", u), "\"a\tb\"");
  EXPECT_EQ(esc("a\nb", u).rfind("ERROR", 0), 0u);
  EXPECT_EQ(esc("a\x01", u).rfind("ERROR", 0), 0u);
  EXPECT_EQ(esc("it's \"x\"", ctx(Quoting::DirectiveDoubleQuoted)), "it's \\\"x\\\"");
  EXPECT_EQ(esc("it's \"x\"", ctx(Quoting::DirectiveSingleQuoted)), "it\\'s \"x\"");
}

TEST(Escape, SplitWords) {
  std::vector<std::string> w;
  ASSERT_EQ(sg::render::split_words("--ipc=host  -e 'A B' \"C \\\"D\\\"\" e\\ f", w), nullptr);
  EXPECT_EQ(w, (std::vector<std::string>{"--ipc=host", "-e", "A B", "C \"D\"", "e f"}));
  EXPECT_NE(sg::render::split_words("'open", w), nullptr);
  ASSERT_EQ(sg::render::split_words("", w), nullptr);
  EXPECT_TRUE(w.empty());
}

}  // namespace
