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

// A line of megabytes (a minified or binary file) is shown as the part
// around the column, so each diagnostic on it prints a bounded excerpt.
TEST(Diagnostic, HumanFormatShowsALongLineAroundTheColumn) {
  const std::string line = std::string(1000, 'a') + "X" + std::string(1000, 'b');
  sg::compiler::Source s("t.tpl", line + "\n");
  sg::compiler::Diagnostic d{"r", sg::compiler::Severity::Error, {1, 1001}, 1, "here", {}};
  std::ostringstream out;
  sg::compiler::print_human(out, s, d, false);
  EXPECT_EQ(out.str(), "t.tpl:1:1001: error: here [r]\n  ..." + std::string(79, 'a') + "X" + std::string(80, 'b') +
                           "...\n  " + std::string(3 + 79, ' ') + "^\n");
}

// Bytes that would drive a terminal (escape sequences, carriage returns) are
// printed as '?', one for one, so the caret keeps its column.
TEST(Diagnostic, ControlBytesOfTheTemplateArePrintedAsQuestionMarks) {
  sg::compiler::Source s("t.tpl", "echo \x1b[2J\r\tx\n");
  sg::compiler::Diagnostic d{"r", sg::compiler::Severity::Error, {1, 12}, 1, "bad \x1b]0;title\x07", {}};
  std::ostringstream out;
  sg::compiler::print_human(out, s, d, false);
  EXPECT_EQ(out.str(), "t.tpl:1:12: error: bad ?]0;title? [r]\n  echo ?[2J?\tx\n  " + std::string(10, ' ') + "\t^\n");
  std::ostringstream gcc;
  sg::compiler::print_gcc(gcc, s, d);
  EXPECT_EQ(gcc.str(), "t.tpl:1:12: error: bad ?]0;title? [r]\n");
}

// Columns count bytes; the caret stands under the character, one blank per
// character of UTF-8 before it (lint hunt 53).
TEST(Diagnostic, TheCaretCountsCharactersOfUtf8) {
  sg::compiler::Source s("t.tpl", "#SBATCH --comment=\"caf\xc3\xa9\" --ntasks=x\n");
  sg::compiler::Diagnostic d{"r", sg::compiler::Severity::Error, {1, 35}, 1, "bad", {}};
  std::ostringstream out;
  sg::compiler::print_human(out, s, d, false);
  EXPECT_EQ(out.str(), "t.tpl:1:35: error: bad [r]\n  #SBATCH --comment=\"caf\xc3\xa9\" --ntasks=x\n  " + std::string(33, ' ') + "^\n");
  EXPECT_EQ(sg::compiler::code_points("caf\xc3\xa9"), 4u);
}

// line_end is a look-up in the line table; it must agree with searching the
// text for the next line break, on every kind of line.
TEST(Source, LineEndIsTheNextLineBreak) {
  for (const std::string text : {"", "\n", "a", "ab\ncd", "ab\ncd\n", "\n\nx\n\n"}) {
    const sg::compiler::Source s("t.tpl", text);
    for (std::size_t at = 0; at <= text.size(); ++at) {
      const auto found = text.find('\n', at);
      EXPECT_EQ(s.line_end(at), found == std::string::npos ? text.size() : found) << '"' << text << "\" at " << at;
    }
  }
}
