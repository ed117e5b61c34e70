#include "runtime/render/code_slots.hpp"

#include "runtime/render/escape.hpp"

namespace slurmglue::render {
namespace {

// One shell word: plain words as they are, anything else in pure-ASCII $'...'.
std::string word(const std::string& value) {
  if (!value.empty() && is_plain_word(value)) return value;
  std::string out;
  append_ansi_c_quoted(value, out);
  return out;
}

}  // namespace

void fill_code_slots(const CodeSlotInput& in, Values& values) {
  values.pre_setup = "export CLEARML_WORKER_ID=" + word(in.worker_id + ":" + in.task_id) + "\n" +
                     "export CLEARML_TASK_ID=" + word(in.task_id);
  if (!in.task_directory.empty()) {
    // Also in the job's environment; written here too so that a template
    // with --export=NONE still hands them to the inner agent.
    values.pre_setup += "\nexport CLEARML_CONFIG_FILE=" + word(in.task_directory + "/clearml.conf") +
                        "\nexport CLEARML_AGENT__AGENT__VENVS_DIR=" + word(in.task_directory);
  }
  values.agent_execute = std::string(in.srun_delegation ? "srun " : "") +
                         (in.singularity_image.empty() ? "" : word(in.singularity_image) + " ") +
                         "clearml-agent execute --full-monitoring --require-queue --id " + word(in.task_id);
  values.agent_execute_starts_with_image = !in.singularity_image.empty();
  values.post_setup.clear();
}

}  // namespace slurmglue::render
