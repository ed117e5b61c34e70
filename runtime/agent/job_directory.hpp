// Each task's working directory: where its sbatch runs, so where its job
// starts ($SLURM_SUBMIT_DIR), where relative names in the script resolve and
// where Slurm writes the job's output unless told otherwise
// (slurm-JOBID.out). It is not a home: a relative name a task's value
// chooses (#SBATCH --output=${X}, curl -o "${X}") reaches only this task's
// own files, never what an account runs or reads as its configuration
// (.bashrc, bin/, clearml.conf, miniconda3/).
//
// Mode 0700, owned by the user the job runs as, on a path the compute nodes
// share. Kept when the task ends, so that its output stays readable; a task
// that runs again finds its directory as it left it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/process/spawn.hpp"

namespace slurmglue::agent {

class JobDirectories {
 public:
  // `root` is made (mode 0711: users reach their own directory, list nothing) when missing.
  explicit JobDirectories(std::string root) : root_(std::move(root)) {}

  // Makes the directory of `task` for `owner` (nothing: the agent's own
  // user) when it is missing and returns it. Throws std::runtime_error, with
  // what to do, when it cannot be made or `owner` could not enter it.
  std::string prepare(const std::string& task, const std::optional<process::Identity>& owner) const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

// The first directory on the way to `path` (`path` included) that `user`
// may not enter by its mode bits; empty when there is none.
std::string closed_to(const std::string& path, const process::Identity& user);
// Throws std::runtime_error, naming that directory and `option` (the root to
// choose instead), when `user` could not enter `directory`.
void require_reachable(const std::string& directory, const process::Identity& user, std::string_view option);

}  // namespace slurmglue::agent
