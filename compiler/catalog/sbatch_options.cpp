// The options of sbatch per Slurm release series (22.05 to 26.05) and the
// options Pyxis registers with sbatch, per Pyxis release. Facts only: option
// names, short letters and whether they take an argument, as Slurm's option
// table (src/common/slurm_opt.c, options valid for sbatch) and sbatch(1), and
// Pyxis' args.c, list them at each release tag. The 22.05 rows are checked
// against the real sbatch by tests/integration/sbatch_options_test.sh.
#include "compiler/catalog/sbatch_options.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

namespace slurmglue::catalog {
namespace {
using A = render::ArgKind;
using K = render::ValueKind;
using E = SbatchOptionEntry;
using P = PyxisOptionEntry;

constexpr SlurmVersion V2205{22, 5};
constexpr SlurmVersion V2302{23, 2};
constexpr SlurmVersion V2311{23, 11};
constexpr SlurmVersion V2405{24, 5};
constexpr SlurmVersion V2411{24, 11};
constexpr SlurmVersion V2505{25, 5};
constexpr SlurmVersion V2511{25, 11};
constexpr SlurmVersion V2605{26, 5};

constexpr std::array kSlurmVersions{V2205, V2302, V2311, V2405, V2411, V2505, V2511, V2605};

// One row per option and release range. An option whose argument kind changed,
// or that went away and came back, has one row per range:
//   --export-file: removed in 23.11, back in 24.05;
//   --get-user-env: optional argument until 24.11, none from 25.05;
//   --requeue: no argument until 25.05, optional argument from 25.11.
// Value kinds: Count where sbatch reads a positive integer (parse_int with
// `positive`), Integer where it reads another (--nice may be negative);
// Priority, an integer or TOP; OpenMode, MailTypes and YesNo keywords; Memory where it reads a size
// with an optional K/M/G/T suffix (also --tmp).
constexpr std::array kSbatch{
    E{"account", 'A', A::Required, K::Any, V2205, {}},
    E{"acctg-freq", 0, A::Required, K::Any, V2205, {}},
    E{"array", 'a', A::Required, K::ArrayIndexes, V2205, {}},
    E{"autocomplete", 0, A::Required, K::Any, V2302, {}},
    E{"batch", 0, A::Required, K::Any, V2205, {}},
    E{"bb", 0, A::Required, K::Any, V2205, {}},
    E{"bbf", 0, A::Required, K::Any, V2205, {}},
    E{"begin", 'b', A::Required, K::TimeSpec, V2205, {}},
    E{"chdir", 'D', A::Required, K::Any, V2205, {}},
    E{"cluster", 0, A::Required, K::Any, V2205, {}},
    E{"cluster-constraint", 0, A::Required, K::Any, V2205, {}},
    E{"clusters", 'M', A::Required, K::Any, V2205, {}},
    E{"comment", 0, A::Required, K::Any, V2205, {}},
    E{"consolidate-segments", 0, A::None, K::Any, V2511, {}},
    E{"constraint", 'C', A::Required, K::Any, V2205, {}},
    E{"container", 0, A::Required, K::Any, V2205, {}},
    E{"container-id", 0, A::Required, K::Any, V2302, {}},
    E{"container-type", 0, A::Required, K::Any, V2605, {}},
    E{"context", 0, A::Required, K::Any, V2205, {}},
    E{"contiguous", 0, A::None, K::Any, V2205, {}},
    E{"core-spec", 'S', A::Required, K::Integer, V2205, {}},
    E{"cores-per-socket", 0, A::Required, K::Count, V2205, {}},
    E{"cpu-freq", 0, A::Required, K::Any, V2205, {}},
    E{"cpus-per-gpu", 0, A::Required, K::Count, V2205, {}},
    E{"cpus-per-task", 'c', A::Required, K::Count, V2205, {}},
    E{"deadline", 0, A::Required, K::TimeSpec, V2205, {}},
    E{"delay-boot", 0, A::Required, K::Any, V2205, {}},
    E{"dependency", 'd', A::Required, K::Dependency, V2205, {}},
    E{"distribution", 'm', A::Required, K::Distribution, V2205, {}},
    E{"error", 'e', A::Required, K::FilenamePattern, V2205, {}},
    E{"exclude", 'x', A::Required, K::Any, V2205, {}},
    E{"exclusive", 0, A::Optional, K::Any, V2205, {}},
    E{"export", 0, A::Required, K::Any, V2205, {}},
    E{"export-file", 0, A::Required, K::Any, V2205, V2311},
    E{"export-file", 0, A::Required, K::Any, V2405, {}},
    E{"external", 0, A::None, K::Any, V2505, {}},
    E{"extra", 0, A::Required, K::Any, V2302, {}},
    E{"extra-node-info", 'B', A::Required, K::Any, V2205, {}},
    E{"get-user-env", 0, A::Optional, K::Any, V2205, V2505},
    E{"get-user-env", 0, A::None, K::Any, V2505, {}},
    E{"gid", 0, A::Required, K::Any, V2205, {}},
    E{"gpu-bind", 0, A::Required, K::Any, V2205, {}},
    E{"gpu-freq", 0, A::Required, K::Any, V2205, {}},
    E{"gpus", 'G', A::Required, K::Any, V2205, {}},
    E{"gpus-per-node", 0, A::Required, K::Any, V2205, {}},
    E{"gpus-per-socket", 0, A::Required, K::Any, V2205, {}},
    E{"gpus-per-task", 0, A::Required, K::Any, V2205, {}},
    E{"gres", 0, A::Required, K::Any, V2205, {}},
    E{"gres-flags", 0, A::Required, K::Any, V2205, {}},
    E{"help", 'h', A::None, K::Any, V2205, {}},
    E{"hint", 0, A::Required, K::Hints, V2205, {}},
    E{"hold", 'H', A::None, K::Any, V2205, {}},
    E{"ignore-pbs", 0, A::None, K::Any, V2205, {}},
    E{"input", 'i', A::Required, K::FilenamePattern, V2205, {}},
    E{"job-name", 'J', A::Required, K::Any, V2205, {}},
    E{"kill-on-invalid-dep", 0, A::Required, K::YesNo, V2205, {}},
    E{"licenses", 'L', A::Required, K::Any, V2205, {}},
    E{"mail-type", 0, A::Required, K::MailTypes, V2205, {}},
    E{"mail-user", 0, A::Required, K::Any, V2205, {}},
    E{"mcs-label", 0, A::Required, K::Any, V2205, {}},
    E{"mem", 0, A::Required, K::Memory, V2205, {}},
    E{"mem-bind", 0, A::Required, K::Any, V2205, {}},
    E{"mem-per-cpu", 0, A::Required, K::Memory, V2205, {}},
    E{"mem-per-gpu", 0, A::Required, K::Memory, V2205, {}},
    E{"mem-update", 0, A::Required, K::Any, V2605, {}},
    E{"mincpus", 0, A::Required, K::Count, V2205, {}},
    E{"network", 0, A::Required, K::Any, V2205, {}},
    E{"nice", 0, A::Optional, K::Integer, V2205, {}},
    E{"no-kill", 'k', A::Optional, K::Any, V2205, {}},
    E{"no-requeue", 0, A::None, K::Any, V2205, {}},
    E{"nodefile", 'F', A::Required, K::Any, V2205, {}},
    E{"nodelist", 'w', A::Required, K::Any, V2205, {}},
    E{"nodes", 'N', A::Required, K::NodeCount, V2205, {}},
    E{"ntasks", 'n', A::Required, K::Count, V2205, {}},
    E{"ntasks-per-core", 0, A::Required, K::Count, V2205, {}},
    E{"ntasks-per-gpu", 0, A::Required, K::Count, V2205, {}},
    E{"ntasks-per-node", 0, A::Required, K::Count, V2205, {}},
    E{"ntasks-per-socket", 0, A::Required, K::Count, V2205, {}},
    E{"ntasks-per-tres", 0, A::Required, K::Count, V2205, {}},
    E{"oom-kill-step", 0, A::Optional, K::Integer, V2411, {}},
    E{"open-mode", 0, A::Required, K::OpenMode, V2205, {}},
    E{"output", 'o', A::Required, K::FilenamePattern, V2205, {}},
    E{"overcommit", 'O', A::None, K::Any, V2205, {}},
    E{"oversubscribe", 's', A::None, K::Any, V2205, {}},
    E{"parsable", 0, A::None, K::Any, V2205, {}},
    E{"partition", 'p', A::Required, K::Any, V2205, {}},
    E{"power", 0, A::Required, K::Any, V2205, V2405},
    E{"prefer", 0, A::Required, K::Any, V2205, {}},
    E{"priority", 0, A::Required, K::Priority, V2205, {}},
    E{"profile", 0, A::Required, K::Any, V2205, {}},
    E{"propagate", 0, A::Optional, K::Any, V2205, {}},
    E{"qos", 'q', A::Required, K::Any, V2205, {}},
    E{"quiet", 'Q', A::None, K::Any, V2205, {}},
    E{"reboot", 0, A::None, K::Any, V2205, {}},
    E{"requeue", 0, A::None, K::Any, V2205, V2511},
    E{"requeue", 0, A::Optional, K::Any, V2511, {}},
    E{"reservation", 0, A::Required, K::Any, V2205, {}},
    E{"resources", 0, A::Required, K::Any, V2511, {}},
    E{"resv-ports", 0, A::Optional, K::Integer, V2405, {}},
    E{"segment", 0, A::Required, K::Integer, V2405, {}},
    E{"signal", 0, A::Required, K::Signal, V2205, {}},
    E{"sockets-per-node", 0, A::Required, K::Count, V2205, {}},
    E{"spread-job", 0, A::None, K::Any, V2205, {}},
    E{"spread-segments", 0, A::None, K::Any, V2511, {}},
    E{"stepmgr", 0, A::None, K::Any, V2405, {}},
    E{"switches", 0, A::Required, K::Any, V2205, {}},
    E{"tasks-per-node", 0, A::Required, K::Count, V2205, {}},
    E{"test-only", 0, A::None, K::Any, V2205, {}},
    E{"thread-spec", 0, A::Required, K::Count, V2205, {}},
    E{"threads-per-core", 0, A::Required, K::Count, V2205, {}},
    E{"time", 't', A::Required, K::Time, V2205, {}},
    E{"time-min", 0, A::Required, K::Time, V2205, {}},
    E{"tmp", 0, A::Required, K::Memory, V2205, {}},
    E{"tres-bind", 0, A::Required, K::Any, V2311, {}},
    E{"tres-per-task", 0, A::Required, K::Any, V2302, {}},
    E{"uid", 0, A::Required, K::Any, V2205, {}},
    E{"usage", 0, A::None, K::Any, V2205, {}},
    E{"use-min-nodes", 0, A::None, K::Any, V2205, {}},
    E{"verbose", 'v', A::None, K::Any, V2205, {}},
    E{"version", 'V', A::None, K::Any, V2205, {}},
    E{"wait", 'W', A::None, K::Any, V2205, {}},
    E{"wait-all-nodes", 0, A::Required, K::Integer, V2205, {}},
    E{"wckey", 0, A::Required, K::Any, V2205, {}},
    E{"wrap", 0, A::Required, K::Any, V2205, {}},
};

// Pyxis registers its options with sbatch only from 0.12.0 (before, only srun
// saw them). `since` is the Pyxis release that added the option.
constexpr PyxisVersion kPyxisSbatchSupport{0, 12, 0};
constexpr std::array kPyxis{
    P{"container-image", A::Required, K::ContainerImage, {0, 1, 0}},
    P{"container-mounts", A::Required, K::ContainerMounts, {0, 1, 0}},
    P{"container-workdir", A::Required, K::Any, {0, 1, 0}},
    P{"container-name", A::Required, K::ContainerName, {0, 1, 0}},
    P{"container-mount-home", A::None, K::Any, {0, 3, 0}},
    P{"no-container-mount-home", A::None, K::Any, {0, 3, 0}},
    P{"container-remap-root", A::None, K::Any, {0, 4, 0}},
    P{"no-container-remap-root", A::None, K::Any, {0, 4, 0}},
    P{"container-save", A::Required, K::Any, {0, 7, 0}},
    P{"container-entrypoint", A::None, K::Any, {0, 8, 0}},
    P{"no-container-entrypoint", A::None, K::Any, {0, 8, 0}},
    P{"container-writable", A::None, K::Any, {0, 11, 0}},
    P{"container-readonly", A::None, K::Any, {0, 11, 0}},
    P{"container-env", A::Required, K::Any, {0, 15, 0}},
    P{"container-entrypoint-log", A::None, K::Any, {0, 20, 0}},
    P{"container-unshare", A::Required, K::Any, {0, 24, 0}},
};

constexpr std::array kPyxisVersions{
    PyxisVersion{0, 1, 0},  PyxisVersion{0, 2, 0},   PyxisVersion{0, 3, 0},  PyxisVersion{0, 4, 0},
    PyxisVersion{0, 5, 0},  PyxisVersion{0, 6, 0},   PyxisVersion{0, 7, 0},  PyxisVersion{0, 8, 0},
    PyxisVersion{0, 8, 1},  PyxisVersion{0, 9, 0},   PyxisVersion{0, 9, 1},  PyxisVersion{0, 10, 0},
    PyxisVersion{0, 11, 0}, PyxisVersion{0, 11, 1},  PyxisVersion{0, 12, 0}, PyxisVersion{0, 13, 0},
    PyxisVersion{0, 14, 0}, PyxisVersion{0, 15, 0},  PyxisVersion{0, 16, 0}, PyxisVersion{0, 16, 1},
    PyxisVersion{0, 17, 0}, PyxisVersion{0, 18, 0},  PyxisVersion{0, 19, 0}, PyxisVersion{0, 20, 0},
    PyxisVersion{0, 20, 1}, PyxisVersion{0, 21, 0},  PyxisVersion{0, 22, 0}, PyxisVersion{0, 23, 0},
    PyxisVersion{0, 24, 0},
};

// "A.B" or "A.B.C" (decimal numbers): the numbers, C = 0 when absent.
struct Dotted {
  int a = 0, b = 0, c = 0;
};
std::optional<Dotted> parse_dotted(std::string_view text) {
  int parts[3] = {0, 0, 0};
  std::size_t count = 0;
  while (count < 3) {
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), parts[count]);
    if (ec != std::errc{} || p == text.data()) return std::nullopt;
    ++count;
    text.remove_prefix(static_cast<std::size_t>(p - text.data()));
    if (text.empty()) break;
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
  }
  if (count < 2 || !text.empty()) return std::nullopt;
  return Dotted{parts[0], parts[1], parts[2]};
}
}  // namespace

std::optional<SlurmVersion> parse_slurm_version(std::string_view text) {
  auto d = parse_dotted(text);  // the patch level, if any, is not part of the series
  if (!d) return std::nullopt;
  return SlurmVersion{d->a, d->b};
}

std::optional<PyxisVersion> parse_pyxis_version(std::string_view text) {
  auto d = parse_dotted(text);
  if (!d) return std::nullopt;
  return PyxisVersion{d->a, d->b, d->c};
}

std::string to_string(SlurmVersion v) { return fmt::format("{}.{:02}", v.major, v.minor); }
std::string to_string(PyxisVersion v) { return fmt::format("{}.{}.{}", v.major, v.minor, v.patch); }
std::span<const SlurmVersion> known_slurm_versions() { return kSlurmVersions; }
SlurmVersion newest_slurm_version() { return kSlurmVersions.back(); }
std::span<const PyxisVersion> known_pyxis_versions() { return kPyxisVersions; }
PyxisVersion newest_pyxis_version() { return kPyxisVersions.back(); }
PyxisVersion pyxis_sbatch_support_since() { return kPyxisSbatchSupport; }
std::span<const SbatchOptionEntry> sbatch_option_entries() { return kSbatch; }
std::span<const PyxisOptionEntry> pyxis_option_entries() { return kPyxis; }

bool available_at(const SbatchOptionEntry& e, SlurmVersion slurm) {
  return slurm >= e.since && !(e.removed && slurm >= *e.removed);
}

bool available_in_sbatch_at(const PyxisOptionEntry& e, PyxisVersion pyxis) {
  return pyxis >= e.since && pyxis >= kPyxisSbatchSupport;
}

const SbatchOptionEntry* find_sbatch_option(std::string_view name, SlurmVersion slurm) {
  auto it = std::find_if(kSbatch.begin(), kSbatch.end(),
                         [&](const SbatchOptionEntry& e) { return e.name == name && available_at(e, slurm); });
  return it == kSbatch.end() ? nullptr : &*it;
}

const PyxisOptionEntry* find_pyxis_option(std::string_view name) {
  auto it = std::find_if(kPyxis.begin(), kPyxis.end(), [&](const PyxisOptionEntry& e) { return e.name == name; });
  return it == kPyxis.end() ? nullptr : &*it;
}

}  // namespace slurmglue::catalog
