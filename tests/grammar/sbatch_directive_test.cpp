// The #SBATCH word splitter against the behaviour observed on a real sbatch
// (tests/integration/sbatch_directives_test.sh holds the observations).
#include "grammar/sbatch_directive.hpp"

#include <gtest/gtest.h>

namespace {

using slurmglue::grammar::sbatch::split;

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  for (auto& w : split(line).words) out.push_back(w.text);
  return out;
}

TEST(SbatchDirective, SplitsOnBlanksAndGroupsWithQuotes) {
  EXPECT_EQ(words(" --a=1\t--b 2"), (std::vector<std::string>{"--a=1", "--b", "2"}));
  EXPECT_EQ(words(" \"a b#c\" 'a b#c'"), (std::vector<std::string>{"a b#c", "a b#c"}));
  EXPECT_EQ(words(" a\"b c\"d'e f'g"), (std::vector<std::string>{"ab cde fg"}));
  EXPECT_EQ(words(" 'x\"y'\"z'w\""), (std::vector<std::string>{"x\"yz'w"}));
}

TEST(SbatchDirective, BackslashEscapesInsideQuotesToo) {
  EXPECT_EQ(words(" --job-name=n\\\\x\\y"), (std::vector<std::string>{"--job-name=n\\xy"}));
  EXPECT_EQ(words(" \"a\\\"b\\\\c\\n\""), (std::vector<std::string>{"a\"b\\cn"}));
  EXPECT_EQ(words(" 'a\\'b'"), (std::vector<std::string>{"a'b"}));
  EXPECT_EQ(words(" \\#x"), (std::vector<std::string>{"#x"}));
}

TEST(SbatchDirective, EscapedBlankStillSeparatesBefore2405) {
  EXPECT_EQ(words(" --comment=a\\ b"), (std::vector<std::string>{"--comment=a", "b"}));
}

// From 24.05 on '\' before a space keeps the space (a tab still separates);
// a '\' with nothing after it in its word escapes nothing.
TEST(SbatchDirective, EscapedSpaceKeptFrom2405) {
  using slurmglue::grammar::sbatch::Escapes;
  auto s = split(" --comment=a\\ b --x", Escapes::KeepSpace);
  ASSERT_EQ(s.words.size(), 2u);
  EXPECT_EQ(s.words[0].text, "--comment=a b");
  EXPECT_EQ(split(" --comment=a\\\tb", Escapes::KeepSpace).words.size(), 2u);
  auto mounts = split(" --container-mounts=/data:/data\\ \\", Escapes::KeepSpace);
  ASSERT_EQ(mounts.words.size(), 1u);
  EXPECT_EQ(mounts.words[0].text, "--container-mounts=/data:/data ");  // the last '\' escapes nothing
  EXPECT_FALSE(mounts.ended_at);
  EXPECT_FALSE(mounts.hetjob_separator);
  auto old = split(" --container-mounts=/data:/data\\ \\");
  ASSERT_EQ(old.words.size(), 1u);
  EXPECT_EQ(old.words[0].text, "--container-mounts=/data:/data");
  EXPECT_TRUE(old.ended_at);  // up to 23.11 the last '\' stands alone: an empty word
}

TEST(SbatchDirective, UnquotedHashCutsTheLine) {
  auto s = split(" --comment=abc#def --job-name=zz");
  ASSERT_EQ(s.words.size(), 1u);
  EXPECT_EQ(s.words[0].text, "--comment=abc");
  EXPECT_EQ(s.comment, 14u);
}

TEST(SbatchDirective, EmptyQuotedWordEndsTheLine) {
  auto s = split(" --hold \"\" --job-name=x");
  EXPECT_EQ(s.words.size(), 1u);
  EXPECT_TRUE(s.ended_at);
  EXPECT_EQ(words(" --comment=\"\""), (std::vector<std::string>{"--comment="}));
}

TEST(SbatchDirective, FatalAndSeparatingWords) {
  EXPECT_TRUE(split(" --comment=a :b").leading_colon);
  EXPECT_FALSE(split(" --comment=:b \":q\"").leading_colon);
  EXPECT_TRUE(split(" --comment='abc").unmatched_quote);
  EXPECT_TRUE(split("   HetJob --job-name=dropped").hetjob_separator);
  auto later = split(" --comment hetjob --job-name=hj");
  EXPECT_FALSE(later.hetjob_separator);
  EXPECT_TRUE(later.ended_at);
  EXPECT_EQ(later.words.size(), 1u);
  EXPECT_EQ(words(" --job-name=myhetjob1 \"hetjob\""), (std::vector<std::string>{"--job-name=myhetjob1", "hetjob"}));
  // Only followed by a blank or the line's end (lint hunt 46): "hetjob#x"
  // is a stray word, which sbatch rejects.
  EXPECT_TRUE(split(" hetjob").hetjob_separator);
  EXPECT_TRUE(split(" packjob\t# next").hetjob_separator);
  const auto glued = split(" hetjob#second");
  EXPECT_FALSE(glued.hetjob_separator);
  EXPECT_EQ(glued.words.size(), 1u);
  EXPECT_FALSE(split(" --time=5 hetjob#x").ended_at);
}

}  // namespace
