#include "compiler/sed_script.hpp"

#include <string>

namespace slurmglue::compiler {
namespace {

// After an s or y command's delimiter `d` at script[k]: the index of the
// delimiter that ends the part, or npos (a '\' escapes the next byte, the
// delimiter too; GNU sed reads no bracket expression here).
std::size_t part_end(std::string_view script, std::size_t k, char d) {
  for (; k < script.size(); ++k) {
    if (script[k] == '\\') {
      ++k;
      continue;
    }
    if (script[k] == d || script[k] == '\n') return script[k] == d ? k : std::string_view::npos;
  }
  return std::string_view::npos;
}

// One address at script[k] (N, $, /re/, \cREc), or k when there is none;
// npos when it does not end.
std::size_t address_end(std::string_view script, std::size_t k) {
  if (k >= script.size()) return k;
  const char c = script[k];
  if (c == '$') return k + 1;
  if (c >= '0' && c <= '9') {
    while (k < script.size() && script[k] >= '0' && script[k] <= '9') ++k;
    return k;
  }
  if (c == '/' || (c == '\\' && k + 1 < script.size() && script[k + 1] != '\n')) {
    const char d = c == '/' ? '/' : script[k + 1];
    const auto e = part_end(script, c == '/' ? k + 1 : k + 2, d);
    if (e == std::string_view::npos) return e;
    k = e + 1;
    while (k < script.size() && (script[k] == 'I' || script[k] == 'M')) ++k;
    return k;
  }
  return k;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool ends_in_sed_replacement(std::string_view before) {
  std::size_t k = 0;
  const auto blanks = [&] {
    while (k < before.size() && is_blank(before[k])) ++k;
  };
  for (;;) {
    blanks();
    while (k < before.size() && (before[k] == ';' || before[k] == '\n')) {
      ++k;
      blanks();
    }
    if (k >= before.size()) return false;
    // [ADDRESS[,ADDRESS]][!]s<d>PATTERN<d>REPLACEMENT<d>FLAGS
    k = address_end(before, k);
    if (k == std::string_view::npos) return false;
    if (k < before.size() && before[k] == ',') {
      k = address_end(before, k + 1);
      if (k == std::string_view::npos) return false;
    }
    blanks();
    if (k < before.size() && before[k] == '!') ++k;
    blanks();
    if (k >= before.size() || before[k] != 's' || k + 1 >= before.size()) return false;
    const char d = before[k + 1];
    if (d == '\\' || d == '\n' || std::string_view("0123456789.+-eE").find(d) != std::string_view::npos) return false;
    const auto pattern_end = part_end(before, k + 2, d);
    if (pattern_end == std::string_view::npos) return false;
    const auto replacement_end = part_end(before, pattern_end + 1, d);
    if (replacement_end == std::string_view::npos) {
      // The point is inside the replacement unless it ends in a '\'
      // escaping what follows or a new line ended the command.
      std::size_t slashes = 0;
      for (auto j = before.size(); j > pattern_end + 1 && before[j - 1] == '\\'; --j) ++slashes;
      return slashes % 2 == 0 && before.find('\n', pattern_end + 1) == std::string_view::npos;
    }
    // Flags: letters and digits only (g, p, i, I, m, M, N); e and w end the reading.
    k = replacement_end + 1;
    while (k < before.size() && std::string_view("gpiImM0123456789").find(before[k]) != std::string_view::npos) ++k;
    blanks();
    if (k < before.size() && before[k] != ';' && before[k] != '\n') return false;
  }
}

bool unquote_plain_word(std::string_view raw, std::string& out) {
  out.clear();
  char quote = 0;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
      else out += c;
    } else if (c == '$' || c == '`') {
      return false;
    } else if (c == '\\') {
      if (++k >= raw.size()) return false;
      // In "...", a '\' is removed only before $ ` " \ and a new line.
      if (quote == '"' && std::string_view("$`\"\\\n").find(raw[k]) == std::string_view::npos) out += '\\';
      if (raw[k] != '\n') out += raw[k];
    } else if (c == '"' || (c == '\'' && quote == 0)) {
      quote = quote == c ? 0 : c;
    } else {
      out += c;
    }
  }
  return true;
}

}  // namespace slurmglue::compiler
