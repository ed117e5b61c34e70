#include "runtime/render/context.hpp"

#include <string>

namespace slurmglue::render {

std::string_view to_string(Quoting q) {
  switch (q) {
    case Quoting::Unquoted: return "unquoted word";
    case Quoting::DoubleQuoted: return "double quotes";
    case Quoting::SingleQuoted: return "single quotes";
    case Quoting::DollarSingleQuoted: return "$'...' quotes";
    case Quoting::HeredocUnquoted: return "here-document";
    case Quoting::HeredocQuoted: return "quoted here-document";
    case Quoting::Comment: return "comment";
    case Quoting::Arithmetic: return "arithmetic";
    case Quoting::DirectiveUnquoted: return "#SBATCH argument";
    case Quoting::DirectiveDoubleQuoted: return "#SBATCH argument in double quotes";
    case Quoting::DirectiveSingleQuoted: return "#SBATCH argument in single quotes";
  }
  return "?";
}

std::string describe(const ShellContext& c) {
  std::string s(to_string(c.quoting));
  if (c.in_parameter_expansion) s += ", inside ${...}";
  if (c.in_command_substitution) s += ", inside $(...)";
  if (c.backtick_depth) s += ", inside `...`";
  if (c.in_double_brackets) s += ", inside [[ ]]";
  return s;
}

}  // namespace slurmglue::render
