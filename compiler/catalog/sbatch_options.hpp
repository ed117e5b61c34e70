// The options sbatch accepts, per Slurm release, and the options Pyxis adds,
// per Pyxis release: a data table derived from Slurm's sbatch(1) and Pyxis'
// documentation (names and argument kinds only; no upstream code).
#pragma once

#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
std::span<const PyxisVersion> known_pyxis_versions();  // every Pyxis release, oldest first
// Pyxis adds its options to sbatch from this release on (earlier ones only to srun).
PyxisVersion pyxis_sbatch_support_since();

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

// Every row. An option whose argument kind changed between releases, or that
// was removed and came back, has one row per range of releases, so a name can
// appear more than once; at most one of its rows is available at a release.
std::span<const SbatchOptionEntry> sbatch_option_entries();
std::span<const PyxisOptionEntry> pyxis_option_entries();

// Whether sbatch at `slurm` has the option of this row.
bool available_at(const SbatchOptionEntry& entry, SlurmVersion slurm);
// Whether sbatch sees this Pyxis option with Pyxis `pyxis` installed.
bool available_in_sbatch_at(const PyxisOptionEntry& entry, PyxisVersion pyxis);
// The row of the long option `name` (exact, without "--") at `slurm`, or null.
const SbatchOptionEntry* find_sbatch_option(std::string_view name, SlurmVersion slurm);
// The Pyxis option `name` (exact, without "--"), whatever its release, or null.
const PyxisOptionEntry* find_pyxis_option(std::string_view name);

// The options sbatch accepts at `slurm`, plus Pyxis' when `pyxis` is given
// (Pyxis registers them with sbatch through SPANK, from 0.12.0 on).
// (Inline so that code using only the rows above does not need the renderer's
// OptionTable implementation at link time.)
inline render::OptionTable sbatch_option_table(SlurmVersion slurm, std::optional<PyxisVersion> pyxis) {
  std::vector<render::OptionInfo> options;
  for (const auto& e : sbatch_option_entries()) {
    if (available_at(e, slurm)) options.push_back({std::string(e.name), e.short_name, e.arg, e.value});
  }
  if (pyxis) {
    for (const auto& e : pyxis_option_entries()) {
      if (available_in_sbatch_at(e, *pyxis)) options.push_back({std::string(e.name), 0, e.arg, e.value});
    }
  }
  return render::OptionTable(std::move(options));
}

}  // namespace slurmglue::catalog
