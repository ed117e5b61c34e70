// Directive-set family: the #SBATCH options of a job (or of one component of
// a heterogeneous job) read together, the way sbatch and slurmctld combine
// them. Values are the literal ones, or a placeholder's default; an option
// whose value the task chooses is reported when some task value would do
// what the rule describes.
#include <charconv>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Directives;
#define OK "\n${CLEARML_AGENT_EXECUTE}\n"

const RuleInfo kRules[] = {
    {"SG330", "nodes-above-ntasks", F, Warning, "--nodes can be larger than --ntasks, and sbatch then uses fewer nodes.",
     "When --nodes asks for more nodes than --ntasks has tasks (and --ntasks-per-node is not given), sbatch only "
     "warns (\"can't run 1 processes on 2 nodes, setting nnodes to 1\") and the job runs on fewer nodes than "
     "asked. A template with --ntasks=1 and --nodes=${CLEARML_TASK...num_nodes.value:1} runs a multi-node task "
     "on one node. Ask for what is meant: --ntasks-per-node (tasks on every node, so --ntasks follows --nodes), or "
     "a --ntasks at least as large as --nodes.",
     "#!/bin/bash\n#SBATCH --ntasks=1\n#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}" OK,
     "#!/bin/bash\n#SBATCH --ntasks-per-node=1\n#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}" OK},
    {"SG331", "priority-ignored", F, Info, "--priority is ignored unless the submitter is a Slurm operator or admin.",
     "slurmctld resets a priority asked for by a user who is not root, SlurmUser or an operator/administrator "
     "(sbatch(1): \"Only Slurm operators and administrators can set the priority of a job\"); it is silently "
     "ignored. Drop it, or use --nice or a QOS the site defines.",
     "#!/bin/bash\n#SBATCH --priority=5" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
};
#undef OK

// A job's options as sbatch leaves them: the last value of each.
struct Setting {
  const DirectiveOption* option = nullptr;
  std::optional<long> number;  // the literal value or the placeholder's default, when a number
  bool task_chosen = false;    // a placeholder decides the value
};

// (A node count may end in k or m: 1k is 1024 nodes.)
std::optional<long> leading_number(std::string_view v) {
  if (v.starts_with('+')) v.remove_prefix(1);  // (strtol's sign: --nodes=+2, --ntasks=+8)
  long n = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc() || r.ptr == v.data()) return std::nullopt;
  const char unit = r.ptr < v.data() + v.size() ? *r.ptr : '\0';
  const long scale = unit == 'k' || unit == 'K' ? 1024 : unit == 'm' || unit == 'M' ? 1048576 : 1;
  if (n > std::numeric_limits<long>::max() / scale) return std::nullopt;  // (sbatch refuses it too)
  return n * scale;
}

void check_component(Context& c, std::map<std::string, Setting>& job) {
  const auto nodes = job.find("nodes");
  const auto ntasks = job.find("ntasks");
  if (nodes != job.end() && ntasks != job.end() && !job.count("ntasks-per-node") && ntasks->second.number &&
      !ntasks->second.task_chosen) {
    const auto& n = nodes->second;
    const long tasks = *ntasks->second.number;
    // MIN[-MAX]: the minimum is what sbatch compares.
    if (n.number && *n.number > tasks) {
      c.report("nodes-above-ntasks", n.option->at, n.option->length,
               fmt::format("--nodes={} asks for more nodes than --ntasks={} has tasks: sbatch warns and runs the job "
                           "on {} node(s); use --ntasks-per-node or raise --ntasks",
                           *n.number, tasks, tasks));
    } else if (n.task_chosen) {
      c.report("nodes-above-ntasks", n.option->at, n.option->length,
               fmt::format("the task chooses --nodes but --ntasks is fixed at {}: a task asking for more nodes runs "
                           "on {} node(s) (sbatch only warns); use --ntasks-per-node instead of --ntasks",
                           tasks, tasks));
    }
  }
  job.clear();
}

}  // namespace

std::span<const RuleInfo> directive_set_rules() { return kRules; }

void check_directive_set(Context& c) {
  std::map<std::string, Setting> job;
  for (const auto& d : c.directives) {
    if (d.split().hetjob_separator) check_component(c, job);
    for (const auto& o : d.options) {
      if (!o.item.option || !o.value) continue;
      const auto& name = o.item.option->name;
      if (name == "priority")
        c.report("priority-ignored", o.at, o.length,
                 "Slurm ignores --priority unless the submitter is root, SlurmUser or an operator/administrator; "
                 "drop it (or use --nice or a QOS)");
      if (name != "nodes" && name != "ntasks" && name != "ntasks-per-node") continue;
      Setting s;
      s.option = &o;
      if (o.value_has_placeholder) {
        s.task_chosen = true;
        if (const auto def = c.literal_default(*o.value, o.value_at)) s.number = leading_number(def->first);
      } else {
        s.number = leading_number(*o.value);
      }
      job[name] = s;
    }
  }
  check_component(c, job);
}

}  // namespace slurmglue::lint
