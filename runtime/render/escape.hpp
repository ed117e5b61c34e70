// Placing a value where it stands in the batch script, so that the shell (or
// sbatch, on an #SBATCH line) reads the value back as exactly that data: never
// code, never a new line, never an extra word or option.
//
// Plain words (ids, numbers, image names) are written as they are, so ordinary
// values render byte for byte as plain substitution would. Wherever bash
// expands parameters, any other value becomes a reference to a variable that
// the renderer assigns once, in a data block after the #SBATCH lines, in
// ANSI-C quoting with every byte outside printable ASCII hex-escaped: a
// mistake in reading the template then costs a wrong value, never code, and no
// locale can reread the script. Literal text is left only where bash expands
// nothing (#SBATCH words, comments, quoted here-document bodies).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/context.hpp"

namespace slurmglue::render {

// Characters that are data in every unquoted position.
bool is_plain_word(std::string_view value);

// Whether bash would run code in `value` when it reaches arithmetic: a '['
// followed by '`' or by a '$' that starts an expansion (a[$(cmd)]).
bool runs_in_arithmetic(std::string_view value);
// Whether `value` holds a '`' or a '$' that starts an expansion.
bool holds_expansion(std::string_view value);

// The prefix of the data block's variables; templates may not use it.
inline constexpr std::string_view kDataVariablePrefix = "__slurmglue_";

// Appends `value` for `ctx` to `out`: literally, or as a reference to the data
// variable `name` (then `referenced` is set and the caller must assign `name`
// in the data block). Returns nullptr on success, or a message saying why the
// value cannot be placed there safely (then `out` may hold a partial write:
// the caller discards it).
const char* place_value(std::string_view value, const ShellContext& ctx, std::string_view name, std::string& out,
                        bool& referenced);

// What the value-flow pass found a value of an #SBATCH line reaches later
// through the job's environment ($SLURM_JOB_NAME, --export=NAME=...): a
// string parsed again, an unquoted expansion, an argument's start. The
// reason the value cannot go there, or null.
const char* later_use_check(std::string_view value, const ShellContext& ctx);

// The list form of place_value for an argument list (each item one word):
// plain items are written as they are, otherwise the whole list is a
// reference to the data array `name`. Each word is an option, or the value
// of the option before it where `option_values` marks it so.
const char* place_words(const std::vector<std::string>& words, const ShellContext& ctx, std::string_view name,
                        std::string& out, bool& referenced, const std::vector<bool>* option_values = nullptr);

// bash's ANSI-C quoting $'...' with every byte outside printable ASCII, and
// ' and \, written as \xHH: the result is pure printable ASCII.
void append_ansi_c_quoted(std::string_view value, std::string& out);

// Splits `value` into words the way a POSIX shell would read it (blanks
// separate; '...', "..." and backslash group), without expanding anything.
// Returns nullptr on success, or why the text is not a word list.
const char* split_words(std::string_view value, std::vector<std::string>& words);

}  // namespace slurmglue::render
