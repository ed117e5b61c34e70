// PROVISIONAL: a few common options so the compiler can be built; the complete
// per-release table replaces this file.
#include "compiler/catalog/sbatch_options.hpp"

#include <array>
#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace slurmglue::catalog {
namespace {
using render::ArgKind;
using render::ValueKind;
constexpr SlurmVersion k2205{22, 5};

constexpr std::array kSlurmVersions{SlurmVersion{22, 5}, SlurmVersion{23, 2}, SlurmVersion{23, 11},
                                    SlurmVersion{24, 5}, SlurmVersion{24, 11}, SlurmVersion{25, 5},
                                    SlurmVersion{25, 11}, SlurmVersion{26, 5}};

constexpr std::array kSbatch{
    SbatchOptionEntry{"account", 'A', ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"cpus-per-task", 'c', ArgKind::Required, ValueKind::Integer, k2205, {}},
    SbatchOptionEntry{"error", 'e', ArgKind::Required, ValueKind::FilenamePattern, k2205, {}},
    SbatchOptionEntry{"exclusive", 0, ArgKind::Optional, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"gres", 0, ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"gpus", 'G', ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"job-name", 'J', ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"mem", 0, ArgKind::Required, ValueKind::Memory, k2205, {}},
    SbatchOptionEntry{"mem-per-cpu", 0, ArgKind::Required, ValueKind::Memory, k2205, {}},
    SbatchOptionEntry{"mem-per-gpu", 0, ArgKind::Required, ValueKind::Memory, k2205, {}},
    SbatchOptionEntry{"nodes", 'N', ArgKind::Required, ValueKind::NodeCount, k2205, {}},
    SbatchOptionEntry{"ntasks", 'n', ArgKind::Required, ValueKind::Integer, k2205, {}},
    SbatchOptionEntry{"ntasks-per-node", 0, ArgKind::Required, ValueKind::Integer, k2205, {}},
    SbatchOptionEntry{"output", 'o', ArgKind::Required, ValueKind::FilenamePattern, k2205, {}},
    SbatchOptionEntry{"partition", 'p', ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"priority", 0, ArgKind::Required, ValueKind::Integer, k2205, {}},
    SbatchOptionEntry{"qos", 'q', ArgKind::Required, ValueKind::Any, k2205, {}},
    SbatchOptionEntry{"time", 't', ArgKind::Required, ValueKind::Time, k2205, {}},
    SbatchOptionEntry{"wrap", 0, ArgKind::Required, ValueKind::Any, k2205, {}},
};

constexpr PyxisVersion kPyxis0{0, 1, 0};
constexpr std::array kPyxis{
    PyxisOptionEntry{"container-image", ArgKind::Required, ValueKind::ContainerImage, kPyxis0},
    PyxisOptionEntry{"container-mounts", ArgKind::Required, ValueKind::ContainerMounts, kPyxis0},
    PyxisOptionEntry{"container-workdir", ArgKind::Required, ValueKind::Any, kPyxis0},
    PyxisOptionEntry{"container-name", ArgKind::Required, ValueKind::ContainerName, kPyxis0},
    PyxisOptionEntry{"container-remap-root", ArgKind::None, ValueKind::Any, kPyxis0},
    PyxisOptionEntry{"container-writable", ArgKind::None, ValueKind::Any, kPyxis0},
};

template <typename T>
std::optional<int> number(std::string_view& text) {
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(p - text.data()));
  return v;
}
}  // namespace

std::optional<SlurmVersion> parse_slurm_version(std::string_view text) {
  auto major = number<int>(text);
  if (!major || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  auto minor = number<int>(text);
  if (!minor) return std::nullopt;
  return SlurmVersion{*major, *minor};
}

std::optional<PyxisVersion> parse_pyxis_version(std::string_view text) {
  auto major = number<int>(text);
  if (!major || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  auto minor = number<int>(text);
  if (!minor) return std::nullopt;
  int patch = 0;
  if (!text.empty()) {
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    auto p = number<int>(text);
    if (!p || !text.empty()) return std::nullopt;
    patch = *p;
  }
  return PyxisVersion{*major, *minor, patch};
}

std::string to_string(SlurmVersion v) { return fmt::format("{}.{:02}", v.major, v.minor); }
std::string to_string(PyxisVersion v) { return fmt::format("{}.{}.{}", v.major, v.minor, v.patch); }
std::span<const SlurmVersion> known_slurm_versions() { return kSlurmVersions; }
SlurmVersion newest_slurm_version() { return kSlurmVersions.back(); }
PyxisVersion newest_pyxis_version() { return {0, 24, 0}; }
std::span<const SbatchOptionEntry> sbatch_option_entries() { return kSbatch; }
std::span<const PyxisOptionEntry> pyxis_option_entries() { return kPyxis; }

render::OptionTable sbatch_option_table(SlurmVersion slurm, std::optional<PyxisVersion> pyxis) {
  std::vector<render::OptionInfo> options;
  for (const auto& e : kSbatch) {
    if (slurm < e.since || (e.removed && slurm >= *e.removed)) continue;
    options.push_back({std::string(e.name), e.short_name, e.arg, e.value});
  }
  if (pyxis) {
    for (const auto& e : kPyxis) {
      if (*pyxis < e.since) continue;
      options.push_back({std::string(e.name), 0, e.arg, e.value});
    }
  }
  return render::OptionTable(std::move(options));
}

}  // namespace slurmglue::catalog
