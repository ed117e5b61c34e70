// Script family, shell syntax: mistakes bash finds only when the job runs
// (or `bash -n` finds) that the compiler's lexer does not report: a '[' test
// whose closing ']' is glued to a word, and redirection operators run
// together ('>>>'). A single pass over the shell text (placeholders as the
// stand-ins ShellCheck is given); quotes, comments and here-document bodies
// are skipped.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Script;
#define OK "${CLEARML_AGENT_EXECUTE}\n"

const RuleInfo kRules[] = {
    {"SG208", "test-bracket", F, Error, "A '[' or '[[' test has no closing ']' (or ']]') word.",
     "'[' is a command whose last argument must be the word ']': in [ -z \"$5\"] the ']' is glued to \"$5\", "
     "and bash fails at run time with \"missing ']'\" (the test is false, the script goes on). '[[' needs ']]' "
     "as a word too, or bash rejects the whole script. Put a blank before the ']'.",
     "#!/bin/bash\nif [ -z \"$HOME\"]; then echo none; fi\n" OK,
     "#!/bin/bash\nif [ -z \"$HOME\" ]; then echo none; fi\n" OK},
    {"SG209", "redirection-syntax", F, Error, "Redirection operators run together ('>>>', '<<<<').",
     "'>>>' is '>>' followed by a '>' with no file name, which bash rejects before running a single line "
     "(\"syntax error near unexpected token\"); likewise '<<<<'. Quote the text if it is meant literally.",
     "#!/bin/bash\necho <<<X>>>\n" OK, "#!/bin/bash\necho '<<<X>>>'\n" OK},
};
#undef OK

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Words after which a word is in command position.
bool command_position(std::string_view previous) {
  static constexpr std::array<std::string_view, 12> kKeywords = {"if",   "then", "elif",  "else", "while", "until",
                                                                 "do",   "!",    "{",     "time", "}",     "then"};
  return std::find(kKeywords.begin(), kKeywords.end(), previous) != kKeywords.end();
}

class Scanner {
 public:
  explicit Scanner(Context& c) : c_(c), text_(shellcheck_text(c)), t_(text_) {
    for (const auto& h : c.ast.heredocs) bodies_.emplace_back(h.body_begin, h.body_end);
    std::sort(bodies_.begin(), bodies_.end());
  }

  void run() {
    std::size_t body = 0;
    bool word_start = true;   // the next character starts a word
    bool command = true;      // ... in command position
    std::string_view previous_word;
    for (std::size_t i = 0; i < t_.size();) {
      while (body < bodies_.size() && bodies_[body].second <= i) ++body;
      if (body < bodies_.size() && i >= bodies_[body].first) {
        i = bodies_[body].second;
        continue;
      }
      const char ch = t_[i];
      if (t_.compare(i, 2, "&>") == 0 || t_.compare(i, 2, "|&") == 0) {
        word_start = true;
        ++i;
        continue;
      }
      if (ch == '\n' || ch == ';' || ch == '(' || ch == ')' || ch == '|' || ch == '&') {
        word_start = command = true;
        ++i;
        continue;
      }
      if (is_blank(ch)) {
        word_start = true;
        ++i;
        continue;
      }
      if (ch == '#' && word_start) {
        i = t_.find('\n', i);
        if (i == std::string::npos) break;
        continue;
      }
      if (ch == '>' || ch == '<') {
        std::size_t n = i;
        while (n < t_.size() && t_[n] == ch) ++n;
        if ((ch == '>' && n - i >= 3) || (ch == '<' && n - i >= 4))
          c_.report("redirection-syntax", i, n - i,
                    fmt::format("'{}' is not a redirection: bash rejects the script (syntax error near unexpected "
                                "token); quote it if it is text",
                                t_.substr(i, n - i)));
        word_start = true;
        i = n;
        continue;
      }
      // A word: quotes and escapes inside it are skipped over.
      const std::size_t begin = i;
      i = std::max(word_end(i), i + 1);
      const std::string_view word = t_.substr(begin, i - begin);
      if (word_start && (command || command_position(previous_word)) && (word == "[" || word == "[["))
        test(begin, i, word == "[" ? "]" : "]]");
      if (word_start) command = false;
      if (word_start) previous_word = word;
      word_start = false;
    }
  }

 private:
  // One past the end of the word starting at `i`.
  std::size_t word_end(std::size_t i) const {
    while (i < t_.size()) {
      const char ch = t_[i];
      if (is_blank(ch) || ch == '\n' || ch == ';' || ch == '|' || ch == '&' || ch == '<' || ch == '>' ||
          ch == '(' || ch == ')')
        break;
      if (ch == '\\') {
        i += 2;
      } else if (ch == '\'') {
        const auto close = t_.find('\'', i + 1);
        i = close == std::string::npos ? t_.size() : close + 1;
      } else if (ch == '"') {
        ++i;
        while (i < t_.size() && t_[i] != '"') i += t_[i] == '\\' ? 2 : 1;
        ++i;
      } else if (ch == '$' && i + 1 < t_.size() && t_[i + 1] == '(') {
        i = matching_paren(i + 1);
      } else {
        ++i;
      }
    }
    return std::min(i, t_.size());
  }

  // One past the ')' that closes the '(' at `i` (quotes inside skipped).
  std::size_t matching_paren(std::size_t i) const {
    int depth = 0;
    while (i < t_.size()) {
      const char ch = t_[i];
      if (ch == '(') ++depth;
      if (ch == ')' && --depth == 0) return i + 1;
      if (ch == '\'' || ch == '"') {
        const auto close = t_.find(ch, i + 1);
        i = close == std::string::npos ? t_.size() : close + 1;
        continue;
      }
      i += ch == '\\' ? 2 : 1;
    }
    return t_.size();
  }

  // The words of the test command opened at [open_begin, open_end); `close` must be the last one.
  void test(std::size_t open_begin, std::size_t open_end, std::string_view close) {
    std::size_t i = open_end;
    std::string last;  // its text with line continuations removed, as bash joins it
    std::size_t last_at = open_begin, last_size = 0;
    for (;;) {
      // ([[ ]] goes on over line breaks: [[ -n $a &&<newline> -n $b ]]; lint hunt 56.)
      while (i < t_.size() && (is_blank(t_[i]) || (t_[i] == '\\' && i + 1 < t_.size() && t_[i + 1] == '\n') ||
                               (close == "]]" && t_[i] == '\n')))
        i += t_[i] == '\\' ? 2 : 1;
      if (i >= t_.size() || t_[i] == '\n' || t_[i] == ';') break;
      // [ -d x ]>/dev/null: a redirection and its file are no words of the test.
      if (close == "]" && (t_[i] == '<' || t_[i] == '>')) {
        while (i < t_.size() && std::string_view("<>&|").find(t_[i]) != std::string_view::npos) ++i;
        while (i < t_.size() && is_blank(t_[i])) ++i;
        if (i < t_.size() && t_[i] != '\n') i = std::max(word_end(i), i + 1);
        continue;
      }
      // Inside [[ ]], && || ( ) are the test's own operators; they end [ ... ].
      const bool in_test_operator = close == "]]" && (t_[i] == '|' || t_[i] == '&' || t_[i] == ')');
      if (!in_test_operator && (t_[i] == '|' || t_[i] == '&' || t_[i] == ')')) break;
      if (t_[i] == '<' || t_[i] == '>' || t_[i] == '(' || in_test_operator) {
        ++i;
        continue;
      }
      const auto end = std::max(word_end(i), i + 1);
      // (2>&1 after the ']': a descriptor's number starts a redirection.)
      if (close == "]" && end < t_.size() && (t_[end] == '<' || t_[end] == '>') &&
          t_.substr(i, end - i).find_first_not_of("0123456789") == std::string_view::npos && last == close) {
        i = end;
        continue;
      }
      last.clear();
      for (std::size_t k = i; k < end; ++k)
        if (t_[k] == '\\' && k + 1 < end && t_[k + 1] == '\n') ++k;
        else last += t_[k];
      last_at = i;
      last_size = end - i;
      if (close == "]]" && last == "]]") return;
      i = end;
    }
    if (last == close) return;
    // [ -n "$x" \], [ -n "$x" "]" ]: '[' is given ']' after quote removal
    // (not so [[, whose ']]' is a reserved word; lint hunt 63).
    if (close == "]") {
      std::string bare;
      for (std::size_t k = 0; k < last.size(); ++k)
        if (last[k] == '\\' && k + 1 < last.size()) bare += last[++k];
        else if (last[k] != '\'' && last[k] != '"') bare += last[k];
      if (bare == close) return;
    }
    if (last.ends_with(close))
      c_.report("test-bracket", last_at + last_size - close.size(), close.size(),
                fmt::format("'{}' is glued to the word before it, so '{}' has no closing '{}': bash fails (\"missing "
                            "'{}'\"); put a blank before it",
                            close, t_.substr(open_begin, open_end - open_begin), close, close));
    else
      c_.report("test-bracket", open_begin, open_end - open_begin,
                fmt::format("this '{}' test never ends with a '{}' word: bash fails (\"missing '{}'\"); end it with "
                            "' {}'",
                            t_.substr(open_begin, open_end - open_begin), close, close, close));
  }

  Context& c_;
  std::string text_;  // placeholders as stand-ins of the same width
  std::string_view t_;
  std::vector<std::pair<std::size_t, std::size_t>> bodies_;
};

}  // namespace

std::span<const RuleInfo> shell_syntax_rules() { return kRules; }

void check_shell_syntax(Context& c) {
  // Templates that do not parse are the compiler's shell-syntax; their rest is one word.
  if (!c.ast.broken.empty()) return;
  Scanner(c).run();
}

}  // namespace slurmglue::lint
