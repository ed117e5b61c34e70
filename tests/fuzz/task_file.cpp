// Task files of slurmglue-render --task-file (runtime/render/task_file.cpp):
// JSON (bare, or in the API's envelope) or YAML, then the task's values
// (runtime/render/task_values.cpp) rendered through a template that reads
// many fields. Checked: a bad file is a std::runtime_error with the file's
// name, never another exception or a crash; whatever parses renders or
// fails with messages.
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/compile.hpp"
#include "runtime/render/task_file.hpp"
#include "runtime/render/task_values.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

namespace {
const sg::render::Renderer& renderer() {
  static const auto compiled = sg::compiler::compile(sg::compiler::Source("fuzz.tpl", R"(#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:01:00:00}
#SBATCH --container-image=${CLEARML_TASK.container.image:ubuntu}
#SBATCH --comment=${CLEARML_TASK.tags:none}
${CLEARML_PRE_SETUP}
echo "${CLEARML_TASK.name} in ${CLEARML_PROJECT_NAME:none}" ${CLEARML_TASK.script.entry_point:main.py}
cat <<'EOF'
${CLEARML_TASK.comment|raw}
EOF
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
)"));
  if (!compiled.renderer) std::abort();
  return *compiled.renderer;
}
}  // namespace

SLURMGLUE_FUZZ_TARGET(task_file) {
  nlohmann::json task;
  try {
    task = sg::render::parse_task(input, "task.yaml");
  } catch (const std::runtime_error& e) {
    SLURMGLUE_FUZZ_CHECK(std::string_view(e.what()).starts_with("task.yaml"));
    return;
  }
  SLURMGLUE_FUZZ_CHECK(task.is_object());
  sg::render::TaskInput task_input;
  task_input.task = task;
  task_input.queue_name = "gpu";
  task_input.worker_id = "worker";
  task_input.project_name = "project";
  task_input.singularity_mode = input.size() % 2 == 1;
  task_input.default_image = "ubuntu:22.04";
  sg::render::Values values;
  try {
    values = sg::render::task_values(task_input);
  } catch (const std::invalid_argument& e) {
    SLURMGLUE_FUZZ_CHECK(*e.what() != '\0');
    return;
  }
  std::string script;
  std::vector<sg::render::RenderError> errors;
  if (!renderer().render(values, script, errors)) SLURMGLUE_FUZZ_CHECK(!errors.empty());
}
