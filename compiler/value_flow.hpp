// The value-flow pass: reads the shell model the lexer records (commands,
// words, here-documents, pipelines, groups, functions, variable references)
// and follows each task value to where bash or another program would take it
// as code, as the command to run, or as an arithmetic expression:
//
//   - strings parsed again (eval, sh -c, trap, ssh, --wrap, alias, source,
//     variables other programs run such as PROMPT_COMMAND or LD_PRELOAD);
//   - standard input read as code: a here-document, here-string, redirection
//     or earlier pipeline stage feeding a shell, an interpreter, sbatch, at,
//     xargs, a function of the template, ...;
//   - the command a runner (srun, env, timeout, singularity exec, ...) runs,
//     with each runner's options read by their argument counts;
//   - arithmetic: [[ -gt ]], let, declare -i, (( )), subscripts, ${!name};
//   - all of the above through shell variables and function parameters that
//     a value was assigned to (NAME=..., read, for, printf -v, f "$X", ...).
//
// It marks placeholders (reparsed, command_word, ambiguous_after, Arithmetic
// quoting); the compiler turns the marks into errors or typed checks.
#pragma once

#include "compiler/ast.hpp"
#include "runtime/render/code_variables.hpp"
#include "runtime/render/directive_options.hpp"

namespace slurmglue::compiler {

void analyze_value_flow(const Source& source, Template& tpl, const render::OptionTable& sbatch_options);

// Variables whose value a program runs or loads as code (PROMPT_COMMAND,
// LD_PRELOAD, PATH, PYTHONPATH, GIT_SSH_COMMAND, ...).
using render::is_code_variable;
using render::setting_role;

// NAME=, NAME+=, NAME[...]=: an assignment word (dequoted text).
bool is_assignment_word(std::string_view word);

// The text of the word (or array element) before a placeholder that starts
// at `begin`, quotes removed and an assignment's NAME= left out: "--ntasks="
// for OPTS=(-N2 "--ntasks=${...}") and for N="--ntasks=${...}".
// Where the word holding text[begin, end) (a placeholder) begins and ends,
// with quotes followed from the line's start.
struct WordSpan {
  std::size_t begin = 0, end = 0;
};
WordSpan word_around(std::string_view text, std::size_t begin, std::size_t end);
std::string word_before(std::string_view text, std::size_t begin);

// The program a simple command runs (its first word after assignments), or
// null for groups, tests, loop and case headers and bare assignments.
const ShellWord* program_word(const ShellCommand& command);

}  // namespace slurmglue::compiler
