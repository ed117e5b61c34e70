// The agent as slurmglue-run runs it, on the ClearML test double and a
// scripted Slurm: its loop, its heartbeat thread and a stop request from
// another thread (as the signal thread sends it) at once. Run under
// ThreadSanitizer too (tools/run-tests.sh); the cluster tests
// (tests/integration/agent_*_test.sh) cover the real commands.
#include "runtime/agent/agent.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "compiler/compile.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::agent {
namespace {

using namespace std::chrono_literals;
using clearml::testing::TestServer;

// Slurm as a list of jobs in memory; every submission is accepted. The
// agent's thread calls it while the test's thread reads it.
class ScriptedSlurm : public slurm::Slurm {
 public:
  std::string version() override { return "23.11.1"; }
  bool has_pyxis() override { return false; }
  slurm::SubmitResult submit(const slurm::Submission& submission) override {
    const std::lock_guard lock(mutex_);
    submissions_.push_back(submission);
    slurm::Job job;
    job.id = std::to_string(100 + jobs_.size());
    job.state = "RUNNING";
    job.reason = "None";
    for (const auto& option : submission.options) {
      if (option.rfind("--comment=", 0) == 0) job.tag = option.substr(10);
    }
    jobs_.push_back(job);
    return {slurm::SubmitResult::Kind::Submitted, job.id, {}};
  }
  std::optional<std::vector<slurm::Job>> jobs(const std::string& tag_prefix, const std::vector<std::string>&) override {
    const std::lock_guard lock(mutex_);
    std::vector<slurm::Job> out;
    for (const auto& job : jobs_) {
      if (job.tag.rfind(tag_prefix, 0) == 0) out.push_back(job);
    }
    return out;
  }
  std::optional<slurm::JobDetails> details(const std::string&) override { return std::nullopt; }
  bool cancel(const std::vector<std::string>&) override { return true; }

  std::vector<slurm::Submission> submissions() const {
    const std::lock_guard lock(mutex_);
    return submissions_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<slurm::Submission> submissions_;
  std::vector<slurm::Job> jobs_;
};

std::shared_ptr<const render::Renderer> shipped_template(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return compiler::compile(compiler::Source(path, text.str())).renderer;
}

TEST(Agent, SubmitsWhileItsHeartbeatReportsAndStopsWhenAnotherThreadAsks) {
  TestServer server({{"queues", {{{"id", "q-gpu"}, {"name", "gpu"}, {"entries", {{{"task", "t1"}}}}}}},
                     {"tasks", {{{"id", "t1"}, {"name", "train"}, {"status", "queued"}}}}});
  const auto dir = std::filesystem::temp_directory_path() / ("slurmglue-agent-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);  // slurmglue-run makes the state directory's parent too

  AgentOptions options;
  options.queues.push_back({"gpu", "templates/native.tpl", shipped_template("templates/native.tpl"), 0, {}});
  ASSERT_NE(options.queues[0].renderer, nullptr);
  options.worker_id = "test:agent";
  options.state_dir = (dir / "state").string();
  options.task_dir_root = (dir / "tasks").string();
  options.jobs_dir_root = (dir / "jobs").string();
  options.poll_interval = 20ms;
  options.heartbeat_interval = 20ms;
  clearml::Config config;
  config.api_server = server.url();
  config.credentials = {std::string(clearml::testing::kAccessKey), std::string(clearml::testing::kSecretKey)};

  ScriptedSlurm slurm;
  Shutdown shutdown;
  std::ostringstream out;
  Log log(out, /*debug=*/true);
  // The job id reaches the task in the tracking cycle after the submission.
  const auto job_id_of_t1 = [](const nlohmann::json& state) -> std::string {
    const auto tasks = state.find("tasks");
    if (tasks == state.end() || !tasks->is_object()) return {};
    const auto task = tasks->find("t1");
    if (task == tasks->end() || !task->is_object()) return {};
    const auto runtime = task->find("runtime");
    if (runtime == task->end() || !runtime->is_object()) return {};
    const auto id = runtime->find("slurm_job_id");
    return id != runtime->end() && id->is_string() ? id->get<std::string>() : std::string();
  };
  std::jthread stopper([&] {
    // Stops once the job is submitted, its id is on the task and the
    // heartbeat has reported from its thread.
    for (int i = 0; i < 600; ++i) {
      if (!slurm.submissions().empty() && server.count("workers.status_report") >= 2 &&
          !job_id_of_t1(server.state()).empty())
        break;
      std::this_thread::sleep_for(50ms);
    }
    shutdown.request_stop();
  });
  int status = -1;
  {
    Agent agent(std::move(options), config, server.options(), slurm, shutdown, log);
    status = agent.run();
  }
  stopper.join();

  EXPECT_EQ(status, 0);
  const auto submissions = slurm.submissions();
  ASSERT_EQ(submissions.size(), 1u) << out.str();
  EXPECT_NE(submissions[0].script.find("#SBATCH --job-name=clearml_task_t1"), std::string::npos);
  EXPECT_EQ(submissions[0].options, std::vector<std::string>{"--comment=slurmglue:test-agent:t1"});
  // sbatch runs in the task's own working directory, not in a home.
  EXPECT_EQ(submissions[0].directory, (dir / "jobs" / "t1").string());
  EXPECT_TRUE(std::filesystem::is_directory(dir / "jobs" / "t1"));
  const auto state = server.state();
  EXPECT_EQ(job_id_of_t1(state), "100") << state.dump();
  EXPECT_GE(server.count("workers.status_report"), 2);
  EXPECT_NE(out.str().find("debug heartbeat: test:agent"), std::string::npos);
  EXPECT_FALSE(state["workers"].contains("test:agent")) << "the worker is unregistered when it stops";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace slurmglue::agent
