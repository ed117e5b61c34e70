// Environment variables a task value may not set or name: those whose value
// bash, the dynamic loader or a common program runs or loads as code, that
// choose which program runs, where the agent sends its credentials, or that
// Slurm's commands read as their options.
#pragma once

#include <string_view>

namespace slurmglue::render {

bool is_code_variable(std::string_view name);
bool is_slurm_input_variable(std::string_view name);  // SLURM_*, SRUN_*, ...: options of srun, sbatch, salloc

}  // namespace slurmglue::render
