// Typed positions: a value that lands on an option with a known format (an
// #SBATCH --nodes, a --container-image on srun, ...) must have that format, or
// the task fails with this reason instead of submitting a broken job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/directive_options.hpp"

namespace slurmglue::render {

// Whether a and b are the same text in ASCII letters of either case
// (Slurm's xstrcasecmp, which its keyword options use).
bool equals_ignoring_case(std::string_view a, std::string_view b);

// Returns an empty string when `value` fits `kind`, else what was expected.
std::string check_value(ValueKind kind, std::string_view value);

// The items of a --mail-type list that name no mail type (END,FAILED:
// FAILED), which sbatch drops without a word when another item is one.
std::vector<std::string_view> unknown_mail_types(std::string_view value);

// Whether check_value can refuse anything of `kind` (Any and filename
// patterns take any text).
bool is_checked(ValueKind kind);

// Whether check_value alone decides a value of `kind`: a number, a time, a
// keyword or list of keywords (not free text, not a filename pattern or a
// container image, mount list or name, which have rules of their own).
bool is_scalar_kind(ValueKind kind);

// Whether an absolute path is the node's /dev, /proc or /sys or inside one,
// however spelled (//dev/stdin, /./proc/self/cwd): an image there would
// be the job's standard input, a descriptor or the host's root.
bool in_system_tree(std::string_view path);

}  // namespace slurmglue::render
