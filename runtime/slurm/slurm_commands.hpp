// The Slurm interface on the real commands, run without a shell, each with a
// timeout. Which failures of sbatch are transient is decided from its exit
// and its words: slurmctld not answering is transient, anything else that
// sbatch refuses is final.
#pragma once

#include <chrono>

#include "runtime/slurm/slurm.hpp"

namespace slurmglue::slurm {

struct CommandOptions {
  std::chrono::milliseconds timeout{60'000};
  std::vector<std::string> environment = process::current_environment();  // for squeue, scontrol, scancel
};

class SlurmCommands : public Slurm {
 public:
  explicit SlurmCommands(CommandOptions options = {});
  std::string version() override;
  bool has_pyxis() override;
  SubmitResult submit(const Submission& submission) override;
  std::optional<std::vector<Job>> jobs(const std::string& tag_prefix, const std::vector<std::string>& users) override;
  std::optional<JobDetails> details(const std::string& job_id) override;
  bool cancel(const std::vector<std::string>& job_ids) override;

  // For tests of the parsing: sbatch's result from its outcome.
  static SubmitResult classify(const process::Outcome& outcome);
  // One line of the squeue listing this class asks for.
  static std::optional<Job> parse_job_line(std::string_view line);
  // `scontrol show job -o` output.
  static JobDetails parse_details(std::string_view text);

 private:
  process::Outcome run(std::vector<std::string> argv);
  CommandOptions options_;
};

}  // namespace slurmglue::slurm
