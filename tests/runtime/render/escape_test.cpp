#include "runtime/render/escape.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;
using sg::render::Quoting;
using sg::render::ShellContext;

namespace {

// The placed text, "REF:" before it when it is a reference to the data
// variable v, or "ERROR: why".
std::string esc(std::string_view v, ShellContext c) {
  std::string out;
  bool referenced = false;
  const char* why = sg::render::place_value(v, c, "v", out, referenced);
  if (why) return std::string("ERROR: ") + why;
  return referenced ? "REF:" + out : out;
}
bool is_error(const std::string& s) { return s.rfind("ERROR", 0) == 0; }
ShellContext ctx(Quoting q) {
  ShellContext c;
  c.quoting = q;
  return c;
}

TEST(Escape, PlainValuesAreWrittenAsTheyAre) {
  for (auto q : {Quoting::Unquoted, Quoting::DoubleQuoted, Quoting::SingleQuoted, Quoting::HeredocUnquoted,
                 Quoting::DirectiveUnquoted, Quoting::DirectiveDoubleQuoted, Quoting::Comment}) {
    EXPECT_EQ(esc("clearml_task_4a5b-6c.7:12@x%+=/", ctx(q)), "clearml_task_4a5b-6c.7:12@x%+=/");
  }
}

// Wherever bash expands parameters, anything but a plain word is a reference,
// written so that the context's quoting holds it as one word.
TEST(Escape, OtherValuesAreReferencesToTheDataBlock) {
  EXPECT_EQ(esc("a b", ctx(Quoting::Unquoted)), "REF:\"${v}\"");
  EXPECT_EQ(esc("it's", ctx(Quoting::DoubleQuoted)), "REF:${v}");
  EXPECT_EQ(esc("$(id)", ctx(Quoting::HeredocUnquoted)), "REF:${v}");
  EXPECT_EQ(esc("it's", ctx(Quoting::SingleQuoted)), "REF:'\"${v}\"'");
  EXPECT_EQ(esc("it's", ctx(Quoting::DollarSingleQuoted)), "REF:'\"${v}\"$'");
  // Plain words that would still be read differently: commas (brace
  // expansion), an assignment at a word start, '/' and ':' inside ${...}.
  EXPECT_EQ(esc("a,b", ctx(Quoting::Unquoted)), "REF:\"${v}\"");
  EXPECT_EQ(esc("a,b", ctx(Quoting::DoubleQuoted)), "a,b");
  EXPECT_EQ(esc("a..e", ctx(Quoting::Unquoted)), "REF:\"${v}\"");  // {a..e} is a sequence
  EXPECT_EQ(esc("../data", ctx(Quoting::DoubleQuoted)), "../data");
  auto start = ctx(Quoting::Unquoted);
  start.word_start = true;
  EXPECT_EQ(esc("LD_PRELOAD=x", start), "REF:\"${v}\"");
  EXPECT_EQ(esc("LD_PRELOAD=x", ctx(Quoting::Unquoted)), "LD_PRELOAD=x");
  auto param = ctx(Quoting::DoubleQuoted);
  param.in_parameter_expansion = true;
  // Quoted inside "${...}": in "${s//p/${v}}" bash 5.2 would put the match
  // for each '&' of the value (patsub_replacement).
  EXPECT_EQ(esc("a/b", param), "REF:\"${v}\"");
  EXPECT_EQ(esc("it's}", param), "REF:\"${v}\"");  // once refused: a ' inside "${...}"
  EXPECT_EQ(esc("x&y", param), "REF:\"${v}\"");
  auto brackets = ctx(Quoting::Unquoted);
  brackets.in_double_brackets = true;
  EXPECT_EQ(esc("-eq", brackets), "REF:\"${v}\"");
  // Inside `...` a reference needs no backslash, so any text may stand.
  auto bt = ctx(Quoting::Unquoted);
  bt.backtick_depth = 2;
  EXPECT_EQ(esc("a b", bt), "REF:\"${v}\"");
  // A quoted here-document body inside `...` is literal text that the
  // substitution reads first: a '`' would end it.
  auto body = ctx(Quoting::HeredocQuoted);
  body.backtick_depth = 1;
  EXPECT_EQ(esc("plain", body), "plain");
  EXPECT_TRUE(is_error(esc("x`id`", body)));
}

TEST(Escape, EmptyValues) {
  EXPECT_EQ(esc("", ctx(Quoting::Unquoted)), "''");
  EXPECT_EQ(esc("", ctx(Quoting::DoubleQuoted)), "");
  EXPECT_EQ(esc("", ctx(Quoting::SingleQuoted)), "");
}

TEST(Escape, AnsiCQuotingIsPureAscii) {
  std::string out;
  sg::render::append_ansi_c_quoted("a'b\\c\n\x01\xe6\x97\xa5 \x7f~", out);
  EXPECT_EQ(out, "$'a\\x27b\\x5cc\\x0a\\x01\\xe6\\x97\\xa5 \\x7f~'");
  for (unsigned char c : out) EXPECT_TRUE(c >= 0x20 && c < 0x7f);
}

TEST(Escape, LiteralContexts) {
  EXPECT_EQ(esc("$x `y`", ctx(Quoting::HeredocQuoted)), "$x `y`");
  EXPECT_EQ(esc("a # $(b)", ctx(Quoting::Comment)), "a # $(b)");
  EXPECT_TRUE(is_error(esc("a\nb", ctx(Quoting::Comment))));
  auto bt = ctx(Quoting::Comment);
  bt.backtick_depth = 1;
  EXPECT_TRUE(is_error(esc("a`b", bt)));
}

TEST(Escape, RestrictedContexts) {
  EXPECT_EQ(esc("-12", ctx(Quoting::Arithmetic)), "-12");
  EXPECT_TRUE(is_error(esc("a[$(id)]", ctx(Quoting::Arithmetic))));
  EXPECT_TRUE(is_error(esc("1+1", ctx(Quoting::Arithmetic))));
  // A leading 0 is octal to bash: 010 is 8, 08 and 0128 errors.
  for (auto v : {"010", "08", "0128", "-07", "00"}) EXPECT_TRUE(is_error(esc(v, ctx(Quoting::Arithmetic)))) << v;
  EXPECT_EQ(esc("0", ctx(Quoting::Arithmetic)), "0");
  EXPECT_EQ(esc("-0", ctx(Quoting::Arithmetic)), "-0");
  // '[' then any '$' or '`': code in any arithmetic the value reaches later.
  for (auto v : {"x[$(id)]", "x[${Q:-\"$\"(id)}]", "x[`id`]", "a[1] $HOME", "a[$'\\x24']"})
    EXPECT_TRUE(is_error(esc(v, ctx(Quoting::DoubleQuoted)))) << v;
  EXPECT_EQ(esc("x[$(id)]", ctx(Quoting::HeredocQuoted)), "x[$(id)]");  // never expanded there
  EXPECT_EQ(esc("^[a-z]+$", ctx(Quoting::DoubleQuoted)), "REF:${v}");  // a final $ starts nothing
  EXPECT_TRUE(is_error(esc(std::string("a\0b", 3), ctx(Quoting::SingleQuoted))));
}

TEST(Escape, StringsParsedAgainTakeOnlyPlainWords) {
  auto c = ctx(Quoting::DoubleQuoted);
  c.reparsed = true;
  EXPECT_EQ(esc("0123abc", c), "0123abc");
  EXPECT_TRUE(is_error(esc("a b", c)));
  EXPECT_TRUE(is_error(esc("", c)));
}

// ${X}>log: a word of digits (2>log) or {NAME} ({fd}>log) right before a
// redirection is its descriptor, not an argument.
TEST(Escape, AValueNeverBecomesARedirectionsDescriptor) {
  using sg::render::DescriptorRisk;
  auto c = ctx(Quoting::Unquoted);
  c.descriptor = DescriptorRisk::Value;
  for (auto v : {"2", "0", "{fd}", "{PATH", "fd}"}) EXPECT_EQ(esc(v, c), "REF:\"${v}\"") << v;
  for (auto v : {"resnet", "2a", "1.5", "2-3"}) EXPECT_FALSE(esc(v, c).rfind("REF", 0) == 0) << v;
  c.descriptor = DescriptorRisk::Named;  // x${X}>log: only {x...} would do
  EXPECT_EQ(esc("2", c), "2");
  EXPECT_EQ(esc("{fd}", c), "REF:\"${v}\"");
  c.descriptor = DescriptorRisk::Braces;  // {${X}}>log
  EXPECT_EQ(esc("fd", c), "REF:\"${v}\"");
  EXPECT_EQ(esc("f.d", c), "f.d");
  c.descriptor = DescriptorRisk::None;
  EXPECT_EQ(esc("2", c), "2");
  auto reparsed = ctx(Quoting::DoubleQuoted);
  reparsed.reparsed = true;
  reparsed.descriptor = DescriptorRisk::Value;
  EXPECT_TRUE(is_error(esc("2", reparsed)));
  EXPECT_EQ(esc("2.5", reparsed), "2.5");
  EXPECT_EQ(esc("2", ctx(Quoting::DoubleQuoted)), "2");
}

TEST(Escape, AValueBecomesAnOptionOnlyAfterAnOption) {
  auto c = ctx(Quoting::Unquoted);
  c.word_start = c.begins_argument = true;
  EXPECT_TRUE(is_error(esc("-c", c)));
  EXPECT_TRUE(is_error(esc("-c'x'", c)));
  // After an option of unknown argument count: numbers only.
  c.after_option = true;
  EXPECT_EQ(esc("-1", c), "-1");
  EXPECT_EQ(esc("-0.5", c), "-0.5");
  EXPECT_EQ(esc("-1e-3", c), "-1e-3");
  EXPECT_TRUE(is_error(esc("--upload-pack=x", c)));
  EXPECT_TRUE(is_error(esc("-e", c)));
  EXPECT_TRUE(is_error(esc("-", c)));
  // After an option known to take a value (or after --): any text.
  c.option_takes_value = true;
  EXPECT_EQ(esc("-x", c), "-x");
  EXPECT_EQ(esc("--upload-pack=x", c), "--upload-pack=x");
  auto q = ctx(Quoting::DoubleQuoted);
  q.begins_argument = true;
  EXPECT_TRUE(is_error(esc("--help", q)));
  // bash's echo reads only -n, -e, -E (and their clusters) as options.
  q.echo_operand = true;
  EXPECT_FALSE(is_error(esc("-0.001", q)));
  EXPECT_FALSE(is_error(esc("-x", q)));
  EXPECT_TRUE(is_error(esc("-n", q)));
  EXPECT_TRUE(is_error(esc("-neE", q)));
}

TEST(Escape, ArgumentListsAreOptionsPlainOrOneArrayReference) {
  std::string out;
  bool referenced = false;
  ShellContext c;
  ASSERT_EQ(sg::render::place_words({"--ipc=host", "-t"}, c, "v", out, referenced), nullptr);
  EXPECT_EQ(out, "--ipc=host -t");
  EXPECT_FALSE(referenced);
  out.clear();
  ASSERT_EQ(sg::render::place_words({"--ipc=host", "--label=a b"}, c, "v", out, referenced), nullptr);
  EXPECT_EQ(out, "\"${v[@]}\"");
  EXPECT_TRUE(referenced);
  EXPECT_NE(sg::render::place_words({"--ipc=host", "touch"}, c, "v", out, referenced), nullptr);
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
