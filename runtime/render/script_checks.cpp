#include "runtime/render/script_checks.hpp"

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

std::vector<std::size_t> directive_lines(std::string_view s) {
  std::vector<std::size_t> lines;
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    ++number;
    auto nl = s.find('\n', pos);
    const auto line = s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? s.size() : nl + 1;
    const auto first = line.find_first_not_of(" \t\v\f\r");
    if (first == std::string_view::npos) continue;
    if (line[first] != '#') break;
    if (grammar::sbatch::directive_prefix(line) != 0) lines.push_back(number);
  }
  return lines;
}

}  // namespace slurmglue::render
