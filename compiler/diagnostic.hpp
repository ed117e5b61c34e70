// One diagnostic type for every layer: a rule id, a severity, a place and a
// message that says what to do. Errors stay values until a tool prints them.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source.hpp"

namespace slurmglue::compiler {

enum class Severity : std::uint8_t { Error, Warning, Info, Style };

std::string_view to_string(Severity s);

struct Diagnostic {
  std::string rule;  // stable id, e.g. "placeholder-syntax"
  Severity severity = Severity::Error;
  Position position;
  std::uint32_t length = 1;  // bytes underlined
  std::string message;
  std::optional<std::string> fix;  // a suggested replacement text, when there is one
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Columns count bytes (as gcc and clang count them); for readers that
// count characters (SARIF's unicodeCodePoints, a terminal's caret): the
// characters of UTF-8 text, each counted at its first byte.
std::size_t code_points(std::string_view utf8);

// A diagnostic for `length` bytes at byte `offset` of `source`.
Diagnostic diagnostic_at(const Source& source, std::string rule, Severity severity, std::size_t offset,
                         std::size_t length, std::string message);

// file:line:col: severity: message [rule], the source line, a caret underline.
void print_human(std::ostream& out, const Source& source, const Diagnostic& d, bool color);
// file:line:col: severity: message [rule] (one line, as gcc writes them).
void print_gcc(std::ostream& out, const Source& source, const Diagnostic& d);

}  // namespace slurmglue::compiler
