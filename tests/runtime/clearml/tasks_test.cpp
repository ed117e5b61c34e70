#include "runtime/clearml/tasks.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

using testing::TestServer;

nlohmann::json seed() {
  nlohmann::json tasks = nlohmann::json::array();
  for (int i = 0; i < 5; ++i) {
    tasks.push_back({{"id", "t" + std::to_string(i)},
                     {"name", "task " + std::to_string(i)},
                     {"status", i == 3 ? "stopped" : "created"},
                     {"runtime", {{"gpu", "a100"}, {"keep", 1}}},
                     {"hyperparams", {{"properties", {{"walltime", {{"section", "properties"}, {"name", "walltime"}, {"value", "1:00:00"}}}}}}}});
  }
  return {{"tasks", tasks}, {"queues", {{{"id", "q1"}, {"name", "default"}}, {{"id", "q2"}, {"name", "pending"}}}}};
}

nlohmann::json task_state(TestServer& server, const std::string& id) { return server.state()["tasks"][id]; }

TEST(Tasks, GetsOneTaskAsTheApiReturnsIt) {
  TestServer server(seed());
  Session session(server.options());
  const auto task = get_task(session, "t1");
  EXPECT_EQ(task["name"], "task 1");
  EXPECT_EQ(task["hyperparams"]["properties"]["walltime"]["value"], "1:00:00");
  EXPECT_THROW(get_task(session, "nope"), UnknownTaskError);
}

TEST(Tasks, GetsManyInBatchesWithOnlyFieldsAndStatuses) {
  TestServer server(seed());
  Session session(server.options());
  const auto tasks = get_tasks(session, {{"t0", "t1", "t2", "t3", "t4"}, {"status"}, {}}, 2);
  ASSERT_EQ(tasks.size(), 5u);
  EXPECT_EQ(tasks[0], (nlohmann::json{{"id", "t0"}, {"status", "created"}}));
  EXPECT_EQ(server.count("tasks.get_all"), 3);
  const auto stopped = get_tasks(session, {{"t0", "t3"}, {"id"}, {"stopped"}});
  ASSERT_EQ(stopped.size(), 1u);
  EXPECT_EQ(stopped[0]["id"], "t3");
  EXPECT_TRUE(get_tasks(session, {}).empty());
}

// The server returns at most 500 tasks a reply: a query by status reads
// every page (an orphan scan that read one would miss queued tasks).
TEST(Tasks, AQueryByStatusReadsEveryPage) {
  nlohmann::json tasks = nlohmann::json::array();
  for (int i = 0; i < 1203; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "q%04d", i);
    tasks.push_back({{"id", id}, {"status", i % 100 == 7 ? "created" : "queued"}});
  }
  TestServer server(nlohmann::json{{"tasks", tasks}});
  Session session(server.options());
  TaskQuery query;
  query.statuses = {"queued"};
  query.only_fields = {"id"};
  const auto queued = get_tasks(session, query);
  EXPECT_EQ(queued.size(), 1203u - 12u);  // q0007, q0107, ..., q1107 are not queued
  EXPECT_EQ(queued.back()["id"], "q1202");
  EXPECT_EQ(server.count("tasks.get_all"), 3);
  // One request with 1203 ids would be answered with 500 of them: ids go in batches.
  query.statuses.clear();
  for (const auto& t : tasks) query.ids.push_back(t["id"]);
  EXPECT_EQ(get_tasks(session, query, 5000).size(), 1203u);
}

TEST(Tasks, EnqueuesAndDequeues) {
  TestServer server(seed());
  Session session(server.options());
  enqueue_task(session, "t1", "q1", "slurmglue test");
  auto task = task_state(server, "t1");
  EXPECT_EQ(task["status"], "queued");
  EXPECT_EQ(task["status_reason"], "slurmglue test");
  EXPECT_EQ(task["execution"]["queue"], "q1");
  // Moving a popped task into a pending queue keeps it queued.
  enqueue_task(session, "t1", "q2");
  EXPECT_EQ(server.state()["queues"]["q2"]["entries"][0]["task"], "t1");
  DequeueOptions everywhere;
  everywhere.remove_from_all_queues = true;
  dequeue_task(session, "t1", everywhere);
  const auto state = server.state();
  EXPECT_EQ(state["tasks"]["t1"]["status"], "created");
  EXPECT_TRUE(state["queues"]["q1"]["entries"].empty());
  EXPECT_TRUE(state["queues"]["q2"]["entries"].empty());
  EXPECT_THROW(dequeue_task(session, "t1"), InvalidStatusChangeError);
  EXPECT_THROW(enqueue_task(session, "t1", "nope"), UnknownQueueError);
}

TEST(Tasks, StatusChangesFollowTheServersTable) {
  TestServer server(seed());
  Session session(server.options());
  enqueue_task(session, "t1", "q1");
  EXPECT_THROW(mark_failed(session, "t1", {.reason = "no", .message = "", .force = false}), InvalidStatusChangeError);
  mark_failed(session, "t1", {.reason = "sbatch refused the script", .message = "submission failed", .force = true});
  auto task = task_state(server, "t1");
  EXPECT_EQ(task["status"], "failed");
  EXPECT_EQ(task["status_reason"], "sbatch refused the script");
  EXPECT_EQ(task["status_message"], "submission failed");

  mark_started(session, "t2");
  EXPECT_EQ(task_state(server, "t2")["status"], "in_progress");
  mark_completed(session, "t2");
  EXPECT_EQ(task_state(server, "t2")["status"], "completed");
  mark_started(session, "t0");
  mark_stopped(session, "t0", {.reason = "aborted", .message = "", .force = false});
  EXPECT_EQ(task_state(server, "t0")["status"], "stopped");
  EXPECT_THROW(mark_completed(session, "nope"), UnknownTaskError);
}

TEST(Tasks, SetsTheStatusMessage) {
  TestServer server(seed());
  Session session(server.options());
  set_status_message(session, "t1", "slurm job 42 pending");
  EXPECT_EQ(task_state(server, "t1")["status_message"], "slurm job 42 pending");
}

TEST(Tasks, MergesIntoTheRuntimeWithoutLosingFields) {
  TestServer server(seed());
  Session session(server.options());
  enqueue_task(session, "t1", "q1");
  const auto runtime = merge_runtime(session, "t1", {{"slurm_job_id", "42"}, {"gpu", nullptr}});
  const nlohmann::json expected = {{"keep", 1}, {"slurm_job_id", "42"}};
  EXPECT_EQ(runtime, expected);
  EXPECT_EQ(task_state(server, "t1")["runtime"], expected);
  const auto edit = nlohmann::json::parse(server.requests().back()["raw_body"].get<std::string>());
  EXPECT_EQ(edit["force"], true);
}

TEST(Tasks, EditsHyperParams) {
  TestServer server(seed());
  Session session(server.options());
  edit_hyper_params(session, "t1", {{"properties", "walltime", "02:00:00"}, {"Args", "lr", "0.1"}});
  const auto hyperparams = task_state(server, "t1")["hyperparams"];
  EXPECT_EQ(hyperparams["properties"]["walltime"]["value"], "02:00:00");
  EXPECT_EQ(hyperparams["Args"]["lr"]["value"], "0.1");
  enqueue_task(session, "t1", "q1");
  EXPECT_THROW(edit_hyper_params(session, "t1", {{"Args", "lr", "1"}}), InvalidStatusChangeError);
  edit_hyper_params(session, "t1", {{"Args", "lr", "1"}}, true);
  EXPECT_EQ(task_state(server, "t1")["hyperparams"]["Args"]["lr"]["value"], "1");
}

}  // namespace
}  // namespace slurmglue::clearml
