// Printers for slurmglue-lint's results: human (with the source line and a
// caret), gcc, JSON, SARIF 2.1.0 and GitHub workflow annotations.
#pragma once

#include <iosfwd>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/lint.hpp"

namespace slurmglue::lint {

enum class Format { Human, Gcc, Json, Sarif, Github };
std::optional<Format> parse_format(std::string_view name);

struct FileResult {
  Source source;
  std::vector<Diagnostic> diagnostics;
};

void print_human(std::ostream& out, const std::vector<FileResult>& files, bool color);
void print_gcc(std::ostream& out, const std::vector<FileResult>& files);
void print_json(std::ostream& out, const std::vector<FileResult>& files);
void print_sarif(std::ostream& out, const std::vector<FileResult>& files, std::string_view tool_version);
void print_github(std::ostream& out, const std::vector<FileResult>& files);

void print(Format format, std::ostream& out, const std::vector<FileResult>& files, bool color,
           std::string_view tool_version);

}  // namespace slurmglue::lint

namespace slurmglue::lint {

// man/slurmglue-lint.1, generated from the rule registry: every rule with its
// id, severity, explanation, a failing and a passing example, and what the
// linter reports for each (so the page cannot drift: a test regenerates it).
void print_man(std::ostream& out, std::string_view tool_version);

// What slurmglue-lint prints (gcc format) for a rule's example, as a file
// named example.tpl, linted with the rule's example options.
std::string example_output(const RuleInfo& rule, std::string_view example);

}  // namespace slurmglue::lint
