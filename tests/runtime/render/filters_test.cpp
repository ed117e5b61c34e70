#include "runtime/render/filters.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;
using K = sg::render::Filter::Kind;

namespace {
std::string apply(std::string v, std::vector<sg::render::Filter> f) { return sg::render::apply_filters(std::move(v), f); }
}  // namespace

TEST(Filters, EachFilter) {
  EXPECT_EQ(apply("  a b \t", {{K::Strip, {}, false}}), "a b");
  EXPECT_EQ(apply("xxabyx", {{K::Strip, "xy", true}}), "ab");
  EXPECT_EQ(apply("hELLO world", {{K::Capitalize, {}, false}}), "Hello world");
  EXPECT_EQ(apply("MiXeD", {{K::Lower, {}, false}}), "mixed");
  EXPECT_EQ(apply("a\r\nb\nc", {{K::RemoveNewlines, {}, false}}), "abc");
}

TEST(Filters, NewlinesGoUnlessRaw) {
  EXPECT_EQ(apply("a\nb", {}), "ab");
  EXPECT_EQ(apply("A\nB", {{K::Lower, {}, false}}), "ab");
  EXPECT_EQ(apply("a\nb", {{K::Raw, {}, false}}), "a\nb");
}

TEST(Filters, AppliedInOrder) {
  EXPECT_EQ(apply(" Ab ", {{K::Lower, {}, false}, {K::Strip, {}, false}, {K::Capitalize, {}, false}}), "Ab");
  EXPECT_EQ(apply("xAx", {{K::Strip, "x", true}, {K::Lower, {}, false}}), "a");
}

TEST(Filters, NumberChangesNothingAndIsCheckedOnTheResult) {
  EXPECT_EQ(apply(" 0.1 ", {{K::Number, {}, false}, {K::Strip, {}, false}}), "0.1");
  EXPECT_TRUE(sg::render::requires_number({{K::Lower, {}, false}, {K::Number, {}, false}}));
  EXPECT_FALSE(sg::render::requires_number({{K::Lower, {}, false}}));
  for (const char* n : {"8", "0.1", ".5", "5.", "3e-4", "1E+6", "10e3"}) EXPECT_TRUE(sg::render::is_number(n)) << n;
  for (const char* n : {"", ".", "-1", "+1", "1e", "e5", "1.2.3", "0x10", "1 ", "1;x", "inf", "nan", "1e-", "١"})
    EXPECT_FALSE(sg::render::is_number(n)) << n;
  // Where it is parsed again as code, a number has no exponent's letter.
  for (const char* n : {"8", "0.1", ".5"}) EXPECT_TRUE(sg::render::is_number(n, false)) << n;
  for (const char* n : {"3e-4", "1E+6", "1e0"}) EXPECT_FALSE(sg::render::is_number(n, false)) << n;
}
