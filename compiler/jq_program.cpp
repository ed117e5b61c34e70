#include "compiler/jq_program.hpp"

#include <string>
#include <vector>

namespace slurmglue::compiler {

namespace {

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

// Functions of a value that make no key and read nothing else.
bool harmless_function(std::string_view f) {
  static constexpr std::string_view kNames[] = {
      "tonumber", "tostring", "ascii_downcase", "ascii_upcase", "length", "null", "true", "false", "not", "empty",
      "split", "join", "ltrimstr", "rtrimstr", "test", "select", "if", "then", "elif", "else", "end", "and", "or",
      "floor", "ceil", "round", "sqrt", "type", "has", "contains", "startswith", "endswith", "map", "add", "unique",
      "sort", "reverse", "min", "max", "now", "todate", "tojson", "abs",
      // (Keys stay the input's: map_values changes values, del drops paths
      // the whitelist reads; sub and gsub make strings; fr hunt 56.)
      "first", "last", "map_values", "del", "sub", "gsub"};
  for (auto n : kNames)
    if (f == n) return true;
  return false;
}

// One past the '"' that closes the string opening at `i` (an interpolation
// "\(...)" in it read as code), or npos.
std::size_t string_end(std::string_view p, std::size_t i);

// The ')' matching the '(' at `i`, strings skipped, or npos.
std::size_t matching_paren(std::string_view p, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < p.size(); ++j) {
    if (p[j] == '"') {
      j = string_end(p, j);
      if (j == std::string_view::npos) return j;
      --j;
    } else if (p[j] == '(') {
      ++depth;
    } else if (p[j] == ')' && --depth == 0) {
      return j;
    }
  }
  return std::string_view::npos;
}

std::size_t string_end(std::string_view p, std::size_t i) {
  for (std::size_t j = i + 1; j < p.size(); ++j) {
    if (p[j] == '"') return j + 1;
    if (p[j] != '\\') continue;
    if (j + 1 < p.size() && p[j + 1] == '(') {
      j = matching_paren(p, j + 1);
      if (j == std::string_view::npos) return j;
    } else {
      ++j;
    }
  }
  return std::string_view::npos;
}

std::size_t skip_blanks(std::string_view p, std::size_t i) {
  while (i < p.size() && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) ++i;
  return i;
}

// with_entries(select(...)): from_entries gets back the entries select let
// through, with their keys (fr hunt 56); any other function of the entries
// may set .key from a value.
bool entries_only_selected(std::string_view p, std::size_t after_name) {
  const auto open = skip_blanks(p, after_name);
  if (open >= p.size() || p[open] != '(') return false;
  const auto select = skip_blanks(p, open + 1);
  if (p.substr(select, 6) != "select") return false;
  const auto inner = skip_blanks(p, select + 6);
  if (inner >= p.size() || p[inner] != '(') return false;
  const auto inner_close = matching_paren(p, inner);
  if (inner_close == std::string_view::npos) return false;
  const auto close = skip_blanks(p, inner_close + 1);
  return close < p.size() && p[close] == ')' && close == matching_paren(p, open);
}

}  // namespace

bool jq_keeps_values_strings(std::string_view p) {
  std::vector<char> open;        // '{', '[', '('
  bool key_next = false;         // after '{' or a ',' inside {...}: a key comes
  bool indexable = false;        // the last token can be indexed: .a, $v, ], ), a string
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const bool key = key_next;
    key_next = false;
    if (c == '"') {
      std::size_t j = i + 1;
      for (; j < p.size() && p[j] != '"'; ++j)
        if (p[j] == '\\') {
          if (j + 1 < p.size() && p[j + 1] == '(' && key) return false;  // {"\($k)": v}
          if (j + 1 < p.size() && p[j + 1] == '(') {
            // A string's interpolation is text: skip to its ')' (no key can be made in it).
            int depth = 0;
            for (j += 1; j < p.size(); ++j) {
              if (p[j] == '(') ++depth;
              if (p[j] == ')' && --depth == 0) break;
            }
            continue;
          }
          ++j;
        }
      if (j >= p.size()) return false;
      i = j + 1;
      indexable = true;
      continue;
    }
    if (c == '$') {
      std::size_t j = i + 1;
      while (j < p.size() && name_char(p[j])) ++j;
      const auto var = p.substr(i + 1, j - i - 1);
      if (var.empty() || var == "ENV" || var == "ARGS" || var.starts_with("__")) return false;
      // {$k: v}: jq 1.7 makes $k's value the key ({$k} alone is the key "k"; attack 147).
      if (key && skip_blanks(p, j) < p.size() && p[skip_blanks(p, j)] == ':') return false;
      i = j;
      indexable = true;
      continue;
    }
    if (c == '.') {
      std::size_t j = i + 1;
      if (j < p.size() && name_start(p[j])) {
        while (j < p.size() && name_char(p[j])) ++j;
      } else if (j < p.size() && p[j] == '[') {
        // .["literal"] or .[0]: nothing else indexes.
        std::size_t k = j + 1;
        while (k < p.size() && p[k] == ' ') ++k;
        if (k < p.size() && p[k] == '"') {
          const auto close = p.find('"', k + 1);
          if (close == std::string_view::npos || p.substr(k, close - k).find('\\') != std::string_view::npos) return false;
          k = close + 1;
        } else {
          // .[0], and slices of literal bounds: .[0:32], .[-3:], .[:8]
          const auto number = [&] {
            if (k < p.size() && p[k] == '-') ++k;
            while (k < p.size() && p[k] >= '0' && p[k] <= '9') ++k;
          };
          number();
          if (k < p.size() && p[k] == ':') {
            ++k;
            number();
          }
        }
        while (k < p.size() && p[k] == ' ') ++k;
        if (k >= p.size() || p[k] != ']') return false;
        j = k + 1;
      } else if (j < p.size() && p[j] == '.') {
        return false;  // .. (recurse: every path)
      }
      i = j;
      indexable = true;
      continue;
    }
    if (name_start(c)) {
      std::size_t j = i;
      while (j < p.size() && name_char(p[j])) ++j;
      const auto word = p.substr(i, j - i);
      if (!key && !harmless_function(word) && !(word == "with_entries" && entries_only_selected(p, j))) return false;
      i = j;
      indexable = !key;
      continue;
    }
    if (c >= '0' && c <= '9') {
      while (i < p.size() && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == 'e' || p[i] == 'E')) ++i;
      indexable = false;
      continue;
    }
    switch (c) {
      case '{':
        open.push_back('{');
        key_next = true;
        break;
      case '[':
        if (indexable) return false;  // $v[...], .a[...], (...)[...]: an index
        open.push_back('[');
        break;
      case '(':
        if (key) return false;  // {($k): v}
        open.push_back('(');
        break;
      case '}':
      case ']':
      case ')':
        if (open.empty()) return false;
        open.pop_back();
        indexable = c != '}';
        ++i;
        continue;
      case ',':
        key_next = !open.empty() && open.back() == '{';
        break;
      case ':':
      case '|':
      case '=':
      case '+':
      case '-':
      case '*':
      case '/':
      case '<':
      case '>':
      case '!':
      case ';':
      case '?':
        break;
      default:
        return false;  // @format, #, %, ...: not read here
    }
    indexable = false;
    ++i;
  }
  return open.empty();
}

}  // namespace slurmglue::compiler
