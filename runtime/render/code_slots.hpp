// What the glue writes into the code slots of a template for one task. The
// agent and the dry-run renderer share it, so a dry run shows what will run.
#pragma once

#include <string>

#include "runtime/render/values.hpp"

namespace slurmglue::render {

struct CodeSlotInput {
  std::string task_id;
  std::string worker_id;       // the glue's worker id; the inner agent gets "<worker>:<task>"
  bool srun_delegation = false;
  std::string singularity_image;  // --singularity-mode: the image the command starts with
  std::string task_directory;     // the task's private directory, when there is one
};

// Fills values.pre_setup, agent_execute and post_setup.
//   PRE_SETUP:     exports CLEARML_WORKER_ID and CLEARML_TASK_ID for the inner agent, and
//                  (with a task directory) CLEARML_CONFIG_FILE=<dir>/clearml.conf and
//                  CLEARML_AGENT__AGENT__VENVS_DIR=<dir>
//   AGENT_EXECUTE: [<image> ]clearml-agent execute --full-monitoring --require-queue --id <task>
//                  (prefixed with "srun " under srun delegation)
//   POST_SETUP:    nothing
void fill_code_slots(const CodeSlotInput& in, Values& values);

}  // namespace slurmglue::render
