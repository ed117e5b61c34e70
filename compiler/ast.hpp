// The template as the compiler sees it: the source text, the placeholders in
// it (with byte spans), and the shell structure around them (#SBATCH lines,
// here-documents). Literal text is whatever lies between placeholders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source.hpp"
#include "runtime/render/context.hpp"
#include "runtime/render/element_role.hpp"
#include "runtime/render/option_words.hpp"

namespace slurmglue::compiler {

struct FilterNode {
  std::string name;
  std::optional<std::string> argument;  // unescaped
  std::size_t offset = 0;               // of the name
};

struct PlaceholderNode {
  std::size_t begin = 0;  // the '$' of "${CLEARML_"
  std::size_t end = 0;    // one past the closing '}'
  std::string name;       // after "CLEARML_", e.g. "TASK" or "QUEUE_NAME"
  std::vector<std::string> path;
  std::vector<std::size_t> path_offsets;
  std::optional<std::string> default_value;  // unescaped
  std::vector<FilterNode> filters;
  render::ShellContext context;  // set by the shell lexer
  bool command_word = false;     // the value would be (part of) the command a shell or a runner runs
  std::string names_variable;    // the command that would set the variable the value names (read NAME, for NAME)
  std::string reparsed_by;       // the command that parses the value again as code (context.reparsed)
  // A runner's option whose argument count is unknown stands before the
  // value, so the value may be the command it runs (the option's name).
  std::string ambiguous_after;
  render::OptionWords option_words;  // an argument list among a runner's options
  // Why a |words list cannot stand where it does (not after a script), or "".
  std::string words_refused;
  // A program that decodes escapes made text of the value that is then
  // split into words or read as options (what, and where).
  std::string decoded_by;
  // The parts the value fills (code it names, a file, one item of a comma
  // list, a curl form field, ...), each with its own rule for the value.
  render::ElementRoles roles;
  std::vector<render::PathSite> path_sites;  // where it, or a variable holding it, stands in a path
  bool creates_here = false;                 // its own word names a file the job creates (> "${...}")
  bool slurm_option = false;  // in an option word of srun, sbatch or salloc on a command line
  std::string shared_directory;  // names code, and the template changes into this world-writable directory
  // It names a file a program reads: the names of the files the template
  // writes ("job.log", "*.log"), none of which it may name (a component).
  // (One list shared by every placeholder that read it: a template may
  // write thousands of files and read thousands of values.)
  std::shared_ptr<const std::vector<std::string>> written_names;
  // The function whose body holds the placeholder and whose text leaves
  // this shell (export -f, declare -f): a child shell has no data block.
  std::string exported_function;

  std::string_view text(const Source& s) const { return std::string_view(s.text()).substr(begin, end - begin); }
};

// An #SBATCH line that sbatch reads (in the directive block at the top).
struct DirectiveLine {
  std::uint32_t line = 0;
  std::size_t begin = 0;  // the '#' of "#SBATCH"
  std::size_t end = 0;    // the line break (or end of text)
};

struct Heredoc {
  std::string delimiter;
  bool strip_tabs = false;    // <<-
  bool quoted = false;        // <<'EOF', <<"EOF", <<\EOF: the body is literal
  // Inside $(...) or `...` bash also ends the body at a line that starts with
  // the delimiter followed by ')' (with a warning).
  bool in_command_substitution = false;
  std::size_t operator_offset = 0;
  std::size_t body_begin = 0;  // first byte of the body
  std::size_t body_end = 0;    // first byte of the delimiter line (or end of text)
  bool terminated = false;
  std::uint32_t body_line = 0;
  std::string reparsed_by;  // a shell, interpreter or ssh reads the body as code
  // What bash expands into the body (at any depth), for the value-flow pass.
  std::vector<std::size_t> placeholders;
  std::vector<std::string> refs;
};

// A variable a word or a body expands: $NAME, ${NAME...}, $1, "$@" (named
// "@"), at any depth inside it.
using VariableRefs = std::vector<std::string>;

// One word of a simple command as bash splits it (before expansion).
struct ShellWord {
  enum class Role : std::uint8_t { Word, Redirect, HereString };
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;  // quotes and backslashes removed; expansions as written
  std::vector<std::size_t> placeholders;  // in it, at any depth ($(...), quotes)
  VariableRefs refs;
  Role role = Role::Word;
  std::string redirect;  // the operator before a Redirect's target: "<", ">>", "2>", ...
};

// Where a command stands among pipelines: one (pipeline, stage) per level of
// grouping, outermost first. A command's standard input comes from the
// commands of earlier stages of the same pipeline at the first level where
// two commands differ.
struct PipelinePlace {
  std::uint32_t pipeline = 0;
  std::uint32_t stage = 0;
  bool operator==(const PipelinePlace&) const = default;
};

// A simple command, a [[ ]] test, or a group (( ... ), { ...; }, if/while/
// until/for/case ... ): what the value-flow pass reads.
struct ShellCommand {
  enum class Kind : std::uint8_t { Simple, Test, Group };
  Kind kind = Kind::Simple;
  std::vector<ShellWord> words;
  std::vector<std::size_t> heredocs;  // indices into Template::heredocs
  std::vector<PipelinePlace> place;
  std::size_t group = SIZE_MAX;   // the innermost group it is in
  std::size_t parent = SIZE_MAX;  // the command one of whose words holds it ($(...), `...`, <(...))
  std::string header;             // "for" or "select": the first word is the loop variable
  std::string function;           // Group: the function whose body it is
  std::size_t function_at = 0;    // Group: where that function's name is written
  bool repeats = false;           // Group: a loop's body (while, until, for, select), which may run many times
  std::size_t offset = 0;
};

// Variables bash evaluates as arithmetic or as a name (with a subscript
// evaluated as arithmetic): inside (( )), $(( )), subscripts and ${s:off},
// in ${!NAME}.
struct NameUse {
  std::string name;
  std::size_t offset = 0;
  bool indirect = false;  // ${!NAME}: the value names a variable
  // The $( or ` inside the arithmetic whose output carries the name (what
  // the command prints is evaluated), or SIZE_MAX.
  std::size_t through = SIZE_MAX;
};

struct Template {
  std::vector<PlaceholderNode> placeholders;  // in source order
  std::vector<std::size_t> escapes;           // offsets of the '$' dropped from "$${CLEARML_"
  // Placeholders that failed to parse (reported already): the shell pass
  // skips them, so one typo does not also read as an unclosed "${".
  std::vector<std::pair<std::size_t, std::size_t>> broken;
  std::vector<DirectiveLine> directives;
  std::vector<Heredoc> heredocs;
  // "#SBATCH" lines sbatch ignores (after the first command, indented, ...), for the linter.
  std::vector<std::uint32_t> ignored_directive_lines;
  std::optional<std::uint32_t> first_command_line;
  // The shell model: every command, in the order their first word appears.
  std::vector<ShellCommand> commands;
  std::vector<NameUse> arithmetic_names;
  std::vector<std::size_t> arithmetic_substitutions;  // where a $(...) or `...` right inside arithmetic starts
  // Names surely associative from where `declare -A NAME` made them so.
  std::map<std::string, std::size_t> associative_arrays;
  // Variables programs would read as code from their environment that the
  // template assigns task values and never exports (GIT_BRANCH=${...}):
  // the rendered script checks that the job's environment lacks them.
  std::vector<std::string> shell_only_variables;
};

}  // namespace slurmglue::compiler
