// Environment variables a task value may not set or name: those whose value
// bash, the dynamic loader or a common program runs or loads as code, that
// choose which program runs, where the agent sends its credentials, or that
// Slurm's commands read as their options.
#pragma once

#include <optional>
#include <string_view>

#include "runtime/render/element_role.hpp"

namespace slurmglue::render {

// A variable naming a file a program writes or a list of mounts, whose
// value is data of that shape, not code: NCCL_DEBUG_FILE,
// TORCH_NCCL_DEBUG_INFO_TEMP_FILE (a path: Path), APPTAINER_BIND,
// SINGULARITY_BINDPATH (host paths mounted: Mount, no ',' or ':' a value
// could add a mount with).
std::optional<ElementRole> environment_file_role(std::string_view name);

bool is_code_variable(std::string_view name);
// The same for a name a task value gives, in any case: the template may
// convert it (${N^^}, ${N@U}, declare -u) after the check.
bool is_code_variable_in_any_case(std::string_view name);
bool is_slurm_input_variable(std::string_view name);
// A code variable naming the server a client sends the job's credentials
// to and downloads from (WANDB_BASE_URL, MLFLOW_TRACKING_URI, HF_ENDPOINT,
// CLEARML_API_HOST): a value would choose who gets the keys and what the
// job loads (models, pickled artifacts).
bool names_credential_server(std::string_view name);
// The credential server a reason the compiler gives for reading a value
// again names first ("WANDB_BASE_URL (...) (through $U)"), or "".
std::string_view credential_server_in(std::string_view reason);
// A code variable only for the programs that find it in their environment,
// named after a family (GIT_BRANCH, CONDA_ENV, PYTHON_SCRIPT, DATA_HOME):
// one bash does not read itself and a job's environment does not commonly
// hold already. A template that assigns it and never exports it keeps it in
// the shell; the rendered script checks at its start that the job's
// environment does not hold it (Program::shell_only_variables).
bool is_environment_only_variable(std::string_view name);  // SLURM_*, SRUN_*, ...: options of srun, sbatch, salloc
// A switch of a family of code variables (PYTHONUNBUFFERED, HF_HUB_OFFLINE,
// TORCH_DISTRIBUTED_DEBUG): it names no file, program or server and
// enables no code, so a value may set it when it is a plain setting
// (ElementRole::Setting: a number, a yes/no or a level word).
bool is_switch_variable(std::string_view name);
// The role a value setting such a variable fills: Setting for a switch,
// Quantity for a launcher's count, size or port (SPARK_WORKER_MEMORY).
std::optional<ElementRole> setting_role(std::string_view name);
// A name deepspeed's multi-node runners forward to every node (NCCL_*,
// PYTHON*, UCX_*, MV2_*, MLFLOW_*) unquoted (ElementRole::ForwardedVariable).
bool is_forwarded_by_deepspeed(std::string_view name);
// A name the programs that read it take as free text (a run's name, tags or
// notes for a tracker): exported, a value there is data
// (ElementRole::Environment holds for other exported names).
bool is_data_variable(std::string_view name);
// A name whose value programs split into their options (*OPT*, *FLAGS*,
// *ARGS*, and ZIP, GZIP, LESS and the like, named after their program).
bool is_options_variable(std::string_view name);
// A name whose value a program may split at ':' or ';' into directories it
// searches for code (R_LIBS_SITE, GUILE_LOAD_PATH, GI_TYPELIB_PATH, and any
// other *PATH*, *LIB*, *DIRS*): ElementRole::EnvironmentPathList.
bool is_path_list_variable(std::string_view name);

}  // namespace slurmglue::render
