#include "runtime/clearml/session.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::kSecretKey;
using testing::TestServer;

const nlohmann::json kSeed = {{"tasks", {{{"id", "t1"}, {"name", "train"}, {"status", "created"}}}}};

// Every text the session produced: its log lines and the message of `error`.
std::string everything_said(const TestServer& server, const std::string& error) {
  std::string all = error;
  for (const auto& line : server.log) all += "\n" + line;
  return all;
}

TEST(Session, LogsInWithBasicAndThenUsesTheBearerToken) {
  TestServer server(kSeed);
  Session session(server.options());
  const auto data = session.call("tasks.get_by_id", {{"task", "t1"}});
  EXPECT_EQ(data["task"]["name"], "train");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["endpoint"], "auth.login");
  EXPECT_EQ(requests[0]["auth"], "Basic");
  EXPECT_EQ(requests[1]["auth"], "Bearer");
  EXPECT_EQ(requests[1]["content_type"], "application/json");
  EXPECT_EQ(nlohmann::json::parse(requests[1]["raw_body"].get<std::string>()), (nlohmann::json{{"task", "t1"}}));
}

TEST(Session, ReusesOneConnectionAcrossCalls) {
  TestServer server(kSeed);
  Session session(server.options());
  for (int i = 0; i < 3; ++i) session.call("tasks.get_by_id", {{"task", "t1"}});
  const auto requests = server.requests();
  for (const auto& request : requests) EXPECT_EQ(request["client_port"], requests[0]["client_port"]);
}

TEST(Session, AcceptsAVersionPrefixInTheServerUrl) {
  TestServer server(kSeed);
  auto options = server.options();
  options.api_server += "/v2.31/";
  Session session(options);
  EXPECT_EQ(session.call("tasks.get_by_id", {{"task", "t1"}})["task"]["id"], "t1");
  EXPECT_EQ(server.requests().back()["path"], "/v2.31/tasks.get_by_id");
}

TEST(Session, LogsInAgainOnceWhenTheTokenExpires) {
  TestServer server(kSeed);
  Session session(server.options());
  session.call("tasks.get_by_id", {{"task", "t1"}});
  server.control("expire_tokens");
  EXPECT_EQ(session.call("tasks.get_by_id", {{"task", "t1"}})["task"]["id"], "t1");
  EXPECT_EQ(server.count("auth.login"), 2);
  EXPECT_EQ(server.count("tasks.get_by_id"), 3);
}

TEST(Session, GivesUpWhenTheNewTokenIsRefusedToo) {
  TestServer server(kSeed);
  Session session(server.options());
  session.login();
  // Both the first call and the one after the new login are refused.
  server.inject("status", 2, {{"status", 401}, {"endpoint", "tasks.get_by_id"}});
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), AuthError);
  EXPECT_EQ(server.count("auth.login"), 2);
}

TEST(Session, WrongSecretIsAnAuthErrorWithoutRetries) {
  TestServer server(kSeed);
  Session session(server.options({std::string(testing::kAccessKey), "wrong-secret-value"}));
  try {
    session.call("tasks.get_by_id", {{"task", "t1"}});
    FAIL() << "expected an AuthError";
  } catch (const AuthError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::bad_credentials);
    EXPECT_EQ(error.result_code(), 401);
    EXPECT_EQ(error.result_subcode(), 22);
    EXPECT_THAT(error.what(), HasSubstr("access key or secret key is wrong"));
    EXPECT_THAT(error.what(), Not(HasSubstr("wrong-secret-value")));
  }
  EXPECT_EQ(server.count("auth.login"), 1);
  EXPECT_TRUE(server.sleeps.empty());
}

TEST(Session, ErrorEnvelopesBecomeTypedErrors) {
  TestServer server(kSeed);
  Session session(server.options());
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "missing"}}), UnknownTaskError);
  EXPECT_THROW(session.call("tasks.get_by_id", nlohmann::json::object()), ValidationError);
  EXPECT_THROW(session.call("queues.get_next_task", {{"queue", "nope"}}), UnknownQueueError);
  EXPECT_THROW(session.call("tasks.launch_rockets", nlohmann::json::object()), UnknownEndpointError);
  try {
    session.call("tasks.get_by_id", {{"task", "missing"}});
  } catch (const ApiError& error) {
    EXPECT_EQ(error.endpoint(), "tasks.get_by_id");
    EXPECT_EQ(error.result_subcode(), 101);
    EXPECT_THAT(error.what(), HasSubstr("ClearML tasks.get_by_id failed: no such task (HTTP 400, subcode 101)"));
    EXPECT_THAT(error.what(), HasSubstr("missing"));
  }
}

TEST(Session, AStatusChangedMeanwhileIsItsOwnError) {
  TestServer server(kSeed);
  Session session(server.options());
  server.inject("status", 1, {{"status", 400}, {"subcode", 121}, {"endpoint", "tasks.started"}});
  try {
    session.call("tasks.started", {{"task", "t1"}});
    FAIL() << "expected a StatusChangedError";
  } catch (const StatusChangedError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::status_changed);
  }
  EXPECT_EQ(server.count("tasks.started"), 1);
}

TEST(Session, ScrubsSecretsAServerEchoes) {
  TestServer server(kSeed);
  Session session(server.options());
  server.inject("status", 1, {{"status", 400}, {"subcode", 12}, {"message", "bad key " + std::string(kSecretKey)}});
  try {
    session.call("tasks.get_by_id", {{"task", "t1"}});
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& error) {
    EXPECT_THAT(error.what(), HasSubstr("bad key [redacted]"));
    EXPECT_THAT(error.result_msg(), Not(HasSubstr(std::string(kSecretKey))));
  }
}

TEST(Session, RetriesServerErrorsWithGrowingWaits) {
  TestServer server(kSeed);
  Session session(server.options());
  session.login();
  server.inject("status", 3, {{"status", 503}});
  EXPECT_EQ(session.call("tasks.get_by_id", {{"task", "t1"}})["task"]["id"], "t1");
  EXPECT_EQ(server.count("tasks.get_by_id"), 4);
  ASSERT_EQ(server.sleeps.size(), 3u);
  // Equal jitter: each wait lies in [d/2, d] for d = 500, 1000, 2000 ms.
  const int caps[] = {500, 1000, 2000};
  for (int i = 0; i < 3; ++i) {
    EXPECT_GE(server.sleeps[i].count(), caps[i] / 2);
    EXPECT_LE(server.sleeps[i].count(), caps[i]);
  }
}

TEST(Session, ServerErrorAfterTheLastAttemptIsAServerError) {
  TestServer server(kSeed);
  Session session(server.options());
  session.login();
  server.inject("status", 10, {{"status", 500}});
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), ServerError);
  EXPECT_EQ(server.count("tasks.get_by_id"), 4);
}

TEST(Session, RetriesADroppedConnection) {
  TestServer server(kSeed);
  Session session(server.options());
  session.login();
  // libcurl itself re-sends once when a reused connection turns out dead, so
  // the second drop (on a fresh connection) is the one the session retries.
  server.inject("drop", 2);
  EXPECT_EQ(session.call("tasks.get_by_id", {{"task", "t1"}})["task"]["id"], "t1");
  EXPECT_EQ(server.count("tasks.get_by_id"), 3);
  EXPECT_EQ(server.sleeps.size(), 1u);
}

TEST(Session, NeverRetriesAClientError) {
  TestServer server(kSeed);
  Session session(server.options());
  EXPECT_THROW(session.call("tasks.started", {{"task", "missing"}}), UnknownTaskError);
  EXPECT_EQ(server.count("tasks.started"), 1);
  EXPECT_TRUE(server.sleeps.empty());
}

TEST(Session, ASlowReplyTimesOut) {
  TestServer server(kSeed);
  auto options = server.options();
  options.timeouts.total = std::chrono::milliseconds(300);
  options.retry.max_attempts = 1;
  Session session(options);
  session.login();
  server.inject("delay", 1, {{"seconds", 2}});
  const auto started = std::chrono::steady_clock::now();
  try {
    session.call("tasks.get_by_id", {{"task", "t1"}});
    FAIL() << "expected a TransportError";
  } catch (const TransportError& error) {
    EXPECT_TRUE(error.timed_out());
    EXPECT_THAT(error.what(), HasSubstr("tasks.get_by_id"));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1500));
}

TEST(Session, ASlowReplyIsRetried) {
  TestServer server(kSeed);
  auto options = server.options();
  options.timeouts.total = std::chrono::milliseconds(300);
  Session session(options);
  session.login();
  server.inject("delay", 1, {{"seconds", 1}});
  EXPECT_EQ(session.call("tasks.get_by_id", {{"task", "t1"}})["task"]["id"], "t1");
}

TEST(Session, ARefusedConnectionIsATransportError) {
  int port = 0;
  {
    TestServer server;
    port = std::stoi(server.url().substr(server.url().rfind(':') + 1));
  }
  SessionOptions options;
  options.api_server = "http://127.0.0.1:" + std::to_string(port);
  options.credentials = {"key", std::string(kSecretKey)};
  options.retry.max_attempts = 2;
  std::vector<std::chrono::milliseconds> sleeps;
  options.sleep = [&](std::chrono::milliseconds wait) { sleeps.push_back(wait); };
  Session session(options);
  EXPECT_THROW(session.login(), TransportError);
  EXPECT_EQ(sleeps.size(), 1u);
}

TEST(Session, NoServerConfiguredIsAClearError) {
  // A named object, not a temporary: GCC 12 at -O3 warns (falsely) that the
  // temporary's strings may be destroyed uninitialized when Session throws.
  const SessionOptions none;
  EXPECT_THROW(Session{none}, Error);
}

TEST(Session, SecretsNeverAppearInErrorsOrLogs) {
  TestServer server(kSeed);
  Session session(server.options());
  session.login();
  const std::string token = server.requests().empty() ? "" : "tok-";  // tokens start with this
  std::vector<std::string> messages;
  auto record = [&](auto&& call) {
    try {
      call();
    } catch (const std::exception& error) {
      messages.push_back(everything_said(server, error.what()));
    }
  };
  server.inject("status", 10, {{"status", 502}});
  record([&] { session.call("tasks.get_by_id", {{"task", "t1"}}); });
  server.control("clear_requests");
  server.inject("drop", 10);
  record([&] { session.call("tasks.get_by_id", {{"task", "t1"}}); });
  server.inject("status", 10, {{"status", 401}});
  record([&] { session.call("tasks.get_by_id", {{"task", "t1"}}); });
  server.control("clear_requests");
  Session wrong(server.options({std::string(testing::kAccessKey), "another-Secret-999"}));
  record([&] { wrong.login(); });
  ASSERT_EQ(messages.size(), 4u);
  for (const auto& message : messages) {
    EXPECT_THAT(message, Not(HasSubstr(std::string(kSecretKey))));
    EXPECT_THAT(message, Not(HasSubstr("another-Secret-999")));
    EXPECT_THAT(message, Not(HasSubstr(token)));
    EXPECT_THAT(message, Not(HasSubstr("Authorization")));
    EXPECT_THAT(message, Not(HasSubstr("Bearer")));
    EXPECT_THAT(message, Not(HasSubstr("Basic")));
  }
}

TEST(Session, TellsOnErrorOfEachFailedCallOnceAfterItsRetriesButNotOfShutdown) {
  TestServer server(kSeed);
  auto options = server.options();
  std::vector<std::string> told;
  options.on_error = [&](std::string_view endpoint, const Error& error) {
    told.push_back(std::string(endpoint) + ": " + (dynamic_cast<const UnknownTaskError*>(&error) ? "unknown task" : "other"));
  };
  Session session(options);
  session.call("tasks.get_by_id", {{"task", "t1"}});
  EXPECT_TRUE(told.empty());
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "nope"}}), UnknownTaskError);
  EXPECT_EQ(told, (std::vector<std::string>{"tasks.get_by_id: unknown task"}));

  // Two 503s then success: retried, not an error.
  server.inject("status", 2, {{"status", 503}, {"endpoint", "tasks.get_by_id"}});
  session.call("tasks.get_by_id", {{"task", "t1"}});
  EXPECT_EQ(told.size(), 1u);

  auto stopped = options;
  stopped.interrupted = [] { return true; };  // shutting down
  Session closing(stopped);
  EXPECT_THROW(closing.call("tasks.get_by_id", {{"task", "t1"}}), InterruptedError);
  EXPECT_EQ(told.size(), 1u);
}

// The agent's shutdown: another thread (the signal thread) asks, and the call
// under way in this one ends with InterruptedError long before its timeout.
// Run under ThreadSanitizer too (tools/run-tests.sh).
TEST(Session, AnotherThreadInterruptsACallUnderWay) {
  TestServer server(kSeed);
  std::atomic<bool> stop{false};
  auto options = server.options();
  options.timeouts.total = std::chrono::minutes(2);
  options.interrupted = [&stop] { return stop.load(); };
  Session session(options);
  session.login();
  server.inject("delay", 1, {{"seconds", 60}});
  std::thread signal_thread([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
  });
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(session.call("tasks.get_by_id", {{"task", "t1"}}), InterruptedError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  signal_thread.join();
}

// Found by the fuzz target of server replies (tests/fuzz/clearml_reply.cpp):
// an error envelope whose meta fields had other types threw a JSON exception
// instead of the error its HTTP status says.
TEST(Session, AnErrorEnvelopeWithFieldsOfOtherTypesKeepsItsStatus) {
  const HttpResponse login{200, R"({"meta": {"result_code": 200}, "data": {"token": "T"}})"};
  Session session(testing::scripted_replies(
      {login, {400, R"({"meta": {"result_code": "400", "result_subcode": "x", "result_msg": 5}})"}}));
  try {
    session.call("tasks.get_by_id", {{"task", "t1"}});
    FAIL() << "expected an ApiError";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.result_code(), 400);
    EXPECT_EQ(error.result_subcode(), 0);
  }
}

}  // namespace
}  // namespace slurmglue::clearml
