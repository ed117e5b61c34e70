// Pyxis family: the --container-* options of #SBATCH lines and of srun
// command lines (an srun wrapper, steps), checked the way Pyxis itself checks
// them (domain.md section 4), for the target Pyxis release.
#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/catalog/variables.hpp"
#include "compiler/rules/context.hpp"
#include "compiler/value_flow.hpp"
#include "grammar/container_mounts.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Pyxis;
#define HEAD "#!/bin/bash\n"
#define OK "\n${CLEARML_AGENT_EXECUTE}\n"
#define IMG "#SBATCH --container-image=ubuntu:22.04\n"

const RuleInfo kRules[] = {
    {"SG401", "pyxis-conflicting-options", F, Error, "Two Pyxis options that exclude each other are both given.",
     "Pyxis fails with 'both ... were specified' for --container-mount-home/--no-container-mount-home, "
     "--container-remap-root/--no-container-remap-root, --container-entrypoint/--no-container-entrypoint and "
     "--container-writable/--container-readonly. Keep one.",
     HEAD IMG "#SBATCH --container-writable\n#SBATCH --container-readonly" OK,
     HEAD IMG "#SBATCH --container-writable" OK},
    {"SG402", "pyxis-repeated-option", F, Error, "A single-valued Pyxis option is given twice with different values.",
     "--container-image, --container-workdir, --container-name and --container-save may be repeated only with "
     "the same value; Pyxis fails otherwise. srun steps inherit the #SBATCH container options, so an srun "
     "--container-image that differs from the #SBATCH one fails too ('specified multiple times'). Keep one.",
     HEAD IMG "#SBATCH --container-image=ubuntu:24.04" OK, HEAD IMG OK},
    {"SG403", "pyxis-empty-value", F, Error, "A Pyxis option, or an item of its list, is empty.",
     "Pyxis rejects empty values and empty items (',,') in --container-mounts, --container-env and "
     "--container-unshare.",
     HEAD IMG "#SBATCH --container-workdir=" OK, HEAD IMG "#SBATCH --container-workdir=/work" OK},
    {"SG404", "pyxis-trailing-comma", F, Error, "A Pyxis list option ends with a comma.",
     "Pyxis rejects a trailing comma in --container-mounts, --container-env and --container-unshare. Drop it.",
     HEAD IMG "#SBATCH --container-mounts=/data:/data," OK, HEAD IMG "#SBATCH --container-mounts=/data:/data" OK},
    {"SG405", "container-save-directory", F, Error, "--container-save ends with '/'.",
     "Pyxis needs a file name for --container-save, not a directory. Name the squashfs file.",
     HEAD IMG "#SBATCH --container-save=/scratch/" OK, HEAD IMG "#SBATCH --container-save=/scratch/image.sqsh" OK},
    {"SG406", "container-name-flag", F, Error, "--container-name has a bad flag or name.",
     "--container-name takes NAME[:FLAG] with FLAG one of auto, create, exec, no_exec.",
     HEAD IMG "#SBATCH --container-name=train:reuse" OK, HEAD IMG "#SBATCH --container-name=train:exec" OK},
    {"SG407", "container-unshare-value", F, Error, "--container-unshare has a namespace Pyxis does not know.",
     "--container-unshare takes a comma-separated list of net, ipc and uts.",
     HEAD IMG "#SBATCH --container-unshare=pid" OK, HEAD IMG "#SBATCH --container-unshare=net" OK},
    {"SG408", "unknown-container-option", F, Error, "No Pyxis release has this --container-* option.",
     "sbatch fails with 'unrecognized option'. A close name is suggested. There is no --container-env-* family.",
     HEAD IMG "#SBATCH --container-workdirs=/data" OK, HEAD IMG "#SBATCH --container-workdir=/data" OK},
    {"SG409", "pyxis-option-unavailable", F, Error, "The Pyxis option does not exist in sbatch at the target release.",
     "Without Pyxis (--pyxis-version none), before Pyxis 0.12 (no sbatch support) or before the release that added "
     "the option, sbatch fails with 'unrecognized option'.",
     HEAD IMG "#SBATCH --container-unshare=net" OK, HEAD IMG OK, "--pyxis-version 0.20"},
    {"SG410", "container-option-without-image", F, Warning, "A Pyxis option does nothing without an image or a name.",
     "Pyxis ignores container options (other than --container-env and --container-unshare) when neither "
     "--container-image nor --container-name is given, with a warning. Add --container-image.",
     HEAD "#SBATCH --container-writable" OK, HEAD IMG "#SBATCH --container-writable" OK},
    {"SG411", "squashfs-without-path", F, Warning, "A squashfs image file is named without ./ or /.",
     "Pyxis reads an image starting with '.' or '/' as a file; 'image.sqsh' is pulled from Docker Hub as "
     "library/image.sqsh. Write ./image.sqsh or an absolute path.",
     HEAD "#SBATCH --container-image=pytorch.sqsh" OK, HEAD "#SBATCH --container-image=./pytorch.sqsh" OK},
    {"SG412", "container-mounts-syntax", F, Error, "--container-mounts is not SRC[:DST[:FLAGS]][,...].",
     "Items are split on ',' then ':'. SRC starts with '.' or '/' (or is tmpfs or umount), DST starts with '.' "
     "or '/', FLAGS are joined with '+' (ro+rbind).",
     HEAD IMG "#SBATCH --container-mounts=data:/data" OK, HEAD IMG "#SBATCH --container-mounts=./data:/data" OK},
    {"SG413", "mount-path-blank", F, Warning, "A --container-mounts path holds a blank.",
     "Pyxis splits --container-mounts on ',' and ':' only, so a blank stays in the path: a quoted blank or, from "
     "Slurm 24.05 on, an escaped one ('\\ ') makes the mount point a directory whose name has a blank, often at "
     "its end (--container-mounts=/data:/data\\ \\ mounts at '/data '). Remove the blank.",
     HEAD IMG "#SBATCH --container-mounts=/data:/data\\ \\" OK, HEAD IMG "#SBATCH --container-mounts=/data:/data" OK,
     "--slurm-version 24.05"},
    {"SG414", "container-env-name", F, Warning, "A --container-env item is not a variable's name.",
     "--container-env takes NAME[,NAME...]: the variables whose values Pyxis takes from the job's environment "
     "over the image's. An item NAME=VALUE names no variable, so nothing is set. Export NAME=VALUE in the script "
     "and list NAME.",
     HEAD IMG "#SBATCH --container-env=NCCL_DEBUG=INFO" OK, HEAD IMG "#SBATCH --container-env=NCCL_DEBUG" OK},
};
#undef HEAD
#undef OK
#undef IMG

constexpr std::pair<std::string_view, std::string_view> kExclusive[] = {
    {"container-mount-home", "no-container-mount-home"},
    {"container-remap-root", "no-container-remap-root"},
    {"container-entrypoint", "no-container-entrypoint"},
    {"container-writable", "container-readonly"},
};
constexpr std::string_view kSingleValued[] = {"container-image", "container-workdir", "container-name",
                                              "container-save"};
constexpr std::string_view kLists[] = {"container-mounts", "container-env", "container-unshare"};

bool contains(std::span<const std::string_view> set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

struct Found {
  const DirectiveOption* option;
  std::string name;  // the full Pyxis option name
};

void check_list(Context& c, const DirectiveOption& o, const std::string& name, const std::string& v) {
  if (v.ends_with(',')) {
    c.report("pyxis-trailing-comma", o.value_at + o.value_length - 1, 1,
             fmt::format("--{} ends with a comma, which Pyxis rejects; drop it", name));
  } else if (v.starts_with(',') || v.find(",,") != std::string::npos) {
    c.report("pyxis-empty-value", o.value_at, o.value_length,
             fmt::format("--{} has an empty item (',,' or a leading ','), which Pyxis rejects", name));
  }
}

void check_value(Context& c, const DirectiveOption& o, const std::string& name) {
  if (!o.value || o.value_has_placeholder) return;
  const std::string& v = *o.value;
  if (v.empty()) {
    c.report("pyxis-empty-value", o.at, o.length, fmt::format("--{} is given an empty value; Pyxis rejects it", name));
    return;
  }
  if (contains(kLists, name)) check_list(c, o, name, v);
  if (name == "container-save" && v.ends_with('/'))
    c.report("container-save-directory", o.value_at, o.value_length,
             "--container-save needs a file name, not a directory ending in '/'; name the squashfs file");
  if (name == "container-name") {
    if (!render::check_value(render::ValueKind::ContainerName, v).empty())
      c.report("container-name-flag", o.value_at, o.value_length,
               fmt::format("'{}' is not NAME[:auto|create|exec|no_exec]", v));
  }
  if (name == "container-unshare" || name == "container-env") {
    std::size_t k = 0;
    while (k < v.size()) {
      auto comma = v.find(',', k);
      if (comma == std::string::npos) comma = v.size();
      const auto item = std::string_view(v).substr(k, comma - k);
      if (name == "container-unshare" && !item.empty() && item != "net" && item != "ipc" && item != "uts")
        c.report("container-unshare-value", o.value_at + k, item.size(),
                 fmt::format("--container-unshare does not know '{}': use net, ipc or uts", item));
      if (name == "container-env" && item.find('=') != std::string_view::npos)
        c.report("container-env-name", o.value_at + k, item.size(),
                 fmt::format("--container-env takes variable names: '{}' names none, so nothing is set; export "
                             "{} in the script and list {}",
                             item, item, item.substr(0, item.find('='))));
      k = comma + 1;
    }
  }
  if (name == "container-mounts" && v.find_first_of(" \t") != std::string::npos) {
    const auto written = std::string_view(c.text()).substr(o.value_at, o.value_length);
    const auto blank = written.find_first_of(" \t");
    c.report("mount-path-blank", o.value_at + (blank == std::string_view::npos ? 0 : blank), 1,
             fmt::format("a mount path keeps this blank ('{}'): Pyxis mounts at a path with a blank in its name; "
                         "remove it",
                         v));
  }
  if (name == "container-mounts" && v.find_first_of("$~") == std::string::npos && !v.ends_with(',') &&
      v.find(",,") == std::string::npos && !v.starts_with(',')) {
    if (!render::check_value(render::ValueKind::ContainerMounts, v).empty())
      c.report("container-mounts-syntax", o.value_at, o.value_length,
               fmt::format("'{}' is not SRC[:DST[:FLAGS]][,...]: SRC and DST start with . or / (SRC may be tmpfs or "
                           "umount), FLAGS are joined with +",
                           v));
  }
  if (name == "container-image" && v[0] != '.' && v[0] != '/' && !v.starts_with("docker") &&
      (v.ends_with(".sqsh") || v.ends_with(".squashfs") || v.ends_with(".sqfs")))
    c.report("squashfs-without-path", o.value_at, o.value_length,
             fmt::format("'{}' is pulled from Docker Hub, not read as a file: write ./{} or an absolute path", v, v),
             "./" + v);
}

std::string availability(Context& c, const catalog::PyxisOptionEntry& e) {
  if (!c.options.pyxis) return "sbatch without Pyxis (--pyxis-version none) has no --" + std::string(e.name);
  const auto p = *c.options.pyxis;
  if (p < catalog::pyxis_sbatch_support_since())
    return fmt::format("Pyxis {} adds its options to srun only, not to sbatch (from {} on)", catalog::to_string(p),
                       catalog::to_string(catalog::pyxis_sbatch_support_since()));
  if (p < e.since)
    return fmt::format("--{} needs Pyxis {} or later (target {})", e.name, catalog::to_string(e.since),
                       catalog::to_string(p));
  return {};
}

}  // namespace

std::span<const RuleInfo> pyxis_rules() { return kRules; }

namespace {

std::string unknown_message(std::string_view name, std::optional<std::string>& fix) {
  std::vector<std::string_view> pyxis_names;
  for (const auto& e : catalog::pyxis_option_entries()) pyxis_names.push_back(e.name);
  std::string message = fmt::format("no Pyxis release has --{}", name);
  if (auto guess = catalog::closest(name, pyxis_names)) {
    message += fmt::format("; did you mean --{}?", *guess);
    fix = "--" + *guess;
  }
  return message;
}

const Found* first_of(const std::vector<Found>& found, std::string_view n) {
  for (const auto& f : found)
    if (f.name == n) return &f;
  return nullptr;
}

// The checks on one set of options: the #SBATCH lines, or one srun command.
void check_set(Context& c, const std::vector<Found>& found, bool image_inherited) {
  for (const auto& [a, b] : kExclusive) {
    const Found* fa = first_of(found, a);
    const Found* fb = first_of(found, b);
    if (fa && fb) {
      const Found* later = fa->option->at > fb->option->at ? fa : fb;
      c.report("pyxis-conflicting-options", later->option->at, later->option->length,
               fmt::format("--{} and --{} exclude each other (Pyxis fails: both were specified); keep one", a, b));
    }
  }
  std::map<std::string, std::string> values;
  for (const auto& f : found) {
    if (!contains(kSingleValued, f.name) || !f.option->value) continue;
    auto [it, fresh] = values.try_emplace(f.name, *f.option->value);
    if (!fresh && it->second != *f.option->value)
      c.report("pyxis-repeated-option", f.option->at, f.option->length,
               fmt::format("--{} is given again with another value; Pyxis fails on that: keep one", f.name));
  }
  if (image_inherited || first_of(found, "container-image") || first_of(found, "container-name")) return;
  for (const auto& f : found) {
    if (f.name == "container-env" || f.name == "container-unshare") continue;
    c.report("container-option-without-image", f.option->at, f.option->length,
             fmt::format("--{} does nothing without --container-image or --container-name (Pyxis ignores it)",
                         f.name));
    break;
  }
}

// The words of each srun command in the shell model (not in #SBATCH lines,
// comments or here-documents), from "srun" on, quotes removed.
struct SrunWord {
  std::string text;
  std::size_t at, end;
  bool expands;  // holds an expansion: the shell decides the value
};

std::vector<std::vector<SrunWord>> srun_commands(const Context& c) {
  std::vector<std::vector<SrunWord>> commands;
  for (const auto& cmd : c.ast.commands) {
    const auto* program = compiler::program_word(cmd);
    if (!program || c.in_heredoc(program->begin)) continue;
    std::vector<SrunWord> words;
    for (const auto& w : cmd.words) {
      if (w.role != compiler::ShellWord::Role::Word || w.begin < program->begin) continue;
      words.push_back({w.text, w.begin, w.end,
                       !w.refs.empty() || !w.placeholders.empty() || w.text.find_first_of("$`") != std::string::npos});
    }
    if (!words.empty() && words.front().text == "command") words.erase(words.begin());
    if (!words.empty() && words.front().text == "srun") commands.push_back(std::move(words));
  }
  return commands;
}

// Pyxis options of srun commands (an srun wrapper, say): the same checks,
// plus the image the steps inherit from #SBATCH.
void check_srun(Context& c, const std::vector<Found>& sbatch) {
  const Found* sbatch_image = first_of(sbatch, "container-image");
  const bool inherited = sbatch_image || first_of(sbatch, "container-name");
  std::vector<std::unique_ptr<DirectiveOption>> keep;
  for (const auto& words : srun_commands(c)) {
    std::vector<Found> found;
    for (std::size_t k = 1; k < words.size(); ++k) {
      const auto& w = words[k];
      if (!w.text.starts_with("--container-") && !w.text.starts_with("--no-container-")) continue;
      const auto eq = w.text.find('=');
      const std::string name = w.text.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const auto* entry = catalog::find_pyxis_option(name);
      auto o = std::make_unique<DirectiveOption>();
      o->at = w.at;
      o->length = w.end - w.at;
      o->written = c.text().substr(w.at, w.end - w.at);
      if (!entry) {
        std::optional<std::string> fix;
        auto message = unknown_message(name, fix);
        c.report("unknown-container-option", w.at, name.size() + 2, std::move(message), std::move(fix));
        continue;
      }
      if (!c.options.pyxis || *c.options.pyxis < entry->since) {
        c.report("pyxis-option-unavailable", w.at, name.size() + 2,
                 c.options.pyxis ? fmt::format("--{} needs Pyxis {} or later (target {}): srun fails with "
                                               "'unrecognized option'",
                                               name, catalog::to_string(entry->since),
                                               catalog::to_string(*c.options.pyxis))
                                 : fmt::format("srun without Pyxis (--pyxis-version none) has no --{}", name));
        continue;
      }
      const SrunWord* value_word = nullptr;
      if (eq != std::string::npos) {
        o->value = w.text.substr(eq + 1);
        value_word = &w;
        o->value_at = w.at + std::min(o->written.find('=') + 1, o->length);
      } else if (entry->arg == render::ArgKind::Required && k + 1 < words.size()) {
        value_word = &words[++k];
        o->value = value_word->text;
        o->value_at = value_word->at;
        o->value_separate = true;
      }
      if (value_word) {
        o->value_length = value_word->end - o->value_at;
        o->value_has_placeholder = value_word->expands;
      }
      found.push_back({o.get(), name});
      check_value(c, *o, name);
      if (name == "container-image" && sbatch_image && o->value && sbatch_image->option->value &&
          !o->value_has_placeholder && !sbatch_image->option->value_has_placeholder &&
          *o->value != *sbatch_image->option->value)
        c.report("pyxis-repeated-option", o->at, o->length,
                 "srun steps inherit --container-image from the #SBATCH lines; a different one here fails "
                 "('specified multiple times'): drop one");
      keep.push_back(std::move(o));
    }
    // "${args[@]}" may hold the image: Pyxis options spread over an array are not checked as a set.
    const bool spread = std::any_of(words.begin(), words.end(), [](const SrunWord& w) {
      return w.expands && (w.text.find("[@]}") != std::string::npos || w.text.find("[*]}") != std::string::npos);
    });
    check_set(c, found, inherited || spread);
  }
}

}  // namespace

void check_pyxis(Context& c) {
  std::vector<Found> found;
  for (const auto* o : c.all_options()) {
    if (o->item.kind != render::DirectiveItem::Kind::Long) continue;
    const std::string name = o->item.option ? o->item.option->name : o->item.name;
    const auto* entry = catalog::find_pyxis_option(name);
    if (!entry) {
      if (!o->item.option && !slurm_option_anywhere(name) && !c.table.find_long(name).ambiguous &&
          (name.starts_with("container-") || name.starts_with("no-container-"))) {
        std::optional<std::string> fix;
        auto message = unknown_message(name, fix);
        c.report("unknown-container-option", o->at, name.size() + 2, std::move(message), std::move(fix));
      }
      continue;
    }
    if (!o->item.option) {
      c.report("pyxis-option-unavailable", o->at, name.size() + 2,
               availability(c, *entry) + ": sbatch fails with 'unrecognized option'");
      continue;
    }
    found.push_back({o, name});
    check_value(c, *o, name);
  }
  check_set(c, found, false);
  check_srun(c, found);
}

}  // namespace slurmglue::lint
