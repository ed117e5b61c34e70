// Escaping a value for the exact place it stands in the batch script, so that
// the shell (or sbatch, on an #SBATCH line) reads the value back as exactly
// that data: never code, never a new line, never an extra word or option.
// Values that need no quoting are written as they are, so ordinary values
// render byte for byte as plain substitution would.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/context.hpp"

namespace slurmglue::render {

// Characters that are data in every unquoted position.
bool is_plain_word(std::string_view value);

// Appends `value` escaped for `ctx` to `out`. Returns nullptr on success, or a
// message saying why the value cannot be placed there safely (then `out` may
// hold a partial write: the caller discards it).
const char* append_escaped(std::string_view value, const ShellContext& ctx, std::string& out);

// Splits `value` into words the way a POSIX shell would read it (blanks
// separate; '...', "..." and backslash group), without expanding anything.
// Returns nullptr on success, or why the text is not a word list.
const char* split_words(std::string_view value, std::vector<std::string>& words);

}  // namespace slurmglue::render
