// Agent contract family: what the glue relies on in every template: one
// place where the agent runs, setup code around it, and Slurm jobs that can
// be tied back to their task.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

bool defines_srun_wrapper(const Context& c);  // srun_wrapper.cpp

namespace {
using enum Severity;
constexpr auto F = Family::AgentContract;

const RuleInfo kRules[] = {
    {"SG601", "missing-agent-execute", F, Error, "The template has no ${CLEARML_AGENT_EXECUTE}.",
     "In a directive-style template the agent runs where ${CLEARML_AGENT_EXECUTE} stands; without it the job "
     "does nothing. (srun-wrapper templates run with --srun-delegation instead.)",
     "#!/bin/bash\n#SBATCH --time=10\necho hello\n", "#!/bin/bash\n#SBATCH --time=10\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG602", "multiple-agent-execute", F, Error, "${CLEARML_AGENT_EXECUTE} appears more than once.",
     "The task would run twice in one job. Keep one.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG603", "pre-setup-after-execute", F, Error, "${CLEARML_PRE_SETUP} comes after the agent runs.",
     "Pre-setup code prepares the environment of the agent; after it, it is useless. Move it before "
     "${CLEARML_AGENT_EXECUTE}.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n${CLEARML_PRE_SETUP}\n",
     "#!/bin/bash\n${CLEARML_PRE_SETUP}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG604", "post-setup-before-execute", F, Error, "${CLEARML_POST_SETUP} comes before the agent runs.",
     "Post-setup code cleans up after the agent. Move it after ${CLEARML_AGENT_EXECUTE}.",
     "#!/bin/bash\n${CLEARML_POST_SETUP}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n${CLEARML_POST_SETUP}\n"},
    {"SG605", "job-name-without-task-id", F, Warning, "--job-name does not hold ${CLEARML_TASK.id}.",
     "The Slurm job is tied back to its task by the task id in the job name (the ClearML docs say: do not "
     "change it). Keep ${CLEARML_TASK.id} in --job-name.",
     "#!/bin/bash\n#SBATCH --job-name=train\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG606", "shared-output-file", F, Warning, "--output/--error names the same file for every task.",
     "Without the task id, %j, %J or %A in the name, every job of the queue writes (and truncates) the same log. "
     "Add ${CLEARML_TASK.id} or %j.",
     "#!/bin/bash\n#SBATCH --output=/logs/task.log\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --output=/logs/task-%j.log\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG607", "missing-job-name", F, Warning, "The template sets no --job-name.",
     "Without --job-name Slurm names the job after the script file, and the glue cannot tie the Slurm job back "
     "to its task by name. Add --job-name=clearml_task_${CLEARML_TASK.id}.",
     "#!/bin/bash\n#SBATCH --time=10\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n#SBATCH --time=10\n${CLEARML_AGENT_EXECUTE}\n"},
};

bool has_task_id(const Context& c, std::size_t begin, std::size_t end) {
  return std::any_of(c.ast.placeholders.begin(), c.ast.placeholders.end(), [&](const compiler::PlaceholderNode& p) {
    return p.begin >= begin && p.end <= end && p.name == "TASK" && p.path.size() == 1 && p.path[0] == "id";
  });
}

bool unique_pattern(std::string_view v, bool job_name_unique) {
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (v[k] != '%') continue;
    std::size_t j = k + 1;
    while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
    if (j < v.size() && (v[j] == 'j' || v[j] == 'J' || v[j] == 'A' || (v[j] == 'x' && job_name_unique))) return true;
    if (j < v.size() && v[j] == '%') ++j;
    k = j;
  }
  return false;
}

}  // namespace

std::span<const RuleInfo> agent_contract_rules() { return kRules; }

void check_agent_contract(Context& c) {
  const auto execute = c.placeholders("AGENT_EXECUTE");
  if (execute.empty() && !c.options.srun_delegation && !defines_srun_wrapper(c) &&
      c.text().find_first_not_of(" \t\n\r") != std::string::npos)
    c.report("missing-agent-execute", 0, 1,
             "the template never runs the agent: add a line ${CLEARML_AGENT_EXECUTE} (or lint an srun-wrapper "
             "template with --srun-delegation)");
  for (std::size_t k = 1; k < execute.size(); ++k)
    c.report("multiple-agent-execute", execute[k]->begin, execute[k]->end - execute[k]->begin,
             fmt::format("${{CLEARML_AGENT_EXECUTE}} is already on line {}: the task would run twice; keep one",
                         c.source.position(execute[0]->begin).line));
  if (!execute.empty()) {
    const auto run = execute.front()->begin;
    for (const auto* p : c.placeholders("PRE_SETUP"))
      if (p->begin > run)
        c.report("pre-setup-after-execute", p->begin, p->end - p->begin,
                 "${CLEARML_PRE_SETUP} comes after ${CLEARML_AGENT_EXECUTE}: move it before the agent runs");
    for (const auto* p : c.placeholders("POST_SETUP"))
      if (p->begin < run)
        c.report("post-setup-before-execute", p->begin, p->end - p->begin,
                 "${CLEARML_POST_SETUP} comes before ${CLEARML_AGENT_EXECUTE}: move it after the agent runs");
  }

  bool job_name_unique = false, job_name = false;
  for (const auto* o : c.all_options()) {
    job_name |= o->item.option && o->item.option->name == "job-name";
    if (!o->item.option || o->item.option->name != "job-name" || !o->value) continue;
    job_name_unique = has_task_id(c, o->value_at, o->value_at + o->value_length);
    if (!job_name_unique)
      c.report("job-name-without-task-id", o->at, o->length,
               "the job name must hold ${CLEARML_TASK.id} so the glue can tie the Slurm job to its task: write "
               "--job-name=clearml_task_${CLEARML_TASK.id}");
  }
  if (!job_name && c.text().find_first_not_of(" \t\n\r") != std::string::npos)
    c.report("missing-job-name", 0, 1,
             "the template sets no --job-name: add #SBATCH --job-name=clearml_task_${CLEARML_TASK.id} so the glue "
             "can tie the Slurm job to its task");
  for (const auto* o : c.all_options()) {
    if (!o->item.option || !o->value || o->value->empty()) continue;
    const auto& name = o->item.option->name;
    if (name != "output" && name != "error") continue;
    if (o->value_has_placeholder || unique_pattern(*o->value, job_name_unique) || *o->value == "/dev/null") continue;
    c.report("shared-output-file", o->value_at, o->value_length,
             fmt::format("every task of this template writes the same file '{}': add ${{CLEARML_TASK.id}} or %j to "
                         "the name",
                         *o->value));
  }
}

}  // namespace slurmglue::lint
