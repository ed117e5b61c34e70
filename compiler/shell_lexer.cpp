#include "compiler/shell_lexer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <string_view>

#include <fmt/format.h>

#include "compiler/value_flow.hpp"
#include "grammar/sbatch_directive.hpp"

namespace slurmglue::compiler {
namespace {

using render::Quoting;
using render::ShellContext;

enum class Frame : std::uint8_t {
  Command,        // top level: commands
  CommandSubst,   // $( ... )
  Backtick,       // ` ... `
  DoubleBracket,  // [[ ... ]]
  DoubleQuote,    // " ... "
  SingleQuote,    // ' ... '
  DollarQuote,    // $' ... '
  Param,          // ${ ... }
  Arith,          // $(( )), (( )), $[ ], NAME[ ]
  HeredocBody,    // the body of a here-document
};

struct FrameState {
  Frame kind = Frame::Command;
  bool word_start = true;
  bool command_start = true;
  int depth = 0;             // nested ( or [ inside the frame
  int open_cases = 0;        // case ... esac open in the frame: their ')' end patterns
  std::size_t arm_start = SIZE_MAX;  // the first command read since a case arm's pattern began
  std::size_t pattern_words = SIZE_MAX;  // words of the pattern alternative being read (a|b: each one word)
  bool pattern_alternative = false;      // after '(' or '|' in a pattern: not the arm's first word
  bool after_case = false;   // the word after "case" (its subject) comes next
  bool in_double = false;    // Param: opened inside "..." or a here-document (quotes are literal then)
  char closer = 0;           // Arith: ')' for (( )), ']' for [ ]
  bool arith_expansion = false;  // Arith: $(( )) or $[ ], whose value is a number
  std::size_t heredoc = 0;   // HeredocBody: index into tpl.heredocs
  std::size_t opened_at = 0;
  std::size_t diagnostics_before = 0;  // how many diagnostics there were when it opened
  std::size_t operator_at = 0;  // Param: where the operator starts (param_word)
  bool param_word = false;   // Param: past the name, in the operator's word (no subscript or offset there)
  bool squote_span = false;  // Param inside "...": between single quotes, where '}' closes nothing
  // Quotes: opened where a command argument begins, and after an option word.
  bool begins_argument = false;
  bool after_option = false;
  bool after_end_of_options = false;
  // Command-like frames: the shell model being recorded.
  std::size_t word_begin = 0;         // where the current word started
  std::vector<std::size_t> word_phs;  // placeholders in the current word (at any depth)
  VariableRefs word_refs;             // variables it expands
  std::string prev_word;              // the last finished argument (dequoted)
  std::size_t cmd = SIZE_MAX;         // the command being read (index into tpl.commands)
  std::size_t parent_cmd = SIZE_MAX;  // the command a word of which this frame is part of
  std::vector<PipelinePlace> place;   // where the next command stands
  struct Group {
    char kind;        // '(' subshell, '{' braces, 'k' if/while/until/for/select/case
    std::size_t cmd;  // its Group command
    std::string opener;      // "if", "while", "{", "(", ...
    std::size_t at = 0;      // where the opener is written
    bool body = false;       // "then" (if) or "do" (loops) was read
    bool braced = false;     // for or select whose body is { ...; }, bash's other spelling of do ... done
    // A list that needs a command still has none: after this word (then,
    // do, else, elif, '{', '(', if, while, until), at `empty_at`.
    std::size_t empty_at = SIZE_MAX;
    std::string empty_after;
    bool after_else = false;  // an if's else was read: no elif or else may follow
  };
  std::vector<Group> groups;
  std::string redirect_op;     // the next word is a redirection's target, after this operator
  std::size_t redirect_at = 0;  // where that operator is written
  bool herestring_next = false;
  std::size_t herestring_at = 0;  // where that '<<<' is written
  bool function_name_next = false;  // after the keyword "function"
  std::size_t function_keyword_at = 0;
  std::string function_next;        // a function's name: the next group is its body
  std::size_t function_at = 0;      // where that name is written
  bool after_function_name = false;
  std::string header_next;          // "for", "select", "case": the next command is that header
  bool in_array = false;            // inside NAME=( ... )
  bool for_arith = false;           // the word being read is for's ((...)): a command may start after it
  bool assoc_key = false;           // Arith: the subscript of an associative array (a string, not arithmetic)
  bool for_header = false;          // Arith: for's ((init; test; step)), which wants exactly two ';'
  int semicolons = 0;               // Arith: the ';' read at its own depth
  bool chained = false;             // the command being read follows '&&', '||' or '|'
  bool after_coproc = false;        // the last word was "coproc" at a command's start
  bool bare_time = false;           // the command so far is the keyword time (and -p): '|' or '&' may not follow
  bool after_closer = false;        // the last word closed a group (}, fi, done, esac): a reserved word may follow
  bool after_case_in = false;       // the last word was a case header's "in": "esac" may follow (case $x in esac)
  bool compound_word = false;       // the word being read is a [[ ]] or (( )) command, which a reserved word may follow
  int extglob_depth = 0;            // open extglob patterns: @( !( +( *( ?(
  std::size_t extglob_at = 0;       // where the outermost open one starts
  bool pipe_open = false;           // after '|', before the next command's first word
  bool bare_bang = false;           // the last word was a pipeline's '!': ';' or a new line may end it there
  bool case_wants_in = false;       // the last word was case's subject: 'in' must follow (new lines may come first)
  // What bash -n rejects between commands: an operator where no command
  // was read (a && && b, ; ; b) and '&&', '||' or '|' with no command after.
  bool empty_command = true;         // nothing of a command read since it could begin
  std::size_t required_at = SIZE_MAX;  // an '&&', '||' or '|' that still needs its command
  std::size_t array_at = SIZE_MAX;     // the '(' of the open NAME=( ... )
  // Inside [[ ]]: the last word was an operator whose operand must follow.
  std::size_t test_operator_at = SIZE_MAX;
  bool test_operand = false;  // the last word was an operand (a binary operator may follow)
  bool test_complete = false;  // the last words made a whole test (a == b, -z a): only && || ) ]] may follow
  std::size_t test_parens_before = 0;  // test_parens where the last word ended
  // Inside [[ ]]: groups ( ... ) still open, and where the outermost opened.
  int test_parens = 0;
  std::size_t test_paren_at = SIZE_MAX;
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_operator(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>'; }

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

// The text of a word with quotes and backslashes removed (expansions stay as written).
std::string dequote(std::string_view raw) {
  std::string out;
  char quote = 0;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (quote == '"' && c == '\\' && k + 1 < raw.size() &&
                 std::string_view("$`\"\\\n").find(raw[k + 1]) != std::string_view::npos) {
        // In double quotes a backslash keeps only these characters ("\$X" is
        // the text $X, what a shell given the string as code reads).
        if (raw[++k] != '\n') out += raw[k];
      } else {
        out += c;
      }
    } else if (c == '\\' && k + 1 < raw.size()) {
      if (raw[++k] != '\n') out += raw[k];  // (a backslash-newline joins the line: launch\<newline>.sh)
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}

bool command_like(Frame f) {
  return f == Frame::Command || f == Frame::CommandSubst || f == Frame::Backtick || f == Frame::DoubleBracket;
}

// Reserved words that open and close compound commands (read as groups).
bool opens_group(std::string_view w) { return one_of(w, {"if", "while", "until", "for", "select", "case"}); }
bool closes_group(std::string_view w) { return one_of(w, {"fi", "done", "esac"}); }
// Reserved words that are structure, not part of a simple command.
bool is_structure_word(std::string_view w) {
  return opens_group(w) || closes_group(w) ||
         one_of(w, {"then", "else", "elif", "do", "!", "{", "}", "function", "in"});
}

// Words after which a new command starts.
bool keeps_command_position(std::string_view word) {
  static constexpr std::string_view kWords[] = {"if", "then", "else", "elif", "do", "while", "until",
                                                "!", "{", "time", "exec", "command", "builtin", "for"};
  for (auto w : kWords)
    if (word == w) return true;
  // An assignment (NAME=...) leaves the command word still to come.
  const auto eq = word.find('=');
  if (eq == std::string_view::npos || eq == 0 || !is_name_start(word[0])) return false;
  for (std::size_t i = 1; i < eq; ++i)
    if (!is_name_char(word[i]) && word[i] != '[' && word[i] != ']') return false;
  return true;
}

class Lexer {
 public:
  Lexer(const Source& s, Template& t, std::vector<Diagnostic>& d) : src_(s), text_(s.text()), tpl_(t), diags_(d) {}

  void run() {
    find_redeclared();
    stack_.push_back({});
    stack_.back().place = {{next_pipeline_++, 0}};
    while (i_ < text_.size() && !stop_reading_) {
      while (next_escape_ < tpl_.escapes.size() && tpl_.escapes[next_escape_] < i_) ++next_escape_;
      if (at_line_start() && stack_.size() == 1 && line_checked_ != i_) {
        line_checked_ = i_;
        if (line_start()) continue;
      }
      if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_) {
        placeholder();
        continue;
      }
      while (next_broken_ < tpl_.broken.size() && tpl_.broken[next_broken_].first < i_) ++next_broken_;
      if (next_broken_ < tpl_.broken.size() && tpl_.broken[next_broken_].first == i_) {
        i_ = tpl_.broken[next_broken_++].second;
        word_continues();
        continue;
      }
      if (next_escape_ < tpl_.escapes.size() && tpl_.escapes[next_escape_] == i_) {
        ++next_escape_;
        ++i_;  // the dropped '$'; what follows is an ordinary "${"
        continue;
      }
      if (at_line_start() && i_ >= heredoc_lines_until_) cut_open_heredoc_body();
      if (at_line_start() && top().kind == Frame::HeredocBody && i_ >= heredoc_lines_until_) {
        heredoc_line();
        continue;
      }
      step();
    }
    finish();
  }

 private:
  FrameState& top() { return stack_.back(); }
  // What bash reads as the descriptor of a redirection written right
  // before it: 2>, {fd}>, {fds[1]}>&- (the name gets or gives the number).
  static bool is_descriptor_word(std::string_view w) {
    if (w.find_first_not_of("0123456789") == std::string_view::npos) return true;
    if (w.size() < 3 || w.front() != '{' || w.back() != '}' || !is_name_start(w[1])) return false;
    std::size_t e = 2;
    while (e < w.size() && is_name_char(w[e])) ++e;
    if (e + 1 == w.size()) return true;
    return w[e] == '[' && w[w.size() - 2] == ']' && e + 3 < w.size() &&
           w.substr(e + 1, w.size() - e - 3).find_first_of("[]{}$`\"'\\") == std::string_view::npos;
  }
  bool at_line_start() const { return i_ == 0 || text_[i_ - 1] == '\n'; }
  char peek(std::size_t k = 0) const { return i_ + k < text_.size() ? text_[i_ + k] : '\0'; }
  bool starts(std::string_view s) const { return text_.compare(i_, s.size(), s) == 0; }
  std::size_t line_end(std::size_t from) const { return src_.line_end(from); }

  void push(Frame kind, std::size_t skip, char closer = 0) {
    // $(( $(cmd) + 1 )): arithmetic evaluates what the command prints.
    if (std::size_t through = SIZE_MAX; (kind == Frame::CommandSubst || kind == Frame::Backtick) &&
                                        in_arithmetic(&through) && through == SIZE_MAX)
      tpl_.arithmetic_substitutions.push_back(i_);
    FrameState f;
    f.kind = kind;
    f.closer = closer;
    f.opened_at = i_;
    f.diagnostics_before = diags_.size();
    f.in_double = top().kind == Frame::DoubleQuote || top().kind == Frame::HeredocBody ||
                  (top().kind == Frame::Param && top().in_double);
    {
      const auto& parent = top();
      // (As for an unquoted word: a redirection's target and a here-string
      // are no argument, but after >& or <& a '-' closes the descriptor.)
      const bool dup_target = !parent.redirect_op.empty() && parent.redirect_op.back() == '&';
      f.begins_argument = command_like(parent.kind) && parent.kind != Frame::DoubleBracket && parent.word_start &&
                          (dup_target || (!parent.command_start && !parent.after_case && parent.redirect_op.empty() &&
                                          !parent.herestring_next));
      f.after_option = option_like(parent.prev_word);
      f.after_end_of_options = parent.prev_word == "--";
    }
    word_continues();
    if (stack_.size() > kMaxShellNesting && !stop_reading_) {
      // The run loop stops before the next character; what is open is reported by finish().
      stop_reading_ = true;
      error("shell-syntax", i_, 1,
            "nested deeper than " + std::to_string(kMaxShellNesting) + " levels: the rest of the template is not read");
    }
    if (command_like(kind)) {
      f.parent_cmd = enclosing_command();
      f.place = {{next_pipeline_++, 0}};
    }
    stack_.push_back(f);
    if (kind == Frame::DoubleBracket) tpl_.commands[ensure_command(top())].kind = ShellCommand::Kind::Test;
    current_word_.clear();  // keywords are whole plain words of one frame
    i_ += skip;
  }
  void pop(std::size_t skip) {
    stack_.pop_back();
    current_word_ = "\x01";  // the enclosing word goes on, but it is no keyword any more
    i_ += skip;
    word_continues();
  }
  void word_continues() { touch_word(i_); }
  // The current word of the top frame has begun (at `at`, if it had not yet).
  void touch_word(std::size_t at) {
    auto& f = top();
    if (!command_like(f.kind) || !f.word_start) return;
    f.word_start = false;
    f.word_begin = at;
  }
  static void reset_command(FrameState& f) {
    f.prev_word.clear();
    f.cmd = SIZE_MAX;
  }

  // The command the frame is reading, recorded once its first part appears.
  std::size_t ensure_command(FrameState& f) {
    if (f.cmd != SIZE_MAX) return f.cmd;
    ShellCommand c;
    c.place = f.place;
    c.group = f.groups.empty() ? SIZE_MAX : f.groups.back().cmd;
    c.parent = f.parent_cmd;
    c.header = std::move(f.header_next);
    f.header_next.clear();
    c.offset = i_;
    f.cmd = tpl_.commands.size();
    tpl_.commands.push_back(std::move(c));
    return f.cmd;
  }
  // The command of the nearest command-like frame (not across a here-document body).
  std::size_t enclosing_command() {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].kind == Frame::HeredocBody) return SIZE_MAX;
      if (command_like(stack_[k].kind)) return ensure_command(stack_[k]);
    }
    return SIZE_MAX;
  }
  void new_pipeline(FrameState& f) {
    if (!f.place.empty()) f.place.back() = {next_pipeline_++, 0};
  }
  void open_group(FrameState& f, char kind, std::string opener, std::size_t at) {
    if (!f.groups.empty()) f.groups.back().empty_at = SIZE_MAX;  // (a group is a command of the list it stands in)
    f.cmd = SIZE_MAX;
    const auto g = ensure_command(f);
    tpl_.commands[g].kind = ShellCommand::Kind::Group;
    tpl_.commands[g].repeats = kind == 'k' && one_of(opener, {"while", "until", "for", "select"});
    tpl_.commands[g].function = std::move(f.function_next);
    tpl_.commands[g].function_at = f.function_at;
    f.function_next.clear();
    f.groups.push_back({kind, g, std::move(opener), at, false, false, SIZE_MAX, {}});
    auto& opened = f.groups.back();
    if (kind != 'k' || one_of(opened.opener, {"if", "while", "until"})) {
      opened.empty_at = at;
      opened.empty_after = opened.opener;
    }
    f.place.push_back({next_pipeline_++, 0});
    f.cmd = SIZE_MAX;
  }
  // then, do, else, elif: each belongs to an open if or loop, in its order.
  void body_word(FrameState& f, const std::string& w, std::size_t at) {
    FrameState::Group* g = f.groups.empty() || f.groups.back().kind != 'k' ? nullptr : &f.groups.back();
    const bool in_if = g && g->opener == "if";
    const bool in_loop = g && one_of(g->opener, {"while", "until", "for", "select"});
    const bool fits = w == "then" ? in_if && !g->body : w == "do" ? in_loop && !g->body : in_if && g->body;
    if (!fits) {
      error("shell-syntax", at, w.size(),
            fmt::format("'{}' stands where no {} expects it (bash: syntax error near unexpected token)", w,
                        w == "do" ? "while, until, for or select" : w == "then" ? "if or elif" : "if ... then"));
      return;
    }
    // if ...; else ...; elif ...: else is the last branch (lint hunt 62).
    if (g->after_else && (w == "else" || w == "elif")) {
      error("shell-syntax", at, w.size(),
            fmt::format("'{}' after this if's else (bash: syntax error near unexpected token); else is the last "
                        "branch: write elif CONDITION; then ... before it",
                        w));
      if (w == "elif") g->body = false;  // (its then fits: one error)
      return;
    }
    g->after_else = w == "else";
    list_not_empty(*g, w, at);
    g->body = w != "elif";  // elif needs its own then
    g->empty_at = at;
    g->empty_after = w;
  }
  // echo a >, cat < < b, cmd > ; x: a redirection whose file never came
  // (bash: syntax error near unexpected token; lint hunt 53).
  void target_missing(FrameState& f, std::string_view instead) {
    if (f.word_start && f.herestring_next && command_like(f.kind)) {
      error("shell-syntax", f.herestring_at, 3,
            fmt::format("'<<<' has no word after it ({} comes first): bash fails (syntax error near unexpected token)",
                        instead));
      f.herestring_next = false;
    }
    // (>>> is no redirection at all: redirection-syntax says so.)
    if (!f.word_start || f.redirect_op.empty() || !command_like(f.kind) || f.redirect_op.find(">>>") != std::string::npos)
      return;
    error("shell-syntax", f.redirect_at, f.redirect_op.size(),
          fmt::format("'{}' has no file after it ({} comes first): bash fails (syntax error near unexpected token)",
                      f.redirect_op, instead));
    f.redirect_op.clear();
  }
  // if true; then fi, while x; do done, { }, ( ): bash needs a command in
  // each list (lint hunt 53).
  void list_not_empty(FrameState::Group& g, std::string_view w, std::size_t at) {
    if (g.empty_at == SIZE_MAX) return;
    error("shell-syntax", at, w.size(),
          fmt::format("no command between '{}' and '{}': bash needs one there (syntax error near unexpected token "
                      "'{}'); write ':' for a command that does nothing",
                      g.empty_after, w, w));
    g.empty_at = SIZE_MAX;
  }
  // for NAME in WORDS; { ...; } and for ((...)) { ...; } (select too):
  // the braces stand for do and done.
  static bool loop_awaits_braced_body(const FrameState& f) {
    if (f.groups.empty()) return false;
    const auto& g = f.groups.back();
    return g.kind == 'k' && !g.body && (g.opener == "for" || g.opener == "select");
  }
  // coproc with nothing after it on its line: bash wants a command.
  void coproc_without_command(FrameState& f, std::size_t at, std::size_t length) {
    error("shell-syntax", at, length,
          "coproc runs no command here (bash: syntax error near unexpected token); write coproc COMMAND or coproc "
          "NAME { ...; }");
    f.after_coproc = false;
  }
  // Whether the command the frame reads so far is NAME=value words (and
  // redirections) only: bash takes those before a simple command only, so
  // a compound command may not follow (N=4 (cd src), X=1 if, X=1 (( n ))).
  bool only_assignments_so_far(const FrameState& f) const {
    if (f.cmd == SIZE_MAX) return false;
    const auto& words = tpl_.commands[f.cmd].words;
    return std::any_of(words.begin(), words.end(), [](const ShellWord& w) { return w.role == ShellWord::Role::Word; }) &&
           std::all_of(words.begin(), words.end(),
                       [](const ShellWord& w) { return w.role != ShellWord::Role::Word || is_assignment_word(w.text); });
  }
  // '!' then ';', a new line or the end: an empty pipeline bash negates
  // (status 1), a command where one is needed (if !; then, a && !). Before
  // '&&', '||', '|', '&' or ')' it is none (lint hunt 65).
  static void bang_ends(FrameState& f) {
    if (!std::exchange(f.bare_bang, false)) return;
    f.required_at = SIZE_MAX;
    f.empty_command = false;
    if (!f.groups.empty()) f.groups.back().empty_at = SIZE_MAX;
  }
  void missing_command(FrameState& f, std::string_view what) {
    error("shell-syntax", f.required_at, text_[f.required_at + 1] == text_[f.required_at] ? 2 : 1,
          fmt::format("no command follows this operator before {} (bash: syntax error near unexpected token)", what));
    f.required_at = SIZE_MAX;
  }
  // [[ ]]: a unary operator (-f, -z) or a binary one (==, -eq) as the last
  // word has no operand, which bash rejects before running anything.
  void test_word(FrameState& f) {
    const std::string_view raw(text_.data() + f.word_begin, i_ - f.word_begin);
    static constexpr std::string_view kBinary[] = {"=", "==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le",
                                                   "-gt", "-ge", "-nt", "-ot", "-ef"};
    const bool binary = std::find(std::begin(kBinary), std::end(kBinary), raw) != std::end(kBinary);
    const bool unary = raw.size() == 2 && raw[0] == '-' && std::string_view("abcdefghknoprstuvwxzGLNORS").find(raw[1]) != std::string_view::npos;
    if (f.test_operator_at != SIZE_MAX) {  // this word is the operand, whatever it spells
      f.test_operator_at = SIZE_MAX;
      f.test_complete = true;
      f.test_operand = false;
    } else if ((f.test_parens > 0 || f.test_parens_before > 0 || raw == ")") && (f.test_complete || f.test_operand)) {
      // (Inside ( ), a regular expression or pattern may hold blanks: [[ $x =~ ^(a b)$ ]];
      // ')' closes a group, a whole test.)
      f.test_complete = f.test_complete || raw == ")";
      f.test_operand = f.test_operand && !f.test_complete;
    } else if (f.test_complete || (f.test_operand && !binary)) {
      // [[ -n $a -o -n $b ]], [[ $x == 0 1 ]], [[ a b ]]: a word where only
      // &&, ||, ')' or ']]' may stand (lint hunt 60).
      const bool test_connective = raw == "-a" || raw == "-o";
      error("shell-syntax", f.word_begin, raw.size(),
            test_connective ? fmt::format("'{}' joins tests in [ ] and test, not in [[ ]] (bash: syntax error in conditional "
                                          "expression); write {} between the tests",
                                          raw, raw == "-a" ? "&&" : "||")
            : f.test_complete ? "a word after a whole test: [[ ]] takes one test, or tests joined by && and || (bash: syntax "
                                "error in conditional expression); quote a value with blanks"
                              : "a word after a test's operand where a binary operator (==, !=, =~, -eq, ...) should stand "
                                "(bash: conditional binary operator expected); quote a value with blanks");
      f.test_complete = f.test_operand = false;
      f.test_operator_at = SIZE_MAX;
    } else if (f.test_operand && binary) {
      f.test_operator_at = f.word_begin;
      f.test_operand = false;
    } else if (unary) {
      f.test_operator_at = f.word_begin;
    } else {
      f.test_operand = raw != "!" && raw != "(";
    }
    f.test_parens_before = f.test_parens;
  }
  // The group's closing word: what follows (redirections, here-documents,
  // '|') applies to the whole group.
  void close_group(FrameState& f, char kind, std::string_view closer, std::size_t at) {
    // What bash -n rejects: a closing word with nothing of its kind open,
    // and if/while/until/for/select without then/do.
    const auto expected = closer == "fi" ? "if" : closer == "esac" ? "case" : closer == "}" ? "{" : closer == ")" ? "(" : "";
    const bool loop = closer == "done";
    if (f.groups.empty() || f.groups.back().kind != kind) {
      error("shell-syntax", at, closer.size(),
            fmt::format("'{}' closes nothing: no {} is open here (bash: syntax error near unexpected token)", closer,
                        loop ? "loop (while, until, for, select)" : fmt::format("'{}'", expected)));
      return;
    }
    auto& g = f.groups.back();
    list_not_empty(g, closer, at);
    const bool opened_loop = one_of(g.opener, {"while", "until", "for", "select"});
    if (kind == 'k' && (loop ? !opened_loop : g.opener != expected)) {
      error("shell-syntax", at, closer.size(),
            fmt::format("'{}' cannot close the '{}' opened at line {} (bash: syntax error near unexpected token)",
                        closer, g.opener, src_.position(g.at).line));
    } else if (kind == 'k' && !g.body && (g.opener == "if" || opened_loop)) {
      error("shell-syntax", g.at, g.opener.size(),
            fmt::format("this '{}' has no '{}' before its '{}' (bash: syntax error)", g.opener,
                        g.opener == "if" ? "then" : "do", closer));
    }
    f.place.pop_back();
    f.cmd = f.groups.back().cmd;
    f.groups.pop_back();
  }

  static bool option_like(std::string_view w) {
    return w.size() > 1 && w[0] == '-' && w.find('=') == std::string_view::npos;
  }

  // Line starts at the top level: the #SBATCH block sbatch scans.
  bool line_start() {
    const auto end = line_end(i_);
    const std::string_view line(text_.data() + i_, end - i_);
    const auto first = line.find_first_not_of(" \t\v\f\r");
    const auto number = src_.position(i_).line;
    const bool looks_directive = first != std::string_view::npos && line[first] == '#' &&
                                 looks_like_directive(line.substr(first + 1));
    if (directive_phase_) {
      if (first == std::string_view::npos) return false;
      if (grammar::sbatch::directive_prefix(line) != 0) {
        directive_line(end, number);
        return true;
      }
      if (line[first] != '#') {
        directive_phase_ = false;
        tpl_.first_command_line = number;
      }
    }
    if (looks_directive) tpl_.ignored_directive_lines.push_back(number);
    return false;
  }

  // "#SBATCH", "# SBATCH", "#sbatch", "#SLURM": what a reader takes for a directive.
  static bool looks_like_directive(std::string_view after_hash) {
    const auto s = after_hash.substr(std::min(after_hash.size(), after_hash.find_first_not_of(" \t")));
    auto upper = [](std::string_view w, std::string_view want) {
      if (w.size() < want.size()) return false;
      for (std::size_t k = 0; k < want.size(); ++k)
        if ((w[k] & ~0x20) != want[k]) return false;
      return true;
    };
    return upper(s, "SBATCH") || upper(s, "SLURM");
  }

  void directive_line(std::size_t end, std::uint32_t number) {
    tpl_.directives.push_back({number, i_, end});
    i_ += grammar::sbatch::directive_prefix(std::string_view(text_).substr(i_, end - i_));
    char quote = 0;
    bool comment = false;
    while (i_ < end) {
      if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_) {
        ShellContext c;
        c.quoting = comment        ? Quoting::Comment
                    : quote == '"' ? Quoting::DirectiveDoubleQuoted
                    : quote        ? Quoting::DirectiveSingleQuoted
                                   : Quoting::DirectiveUnquoted;
        set_context(c);
        continue;
      }
      const char c = text_[i_];
      if (comment) {
      } else if (c == '\\') {
        skip_escape();
        continue;
      } else if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        comment = true;
      }
      ++i_;
    }
    i_ = end;
  }

  // A backslash makes the next character literal. Right before a placeholder
  // it would escape the value's first character and undo its escaping, so
  // the shape of the script would depend on the value: refused.
  void skip_escape() {
    if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_ + 1) {
      const auto& ph = tpl_.placeholders[next_ph_];
      error("backslash-before-placeholder", i_, ph.end - i_,
            "a backslash right before a placeholder would escape the first character of the value and "
            "undo its quoting; remove the backslash (write $${CLEARML_ for a literal '${CLEARML_')");
      ++i_;
      return;
    }
    // \<newline>: bash removes it before it reads tokens, so it may join
    // '$' and '(' into '$(', '(' and '(' into '((', ')' and ')' into '))',
    // '[' and '[' into '[[':
    // read apart here, the value's context would be wrong (attack 140).
    // (An escaped character before it joins nothing: \$\<newline>HOME is $HOME
    // as text; lint hunt 50. Inside "..." or a here-document body only a
    // '$' starts a token. What the split pieces then seem to be, bash never
    // reads: no other finding is kept after it; lint hunts 51, 53.)
    static constexpr std::string_view kTokens[] = {"&&", "||", ";;", ";&", "|&", "<<", "<-", ">>", "<&", ">&", "<>",
                                                   ">|", "&>", "((", "))", "<(", ">(", "@(", "!(", "*(", "?(",
                                                   "+(", "[[", "]]", "=("};
    if (peek(1) == '\n' && i_ > 0 && !(i_ > 1 && text_[i_ - 2] == '\\')) {
      const char before = text_[i_ - 1], after = peek(2);
      const char pair[] = {before, after};
      const bool quoted = top().kind == Frame::DoubleQuote || top().kind == Frame::HeredocBody;
      if (before == '$' ||
          (!quoted && std::find(std::begin(kTokens), std::end(kTokens), std::string_view(pair, 2)) != std::end(kTokens))) {
        error("continued-token", i_, 1,
              fmt::format("a line continuation between '{}' and '{}': bash joins them into one token before it reads "
                          "the script, and slurmglue does not follow that (nothing after it is checked); write them "
                          "on one line",
                          before, after == '\n' ? std::string("\\n") : std::string(1, after)));
        split_token_ = true;
      }
    }
    i_ = std::min(i_ + 2, text_.size());
  }

  void placeholder() {
    ShellContext c;
    const Frame f = top().kind;
    switch (f) {
      case Frame::DoubleQuote: c.quoting = Quoting::DoubleQuoted; break;
      case Frame::SingleQuote: c.quoting = Quoting::SingleQuoted; break;
      case Frame::DollarQuote: c.quoting = Quoting::DollarSingleQuoted; break;
      case Frame::Arith:
        // An associative array's key: expanded once, without splitting or
        // globbing, as inside "..." (render: never empty, '@' as a reference).
        c.quoting = top().assoc_key ? Quoting::DoubleQuoted : Quoting::Arithmetic;
        c.assoc_key = top().assoc_key;
        break;
      case Frame::Param:
        c.quoting = top().in_double ? Quoting::DoubleQuoted : Quoting::Unquoted;
        c.in_parameter_expansion = true;
        // ${RUN${...}}: the value would finish the name or be the operator
        // (@P runs $(...) in the variable's text; attack 141).
        // (${RUN@${...}}: the value would be the operator's letter, P; lint hunt 52.)
        if (!top().param_word ||
            (text_[top().operator_at] == '@' && tpl_.placeholders[next_ph_].begin == top().operator_at + 1))
          error("placeholder-in-parameter-name", tpl_.placeholders[next_ph_].begin,
                tpl_.placeholders[next_ph_].end - tpl_.placeholders[next_ph_].begin,
                "a placeholder in the name or operator part of ${...} would let the value choose the variable or "
                "the operator (${RUN@P} runs $(...) in RUN's text); put it in an operator's word (${RUN:-${...}}) "
                "or after the braces");
        break;
      case Frame::HeredocBody:
        c.quoting = tpl_.heredocs[top().heredoc].quoted ? Quoting::HeredocQuoted : Quoting::HeredocUnquoted;
        break;
      default: {
        c.quoting = Quoting::Unquoted;
        c.word_start = top().word_start;
        // After >& or <& a word starting with '-' is the operator >&- (close
        // the descriptor) followed by a new word: a leading '-' is refused
        // there as where an argument begins.
        const bool dup_target = !top().redirect_op.empty() && top().redirect_op.back() == '&';
        c.begins_argument = c.word_start && (dup_target || (!top().command_start && !top().after_case &&
                                                            f != Frame::DoubleBracket && top().redirect_op.empty() &&
                                                            !top().herestring_next));
        c.after_option = option_like(top().prev_word) && !dup_target;
        c.option_takes_value = top().prev_word == "--";
        const auto after = tpl_.placeholders[next_ph_].end;
        const char next = after < text_.size() ? text_[after] : '\n';
        // A whole element of NAME=( ... ) split by |words is a list of
        // elements (A=(${...|words}); without the filter, one element).
        const auto& ph = tpl_.placeholders[next_ph_];
        const bool element = top().in_array && ph.begin > 0 &&
                             (ph.begin - 1 == top().array_at || is_blank(text_[ph.begin - 1]) || text_[ph.begin - 1] == '\n') &&
                             std::any_of(ph.filters.begin(), ph.filters.end(), [](const FilterNode& fl) { return fl.name == "words"; });
        c.argument_word = (element || (c.word_start && !top().command_start && !top().after_case)) &&
                          f != Frame::DoubleBracket && (is_blank(next) || next == '\n' || next == ';' ||
                                                        next == '&' || next == '|' || next == ')');
        break;
      }
    }
    // Quoted inside an associative array's key (P["${...}"]=1): still a key.
    for (auto fr = stack_.rbegin(); fr != stack_.rend(); ++fr) {
      if (fr->kind == Frame::DoubleQuote || fr->kind == Frame::SingleQuote || fr->kind == Frame::DollarQuote) continue;
      c.assoc_key = c.assoc_key || (fr->kind == Frame::Arith && fr->assoc_key);
      break;
    }
    if (f == Frame::DoubleQuote || f == Frame::SingleQuote || f == Frame::DollarQuote) {
      const auto& q = top();
      const std::size_t skip = f == Frame::DollarQuote ? 2 : 1;
      c.begins_argument = q.begins_argument && tpl_.placeholders[next_ph_].begin == q.opened_at + skip;
      c.after_option = q.after_option;
      c.option_takes_value = q.after_end_of_options;
    }
    const std::size_t at = tpl_.placeholders[next_ph_].begin;
    set_context(c);
    if (command_like(f)) {
      touch_word(at);
      // The placeholder is the command word: end_word sees it in word_phs.
    }
  }

  // Whether `before` ends in $NAME (not ${NAME}, not \$NAME).
  static bool after_bare_name(std::string_view before) {
    std::size_t k = before.size();
    while (k > 0 && is_name_char(before[k - 1])) --k;
    if (k == before.size() || k == 0 || before[k - 1] != '$' || !is_name_start(before[k])) return false;
    std::size_t slashes = 0;
    while (k - 1 > slashes && before[k - 2 - slashes] == '\\') ++slashes;
    return slashes % 2 == 0;
  }
  // Whether the word around placeholder `index` may be read as a
  // redirection's descriptor (N>, {NAME}>): bash decides from its text as
  // written, so only letters, digits, '_', '{', '}' and values may be in it,
  // and a '<' or '>' must follow it directly.
  // (The answer is the same for every placeholder of one run of such
  // characters and placeholders: it is read once per run.)
  render::DescriptorRisk descriptor_risk(std::size_t index) {
    if (index > descriptor_run_.first && index < descriptor_run_.last) return descriptor_run_.risk;
    descriptor_run_.first = index;
    descriptor_run_.risk = read_descriptor_risk(index, descriptor_run_.last);
    return descriptor_run_.risk;
  }
  // `after` is set to the first placeholder past the run.
  render::DescriptorRisk read_descriptor_risk(std::size_t index, std::size_t& after) const {
    const auto fd_char = [](char ch) { return is_name_char(ch) || ch == '{' || ch == '}'; };
    bool braces = false, named = false;
    std::size_t k = tpl_.placeholders[index].end, next = index + 1;
    while (k < text_.size()) {
      if (next < tpl_.placeholders.size() && tpl_.placeholders[next].begin == k) {
        k = tpl_.placeholders[next++].end;
      } else if (fd_char(text_[k])) {
        braces = braces || !is_name_char(text_[k]);
        named = named || is_name_start(text_[k]);
        ++k;
      } else {
        break;
      }
    }
    after = next;
    if (k >= text_.size() || (text_[k] != '<' && text_[k] != '>')) return render::DescriptorRisk::None;
    k = tpl_.placeholders[index].begin;
    std::size_t prev = index;
    while (k > 0) {
      if (prev > 0 && tpl_.placeholders[prev - 1].end == k) {
        k = tpl_.placeholders[--prev].begin;
      } else if (fd_char(text_[k - 1])) {
        braces = braces || !is_name_char(text_[k - 1]);
        named = named || is_name_start(text_[k - 1]);
        --k;
      } else {
        break;
      }
    }
    // The word begins here (a quote may begin a string parsed again).
    if (k > 0 && std::string_view(" \t\n;&|()<>\"'`").find(text_[k - 1]) == std::string_view::npos)
      return render::DescriptorRisk::None;
    return braces ? render::DescriptorRisk::Braces : named ? render::DescriptorRisk::Named : render::DescriptorRisk::Value;
  }

  // The word around the placeholder at `at`, as the template wrote it
  // before: a '[' there, an earlier placeholder in it (a here-document's
  // line counts as a word).
  void word_before(ShellContext& c, std::size_t index) {
    const std::size_t at = tpl_.placeholders[index].begin;
    const auto earlier = [&](std::size_t from) { return index > 0 && tpl_.placeholders[index - 1].begin >= from; };
    // A subscript's '[': after a name (task[), or after an expansion whose
    // value may end in one (${X}[, $(f)[). Read on from where the word's
    // last placeholder left off.
    const auto bracket = [&](std::size_t from) {
      auto& b = bracket_scan_;
      if (b.from != from || b.upto > at) b = {from, from + 1, false};
      for (; b.upto < at && !b.seen; ++b.upto)
        b.seen = text_[b.upto] == '[' && (is_name_char(text_[b.upto - 1]) || text_[b.upto - 1] == '}' || text_[b.upto - 1] == ')');
      b.upto = std::max(b.upto, at);
      return b.seen;
    };
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const auto& fr = stack_[k];
      if (fr.kind == Frame::HeredocBody) {
        const std::size_t from = src_.line_offset(src_.position(at).line);
        c.bracket_before = bracket(from);
        c.joined = earlier(from);
        return;
      }
      if (!command_like(fr.kind)) continue;
      if (fr.word_start && k + 1 == stack_.size()) return;  // the value begins a word
      c.bracket_before = bracket(fr.word_begin);
      c.joined = earlier(fr.word_begin);
      return;
    }
  }

  void set_context(ShellContext c) {
    for (const auto& fr : stack_) {
      if (fr.kind == Frame::Backtick) ++c.backtick_depth;
      if (fr.kind == Frame::CommandSubst) c.in_command_substitution = true;
      if (fr.kind == Frame::DoubleBracket) c.in_double_brackets = true;
    }
    const auto index = next_ph_;
    auto& ph = tpl_.placeholders[next_ph_++];
    const auto ls = src_.line_offset(src_.position(ph.begin).line);
    const auto le = line_end(ph.end);
    const std::string_view before(text_.data() + ls, ph.begin - ls), after(text_.data() + ph.end, le - ph.end);
    c.whole_line = before.find_first_not_of(" \t") == std::string_view::npos &&
                   after.find_first_not_of(" \t") == std::string_view::npos;
    // #DW, #BB, #BB_LUA: lines a burst-buffer plugin splits into words again.
    if (c.quoting == Quoting::Comment && (before.rfind("#DW", 0) == 0 || before.rfind("#BB", 0) == 0)) c.resplit = true;
    // ~${...}: a tilde prefix at a word's start (or after '=' or ':' in an assignment).
    c.after_tilde = c.quoting == Quoting::Unquoted && !before.empty() && before.back() == '~' &&
                    (before.size() == 1 || std::string_view(" \t=:(").find(before[before.size() - 2]) != std::string_view::npos);
    c.descriptor = descriptor_risk(index);
    word_before(c, index);
    // ($RUN\<newline>${...}: bash joins the lines, and the value follows $RUN.)
    std::string_view name_before = before;
    if (before.empty() && ls >= 2 && text_[ls - 1] == '\n' && text_[ls - 2] == '\\') {
      const auto prev = src_.line_offset(src_.position(ls - 1).line);
      name_before = std::string_view(text_.data() + prev, ls - 2 - prev);
    }
    c.after_name = after_bare_name(name_before) &&
                   (c.quoting == Quoting::Unquoted || c.quoting == Quoting::DoubleQuoted ||
                                               c.quoting == Quoting::HeredocUnquoted || c.quoting == Quoting::Arithmetic);
    ph.context = c;
    i_ = ph.end;
    // Every word the value is part of (through quotes and substitutions),
    // for the value-flow pass.
    if (c.quoting == Quoting::Comment || render::is_directive(c.quoting)) return;
    attach([index](FrameState& fr) { fr.word_phs.push_back(index); },
           [index](Heredoc& h) { h.placeholders.push_back(index); });
  }

  // Adds to the current word of every command-like frame up the stack, and
  // to a here-document body: what bash expands there becomes part of it. A
  // body inside $(...) is part of the word that holds the substitution too
  // (its owner, the frame right below it, has moved on to its next line).
  // `values` false: a variable's value, which reaches no word beyond an
  // arithmetic expansion around it ($(( ${RUNS[$MODEL]:-0} + 1 )) is a number).
  template <typename ToWord, typename ToBody>
  void attach(ToWord to_word, ToBody to_body, bool values = true) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      auto& fr = stack_[k];
      if (!values && fr.kind == Frame::Arith && fr.arith_expansion) break;
      if (fr.kind == Frame::HeredocBody) {
        to_body(tpl_.heredocs[fr.heredoc]);
        if (k == 0) break;
        --k;  // skip the owner
        continue;
      }
      if (command_like(fr.kind)) to_word(fr);
    }
  }

  // A variable expansion at i_ ("$NAME", "${NAME...}", "${!NAME}", "$1", "$@").
  void variable_ref(std::size_t name_at, bool braced) {
    std::size_t k = name_at;
    bool indirect = false;
    if (braced && k < text_.size() && text_[k] == '#' && k + 1 < text_.size() && text_[k + 1] != '}')
      return;  // ${#NAME}: a length, whatever the value
    if (braced && k < text_.size() && text_[k] == '!') {
      indirect = true;
      ++k;
    }
    std::string name;
    if (k < text_.size() && is_name_start(text_[k])) {
      while (k < text_.size() && is_name_char(text_[k])) name += text_[k++];
    } else if (k < text_.size() && text_[k] >= '0' && text_[k] <= '9') {
      name = text_[k++];
      while (braced && k < text_.size() && text_[k] >= '0' && text_[k] <= '9') name += text_[k++];
    } else if (k < text_.size() && (text_[k] == '@' || text_[k] == '*')) {
      name = "@";
      ++k;
    } else {
      return;
    }
    // ${!prefix@}, ${!a[@]}: names or keys, not the value of a named variable.
    const bool all_elements = text_.compare(k, 3, "[@]") == 0 || text_.compare(k, 3, "[*]") == 0;
    if (indirect && k < text_.size() && (text_[k] == '@' || text_[k] == '*' || all_elements)) indirect = false;
    // ${!a[@]}, ${a[@]@K}, ${a[@]@A}: the array's keys (what a[KEY]=v put
    // there: ValueFlow keeps it apart as NAME!keys).
    if (braced && all_elements &&
        (text_[name_at] == '!' || (text_.compare(k + 3, 1, "@") == 0 && k + 4 < text_.size() &&
                                   std::string_view("KkA").find(text_[k + 4]) != std::string_view::npos))) {
      const std::string keys = name + "!keys";
      if (std::size_t through = SIZE_MAX; in_arithmetic(&through))
        tpl_.arithmetic_names.push_back({keys, i_, false, through});
      attach([&keys](FrameState& fr) { fr.word_refs.push_back(keys); },
             [&keys](Heredoc& h) { h.refs.push_back(keys); }, false);
    }
    if (std::size_t through = SIZE_MAX; indirect || in_arithmetic(&through))
      tpl_.arithmetic_names.push_back({name, i_, indirect, indirect ? SIZE_MAX : through});
    attach([&name](FrameState& fr) { fr.word_refs.push_back(name); },
           [&name](Heredoc& h) { h.refs.push_back(name); }, false);
  }
  // An associative key inside arithmetic ($(( ${RUNS[$MODEL]:-0} + 1 ))) is
  // a string: the element's value, not the key's, is evaluated.
  // `through`: the $( or ` right inside the arithmetic whose output
  // carries a name read in it ($(( $(tr -d ' ' <<< "$G") ))), or SIZE_MAX.
  bool in_arithmetic(std::size_t* through = nullptr) const {
    std::size_t substitution = SIZE_MAX;
    for (auto fr = stack_.rbegin(); fr != stack_.rend(); ++fr) {
      if (fr->kind == Frame::Arith) {
        if (through) *through = substitution;
        return !fr->assoc_key;
      }
      if (fr->kind == Frame::CommandSubst || fr->kind == Frame::Backtick) substitution = fr->opened_at;
    }
    return false;
  }

  // A word of a simple command has ended: it goes into the shell model.
  void record_word(FrameState& f) {
    const std::string_view raw(text_.data() + f.word_begin, i_ - f.word_begin);
    // (( )) and [[ ]] are whole commands (not a word such as [[:digit:]]*, a
    // case pattern or grep's class; lint hunt 64).
    if (raw.rfind("((", 0) == 0 || (raw.rfind("[[", 0) == 0 && raw.size() > 2 && (is_blank(raw[2]) || raw[2] == '\n'))) {
      f.function_next.clear();  // (f() (( x++ )): the function's body)
      return;
    }
    ShellWord w;
    w.begin = f.word_begin;
    w.end = i_;
    w.text = dequote(raw);
    w.placeholders = std::move(f.word_phs);  // (end_word clears them next)
    w.refs = std::move(f.word_refs);
    if (!f.redirect_op.empty()) {
      w.role = ShellWord::Role::Redirect;
      w.redirect = std::move(f.redirect_op);
      f.redirect_op.clear();
    } else if (f.herestring_next) {
      w.role = ShellWord::Role::HereString;
      f.herestring_next = false;
    } else {
      f.prev_word = w.text;
    }
    if (f.function_name_next) {  // "function NAME": the name of the next group's function
      f.function_name_next = false;
      f.function_next = w.text;
      f.function_at = w.begin;
      f.after_function_name = true;
      return;
    }
    // function f, then a simple command: bash wants a compound command as
    // the body ({ ...; }, ( ... ), if, while, ...; lint hunt 60).
    if (!f.function_next.empty() && w.role == ShellWord::Role::Word) {
      error("shell-syntax", w.begin, w.end - w.begin,
            fmt::format("function {} has no body: bash wants a compound command after its name ({} {{ ...; }}) "
                        "(bash: syntax error near unexpected token)",
                        f.function_next, f.function_next));
      f.function_next.clear();
    }
    // case W in a b) ...: a pattern is one word, or words joined by '|',
    // then ')'.
    if (f.pattern_words != SIZE_MAX && w.role != ShellWord::Role::Redirect && f.pattern_words++ > 0)
      error("shell-syntax", w.begin, w.end - w.begin,
            "a case pattern ends with ')' before this word (bash: syntax error near unexpected token); write "
            "PATTERN) COMMANDS ;;");
    // for x in a b; echo x: after its word list a loop wants do or {
    // (lint hunt 61); read on as if do stood there.
    if (f.cmd == SIZE_MAX && f.header_next.empty() && loop_awaits_braced_body(f) && w.role == ShellWord::Role::Word) {
      auto& loop = f.groups.back();
      error("shell-syntax", w.begin, w.end - w.begin,
            fmt::format("'{}' wants do (or {{) after its word list, not this command (bash: syntax error near "
                        "unexpected token); write {} ...; do COMMANDS; done",
                        loop.opener, loop.opener));
      loop.body = true;
    }
    note_associative(f, w);
    tpl_.commands[ensure_command(f)].words.push_back(std::move(w));
    f.pipe_open = false;
  }

  // ---- associative arrays ----------------------------------------------
  // An associative array's subscript is a string: bash expands it once, and
  // never evaluates it as arithmetic. A name counts as one only where bash
  // surely made it one before: `declare -A NAME` (or typeset) at the top
  // level, alone on its line and not after && || |, textually earlier; and
  // never unset or declared without -A anywhere in the template (then it
  // may be an indexed array, whose subscripts are arithmetic).
  void subscript(std::string_view name) {
    if (!name.empty() && name.front() == '#') name.remove_prefix(1);  // ${#A[k]}: the length of an element
    push(Frame::Arith, 1, ']');
    top().assoc_key = tpl_.associative_arrays.count(std::string(name)) > 0;
  }
  // An option word bash accepts with -A: -fA, -FA, -nA, -aA, -p fail or do
  // something else, so NAME stays what it was.
  static bool associative_option(std::string_view o) {
    return o.size() > 1 && o[0] == '-' && o.find('A') != std::string_view::npos &&
           o.find_first_not_of("Agilrtux", 1) == std::string_view::npos;
  }
  static bool options_associative(const std::vector<ShellWord>& words) {
    bool associative = false;
    for (auto w = words.begin() + 1; w != words.end(); ++w) {
      if (w->text.empty() || (w->text[0] != '-' && w->text[0] != '+')) continue;
      if (w->text == "--") break;
      if (w->text[0] == '+' || !associative_option(w->text)) {
        if (w->text.find_first_of("aAfFnp") != std::string::npos) return false;
        continue;
      }
      associative = true;
    }
    return associative;
  }
  bool declares_associative(const FrameState& f) const {
    if (f.cmd == SIZE_MAX) return false;
    const auto& words = tpl_.commands[f.cmd].words;
    if (words.empty() || !one_of(words[0].text, {"declare", "typeset", "local"})) return false;
    return options_associative(words);
  }
  // Bash's own variables: its arrays (declare -A GROUPS fails: "cannot
  // convert indexed to associative array") and its special and readonly ones.
  static bool bash_variable(std::string_view name) {
    return name.rfind("BASH", 0) == 0 || name.rfind("COMP", 0) == 0 || name.rfind("READLINE_", 0) == 0 ||
           one_of(name, {"GROUPS", "FUNCNAME", "DIRSTACK", "PIPESTATUS", "MAPFILE", "COPROC", "PPID", "UID", "EUID",
                         "SHELLOPTS", "RANDOM", "SRANDOM", "OPTIND", "HISTCMD", "SECONDS", "LINENO", "EPOCHSECONDS",
                         "EPOCHREALTIME", "HISTFILE", "OPTARG", "REPLY", "IFS", "PATH", "PWD", "OLDPWD", "HOME"});
  }
  void note_associative(const FrameState& f, const ShellWord& w) {
    if (stack_.size() != 1 || !f.groups.empty() || f.chained || f.cmd == SIZE_MAX || w.text.empty() || w.text[0] == '-')
      return;
    const auto& words = tpl_.commands[f.cmd].words;
    if (words.empty() || !one_of(words[0].text, {"declare", "typeset"}) || !declares_associative(f)) return;
    std::size_t n = 0;
    while (n < w.text.size() && is_name_char(w.text[n])) ++n;
    if (n == 0 || !is_name_start(w.text[0]) || (n < w.text.size() && w.text[n] != '=')) return;
    // The declaration begins its line, and the line ends the command.
    for (std::size_t k = words[0].begin; k > 0 && text_[k - 1] != '\n'; --k)
      if (!is_blank(text_[k - 1])) return;
    std::size_t k = w.end;
    while (k < text_.size() && (is_blank(text_[k]) || is_name_char(text_[k]))) ++k;
    if (k < text_.size() && text_[k] == ';') ++k;
    while (k < text_.size() && is_blank(text_[k])) ++k;
    if (k < text_.size() && text_[k] != '\n' && text_[k] != '#') return;
    const std::string name = w.text.substr(0, n);
    // An array before (NAME[0]=x, mapfile NAME, read -a NAME): declare -A fails.
    if (const auto it = indexed_at_.find(name); it != indexed_at_.end() && it->second < words[0].begin) return;
    if (!redeclared_.count(name) && !names_dynamic_ && !bash_variable(name)) tpl_.associative_arrays.emplace(name, words[0].begin);
  }
  // Names unset or declared without -A anywhere (declare, typeset, local,
  // unset, read as text: in strings and comments too, which only makes the
  // model stricter).
  void find_redeclared() {
    for (std::size_t at = 0; at < text_.size(); ++at) {
      // (Every keyword starts with one of these: most bytes are passed at once.)
      if (std::string_view("dtlurmc").find(text_[at]) == std::string_view::npos) continue;
      if (at > 0 && (is_name_char(text_[at - 1]) || text_[at - 1] == '-')) continue;
      std::string_view keyword;
      for (std::string_view k : {"declare", "typeset", "local", "unset", "readonly", "mapfile", "readarray", "read", "coproc"})
        if (text_.compare(at, k.size(), k) == 0 && at + k.size() < text_.size() && is_blank(text_[at + k.size()]))
          keyword = k;
      if (keyword.empty()) continue;
      bool associative = false;
      std::vector<std::string> names;
      std::size_t k = at + keyword.size();
      while (k < text_.size() && std::string_view(";|&\n)`").find(text_[k]) == std::string_view::npos) {
        while (k < text_.size() && is_blank(text_[k])) ++k;
        const std::size_t b = k;
        while (k < text_.size() && !is_blank(text_[k]) && std::string_view(";|&\n)`").find(text_[k]) == std::string_view::npos) ++k;
        const std::string_view token(text_.data() + b, k - b);
        if (token.size() > 1 && (token[0] == '-' || token[0] == '+')) {
          associative = associative || (token[0] == '-' && token.find('A') != std::string_view::npos);
          // A nameref (declare -n R=X; unset R) unsets or retypes a name
          // no word shows: no name is surely associative then.
          if (keyword != "unset" && token.find('n') != std::string_view::npos) names_dynamic_ = true;
          continue;
        }
        // unset "$N", declare "$N": any name.
        if (token.find_first_of("$`") != std::string_view::npos) names_dynamic_ = true;
        std::size_t n = 0;
        while (n < token.size() && !is_name_start(token[n]) && !is_name_char(token[n])) ++n;  // quotes, $
        const std::size_t start = n;
        while (n < token.size() && is_name_char(token[n])) ++n;
        if (n > start) names.emplace_back(token.substr(start, n - start));
      }
      if (one_of(keyword, {"mapfile", "readarray", "read", "coproc"})) {
        // They make (or fill) indexed arrays: NAME is one from here on.
        for (auto& name : names) indexed_at_.emplace(std::move(name), at);
      } else if (keyword == "unset" || !associative) {
        for (auto& name : names) redeclared_.insert(std::move(name));
      }
      at = k;
    }
    // NAME[...], NAME=(...), NAME+=(...): an indexed array from here on
    // (unless declared -A before, which the first position decides).
    for (std::size_t at = 0; at < text_.size(); ++at) {
      if (!is_name_start(text_[at]) || (at > 0 && is_name_char(text_[at - 1]))) continue;
      std::size_t n = at;
      while (n < text_.size() && is_name_char(text_[n])) ++n;
      const std::string_view rest = std::string_view(text_).substr(n, 3);
      if (rest.rfind("[", 0) == 0 || rest.rfind("=(", 0) == 0 || rest.rfind("+=(", 0) == 0)
        indexed_at_.emplace(text_.substr(at, n - at), at);
      at = n - 1;
    }
  }

  // Inside `...` bash drops the backslash of \$, \` and \\ (and of \" when
  // the substitution is inside "...") before it parses the command: `echo
  // \$N` expands N, \`...\` nests a substitution, "`f \"$N\"`" quotes N.
  // The model reads those escapes as literal characters, so where the
  // command expands anything it would give a value the wrong context:
  // refused, with $(...) to write instead (it has no such rule).
  void backquote_body_escapes() {
    const auto& f = top();
    const std::size_t open = f.opened_at, close = i_;
    bool escapes = false;
    for (std::size_t k = open + 1; k + 1 < close && !escapes; ++k) {
      if (text_[k] != '\\') continue;
      const char n = text_[k + 1];
      escapes = n == '$' || n == '`' || n == '\\' || (n == '"' && f.in_double);
      ++k;
    }
    // Without placeholders no value can be in the wrong context.
    if (!escapes || tpl_.placeholders.empty()) return;
    const auto body = std::string_view(text_).substr(open + 1, close - open - 1);
    if (body.find('$') == std::string_view::npos) return;
    error("backquote-escape", open, close + 1 - open,
          "inside `...` bash removes the backslash of \\$, \\`, \\\\ (and of \\\" inside \"...\") before it runs "
          "the command, so this command expands what it seems to quote; write $(...) instead, where text means "
          "what it says");
  }

  void comment() {
    auto end = line_end(i_);
    // Inside `...` the first backquote closes the substitution, comment or not.
    for (const auto& fr : stack_) {
      if (fr.kind != Frame::Backtick) continue;
      end = std::min(end, text_.find('`', i_) == std::string::npos ? end : text_.find('`', i_));
      break;
    }
    while (i_ < end) {
      if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_) {
        ShellContext c;
        c.quoting = Quoting::Comment;
        set_context(c);
        continue;
      }
      ++i_;
    }
  }

  void heredoc_operator() {
    end_word();
    Heredoc h;
    h.operator_offset = i_;
    for (const auto& fr : stack_)
      h.in_command_substitution = h.in_command_substitution || fr.kind == Frame::CommandSubst ||
                                  fr.kind == Frame::Backtick;
    i_ += 2;
    if (peek() == '-') {
      h.strip_tabs = true;
      ++i_;
    }
    while (is_blank(peek())) ++i_;
    const auto word_begin = i_;
    while (i_ < text_.size() && !is_blank(peek()) && peek() != '\n' && !is_operator(peek())) {
      if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_) {
        const auto& ph = tpl_.placeholders[next_ph_];
        error("heredoc-delimiter", ph.begin, ph.end - ph.begin,
              "a placeholder cannot be part of a here-document delimiter: the body's end would depend on a task "
              "value");
        set_context({});
        continue;
      }
      const char c = peek();
      if (c == '\\' && peek(1) == '\n') {
        i_ += 2;  // a line continuation inside the word: bash removes it, the word goes on
      } else if (c == '\\') {
        h.quoted = true;
        if (i_ + 1 < text_.size()) h.delimiter += text_[i_ + 1];
        i_ += 2;
      } else if (c == '\'' || c == '"') {
        // Quote removal as bash makes it: in "...", a backslash before
        // '"', '\\', '$' or '`' is dropped and one before a line break
        // drops both (<<"E\"F" ends at E"F; attack 217).
        h.quoted = true;
        auto k = i_ + 1;
        for (; k < text_.size() && text_[k] != c && text_[k] != '\n'; ++k) {
          if (c == '"' && text_[k] == '\\' && k + 1 < text_.size() &&
              std::string_view("\"\\$`\n").find(text_[k + 1]) != std::string_view::npos) {
            if (text_[++k] != '\n') h.delimiter += text_[k];
            continue;
          }
          h.delimiter += text_[k];
        }
        if (k >= text_.size() || text_[k] != c) {
          // (bash's delimiter would hold a line break, which no line matches:
          // the body would run to the end of the script.)
          error("heredoc-delimiter", i_, 1,
                "close the quote of this here-document delimiter on its line: bash would take the line break into "
                "the delimiter, which no line matches");
          i_ = std::min(k, text_.size());
          break;
        }
        i_ = k + 1;
      } else {
        h.delimiter += c;
        ++i_;
      }
    }
    if (i_ == word_begin) {
      error("shell-syntax", h.operator_offset, 2, "'<<' needs a here-document delimiter word after it");
      return;
    }
    const bool placeholder_in_word = next_ph_ > 0 && tpl_.placeholders[next_ph_ - 1].begin >= word_begin;
    if (!placeholder_in_word &&
        std::string_view(text_).substr(word_begin, i_ - word_begin).find_first_of("$`") != std::string_view::npos) {
      error("heredoc-delimiter", word_begin, i_ - word_begin,
            "write the here-document delimiter as a plain word ('EOF', \"EOF\" or EOF): bash reads a '$' or '`' in "
            "it in ways that differ between versions");
    }
    if (pending_.size() >= kMaxPendingHeredocs) {
      // bash 5.2 stops reading the script here ("maximum here-document count
      // exceeded", exit 2); so does this pass, which keeps a line of a million
      // "<<a" bounded.
      stop_reading_ = true;
      error("shell-syntax", h.operator_offset, 2,
            "bash reads at most " + std::to_string(kMaxPendingHeredocs) +
                " here-documents started on one line ('maximum here-document count exceeded')");
      return;
    }
    // The command that reads the body (the value-flow pass decides what it makes of it).
    tpl_.commands[ensure_command(top())].heredocs.push_back(tpl_.heredocs.size());
    heredoc_depth_.resize(tpl_.heredocs.size() + 1);
    heredoc_depth_.back() = substitution_depth();
    pending_.push_back(tpl_.heredocs.size());
    tpl_.heredocs.push_back(std::move(h));
    top().word_start = true;
  }

  // The body ends at the delimiter line (which starts here); reading goes on at `resume`.
  void end_heredoc_body(Heredoc& h, std::size_t resume) {
    h.body_end = i_;
    h.terminated = true;
    stack_.pop_back();
    current_word_.clear();  // (a ${ in the body left its mark): the next line starts a new word
    i_ = resume;
  }
  // A line in a here-document body: the delimiter line ends it.
  void heredoc_line() {
    auto& h = tpl_.heredocs[top().heredoc];
    auto end = line_end(i_);
    std::string_view line(text_.data() + i_, end - i_);
    std::string joined;
    bool continued = false;
    if (!h.quoted) {
      // bash joins a line ending in an unescaped '\\' with the next before it
      // looks for the delimiter.
      joined = std::string(line);
      auto odd_backslashes = [](std::string_view l) {
        std::size_t n = 0;
        while (n < l.size() && l[l.size() - 1 - n] == '\\') ++n;
        return n % 2 == 1;
      };
      while (odd_backslashes(joined) && end < text_.size()) {
        continued = true;
        joined.pop_back();
        const auto next = line_end(end + 1);
        joined.append(text_, end + 1, next - end - 1);
        end = next;
      }
      line = joined;
    }
    std::size_t tabs = 0;
    if (h.strip_tabs) {
      tabs = std::min(line.size(), line.find_first_not_of('\t'));
      line.remove_prefix(tabs);
    }
    // Inside $(...) a line "EOF)" ends the body too (bash warns), and its ')'
    // closes the substitution.
    if (h.in_command_substitution && line.size() > h.delimiter.size() && line.rfind(h.delimiter, 0) == 0 &&
        line[h.delimiter.size()] == ')' && !continued)
      return end_heredoc_body(h, i_ + tabs + h.delimiter.size());
    // Inside `...` bash takes the text up to the closing '`' first, so a
    // line "E`" ends the body at its end, and the '`' closes the
    // substitution (x=`cat <<E` ... "E`"; lint hunt 59).
    if (line.size() > h.delimiter.size() && line.rfind(h.delimiter, 0) == 0 && line[h.delimiter.size()] == '`' &&
        !continued && std::any_of(stack_.begin(), stack_.end(), [](const FrameState& f) { return f.kind == Frame::Backtick; }))
      return end_heredoc_body(h, i_ + tabs + h.delimiter.size());
    if (line != h.delimiter && !h.quoted) heredoc_lines_until_ = end;
    if (line == h.delimiter) {
      end_heredoc_body(h, std::min(end + 1, text_.size()));
      start_pending_heredoc();
      return;
    }
    if (h.quoted) {
      // Literal body: only placeholders matter, and nothing nests.
      while (i_ < end) {
        if (next_ph_ < tpl_.placeholders.size() && tpl_.placeholders[next_ph_].begin == i_) {
          placeholder();
          continue;
        }
        ++i_;
      }
      i_ = std::min(end + 1, text_.size());
      return;
    }
    step();
  }

  // How many substitutions ($(...), `...`, <(...)) the lexer is inside.
  std::size_t substitution_depth() const {
    return static_cast<std::size_t>(std::count_if(stack_.begin(), stack_.end(), [](const FrameState& fr) {
      return fr.kind == Frame::CommandSubst || fr.kind == Frame::Backtick;
    }));
  }
  void start_pending_heredoc() {
    if (pending_.empty()) return;
    // A line break inside $( ... ) starts only the substitution's own
    // here-documents (bash's parser of its text reads them); the others
    // wait for the line break after it (lint hunt 71).
    const auto depth = substitution_depth();
    const auto next = std::find_if(pending_.begin(), pending_.end(), [&](std::size_t p) { return heredoc_depth_[p] >= depth; });
    if (next == pending_.end()) return;
    // cat <<'A'; echo "$(cat <<B)": at the line break after both, bash 5.2
    // gives the next lines to B, the substitution's, before A's, against
    // the order of the operators.
    for (auto p = next + 1; p != pending_.end(); ++p)
      if (heredoc_depth_[*p] > heredoc_depth_[*next])
        error("heredoc-order", tpl_.heredocs[*p].operator_offset, 2,
              "a here-document opened inside $(...), <(...) or `...` after another one on the same line: bash reads "
              "their bodies in another order than the operators', so a body could be read as the other's; start the "
              "substitution's here-document on a line of its own");
    FrameState f;
    f.kind = Frame::HeredocBody;
    f.heredoc = *next;
    pending_.erase(next);
    tpl_.heredocs[f.heredoc].body_begin = i_;
    tpl_.heredocs[f.heredoc].body_line = src_.position(i_).line;
    stack_.push_back(f);
  }

  void newline() {
    ++i_;
    // case WORD <new line> in, for NAME <new line> in (or do): the header goes on.
    if (command_like(top().kind) && top().case_wants_in) return;
    if (command_like(top().kind) && top().cmd != SIZE_MAX && one_of(tpl_.commands[top().cmd].header, {"for", "select"}) &&
        tpl_.commands[top().cmd].words.size() == 1 && top().redirect_op.empty())
      return;
    if (command_like(top().kind)) {
      // A line break ends a pipeline, unless the line ended in '|'.
      if (!top().pipe_open) new_pipeline(top());
      if (top().required_at == SIZE_MAX && !top().pipe_open) top().chained = false;
      top().word_start = true;
      top().command_start = true;
      top().empty_command = true;
      reset_command(top());
      start_pending_heredoc();
    }
  }

  // One step of bash's lexer in the current frame.
  void step() {
    const char c = peek();
    FrameState& f = top();
    switch (f.kind) {
      case Frame::SingleQuote:
        if (c == '\'') return pop(1);
        ++i_;
        return;
      case Frame::DollarQuote:
        if (c == '\\') return skip_escape();
        if (c == '\'') return pop(1);
        ++i_;
        return;
      case Frame::DoubleQuote:
        if (c == '"') return pop(1);
        if (c == '\\') return skip_escape();
        if (expansion()) return;
        ++i_;
        return;
      case Frame::HeredocBody:
        if (c == '\\') return skip_escape();
        if (expansion()) return;
        ++i_;
        return;
      case Frame::Param:
        if (c == '}' && !f.squote_span) return pop(1);
        if (!f.param_word) {
          // The parameter: "#" or "!" first, a name, a special parameter or
          // digits, then a subscript ${a[...]} or a substring ${s:offset:length},
          // which are arithmetic (bash expands $(...) there even inside quotes).
          // Any other character is the operator that starts the word.
          const bool first = i_ == f.opened_at + 2;
          if (c == '\\' && peek(1) == '\n') {  // (bash joins the lines first: ${RUN\<newline>NAME} is ${RUNNAME})
            i_ += 2;
            return;
          }
          if (c == '[') return subscript(std::string_view(text_).substr(f.opened_at + 2, i_ - f.opened_at - 2));
          if (c == ':' && std::string_view("-=?+").find(peek(1)) == std::string_view::npos)
            return push(Frame::Arith, 1, '}');
          if (c == '@' && !first && peek(1) == 'P') {
            error("prompt-expansion", i_, 2,
                  "${...@P} expands the variable's text as a prompt, which runs $(...) in it: a task value could "
                  "run as code");
          }
          if (is_name_char(c) || (first && std::string_view("#!@*?$-").find(c) != std::string_view::npos)) {
            ++i_;
            return;
          }
          f.param_word = true;
          f.operator_at = i_;
        }
        // Inside "${a:-'...'}" bash keeps the single quotes in the value but
        // still reads them as quotes when it looks for the closing '}'.
        if (f.in_double && c == '\'') {
          f.squote_span = !f.squote_span;
          ++i_;
          return;
        }
        if (c == '\\' && f.squote_span) {
          ++i_;
          return;
        }
        if (c == '\\') return skip_escape();
        if (!f.in_double && c == '\'') return push(Frame::SingleQuote, 1);
        if (c == '"') return push(Frame::DoubleQuote, 1);
        if (expansion()) return;
        ++i_;
        return;
      case Frame::Arith:
        if (f.assoc_key) {
          // A key: quotes, escapes and expansions as in a word; ']' ends it.
          // (Even in "${P['k']}" and a here-document bash removes the quotes.)
          if (c == ']') return pop(1);
          if (c == '\\') return skip_escape();
          if (c == '\'') return push(Frame::SingleQuote, 1);
          if (c == '"') return push(Frame::DoubleQuote, 1);
          if (expansion()) return;
          ++i_;
          return;
        }
        if (f.closer == ')' && c == ')' && f.depth == 0 && peek(1) == ')') {
          // for ((i=0; i<n)): bash wants three expressions, any of them empty.
          if (f.for_header && f.semicolons != 2)
            error("shell-syntax", f.opened_at, i_ + 2 - f.opened_at,
                  fmt::format("for (( ... )) holds {} expression{} where bash wants three, any of them empty, "
                              "separated by two ';' (bash: syntax error): write for ((INIT; TEST; STEP))",
                              f.semicolons + 1, f.semicolons == 0 ? "" : "s"));
          return pop(2);
        }
        if (c == ';' && f.depth == 0) ++f.semicolons;
        if (f.closer == ')' && c == ')' && f.depth == 0) {
          // (reads_as_arithmetic found a ')' right after this one: the two
          // readings differ, and the template is refused.)
          error("shell-syntax", f.opened_at, 3,
                "slurmglue cannot tell whether bash reads this '((' as arithmetic or as a subshell; write "
                "'$( (' (with a space) for a subshell, or close the arithmetic with '))'");
          // The next ')' closes what bash read as $( (...) ).
          std::size_t k = i_ + 1;
          while (k < text_.size() && is_blank(text_[k])) ++k;
          return pop(k < text_.size() && text_[k] == ')' ? k + 1 - i_ : 1);
        }
        if (f.closer == ']' && c == ']' && f.depth == 0) return pop(1);
        if (f.closer == '}' && c == '}' && f.depth == 0) return pop(0);  // the '}' closes the ${...} too
        if (c == '(' || c == '[') ++f.depth;
        if ((c == ')' || c == ']') && f.depth > 0) --f.depth;
        if (expansion()) return;
        if (is_name_start(c) && (i_ == 0 || (!is_name_char(text_[i_ - 1]) && text_[i_ - 1] != '$'))) {
          // A bare name in arithmetic: bash evaluates its value as an expression.
          std::size_t k = i_;
          while (k < text_.size() && is_name_char(text_[k])) ++k;
          tpl_.arithmetic_names.push_back({text_.substr(i_, k - i_), i_, false});
          i_ = k;
          return;
        }
        ++i_;
        return;
      default:
        return command_step(c);
    }
  }

  // $(, $((, ${, $[, `, $' and " open constructs wherever expansions happen.
  bool expansion() {
    const char c = peek();
    if (c == '`') {
      if (top().kind == Frame::Backtick) {
        end_word();  // the last word inside `...` ends with it (as before ')' of $(...))
        backquote_body_escapes();
        pop(1);
      } else {
        push(Frame::Backtick, 1);
      }
      return true;
    }
    if (c != '$') return false;
    const char n = peek(1);
    if (n == '(' && peek(2) == '(' && reads_as_arithmetic(i_)) {
      push(Frame::Arith, 3, ')');
      top().arith_expansion = true;
    } else if (n == '(') {
      push(Frame::CommandSubst, 2);
    } else if (n == '{') {
      variable_ref(i_ + 2, true);
      push(Frame::Param, 2);
    } else if (n == '[') {
      push(Frame::Arith, 2, ']');
      top().arith_expansion = true;
    } else if (n == '\'' && (command_like(top().kind) || (top().kind == Frame::Param && !top().in_double))) {
      push(Frame::DollarQuote, 2);
    } else {
      variable_ref(i_ + 1, false);
      word_continues();  // the word starts at the '$'
      i_ += 1;
      return true;
    }
    return true;
  }

  void end_word() {
    FrameState& f = top();
    bool closes_case = false;  // the word is the esac that closes a case
    if (!f.word_start && command_like(f.kind)) {
      // Reserved words at a command's start are structure, not words.
      // "for NAME do": do may follow the loop's name on the same line.
      const bool for_name_do = current_word_ == "do" && f.cmd != SIZE_MAX &&
                               one_of(tpl_.commands[f.cmd].header, {"for", "select"}) &&
                               tpl_.commands[f.cmd].words.size() == 1;
      // { ...; } done, if { true; } then: bash reads a reserved word right
      // after one that closed a group.
      const bool after_closer = f.after_closer && one_of(current_word_, {"then", "else", "elif", "do", "done", "fi", "esac", "}"});
      const bool empty_case = f.after_case_in && current_word_ == "esac";  // (lint hunt 53)
      // (Inside [[ ]] only '!' is: [[ done == $s ]] compares a word; lint hunt 54.)
      // (In a case pattern only a first 'esac' is: case $1 in do|done) ...; lint hunt 55.)
      const bool in_pattern = f.pattern_words != SIZE_MAX && !(current_word_ == "esac" && f.pattern_words == 0 && !f.pattern_alternative);
      // in x where a command starts: bash reads 'in' only after case WORD
      // or for NAME (lint hunt 69); read on with it as a command's name.
      const bool stray_in = current_word_ == "in" && f.command_start && f.redirect_op.empty() && f.header_next.empty() &&
                            !in_pattern && !f.case_wants_in && f.kind != Frame::DoubleBracket &&
                            !(f.cmd != SIZE_MAX && one_of(tpl_.commands[f.cmd].header, {"for", "select"}) &&
                              tpl_.commands[f.cmd].words.size() == 1);
      if (stray_in)
        error("shell-syntax", f.word_begin, 2,
              "'in' where a command starts: bash reads it only after case WORD or for NAME (syntax error near "
              "unexpected token); quote it to run a command named in");
      const bool structure = (f.command_start || for_name_do || after_closer || empty_case) && f.redirect_op.empty() &&
                             f.header_next.empty() && is_structure_word(current_word_) && !in_pattern && !stray_in &&
                             (f.kind != Frame::DoubleBracket || current_word_ == "!");
      // for in "${a[@]}"; do: bash takes 'in' for the loop's variable and
      // then wants in, do or the line's end (lint hunt 63; for in in a is a loop).
      if (f.cmd != SIZE_MAX && one_of(tpl_.commands[f.cmd].header, {"for", "select"}) &&
          tpl_.commands[f.cmd].words.size() == 1 && tpl_.commands[f.cmd].words[0].text == "in" &&
          !one_of(current_word_, {"in", "do"}))
        error("shell-syntax", tpl_.commands[f.cmd].words[0].begin, 2,
              fmt::format("{} has no variable: bash reads this 'in' as the variable's name and then wants in or do "
                          "(syntax error near unexpected token); write {} NAME in WORDS",
                          tpl_.commands[f.cmd].header, tpl_.commands[f.cmd].header));
      // for seed 1 2 3; do: after the loop's variable bash wants in, do, ';'
      // or a new line (lint hunt 65).
      else if (f.cmd != SIZE_MAX && one_of(tpl_.commands[f.cmd].header, {"for", "select"}) &&
               tpl_.commands[f.cmd].words.size() == 1 && !one_of(current_word_, {"in", "do"}) && !f.groups.empty() &&
               !f.groups.back().body &&
               !is_structure_word(tpl_.commands[f.cmd].words[0].text))  // (for do in a: the lexer reads on as a body)
        error("shell-syntax", f.word_begin, i_ - f.word_begin,
              fmt::format("'{}' after {}'s variable: bash wants in, do, ';' or a new line there (syntax error near "
                          "unexpected token); write {} {} in WORDS",
                          current_word_, tpl_.commands[f.cmd].header, tpl_.commands[f.cmd].header,
                          tpl_.commands[f.cmd].words[0].text));
      // X=1 if ...: assignments go before a simple command only; bash reads
      // a reserved word after them as a command's name and then fails at
      // its then, do, '}' or ')' (lint hunt 65).
      if (structure && one_of(current_word_, {"if", "while", "until", "for", "select", "case", "{", "function"}) &&
          only_assignments_so_far(f))
        error("shell-syntax", f.word_begin, i_ - f.word_begin,
              fmt::format("an assignment before '{}': bash takes NAME=value only before a simple command, so '{}' "
                          "here is a command's name and the rest fails (syntax error near unexpected token); "
                          "assign on a line of its own or inside the {}",
                          current_word_, current_word_, current_word_ == "{" ? "group" : "compound command"));
      // (if [[ -n $x ]] then, while (( n < 3 )) do: lint hunt 53.)
      const bool compound = std::exchange(f.compound_word, false) && current_word_ == "\x01";
      // fi b, { a; } b, ( a ) b, [[ a ]] b: after a compound command only a
      // redirection, an operator, a new line or a reserved word may stand.
      if (f.after_closer && !f.command_start && !structure && !compound && f.redirect_op.empty() &&
          !f.herestring_next && f.kind != Frame::DoubleBracket)
        error("shell-syntax", f.word_begin, i_ - f.word_begin,
              "a word right after a compound command (its '}', ')', fi, done, esac, ']]' or '))'): bash wants "
              "';', '&', '|', a redirection or a new line first (syntax error near unexpected token)");
      // a | ! b: '!' negates a whole pipeline, so it stands only at its start.
      if (structure && current_word_ == "!" && f.pipe_open)
        error("shell-syntax", f.word_begin, 1,
              "'!' after '|': bash reads '!' only where a pipeline starts (syntax error near unexpected token); "
              "write ! before its first command");
      f.after_closer = (structure && (closes_group(current_word_) || current_word_ == "}")) || compound;
      f.bare_bang = structure && current_word_ == "!";
      closes_case = structure && current_word_ == "esac";
      if (f.kind == Frame::DoubleBracket) test_word(f);
      if (structure && f.required_at != SIZE_MAX && !opens_group(current_word_) && !one_of(current_word_, {"{", "!"}))
        missing_command(f, current_word_);
      f.empty_command = structure && !closes_group(current_word_) && current_word_ != "}";
      if (!structure && !f.groups.empty()) f.groups.back().empty_at = SIZE_MAX;
      if (!f.empty_command) f.required_at = SIZE_MAX;
      if (structure) {
        if (opens_group(current_word_)) {
          open_group(f, 'k', current_word_, f.word_begin);
          if (one_of(current_word_, {"for", "select", "case"})) f.header_next = current_word_;
        } else if (closes_group(current_word_)) {
          close_group(f, 'k', current_word_, f.word_begin);
        } else if (current_word_ == "{" && loop_awaits_braced_body(f)) {
          f.groups.back().body = f.groups.back().braced = true;
          f.groups.back().empty_at = f.word_begin;
          f.groups.back().empty_after = "{";
        } else if (current_word_ == "{") {
          open_group(f, '{', "{", f.word_begin);
        } else if (current_word_ == "}" && !f.groups.empty() && f.groups.back().braced) {
          close_group(f, 'k', "done", f.word_begin);
        } else if (current_word_ == "}") {
          close_group(f, '{', "}", f.word_begin);
        } else if (one_of(current_word_, {"then", "do", "else", "elif"})) {
          body_word(f, current_word_, f.word_begin);
        } else if (current_word_ == "function") {
          f.function_name_next = true;
          f.function_keyword_at = f.word_begin;
        }
      } else {
        record_word(f);
      }
    }
    f.word_phs.clear();
    f.word_refs.clear();
    if (!f.word_start) f.redirect_op.clear();  // (a blank after '>' ends no word: the target is still to come)
    if (!f.word_start) {
      // "case W in": the commands read until ')' are the first arm's pattern.
      // (case in in in: the first "in" is the subject, the third the first pattern.)
      const bool case_in = current_word_ == "in" && f.open_cases > 0 && f.cmd != SIZE_MAX &&
                           tpl_.commands[f.cmd].header == "case" && f.pattern_words == SIZE_MAX && !f.after_case;
      if (case_in) f.arm_start = tpl_.commands.size(), f.pattern_words = 0, f.pattern_alternative = false;
      // case $x a) ...: no 'in' after the subject (lint hunt 65).
      if (std::exchange(f.case_wants_in, f.after_case) && !case_in) {
        error("shell-syntax", f.word_begin, i_ - f.word_begin,
              fmt::format("'{}' where case wants 'in' after its word (bash: syntax error near unexpected token); "
                          "write case WORD in PATTERN) ...",
                          current_word_));
        // (Read on as if 'in' stood before it: one error, not one per arm.)
        if (f.open_cases > 0 && f.pattern_words == SIZE_MAX)
          f.arm_start = tpl_.commands.size(), f.pattern_words = 1, f.pattern_alternative = false;
      }
      f.after_case = f.command_start && current_word_ == "case";
      if (f.after_case) ++f.open_cases;
      if (closes_case && f.open_cases > 0) --f.open_cases, f.pattern_words = SIZE_MAX;
      // coproc NAME { ...; }: the group after the name is a command.
      std::size_t next = i_;
      while (next < text_.size() && is_blank(text_[next])) ++next;
      // (Or another compound command: coproc W while read l; do ...; done; lint hunt 55.)
      const auto opens_compound = [&] {
        for (std::string_view w : {"while", "until", "for", "select", "if", "case", "[[", "(("})
          if (text_.compare(next, w.size(), w) == 0 &&
              (next + w.size() >= text_.size() || is_blank(text_[next + w.size()]) || text_[next + w.size()] == '\n' ||
               text_[next + w.size()] == ';'))
            return true;
        return false;
      };
      const bool coproc_name = f.after_coproc && next < text_.size() && (text_[next] == '{' || text_[next] == '(' || opens_compound());
      f.after_coproc = f.command_start && current_word_ == "coproc" && f.kind != Frame::DoubleBracket;
      // time is a keyword only where a pipeline starts, before any other word of the command.
      const auto written = [&](std::size_t k, std::string_view w) {
        const auto& words = tpl_.commands[f.cmd].words;
        return words.size() == k + 1 && words[k].role != ShellWord::Role::Redirect &&
               std::string_view(text_).substr(words[k].begin, words[k].end - words[k].begin) == w;
      };
      // (time -p, time --, time -p --.)
      const auto words_so_far = f.cmd != SIZE_MAX ? tpl_.commands[f.cmd].words.size() : 0;
      f.bare_time = f.kind != Frame::DoubleBracket && f.cmd != SIZE_MAX &&
                    ((f.command_start && written(0, "time")) ||
                     (f.bare_time && words_so_far >= 2 && (current_word_ == "-p" || current_word_ == "--") &&
                      (written(words_so_far - 1, "-p") || written(words_so_far - 1, "--"))));
      // (time -p { ...; }: the pipeline's command still comes; time is a
      // reserved word only where a pipeline starts, not after '|'; lint hunt 61.)
      const bool later_stage = !f.place.empty() && f.place.back().stage > 0;
      const bool time_option = f.bare_time && !later_stage && (current_word_ == "-p" || current_word_ == "--");
      const bool keeps = keeps_command_position(current_word_) && !(current_word_ == "time" && later_stage);
      f.command_start = (f.command_start && (keeps || f.after_coproc || time_option)) ||
                        f.after_function_name || f.for_arith || coproc_name;
      f.after_case_in = case_in;
      f.after_function_name = false;
      f.for_arith = false;
    }
    f.word_start = true;
    current_word_.clear();
  }

  // "NAME ( )": the word before starts a function definition.
  bool function_definition(FrameState& f) {
    if (!f.function_next.empty() && f.cmd == SIZE_MAX) {  // "function NAME ( )"
      std::size_t k = i_ + 1;
      while (k < text_.size() && is_blank(text_[k])) ++k;
      if (k >= text_.size() || text_[k] != ')') return false;
      i_ = k + 1;
      f.command_start = true;
      return true;
    }
    if (f.cmd == SIZE_MAX || !f.word_start) return false;
    auto& cmd = tpl_.commands[f.cmd];
    if (cmd.words.size() != 1 || !cmd.heredocs.empty()) return false;
    std::size_t k = i_ + 1;
    while (k < text_.size() && is_blank(text_[k])) ++k;
    if (k >= text_.size() || text_[k] != ')') return false;
    f.function_next = cmd.words.front().text;
    f.function_at = cmd.words.front().begin;
    cmd.header = "function";  // the definition itself runs nothing
    f.cmd = SIZE_MAX;
    i_ = k + 1;
    f.command_start = true;
    return true;
  }

  void command_step(char c) {
    FrameState& f = top();
    if (f.in_array && (c == '\n' || is_blank(c))) {
      ++i_;
      return;
    }
    // An extglob pattern, @( !( +( *( ?( in an argument or an assignment's
    // value (x=@(a|b)), not a command's name: bash reads to the
    // matching ')' as part of the word (parse_matched_pair), so blanks,
    // newlines, '#', '|', '&', ';', '<' and '>' there are the pattern's
    // text; quotes, escapes and expansions are read as anywhere.
    if (c == '(' && !f.word_start && i_ > 0 && std::string_view("@!+*?").find(text_[i_ - 1]) != std::string_view::npos &&
        (!f.command_start || f.pattern_words != SIZE_MAX ||
         is_assignment_word(std::string_view(text_).substr(f.word_begin, i_ - f.word_begin)))) {
      if (f.extglob_depth++ == 0) {
        f.extglob_at = i_ - 1;
        // (bash -n and bash itself reject the '(' unless shopt -s extglob ran
        // before the line was read; a sourced file may run it, hence a warning.)
        // ([[ x == @(a|b) ]] matches as if extglob were on; lint hunt 51.)
        if (f.kind != Frame::DoubleBracket && text_.rfind("extglob", i_) == std::string::npos)
          warning("shell-syntax", i_ - 1, 2,
                  "an extglob pattern, but nothing before it runs shopt -s extglob: bash reads this '(' as a syntax "
                  "error; add shopt -s extglob on a line above");
      }
      ++i_;
      return;
    }
    if (f.extglob_depth > 0) {
      if (c == '(' || c == ')') f.extglob_depth += c == '(' ? 1 : -1;
      if (c == '(' || c == ')' || c == '\n' || is_blank(c) || std::string_view("#|&;<>").find(c) != std::string_view::npos) {
        ++i_;
        return;
      }
    }
    if (c == '\n') {
      end_word();
      bang_ends(f);
      target_missing(f, "a line break");
      if (f.after_coproc) coproc_without_command(f, i_, 1);
      f.bare_time = false;
      return newline();
    }
    if (is_blank(c)) {
      end_word();
      ++i_;
      return;
    }
    if (c == '#' && f.word_start) return comment();
    if (c == '\\') {
      if (peek(1) != '\n') touch_word(i_);  // else a line continuation
      return skip_escape();
    }
    if (c == '\'') return push(Frame::SingleQuote, 1);
    if (c == '"') return push(Frame::DoubleQuote, 1);
    if (f.kind == Frame::Backtick && c == '`') {
      end_word();
      backquote_body_escapes();
      return pop(1);
    }
    if (c == '<' && peek(1) == '<' && peek(2) != '<') return heredoc_operator();
    if (c == '<' && peek(1) == '<' && peek(2) == '<') {  // here-string: an ordinary word follows
      i_ += 3;
      end_word();
      f.herestring_next = true;
      f.herestring_at = i_ - 3;
      return;
    }
    if (f.word_start && f.command_start && c == '[' && peek(1) == '[' && is_blank(peek(2))) {
      f.compound_word = true;
      return push(Frame::DoubleBracket, 2);
    }
    if (f.kind == Frame::DoubleBracket && f.word_start && c == ']' && peek(1) == ']') {
      if (f.test_parens > 0)
        error("shell-syntax", f.test_paren_at, 1,
              "this '(' is not closed before ']]' (bash: unexpected token `]]', expected `)')");
      if (f.test_operator_at != SIZE_MAX)
        error("shell-syntax", f.test_operator_at, 1,
              "this test operator has no operand before ']]' (bash: unexpected argument `]]' to conditional operator)");
      return pop(2);
    }
    if (f.word_start && f.command_start && c == '(' && peek(1) == '(' && reads_as_arithmetic(i_)) {
      // LC_ALL=C (( n > 2 )): no assignment before a compound command (lint hunt 66).
      if (only_assignments_so_far(f))
        error("shell-syntax", i_, 2,
              "an assignment before '((': bash takes NAME=value only before a simple command (syntax error near "
              "unexpected token); assign on a line of its own");
      if (f.header_next == "for") {
        f.header_next.clear();  // for ((...)): no loop variable; the body is commands
        f.for_arith = true;     // and "do" may follow without ';'
      }
      f.compound_word = true;
      const bool for_header = f.for_arith;
      push(Frame::Arith, 2, ')');
      top().for_header = for_header;
      return;
    }
    if (f.word_start && f.command_start && is_name_start(c)) {
      // NAME[subscript]=...: the subscript is arithmetic.
      std::size_t k = i_;
      while (k < text_.size() && is_name_char(text_[k])) ++k;
      if (k < text_.size() && text_[k] == '[') {
        const std::string_view name(text_.data() + i_, k - i_);
        current_word_.append(text_, i_, k - i_);
        touch_word(i_);
        i_ = k;
        return subscript(name);
      }
    }
    if (expansion()) return;
    // <(...) and >(...): a command list whose output (or input) is a file
    // named by this word.
    if ((c == '<' || c == '>') && peek(1) == '(') return push(Frame::CommandSubst, 2);
    if (f.kind == Frame::DoubleBracket) {
      // Inside [[ ]], && and || join tests and < > ( ) | belong to the test
      // (comparisons, grouping, regular expressions): no command ends.
      if ((c == '&' || c == '|') && peek(1) == c) {
        end_word();
        f.test_operator_at = SIZE_MAX;
        f.test_operand = f.test_complete = false;
        i_ += 2;
        return;
      }
      // [[ $x =~ <a> ]]: in a regular expression '<' and '>' are bash's
      // tokens still, which it rejects there.
      if ((c == '<' || c == '>') && f.test_operator_at != SIZE_MAX && text_.compare(f.test_operator_at, 3, "=~ ") == 0)
        error("shell-syntax", i_, 1,
              fmt::format("an unquoted '{}' in the regular expression after =~ (bash: syntax error in conditional "
                          "expression); write \\{} or put the expression in a variable",
                          c, c));
      if (c == '<' || c == '>' || c == '(' || c == ')' || c == '|') {
        // ( and ) group tests: bash wants them balanced before ']]' (those
        // of $(...), quotes and extglobs are read elsewhere).
        if (c == '(' && f.test_parens++ == 0) f.test_paren_at = i_;
        if (c == ')' && f.test_parens == 0)
          error("shell-syntax", i_, 1, "this ')' closes no '(' inside [[ ]] (bash: syntax error in conditional expression)");
        else if (c == ')') --f.test_parens;
        current_word_ += c;
        touch_word(i_);
        ++i_;
        return;
      }
    }
    // A=(a; b), A=(a | b), A=(a > b): only words stand inside NAME=( ... ).
    if (f.in_array && (c == ';' || c == '&' || c == '|' || ((c == '<' || c == '>') && peek(1) != '('))) {
      error("shell-syntax", i_, 1,
            fmt::format("'{}' inside NAME=( ... ), where bash reads only words (syntax error near unexpected token); "
                        "quote it if it is text",
                        c));
      ++i_;
      return;
    }
    const bool redirection = ((c == '<' || c == '>') && peek(1) != '(') || (c == '&' && peek(1) == '>');
    if (redirection) {
      // >, >>, >|, >&, <, <>, <&, &>, &>>: the next word is a file, not an
      // argument, and the command goes on.
      const bool number = !f.word_start && f.word_begin < i_ &&
                          is_descriptor_word(std::string_view(text_).substr(f.word_begin, i_ - f.word_begin));
      const std::size_t op_begin = number ? f.word_begin : i_;
      if (number) {
        f.word_start = true;  // "2>": the descriptor is part of the operator
        current_word_.clear();
        f.word_phs.clear();
        f.word_refs.clear();
      } else {
        end_word();
      }
      target_missing(f, "another redirection");
      ++i_;
      while (peek() == '>' || peek() == '&' || peek() == '|') ++i_;
      f.redirect_op.assign(text_, op_begin, i_ - op_begin);
      f.redirect_at = op_begin;
      return;
    }
    // NAME=([subscript]=value ...): bash expands the subscript, then reads
    // it again as arithmetic (an indexed array's): a value there is code.
    if (f.in_array && c == '[' && (i_ == f.array_at + 1 || is_blank(text_[i_ - 1]) || text_[i_ - 1] == '\n')) {
      touch_word(i_);
      push(Frame::Arith, 1, ']');
      const auto& command = stack_[stack_.size() - 2];
      std::string_view name(text_.data() + command.word_begin, command.array_at - command.word_begin);
      name = name.substr(0, name.find_first_of("+="));
      top().assoc_key = declares_associative(command) || tpl_.associative_arrays.count(std::string(name)) > 0;
      return;
    }
    // A comment inside NAME=( ... ) (its ')' too) ends at the line's end (lint hunt 56).
    if (f.in_array && c == '#' && i_ > 0 && (is_blank(text_[i_ - 1]) || text_[i_ - 1] == '\n' || text_[i_ - 1] == '('))
      return comment();
    if (f.in_array && is_operator(c)) {
      if (c == ')') f.in_array = false;
      ++i_;
      return;
    }
    if (c == '(' && !f.word_start && i_ > f.word_begin && text_[i_ - 1] == '=' &&
        is_assignment_word(std::string_view(text_).substr(f.word_begin, i_ - f.word_begin))) {
      // Only where an assignment stands: before the command's name, or as
      // an argument of declare, local, export, readonly, typeset (echo
      // x=(a), env P=(x) cmd: bash's syntax error; lint hunt 56).
      if (f.kind == Frame::Command && f.cmd != SIZE_MAX) {
        const auto& words = tpl_.commands[f.cmd].words;
        const bool assignments_only = std::all_of(words.begin(), words.end(), [](const ShellWord& w) {
          return w.role != ShellWord::Role::Word || is_assignment_word(w.text);
        });
        const auto first = std::find_if(words.begin(), words.end(), [](const ShellWord& w) { return w.role == ShellWord::Role::Word; });
        const bool declaration = first != words.end() && one_of(first->text, {"declare", "typeset", "local", "export", "readonly"});
        if (!assignments_only && !declaration)
          error("shell-syntax", i_, 1,
                "NAME=( ... ) assigns an array only before a command's name or after declare, local, export, readonly "
                "or typeset (bash: syntax error near unexpected token); quote the '(' if it is text");
      }
      f.in_array = true;  // NAME=( ... ): the elements are words of the assignment
      f.array_at = i_;
      ++i_;
      return;
    }
    if (is_operator(c)) {
      // a(b) in an argument, x=/a/(b).conf: bash reads a '(' right after a
      // word only as a function definition's (NAME()); lint hunt 55.
      if (c == '(' && !f.word_start && !f.in_array && f.kind == Frame::Command) {
        const std::string_view word(text_.data() + f.word_begin, i_ - f.word_begin);
        const bool first = f.cmd == SIZE_MAX || tpl_.commands[f.cmd].words.empty();
        if (!first || (word.find('=') != std::string_view::npos && is_assignment_word(word)))
          error("shell-syntax", i_, 1,
                "a '(' inside a word (bash: syntax error near unexpected token); quote it, or write the word "
                "\"like(this)\"");
      }
      end_word();
      if (c == ';' && peek(1) != ';' && peek(1) != '&') bang_ends(f);
      if (c == ';' && (peek(1) == ';' || peek(1) == '&') && std::exchange(f.bare_bang, false))
        error("shell-syntax", i_, peek(1) == ';' && peek(2) == '&' ? 3 : 2,
              "a case arm ends right after '!': bash wants ';' or a new line after a bare '!' (syntax error near "
              "unexpected token); write ! COMMAND, or '!;' then the arm's end");
      target_missing(f, fmt::format("'{}'", c));
      if (c == '(' && function_definition(f)) return;
      bool closed_group = false;
      bool closed_subshell = false;
      std::size_t length = (c == '|' || c == '&' || c == ';') && peek(1) == c ? 2 : 1;
      // ;; ;& ;;& end a case arm, which may be empty.
      const bool arm_end = f.open_cases > 0 && (c == ';' || (c == '&' && i_ > 0 && text_[i_ - 1] == ';'));
      // ;; ;& ;;& outside a case (echo a;; in an if): one token bash rejects.
      const std::size_t arm_token = c != ';' || f.kind == Frame::DoubleBracket ? 0
                                    : peek(1) == ';'                          ? (peek(2) == '&' ? 3 : 2)
                                    : peek(1) == '&'                          ? 2
                                                                              : 0;
      if (arm_token > 0 && f.bare_time) {
        error("shell-syntax", i_, arm_token,
              fmt::format("'{}' follows the keyword time with no command to time (bash: syntax error near unexpected "
                          "token); write time COMMAND{}",
                          std::string_view(text_).substr(i_, arm_token), std::string_view(text_).substr(i_, arm_token)));
        length = arm_token;
      } else if (arm_token > 0 && f.open_cases == 0) {
        error("shell-syntax", i_, arm_token,
              fmt::format("'{}' ends a case arm, but no case is open here (bash: syntax error near unexpected token); "
                          "write ';' to end a command",
                          std::string_view(text_).substr(i_, arm_token)));
        length = arm_token;
      } else if ((c == ';' || c == '&' || c == '|') && f.after_coproc) {
        coproc_without_command(f, i_, length);
      } else if ((c == '&' || c == '|') && f.bare_time) {
        const auto token = std::string_view(text_).substr(i_, c == '|' && peek(1) == '&' ? 2 : length);  // (|&)
        error("shell-syntax", i_, token.size(),
              fmt::format("'{}' follows the keyword time with no command to time (bash: syntax error near unexpected "
                          "token); write time COMMAND {} ...",
                          token, token));
      } else if ((c == ';' || c == '&' || c == '|') && !arm_end && f.empty_command) {
        error("shell-syntax", i_, length,
              fmt::format("'{}' follows no command (bash: syntax error near unexpected token)",
                          std::string_view(text_).substr(i_, length)));
      } else if (c == ')' && f.required_at != SIZE_MAX) {
        missing_command(f, "')'");
      }
      const std::size_t operator_at = i_;
      if (c == '|' && length == 1) {
        if (peek(1) == '&') ++i_;  // |&
        f.place.back().stage++;
        f.cmd = SIZE_MAX;
        f.pipe_open = true;
      } else if (c == '|' || c == '&' || c == ';') {
        new_pipeline(f);
      } else if (c == '(' && f.command_start) {
        // case W in (a|b) ...: bash's optional '(' before a pattern (read as a group).
        if (f.open_cases > 0 && f.arm_start == tpl_.commands.size()) f.arm_start = SIZE_MAX;
        // N=4 (cd src && make): assignments go before a simple command only
        // (lint hunt 64).
        if (only_assignments_so_far(f))
          error("shell-syntax", i_, 1,
                "a '(' after NAME=value: bash takes assignments only before a simple command, not a subshell "
                "(syntax error near unexpected token); write NAME=value on a line of its own or inside the ( )");
        open_group(f, '(', "(", i_);
      } else if (c == ')' && !f.groups.empty() && f.groups.back().kind == '(') {
        close_group(f, '(', ")", i_);
        closed_group = true;
        // (Not the optional '(' of a case pattern, read as a group: a command follows that.)
        closed_subshell = f.pattern_words == SIZE_MAX;
        f.after_closer = closed_subshell;
      } else if (c == ')' && f.open_cases > 0 && f.pattern_words == SIZE_MAX && f.depth == 0 && !f.in_array) {
        // case $x in a) echo a  b) echo b ;; esac: a pattern's ')' where the
        // arm before has no ';;' (lint hunt 62).
        error("shell-syntax", i_, 1,
              "this ')' ends a case pattern, but the arm before it has no ';;' (bash: syntax error near unexpected "
              "token); end each arm with ;; (or ;& or ;;&)");
      } else if (c == ')' && f.kind == Frame::Command && f.open_cases == 0 && f.depth == 0 && !f.in_array) {
        error("shell-syntax", i_, 1, "this ')' closes nothing (bash: syntax error near unexpected token)");
      }
      if (c == ')' && !closed_group && f.open_cases > 0 && f.depth == 0 && f.arm_start != SIZE_MAX) {
        // The pattern of a case arm (a|b|*) is words, not commands.
        for (std::size_t k = f.arm_start; k < tpl_.commands.size(); ++k)
          if (tpl_.commands[k].kind == ShellCommand::Kind::Simple && tpl_.commands[k].header.empty())
            tpl_.commands[k].header = "pattern";
        f.arm_start = SIZE_MAX;
      }
      // case x in ) ..., (|a), a|): each alternative of a pattern is a word.
      if (c == ')' && f.open_cases > 0 && f.pattern_words == 0 && f.depth == 0)
        error("shell-syntax", i_, 1,
              "a case pattern needs a word before this ')' (bash: syntax error near unexpected token); write '' "
              "to match the empty string");
      if (c == ')' && f.open_cases > 0) f.pattern_words = SIZE_MAX;
      // (a|b), a|b: the next alternative (the optional '(' is read as a group).
      if ((c == '|' || c == '(') && f.pattern_words != SIZE_MAX) f.pattern_words = 0, f.pattern_alternative = true;
      // ;; ;& ;;&: a pattern follows.
      if (((c == ';' && length == 2) || (c == '&' && i_ > 0 && text_[i_ - 1] == ';')) && f.open_cases > 0)
        f.arm_start = tpl_.commands.size(), f.pattern_words = 0, f.pattern_alternative = false;
      if (f.kind == Frame::CommandSubst && c == ')') {
        if (f.depth == 0 && f.open_cases == 0) return pop(1);
        if (f.depth > 0) --f.depth;
      } else if (f.kind == Frame::CommandSubst && c == '(') {
        ++f.depth;
      }
      i_ += length;
      f.command_start = !closed_subshell;  // (( ... ) b: only a redirection, an operator or a reserved word may follow)
      f.word_start = true;
      f.prev_word.clear();
      if ((c == '|' && f.pattern_words == SIZE_MAX) || ((c == '&') && length == 2)) f.required_at = operator_at;  // (not a pattern's a|b)
      else if (c == ';' || c == '&') f.required_at = SIZE_MAX;
      if (c == '|' || ((c == '&') && length == 2)) f.chained = true;
      else if (c == ';' || c == '&' || c == ')') f.chained = false;
      if (c != '<' && c != '>') f.empty_command = !closed_group;
      f.bare_time = false;
      if (c == ';' || c == '&' || c == '|' ? length == 2 || c != '|' : c == ')' && !closed_group) f.cmd = SIZE_MAX;
      return;
    }
    current_word_ += c;
    touch_word(i_);
    ++i_;
  }

  // (A substitution is named as written: $(, <( or >(; lint hunt 60.)
  const char* never_closed(const FrameState& f) const {
    if (f.kind == Frame::CommandSubst && f.opened_at < text_.size() && text_[f.opened_at] != '$')
      return text_[f.opened_at] == '<' ? "this <( is never closed" : "this >( is never closed";
    switch (f.kind) {
      case Frame::DoubleQuote: return "this \" is never closed";
      case Frame::SingleQuote: return "this ' is never closed";
      case Frame::DollarQuote: return "this $' is never closed";
      case Frame::CommandSubst: return "this $( is never closed";
      case Frame::Backtick: return "this ` is never closed";
      case Frame::Param: return "this ${ is never closed";
      case Frame::Arith: return "this arithmetic expression is never closed";
      case Frame::DoubleBracket: return "this [[ is never closed";
      default: return "a construct is never closed";
    }
  }

  // bash reads a here-document's body line by line to its delimiter and
  // expands it only when the command runs: a `, $( or ${ of the body
  // still open at the delimiter's line ends with the body, and the
  // expansion then fails ("bad substitution"), so the command never runs
  // (lint hunt 48). The construct is reported and the body ends there.
  void cut_open_heredoc_body() {
    std::size_t body = stack_.size();
    for (std::size_t k = 0; k < stack_.size(); ++k)
      if (stack_[k].kind == Frame::HeredocBody) {
        body = k;  // the outermost: what nests in it is read only when it expands
        break;
      }
    if (body + 1 >= stack_.size()) return;
    const auto& h = tpl_.heredocs[stack_[body].heredoc];
    std::string_view line(text_.data() + i_, line_end(i_) - i_);
    if (h.strip_tabs) line.remove_prefix(std::min(line.size(), line.find_first_not_of('\t')));
    if (line != h.delimiter) return;
    const auto& open = stack_[body + 1];
    // (What was found inside it read text as code that bash never parses.)
    diags_.resize(std::min(diags_.size(), open.diagnostics_before));
    error("shell-syntax", open.opened_at, 1,
          fmt::format("{} before the here-document's line '{}': bash cannot expand the body when the command runs "
                      "(bad substitution), so the command does not run",
                      never_closed(open), h.delimiter));
    stack_.resize(body + 1);
  }

  void finish() {
    // A last line without a line break still ends its word and command.
    if (command_like(top().kind)) end_word();
    if (top().kind == Frame::Command) {
      bang_ends(top());
      target_missing(top(), "the end of the script");
      if (top().after_coproc) coproc_without_command(top(), text_.size(), 0);
    }
    if (top().kind == Frame::Command && top().required_at != SIZE_MAX) missing_command(top(), "the end of the script");
    if (top().kind == Frame::Command && top().in_array)
      error("shell-syntax", top().array_at, 1, "this array's '(' is never closed (bash: unexpected end of file)");
    // function, or function NAME, as the script's last words (lint hunt 60).
    if (top().kind == Frame::Command && top().function_name_next)
      error("shell-syntax", top().function_keyword_at, 8,
            "the keyword function names no function here (bash: syntax error near unexpected token)");
    else if (top().kind == Frame::Command && !top().function_next.empty())
      error("shell-syntax", top().function_at, top().function_next.size(),
            fmt::format("function {} has no body before the end of the script (bash: syntax error: unexpected end of "
                        "file)",
                        top().function_next));
    for (std::size_t k = stack_.size(); k-- > 1;) {
      const auto& f = stack_[k];
      if (f.kind == Frame::HeredocBody) {
        auto& h = tpl_.heredocs[f.heredoc];
        h.body_end = text_.size();
        error("heredoc-unterminated", h.operator_offset, 2, "here-document has no line '" + h.delimiter + "' to end it");
      } else if (f.kind != Frame::Command) {
        error("shell-syntax", f.opened_at, 1, never_closed(f));
      }
    }
    for (const auto& f : stack_)
      if (command_like(f.kind) && f.extglob_depth > 0)
        error("shell-syntax", f.extglob_at, 2,
              "this extglob pattern is never closed: bash reads the rest of the script into it (unexpected end of file)");
    // Compound commands still open at the end of the script.
    for (const auto& g : stack_.front().groups) {
      const char* closer = g.opener == "if" ? "fi" : g.opener == "case" ? "esac" : g.opener == "{" ? "}" : g.opener == "(" ? ")" : "done";
      error("shell-syntax", g.at, g.opener.size(),
            fmt::format("this '{}' is never closed: bash expects '{}' (syntax error: unexpected end of file)", g.opener,
                        closer));
    }
  }

  void error(const char* rule, std::size_t at, std::size_t length, std::string message) {
    report(rule, Severity::Error, at, length, std::move(message));
  }
  void warning(const char* rule, std::size_t at, std::size_t length, std::string message) {
    report(rule, Severity::Warning, at, length, std::move(message));
  }
  void report(const char* rule, Severity severity, std::size_t at, std::size_t length, std::string message) {
    // (After pieces of a token bash joins, what this reading finds, bash
    // never reads: see skip_escape; lint hunts 51, 53.)
    if (split_token_ && std::string_view(rule) != "continued-token") return;
    diags_.push_back(diagnostic_at(src_, rule, severity, at, length, std::move(message)));
  }

  // Whether the '((' (or '$((') at `at` is arithmetic as bash reads it:
  // bash reads to the ')' matching the second '(' and takes arithmetic
  // only when another ')' follows at once; otherwise it reads the text
  // again as a subshell ($((cd d && ls) | wc -l) is $( (cd d && ls) | wc -l )).
  // In that reading quotes hide parentheses and a $(...) is read whole,
  // but a ${...}, `...` or [...] does not hide them everywhere alike:
  // parentheses that do not balance inside one, or a $(...) this scan
  // cannot follow (a comment, a here-document, a case, a line break in
  // it), refuse the template (attacks 138, 139). Text that never closes
  // is arithmetic, whose error is then reported.
  bool reads_as_arithmetic(std::size_t at) {
    const std::size_t length = text_[at] == '$' ? 3 : 2;
    const auto close = matched_close(at + length, Scan::Group);
    if (close == kUnsure) {
      error("shell-syntax", at, length,
            "slurmglue cannot tell whether bash reads this as arithmetic or as a subshell (parentheses that do not "
            "balance inside `...`, ${...} or [...], or a comment, here-document or case inside $(...)); write '$( (' "
            "or '( (' with a space for a subshell, or move that part into a variable");
      return true;
    }
    if (close == std::string::npos || (close + 1 < text_.size() && text_[close + 1] == ')')) return true;
    warning("ambiguous-arithmetic", at, length,
            "bash reads this as a subshell, not arithmetic (the ')' that closes it is not followed by ')'); write "
            "'$( (' or '( (' with a space to say so");
    return false;
  }
  static constexpr std::size_t kUnsure = std::string::npos - 1;
  // Group: the text of a '((' to its unmatched ')'; Code: a $(...) to its
  // ')'; the others to their closing quote or brace.
  enum class Scan { Group, Code, DoubleQuoted, Braces, Backquoted };
  // Where the text from k closes (by `mode`): npos at the end of the text,
  // kUnsure where bash's reading may differ from this one.
  std::size_t matched_close(std::size_t k, Scan mode, int nesting = 0) const {
    if (nesting > static_cast<int>(kMaxShellNesting)) return kUnsure;
    const auto inner = [&](std::size_t from, Scan m) { return matched_close(from, m, nesting + 1); };
    // (A parenthesis inside ${...} or `...` counts in some of bash's readings
    // and not in others: the readings agree where those inside balance, as
    // in ${N:-$(nproc)}, quotes skipped as all of them skip them; fr hunt 53.)
    const auto without_parens = [&](std::size_t from, std::size_t end) {
      if (end >= kUnsure) return kUnsure;
      int balance = 0;
      for (std::size_t j = from; j < end && balance >= 0; ++j) {
        const char ch = text_[j];
        if (ch == '\\') {
          ++j;
        } else if (ch == '\'' || ch == '"') {
          for (++j; j < end && text_[j] != ch; ++j) j += ch == '"' && text_[j] == '\\';
          if (j >= end) return kUnsure;
        } else {
          balance += ch == '(' ? 1 : ch == ')' ? -1 : 0;
        }
      }
      return balance == 0 ? end : kUnsure;
    };
    int depth = 0;
    while (k < text_.size()) {
      const char c = text_[k];
      const char n = k + 1 < text_.size() ? text_[k + 1] : '\0';
      std::size_t end = 0;
      if (c == '\\') {
        k += 2;
        continue;
      }
      if (mode == Scan::Backquoted) {
        if (c == '`') return k;
        ++k;
        continue;
      }
      if (mode == Scan::DoubleQuoted && c == '"') return k;
      if (mode == Scan::Braces && c == '}') return k;
      const bool code = mode == Scan::Group || mode == Scan::Code;
      if (c == '$' && n == '\'') {
        if (!code) return kUnsure;
        for (end = k + 2; end < text_.size() && text_[end] != '\''; end += text_[end] == '\\' ? 2 : 1) {}
      } else if (c == '$' && n == '(') {
        end = inner(k + 2, Scan::Code);
      } else if (c == '$' && n == '{') {
        end = without_parens(k, inner(k + 2, Scan::Braces));
      } else if (c == '`') {
        end = without_parens(k, inner(k + 1, Scan::Backquoted));
      } else if (c == '"' && mode != Scan::DoubleQuoted) {
        end = inner(k + 1, Scan::DoubleQuoted);
      } else if (c == '\'' && mode != Scan::DoubleQuoted) {
        end = text_.find('\'', k + 1);
      } else if (code) {
        const bool word_start = k == 0 || std::string_view(" \t;|&()").find(text_[k - 1]) != std::string_view::npos;
        // [...] ($[...], a[...]): the full parser of a $(...) reads it as one
        // word, the '((' reading counts its parentheses: unbalanced ones
        // read differently (attack 139).
        if (c == '[') {
          const auto close = text_.find(']', k + 1);
          int balance = 0;
          for (auto j = k + 1; j < std::min(close, text_.size()) && balance >= 0; ++j)
            balance += text_[j] == '(' ? 1 : text_[j] == ')' ? -1 : 0;
          if (balance != 0) return kUnsure;
        }
        if (c == '<' && n == '<' && k + 2 < text_.size() && text_[k + 2] == '<') {
          k += 3;  // a here-string: a word follows, no body (fr hunt 56)
          continue;
        }
        const bool heredoc = c == '<' && n == '<';
        if (mode == Scan::Code &&
            (c == '\n' || heredoc || (c == '#' && word_start) ||
             (word_start && text_.compare(k, 4, "case") == 0 && (k + 4 >= text_.size() || !is_name_char(text_[k + 4])))))
          return kUnsure;
        if (c == '(') ++depth;
        if (c == ')' && depth-- == 0) return k;
        ++k;
        continue;
      } else {
        ++k;
        continue;
      }
      if (end >= text_.size()) return end == kUnsure ? kUnsure : std::string::npos;
      k = end + 1;
    }
    return std::string::npos;
  }

  const Source& src_;
  const std::string& text_;
  Template& tpl_;
  std::vector<Diagnostic>& diags_;
  std::vector<FrameState> stack_;
  std::vector<std::size_t> pending_;  // here-documents whose body starts at the next line break
  std::vector<std::size_t> heredoc_depth_;  // each here-document's substitution_depth() at its operator
  std::string current_word_;
  std::size_t i_ = 0;
  std::size_t next_ph_ = 0;
  std::size_t next_escape_ = 0;
  bool split_token_ = false;  // a continuation split a token
  std::size_t next_broken_ = 0;
  bool directive_phase_ = true;
  std::size_t heredoc_lines_until_ = 0;  // a continued body line: no delimiter check before here
  std::size_t line_checked_ = std::string::npos;
  std::uint32_t next_pipeline_ = 0;
  bool stop_reading_ = false;  // kMaxShellNesting (or bash's here-document count) passed: stop reading
  std::set<std::string> redeclared_;   // names unset or declared without -A somewhere
  std::map<std::string, std::size_t> indexed_at_;  // where a name is first used as an array
  // descriptor_risk's last run: placeholders first..last-1 share its answer.
  struct {
    std::size_t first = 0, last = 0;
    render::DescriptorRisk risk = render::DescriptorRisk::None;
  } descriptor_run_;
  // word_before's scan for a '[': the word it started at, how far it read.
  struct {
    std::size_t from = SIZE_MAX, upto = 0;
    bool seen = false;
  } bracket_scan_;
  bool names_dynamic_ = false;         // an unset or declaration whose name is a variable's (or a nameref)
  // bash's HEREDOC_MAX: more here-documents pending at one line break is a syntax error.
  static constexpr std::size_t kMaxPendingHeredocs = 16;
};

}  // namespace

void analyze_shell(const Source& source, Template& tpl, std::vector<Diagnostic>& diagnostics) {
  Lexer(source, tpl, diagnostics).run();
}

}  // namespace slurmglue::compiler
