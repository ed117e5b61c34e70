#include "compiler/shell_lexer.hpp"

#include <string_view>

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
  bool after_case = false;   // the word after "case" (its subject) comes next
  bool in_double = false;    // Param: opened inside "..." or a here-document (quotes are literal then)
  char closer = 0;           // Arith: ')' for (( )), ']' for [ ]
  std::size_t heredoc = 0;   // HeredocBody: index into tpl.heredocs
  std::size_t opened_at = 0;
  bool param_word = false;   // Param: past the name, in the operator's word (no subscript or offset there)
  // Quotes: opened where a command argument begins, and after an option word.
  bool begins_argument = false;
  bool after_option = false;
  // Command-like frames: the simple command being read, for the sinks.
  std::size_t word_begin = 0;         // where the current word started
  std::vector<std::size_t> word_phs;  // placeholders in the current word (at any depth)
  std::vector<std::size_t> prev_phs;  // those of the word before ([[ a -gt b ]])
  std::string command;                // the command's name, once read (dequoted, without its directory)
  std::string prev_word;              // the last finished argument (dequoted)
  bool shell_seen = false;            // a shell (bash, sh, su, ...) among its words: "-c" takes code
  bool interpreter_seen = false;      // python, perl, ...: "-c"/"-e" take code
  bool ssh_seen = false;
  bool runner_done = false;           // a runner (srun, env, ...) has its command
  bool integer_declare = false;       // declare -i: values are arithmetic
  bool arith_next = false;            // [[ a -gt b ]]: the next word is arithmetic
  bool after_herestring = false;      // the word after <<<
  bool redirect_target = false;       // the next word is a redirection's file
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_operator(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

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
      if (c == quote) quote = 0;
      else out += c;
    } else if (c == '\\' && k + 1 < raw.size()) {
      out += raw[++k];
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view basename_of(std::string_view w) {
  const auto slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

// NAME=, NAME+=, NAME[...]=: an assignment word.
bool is_assignment_word(std::string_view w) {
  if (w.empty() || !is_name_start(w[0])) return false;
  std::size_t k = 1;
  while (k < w.size() && is_name_char(w[k])) ++k;
  if (k < w.size() && w[k] == '[') {
    const auto close = w.find(']', k);
    if (close == std::string_view::npos) return false;
    k = close + 1;
  }
  if (k < w.size() && w[k] == '+') ++k;
  return k < w.size() && w[k] == '=';
}

// Commands whose first operand is itself a command.
bool is_runner(std::string_view c) {
  return one_of(c, {"srun", "env", "nohup", "sudo", "doas", "timeout", "xargs", "nice", "ionice", "taskset",
                    "numactl", "stdbuf", "setsid", "chroot", "mpirun", "mpiexec", "flock", "watch", "strace",
                    "exec", "command", "builtin", "time"});
}
bool is_shell(std::string_view c) {
  return one_of(c, {"bash", "sh", "dash", "zsh", "ksh", "mksh", "ash", "yash", "fish", "csh", "tcsh", "busybox",
                    "su", "runuser", "script"});
}
bool is_interpreter(std::string_view c) {
  return c.rfind("python", 0) == 0 || c.rfind("pypy", 0) == 0 ||
         one_of(c, {"perl", "ruby", "node", "nodejs", "php", "Rscript", "R", "julia", "lua", "tclsh", "osascript",
                    "jshell", "deno", "bun"});
}
// "-c", "-ec", "-lc", ...: a short-option cluster that includes c.
bool takes_code_option(std::string_view w, std::string_view letters) {
  if (w.size() < 2 || w[0] != '-' || w[1] == '-') return false;
  for (char c : w.substr(1)) {
    if (!is_name_char(c)) return false;
    if (letters.find(c) != std::string_view::npos) return true;
  }
  return false;
}
// Variables whose text bash runs or reads as code.
bool is_code_variable_assignment(std::string_view w) {
  for (std::string_view n : {"PS0", "PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "BASH_ENV", "ENV", "BASH_XTRACEFD",
                             "SHELLOPTS", "BASHOPTS", "PAGER", "EDITOR", "VISUAL"})
    if (w.size() > n.size() && w.substr(0, n.size()) == n && (w[n.size()] == '=' || w[n.size()] == '+')) return true;
  return false;
}

bool command_like(Frame f) {
  return f == Frame::Command || f == Frame::CommandSubst || f == Frame::Backtick || f == Frame::DoubleBracket;
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
    stack_.push_back({});
    while (i_ < text_.size()) {
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
  bool at_line_start() const { return i_ == 0 || text_[i_ - 1] == '\n'; }
  char peek(std::size_t k = 0) const { return i_ + k < text_.size() ? text_[i_ + k] : '\0'; }
  bool starts(std::string_view s) const { return text_.compare(i_, s.size(), s) == 0; }
  std::size_t line_end(std::size_t from) const {
    auto e = text_.find('\n', from);
    return e == std::string::npos ? text_.size() : e;
  }

  void push(Frame kind, std::size_t skip, char closer = 0) {
    FrameState f;
    f.kind = kind;
    f.closer = closer;
    f.opened_at = i_;
    f.in_double = top().kind == Frame::DoubleQuote || top().kind == Frame::HeredocBody ||
                  (top().kind == Frame::Param && top().in_double);
    {
      const auto& parent = top();
      f.begins_argument = command_like(parent.kind) && parent.kind != Frame::DoubleBracket && parent.word_start &&
                          !parent.command_start && !parent.after_case;
      f.after_option = option_like(parent.prev_word);
    }
    word_continues();
    stack_.push_back(f);
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
    f.command.clear();
    f.prev_word.clear();
    f.shell_seen = f.interpreter_seen = f.ssh_seen = f.runner_done = f.integer_declare = f.after_herestring = false;
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
    i_ = std::min(i_ + 2, text_.size());
  }

  void placeholder() {
    ShellContext c;
    const Frame f = top().kind;
    switch (f) {
      case Frame::DoubleQuote: c.quoting = Quoting::DoubleQuoted; break;
      case Frame::SingleQuote: c.quoting = Quoting::SingleQuoted; break;
      case Frame::DollarQuote: c.quoting = Quoting::DollarSingleQuoted; break;
      case Frame::Arith: c.quoting = Quoting::Arithmetic; break;
      case Frame::Param:
        c.quoting = top().in_double ? Quoting::DoubleQuoted : Quoting::Unquoted;
        c.in_parameter_expansion = true;
        break;
      case Frame::HeredocBody:
        c.quoting = tpl_.heredocs[top().heredoc].quoted ? Quoting::HeredocQuoted : Quoting::HeredocUnquoted;
        break;
      default: {
        c.quoting = Quoting::Unquoted;
        c.word_start = top().word_start;
        c.begins_argument = c.word_start && !top().command_start && !top().after_case && f != Frame::DoubleBracket;
        c.after_option = option_like(top().prev_word);
        const auto after = tpl_.placeholders[next_ph_].end;
        const char next = after < text_.size() ? text_[after] : '\n';
        c.argument_word = c.word_start && !top().command_start && !top().after_case &&
                          f != Frame::DoubleBracket && (is_blank(next) || next == '\n' || next == ';' ||
                                                        next == '&' || next == '|' || next == ')');
        break;
      }
    }
    if (f == Frame::DoubleQuote || f == Frame::SingleQuote || f == Frame::DollarQuote) {
      const auto& q = top();
      const std::size_t skip = f == Frame::DollarQuote ? 2 : 1;
      c.begins_argument = q.begins_argument && tpl_.placeholders[next_ph_].begin == q.opened_at + skip;
      c.after_option = q.after_option;
    }
    const std::size_t at = tpl_.placeholders[next_ph_].begin;
    set_context(c);
    if (command_like(f)) {
      touch_word(at);
      // The placeholder is the command word: end_word sees it in word_phs.
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
    ph.context = c;
    i_ = ph.end;
    // Every command the value is part of a word of (through quotes and
    // substitutions) may take it as code: end_word decides.
    if (c.quoting == Quoting::Comment || render::is_directive(c.quoting)) return;
    for (std::size_t k = stack_.size(); k-- > 0;) {
      auto& fr = stack_[k];
      if (fr.kind == Frame::HeredocBody) {
        const auto& h = tpl_.heredocs[fr.heredoc];
        if (!h.reparsed_by.empty()) mark_reparsed({index}, h.reparsed_by);
        break;
      }
      if (command_like(fr.kind)) fr.word_phs.push_back(index);
    }
  }

  void mark_reparsed(const std::vector<std::size_t>& phs, const std::string& by) {
    for (auto k : phs) {
      tpl_.placeholders[k].context.reparsed = true;
      if (tpl_.placeholders[k].reparsed_by.empty()) tpl_.placeholders[k].reparsed_by = by;
    }
  }
  void mark_arithmetic(const std::vector<std::size_t>& phs) {
    for (auto k : phs) tpl_.placeholders[k].context.quoting = Quoting::Arithmetic;
  }

  // A word of a simple command has ended: what it makes of the values in it.
  void classify_word(FrameState& f) {
    const std::string_view raw(text_.data() + f.word_begin, i_ - f.word_begin);
    const std::string word = dequote(raw);
    const auto& phs = f.word_phs;
    if (f.kind == Frame::DoubleBracket) {
      if (one_of(word, {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"})) {
        mark_arithmetic(f.prev_phs);
        f.arith_next = true;
      } else if (f.arith_next) {
        mark_arithmetic(phs);
        f.arith_next = false;
      }
      f.prev_phs = phs;
      return;
    }
    if (raw.rfind("((", 0) == 0 || raw.rfind("[[", 0) == 0) return;  // (( )) and [[ ]] are whole commands
    if (is_code_variable_assignment(word)) mark_reparsed(phs, word.substr(0, word.find_first_of("+=")));
    if (f.command.empty()) {
      if (!f.command_start) return;  // a case subject, a for variable, ...
      if (is_assignment_word(word) ||
          one_of(word, {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "for", "case", "function",
                        "select", "coproc"}))
        return;
      for (auto k : phs) tpl_.placeholders[k].command_word = true;
      f.command = std::string(basename_of(word));
      f.shell_seen = is_shell(f.command);
      f.interpreter_seen = is_interpreter(f.command);
      f.ssh_seen = f.command == "ssh";
      return;
    }
    const std::string_view cmd = f.command;
    const std::string_view base = basename_of(word);
    const std::string& prev = f.prev_word;
    if (one_of(cmd, {"eval", "trap", "alias", "source", ".", "awk", "gawk", "mawk", "nawk", "sed"}))
      mark_reparsed(phs, f.command);
    if (f.ssh_seen) mark_reparsed(phs, "ssh");
    if (f.shell_seen && (takes_code_option(prev, "c") || f.after_herestring)) mark_reparsed(phs, "a shell's -c");
    if (f.interpreter_seen && (takes_code_option(prev, "ceEr") || f.after_herestring))
      mark_reparsed(phs, "an interpreter's -c/-e");
    if (word.rfind("--wrap", 0) == 0 || prev == "--wrap") mark_reparsed(phs, "--wrap");
    const bool declares = one_of(cmd, {"declare", "typeset", "local", "readonly", "export"});
    if (declares && raw.find("=(") != std::string_view::npos) mark_reparsed(phs, "declare NAME=(...)");
    // A declaration builtin reads each argument as NAME=value, quoted or not:
    // a value before the '=' (or in a word with none) names the variable and
    // can set BASH_ENV, PATH, or an array with $(...) in it.
    if (declares) {
      const auto eq = raw.find('=');
      const std::size_t name_end = f.word_begin + (eq == std::string_view::npos ? raw.size() : eq);
      std::vector<std::size_t> naming;
      for (auto k : phs) {
        if (tpl_.placeholders[k].begin < name_end) naming.push_back(k);
      }
      if (!naming.empty()) mark_reparsed(naming, std::string(f.command) + " (it reads NAME=value)");
    }
    if (declares && takes_code_option(word, "i")) f.integer_declare = true;
    if ((declares && f.integer_declare && is_assignment_word(word)) || cmd == "let") mark_arithmetic(phs);
    // A runner's first operand is the command it runs.
    if (is_runner(cmd) && !f.runner_done && !(word.size() > 1 && word[0] == '-') && !option_like(prev) &&
        !(cmd == "env" && is_assignment_word(word))) {
      f.runner_done = true;
      for (auto k : phs) tpl_.placeholders[k].command_word = true;
    }
    if (is_shell(base)) f.shell_seen = true;
    if (is_interpreter(base)) f.interpreter_seen = true;
    if (base == "ssh") f.ssh_seen = true;
    f.after_herestring = false;
    f.prev_word = word;
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
      if (c == '\\') {
        h.quoted = true;
        if (i_ + 1 < text_.size()) h.delimiter += text_[i_ + 1];
        i_ += 2;
      } else if (c == '\'' || c == '"') {
        h.quoted = true;
        auto close = text_.find(c, i_ + 1);
        if (close == std::string::npos || close > line_end(i_)) close = line_end(i_);
        h.delimiter.append(text_, i_ + 1, close - i_ - 1);
        i_ = std::min(close + 1, text_.size());
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
    // A shell, an interpreter or ssh reading the body runs it as code.
    const auto& f = top();
    if (f.ssh_seen) h.reparsed_by = "ssh";
    else if (f.shell_seen) h.reparsed_by = "a shell reading a here-document";
    else if (f.interpreter_seen) h.reparsed_by = "an interpreter reading a here-document";
    pending_.push_back(tpl_.heredocs.size());
    tpl_.heredocs.push_back(std::move(h));
    top().word_start = true;
  }

  // A line in a here-document body: the delimiter line ends it.
  void heredoc_line() {
    auto& h = tpl_.heredocs[top().heredoc];
    auto end = line_end(i_);
    std::string_view line(text_.data() + i_, end - i_);
    std::string joined;
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
        joined.pop_back();
        const auto next = line_end(end + 1);
        joined.append(text_, end + 1, next - end - 1);
        end = next;
      }
      line = joined;
    }
    if (h.strip_tabs) line.remove_prefix(std::min(line.size(), line.find_first_not_of('\t')));
    if (line != h.delimiter && !h.quoted) heredoc_lines_until_ = end;
    if (line == h.delimiter) {
      h.body_end = i_;
      h.terminated = true;
      stack_.pop_back();
      i_ = std::min(end + 1, text_.size());
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

  void start_pending_heredoc() {
    if (pending_.empty()) return;
    FrameState f;
    f.kind = Frame::HeredocBody;
    f.heredoc = pending_.front();
    pending_.erase(pending_.begin());
    tpl_.heredocs[f.heredoc].body_begin = i_;
    tpl_.heredocs[f.heredoc].body_line = src_.position(i_).line;
    stack_.push_back(f);
  }

  void newline() {
    ++i_;
    if (command_like(top().kind)) {
      top().word_start = true;
      top().command_start = true;
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
        if (c == '}') return pop(1);
        if (!f.param_word) {
          // The parameter: "#" or "!" first, a name, a special parameter or
          // digits, then a subscript ${a[...]} or a substring ${s:offset:length},
          // which are arithmetic (bash expands $(...) there even inside quotes).
          // Any other character is the operator that starts the word.
          const bool first = i_ == f.opened_at + 2;
          if (c == '[') return push(Frame::Arith, 1, ']');
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
        }
        if (c == '\\') return skip_escape();
        if (!f.in_double && c == '\'') return push(Frame::SingleQuote, 1);
        if (c == '"') return push(Frame::DoubleQuote, 1);
        if (expansion()) return;
        ++i_;
        return;
      case Frame::Arith:
        if (f.closer == ')' && c == ')' && f.depth == 0 && peek(1) == ')') return pop(2);
        if (f.closer == ')' && c == ')' && f.depth == 0) {
          // "$((cmd) )": bash reads it as $( (cmd) ), a command substitution.
          error("ambiguous-arithmetic", f.opened_at, 3,
                "bash reads this '((' as a subshell inside a command substitution, not arithmetic; write "
                "'$( (' (with a space) for a subshell, or close the arithmetic with '))'");
          return pop(1);
        }
        if (f.closer == ']' && c == ']' && f.depth == 0) return pop(1);
        if (f.closer == '}' && c == '}' && f.depth == 0) return pop(0);  // the '}' closes the ${...} too
        if (c == '(' || c == '[') ++f.depth;
        if ((c == ')' || c == ']') && f.depth > 0) --f.depth;
        if (expansion()) return;
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
        pop(1);
      } else {
        push(Frame::Backtick, 1);
      }
      return true;
    }
    if (c != '$') return false;
    const char n = peek(1);
    if (n == '(' && peek(2) == '(') {
      push(Frame::Arith, 3, ')');
    } else if (n == '(') {
      push(Frame::CommandSubst, 2);
    } else if (n == '{') {
      push(Frame::Param, 2);
    } else if (n == '[') {
      push(Frame::Arith, 2, ']');
    } else if (n == '\'' && (command_like(top().kind) || (top().kind == Frame::Param && !top().in_double))) {
      push(Frame::DollarQuote, 2);
    } else {
      i_ += 1;
      word_continues();
      return true;
    }
    return true;
  }

  void end_word() {
    FrameState& f = top();
    if (f.redirect_target && !f.word_start) {
      f.redirect_target = false;  // a file name: neither the command nor an argument
      f.word_start = true;
      f.word_phs.clear();
      current_word_.clear();
      return;
    }
    if (!f.word_start && command_like(f.kind)) classify_word(f);
    f.word_phs.clear();
    if (!f.word_start) {
      f.after_case = f.command_start && current_word_ == "case";
      if (f.after_case) ++f.open_cases;
      if (f.command_start && current_word_ == "esac" && f.open_cases > 0) --f.open_cases;
      f.command_start = f.command_start && keeps_command_position(current_word_);
    }
    f.word_start = true;
    current_word_.clear();
  }

  void command_step(char c) {
    FrameState& f = top();
    if (c == '\n') {
      end_word();
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
    if (f.kind == Frame::Backtick && c == '`') return pop(1);
    if (c == '<' && peek(1) == '<' && peek(2) != '<') return heredoc_operator();
    if (c == '<' && peek(1) == '<' && peek(2) == '<') {  // here-string: an ordinary word follows
      i_ += 3;
      end_word();
      f.after_herestring = true;
      return;
    }
    if (f.word_start && f.command_start && c == '[' && peek(1) == '[' && is_blank(peek(2)))
      return push(Frame::DoubleBracket, 2);
    if (f.kind == Frame::DoubleBracket && f.word_start && c == ']' && peek(1) == ']') return pop(2);
    if (f.word_start && f.command_start && c == '(' && peek(1) == '(') return push(Frame::Arith, 2, ')');
    if (f.word_start && f.command_start && is_name_start(c)) {
      // NAME[subscript]=...: the subscript is arithmetic.
      std::size_t k = i_;
      while (k < text_.size() && is_name_char(text_[k])) ++k;
      if (k < text_.size() && text_[k] == '[') {
        current_word_.append(text_, i_, k - i_);
        touch_word(i_);
        i_ = k;
        return push(Frame::Arith, 1, ']');
      }
    }
    if (expansion()) return;
    const bool redirection = ((c == '<' || c == '>') && peek(1) != '(') || (c == '&' && peek(1) == '>');
    if (redirection) {
      // >, >>, >|, >&, <, <>, <&, &>, &>>: the next word is a file, not an
      // argument, and the command goes on.
      const bool number = !f.word_start && f.word_begin < i_ &&
                          std::string_view(text_).substr(f.word_begin, i_ - f.word_begin).find_first_not_of(
                              "0123456789") == std::string_view::npos;
      if (number) {
        f.word_start = true;  // "2>": the descriptor is part of the operator
        current_word_.clear();
        f.word_phs.clear();
      } else {
        end_word();
      }
      ++i_;
      while (peek() == '>' || peek() == '&' || peek() == '|') ++i_;
      f.redirect_target = true;
      return;
    }
    if (is_operator(c)) {
      end_word();
      if (f.kind == Frame::CommandSubst && c == ')') {
        if (f.depth == 0 && f.open_cases == 0) return pop(1);
        if (f.depth > 0) --f.depth;
      } else if (f.kind == Frame::CommandSubst && c == '(') {
        ++f.depth;
      }
      ++i_;
      f.command_start = true;
      f.word_start = true;
      reset_command(f);
      return;
    }
    current_word_ += c;
    touch_word(i_);
    ++i_;
  }

  void finish() {
    for (std::size_t k = stack_.size(); k-- > 1;) {
      const auto& f = stack_[k];
      const char* what = "a construct";
      switch (f.kind) {
        case Frame::DoubleQuote: what = "this \" is never closed"; break;
        case Frame::SingleQuote: what = "this ' is never closed"; break;
        case Frame::DollarQuote: what = "this $' is never closed"; break;
        case Frame::CommandSubst: what = "this $( is never closed"; break;
        case Frame::Backtick: what = "this ` is never closed"; break;
        case Frame::Param: what = "this ${ is never closed"; break;
        case Frame::Arith: what = "this arithmetic expression is never closed"; break;
        case Frame::DoubleBracket: what = "this [[ is never closed"; break;
        case Frame::HeredocBody: {
          auto& h = tpl_.heredocs[f.heredoc];
          h.body_end = text_.size();
          error("heredoc-unterminated", h.operator_offset, 2,
                "here-document has no line '" + h.delimiter + "' to end it");
          continue;
        }
        case Frame::Command: continue;
      }
      error("shell-syntax", f.opened_at, 1, what);
    }
  }

  void error(const char* rule, std::size_t at, std::size_t length, std::string message) {
    diags_.push_back(diagnostic_at(src_, rule, Severity::Error, at, length, std::move(message)));
  }

  const Source& src_;
  const std::string& text_;
  Template& tpl_;
  std::vector<Diagnostic>& diags_;
  std::vector<FrameState> stack_;
  std::vector<std::size_t> pending_;  // here-documents whose body starts at the next line break
  std::string current_word_;
  std::size_t i_ = 0;
  std::size_t next_ph_ = 0;
  std::size_t next_escape_ = 0;
  std::size_t next_broken_ = 0;
  bool directive_phase_ = true;
  std::size_t heredoc_lines_until_ = 0;  // a continued body line: no delimiter check before here
  std::size_t line_checked_ = std::string::npos;
};

}  // namespace

void analyze_shell(const Source& source, Template& tpl, std::vector<Diagnostic>& diagnostics) {
  Lexer(source, tpl, diagnostics).run();
}

}  // namespace slurmglue::compiler
