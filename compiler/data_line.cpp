#include "compiler/data_line.hpp"
#include "compiler/programs.hpp"

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

// The quote of the string that begins a scalar and that `before` ends
// inside ('"', or '\'' but in JSON), or 0.
char open_quote(DataFormat format, std::string_view before) {
  char quote = 0;
  for (std::size_t k = 0; k < before.size(); ++k) {
    const char c = before[k];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '#' && format != DataFormat::Json) return 0;  // a comment (or a plain scalar's text)
    if (c == '"' || (c == '\'' && format != DataFormat::Json)) {
      if (format != DataFormat::Json && !starts_scalar(format, before, k)) return 0;
      quote = c;
    }
  }
  return quote;
}
bool inside_double_quotes(DataFormat format, std::string_view before) { return open_quote(format, before) == '"'; }
// Inside a '...' string of a YAML or TOML line that closes on the line
// (run_name: '${V}'; fr hunt 72).
bool inside_single_quotes(DataFormat format, std::string_view before, std::string_view after) {
  if (format != DataFormat::Yaml && format != DataFormat::Toml) return false;
  return open_quote(format, before) == '\'' && after.find('\'') != std::string_view::npos &&
         after.substr(0, after.find('\'')).find('\n') == std::string_view::npos;
}

std::string_view line_key(std::string_view before);
bool names_a_command(std::string_view key);

// Whether a YAML line gives its value an anchor ("key: &name", "- &name").
bool defines_anchor(std::string_view line) {
  for (auto at = line.find('&'); at != std::string_view::npos; at = line.find('&', at + 1)) {
    auto k = at;
    while (k > 0 && line[k - 1] == ' ') --k;
    if (at + 1 < line.size() && line[at + 1] != ' ' && k < at && k > 0 && (line[k - 1] == ':' || line[k - 1] == '-'))
      return true;
  }
  return false;
}

bool names_data(std::string_view key);

// Whether a YAML line (after its indentation) is a mapping's entry
// ("dir: x", "name:") whose key names data, not a sequence's item or a
// plain scalar's text (in which ": " cannot stand).
bool yaml_data_entry(std::string_view line) {
  if (line.substr(0, 2) == "- " || line == "-") return false;
  const auto key = line_key(line);
  if (key.empty() || !names_data(key)) return false;
  auto sep = static_cast<std::size_t>(key.data() + key.size() - line.data());
  if (sep < line.size() && (line[sep] == '"' || line[sep] == '\'')) ++sep;
  while (sep < line.size() && line[sep] == ' ') ++sep;
  return sep < line.size() && line[sep] == ':' && (sep + 1 == line.size() || line[sep + 1] == ' ');
}

}  // namespace

bool DataLines::in_restored_state(std::string_view line) const {
  const auto column = line.find_first_not_of(' ');
  return state_column >= 0 && column != std::string_view::npos && static_cast<int>(column) > state_column;
}

bool DataLines::in_command(std::string_view line) const {
  if (command_depth >= 0 || command_string || command_next_line) return true;
  const auto column = line.find_first_not_of(' ');
  if (mapping_column >= 0 && column != std::string_view::npos && static_cast<int>(column) > mapping_column)
    return !yaml_data_entry(line.substr(column));
  return command_column >= 0 && (column == std::string_view::npos || static_cast<int>(column) > command_column);
}

void DataLines::read(std::string_view lines) {
  for (std::size_t begin = 0; begin < lines.size() && !quoted;) {
    const auto end = std::min(lines.find('\n', begin), lines.size());
    const auto line = lines.substr(begin, end - begin);
    // A YAML command block ends at a line no deeper than its key.
    const auto column = line.find_first_not_of(' ');
    const bool blank = column == std::string_view::npos || line[column] == '#';
    if (mapping_column >= 0 && !blank && static_cast<int>(column) <= mapping_column) mapping_column = -1;
    if (command_column >= 0 && !blank && static_cast<int>(column) <= command_column) command_column = -1;
    if (state_column >= 0 && !blank && static_cast<int>(column) <= state_column) state_column = -1;
    if (state_column < 0 && !blank && format == DataFormat::Yaml) {
      // resume:⏎ (a comment after it at most): the mapping under it.
      const auto key = line_key(line);
      const auto colon = key.empty() ? std::string_view::npos
                                     : line.find(':', static_cast<std::size_t>(key.data() + key.size() - line.data()));
      auto rest = colon == std::string_view::npos ? std::string_view("x") : line.substr(colon + 1);
      rest = rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size()));
      if ((rest.empty() || rest[0] == '#') && programs::restores_saved_state(key))
        state_column = static_cast<int>(key.data() - line.data());
    }
    auto value_opens = std::string_view::npos;  // where a command key's bracketed value opens on this line
    if (command_next_line && !blank) {
      // "command":⏎ [ or "..." on the line after the key.
      command_next_line = false;
      if (line[column] == '[' || line[column] == '{') value_opens = column;
    }
    if (!in_command() && !blank) {
      const auto key = line_key(line);
      // A YAML anchor's value may be put anywhere by an alias (run: *cmd).
      const bool anchor = format != DataFormat::Json && format != DataFormat::Toml && defines_anchor(line);
      if ((!key.empty() && names_a_command(key)) || anchor) {
        // What follows the key's ':' or '=' (no comment, anchor or tag): a
        // block scalar, a bracket, a multi-line string, or a plain scalar
        // that more indented lines continue.
        const auto from = key.empty() ? std::string_view::npos : line.find_first_of(":=", static_cast<std::size_t>(key.data() + key.size() - line.data()));
        auto rest = from == std::string_view::npos ? std::string_view() : line.substr(from + 1);
        rest = rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size()));
        while (!rest.empty() && (rest[0] == '&' || rest[0] == '!')) {  // &anchor, !!str
          rest = rest.substr(std::min(rest.find(' '), rest.size()));
          rest = rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size()));
        }
        if (!rest.empty() && rest[0] == '#' && format != DataFormat::Json) rest = {};
        // (The key's column: where its quote, if any, opens; a key-less anchor line: its indentation.)
        auto key_column = key.empty() ? column : static_cast<std::size_t>(key.data() - line.data());
        if (key_column > 0 && (line[key_column - 1] == '"' || line[key_column - 1] == '\'')) --key_column;
        if (format == DataFormat::Yaml && rest.empty()) mapping_column = static_cast<int>(key_column);
        else if (format != DataFormat::Json && format != DataFormat::Toml) command_column = static_cast<int>(key_column);
        if (!rest.empty() && (rest[0] == '[' || rest[0] == '{')) value_opens = static_cast<std::size_t>(rest.data() - line.data());
        else if (rest.substr(0, 3) == "\"\"\"" || rest.substr(0, 3) == "\'\'\'") command_string = true;  // TOML's multi-line strings
        else if (rest.empty() && format != DataFormat::Yaml) command_next_line = true;
      }
    }
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
        if (k == value_opens) command_depth = depth;  // until the brackets are back at this depth
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    quoted = quote != 0;  // (for good: where it ends is not read)
    if (command_depth >= 0 && depth <= command_depth) command_depth = -1;
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

// "tags: [a, ${V}]": the value is a whole item of a flow sequence the
// line opens (and closes, or goes on with another item).
bool yaml_flow_item(std::string_view before, std::string_view after) {
  const auto last = before.find_last_not_of(" \t");
  const auto next = after.find_first_not_of(" \t");
  if (last == std::string_view::npos || next == std::string_view::npos) return false;
  if ((before[last] != '[' && before[last] != ',') || (after[next] != ']' && after[next] != ',')) return false;
  // Inside one '[' (not a '{' mapping) opened on this line, outside quotes.
  int depth = 0;
  char innermost = 0;
  for (const char c : before.substr(0, last + 1)) {
    if (c == '"' || c == '\'') return false;
    if (c == '[' || c == '{') ++depth, innermost = c;
    if (c == ']' || c == '}') --depth;
  }
  return depth == 1 && innermost == '[';
}

// The key a line gives its value ("  trialCommand: ", "- run: ",
// "\"command\": \"", "entrypoint = "), or "".
std::string_view line_key(std::string_view before) {
  // (After indentation, list markers "- " and a flow's or object's opening "{" or "[".)
  std::size_t k = before.find_first_not_of(" \t{[");
  while (k != std::string_view::npos && before.compare(k, 2, "- ") == 0) k = before.find_first_not_of(" {[", k + 2);
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

// The key the ':' or '=' at `sep` of `text` ends (blanks and its closing
// quote between them).
std::string_view key_before_separator(std::string_view text, std::size_t sep) {
  auto end = sep;
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end > 0 && (text[end - 1] == '"' || text[end - 1] == '\'')) --end;
  if (end >= 2 && text.substr(end - 2, 2) == "()") return text.substr(end - 2, 2);  // dictConfig's factory key
  auto from = end;
  while (from > 0 && is_key_char(text[from - 1])) --from;
  return text.substr(from, end - from);
}

// The key nearest before the value on its line ({"name": "a", "cmd": "${V}"}),
// or "".
std::string_view nearest_key(std::string_view before) {
  char quote = 0;
  auto sep = std::string_view::npos;  // the last ':' or '=' outside quotes
  for (std::size_t k = 0; k < before.size(); ++k) {
    const char c = before[k];
    if (quote) {
      if (c == '\\' && quote == '"') ++k;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ':' || c == '=') {
      sep = k;
    }
  }
  return sep == std::string_view::npos ? std::string_view() : key_before_separator(before, sep);
}

// The keys of the mappings and lists still open on the line before a value
// ({"name": "job", "scripts": {"train": "...${V}: scripts).
std::vector<std::string_view> enclosing_keys(std::string_view before) {
  std::vector<std::string_view> open;
  char quote = 0;
  for (std::size_t k = 0; k < before.size(); ++k) {
    const char c = before[k];
    if (quote) {
      if (c == '\\' && quote == '"') ++k;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{' || c == '[') {
      open.push_back(nearest_key(before.substr(0, k)));
    } else if ((c == '}' || c == ']') && !open.empty()) {
      open.pop_back();
    }
  }
  return open;
}

// The shell quote (' or ") that `text`, read as a command line, leaves
// open at its end, or 0.
char shell_quote_at_end(std::string_view text) {
  char quote = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '\\' && quote != '\'') ++k;
    else if (quote) quote = c == quote ? 0 : quote;
    else if (c == '\'' || c == '"') quote = c;
  }
  return quote;
}

// Whether the quote `text` leaves open began a long option's value: the
// word before it is --NAME, or the quote follows --NAME=.
bool quoted_option_value(std::string_view text, char quote) {
  const auto open = text.rfind(quote);
  if (open == std::string_view::npos) return false;
  auto word_end = open;
  if (word_end > 0 && text[word_end - 1] == '=') {
    --word_end;  // --name="
  } else {
    while (word_end > 0 && text[word_end - 1] == ' ') --word_end;
    if (word_end == open) return false;  // text'...: the quote is inside a word
  }
  auto word_begin = word_end;
  while (word_begin > 0 && text[word_begin - 1] != ' ') --word_begin;
  const auto word = text.substr(word_begin, word_end - word_begin);
  return word.size() > 2 && word.substr(0, 2) == "--" && std::all_of(word.begin() + 2, word.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
         });
}

// Whether a key says its value is a command line or its words: a word of
// it names one (trialCommand, entry_script, cmd), or its last word does
// (run, args, setup, entry, hooks, program, pre_window, on_project_start:
// CI runners, submitit, pre-commit, tmuxinator run them in a shell).
// A key's words, in lower case: they end at '_', '-', '.', and before a
// capital after a small letter (runName, run_name, run.name).
std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < key.size();) {
    std::size_t end = start + 1;
    while (end < key.size() && key[end] != '_' && key[end] != '-' && key[end] != '.' &&
           !(std::isupper(static_cast<unsigned char>(key[end])) && std::islower(static_cast<unsigned char>(key[end - 1]))))
      ++end;
    std::string word(key.substr(start, end - start));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    words.push_back(std::move(word));
    start = end;
    while (start < key.size() && (key[start] == '_' || key[start] == '-' || key[start] == '.')) ++start;
  }
  return words;
}

bool names_a_command(std::string_view key) {
  bool any = false, last_word = false;
  const auto words = key_words(key);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& word = words[i];
    static constexpr std::string_view kAnywhere[] = {
        "command", "commands", "cmd", "cmds", "cmdline", "commandline", "entrypoint", "script", "scripts", "exec",
        "shell", "bash", "sh", "eval", "exe", "executable", "interpreter", "shebang", "prologue", "epilogue",
        "panes", "callback",
        // (git's core.fsmonitor, core.pager, core.editor, core.askPass,
        // credential.helper, diff.*.textconv, filter.*.smudge; cargo's
        // build.rustc-wrapper and target.*.linker: commands git and cargo run.)
        "fsmonitor", "pager", "editor", "askpass", "helper", "textconv", "smudge", "wrapper", "linker"};
    // (dask-jobqueue's python, env-extra, job-extra-directives; CI's
    // build, test, deploy, after_success.)
    static constexpr std::string_view kLast[] = {
        "run", "args", "argv", "arguments", "launch", "launcher", "setup", "entry", "hooks", "hook", "program",
        "window", "pane", "start", "startup", "before", "after", "prepare", "install", "init", "stop", "python",
        "do", "cli", "success", "failure"};
    // (Words that name a command only as the last of several: env-extra, pre_build; "extra" alone is data.)
    static constexpr std::string_view kLastOfSeveral[] = {"extra", "directives", "build", "test", "deploy"};
    any = any || std::find(std::begin(kAnywhere), std::end(kAnywhere), word) != std::end(kAnywhere);
    last_word = std::find(std::begin(kLast), std::end(kLast), word) != std::end(kLast) ||
                (i > 0 && std::find(std::begin(kLastOfSeveral), std::end(kLastOfSeveral), word) != std::end(kLastOfSeveral));
  }
  return any || last_word;
}

// Whether a key's value is prose for people (run_name, notes, description,
// tags): no tool runs it as a command, so ';', '&' or ' --x' in it are text.
bool names_prose(std::string_view key) {
  if (names_a_command(key)) return false;
  const auto words = key_words(key);
  static constexpr std::string_view kProse[] = {"name", "names", "note", "notes", "comment", "comments", "description",
                                                "desc", "title", "tag", "tags", "label", "labels", "message", "summary",
                                                "caption", "remark", "remarks"};
  static constexpr std::string_view kPlaces[] = {"file", "path", "dir", "directory", "url", "host"};
  // A name is prose only alone or as a run's, an experiment's, a job's:
  // program_name, module_name, image_name, queue_name name what runs.
  static constexpr std::string_view kNamed[] = {"run", "experiment", "exp", "display", "job", "task", "project", "trial"};
  const auto in = [](const auto& set, std::string_view w) { return std::find(std::begin(set), std::end(set), w) != std::end(set); };
  if (words.empty() || !in(kProse, words.back())) return false;
  if ((words.back() == "name" || words.back() == "names") && words.size() > 1 && !in(kNamed, words[words.size() - 2]))
    return false;
  return std::none_of(words.begin(), words.end(), [&](const std::string& w) { return in(kPlaces, w); });
}

// Whether a key's value is a note for people (description, notes,
// summary): prose no tool writes into a command line, as it may a name or
// a title (#SBATCH -J NAME), so ' --fp16' in it is text too.
bool names_note(std::string_view key) {
  static constexpr std::string_view kNotes[] = {"description", "desc", "note", "notes", "summary", "caption",
                                                "remark", "remarks", "abstract"};
  const auto words = key_words(key);
  return names_prose(key) && std::find(std::begin(kNotes), std::end(kNotes), words.back()) != std::end(kNotes);
}

// Whether a key names data a program only reads: prose (names_prose), a
// place, an id or a seed (hydra's run: dir:, a run's task_id).
bool names_data(std::string_view key) {
  if (names_a_command(key)) return false;
  if (names_prose(key)) return true;
  const auto words = key_words(key);
  static constexpr std::string_view kData[] = {"dir", "directory", "path", "file", "id", "seed"};
  return !words.empty() && std::find(std::begin(kData), std::end(kData), words.back()) != std::end(kData);
}

}  // namespace

bool names_a_callable(std::string_view key) {
  const auto dot = key.find_last_of("./");
  const auto last = dot == std::string_view::npos ? key : key.substr(dot + 1);
  // (logging.config.dictConfig calls a handler's, formatter's or filter's
  // class: and a factory's "()": cProfile.run ran a format string; attack 213.)
  return last == "_target_" || last == "class_path" || last == "class" || last == "()";
}

bool names_restored_state(std::string_view before) { return programs::restores_saved_state(nearest_key(before)); }

bool names_a_written_file(std::string_view before) {
  const auto key = nearest_key(before);
  const auto dot = key.find_last_of("./");
  const auto last = dot == std::string_view::npos ? key : key.substr(dot + 1);
  return last == "filename" || last == "log_file" || last == "logfile" || last == "log-file";
}

bool holds_command_line(std::string_view text) {
  for (std::size_t begin = 0; begin < text.size();) {
    auto end = std::min(text.find('\n', begin), text.size());
    end = std::min(end, std::min(text.find("\\n", begin), text.size()));
    auto line = text.substr(begin, end - begin);
    while (line.starts_with("\\t")) line.remove_prefix(2);  // (printf "[core]\n\tpager = %s\n")
    if (names_a_command(line_key(line))) return true;
    begin = end + (end < text.size() && text[end] == '\\' ? 2 : 1);
  }
  return false;
}

namespace {

// Whether a key `names` accepts is given a value in `code`: a name (dots
// between its words) followed, past quotes and ']', by ':' or an
// assignment ('=', '|=', '+='), not by '==' or '::'.
// Whether a key's value, as code writes it, is an object whose every entry
// names data ({run: {name: $n, dir: $d}}: hydra's run: over a name and a
// place; fr hunt 59), which no tool runs.
bool object_of_data(std::string_view value) {
  std::size_t k = 0;
  while (k < value.size() && value[k] == ' ') ++k;
  if (k >= value.size() || value[k] != '{') return false;
  int depth = 0;
  bool any = false;
  for (std::size_t at = k; at < value.size(); ++at) {
    const char c = value[at];
    if (c == '{' || c == '[' || c == '(') ++depth;
    else if (c == '}' || c == ']' || c == ')') {
      if (--depth == 0) return any;
    } else if (depth == 1 && is_key_char(c) && c != '.' && c != '-' && (at == 0 || !is_key_char(value[at - 1]))) {
      auto end = at;
      while (end < value.size() && is_key_char(value[end])) ++end;
      auto colon = end;
      while (colon < value.size() && (value[colon] == '"' || value[colon] == '\'' || value[colon] == ' ')) ++colon;
      if (colon < value.size() && value[colon] == ':') {
        if (!names_data(value.substr(at, end - at))) return false;
        any = true;
      }
      at = end - 1;
    }
  }
  return false;
}

bool builds_key(std::string_view code, bool (*names)(std::string_view)) {
  for (std::size_t k = 0; k < code.size();) {
    if (!is_key_char(code[k]) || code[k] == '.' || code[k] == '-') {
      ++k;
      continue;
    }
    auto end = k;
    while (end < code.size() && is_key_char(code[end])) ++end;
    auto at = end;
    while (at < code.size() && (code[at] == '"' || code[at] == '\'' || code[at] == '\\' || code[at] == ']' || code[at] == ' '))
      ++at;
    if (at + 1 < code.size() && (code[at] == '|' || code[at] == '+') && code[at + 1] == '=') ++at;
    const bool keyed = at < code.size() && (code[at] == ':' || code[at] == '=') &&
                       (at + 1 >= code.size() || code[at + 1] != code[at]);
    if (keyed && names(code.substr(k, end - k)) && !object_of_data(code.substr(at + 1))) return true;
    k = end;
  }
  return false;
}

}  // namespace

bool builds_command_key(std::string_view code) { return builds_key(code, names_a_command); }

bool builds_callable_key(std::string_view code) { return builds_key(code, names_a_callable); }

bool holds_restored_state(std::string_view text) {
  // (One pass: each ':' or '=' outside quotes, and the key just before it,
  // as nearest_key reads it.)
  char quote = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (quote) {
      if (c == '\\' && quote == '"') ++k;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    if ((c == ':' || c == '=') && programs::restores_saved_state(key_before_separator(text, k))) return true;
  }
  return false;
}

bool holds_callable(std::string_view text) {
  // Anywhere, not only as a line's first key: {"model": {"_target_": ...}}.
  for (std::string_view name : {"_target_", "class_path", "class", "()"})
    for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
      // (A name of its own: not subclass: or num_class:.)
      if (name == std::string_view("class") && at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_'))
        continue;
      auto k = at + name.size();
      while (k < text.size() && (text[k] == '"' || text[k] == '\'' || text[k] == '\\')) ++k;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k < text.size() && (text[k] == ':' || text[k] == '=')) return true;
    }
  return false;
}

DataFormat data_format(std::string_view file_name) {
  std::string base(file_name.substr(file_name.rfind('/') == std::string_view::npos ? 0 : file_name.rfind('/') + 1));
  std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::tolower(c); });
  // A copy's suffix (cfg.yaml.tmp, then mv to cfg.yaml; fr hunt 57) keeps
  // the format. (cfg.yaml.j2, run.json.in are Other: a renderer reads them.)
  for (bool cut = true; cut;) {
    cut = false;
    if (base.size() > 1 && base.back() == '~') {
      base.pop_back();
      cut = true;
    }
    for (std::string_view suffix : {".tmp", ".new", ".bak", ".orig", ".part", ".old", ".save"})
      if (base.size() > suffix.size() && ends_with(base, suffix)) {
        base.resize(base.size() - suffix.size());
        cut = true;
      }
  }
  for (std::string_view ext : {".json", ".jsonl", ".ndjson", ".geojson"})
    if (ends_with(base, ext)) return DataFormat::Json;
  for (std::string_view ext : {".yaml", ".yml"})
    if (ends_with(base, ext)) return DataFormat::Yaml;
  if (ends_with(base, ".toml")) return DataFormat::Toml;
  return DataFormat::Other;
}

render::ElementRole data_line_role(DataFormat format, std::string_view before, std::string_view after, bool open,
                                   bool command) {
  // A command line's words: a value is one plain word, as in a command.
  const auto key = nearest_key(before);
  const auto first_key = line_key(before);
  if (names_a_callable(key) || names_a_callable(first_key)) return render::ElementRole::CallableName;
  // backend: module://pkg.${V}: matplotlib imports the module (attack 171).
  if (const auto m = before.rfind("module://"); m != std::string_view::npos &&
      before.find_first_of(" \t,'\"", m) == std::string_view::npos)
    return render::ElementRole::CallableName;
  // (The line's first key given a mapping, {"run": {"name": ...}}: the
  // key nearest the value says whether it is data.)
  const auto first_value = first_key.empty() ? std::string_view()
                                             : before.substr(std::min(before.find_first_of(":=", static_cast<std::size_t>(first_key.data() + first_key.size() - before.data())) + 1, before.size()));
  const bool first_maps = first_value.substr(std::min(first_value.find_first_not_of(" \t"), first_value.size())).starts_with('{');
  const auto enclosing = enclosing_keys(before);
  const bool inside_command =
      std::any_of(enclosing.begin(), enclosing.end(), [](std::string_view k) { return names_a_command(k); });
  if (command || (names_a_command(first_key) && !(first_maps && names_data(key))) || names_a_command(key) ||
      (inside_command && !names_data(key)) ||
      (format != DataFormat::Json && format != DataFormat::Toml && defines_anchor(before))) {
    // As a long option's quoted value (--run-name '${V}', --name="${V}"),
    // closed after it, a value is one word whatever it holds but a quote,
    // '\\', '$' or '`': the data rule, not one plain word. (Not after -c or
    // -e, where the quoted text is code.)
    auto shell_text = before;
    if (!command && !key.empty()) {
      shell_text = before.substr(std::min(before.find_first_of(":=", static_cast<std::size_t>(key.data() + key.size() - before.data())) + 1, before.size()));
      shell_text = shell_text.substr(std::min(shell_text.find_first_not_of(" \t"), shell_text.size()));
      if (!shell_text.empty() && shell_text[0] == '"') shell_text.remove_prefix(1);  // the data file's own string
    }
    const char quote = shell_quote_at_end(shell_text);
    if (quote != 0 && after.find(quote) != std::string_view::npos && quoted_option_value(shell_text, quote))
      return render::ElementRole::DataField;
    return render::ElementRole::DataWord;
  }
  // bash expands '$', '`' and '\' in an unquoted here-document's body: the
  // file's text is then not the template's.
  if (format == DataFormat::Other || open || before.find_first_of("$`\\") != std::string_view::npos) {
    // name = Seán O'Brien in a git config or an INI file: the whole value
    // of a key naming prose may hold quotes and brackets after its start
    // (on one line; fr hunt 65).
    const auto lead = before.substr(0, before.find_last_not_of(" \t") + 1);
    if (format == DataFormat::Other && !open && before.find_first_of("$`\\") == std::string_view::npos &&
        lead.ends_with('=') && !lead.ends_with("==") && names_prose(key) &&
        after.find_first_not_of(" \t\r") == std::string_view::npos)
      return render::ElementRole::YamlPlainText;
    return render::ElementRole::DataField;
  }
  if (inside_double_quotes(format, before)) {
    if (format == DataFormat::Toml && before.find("\"\"\"") != std::string_view::npos) return render::ElementRole::DataField;
    if (!closed_on_line(after)) return render::ElementRole::DataField;
    if (names_note(key)) return render::ElementRole::DataNoteText;
    return names_prose(key) ? render::ElementRole::DataProseText : render::ElementRole::DataQuotedText;
  }
  // (TOML's ''' strings span lines: the data rule.)
  if (inside_single_quotes(format, before, after) && before.find("'''") == std::string_view::npos)
    return render::ElementRole::DataSingleQuotedText;
  if (format == DataFormat::Yaml && yaml_block_value(before, after)) return render::ElementRole::YamlPlainText;
  if (format == DataFormat::Yaml && yaml_flow_item(before, after)) return render::ElementRole::YamlFlowItem;
  return render::ElementRole::DataField;
}

}  // namespace slurmglue::compiler
