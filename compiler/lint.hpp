// slurmglue-lint's engine: the compiler's own diagnostics plus every rule
// family, run over one template, with a registry that documents each rule
// (the single source of --list-rules, --explain and the man page).
#pragma once

#include <compare>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/sbatch_options.hpp"
#include "compiler/diagnostic.hpp"
#include "compiler/source.hpp"

namespace slurmglue::lint {

using compiler::Diagnostic;
using compiler::Severity;
using compiler::Source;

enum class Family : std::uint8_t { Template, Script, Directives, Pyxis, Images, AgentContract, SrunWrapper, Security };
std::string_view to_string(Family f);

// An Enroot release series, e.g. 3.5 or 4.0.
struct EnrootVersion {
  int major = 0;
  int minor = 0;
  auto operator<=>(const EnrootVersion&) const = default;
};
std::optional<EnrootVersion> parse_enroot_version(std::string_view text);
std::string to_string(EnrootVersion v);
inline constexpr EnrootVersion kNewestEnroot{4, 0};

struct RuleInfo {
  std::string_view id;       // stable code, e.g. "SG301"
  std::string_view name;     // stable name, printed in brackets, e.g. "directive-after-command"
  Family family;
  Severity severity;         // default severity
  std::string_view summary;  // one line
  std::string_view explanation;
  std::string_view failing;  // a template that triggers the rule
  std::string_view passing;  // the same template, fixed: lints clean
  std::string_view example_options = {};  // command-line options both examples are linted with
};

// Every rule, grouped by family, in a stable order.
std::span<const RuleInfo> rules();
// By id ("SG301") or name ("directive-after-command"); null when unknown.
const RuleInfo* find_rule(std::string_view id_or_name);

// What kind of script is linted: a ClearML template the glue renders (the
// default), or any Slurm batch script (no agent-contract rules; a template
// placeholder is a mistake there).
enum class Profile : std::uint8_t { ClearML, Sbatch };
std::optional<Profile> parse_profile(std::string_view name);
std::string_view to_string(Profile p);

struct LintOptions {
  Profile profile = Profile::ClearML;
  catalog::SlurmVersion slurm = catalog::newest_slurm_version();
  std::optional<catalog::PyxisVersion> pyxis = catalog::newest_pyxis_version();
  EnrootVersion enroot = kNewestEnroot;
  bool srun_delegation = false;
  // Run ShellCheck (the "shellcheck" program on PATH) on the shell part, with
  // placeholders replaced by text of the same width.
  bool shellcheck = false;
  // Variables a site sets outside the script (modules, the environment):
  // ShellCheck does not report them as never assigned (SC2154).
  std::set<std::string> site_variables;
  std::set<std::string> disabled;             // rule names (ids are resolved by the caller or here)
  std::map<std::string, Severity> severity;   // rule name -> severity
};

// Lints one template. Never throws on bad input; diagnostics come sorted by
// position, with suppression comments and `options` applied.
std::vector<Diagnostic> lint(const Source& source, const LintOptions& options = {});

// Lints several templates; with --shellcheck, one ShellCheck process checks
// them all (after every file's own checks). `progress`, when given, is called
// with the number of files checked so far, after each one.
std::vector<std::vector<Diagnostic>> lint_all(std::span<const Source> sources, std::span<const LintOptions> options,
                                              const std::function<void(std::size_t done)>& progress = {});

// One setting given as text ("slurm-version", "pyxis-version",
// "enroot-version", "profile"), read whole (never split into words): applied
// to `options`, or an error message saying what is expected.
std::string apply_setting(std::string_view key, std::string_view value, LintOptions& options);

// Applies the options of RuleInfo::example_options (e.g. "--slurm-version
// 23.11 --srun-delegation"), which the registry writes; returns an error
// message, or empty on success.
std::string apply_option_words(std::string_view words, LintOptions& options);

}  // namespace slurmglue::lint
