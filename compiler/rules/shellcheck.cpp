// --shellcheck: the shell part of the template through ShellCheck. Each
// placeholder becomes text of the same width, so ShellCheck's lines and
// columns are the template's own.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {

std::string shell_text(const Context& c) {
  std::string t = c.text();
  for (const auto& p : c.ast.placeholders) {
    const std::size_t width = p.end - p.begin;
    char fill = p.context.quoting == render::Quoting::Arithmetic ? '1' : 'x';
    if (p.context.whole_line) {
      t.replace(p.begin, width, ":" + std::string(width - 1, ' '));
      continue;
    }
    t.replace(p.begin, width, std::string(width, fill));
  }
  for (const auto& [begin, end] : c.ast.broken) t.replace(begin, end - begin, std::string(end - begin, 'x'));
  return t;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

Severity level(const std::string& l) {
  if (l == "error") return Severity::Error;
  if (l == "warning") return Severity::Warning;
  if (l == "info") return Severity::Info;
  return Severity::Style;
}

}  // namespace

void check_shellcheck(Context& c) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/slurmglue-lint.XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    c.report("shellcheck", 0, 1, "could not run shellcheck: no temporary file");
    return;
  }
  const std::string text = shell_text(c);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  std::string output;
  if (written) {
    const std::string shell = c.text().starts_with("#!") ? "" : " --shell=bash";
    if (FILE* pipe = ::popen(("shellcheck --format=json1" + shell + " " + quote(path) + " 2>/dev/null").c_str(), "r")) {
      char buffer[4096];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
      ::pclose(pipe);
    }
  }
  std::remove(path.c_str());
  const auto json = nlohmann::json::parse(output, nullptr, false);
  if (json.is_discarded() || !json.contains("comments")) {
    c.report("shellcheck", 0, 1, "could not run shellcheck (is it installed and on PATH?)");
    return;
  }
  for (const auto& comment : json["comments"]) {
    const auto line = comment.value("line", 1u);
    const auto column = comment.value("column", 1u);
    if (line < 1 || line > c.source.line_count()) continue;
    const std::size_t at = c.source.line_offset(line) + column - 1;
    const auto end_column = comment.value("endColumn", column + 1);
    const std::size_t length = comment.value("endLine", line) == line && end_column > column ? end_column - column : 1;
    c.report("shellcheck", at, length,
             fmt::format("SC{}: {}", comment.value("code", 0), comment.value("message", std::string())));
    // ShellCheck's own level, not the registry's.
    c.last().severity = level(comment.value("level", std::string("warning")));
  }
}

}  // namespace slurmglue::lint
