#include "runtime/render/script_checks.hpp"

#include <cstring>

#include <fmt/format.h>

#include "grammar/sbatch_directive.hpp"

namespace slurmglue::render {

std::string script_rejection(std::string_view s) {
  if (s.find_first_not_of(" \t\n\r\v\f") == std::string_view::npos)
    return "the batch script is empty or only whitespace";
  if (s.size() < 2 || s[0] != '#' || s[1] != '!')
    return "the batch script must start with #! and an interpreter (e.g. #!/bin/bash)";
  if (s.find('\0') != std::string_view::npos) return "the batch script holds a NUL byte";
  if (s.find("\r\n") != std::string_view::npos)
    return "the batch script holds DOS line breaks (\\r\\n), which sbatch rejects";
  if (s.size() > kMaxScriptBytes)
    return fmt::format("the batch script is {} bytes, over sbatch's default limit of {}", s.size(),
                       kMaxScriptBytes);
  return {};
}

namespace {

// Calls found(number) for each line sbatch reads as a directive. A hand loop:
// the renderer runs it on every script it renders.
template <typename Found>
void scan_directive_lines(std::string_view s, Found found) {
  const char* p = s.data();
  const char* const end = p + s.size();
  for (std::size_t number = 1; p < end; ++number) {
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const line_end = nl ? nl : end;
    const char* first = p;
    while (first < line_end && (*first == ' ' || *first == '\t' || *first == '\v' || *first == '\f' || *first == '\r'))
      ++first;
    if (first < line_end) {
      if (*first != '#') break;
      if (grammar::sbatch::directive_prefix(std::string_view(p, static_cast<std::size_t>(line_end - p))) != 0)
        found(number);
    }
    p = line_end + 1;
  }
}

}  // namespace

std::vector<std::size_t> directive_lines(std::string_view s) {
  std::vector<std::size_t> lines;
  scan_directive_lines(s, [&](std::size_t number) { lines.push_back(number); });
  return lines;
}

std::size_t count_directive_lines(std::string_view s) {
  std::size_t count = 0;
  scan_directive_lines(s, [&](std::size_t) { ++count; });
  return count;
}

std::size_t count_translated_directive_lines(std::string_view s) {
  std::size_t count = 0;
  // #DW, #BB and #BB_LUA: burst-buffer directives Slurm's plugins read.
  for (std::string_view prefix : {std::string_view("#PBS"), std::string_view("#BSUB"), std::string_view("#DW"),
                                  std::string_view("#BB")})
    for (auto at = s.find(prefix); at != std::string_view::npos; at = s.find(prefix, at + 1)) {
      std::size_t k = at;
      while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) --k;
      if (k == 0 || s[k - 1] == '\n') ++count;
    }
  return count;
}

}  // namespace slurmglue::render
