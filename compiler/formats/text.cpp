// The line-oriented formats: human, gcc and GitHub annotations.
#include <ostream>

#include "compiler/formats/formats.hpp"

namespace slurmglue::lint {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "human") return Format::Human;
  if (name == "gcc") return Format::Gcc;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "github") return Format::Github;
  return std::nullopt;
}

void print_human(std::ostream& out, const std::vector<FileResult>& files, bool color) {
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) compiler::print_human(out, f.source, d, color);
}

void print_gcc(std::ostream& out, const std::vector<FileResult>& files) {
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) compiler::print_gcc(out, f.source, d);
}

namespace {
// GitHub's workflow commands: '%', CR and LF in the message are %-encoded;
// property values also encode ':' and ','.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

void print_github(std::ostream& out, const std::vector<FileResult>& files) {
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      const char* level = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
      out << "::" << level << " file=" << github_escape(f.source.name(), true) << ",line=" << d.position.line
          << ",col=" << d.position.column << ",title=" << github_escape(d.rule, true)
          << "::" << github_escape(d.message, false) << '\n';
    }
  }
}

void print(Format format, std::ostream& out, const std::vector<FileResult>& files, bool color,
           std::string_view tool_version) {
  switch (format) {
    case Format::Human: print_human(out, files, color); break;
    case Format::Gcc: print_gcc(out, files); break;
    case Format::Json: print_json(out, files); break;
    case Format::Sarif: print_sarif(out, files, tool_version); break;
    case Format::Github: print_github(out, files); break;
  }
}

}  // namespace slurmglue::lint
