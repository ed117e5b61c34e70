#include "runtime/render/escape.hpp"

#include <algorithm>
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

bool is_line_break(char c) { return c == '\n' || c == '\r'; }
bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }



// -5, +0.1, -1e-3: a value that is the same whether read as an option's
// argument or not (no program has options named like numbers). The sign is
// not looked at: callers know the value starts with '-' or '+'.
bool is_signed_number(std::string_view v) {
  std::size_t k = 1, digits = 0;
  while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k, ++digits;
  if (k < v.size() && v[k] == '.') {
    ++k;
    while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k, ++digits;
  }
  if (digits && k + 1 < v.size() && (v[k] == 'e' || v[k] == 'E')) {
    ++k;
    if (v[k] == '-' || v[k] == '+') ++k;
    const auto exp = k;
    while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k;
    if (k == exp) return false;
  }
  return digits > 0 && k == v.size();
}

// Where an argument begins, '+' starts an option of set and declare (+x), a
// command of vim, ex and less (+COMMAND, which may run a shell command), a
// line number of tail, sort and more, and date's format; bash's echo prints
// it. Only a number means the same to every program.
bool starts_plus_option(std::string_view v, const ShellContext& ctx) {
  return ctx.begins_argument && !ctx.option_takes_value && !ctx.echo_operand && !v.empty() && v[0] == '+' &&
         !is_signed_number(v);
}

// "NAME=..." at the start of a command word would be read as an assignment.
bool looks_like_assignment(std::string_view v) {
  const auto eq = v.find('=');
  if (eq == std::string_view::npos || eq == 0 || !is_name_start(v[0])) return false;
  for (std::size_t i = 1; i < eq; ++i)
    if (!is_name_char(v[i])) return false;
  return true;
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
  // Bash reads 010 as octal 8 and 08 as an error, where programs read 10 and 8.
  if (v[i] == '0' && i + 1 < v.size())
    return "an arithmetic expression takes a decimal integer here, and bash reads a number with a leading 0 "
           "as octal (010 is 8, 08 an error): write it without the leading zeros";
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

// Bash evaluates array subscripts inside arithmetic with expansions, so text
// like a[$(cmd)] (or a[${x:-"$"(cmd)}]) runs cmd whenever it reaches
// arithmetic: $((...)), let, declare -i variables, [[ -eq ]], [[ -v ]], or a
// variable named by another value. The renderer cannot see every such place,
// so a '[' followed by a '`', or by a '$' that starts any expansion or quote,
// is refused wherever bash expands (a '$' at the end, as in a regular
// expression, starts nothing).
bool holds_expansion(std::string_view v) {
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (v[k] == '`') return true;
    if (v[k] != '$' || k + 1 == v.size()) continue;
    const char n = v[k + 1];
    if (std::string_view("({['\"@*#?-$!").find(n) != std::string_view::npos || is_name_char(n)) return true;
  }
  return false;
}

bool runs_in_arithmetic(std::string_view v) {
  const auto bracket = v.find('[');
  return bracket != std::string_view::npos && holds_expansion(v.substr(bracket));
}

bool is_plain_word(std::string_view value) {
  for (char c : value)
    if (!kPlain[static_cast<unsigned char>(c)]) return false;
  return true;
}

void append_ansi_c_quoted(std::string_view v, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "$'";
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '\'' || c == '\\') {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  out += '\'';
}

namespace {

// Contexts where bash expands parameters, so a reference can stand.
bool expands(Quoting q) {
  return q == Quoting::Unquoted || q == Quoting::DoubleQuoted || q == Quoting::SingleQuoted ||
         q == Quoting::DollarSingleQuoted || q == Quoting::HeredocUnquoted;
}

// Whether the value would make its word a redirection's descriptor (2>log,
// {fd}>log) where bash reads the word as written.
bool makes_descriptor(std::string_view v, const ShellContext& ctx) {
  if (ctx.descriptor == DescriptorRisk::None || v.empty()) return false;
  const bool digits = v.find_first_not_of("0123456789") == std::string_view::npos;
  const bool braces = v.find_first_of("{}") != std::string_view::npos;
  const bool name_like = std::all_of(v.begin(), v.end(), [](char c) { return is_name_char(c) || c == '{' || c == '}'; });
  if (ctx.descriptor == DescriptorRisk::Value && digits) return true;
  return name_like && (braces || ctx.descriptor == DescriptorRisk::Braces);
}

// Whether a plain word can be written as it is in an expanding context.
bool literal_is_exact(std::string_view v, const ShellContext& ctx) {
  if (v.empty() || !is_plain_word(v)) return false;
  // After $NAME a name character would lengthen the name ($DATA_OPTS); after
  // a word's '~' the value would say whose home it is (~root).
  if ((ctx.after_name && is_name_char(v[0])) || ctx.after_tilde) return false;
  // A key written '@' stands for every element; through a reference it is one key.
  if (ctx.assoc_key && v == "@") return false;
  const bool unquoted = ctx.quoting == Quoting::Unquoted;
  if (unquoted && makes_descriptor(v, ctx)) return false;
  // A ',' or '..' would add words inside a template's brace expansion
  // ({a,...}, {...} around a..e).
  if (unquoted && (v.find(',') != std::string_view::npos || v.find("..") != std::string_view::npos)) return false;
  // Inside ${...} a '/' or ':' can split the operator's words (${a/x/y}, ${a:-x}).
  if (ctx.in_parameter_expansion && v.find_first_of("/:") != std::string_view::npos) return false;
  if (unquoted && ctx.word_start && looks_like_assignment(v)) return false;
  // Inside [[ ]] a word like -eq or ! is an operator.
  if (ctx.in_double_brackets && unquoted && !is_name_char(v[0]) && v[0] != '/' && v[0] != '.') return false;
  return true;
}

void reference(std::string_view name, const ShellContext& ctx, bool list, std::string& out) {
  const std::string ref = "${" + std::string(name) + (list ? "[@]}" : "}");
  switch (ctx.quoting) {
    case Quoting::DoubleQuoted:
      // Quoted inside "${s//p/...}" too: bash 5.2 (patsub_replacement) puts
      // the match for each unquoted '&' of a replacement; in a pattern
      // (${s#...}) the value is text, not glob characters.
      if (ctx.in_parameter_expansion) {
        out += "\"" + ref + "\"";
        return;
      }
      out += ref;
      return;
    case Quoting::HeredocUnquoted: out += ref; return;
    case Quoting::SingleQuoted: out += "'\"" + ref + "\"'"; return;
    case Quoting::DollarSingleQuoted: out += "'\"" + ref + "\"$'"; return;
    default: out += "\"" + ref + "\""; return;
  }
}

// A value that bash splits and globs later must come out as one word.
const char* split_check(std::string_view v, const ShellContext& ctx) {
  if (ctx.split_lines && v.find_first_of("\n\r") != std::string_view::npos)
    return "this value reaches the elements of an array mapfile reads, one per line: a line break in it would make "
           "another element, another argument";
  if (!ctx.split_later) return nullptr;
  if (v.empty() || v.find_first_of(" \t\n*?[") != std::string_view::npos)
    return "this value reaches an unquoted expansion later ($NAME or $(...) without quotes), where bash splits "
           "it into words and expands globs: it must be one word without blanks or *?[; quote the expansion in "
           "the template (\"$NAME\")";
  if (v.find_first_of(ctx.split_chars) != std::string_view::npos)
    return "this value reaches an unquoted expansion later that bash splits at characters the template chose "
           "(IFS, or a program that rewrites the value first, as tr does before mapfile) or reads as a pattern "
           "(extglob's ( ) ! @ +, which the template or code it sources may turn on), and holds one of them: it "
           "would become several words or file names; quote the expansion in the template (\"$NAME\")";
  return nullptr;
}

const char* reuse_checks(std::string_view v, const ShellContext& ctx);

const char* expanded_checks(std::string_view v, const ShellContext& ctx) {
  if (runs_in_arithmetic(v))
    return "a value with '[' followed by an expansion ('$' then a name, '(', '{', ... or '`') runs code wherever bash evaluates it as arithmetic (an array "
           "subscript), which no quoting prevents";
  return reuse_checks(v, ctx);
}

// Code read again in any form (an eval string, an #SBATCH --wrap, a quoted
// here-document a shell or interpreter runs): the compiler lets only ids
// and |number values stand there, and an id is still a task's text. So
// only their spelling: letters, digits and _ . : - +, beginning with a
// letter or a digit (or a number's sign or point), no '..' (no option, no
// path that climbs, no ',' or '=' that adds an argument to a call).
const char* reparsed_check(std::string_view v, const ShellContext& ctx) {
  if (!ctx.reparsed) return nullptr;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto alnum = [&](char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const bool starts = !v.empty() && (alnum(v[0]) || ((v[0] == '-' || v[0] == '+' || v[0] == '.') && v.size() > 1 &&
                                                     (digit(v[1]) || (v[1] == '.' && v.size() > 2 && digit(v[2])))));
  const bool spelled = std::all_of(v.begin(), v.end(), [&](char c) { return alnum(c) || std::string_view("_.:-+").find(c) != std::string_view::npos; });
  if (starts && spelled && v.find("..") == std::string_view::npos && is_plain_word(v)) return nullptr;
  return "this value lands in a string that a command parses again as code (eval, sh -c, trap, ssh, --wrap, "
         "a here-document a shell runs, ...): only an id or a number may stand there (letters, digits and _ . : - +, "
         "starting with a letter, a digit or a number's sign, no '..')";
}

// The checks of where the value goes after it is stored (split, read as
// an argument's start); place_value and later_use_check check first that
// it may be parsed again.
const char* reuse_checks(std::string_view v, const ShellContext& ctx) {
  if (const char* why = split_check(v, ctx)) return why;
  for (const auto& way : ctx.integer_after) {
    std::string unused;
    if (arithmetic(ValueCut::replaced(way, v), unused))
      return "the template evaluates a part of this value as arithmetic (P=${EP##*:}; $(( P + 1 ))): that part "
             "must be a decimal integer without leading zeros";
  }
  if (ctx.escapes_decoded && v.find_first_of("\\%") != std::string_view::npos)
    return "this value reaches printf's format, echo -e or ${NAME@E}, which decode '\\' escapes (\\n, \\x2d) and "
           "'%' directives into new lines, blanks and any character: pass it as printf's operand (printf '%s' "
           "\"$X\") and use \"$NAME\" as it is";
  for (const auto& way : ctx.start_replacements) {
    if (way.empty()) continue;
    const auto made = ValueCut::replaced(way, v);
    if (!made.empty() && (made[0] == '-' || made[0] == '+' || made[0] == '@'))
      return "where an argument begins, the template's cut or replacement (${NAME//P/R}, $(basename ...)) makes this value start with '-', "
             "'+' or '@', which would start an option or name a file of options (gcc, java) or data (curl -d)";
    if (made == "!" || made == "(" || made == ")" || made == ",")
      return "where an argument begins, the template's cut or replacement (${NAME//P/R}, $(basename ...)) makes this value an operator "
             "of find, test and expr ('!', '(', ')', ','), not a word of data";
  }
  if (ctx.dash_anywhere && v.find_first_of("-+@") != std::string_view::npos)
    return "this value is rewritten (${NAME#...}, ${NAME/...}, $(...)) where an argument begins, so any of its "
           "characters may come first: it must not hold '-' or '+', which would start an option, or '@', which "
           "names a file of options (gcc, java) or of data (curl -d @FILE)";
  if ((ctx.resplit || (ctx.resplit_if_remote && v.find(':') != std::string_view::npos)) && !is_plain_word(v))
    return "this value reaches a program that splits its arguments again with shell rules or runs them in a "
           "remote shell (deepspeed's launcher, an scp or rsync remote path): only plain words (letters, digits "
           "and _@%+=:,./-) may stand there";
  // (Only where the value as it is begins one: where every way there
  // replaces characters first, the lists above were checked instead.)
  const bool begins = ctx.begins_argument && (ctx.start_replacements.empty() ||
                                              std::any_of(ctx.start_replacements.begin(), ctx.start_replacements.end(),
                                                          [](const auto& r) { return r.empty(); }));
  if (begins && !ctx.option_takes_value && !v.empty() && v[0] == '@')
    return "a value starting with '@' where an argument begins is read as a file of more options by gcc, clang, "
           "java, nvcc (a response file) and as a file to send by curl -d: put it after text of the template "
           "(--opt=${...})";
  // find, test/[ and expr take these as operators wherever an argument
  // begins (find "${DIR}" -delete with '!' inverts the expression).
  if (begins && !ctx.option_takes_value && (v == "!" || v == "(" || v == ")" || v == ","))
    return "this value is an operator of find, test and expr ('!', '(', ')', ','), not a word of data, where an "
           "argument begins: put it after text of the template (./${...}, --opt=${...})";
  if (begins && starts_plus_option(v, ctx))
    return "a value starting with '+' where an argument begins is an option of set and declare (+x), a command "
           "of vim, ex and less (+COMMAND, which can run a shell command) or a line number of tail and sort: only "
           "a number may start with '+' there; put the placeholder after text of the template (--opt=${...}, "
           "./${...})";
  if (begins && !ctx.option_takes_value && !v.empty() && v[0] == '-' &&
      !(ctx.echo_operand && (v.size() == 1 || v.find_first_not_of("neE", 1) != std::string_view::npos))) {
    // After an option whose argument count is unknown the value may be its
    // argument or a new option: only a number is the same either way.
    if (!ctx.after_option)
      return "a value starting with '-' would be read as an option of the command; the template must put the "
             "placeholder after an option (--opt=${...}) or after --";
    if (!is_signed_number(v))
      return "after an option whose argument count the compiler does not know, a value starting with '-' could "
             "be a new option of the command; only a number may start with '-' there: write --opt=${...}";
  }
  return nullptr;
}

}  // namespace

const char* later_use_check(std::string_view v, const ShellContext& ctx) {
  if (const char* why = reparsed_check(v, ctx)) return why;
  return reuse_checks(v, ctx);
}

const char* place_value(std::string_view v, const ShellContext& ctx, std::string_view name, std::string& out,
                        bool& referenced) {
  referenced = false;
  if (v.find('\0') != std::string_view::npos) return "a batch script cannot hold a NUL byte";
  if (ctx.assoc_key && v.empty())
    return "this value is the key of an associative array, which cannot be empty (bash refuses the subscript)";
  // $DATA${...}: a value starting with a name character would lengthen the
  // name bash expands ($DATA_OPTS); only a reference ends it, and none can
  // stand in arithmetic or in a string parsed again.
  if (const char* why = reparsed_check(v, ctx)) return why;
  const bool lengthens_name = ctx.after_name && !v.empty() && is_name_char(v[0]);
  if (lengthens_name && (ctx.quoting == Quoting::Arithmetic || ctx.reparsed))
    return "the template writes $NAME right before this placeholder, and a value starting with a letter, digit or "
           "'_' would make bash expand another variable: write ${NAME} with braces";
  if (ctx.reparsed && makes_descriptor(v, ctx))
    return "this value stands right before a redirection in a string parsed again as code, where a value of "
           "digits (2>log) or {NAME} would become the redirection's descriptor instead of an argument: put a "
           "blank between the placeholder and the '>' or '<'";
  if (ctx.after_tilde && !v.empty() && ctx.reparsed)
    return "a '~' begins the word before this placeholder, so the value would choose whose home directory it "
           "names (~root, ~+): write $HOME/ or a path of the template's";
  switch (ctx.quoting) {
    case Quoting::Comment:
      // Inside `...` a '`' in a comment still closes the substitution.
      if (ctx.backtick_depth > 0 && !is_plain_word(v))
        return "inside `...` only plain words (letters, digits and _@%+=:,./-) are safe in a comment; use $(...)";
      if (ctx.resplit && !is_plain_word(v))
        return "a burst-buffer directive (#DW, #BB, #BB_LUA) is split into words by its plugin: only plain words "
               "(letters, digits and _@%+=:,./-) may stand there";
      return comment(v, out);
    case Quoting::HeredocQuoted:
      // Inside `...` bash reads the body only after the substitution's own
      // backslash and backquote processing: a '`' in the value would end it.
      if (ctx.backtick_depth > 0 && !is_plain_word(v))
        return "inside `...` only plain words (letters, digits and _@%+=:,./-) are safe in a quoted "
               "here-document; use $(...)";
      if (const char* why = split_check(v, ctx)) return why;
      if ((ctx.begins_argument && !ctx.option_takes_value && !v.empty() && v[0] == '-') || starts_plus_option(v, ctx))
        return "this value is read back later as the start of a command's argument: a leading '-' or '+' would "
               "make it an option";
      out += v;  // the body is literal; the renderer checks that no line ends it early
      return nullptr;
    case Quoting::Arithmetic:
      return arithmetic(v, out);
    case Quoting::DirectiveUnquoted:
    case Quoting::DirectiveDoubleQuoted:
    case Quoting::DirectiveSingleQuoted:
      return directive(v, ctx.quoting, out);
    default:
      break;
  }
  if (!expands(ctx.quoting)) return "unknown context";
  if (const char* why = expanded_checks(v, ctx)) return why;
  if (ctx.reparsed || literal_is_exact(v, ctx)) {
    out += v;
    return nullptr;
  }
  if (v.empty()) {
    if (ctx.quoting == Quoting::Unquoted) out += "''";  // one empty word, as the template wrote it
    return nullptr;
  }
  reference(name, ctx, false, out);
  referenced = true;
  return nullptr;
}

const char* place_words(const std::vector<std::string>& words, const ShellContext& ctx, std::string_view name,
                        std::string& out, bool& referenced, const std::vector<bool>* option_values) {
  referenced = false;
  bool all_plain = true;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const auto& w = words[k];
    if (w.find('\0') != std::string::npos) return "a batch script cannot hold a NUL byte";
    if (runs_in_arithmetic(w)) return expanded_checks(w, ctx);
    if (const char* why = reparsed_check(w, ctx)) return why;
    // Each word of the list stands where the template put the list, among a
    // command's options: a word that is not an option (nor the value of the
    // one before it) could become the command's operand or the command
    // that srun (say) runs.
    const bool option_value = option_values && k < option_values->size() && (*option_values)[k];
    if (!option_value && (w.empty() || w[0] != '-'))
      return "each word of an argument list must be an option (start with '-'); write an option's value in the "
             "same word (--opt=value)";
    ShellContext one = ctx;
    one.word_start = true;
    all_plain = all_plain && literal_is_exact(w, one);
  }
  if (all_plain) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i) out += ' ';
      out += words[i];
    }
    return nullptr;
  }
  if (words.empty()) return nullptr;
  reference(name, ctx, true, out);
  referenced = true;
  return nullptr;
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
      if (++i >= v.size()) return "a '\\' ends the argument list (escape nothing, or write '\\\\')";
      word += v[i];
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
