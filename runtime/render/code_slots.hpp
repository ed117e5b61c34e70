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
};

// Fills values.pre_setup, agent_execute and post_setup.
//   PRE_SETUP:     exports CLEARML_WORKER_ID and CLEARML_TASK_ID for the inner agent
//   AGENT_EXECUTE: clearml-agent execute --full-monitoring --require-queue --id <task>
//                  (prefixed with "srun " under srun delegation)
//   POST_SETUP:    nothing
void fill_code_slots(const CodeSlotInput& in, Values& values);

}  // namespace slurmglue::render
