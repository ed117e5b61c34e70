// The options sbatch accepts, per Slurm release, and the options Pyxis adds,
// per Pyxis release: a data table derived from Slurm's sbatch(1) and Pyxis'
// documentation (names and argument kinds only; no upstream code).
#pragma once

#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "runtime/render/directive_options.hpp"

namespace slurmglue::catalog {

// A Slurm release series, e.g. 22.05 or 23.11.
struct SlurmVersion {
  int major = 0;
  int minor = 0;
  auto operator<=>(const SlurmVersion&) const = default;
};

// A Pyxis release, e.g. 0.24.0.
struct PyxisVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  auto operator<=>(const PyxisVersion&) const = default;
};

std::optional<SlurmVersion> parse_slurm_version(std::string_view text);  // "23.11" or "23.11.4"
std::optional<PyxisVersion> parse_pyxis_version(std::string_view text);  // "0.24" or "0.24.0"
std::string to_string(SlurmVersion v);
std::string to_string(PyxisVersion v);

// The releases the table knows, oldest first.
std::span<const SlurmVersion> known_slurm_versions();
SlurmVersion newest_slurm_version();
PyxisVersion newest_pyxis_version();

struct SbatchOptionEntry {
  std::string_view name;  // long name without "--"
  char short_name;        // 0 when none
  render::ArgKind arg;
  render::ValueKind value;
  SlurmVersion since;                  // first release that has it (22.05 for "all we know")
  std::optional<SlurmVersion> removed; // first release that no longer has it
};

struct PyxisOptionEntry {
  std::string_view name;  // long name without "--", e.g. "container-image"
  render::ArgKind arg;
  render::ValueKind value;
  PyxisVersion since;
};

std::span<const SbatchOptionEntry> sbatch_option_entries();
std::span<const PyxisOptionEntry> pyxis_option_entries();

// The options sbatch accepts at `slurm`, plus Pyxis' when `pyxis` is given
// (Pyxis registers them with sbatch through SPANK).
render::OptionTable sbatch_option_table(SlurmVersion slurm, std::optional<PyxisVersion> pyxis);

}  // namespace slurmglue::catalog
