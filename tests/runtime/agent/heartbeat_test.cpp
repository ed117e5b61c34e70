// The heartbeat reports from a thread of its own while the agent's thread
// works and logs (one Log for both), and ending it never waits for a slow
// server. Run under ThreadSanitizer too (tools/run-tests.sh).
#include "runtime/agent/heartbeat.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::agent {
namespace {

using namespace std::chrono_literals;
using clearml::testing::TestServer;

TEST(Heartbeat, ReportsFromItsThreadWhileTheCallerLogs) {
  TestServer server;
  std::ostringstream out;
  Log log(out, /*debug=*/true);
  int reports = 0;
  {
    Heartbeat heartbeat(server.options(), "login1:glue", {"q1"}, 20ms, log);
    // The caller's thread writes to the same log meanwhile.
    for (int i = 0; i < 1000 && heartbeat.reports() < 3; ++i) {
      log.info("main loop", {"t1", "gpu", "42"}, std::to_string(i));
      std::this_thread::sleep_for(10ms);
    }
    reports = heartbeat.reports();
  }
  EXPECT_GE(reports, 3);
  const auto worker = server.state()["workers"]["login1:glue"];
  ASSERT_TRUE(worker["reports"].is_array());
  EXPECT_GE(worker["reports"].size(), 3u);
  EXPECT_EQ(worker["reports"][0]["queues"], nlohmann::json({"q1"}));
  // Each line is whole: the two threads' lines never interleave.
  std::istringstream lines(out.str());
  int heartbeat_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    const bool main_line = line.find(" info main loop task=t1 queue=gpu job=42: ") != std::string::npos;
    const bool heartbeat_line = line.find(" debug heartbeat: login1:glue") != std::string::npos;
    EXPECT_TRUE(main_line != heartbeat_line) << line;
    heartbeat_lines += heartbeat_line;
  }
  EXPECT_GE(heartbeat_lines, reports);
}

TEST(Heartbeat, EndsAtOnceWhileTheServerIsSlow) {
  TestServer server;
  server.inject("delay", 100, {{"endpoint", "workers.status_report"}, {"seconds", 60}});
  auto options = server.options();
  options.timeouts.total = std::chrono::minutes(2);  // only the stop can end the call early
  std::ostringstream out;
  Log log(out);
  const auto started = std::chrono::steady_clock::now();
  {
    Heartbeat heartbeat(options, "login1:glue", {"q1"}, 10s, log);
    std::this_thread::sleep_for(300ms);  // the first report is under way
    EXPECT_EQ(heartbeat.reports(), 0);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 30s);
}

TEST(Heartbeat, AFailedReportIsLoggedAndTheNextOneGoesOut) {
  TestServer server;
  server.inject("status", 1, {{"endpoint", "workers.status_report"}, {"status", 400}, {"subcode", 12}});
  std::ostringstream out;
  Log log(out);
  int reports = 0;
  {
    Heartbeat heartbeat(server.options(), "login1:glue", {"q1"}, 20ms, log);
    for (int i = 0; i < 1000 && heartbeat.reports() < 1; ++i) std::this_thread::sleep_for(10ms);
    reports = heartbeat.reports();
  }
  EXPECT_GE(reports, 1);
  EXPECT_NE(out.str().find("warning heartbeat failed"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace slurmglue::agent
