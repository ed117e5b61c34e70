#include "runtime/clearml/workers.hpp"

#include <gtest/gtest.h>

#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

TEST(Workers, RegistersReportsAndUnregisters) {
  testing::TestServer server;
  Session session(server.options());
  register_worker(session, "login1:glue", {"q1", "q2"}, std::chrono::seconds(300));
  auto worker = server.state()["workers"]["login1:glue"];
  EXPECT_EQ(worker["queues"], (nlohmann::json{"q1", "q2"}));
  EXPECT_EQ(worker["timeout"], 300);

  report_worker_status(session, {"login1:glue", 1700000000000, "t1", "q1", {"q1", "q2"}});
  report_worker_status(session, {"login1:glue", 1700000030000, std::nullopt, std::nullopt, {}});
  const auto reports = server.state()["workers"]["login1:glue"]["reports"];
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0]["task"], "t1");
  EXPECT_EQ(reports[0]["queue"], "q1");
  EXPECT_EQ(reports[0]["timestamp"], 1700000000000);
  EXPECT_FALSE(reports[1].contains("task"));

  unregister_worker(session, "login1:glue");
  EXPECT_FALSE(server.state()["workers"].contains("login1:glue"));
}

}  // namespace
}  // namespace slurmglue::clearml
