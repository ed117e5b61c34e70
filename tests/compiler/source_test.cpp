#include "compiler/source.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "compiler/diagnostic.hpp"

namespace sg = slurmglue;

TEST(Source, PositionsAndLines) {
  sg::compiler::Source s("f", "ab\ncd\n\nef");
  EXPECT_EQ(s.position(0).line, 1u);
  EXPECT_EQ(s.position(4).line, 2u);
  EXPECT_EQ(s.position(4).column, 2u);
  EXPECT_EQ(s.position(7).line, 4u);
  EXPECT_EQ(s.line_text(2), "cd");
  EXPECT_EQ(s.line_text(3), "");
  EXPECT_EQ(s.line_count(), 4u);
}

TEST(Diagnostic, HumanFormatShowsTheLineAndACaret) {
  sg::compiler::Source s("t.tpl", "#!/bin/bash\necho ${CLEARML_X}\n");
  sg::compiler::Diagnostic d{"unknown-variable", sg::compiler::Severity::Error, {2, 6}, 13, "unknown variable", {}};
  std::ostringstream out;
  sg::compiler::print_human(out, s, d, false);
  EXPECT_EQ(out.str(), "t.tpl:2:6: error: unknown variable [unknown-variable]\n  echo ${CLEARML_X}\n       ^~~~~~~~~~~~\n");
  std::ostringstream gcc;
  sg::compiler::print_gcc(gcc, s, d);
  EXPECT_EQ(gcc.str(), "t.tpl:2:6: error: unknown variable [unknown-variable]\n");
}
