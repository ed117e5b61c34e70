#include "compiler/data_line.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace slurmglue::compiler {
namespace {

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() > end.size() && s.substr(s.size() - end.size()) == end;
}

// Whether a quote at before[at] opens a scalar: YAML and TOML read a quote
// as a string's start only where a value or key begins (after "key: ",
// "- ", "=", a flow bracket or ','); elsewhere it is a character of a
// plain scalar.
bool starts_scalar(DataFormat format, std::string_view before, std::size_t at) {
  std::size_t k = at;
  while (k > 0 && (before[k - 1] == ' ' || before[k - 1] == '\t')) --k;
  if (k == 0) return true;
  const char prev = before[k - 1];
  if (format == DataFormat::Toml) return prev == '=' || prev == '[' || prev == '{' || prev == ',';
  if (prev == '[' || prev == '{' || prev == ',') return true;
  if (k == at) return false;  // key:"x" is plain text in a block
  // "key: ", and "- " or "? " where only indentation and other "- " stand before.
  return prev == ':' || ((prev == '-' || prev == '?') && before.substr(0, k - 1).find_first_not_of(" -") == std::string_view::npos);
}

// Whether `before` ends inside a double-quoted string that begins a scalar.
bool inside_double_quotes(DataFormat format, std::string_view before) {
  char quote = 0;
  for (std::size_t k = 0; k < before.size(); ++k) {
    const char c = before[k];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '#' && format != DataFormat::Json) return false;  // a comment (or a plain scalar's text)
    if (c == '"' || (c == '\'' && format != DataFormat::Json)) {
      if (format != DataFormat::Json && !starts_scalar(format, before, k)) return false;
      quote = c;
    }
  }
  return quote == '"';
}

}  // namespace

void DataLines::read(std::string_view lines) {
  for (std::size_t begin = 0; begin < lines.size() && !quoted;) {
    const auto end = std::min(lines.find('\n', begin), lines.size());
    const auto line = lines.substr(begin, end - begin);
    char quote = 0;
    for (std::size_t k = 0; k < line.size(); ++k) {
      const char c = line[k];
      if (quote) {
        if (c == '\\' && quote == '"') ++k;
        else if (c == quote) quote = 0;
      } else if (c == '#' && format != DataFormat::Json && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) {
        break;  // a comment
      } else if (c == '"' || (c == '\'' && format != DataFormat::Json)) {
        if (format == DataFormat::Json || starts_scalar(format, line, k)) quote = c;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    quoted = quote != 0;  // (for good: where it ends is not read)
    begin = end + 1;
  }
}

namespace {

// Whether `after` closes the string on this line: a '"' before any '\'.
bool closed_on_line(std::string_view after) {
  const auto close = after.find_first_of("\"\\");
  return close != std::string_view::npos && after[close] == '"';
}

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

// "  key: ", "- ", "  - key: ": the value is a YAML block scalar of its own.
bool yaml_block_value(std::string_view before, std::string_view after) {
  if (after.find_first_not_of(" \t") != std::string_view::npos) return false;
  std::size_t k = before.find_first_not_of(' ');
  if (k == std::string_view::npos) return false;
  while (k != std::string_view::npos && before.compare(k, 2, "- ") == 0) k = before.find_first_not_of(' ', k + 2);
  if (k == std::string_view::npos) return true;  // "- ${V}": a list item
  const auto key_end = std::find_if_not(before.begin() + static_cast<std::ptrdiff_t>(k), before.end(), is_key_char);
  const auto colon = static_cast<std::size_t>(key_end - before.begin());
  return colon > k && colon + 1 < before.size() && before[colon] == ':' &&
         before.find_first_not_of(' ', colon + 1) == std::string_view::npos;
}

// The key a line gives its value ("  trialCommand: ", "- run: ",
// "\"command\": \"", "entrypoint = "), or "".
std::string_view line_key(std::string_view before) {
  std::size_t k = before.find_first_not_of(" \t");
  while (k != std::string_view::npos && before.compare(k, 2, "- ") == 0) k = before.find_first_not_of(' ', k + 2);
  if (k == std::string_view::npos) return {};
  const bool quoted = before[k] == '"' || before[k] == '\'';
  const auto from = quoted ? k + 1 : k;
  auto end = from;
  while (end < before.size() && is_key_char(before[end])) ++end;
  if (end == from) return {};
  auto sep = end + (quoted && end < before.size() && before[end] == before[k] ? 1 : 0);
  while (sep < before.size() && before[sep] == ' ') ++sep;
  return sep < before.size() && (before[sep] == ':' || before[sep] == '=') ? before.substr(from, end - from) : std::string_view();
}

// Whether a key's last word says its value is a command line or its words
// (trialCommand, entrypoint, cmd, run, before_script, args): tools run it
// in a shell (NNI's trialCommand, a CI step's run, a job's command).
bool names_a_command(std::string_view key) {
  // The last word: after the last '_', '-', '.', or the last capital.
  std::size_t start = 0;
  for (std::size_t k = 0; k < key.size(); ++k)
    if (key[k] == '_' || key[k] == '-' || key[k] == '.') start = k + 1;
    else if (std::isupper(static_cast<unsigned char>(key[k])) && k > start && std::islower(static_cast<unsigned char>(key[k - 1])))
      start = k;
  std::string last(key.substr(start));
  std::transform(last.begin(), last.end(), last.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::string_view word : {"command", "commands", "cmd", "cmds", "cmdline", "commandline", "entrypoint", "script",
                                "scripts", "exec", "run", "shell", "args", "argv", "arguments", "launch", "launcher"})
    if (last == word) return true;
  return false;
}

}  // namespace

DataFormat data_format(std::string_view file_name) {
  std::string base(file_name.substr(file_name.rfind('/') == std::string_view::npos ? 0 : file_name.rfind('/') + 1));
  std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::tolower(c); });
  // (run.json.tmp, cfg.yaml.j2 are Other: what reads them is unknown.)
  for (std::string_view ext : {".json", ".jsonl", ".ndjson", ".geojson"})
    if (ends_with(base, ext)) return DataFormat::Json;
  for (std::string_view ext : {".yaml", ".yml"})
    if (ends_with(base, ext)) return DataFormat::Yaml;
  if (ends_with(base, ".toml")) return DataFormat::Toml;
  return DataFormat::Other;
}

render::ElementRole data_line_role(DataFormat format, std::string_view before, std::string_view after, bool open) {
  // bash expands '$', '`' and '\' in an unquoted here-document's body: the
  // file's text is then not the template's.
  if (format == DataFormat::Other || open || before.find_first_of("$`\\") != std::string_view::npos)
    return render::ElementRole::DataField;
  // A command line's words: a value is one plain word, as in a command.
  if (const auto key = line_key(before); !key.empty() && names_a_command(key)) return render::ElementRole::DataWord;
  if (inside_double_quotes(format, before)) {
    if (format == DataFormat::Toml && before.find("\"\"\"") != std::string_view::npos) return render::ElementRole::DataField;
    return closed_on_line(after) ? render::ElementRole::DataQuotedText : render::ElementRole::DataField;
  }
  if (format == DataFormat::Yaml && yaml_block_value(before, after)) return render::ElementRole::YamlPlainText;
  return render::ElementRole::DataField;
}

}  // namespace slurmglue::compiler
