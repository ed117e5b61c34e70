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
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_operator(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

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
      if (at_line_start() && top().kind == Frame::HeredocBody) {
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
  void word_continues() {
    if (command_like(top().kind)) top().word_start = false;
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
        const auto after = tpl_.placeholders[next_ph_].end;
        const char next = after < text_.size() ? text_[after] : '\n';
        c.argument_word = c.word_start && !top().command_start && !top().after_case &&
                          f != Frame::DoubleBracket && (is_blank(next) || next == '\n' || next == ';' ||
                                                        next == '&' || next == '|' || next == ')');
        break;
      }
    }
    set_context(c);
    if (command_like(f)) {
      top().word_start = false;
      top().command_start = false;
    }
  }

  void set_context(ShellContext c) {
    for (const auto& fr : stack_) {
      if (fr.kind == Frame::Backtick) ++c.backtick_depth;
      if (fr.kind == Frame::CommandSubst) c.in_command_substitution = true;
      if (fr.kind == Frame::DoubleBracket) c.in_double_brackets = true;
    }
    auto& ph = tpl_.placeholders[next_ph_++];
    const auto ls = src_.line_offset(src_.position(ph.begin).line);
    const auto le = line_end(ph.end);
    const std::string_view before(text_.data() + ls, ph.begin - ls), after(text_.data() + ph.end, le - ph.end);
    c.whole_line = before.find_first_not_of(" \t") == std::string_view::npos &&
                   after.find_first_not_of(" \t") == std::string_view::npos;
    ph.context = c;
    i_ = ph.end;
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
    pending_.push_back(tpl_.heredocs.size());
    tpl_.heredocs.push_back(std::move(h));
    top().word_start = false;
  }

  // A line in a here-document body: the delimiter line ends it.
  void heredoc_line() {
    auto& h = tpl_.heredocs[top().heredoc];
    const auto end = line_end(i_);
    std::string_view line(text_.data() + i_, end - i_);
    if (h.strip_tabs) line.remove_prefix(std::min(line.size(), line.find_first_not_of('\t')));
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
        if (c == '\\') return skip_escape();
        // A subscript ${a[...]} and a substring ${s:offset:length} are
        // arithmetic, where bash expands $(...) even inside quotes.
        if (c == '[') return push(Frame::Arith, 1, ']');
        if (c == ':' && std::string_view("-=?+").find(peek(1)) == std::string_view::npos)
          return push(Frame::Arith, 1, '}');
        if (!f.in_double && c == '\'') return push(Frame::SingleQuote, 1);
        if (c == '"') return push(Frame::DoubleQuote, 1);
        if (expansion()) return;
        ++i_;
        return;
      case Frame::Arith:
        if (f.closer == ')' && c == ')' && f.depth == 0 && peek(1) == ')') return pop(2);
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
      if (peek(1) != '\n') f.word_start = false;  // else a line continuation
      return skip_escape();
    }
    if (c == '\'') return push(Frame::SingleQuote, 1);
    if (c == '"') return push(Frame::DoubleQuote, 1);
    if (f.kind == Frame::Backtick && c == '`') return pop(1);
    if (c == '<' && peek(1) == '<' && peek(2) != '<') return heredoc_operator();
    if (c == '<' && peek(1) == '<' && peek(2) == '<') {  // here-string: an ordinary word follows
      i_ += 3;
      f.word_start = true;
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
        i_ = k;
        f.word_start = false;
        return push(Frame::Arith, 1, ']');
      }
    }
    if (expansion()) return;
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
      return;
    }
    current_word_ += c;
    f.word_start = false;
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
  std::size_t line_checked_ = std::string::npos;
};

}  // namespace

void analyze_shell(const Source& source, Template& tpl, std::vector<Diagnostic>& diagnostics) {
  Lexer(source, tpl, diagnostics).run();
}

}  // namespace slurmglue::compiler
