#include "compiler/diagnostic.hpp"

#include <algorithm>
#include <ostream>

namespace slurmglue::compiler {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Style: return "style";
  }
  return "?";
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

Diagnostic diagnostic_at(const Source& source, std::string rule, Severity severity, std::size_t offset,
                         std::size_t length, std::string message) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.position = source.position(offset);
  d.length = static_cast<std::uint32_t>(length);
  d.message = std::move(message);
  return d;
}

namespace {
const char* colour_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    default: return "\033[1;36m";
  }
}
}  // namespace

void print_gcc(std::ostream& out, const Source& source, const Diagnostic& d) {
  out << source.name() << ':' << d.position.line << ':' << d.position.column << ": " << to_string(d.severity)
      << ": " << d.message << " [" << d.rule << "]\n";
}

void print_human(std::ostream& out, const Source& source, const Diagnostic& d, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  out << bold << source.name() << ':' << d.position.line << ':' << d.position.column << ":" << reset << ' '
      << (color ? colour_of(d.severity) : "") << to_string(d.severity) << reset << ": " << d.message << " ["
      << d.rule << "]\n";
  const auto line = source.line_text(d.position.line);
  if (line.empty() && d.position.line > source.line_count()) return;
  out << "  " << line << '\n' << "  ";
  // Keep tabs so the caret lines up under the same column in a terminal.
  for (std::uint32_t i = 1; i < d.position.column && i <= line.size(); ++i) out << (line[i - 1] == '\t' ? '\t' : ' ');
  const auto room = line.size() >= d.position.column ? line.size() - d.position.column + 1 : 1;
  const auto width = std::max<std::size_t>(1, std::min<std::size_t>(d.length, room));
  out << (color ? colour_of(d.severity) : "") << '^' << std::string(width - 1, '~') << reset << '\n';
  if (d.fix) out << "  fix: " << *d.fix << '\n';
}

}  // namespace slurmglue::compiler
