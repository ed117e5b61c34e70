// Directive-set family: the #SBATCH options of a job (or of one component of
// a heterogeneous job) read together, the way sbatch and slurmctld combine
// them. Values are the literal ones, or a placeholder's default; an option
// whose value the task chooses is reported when some task value would do
// what the rule describes.
#include <cctype>
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
    {"SG332", "conflicting-options", F, Error, "Two options of one job that sbatch refuses together.",
     "sbatch checks some options against each other after reading them all and fails the submission (\"are "
     "mutually exclusive\"): --mem, --mem-per-cpu and --mem-per-gpu; --exclusive and --oversubscribe (23.02+); "
     "--ntasks-per-gpu and --ntasks-per-node, --gpus-per-task, --gpus-per-socket or (23.02+) --tres-per-task; "
     "--cpus-per-task and --cpus-per-gpu (23.11+); --core-spec and --thread-spec; --gpus-per-node and a GPU in "
     "--gres (26.05+); --tres-per-task asking for cpu and --cpus-per-task (23.02+) or --cpus-per-gpu (23.11+), or "
     "for a gpu and --gpus-per-task (23.02+); --gres-flags with both disable-binding and enforce-binding, or "
     "multiple-tasks-per-sharing and one-task-per-sharing (23.11+); --nodes and --distribution=arbitrary (23.11+). "
     "Keep one of each pair.",
     "#!/bin/bash\n#SBATCH --mem=16G\n#SBATCH --mem-per-cpu=2G" OK, "#!/bin/bash\n#SBATCH --mem-per-cpu=2G" OK},
    {"SG333", "hetjob-array", F, Error, "A heterogeneous job that is also a job array.",
     "Slurm has no arrays of heterogeneous jobs (\"Job arrays of heterogeneous jobs are not supported\"): "
     "slurmctld refuses a job whose components are parted by '#SBATCH hetjob' when one of them sets --array. "
     "Submit the components as an array of ordinary jobs, or the heterogeneous job once.",
     "#!/bin/bash\n#SBATCH --array=0-3\n#SBATCH hetjob\n#SBATCH --ntasks=1" OK,
     "#!/bin/bash\n#SBATCH --ntasks=2\n#SBATCH hetjob\n#SBATCH --ntasks=1" OK},
    {"SG334", "array-pattern-without-array", F, Info, "%a or %b in a file name of a job that is no array.",
     "In --output, --error and --input, %a is the array task's index and %b that index modulo 10; in a job that "
     "is no array slurmstepd puts 4294967294 there (Slurm's NO_VAL), so logs are named job_1234_4294967294.out. "
     "Use %j, or set --array (unless sbatch gets --array on its command line).",
     "#!/bin/bash\n#SBATCH --output=job_%A_%a.out" OK, "#!/bin/bash\n#SBATCH --output=job_%j.out" OK},
    {"SG335", "hint-ignored", F, Warning, "--hint with an option that sets the same layout: sbatch drops --hint.",
     "--hint is mutually exclusive with --ntasks-per-core, --cores-per-socket, --sockets-per-node, "
     "--threads-per-core and -B (--extra-node-info); with any of them sbatch ignores --hint and says so only "
     "with -v, so the layout the hint asked for (nomultithread, compute_bound, ...) silently does not happen. "
     "Keep one of the two ways.",
     "#!/bin/bash\n#SBATCH --hint=nomultithread\n#SBATCH --ntasks-per-core=1" OK,
     "#!/bin/bash\n#SBATCH --hint=nomultithread" OK},
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

// Pairs of options sbatch refuses together (slurm_opt.c's validation after
// all options are read), and the release that began refusing them.
struct Conflict {
  std::string_view first, second;
  catalog::SlurmVersion since;
  std::string_view second_holds = {};  // only where the second's value asks for this resource (gpu, cpu) or is it (arbitrary)
};
constexpr Conflict kConflicts[] = {
    {"mem", "mem-per-cpu", {20, 2}},
    {"mem", "mem-per-gpu", {20, 2}},
    {"mem-per-cpu", "mem-per-gpu", {20, 2}},
    {"exclusive", "oversubscribe", {23, 2}},
    {"ntasks-per-gpu", "ntasks-per-node", {20, 11}},
    {"ntasks-per-gpu", "gpus-per-task", {20, 11}},
    {"ntasks-per-gpu", "gpus-per-socket", {20, 11}},
    {"ntasks-per-gpu", "tres-per-task", {23, 2}},
    {"cpus-per-task", "cpus-per-gpu", {23, 11}},
    {"core-spec", "thread-spec", {21, 8}},
    {"gpus-per-node", "gres", {26, 5}, "gpu"},
    // (_set_tres_per_task_from_sibling_opt: "You can not have --tres-per-task=cpu= and --cpus-per-task".)
    {"cpus-per-task", "tres-per-task", {23, 2}, "cpu"},
    {"gpus-per-task", "tres-per-task", {23, 2}, "gpu"},
    {"cpus-per-gpu", "tres-per-task", {23, 11}, "cpu"},
    // (_validate_arbitrary: "--nodes is incompatible with --distribution=arbitrary"; lint hunt 71.)
    {"nodes", "distribution", {23, 11}, "arbitrary"},
};

// Whether a --gres or --tres-per-task value asks for `resource` (gpu:2,
// gpu:a100:4, gres/gpu:1, cpu=4, cpu:4), in any case.
bool asks_for(std::string_view v, std::string_view resource) {
  for (std::size_t start = 0; start <= v.size();) {
    const auto end = std::min(v.find(',', start), v.size());
    auto item = v.substr(start, end - start);
    if (item.starts_with("gres/") || item.starts_with("GRES/")) item.remove_prefix(5);
    const auto name = item.substr(0, item.find_first_of(":="));
    if (name.size() == resource.size() && std::equal(name.begin(), name.end(), resource.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
      return true;
    start = end + 1;
  }
  return false;
}

void check_conflicts(Context& c, const std::map<std::string, const DirectiveOption*>& given) {
  for (const auto& pair : kConflicts) {
    if (c.options.slurm < pair.since) continue;
    const auto a = given.find(std::string(pair.first)), b = given.find(std::string(pair.second));
    if (a == given.end() || b == given.end()) continue;
    if (!pair.second_holds.empty() &&
        (!b->second->value || b->second->value_has_placeholder || !asks_for(*b->second->value, pair.second_holds)))
      continue;
    const auto* later = a->second->at > b->second->at ? a->second : b->second;
    const auto* earlier = later == a->second ? b->second : a->second;
    c.report("conflicting-options", later->at, later->length,
             fmt::format("sbatch fails when --{} and --{} are both given (\"mutually exclusive\"); keep one",
                         earlier->item.option->name, later->item.option->name));
  }
  if (const auto flags = given.find("gres-flags");
      flags != given.end() && flags->second->value && !flags->second->value_has_placeholder &&
      c.options.slurm >= catalog::SlurmVersion{23, 11}) {
    std::string v = *flags->second->value;
    for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const auto& [a, b] : {std::pair<std::string_view, std::string_view>{"disable-binding", "enforce-binding"},
                               {"multiple-tasks-per-sharing", "one-task-per-sharing"}})
      if (v.find(a) != std::string::npos && v.find(b) != std::string::npos)
        c.report("conflicting-options", flags->second->at, flags->second->length,
                 fmt::format("sbatch fails on --gres-flags with both {} and {}; keep one", a, b));
  }
}

void check_component(Context& c, std::map<std::string, Setting>& job,
                     std::map<std::string, const DirectiveOption*>& given) {
  check_conflicts(c, given);
  // (validate_hint_option in slurm_opt.c; lint hunt 69.)
  if (const auto hint = given.find("hint"); hint != given.end())
    for (const char* other : {"ntasks-per-core", "cores-per-socket", "sockets-per-node", "threads-per-core", "extra-node-info"})
      if (given.count(other)) {
        c.report("hint-ignored", hint->second->at, hint->second->length,
                 fmt::format("sbatch ignores --hint when --{} is also given (it says so only with -v): keep one", other));
        break;
      }
  given.clear();
  const auto nodes = job.find("nodes");
  const auto ntasks = job.find("ntasks");
  // (A count below 1 is invalid-value's: sbatch fails on it before it compares.)
  if (nodes != job.end() && ntasks != job.end() && !job.count("ntasks-per-node") && ntasks->second.number &&
      *ntasks->second.number > 0 && !ntasks->second.task_chosen) {
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

// Where a file name pattern holds %a or %b (any width), or npos.
std::size_t array_task_pattern(std::string_view v) {
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (v[k] != '%') continue;
    std::size_t j = k + 1;
    while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
    if (j < v.size() && (v[j] == 'a' || v[j] == 'b')) return k;
    k = j;  // (%% is one literal '%')
  }
  return std::string_view::npos;
}

void check_directive_set(Context& c) {
  std::map<std::string, Setting> job;
  std::map<std::string, const DirectiveOption*> given;  // the last of each option of the component
  const DirectiveOption* array = nullptr;
  bool heterogeneous = false;
  std::vector<const DirectiveOption*> task_patterns;  // --output=job_%a.out
  for (const auto& d : c.directives) {
    if (d.split().hetjob_separator) {
      check_component(c, job, given);
      heterogeneous = true;
    }
    for (const auto& o : d.options) {
      if (!o.item.option) continue;
      given[o.item.option->name] = &o;
      if (o.item.option->name == "array") array = &o;
      if (!o.value) continue;
      const auto& name = o.item.option->name;
      if ((name == "output" || name == "error" || name == "input") && !o.value_has_placeholder &&
          array_task_pattern(*o.value) != std::string_view::npos)
        task_patterns.push_back(&o);
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
  check_component(c, job, given);
  if (heterogeneous && array)
    c.report("hetjob-array", array->at, array->length,
             "Slurm has no arrays of heterogeneous jobs, and slurmctld refuses this one: drop --array, or the "
             "'#SBATCH hetjob' lines");
  if (!array)
    for (const auto* o : task_patterns) {
      const auto at = array_task_pattern(*o->value);
      c.report("array-pattern-without-array", o->value_at + at, 2,
               fmt::format("--{}: %{} is the array task's index, but the job is no array: slurmstepd writes "
                           "4294967294 there; use %j, or set --array (unless sbatch gets it on its command line)",
                           o->item.option->name, (*o->value)[(*o->value).find_first_of("ab", at)]));
    }
}

}  // namespace slurmglue::lint
