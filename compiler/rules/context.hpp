// What every rule family sees: the source, the compiler's AST, the target
// versions, the #SBATCH lines read the way sbatch reads them, and a report
// function that takes the severity from the registry.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/directive_reader.hpp"
#include "compiler/lint.hpp"
#include "grammar/sbatch_directive.hpp"
#include "runtime/render/directive_options.hpp"

namespace slurmglue::lint {

// One option (or positional word) getopt_long would see on an #SBATCH line.
struct DirectiveOption {
  render::DirectiveItem item;
  std::string written;                  // the word as written in the template, e.g. "--part=debug"
  std::size_t at = 0;                   // source offset of the word naming it
  std::size_t length = 0;
  std::optional<std::string> value;     // the value as sbatch reads it (placeholders as kStandIn)
  std::size_t value_at = 0;             // source offset of the value
  std::size_t value_length = 0;
  bool value_has_placeholder = false;
  bool value_separate = false;          // "--opt value" rather than "--opt=value"
};

// A placeholder stands as this character while a line is read.
using compiler::kStandIn;

struct DirectiveView {
  const compiler::DirectiveLine* line = nullptr;
  compiler::ReadDirective read;         // as sbatch at the target release reads it
  std::vector<DirectiveOption> options;
  const grammar::sbatch::SplitLine& split() const { return read.split; }
  const std::string& stand_in() const { return read.stand_in; }  // placeholders as kStandIn
  std::size_t source_offset(std::size_t in_stand_in) const { return read.source_offset(in_stand_in); }
};

class Context {
 public:
  Context(const Source& s, const compiler::Template& t, const LintOptions& o, std::vector<Diagnostic>& out);

  const Source& source;
  const compiler::Template& ast;
  const LintOptions& options;
  render::OptionTable slurm_table;   // sbatch's own options at the target release
  render::OptionTable table;         // plus Pyxis', when a Pyxis release is targeted
  std::vector<DirectiveView> directives;

  const std::string& text() const { return source.text(); }
  void report(std::string_view rule, std::size_t at, std::size_t length, std::string message,
              std::optional<std::string> fix = std::nullopt);
  Diagnostic& last() { return out_.back(); }  // the one just reported
  // Every option on every #SBATCH line, in order.
  std::vector<const DirectiveOption*> all_options() const;
  // The placeholders, by variable name ("AGENT_EXECUTE").
  std::vector<const compiler::PlaceholderNode*> placeholders(std::string_view name) const;
  // The placeholder that starts at `at`, or null.
  const compiler::PlaceholderNode* placeholder_at(std::size_t at) const;
  // A value that is one placeholder with a default (and no filter): that
  // default and its source offset, for the checks of literal values.
  std::optional<std::pair<std::string, std::size_t>> literal_default(std::string_view value, std::size_t at) const;
  // Source ranges of here-document bodies and comments are not commands.
  bool in_heredoc(std::size_t at) const;

 private:
  std::vector<Diagnostic>& out_;
  // The bodies' first bytes in order, each with the furthest end of a body
  // starting there or before: in_heredoc is a binary search (rules ask it
  // for every command, and a template can hold a hundred thousand bodies).
  std::vector<std::pair<std::size_t, std::size_t>> heredoc_reach_;
};

// Rule families: each has its table of rules and its checks.
std::span<const RuleInfo> template_rules();
std::span<const RuleInfo> script_rules();
std::span<const RuleInfo> shell_syntax_rules();
std::span<const RuleInfo> directive_rules();
std::span<const RuleInfo> directive_set_rules();
std::span<const RuleInfo> pyxis_rules();
std::span<const RuleInfo> image_rules();
std::span<const RuleInfo> agent_contract_rules();
std::span<const RuleInfo> srun_wrapper_rules();
std::span<const RuleInfo> security_rules();

void check_template(Context& c);  // lint-only checks; the rest is the compiler's
void check_script(Context& c);
void check_directives(Context& c);
void check_directive_set(Context& c);
void check_shell_syntax(Context& c);  // shell_syntax.cpp, Script family
void check_pyxis(Context& c);
void check_images(Context& c);
void check_agent_contract(Context& c);
void check_srun_wrapper(Context& c);
void check_security(Context& c);
void check_shellcheck(std::span<Context* const> contexts);
std::string shellcheck_text(const Context& c);  // the text ShellCheck is given  // one ShellCheck for all

// The row of sbatch's own option `name` in some Slurm release, or null (directives.cpp).
const catalog::SbatchOptionEntry* slurm_option_anywhere(std::string_view name);  // only with LintOptions::shellcheck

}  // namespace slurmglue::lint
