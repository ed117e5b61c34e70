// Where in the batch script a placeholder stands, as far as escaping is concerned.
// The compiler's shell lexer decides it once per placeholder; the renderer's
// escapers read it for every task.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/render/element_role.hpp"

namespace slurmglue::render {

enum class Quoting : std::uint8_t {
  Unquoted,               // a plain shell word (or part of one)
  DoubleQuoted,           // inside "..."
  SingleQuoted,           // inside '...'
  DollarSingleQuoted,     // inside $'...'
  HeredocUnquoted,        // here-document body whose delimiter is unquoted (expansions happen)
  HeredocQuoted,          // here-document body whose delimiter is quoted (all literal)
  Comment,                // a shell comment (also the comment part of an #SBATCH line)
  Arithmetic,             // $(( )), (( )), $[ ], an array subscript: evaluated as arithmetic
  DirectiveUnquoted,      // an #SBATCH argument, outside sbatch's quotes
  DirectiveDoubleQuoted,  // an #SBATCH argument, inside sbatch's "..."
  DirectiveSingleQuoted,  // an #SBATCH argument, inside sbatch's '...'
};

std::string_view to_string(Quoting q);

inline bool is_directive(Quoting q) {
  return q == Quoting::DirectiveUnquoted || q == Quoting::DirectiveDoubleQuoted ||
         q == Quoting::DirectiveSingleQuoted;
}

// Whether the unquoted word holding a value ends right where a redirection
// operator begins (${X}>log) with only letters, digits, '_', '{' and '}' of
// the template's own in it: then a value that makes the word all digits
// (2>log) or {NAME} ({fd}>log) turns it from an argument into the
// redirection's descriptor.
enum class DescriptorRisk : std::uint8_t {
  None,
  Value,   // the template writes only digits there: a value of digits, or one with braces
  Named,   // the template writes a letter or '_' there: only a value with braces ({x}>log)
  Braces,  // the template writes '{' or '}' in the word: any name would do
};

struct ShellContext {
  Quoting quoting = Quoting::Unquoted;
  // Enclosing `...` substitutions: each is one more round of backslash removal,
  // which is why values there are restricted to plain words.
  std::uint8_t backtick_depth = 0;
  bool in_command_substitution = false;  // inside $( ... )
  bool in_parameter_expansion = false;   // inside a shell ${...}: a '}' would close it
  bool in_double_brackets = false;       // inside [[ ]]: -eq and friends evaluate arithmetic
  bool word_start = false;               // the placeholder starts an unquoted shell word
  // The placeholder is a whole word among a simple command's arguments (not
  // the command, not part of an assignment, not a case subject, not in [[ ]]):
  // the only place a list of words may stand.
  bool argument_word = false;
  // The placeholder stands alone on its line (only blanks around it), so its
  // value is the whole line: an empty value would make a blank line.
  bool whole_line = false;
  // The value begins an argument of a command (possibly right after an opening
  // quote), and whether the word before it is an option ("-x", "--name", "--"):
  // only then may the value start with '-'.
  bool begins_argument = false;
  bool after_option = false;  // the word before looks like an option; whether it takes a value is unknown
  // The compiler knows the word before takes this value (a runner's option
  // with an argument, the end of options "--", printf's operands).
  bool option_takes_value = false;
  // An operand of bash's echo, which reads a word as options only when it is
  // '-' and the letters n, e, E (so -0.001 or -x is printed).
  bool echo_operand = false;
  // The value lands in a string that a command parses again as code (eval,
  // sh -c, trap, ssh, --wrap, ...): only plain words, written as they are.
  bool reparsed = false;
  // ... as a sed script, where a letter is a command (1e0p runs "0p" with
  // the e command): a number there holds no exponent.
  bool sed_script = false;
  // The value reaches an unquoted expansion later ($NAME, $(...)), where
  // bash splits it into words and expands globs: one plain word only.
  bool split_later = false;
  // Characters the template put in IFS, where split_later values are split too.
  std::string split_chars;
  // The value reaches mapfile's elements ("${A[@]}" after mapfile -t A):
  // each line is one word, blanks and all.
  bool split_lines = false;
  // The value is read back where an argument begins after a rewrite
  // (${X#v}, $(basename ...)) that may put any of its characters first.
  bool dash_anywhere = false;
  // The replacements the template makes before the value begins an
  // argument (${X//_/-}, $(tr -d - <<< "$X")), one list per way it gets
  // there: what each makes of it may not start with '-'. An empty list (or
  // none, where begins_argument holds) is the value as it is.
  std::vector<ValueCut::Way> start_replacements;
  // The value reaches arithmetic only through these exact cuts
  // (P=${EP##*:}; $(( P + 1 ))): what each makes is a decimal integer.
  std::vector<ValueCut::Way> integer_after;
  // A program decodes the value's escapes and directives (printf's format,
  // echo -e, %b): no '\' or '%'.
  bool escapes_decoded = false;
  // A program splits its arguments again with shell rules, or hands them to
  // a remote shell (deepspeed's launcher, scp/rsync remote paths), or a
  // burst-buffer plugin splits its #DW/#BB line: one plain word only.
  bool resplit = false;
  // ... only where the value holds a ':' (an scp or rsync operand that is a
  // remote path only through the value).
  bool resplit_if_remote = false;
  // The template writes $NAME (no braces) right before the placeholder.
  bool after_name = false;
  // An unquoted '~' begins the word right before the placeholder: a value
  // written as it is would name whose home it is (~root, ~+).
  bool after_tilde = false;
  // The key of an associative array (${A[...]}, A[...]=): expanded once,
  // as in "...", but a key that is empty is refused and '@' written as it is
  // would stand for every element.
  bool assoc_key = false;
  DescriptorRisk descriptor = DescriptorRisk::None;
  // What the word holds before the value, as the template wrote it: a
  // subscript's '[' (LABEL="task[${...}]"), and whether an earlier value stands in the same
  // word ("${A}${B}"). What the word stores may reach arithmetic by name,
  // where '[' then an expansion runs code, so that rule holds for the whole
  // word the values are joined into, not only for each value.
  bool bracket_before = false;
  bool joined = false;

  bool operator==(const ShellContext&) const = default;
};

std::string describe(const ShellContext& c);

}  // namespace slurmglue::render
