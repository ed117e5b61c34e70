#include "compiler/catalog/sbatch_options.hpp"

#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace slurmglue::catalog {
namespace {

using render::ArgKind;
using render::ValueKind;

constexpr SlurmVersion k2205{22, 5};
constexpr SlurmVersion k2302{23, 2};
constexpr SlurmVersion k2311{23, 11};
constexpr SlurmVersion k2405{24, 5};
constexpr SlurmVersion k2411{24, 11};
constexpr SlurmVersion k2505{25, 5};
constexpr SlurmVersion k2511{25, 11};
constexpr SlurmVersion k2605{26, 5};

bool has(std::string_view name, SlurmVersion v) { return find_sbatch_option(name, v) != nullptr; }

TEST(SbatchOptions, KnownVersionsInOrder) {
  auto versions = known_slurm_versions();
  ASSERT_EQ(versions.size(), 8u);
  EXPECT_EQ(versions.front(), k2205);
  EXPECT_EQ(versions.back(), k2605);
  EXPECT_EQ(newest_slurm_version(), k2605);
  for (std::size_t i = 1; i < versions.size(); ++i) EXPECT_LT(versions[i - 1], versions[i]);
}

TEST(SbatchOptions, ParseVersions) {
  EXPECT_EQ(parse_slurm_version("23.11"), k2311);
  EXPECT_EQ(parse_slurm_version("23.11.4"), k2311);
  EXPECT_EQ(parse_slurm_version("22.05"), k2205);
  EXPECT_FALSE(parse_slurm_version("23"));
  EXPECT_FALSE(parse_slurm_version("23.x"));
  EXPECT_FALSE(parse_slurm_version("23.11x"));
  EXPECT_EQ(to_string(k2205), "22.05");
  EXPECT_EQ(to_string(k2511), "25.11");
  EXPECT_EQ(parse_pyxis_version("0.24"), (PyxisVersion{0, 24, 0}));
  EXPECT_EQ(parse_pyxis_version("0.20.1"), (PyxisVersion{0, 20, 1}));
  EXPECT_FALSE(parse_pyxis_version("0.20.1.2"));
  EXPECT_EQ(to_string(PyxisVersion{0, 24, 0}), "0.24.0");
}

// Rows are well formed: names are bare long names, ranges are not empty, and
// at most one row of a name is available at any release.
TEST(SbatchOptions, RowsAreConsistent) {
  for (const auto& e : sbatch_option_entries()) {
    SCOPED_TRACE(std::string(e.name));
    EXPECT_FALSE(e.name.empty());
    EXPECT_NE(e.name.substr(0, 1), "-");
    for (char c : e.name) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    if (e.removed) {
      EXPECT_LT(e.since, *e.removed);
    }
  }
  for (auto v : known_slurm_versions()) {
    std::set<std::string_view> names;
    std::set<char> letters;
    for (const auto& e : sbatch_option_entries()) {
      if (!available_at(e, v)) continue;
      EXPECT_TRUE(names.insert(e.name).second) << e.name << " twice at " << to_string(v);
      if (e.short_name) {
        EXPECT_TRUE(letters.insert(e.short_name).second) << e.short_name << " twice";
      }
    }
  }
}

TEST(SbatchOptions, OptionCountsPerRelease) {
  auto count = [](SlurmVersion v) {
    std::size_t n = 0;
    for (const auto& e : sbatch_option_entries()) n += available_at(e, v) ? 1 : 0;
    return n;
  };
  EXPECT_EQ(count(k2205), 106u);
  EXPECT_EQ(count(k2302), 110u);
  EXPECT_EQ(count(k2311), 110u);
  EXPECT_EQ(count(k2405), 113u);
  EXPECT_EQ(count(k2411), 114u);
  EXPECT_EQ(count(k2505), 115u);
  EXPECT_EQ(count(k2511), 118u);
  EXPECT_EQ(count(k2605), 120u);
}

TEST(SbatchOptions, AddedInLaterReleases) {
  const std::pair<std::string_view, SlurmVersion> added[] = {
      {"extra", k2302},         {"container-id", k2302},  {"tres-per-task", k2302},
      {"autocomplete", k2302},  {"tres-bind", k2311},     {"segment", k2405},
      {"stepmgr", k2405},       {"resv-ports", k2405},    {"oom-kill-step", k2411},
      {"external", k2505},      {"resources", k2511},     {"spread-segments", k2511},
      {"consolidate-segments", k2511}, {"mem-update", k2605}, {"container-type", k2605},
  };
  for (const auto& [name, since] : added) {
    SCOPED_TRACE(std::string(name));
    for (auto v : known_slurm_versions()) EXPECT_EQ(has(name, v), v >= since) << to_string(v);
  }
}

TEST(SbatchOptions, RemovedOptions) {
  // --power: gone in 24.05.
  EXPECT_TRUE(has("power", k2205));
  EXPECT_TRUE(has("power", k2311));
  EXPECT_FALSE(has("power", k2405));
  EXPECT_FALSE(has("power", k2605));
  // --export-file: removed in 23.11, restored in 24.05.
  EXPECT_TRUE(has("export-file", k2205));
  EXPECT_TRUE(has("export-file", k2302));
  EXPECT_FALSE(has("export-file", k2311));
  EXPECT_TRUE(has("export-file", k2405));
  EXPECT_TRUE(has("export-file", k2605));
}

TEST(SbatchOptions, ShortLetters) {
  const std::pair<std::string_view, char> letters[] = {
      {"account", 'A'},   {"array", 'a'},          {"begin", 'b'},         {"extra-node-info", 'B'},
      {"cpus-per-task", 'c'}, {"constraint", 'C'}, {"dependency", 'd'},    {"chdir", 'D'},
      {"error", 'e'},     {"nodefile", 'F'},       {"gpus", 'G'},          {"help", 'h'},
      {"hold", 'H'},      {"input", 'i'},          {"job-name", 'J'},      {"no-kill", 'k'},
      {"licenses", 'L'},  {"distribution", 'm'},   {"clusters", 'M'},      {"ntasks", 'n'},
      {"nodes", 'N'},     {"output", 'o'},         {"overcommit", 'O'},    {"partition", 'p'},
      {"qos", 'q'},       {"quiet", 'Q'},          {"oversubscribe", 's'}, {"core-spec", 'S'},
      {"time", 't'},      {"verbose", 'v'},        {"version", 'V'},       {"nodelist", 'w'},
      {"wait", 'W'},      {"exclude", 'x'},
  };
  for (auto v : known_slurm_versions()) {
    std::size_t with_letter = 0;
    for (const auto& e : sbatch_option_entries()) with_letter += (available_at(e, v) && e.short_name) ? 1 : 0;
    EXPECT_EQ(with_letter, std::size(letters)) << to_string(v);
    for (const auto& [name, letter] : letters) {
      const auto* e = find_sbatch_option(name, v);
      ASSERT_NE(e, nullptr) << name;
      EXPECT_EQ(e->short_name, letter) << name;
    }
  }
  EXPECT_EQ(find_sbatch_option("mem", k2205)->short_name, 0);
  EXPECT_EQ(find_sbatch_option("exclusive", k2205)->short_name, 0);
}

TEST(SbatchOptions, TrickyArgumentKinds) {
  for (auto v : known_slurm_versions()) {
    SCOPED_TRACE(to_string(v));
    EXPECT_EQ(find_sbatch_option("exclusive", v)->arg, ArgKind::Optional);
    EXPECT_EQ(find_sbatch_option("propagate", v)->arg, ArgKind::Optional);
    EXPECT_EQ(find_sbatch_option("nice", v)->arg, ArgKind::Optional);
    EXPECT_EQ(find_sbatch_option("no-kill", v)->arg, ArgKind::Optional);
    EXPECT_EQ(find_sbatch_option("no-requeue", v)->arg, ArgKind::None);
    EXPECT_EQ(find_sbatch_option("hold", v)->arg, ArgKind::None);
    EXPECT_EQ(find_sbatch_option("parsable", v)->arg, ArgKind::None);
    EXPECT_EQ(find_sbatch_option("test-only", v)->arg, ArgKind::None);
    EXPECT_EQ(find_sbatch_option("wait-all-nodes", v)->arg, ArgKind::Required);
    EXPECT_EQ(find_sbatch_option("wrap", v)->arg, ArgKind::Required);
    EXPECT_EQ(find_sbatch_option("export", v)->arg, ArgKind::Required);
  }
  // --get-user-env[=timeout][mode] until 24.11; no argument from 25.05.
  EXPECT_EQ(find_sbatch_option("get-user-env", k2205)->arg, ArgKind::Optional);
  EXPECT_EQ(find_sbatch_option("get-user-env", k2411)->arg, ArgKind::Optional);
  EXPECT_EQ(find_sbatch_option("get-user-env", k2505)->arg, ArgKind::None);
  EXPECT_EQ(find_sbatch_option("get-user-env", k2605)->arg, ArgKind::None);
  // --requeue takes no argument until 25.05, --requeue[=expedited] from 25.11.
  EXPECT_EQ(find_sbatch_option("requeue", k2205)->arg, ArgKind::None);
  EXPECT_EQ(find_sbatch_option("requeue", k2505)->arg, ArgKind::None);
  EXPECT_EQ(find_sbatch_option("requeue", k2511)->arg, ArgKind::Optional);
  EXPECT_EQ(find_sbatch_option("requeue", k2605)->arg, ArgKind::Optional);
  EXPECT_EQ(find_sbatch_option("oom-kill-step", k2411)->arg, ArgKind::Optional);
  EXPECT_EQ(find_sbatch_option("resv-ports", k2405)->arg, ArgKind::Optional);
}

TEST(SbatchOptions, ValueKinds) {
  const std::pair<std::string_view, ValueKind> kinds[] = {
      {"time", ValueKind::Time},
      {"time-min", ValueKind::Time},
      {"mem", ValueKind::Memory},
      {"mem-per-cpu", ValueKind::Memory},
      {"mem-per-gpu", ValueKind::Memory},
      {"tmp", ValueKind::Memory},
      {"nodes", ValueKind::NodeCount},
      {"ntasks", ValueKind::Count},
      {"cpus-per-task", ValueKind::Count},
      {"ntasks-per-node", ValueKind::Count},
      {"core-spec", ValueKind::Integer},
      {"open-mode", ValueKind::OpenMode},
      {"mail-type", ValueKind::MailTypes},
      {"kill-on-invalid-dep", ValueKind::YesNo},
      {"priority", ValueKind::Priority},
      {"nice", ValueKind::Integer},
      {"mincpus", ValueKind::Count},
      {"output", ValueKind::FilenamePattern},
      {"error", ValueKind::FilenamePattern},
      {"input", ValueKind::FilenamePattern},
      {"job-name", ValueKind::Any},
      {"partition", ValueKind::Any},
      {"gres", ValueKind::Any},
      {"gpus", ValueKind::Any},
      {"begin", ValueKind::TimeSpec},
      {"deadline", ValueKind::TimeSpec},
      {"dependency", ValueKind::Dependency},
      {"distribution", ValueKind::Distribution},
      {"hint", ValueKind::Hints},
      {"comment", ValueKind::Any},
  };
  for (const auto& [name, kind] : kinds) {
    const auto* e = find_sbatch_option(name, k2205);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->value, kind) << name;
  }
}

TEST(SbatchOptions, UnknownNamesAndPrefixes) {
  EXPECT_FALSE(has("part", k2205));  // only a prefix: find is exact
  EXPECT_FALSE(has("container-image", k2605));
  EXPECT_FALSE(has("x11", k2205));  // srun/salloc only
  EXPECT_FALSE(has("umask", k2205));
  EXPECT_FALSE(has("", k2205));
}

TEST(PyxisOptions, ReleaseHistory) {
  const std::pair<std::string_view, PyxisVersion> since[] = {
      {"container-image", {0, 1, 0}},          {"container-mounts", {0, 1, 0}},
      {"container-workdir", {0, 1, 0}},        {"container-name", {0, 1, 0}},
      {"container-mount-home", {0, 3, 0}},     {"no-container-mount-home", {0, 3, 0}},
      {"container-remap-root", {0, 4, 0}},     {"no-container-remap-root", {0, 4, 0}},
      {"container-save", {0, 7, 0}},           {"container-entrypoint", {0, 8, 0}},
      {"no-container-entrypoint", {0, 8, 0}},  {"container-writable", {0, 11, 0}},
      {"container-readonly", {0, 11, 0}},      {"container-env", {0, 15, 0}},
      {"container-entrypoint-log", {0, 20, 0}}, {"container-unshare", {0, 24, 0}},
  };
  EXPECT_EQ(pyxis_option_entries().size(), std::size(since));
  for (const auto& [name, v] : since) {
    const auto* e = find_pyxis_option(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->since, v) << name;
  }
  EXPECT_EQ(find_pyxis_option("container-env-vars"), nullptr);
  EXPECT_EQ(newest_pyxis_version(), (PyxisVersion{0, 24, 0}));
  EXPECT_EQ(known_pyxis_versions().front(), (PyxisVersion{0, 1, 0}));
}

TEST(PyxisOptions, KindsAndArguments) {
  EXPECT_EQ(find_pyxis_option("container-image")->value, ValueKind::ContainerImage);
  EXPECT_EQ(find_pyxis_option("container-mounts")->value, ValueKind::ContainerMounts);
  EXPECT_EQ(find_pyxis_option("container-name")->value, ValueKind::ContainerName);
  for (std::string_view name : {"container-image", "container-mounts", "container-workdir", "container-name",
                                "container-save", "container-env", "container-unshare"}) {
    EXPECT_EQ(find_pyxis_option(name)->arg, ArgKind::Required) << name;
  }
  for (std::string_view name :
       {"container-mount-home", "no-container-mount-home", "container-remap-root", "no-container-remap-root",
        "container-entrypoint", "no-container-entrypoint", "container-entrypoint-log", "container-writable",
        "container-readonly"}) {
    EXPECT_EQ(find_pyxis_option(name)->arg, ArgKind::None) << name;
  }
}

TEST(PyxisOptions, SbatchSupportFrom012) {
  EXPECT_EQ(pyxis_sbatch_support_since(), (PyxisVersion{0, 12, 0}));
  const auto* image = find_pyxis_option("container-image");
  const auto* env = find_pyxis_option("container-env");
  const auto* unshare = find_pyxis_option("container-unshare");
  EXPECT_FALSE(available_in_sbatch_at(*image, {0, 11, 1}));
  EXPECT_TRUE(available_in_sbatch_at(*image, {0, 12, 0}));
  EXPECT_FALSE(available_in_sbatch_at(*env, {0, 14, 0}));
  EXPECT_TRUE(available_in_sbatch_at(*env, {0, 15, 0}));
  EXPECT_FALSE(available_in_sbatch_at(*unshare, {0, 23, 0}));
  EXPECT_TRUE(available_in_sbatch_at(*unshare, {0, 24, 0}));
}

// No Pyxis option collides with an sbatch option at any release.
TEST(PyxisOptions, NoClashWithSbatch) {
  for (const auto& p : pyxis_option_entries()) {
    for (auto v : known_slurm_versions()) EXPECT_FALSE(has(p.name, v)) << p.name;
  }
}

}  // namespace
}  // namespace slurmglue::catalog
