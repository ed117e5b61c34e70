// slurmglue-run's engine: pops ClearML tasks by queue priority, submits each
// through its queue's compiled template, follows every job, and keeps
// ClearML's view true; survives SIGKILL at any instant (journal.hpp).
//
// A task's way through the agent:
//   pop (queues.get_next_task) -> pending queue (tasks.enqueue: it stays
//   "queued" until the job's inner agent takes it) -> render -> sbatch,
//   the job tagged in Slurm with "slurmglue:<agent>:<task>" (its comment)
//   -> tracked with one squeue and one tasks.get_all per cycle -> forgotten
//   once ClearML and Slurm both say it is over.
// Every step is written to the journal before its side effect, and every
// call whose outcome is unknown is settled by reading the state back.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "runtime/agent/journal.hpp"
#include "runtime/agent/log.hpp"
#include "runtime/agent/shutdown.hpp"
#include "runtime/agent/task_directory.hpp"
#include "runtime/agent/user_map.hpp"
#include "runtime/clearml/config.hpp"
#include "runtime/clearml/session.hpp"
#include "runtime/render/renderer.hpp"
#include "runtime/slurm/slurm.hpp"

namespace slurmglue::agent {

class Agent;

struct QueueSetup {
  std::string name;
  std::string template_path;
  std::shared_ptr<const render::Renderer> renderer;
  int max_jobs = 0;  // this queue's own limit; 0: only the total one
  std::string id;    // resolved at start
};

struct AgentOptions {
  std::vector<QueueSetup> queues;  // by priority: the first is served first
  std::string worker_id;
  std::string pending_queue = "slurmglue_pending";
  std::string state_dir;
  std::string task_dir_root;
  std::string jobs_dir_root;  // each task's working directory (job_directory.hpp)
  int max_jobs = 32;  // tasks held at once (submitted or on their way)
  bool srun_delegation = false;
  bool singularity_mode = false;
  bool once = false;
  bool create_queues = false;
  std::chrono::milliseconds poll_interval{5'000};
  std::chrono::milliseconds heartbeat_interval{30'000};
  // An unknown pop is settled by looking for tasks that left their queue but
  // that no one holds; such an orphan is taken over only after it has stayed
  // one this long (another consumer may hold it for a moment).
  std::chrono::milliseconds orphan_grace{30'000};
  std::chrono::milliseconds retry_delay{10'000};  // after a transient sbatch failure
  std::size_t log_tail_lines = 20;
  // Prometheus metrics (metrics.hpp): written after each cycle to this file
  // (none when empty), and served on 127.0.0.1:metrics_port (none when unset).
  std::string metrics_file;
  std::optional<std::uint16_t> metrics_port;
  // Called on SIGHUP, between cycles: re-reads and recompiles, then calls
  // replace_renderers/replace_config (keeping what does not compile).
  std::function<void(Agent&)> on_reload;
};

class Agent {
 public:
  Agent(AgentOptions options, clearml::Config config, clearml::SessionOptions session_options, slurm::Slurm& slurm,
        Shutdown& shutdown, Log& log);
  ~Agent();

  // Runs until asked to stop (or one pass with `once`). Returns the exit status.
  int run();
  // Renders every task now waiting in the queues, without popping or
  // submitting anything, to `out`. Returns 0, or 1 when a task cannot be rendered.
  int dry_run(std::ostream& out);

  // Replaces the renderers (SIGHUP); the caller compiled them.
  void replace_renderers(const std::map<std::string, std::shared_ptr<const render::Renderer>>& by_queue);
  void replace_config(clearml::Config config);

  // The tag of `task`'s job in Slurm (its comment), and the prefix of all of this agent's tags.
  std::string tag_of(const std::string& task) const;
  std::string tag_prefix() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A worker id as part of a Slurm tag: letters, digits and . _ - kept, anything else '-'.
std::string tag_safe(std::string_view text);
// ClearML task ids are hex; anything outside [A-Za-z0-9_-] is refused before it reaches Slurm or a path.
bool is_safe_task_id(std::string_view id);

}  // namespace slurmglue::agent
