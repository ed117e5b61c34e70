// What the agent asks of Slurm, behind an interface: the real commands
// (sbatch, squeue, scontrol, scancel; slurm_commands.hpp) in production and
// the cluster tests, a scripted fake in unit tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/process/spawn.hpp"

namespace slurmglue::slurm {

struct Submission {
  std::string script;                    // given to sbatch on stdin
  std::vector<std::string> options;      // extra sbatch options, e.g. "--comment=..."
  std::vector<std::string> environment;  // sbatch's (and so the job's) environment
  std::optional<process::Identity> as_user;
  std::string directory;  // where sbatch runs: the job's working directory and $SLURM_SUBMIT_DIR
};

struct SubmitResult {
  enum class Kind {
    Submitted,  // job_id holds the new job
    Rejected,   // sbatch refused the job for good (a bad option, a limit): say `message`
    Transient,  // slurmctld did not answer: try again later. The job MAY exist (look it up by its tag)
  };
  Kind kind = Kind::Transient;
  std::string job_id;
  std::string message;  // sbatch's own words
};

// One job as one squeue listing shows it.
struct Job {
  std::string id;
  std::string state;   // PENDING, RUNNING, COMPLETED, FAILED, ...
  std::string reason;  // why it is pending ("Resources", "Priority", ...), or "None"
  std::string tag;     // the job's comment, where the agent keeps its tag
  std::string user;
};

// What only a closer look at one job tells (asked for jobs that ended badly).
struct JobDetails {
  std::string exit_code;  // "3:0" (exit status : signal)
  std::string std_out;    // the path of its output file, when known
  std::string reason;
};

class Slurm {
 public:
  virtual ~Slurm() = default;
  // "22.05.8", from sbatch --version.
  virtual std::string version() = 0;
  // Whether sbatch knows Pyxis' options (the plugin is installed).
  virtual bool has_pyxis() = 0;
  virtual SubmitResult submit(const Submission& submission) = 0;
  // Every job whose tag starts with `tag_prefix`, finished ones too (as long
  // as Slurm still lists them), in ONE query however many jobs there are.
  // `users` narrows the query (empty: all users). Nothing when Slurm did not
  // answer: a failed query is not an empty cluster.
  virtual std::optional<std::vector<Job>> jobs(const std::string& tag_prefix, const std::vector<std::string>& users) = 0;
  virtual std::optional<JobDetails> details(const std::string& job_id) = 0;
  // Cancels the jobs (one scancel for all); false when scancel failed.
  virtual bool cancel(const std::vector<std::string>& job_ids) = 0;
};

// Job states after which a job never runs again.
bool is_finished(const std::string& state);

}  // namespace slurmglue::slurm
