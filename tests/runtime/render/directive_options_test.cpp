#include "runtime/render/directive_options.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;
using sg::render::ArgKind;

namespace {

sg::render::OptionTable table() {
  return sg::render::OptionTable({{"partition", 'p', ArgKind::Required, {}},
                                  {"job-name", 'J', ArgKind::Required, {}},
                                  {"mem-per-cpu", 0, ArgKind::Required, {}},
                                  {"mem-per-gpu", 0, ArgKind::Required, {}},
                                  {"exclusive", 0, ArgKind::Optional, {}},
                                  {"hold", 'H', ArgKind::None, {}}});
}

std::vector<std::string> read(std::vector<std::string> words) {
  std::vector<std::string> out;
  const auto t = table();
  for (const auto& item : sg::render::read_directive_words(words, t)) {
    std::string s = item.canonical();
    if (item.has_value) s += "=" + words[item.value_word].substr(item.value_offset);
    out.push_back(s);
  }
  return out;
}

TEST(OptionTable, LongNamesLikeGetopt) {
  const auto t = table();
  EXPECT_EQ(t.find_long("partition").option->name, "partition");
  auto m = t.find_long("part");
  ASSERT_NE(m.option, nullptr);
  EXPECT_TRUE(m.abbreviated);
  EXPECT_TRUE(t.find_long("mem-per").ambiguous);
  EXPECT_EQ(t.find_long("mem-per").option, nullptr);
  EXPECT_EQ(t.find_long("nope").option, nullptr);
  EXPECT_EQ(t.find_short('J')->name, "job-name");
  EXPECT_EQ(t.find_short('x'), nullptr);
}

TEST(OptionTable, ReadsWordsLikeGetopt) {
  EXPECT_EQ(read({"--partition", "-x"}), (std::vector<std::string>{"--partition=-x"}));
  EXPECT_EQ(read({"--part=debug", "-Jname", "-HJ", "n2"}),
            (std::vector<std::string>{"--partition=debug", "--job-name=name", "--hold", "--job-name=n2"}));
  EXPECT_EQ(read({"--exclusive", "user"}), (std::vector<std::string>{"--exclusive", "(argument)"}));
  EXPECT_EQ(read({"--", "--hold"}), (std::vector<std::string>{"(argument)"}));
  EXPECT_EQ(read({"--unknown", "x"}), (std::vector<std::string>{"--unknown", "(argument)"}));
}

}  // namespace

namespace {

TEST(DirectiveItem, IsComparesWithTheCanonicalForm) {
  const auto t = table();
  for (const auto& words : std::vector<std::vector<std::string>>{{"--part=x", "-J", "n", "pos", "-H", "-y", "--zz"}}) {
    for (const auto& item : sg::render::read_directive_words(words, t)) {
      EXPECT_TRUE(item.is(item.canonical())) << item.canonical();
      EXPECT_FALSE(item.is(item.canonical() + "x"));
      EXPECT_FALSE(item.is(""));
    }
  }
}

}  // namespace
