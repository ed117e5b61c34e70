// The long options the compiler knows, and what one cut short may be.
#include "compiler/long_options.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

namespace sg = slurmglue;

namespace {

bool holds(const std::vector<std::string_view>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(LongOptions, TheRulesOptionsAreKnownAndNothingElse) {
  EXPECT_TRUE(sg::compiler::is_known_long_option("--output"));
  EXPECT_TRUE(sg::compiler::is_known_long_option("--to-command"));
  EXPECT_TRUE(sg::compiler::is_known_long_option("--upload-pack"));
  // Only string literals count: a comment's example of a cut is no option.
  EXPECT_FALSE(sg::compiler::is_known_long_option("--outp"));
  EXPECT_FALSE(sg::compiler::is_known_long_option("--to-c"));
  EXPECT_FALSE(sg::compiler::is_known_long_option("--no-such-option-anywhere"));
}

TEST(LongOptions, ACutIsEveryOptionItBegins) {
  const auto outp = sg::compiler::options_cut_to("--outp");
  EXPECT_TRUE(holds(outp, "--output"));
  EXPECT_TRUE(holds(outp, "--output-document"));
  // ... and itself, which a program not in the list may have whole (gdb --x).
  ASSERT_FALSE(outp.empty());
  EXPECT_EQ(outp.front(), "--outp");
  EXPECT_TRUE(holds(sg::compiler::options_cut_to("--to-c"), "--to-command"));
  // A known option that a longer one cuts is itself and that one.
  const auto dir = sg::compiler::options_cut_to("--dir");
  ASSERT_FALSE(dir.empty());
  EXPECT_EQ(dir.front(), "--dir");
  EXPECT_TRUE(holds(dir, "--directory"));
  // ... but not where the longer one adds a part or a plural: those are
  // options of their own.
  EXPECT_FALSE(holds(sg::compiler::options_cut_to("--data"), "--data-binary"));
  EXPECT_FALSE(holds(sg::compiler::options_cut_to("--file"), "--files-from"));
  // Too short, not long, or cutting nothing.
  EXPECT_TRUE(sg::compiler::options_cut_to("--").empty());
  EXPECT_TRUE(sg::compiler::options_cut_to("-o").empty());
  EXPECT_TRUE(sg::compiler::options_cut_to("--zzzz").empty());
}

}  // namespace
