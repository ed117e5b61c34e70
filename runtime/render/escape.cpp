#include "runtime/render/escape.hpp"

#include <array>
#include <vector>

namespace slurmglue::render {
namespace {

constexpr std::array<bool, 256> make_plain_table() {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("_@%+=:,./-")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr auto kPlain = make_plain_table();

// Bash evaluates array subscripts inside arithmetic with expansions, so text
// like a[$(cmd)] runs cmd whenever it reaches arithmetic: $((...)), let,
// declare -i variables, [[ -eq ]], or a variable named by another value.
// The renderer cannot see every such place, so the text itself is refused.
bool runs_in_arithmetic(std::string_view v) {
  const auto bracket = v.find('[');
  if (bracket == std::string_view::npos) return false;
  const auto rest = v.substr(bracket);
  return rest.find("$(") != std::string_view::npos || rest.find('`') != std::string_view::npos;
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }
bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// "NAME=..." at the start of a command word would be read as an assignment.
bool looks_like_assignment(std::string_view v) {
  const auto eq = v.find('=');
  if (eq == std::string_view::npos || eq == 0 || !is_name_start(v[0])) return false;
  for (std::size_t i = 1; i < eq; ++i)
    if (!is_name_char(v[i])) return false;
  return true;
}

void single_quote(std::string_view v, std::string& out) {
  out += '\'';
  for (char c : v) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
}

const char* unquoted(std::string_view v, const ShellContext& ctx, std::string& out) {
  if (!v.empty() && is_plain_word(v) && !(ctx.word_start && looks_like_assignment(v))) {
    out += v;
    return nullptr;
  }
  // Inside a shell ${...} single quotes still quote (bash parses the word with
  // its quotes), so one rule serves both.
  single_quote(v, out);
  return nullptr;
}

const char* double_quoted(std::string_view v, const ShellContext& ctx, std::string& out) {
  // bash still pairs single quotes inside "${...}" although it prints them, and
  // no escape makes a lone one literal there.
  if (ctx.in_parameter_expansion && v.find('\'') != std::string_view::npos)
    return "a ' cannot stand inside \"${...}\"; put the placeholder outside the shell expansion";
  for (char c : v) {
    if (c == '$' || c == '`' || c == '"' || c == '\\' || (ctx.in_parameter_expansion && c == '}'))
      out += '\\';
    out += c;
  }
  return nullptr;
}

const char* dollar_single_quoted(std::string_view v, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (is_control(u)) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  return nullptr;
}

const char* heredoc_unquoted(std::string_view v, std::string& out) {
  for (char c : v) {
    if (c == '$' || c == '`' || c == '\\') out += '\\';
    out += c;
  }
  return nullptr;
}

const char* comment(std::string_view v, std::string& out) {
  for (char c : v)
    if (is_line_break(c)) return "a line break would end the comment and start a command";
  out += v;
  return nullptr;
}

const char* arithmetic(std::string_view v, std::string& out) {
  std::size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
  if (i == v.size()) return "an arithmetic expression takes an integer here";
  for (; i < v.size(); ++i)
    if (v[i] < '0' || v[i] > '9') return "an arithmetic expression takes an integer here";
  out += v;
  return nullptr;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

// sbatch splits an #SBATCH line on blanks, groups with quotes (the other
// quote and '#' are plain inside), takes '\' as "the next character is
// literal" inside quotes too, and cuts at an unquoted '#'. Outside quotes a
// word that starts with ':' is fatal, a bare "hetjob"/"packjob" separates job
// components, and before Slurm 24.05 "\ " does not keep the blank: so any
// value that is not a plain word goes inside double quotes.
const char* directive(std::string_view v, Quoting q, std::string& out) {
  for (char c : v) {
    if (is_line_break(c)) return "an #SBATCH argument cannot hold a line break";
    if (is_control(static_cast<unsigned char>(c)) && c != '\t')
      return "an #SBATCH argument cannot hold control characters";
  }
  const bool quote_it = q == Quoting::DirectiveUnquoted &&
                        (v.empty() || !is_plain_word(v) || v[0] == ':' || iequals(v, "hetjob") ||
                         iequals(v, "packjob"));
  const char closing = q == Quoting::DirectiveSingleQuoted ? '\'' : '"';
  if (quote_it) out += '"';
  for (char c : v) {
    if (c == '\\' || c == closing) out += '\\';
    out += c;
  }
  if (quote_it) out += '"';
  return nullptr;
}

}  // namespace

bool is_plain_word(std::string_view value) {
  for (char c : value)
    if (!kPlain[static_cast<unsigned char>(c)]) return false;
  return true;
}

const char* append_escaped(std::string_view v, const ShellContext& ctx, std::string& out) {
  if (v.find('\0') != std::string_view::npos) return "a batch script cannot hold a NUL byte";
  if (ctx.backtick_depth > 0 && !is_plain_word(v))  // comments too: a '`' there still closes
    return "inside `...` only plain words (letters, digits and _@%+=:,./-) are safe; use $(...)";
  if (ctx.quoting != Quoting::Comment && runs_in_arithmetic(v))
    return "a value with '[' followed by $(...) or `...` runs that code wherever bash evaluates it as arithmetic "
           "(an array subscript), which no quoting prevents";
  switch (ctx.quoting) {
    case Quoting::Unquoted:
      return unquoted(v, ctx, out);
    case Quoting::DoubleQuoted:
      return double_quoted(v, ctx, out);
    case Quoting::SingleQuoted:
      for (char c : v) {
        if (c == '\'')
          out += "'\\''";
        else
          out += c;
      }
      return nullptr;
    case Quoting::DollarSingleQuoted:
      return dollar_single_quoted(v, out);
    case Quoting::HeredocUnquoted:
      return heredoc_unquoted(v, out);
    case Quoting::HeredocQuoted:
      out += v;  // the body is literal; the renderer checks that no line ends it early
      return nullptr;
    case Quoting::Comment:
      return comment(v, out);
    case Quoting::Arithmetic:
      return arithmetic(v, out);
    case Quoting::DirectiveUnquoted:
    case Quoting::DirectiveDoubleQuoted:
    case Quoting::DirectiveSingleQuoted:
      return directive(v, ctx.quoting, out);
  }
  return "unknown context";
}

const char* split_words(std::string_view v, std::vector<std::string>& words) {
  words.clear();
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (++i < v.size()) word += v[i];
    } else if (c == '\'') {
      const auto close = v.find('\'', i + 1);
      if (close == std::string_view::npos) return "unmatched ' in the argument list";
      word.append(v.substr(i + 1, close - i - 1));
      i = close;
    } else if (c == '"') {
      std::size_t j = i + 1;
      for (; j < v.size() && v[j] != '"'; ++j) {
        if (v[j] == '\\' && j + 1 < v.size() && std::string_view("$`\"\\").find(v[j + 1]) != std::string_view::npos)
          ++j;
        word += v[j];
      }
      if (j >= v.size()) return "unmatched \" in the argument list";
      i = j;
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return nullptr;
}

}  // namespace slurmglue::render
