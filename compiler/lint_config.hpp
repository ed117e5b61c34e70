// The project configuration of slurmglue-lint: a YAML file, by default
// .slurmglue-lint.yaml in the template's directory or the nearest parent:
//
//   slurm-version: "23.11"      # target releases, as on the command line
//   pyxis-version: "0.20"       # or none
//   enroot-version: "3.5"
//   srun-delegation: false      # or a list of templates (relative to this file)
//                               # that the glue runs with --srun-delegation
//   profile: sbatch             # clearml (templates, the default) or sbatch (--profile)
//   shellcheck: true            # also run ShellCheck (--shellcheck)
//   site-variables: [SCRATCH, EBROOTCUDA]         # set by modules or the site: not SC2154
//   disable: [abbreviated-option, SG606]          # rule names or ids
//   severity: {duplicate-option: error}           # error, warning, info, style
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compiler/lint.hpp"

namespace slurmglue::lint {

// The largest .slurmglue-lint.yaml read: a project's settings take a few lines.
inline constexpr std::size_t kMaxLintConfigBytes = std::size_t{64} << 10;

// Applies the file at `path` to `options` for linting `template_path` (empty
// for standard input); returns an error message naming the file, line,
// column and key, or empty. Each value is read whole and typed.
std::string load_config(const std::filesystem::path& path, LintOptions& options,
                        const std::filesystem::path& template_path = {});
// The nearest .slurmglue-lint.yaml in `directory` or above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace slurmglue::lint
