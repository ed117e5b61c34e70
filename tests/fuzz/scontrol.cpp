// What the agent reads from `scontrol show job -o` for a job that ended
// badly (runtime/slurm/slurm_commands.cpp). Checked: any text gives details
// or empty fields, never a crash, and no field runs past its line.
#include <string>

#include "runtime/slurm/slurm_commands.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(scontrol) {
  const auto details = sg::slurm::SlurmCommands::parse_details(input);
  for (const std::string* field : {&details.exit_code, &details.std_out, &details.reason}) {
    SLURMGLUE_FUZZ_CHECK(field->size() <= input.size());
    SLURMGLUE_FUZZ_CHECK(field->find('\n') == std::string::npos);
  }
}
