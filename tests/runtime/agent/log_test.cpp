#include "runtime/agent/log.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace slurmglue::agent {
namespace {

// The log's text with its timestamps replaced by "T".
std::string untimed(const std::ostringstream& out) {
  return std::regex_replace(out.str(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"), "T");
}

TEST(Log, OneLinePerEventWithItsFields) {
  std::ostringstream out;
  Log log(out);
  log.info("submitted", {"4f1c", "gpu", "123"});
  log.warning("odd", {}, "two\nlines");
  log.debug("hidden");
  EXPECT_EQ(untimed(out), "T info submitted task=4f1c queue=gpu job=123\nT warning odd: two lines\n");
}

TEST(Log, ProgressOnATerminalStaysBelowTheLogLines) {
  std::ostringstream out;
  Log log(out, false, true);
  log.progress("reconciling 1/3");
  log.info("popped", {"t1", {}, {}});
  log.progress("reconciling 2/3");
  log.progress({});
  log.info("done");
  EXPECT_EQ(untimed(out),
            "\r\033[Kreconciling 1/3"
            "\r\033[KT info popped task=t1\nreconciling 1/3"
            "\r\033[Kreconciling 2/3"
            "\r\033[K"
            "T info done\n");
}

TEST(Log, NoProgressWhenNotATerminal) {
  std::ostringstream out;
  Log log(out);
  log.progress("reconciling 1/3");
  log.info("done");
  log.progress({});
  EXPECT_EQ(untimed(out), "T info done\n");
}

}  // namespace
}  // namespace slurmglue::agent
