#include "runtime/clearml/events.hpp"

#include <gtest/gtest.h>

#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

const std::vector<LogLine> kLines = {
    {"t1", 1700000000123, "error", "login1:glue", "sbatch: error: invalid partition"},
    {"t1", 1700000000124, "info", "login1:glue", "line with \"quotes\"\nand a newline"},
};

TEST(Events, OneJsonEventPerLine) {
  const std::string body = to_json_lines(kLines);
  std::istringstream in(body);
  std::string line;
  std::getline(in, line);
  const auto first = nlohmann::json::parse(line);
  EXPECT_EQ(first, (nlohmann::json{{"type", "log"},
                                   {"task", "t1"},
                                   {"timestamp", 1700000000123},
                                   {"level", "error"},
                                   {"worker", "login1:glue"},
                                   {"msg", "sbatch: error: invalid partition"}}));
  std::getline(in, line);
  EXPECT_EQ(nlohmann::json::parse(line)["msg"], "line with \"quotes\"\nand a newline");
  EXPECT_FALSE(std::getline(in, line));
}

TEST(Events, InvalidUtf8DoesNotLoseTheBatch) {
  EXPECT_NO_THROW(to_json_lines({{"t1", 1, "info", "w", "bad \xff byte"}}));
}

TEST(Events, SendsTheLinesAsJsonLines) {
  testing::TestServer server(nlohmann::json{{"tasks", {{{"id", "t1"}}}}});
  Session session(server.options());
  add_log_lines(session, kLines);
  add_log_lines(session, {});
  const auto events = server.state()["events"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1]["msg"], "line with \"quotes\"\nand a newline");
  const auto last = server.requests().back();
  EXPECT_EQ(last["endpoint"], "events.add_batch");
  EXPECT_EQ(last["content_type"], "application/json-lines");
  EXPECT_EQ(server.count("events.add_batch"), 1);
}

}  // namespace
}  // namespace slurmglue::clearml
