#pragma once
// The part of a Slurm option's value that a task value fills, on an #SBATCH
// line or an srun, sbatch or salloc command line, placed there directly or
// through a shell variable ("--export=ALL,N=${...}", --export=ALL,N="$N"):
// the rules the value must meet there.
#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/directive_options.hpp"
#include "runtime/render/element_role.hpp"

namespace slurmglue::compiler {

struct SlurmOptionPart {
  std::vector<render::ElementRole> roles;
  std::string code_variable;    // --export=...,NAME=value where programs run or load NAME as code
  bool names_variable = false;  // --export=ALL,VALUE=...: the value would name the variable set
  std::string code;             // why a value here is code (--bbf: the file's text joins the script)
};

// `option`: the option's name as written (long, without "--"; a short one
// already turned into its long name); `before`: the option's value up to
// the value (quotes dropped); `whole`: nothing of the template's text
// around the value in that word; `then_equals`: the template writes '='
// right after it; `percent_x`: the template writes %x somewhere (a
// filename pattern that puts the job name in a path).
// Whether `text` holds Slurm's %x filename pattern, with a width or not
// (%x, %8x, %08x): the job name in a path.
bool writes_job_name_pattern(std::string_view text);

SlurmOptionPart slurm_option_part(const render::OptionTable& table, std::string_view option, std::string_view before,
                                  bool whole, bool then_equals, bool percent_x = true);

}  // namespace slurmglue::compiler
