#include "compiler/slurm_option_part.hpp"

#include <algorithm>
#include <initializer_list>

#include "runtime/render/code_variables.hpp"

namespace slurmglue::compiler {
namespace {

bool one_of_names(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool writes_job_name_pattern(std::string_view text) {
  for (auto at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) {
    auto k = at + 1;
    while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
    if (k < text.size() && text[k] == 'x') return true;
  }
  return false;
}

SlurmOptionPart slurm_option_part(const render::OptionTable& table, std::string_view option, std::string_view before,
                                  bool whole, bool then_equals, bool percent_x) {
  using render::ElementRole;
  SlurmOptionPart part;
  // srun's own options (--cpu-bind, --gpu-bind) are not sbatch's: their
  // names as written.
  const auto match = table.find_long(option);
  const std::string name = match.option ? match.option->name : std::string(option);
  // Lists whose items (gres, licenses, dependencies, features, nodes,
  // partitions, array indices, mail recipients, burst-buffer words, a
  // Pyxis container's name and flag) a separator in a value would add
  // to: a value filling part of the option's value stays inside its
  // item. A value that is the whole option is the list the template asks
  // for (but a container's name is never given a flag).
  // (In a GPU or generic-resource item a ':' separates its type and count.)
  const bool gres = one_of_names(name, {"gres", "tres-per-task", "gpus", "gpus-per-node", "gpus-per-task", "gpus-per-socket"});
  if (gres && !whole) part.roles.push_back(ElementRole::GresPart);
  else if (one_of_names(name, {"licenses", "dependency", "constraint", "prefer", "cluster-constraint",
                          "tres-bind", "partition", "reservation", "clusters", "array", "mail-type", "mail-user", "propagate",
                          "cpu-bind", "gpu-bind", "mem-bind", "cpu-freq", "acctg-freq", "distribution", "signal",
                          "nodelist", "exclude", "network", "switches", "bb", "extra", "container-name"}) &&
      (!whole || name == "container-name"))
    part.roles.push_back(ElementRole::SlurmListPart);
  if (name == "container-mounts") part.roles.push_back(ElementRole::Mount);
  else if (name == "container-env") part.roles.push_back(ElementRole::Name);
  else if (name == "export") {
    const auto element = before.substr(before.rfind(',') == std::string_view::npos ? 0 : before.rfind(',') + 1);
    if (element.find('=') == std::string_view::npos) {
      // --export=ALL,${...}=x: the value would choose which variable the
      // job gets (BASH_ENV, LD_PRELOAD, PATH...).
      part.names_variable = then_equals;
      part.roles.push_back(ElementRole::ExportName);
    } else {
      const auto variable = element.substr(0, element.find('='));
      if (const auto role = render::setting_role(variable)) part.roles.push_back(*role);
      else if (render::is_code_variable(variable)) part.code_variable = std::string(variable);
      part.roles.push_back(ElementRole::ExportValue);
    }
  } else if (name == "job-name") {
    // Only %x (in --output, --error, srun -o) puts the name in a path.
    part.roles.push_back(percent_x ? ElementRole::JobName : ElementRole::JobText);
  } else if (name == "nodelist" || name == "exclude") {
    part.roles.push_back(ElementRole::NodeList);
  } else if (name == "mail-user" && before.empty()) {
    part.roles.push_back(ElementRole::MailUser);
  } else if (name == "chdir" || name == "container-workdir" || name == "container") {
    // The job's working directory: where its relative names and python's
    // module path resolve, so it is named as code is; an OCI bundle
    // (--container) holds the program and hooks that run.
    part.roles.push_back(ElementRole::CodePath);
  } else if (name == "uid" || name == "gid") {
    // sbatch run as root submits the job as this account or group.
    part.roles.push_back(ElementRole::Account);
  } else if (name == "wrap") {
    part.code = "sbatch makes its text the job's script, so a value there is code";
  } else if (name == "bbf") {
    part.code = "Slurm reads the file it names as burst-buffer directives, and sbatch puts its text into the batch "
                "script, so a value naming the file chooses code";
  } else if (one_of_names(name, {"output", "error", "input", "container-save", "export-file", "bcast"})) {
    // --container-save writes an image; --export-file is read into the
    // job's environment; --bcast writes the program to a path on each node.
    part.roles.push_back(ElementRole::Path);
    // (attack 184: --output=logs/\..\../x is logs/../../x to slurmstepd.)
    if (one_of_names(name, {"output", "error", "input"})) part.roles.push_back(ElementRole::StepFileName);
  }
  return part;
}

}  // namespace slurmglue::compiler
