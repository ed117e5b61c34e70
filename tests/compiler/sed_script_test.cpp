// The sed script reader: which points of a script are an s command's
// replacement (copied text), and the shell words that give a script.
#include "compiler/sed_script.hpp"

#include <gtest/gtest.h>

#include <string>

using slurmglue::compiler::ends_in_sed_replacement;
using slurmglue::compiler::unquote_plain_word;

TEST(SedScript, ThePointAfterAnSCommandsSecondDelimiterIsItsReplacement) {
  for (const char* before : {"s/^lr:.*/lr: ", "s|a|", "/^#/!s/x/", "1,$s/a/b/g; s/lr=.*/lr=", "s/a\\/b/c\\/",
                             "\\,x,s,y,", "/a/I,/b/ s/x/y/2\ns/z/", "3s/a/"})
    EXPECT_TRUE(ends_in_sed_replacement(before)) << before;
}

TEST(SedScript, AddressesPatternsFlagsAndOtherCommandsAreNot) {
  for (const char* before : {"", "s/", "s/x", "s/x//", "/", "1,", "s/a/b/", "s/a/b/g", "s/a/b/;", "s/a/b/e;s/c/", "s/a/b/w f\ns/c/",
                             "s/a/x\\", "s/a/x\\\nb", "y/a/", "a text ", "p;s/x/", "1e", "s1a1", "s.a.", "sea", "s-a-",
                             "s\\a\\", "{s/a/"})
    EXPECT_FALSE(ends_in_sed_replacement(before)) << before;
}

TEST(SedScript, WordsLoseTheShellsQuotesAndRefuseExpansions) {
  std::string out;
  ASSERT_TRUE(unquote_plain_word("\"s/^lr:.*/lr: ", out));
  EXPECT_EQ(out, "s/^lr:.*/lr: ");
  ASSERT_TRUE(unquote_plain_word("'s/\\(a\\)/'\"\\1 \\\\ \\\" it's ", out));
  EXPECT_EQ(out, "s/\\(a\\)/\\1 \\ \" it's ");
  ASSERT_TRUE(unquote_plain_word("s/a\\ b/", out));
  EXPECT_EQ(out, "s/a b/");
  for (const char* raw : {"\"s/$X/", "s/`x`/", "'s/a/'\"$(x)", "s/a\\"}) EXPECT_FALSE(unquote_plain_word(raw, out)) << raw;
}
