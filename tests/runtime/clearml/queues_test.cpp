#include "runtime/clearml/queues.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

using testing::TestServer;

const nlohmann::json kQueuesSeed = {
    {"tasks", {{{"id", "t1"}, {"status", "queued"}}, {{"id", "t2"}, {"status", "queued"}}}},
    {"queues",
     {{{"id", "q-dot"}, {"name", "gpu.a"}, {"entries", {{{"task", "t1"}}, {{"task", "t2"}}}}},
      {{"id", "q-any"}, {"name", "gpuXa"}},
      {{"id", "q-longer"}, {"name", "gpu.a2"}},
      {{"id", "q-prefixed"}, {"name", "big gpu.a"}}}}};

TEST(ExactNamePattern, EscapesAndAnchors) {
  EXPECT_EQ(exact_name_pattern("gpu.a"), "^gpu\\.a$");
  EXPECT_EQ(exact_name_pattern("a+b (x)*"), "^a\\+b\\ \\(x\\)\\*$");
  EXPECT_EQ(exact_name_pattern("k8s_scheduler"), "^k8s_scheduler$");
  EXPECT_EQ(exact_name_pattern("gpü"), "^gpü$");
}

TEST(Queues, FindsOnlyTheExactName) {
  TestServer server(kQueuesSeed);
  Session session(server.options());
  const auto queue = find_queue(session, "gpu.a");
  ASSERT_TRUE(queue);
  EXPECT_EQ(queue->id, "q-dot");
  EXPECT_EQ(find_queue(session, "gpuXa")->id, "q-any");
  EXPECT_FALSE(find_queue(session, "gpu"));
  EXPECT_FALSE(find_queue(session, "gpu.*"));
  const auto request = nlohmann::json::parse(server.requests().back()["raw_body"].get<std::string>());
  EXPECT_EQ(request["name"], "^gpu\\.\\*$");
}

TEST(Queues, CreatesAndFindsOrCreates) {
  TestServer server(kQueuesSeed);
  Session session(server.options());
  const auto created = create_queue(session, "k8s_scheduler", {"pending"});
  EXPECT_FALSE(created.id.empty());
  EXPECT_EQ(server.state()["queues"][created.id]["system_tags"], (nlohmann::json{"pending"}));
  EXPECT_THROW(create_queue(session, "k8s_scheduler"), QueueExistsError);
  EXPECT_EQ(find_or_create_queue(session, "k8s_scheduler").id, created.id);
  const auto fresh = find_or_create_queue(session, "fresh");
  EXPECT_EQ(find_queue(session, "fresh")->id, fresh.id);
}

TEST(Queues, PopsAtomicallyAndTheTaskStaysQueued) {
  TestServer server(kQueuesSeed);
  Session session(server.options());
  EXPECT_EQ(pop_next_task(session, "q-dot")->task, "t1");
  const auto second = pop_next_task(session, "q-dot");
  EXPECT_EQ(second->task, "t2");
  EXPECT_FALSE(second->added.empty());
  EXPECT_FALSE(pop_next_task(session, "q-dot"));
  EXPECT_EQ(server.state()["tasks"]["t1"]["status"], "queued");
  EXPECT_THROW(pop_next_task(session, "no-such-queue"), UnknownQueueError);
}

// Which tasks some queue holds: every page of queues (at most 500 a reply).
TEST(Queues, TasksInQueuesReadsEveryPage) {
  nlohmann::json queues = nlohmann::json::array();
  for (int i = 0; i < 1001; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "q%04d", i);
    queues.push_back({{"id", id}, {"name", id}, {"entries", {{{"task", std::string("t") + id}}}}});
  }
  TestServer server(nlohmann::json{{"queues", queues}});
  Session session(server.options());
  const auto tasks = tasks_in_queues(session);
  ASSERT_EQ(tasks.size(), 1001u);
  EXPECT_EQ(tasks.back(), "tq1000");
  EXPECT_EQ(server.count("queues.get_all"), 3);
}

TEST(Queues, RemovesATask) {
  TestServer server(kQueuesSeed);
  Session session(server.options());
  remove_task_from_queue(session, "q-dot", "t2");
  EXPECT_EQ(server.state()["queues"]["q-dot"]["entries"].size(), 1u);
  EXPECT_THROW(remove_task_from_queue(session, "q-dot", "t2"), TaskNotInQueueError);
  EXPECT_THROW(remove_task_from_queue(session, "nope", "t2"), UnknownQueueError);
}

}  // namespace
}  // namespace slurmglue::clearml
