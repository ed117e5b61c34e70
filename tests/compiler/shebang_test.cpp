// The #! line reader: which interpreter runs the script, with which options.
#include "compiler/shebang.hpp"

#include <gtest/gtest.h>

#include <string>

using slurmglue::compiler::read_shebang;

TEST(Shebang, InterpreterIsThePathOrEnvsFirstOperand) {
  EXPECT_EQ(read_shebang("#!/bin/bash\necho\n").interpreter_name(), "bash");
  EXPECT_EQ(read_shebang("#! /usr/bin/env  bash\n").interpreter_name(), "bash");
  EXPECT_EQ(read_shebang("#!/usr/bin/env -S bash -i\n").interpreter_name(), "bash");
  EXPECT_EQ(read_shebang("#!/bin/sh\n").interpreter_name(), "sh");
  EXPECT_EQ(read_shebang("echo\n").interpreter_name(), "");
  EXPECT_EQ(read_shebang("#!\n").interpreter_name(), "");
  EXPECT_EQ(read_shebang("#!/usr/bin/env\n").interpreter_name(), "");
}

TEST(Shebang, ShortOptionsAreTheInterpretersNotEnvs) {
  EXPECT_TRUE(read_shebang("#!/bin/bash -xi\n").short_option('i'));
  EXPECT_TRUE(read_shebang("#!/usr/bin/env -S bash -i\n").short_option('i'));
  // env -i empties the environment: bash is not interactive.
  EXPECT_FALSE(read_shebang("#!/usr/bin/env -i bash\n").short_option('i'));
  // --init-file is a long option, not a cluster holding i.
  EXPECT_FALSE(read_shebang("#!/bin/bash --init-file x\n").short_option('i'));
  // The word found is a copy whose text lies in the script, not in the reader.
  const std::string text = "#!/bin/bash -e -uk\n";
  const auto k = read_shebang(text).short_option('k');
  ASSERT_TRUE(k);
  EXPECT_EQ(k->text, "-uk");
  EXPECT_EQ(k->offset, text.find("-uk"));
}

TEST(Shebang, NamedOptionsInOneWordOrTwo) {
  const std::string text = "#!/bin/bash -O compat31\n";
  const auto w = read_shebang(text).named_option('O', "compat");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->text, "compat31");
  EXPECT_EQ(w->offset, text.find("compat31"));
  EXPECT_TRUE(read_shebang("#!/bin/bash -Ocdable_vars\n").named_option('O', "cdable_vars"));
  EXPECT_TRUE(read_shebang("#!/bin/bash -eo keyword\n").named_option('o', "keyword"));
  EXPECT_FALSE(read_shebang("#!/bin/bash -O extglob\n").named_option('O', "compat"));
  EXPECT_FALSE(read_shebang("#!/bin/bash\n-O compat31\n").named_option('O', "compat"));
}
