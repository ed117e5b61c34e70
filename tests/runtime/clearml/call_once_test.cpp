// Calls that change state run at most once: a lost reply or a server error
// is an OutcomeUnknownError for the caller to settle, never a retry (and
// never libcurl's own silent re-send on a reused connection).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/queues.hpp"
#include "runtime/clearml/session.hpp"
#include "runtime/clearml/tasks.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

using testing::TestServer;

const nlohmann::json kCallOnceSeed = {
    {"queues", {{{"id", "q1"}, {"name", "gpu"}, {"entries", {{{"task", "t1"}}, {{"task", "t2"}}}}}}},
    {"tasks",
     {{{"id", "t1"}, {"status", "queued"}, {"execution", {{"queue", "q1"}}}},
      {{"id", "t2"}, {"status", "queued"}, {"execution", {{"queue", "q1"}}}}}}};

std::vector<std::string> entries(Session& session) {
  std::vector<std::string> tasks;
  for (const auto& e : queue_entries(session, "q1")) tasks.push_back(e.task);
  return tasks;
}

TEST(CallOnce, APopWhoseReplyIsLostIsSentOnceAndReportedUnknown) {
  TestServer server(kCallOnceSeed);
  Session session(server.options());
  // A kept-alive connection first: the case where libcurl would re-send.
  ASSERT_EQ(entries(session).size(), 2u);
  server.inject("drop_after", 1, {{"endpoint", "queues.get_next_task"}});
  EXPECT_THROW(pop_next_task(session, "q1"), OutcomeUnknownError);
  EXPECT_EQ(server.count("queues.get_next_task"), 1);
  EXPECT_THAT(entries(session), ::testing::ElementsAre("t2"));  // t1 was popped, once
  EXPECT_TRUE(server.sleeps.empty());
}

TEST(CallOnce, AServerErrorOnAStatusChangeIsUnknownAndNotRetried) {
  TestServer server(kCallOnceSeed);
  Session session(server.options());
  session.login();
  server.inject("status", 5, {{"status", 503}, {"endpoint", "tasks.started"}});
  EXPECT_THROW(mark_started(session, "t1"), OutcomeUnknownError);
  EXPECT_EQ(server.count("tasks.started"), 1);
  EXPECT_TRUE(server.sleeps.empty());
}

TEST(CallOnce, AReadIsStillRetried) {
  TestServer server(kCallOnceSeed);
  Session session(server.options());
  session.login();
  server.inject("status", 1, {{"status", 503}, {"endpoint", "tasks.get_by_id"}});
  EXPECT_EQ(get_task(session, "t1")["id"], "t1");
  EXPECT_EQ(server.count("tasks.get_by_id"), 2);
}

TEST(CallOnce, ARefusedTokenMeansNotDoneSoItIsSentAgainAfterLogin) {
  TestServer server(kCallOnceSeed);
  Session session(server.options());
  session.login();
  server.control("expire_tokens");
  const auto entry = pop_next_task(session, "q1");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->task, "t1");
  EXPECT_EQ(server.count("queues.get_next_task"), 2);
  EXPECT_THAT(entries(session), ::testing::ElementsAre("t2"));
}

TEST(CallOnce, ShutdownAbandonsACallBeforeItIsSent) {
  TestServer server(kCallOnceSeed);
  auto options = server.options();
  options.interrupted = [] { return true; };
  Session session(options);
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), InterruptedError);
  EXPECT_EQ(server.count("tasks.get_by_id"), 0);
}

TEST(CallOnce, ShutdownAbandonsASlowReply) {
  TestServer server(kCallOnceSeed);
  auto options = server.options();
  const auto started = std::chrono::steady_clock::now();
  options.interrupted = [started] { return std::chrono::steady_clock::now() - started > std::chrono::milliseconds(300); };
  Session session(options);
  session.login();
  server.inject("delay", 1, {{"seconds", 5}, {"endpoint", "tasks.get_by_id"}});
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), InterruptedError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(CallOnce, TheDeadlineBoundsRetries) {
  TestServer server(kCallOnceSeed);
  auto options = server.options();
  options.deadline = std::chrono::milliseconds(0);
  Session session(options);
  session.login();
  server.inject("status", 10, {{"status", 500}, {"endpoint", "tasks.get_by_id"}});
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), ServerError);
  EXPECT_EQ(server.count("tasks.get_by_id"), 1);
}

}  // namespace
}  // namespace slurmglue::clearml
