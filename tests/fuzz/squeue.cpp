// What the agent reads from squeue (one job per line, in the format
// SlurmCommands asks for) and from sbatch (runtime/slurm/slurm_commands.cpp).
// Checked: every line is a job or nothing, never a crash; a job has an id;
// sbatch's output with exit 0 is a job id or a clear "not submitted".
#include <string>

#include "runtime/slurm/slurm_commands.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;
using sg::slurm::SlurmCommands;

SLURMGLUE_FUZZ_TARGET(squeue) {
  for (std::size_t start = 0; start <= input.size();) {
    auto end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    if (const auto job = SlurmCommands::parse_job_line(input.substr(start, end - start))) {
      SLURMGLUE_FUZZ_CHECK(!job->id.empty());
    }
    start = end + 1;
  }
  // The same text as sbatch's answer, with each exit status.
  for (const int exit_code : {0, 1}) {
    sg::process::Outcome outcome;
    outcome.started = true;
    outcome.exit_code = exit_code;
    outcome.out = std::string(input);
    outcome.err = std::string(input);
    const auto result = SlurmCommands::classify(outcome);
    if (result.kind == sg::slurm::SubmitResult::Kind::Submitted) {
      SLURMGLUE_FUZZ_CHECK(exit_code == 0 && !result.job_id.empty());
      SLURMGLUE_FUZZ_CHECK(result.job_id.find_first_not_of("0123456789") == std::string::npos);
    }
  }
}
