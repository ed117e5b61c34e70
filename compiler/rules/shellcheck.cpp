// --shellcheck: the shell part of each template through ShellCheck, one
// process for all the files of a run. Each placeholder becomes text of the
// same width, so ShellCheck's lines and columns are the template's own.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {

// A stand-in of `width` bytes. Inside double quotes (and unquoted here-document
// bodies) a placeholder is a value the glue fills in, so it stands as a variable
// ("$XXXX"): as a constant word ShellCheck would call `case "${...}" in`
// constant (SC2194). Elsewhere it is a plain word, which needs no quoting.
std::string stand_in(const compiler::PlaceholderNode& p) {
  const std::size_t width = p.end - p.begin;
  using render::Quoting;
  if (p.context.whole_line) return ":" + std::string(width - 1, ' ');
  if (p.context.quoting == Quoting::Arithmetic) return std::string(width, '1');
  if ((p.context.quoting == Quoting::DoubleQuoted || p.context.quoting == Quoting::HeredocUnquoted) && width >= 2)
    return "$" + std::string(width - 1, 'X');
  return std::string(width, 'x');
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

// Whether every word with a comma in `text` is an option with a value
// (--container-mounts=a:b,c:d), the words split on blanks and parentheses.
bool commas_only_in_option_values(std::string_view text) {
  std::size_t k = 0;
  while (k < text.size()) {
    const auto begin = text.find_first_not_of(" \t()", k);
    if (begin == std::string_view::npos) break;
    auto end = text.find_first_of(" \t()", begin);
    if (end == std::string_view::npos) end = text.size();
    const auto w = text.substr(begin, end - begin);
    if (w.find(',') != std::string_view::npos && !(w.starts_with("-") && w.find('=') != std::string_view::npos))
      return false;
    k = end;
  }
  return true;
}

// Findings that are not ShellCheck's to make here: an option whose value is a
// comma list (--container-mounts=a:b,c:d in an array is one word, not a
// mistyped list: SC2054), and variables the site sets (SC2154).
bool expected(const Context& c, int code, std::string_view message, std::uint32_t line, std::size_t column) {
  if (code == 2054) {
    const auto text = c.source.line_text(line);
    return column >= 1 && column <= text.size() && commas_only_in_option_values(text.substr(column - 1));
  }
  if (code == 2154) {
    const auto name = message.substr(0, message.find(' '));
    return c.options.site_variables.count(std::string(name)) > 0;
  }
  return false;
}

void report(Context& c, const nlohmann::json& comment) {
  const auto line = comment.value("line", 1u);
  const auto column = comment.value("column", 1u);
  if (line < 1 || line > c.source.line_count()) return;
  const int code = comment.value("code", 0);
  const auto message = comment.value("message", std::string());
  if (expected(c, code, message, line, column)) return;
  const std::size_t at = c.source.line_offset(line) + column - 1;
  const auto end_column = comment.value("endColumn", column + 1);
  const std::size_t length = comment.value("endLine", line) == line && end_column > column ? end_column - column : 1;
  c.report("shellcheck", at, length, fmt::format("SC{}: {}", code, message));
  c.last().severity = level(comment.value("level", std::string("warning")));  // ShellCheck's own level
}

// Runs one ShellCheck over `paths`; its JSON, or discarded on failure.
nlohmann::json run(const std::vector<std::string>& paths, bool default_bash) {
  std::string command = "shellcheck --format=json1";
  if (default_bash) command += " --shell=bash";
  for (const auto& p : paths) command += " " + quote(p);
  command += " 2>/dev/null";
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    ::pclose(pipe);
  }
  return nlohmann::json::parse(output, nullptr, false);
}

}  // namespace

std::string shellcheck_text(const Context& c) {
  std::string t = c.text();
  for (const auto& p : c.ast.placeholders) t.replace(p.begin, p.end - p.begin, stand_in(p));
  for (const auto& [begin, end] : c.ast.broken) t.replace(begin, end - begin, std::string(end - begin, 'x'));
  return t;
}

void check_shellcheck(std::span<Context* const> contexts) {
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string dir = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp");
  std::vector<std::string> paths(contexts.size());
  // Files without "#!" are read as bash; the others by their own "#!" line.
  std::vector<std::string> groups[2];
  for (std::size_t k = 0; k < contexts.size(); ++k) {
    std::string path = dir + "/slurmglue-lint.XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) continue;
    const std::string text = shellcheck_text(*contexts[k]);
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    paths[k] = path;
    if (written) groups[contexts[k]->text().starts_with("#!") ? 0 : 1].push_back(path);
  }
  std::map<std::string, std::vector<nlohmann::json>> found;
  bool ran = true;
  for (int g = 0; g < 2; ++g) {
    // Bounded batches keep the command line short.
    for (std::size_t from = 0; from < groups[g].size(); from += 256) {
      const std::vector<std::string> batch(groups[g].begin() + static_cast<std::ptrdiff_t>(from),
                                           groups[g].begin() + static_cast<std::ptrdiff_t>(std::min(from + 256, groups[g].size())));
      const auto json = run(batch, g == 1);
      if (json.is_discarded() || !json.contains("comments")) {
        ran = false;
        continue;
      }
      for (const auto& comment : json["comments"]) found[comment.value("file", std::string())].push_back(comment);
    }
  }
  for (std::size_t k = 0; k < contexts.size(); ++k) {
    Context& c = *contexts[k];
    if (paths[k].empty() || !ran) {
      c.report("shellcheck", 0, 1, "could not run shellcheck (is it installed and on PATH?)");
    } else {
      for (const auto& comment : found[paths[k]]) report(c, comment);
    }
    if (!paths[k].empty()) std::remove(paths[k].c_str());
  }
}

}  // namespace slurmglue::lint
