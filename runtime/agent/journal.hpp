// The agent's memory across crashes: what it holds of every task it popped,
// written to disk BEFORE each side effect, so that an agent killed at any
// instant (SIGKILL, power loss) and restarted knows every task it may have
// taken and every job it may have submitted.
//
// The file is a log of JSON lines, each appended and fsynced before the call
// it announces (a record that announces nothing, such as the end of a step
// whose loss only makes a restarted agent check that step again, is written
// and synced with the next one: a killed process loses no written line, only a
// crash of the machine can); replaying it gives the state (the last record of a task
// wins). A torn last line (a crash mid-write) is ignored. When the log grows
// it is compacted: the live state is written to a new file, fsynced, and
// renamed over the old one (then the directory is fsynced), so a crash
// leaves either the old or the new file, never a mix. An exclusive lock on
// the directory keeps a second agent from using the same journal.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace slurmglue::agent {

// Where a task is in the agent's hands.
enum class Stage {
  Popped,      // taken from its queue; not yet in the pending queue
  Pending,     // in the pending queue; not yet given to sbatch
  Submitting,  // given (or about to be given) to sbatch: a job may exist, tagged with the task
  Submitted,   // job_id is its job
  Failing,     // to be failed in ClearML with `reason`, then forgotten
  Finishing,   // done in ClearML: clean up (pending queue, private directory), then forget
};
std::string_view to_string(Stage stage);

struct TaskRecord {
  std::string task;
  std::string queue_id, queue_name;  // the queue it was popped from
  Stage stage = Stage::Popped;
  std::string job_id;
  std::string user;       // the Linux user the job runs as; empty: the agent's own
  std::string directory;  // its private directory, once made
  std::string reason;     // Failing: why
  bool recorded = false;  // the job id is written on the task (runtime, status message)
  // Submitting: when sbatch was last started for it (ms since the epoch). A
  // job that sbatch created may show in squeue only a moment later, so no new
  // sbatch runs until a while after this (Agent: --submit-retry).
  std::int64_t attempt_ms = 0;
};

class JournalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Journal {
 public:
  // Opens (creating) the journal in `directory`, takes its lock and replays
  // it. Throws JournalError when the directory cannot be used or another
  // agent holds the lock.
  explicit Journal(const std::string& directory);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  const std::map<std::string, TaskRecord>& tasks() const { return tasks_; }
  const TaskRecord* find(const std::string& task) const;

  // Queues with a pop whose outcome is not known (the call was sent, no
  // reply came): a task may have been popped that no one holds.
  const std::set<std::string>& open_pops() const { return open_pops_; }
  // Orphans this agent is taking over (tasks.dequeue sent; outcome unknown).
  const std::map<std::string, std::string>& open_claims() const { return open_claims_; }  // task -> queue id

  // Whether a write is synced before it returns (Now), or only written and
  // synced with the next synced one (Later): for records whose loss recovery
  // handles by checking the step again.
  enum class Sync { Now, Later };

  // Each of these is on disk (fsynced) when it returns, unless given
  // Sync::Later; throws JournalError.
  void begin_pop(const std::string& queue_id);
  void end_pop(const std::string& queue_id);
  // A dispatch pass: one record opens the pops of several queues (each stays
  // open until ended: a crash in the pass leaves them all to be settled), one
  // ends those whose pops all had a known outcome.
  void begin_pops(const std::vector<std::string>& queue_ids);
  void end_pops(const std::vector<std::string>& queue_ids, Sync sync = Sync::Now);
  void begin_claim(const std::string& task, const std::string& queue_id);
  void end_claim(const std::string& task);
  void put(const TaskRecord& record, Sync sync = Sync::Now);
  // Syncs what was written with Sync::Later (nothing to do if nothing was).
  void sync();
  void forget(const std::string& task);

  const std::string& path() const { return path_; }

 private:
  void replay();
  void append(const std::string& line, Sync sync = Sync::Now);
  void compact();

  std::string directory_, path_;
  int lock_fd_ = -1;
  int fd_ = -1;
  std::size_t lines_ = 0;
  bool unsynced_ = false;  // lines written with Sync::Later since the last sync
  std::map<std::string, TaskRecord> tasks_;
  std::set<std::string> open_pops_;
  std::map<std::string, std::string> open_claims_;
};

}  // namespace slurmglue::agent
