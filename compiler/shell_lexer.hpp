// The shell structure pass: walks the template as bash (and sbatch) would read
// the rendered script and decides, for every placeholder, the context its
// value lands in: an #SBATCH argument (inside or outside sbatch's quotes), an
// unquoted word, "...", '...', $'...', a comment, a here-document body,
// arithmetic, and whether it sits inside $(...), `...`, ${...} or [[ ]]. It
// also finds the #SBATCH lines sbatch reads and the here-documents.
//
// It is a hand-written scanner, not a PEG: bash's lexing depends on a stack of
// open constructs and on here-documents that start at the next line break,
// which a scanner with an explicit stack states most plainly. Placeholders are
// opaque word characters to it.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostic.hpp"

namespace slurmglue::compiler {

// Characters of a bash name (NAME=..., $NAME): letters, digits and '_',
// no digit first.
inline bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
inline bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
inline bool is_variable_name(std::string_view s) {
  return !s.empty() && is_name_start(s[0]) && std::all_of(s.begin(), s.end(), is_name_char);
}


// The deepest nesting of open constructs (quotes, $(...), ${...}, ...) read:
// real templates nest a handful; each open one costs memory and, when never
// closed, a diagnostic. Deeper is an error and the rest of the template is
// not read, so a file of "$($($(..." stays bounded. The shell model's cost
// per byte grows with the depth (a template of lines nested 250 deep took
// 300 MB a MiB, 60 deep 180 MB), hence a bound well below what memory allows.
inline constexpr std::size_t kMaxShellNesting = 64;

void analyze_shell(const Source& source, Template& tpl, std::vector<Diagnostic>& diagnostics);

}  // namespace slurmglue::compiler
