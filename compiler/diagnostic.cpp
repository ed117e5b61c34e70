#include "compiler/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

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

// Source lines longer than this are shown as this many bytes around the
// column (a minified or binary file can have one line of megabytes, and
// every diagnostic on it would print it whole).
constexpr std::size_t kExcerptBytes = 160;

// Text from a template as a terminal shows it: control bytes (which could
// move the cursor or recolour the terminal) become '?', one byte for one,
// so the caret under the excerpt stays in its column. Tabs stay.
}  // namespace

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) c = '?';
  }
  return out;
}

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    default: return "\033[1;36m";
  }
}
}  // namespace

// Each printer composes its whole text and writes it at once: std::cerr is
// unbuffered, and a template with thousands of diagnostics would otherwise
// cost a system call for every piece of every one.
void print_gcc(std::ostream& out, const Source& source, const Diagnostic& d) {
  std::ostringstream text;
  text << source.name() << ':' << d.position.line << ':' << d.position.column << ": " << to_string(d.severity)
       << ": " << printable(d.message) << " [" << d.rule << "]\n";
  out << text.str();
}

void print_human(std::ostream& out, const Source& source, const Diagnostic& d, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::ostringstream text;
  text << bold << source.name() << ':' << d.position.line << ':' << d.position.column << ":" << reset << ' '
       << (color ? colour_of(d.severity) : "") << to_string(d.severity) << reset << ": " << printable(d.message)
       << " [" << d.rule << "]\n";
  auto line = source.line_text(d.position.line);
  if (line.empty() && d.position.line > source.line_count()) {
    out << text.str();
    return;
  }
  // The part of a long line around the column, with "..." where it is cut.
  std::size_t column = d.position.column;
  const bool cut_before = line.size() > kExcerptBytes && column > kExcerptBytes / 2;
  if (cut_before) {
    const std::size_t skip = std::min(column - kExcerptBytes / 2, line.size() - kExcerptBytes / 2);
    line.remove_prefix(skip);
    column -= skip;
  }
  const bool cut_after = line.size() > kExcerptBytes;
  if (cut_after) line = line.substr(0, kExcerptBytes);
  text << "  " << (cut_before ? "..." : "") << printable(line) << (cut_after ? "..." : "") << '\n' << "  "
       << (cut_before ? "   " : "");
  // Keep tabs so the caret lines up under the same column in a terminal,
  // one blank per character (not per byte of UTF-8; lint hunt 53).
  for (std::size_t i = 1; i < column && i <= line.size(); ++i)
    if ((static_cast<unsigned char>(line[i - 1]) & 0xC0) != 0x80) text << (line[i - 1] == '\t' ? '\t' : ' ');
  const auto room = line.size() >= column ? line.size() - column + 1 : 1;
  const auto bytes = std::max<std::size_t>(1, std::min<std::size_t>(d.length, room));
  const auto width = column <= line.size() ? std::max<std::size_t>(1, code_points(line.substr(column - 1, bytes))) : 1;
  text << (color ? colour_of(d.severity) : "") << '^' << std::string(width - 1, '~') << reset << '\n';
  if (d.fix) text << "  fix: " << printable(*d.fix) << '\n';
  out << text.str();
}

}  // namespace slurmglue::compiler
