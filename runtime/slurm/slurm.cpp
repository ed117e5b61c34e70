#include "runtime/slurm/slurm.hpp"

#include <array>
#include <string_view>

namespace slurmglue::slurm {

bool is_finished(const std::string& state) {
  // squeue's long state names (squeue(1), JOB STATE CODES) that are final.
  static constexpr std::array<std::string_view, 11> kFinished = {
      "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL",
      "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT"};
  // "CANCELLED by 0" and similar carry words after the state.
  const std::string_view head = std::string_view(state).substr(0, state.find(' '));
  for (const auto finished : kFinished) {
    if (head == finished) return true;
  }
  return false;
}

}  // namespace slurmglue::slurm
