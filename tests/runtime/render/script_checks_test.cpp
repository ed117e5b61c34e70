#include "runtime/render/script_checks.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;

TEST(ScriptChecks, WhatSbatchRejects) {
  EXPECT_EQ(sg::render::script_rejection("#!/bin/bash\necho\n"), "");
  EXPECT_NE(sg::render::script_rejection(" \n\t"), "");
  EXPECT_NE(sg::render::script_rejection("echo\n"), "");
  EXPECT_NE(sg::render::script_rejection(std::string("#!/bin/sh\n\0", 11)), "");
  EXPECT_NE(sg::render::script_rejection("#!/bin/sh\r\necho\n"), "");
  EXPECT_NE(sg::render::script_rejection("#!/bin/sh\n" + std::string(sg::render::kMaxScriptBytes, '#')), "");
}

TEST(ScriptChecks, DirectiveLinesStopAtTheFirstCommand) {
  const char* script =
      "#!/bin/bash\n#SBATCH -a\n\n  # comment\n#SBATCH -b\n #SBATCH -indented\n#sbatch -lower\necho hi\n#SBATCH -c\n";
  EXPECT_EQ(sg::render::directive_lines(script), (std::vector<std::size_t>{2, 5}));
}

// sbatch also reads #PBS and #BSUB lines (its PBS and LSF translation),
// beyond the header.
TEST(ScriptChecks, TranslatedDirectiveLinesAnywhere) {
  EXPECT_EQ(sg::render::count_translated_directive_lines("#!/bin/bash\necho\n#PBS -N x\n  #BSUB -J y\necho #PBS\n"), 2u);
  EXPECT_EQ(sg::render::count_translated_directive_lines("#PBS -N x"), 1u);
  EXPECT_EQ(sg::render::count_translated_directive_lines("#!/bin/bash\n# PBS -N x\nx#PBS\n"), 0u);
}
