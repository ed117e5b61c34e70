#include "compiler/lint_config.hpp"

#include <system_error>

#include <yaml-cpp/yaml.h>

namespace slurmglue::lint {

std::optional<Severity> parse_severity(std::string_view name) {
  for (auto s : {Severity::Error, Severity::Warning, Severity::Info, Severity::Style})
    if (compiler::to_string(s) == name) return s;
  return std::nullopt;
}

namespace {
std::string rule_name(const std::string& id_or_name, std::string& error) {
  const RuleInfo* r = find_rule(id_or_name);
  if (!r) {
    error = "unknown rule '" + id_or_name + "' (see slurmglue-lint --list-rules)";
    return {};
  }
  return std::string(r->name);
}
}  // namespace

std::string load_config(const std::filesystem::path& path, LintOptions& options,
                        const std::filesystem::path& template_path) {
  const std::string where = path.string() + ": ";
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    if (root.IsNull()) return {};
    if (!root.IsMap()) return where + "expected a mapping of settings";
    for (const auto& kv : root) {
      const auto key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      std::string error;
      if (key == "slurm-version" || key == "pyxis-version" || key == "enroot-version") {
        error = apply_option_words("--" + key + " " + v.as<std::string>(), options);
      } else if (key == "srun-delegation" && v.IsSequence()) {
        // The templates the glue runs with --srun-delegation, relative to this file.
        std::error_code ec;
        const auto target = std::filesystem::weakly_canonical(template_path, ec);
        options.srun_delegation = false;
        for (const auto& item : v) {
          const auto listed = std::filesystem::weakly_canonical(path.parent_path() / item.as<std::string>(), ec);
          if (!template_path.empty() && listed == target) options.srun_delegation = true;
        }
      } else if (key == "srun-delegation") {
        options.srun_delegation = v.as<bool>();
      } else if (key == "shellcheck") {
        options.shellcheck = v.as<bool>();
      } else if (key == "disable") {
        if (!v.IsSequence()) return where + "disable: expected a list of rules";
        for (const auto& r : v) {
          auto name = rule_name(r.as<std::string>(), error);
          if (!error.empty()) break;
          options.disabled.insert(name);
        }
      } else if (key == "severity") {
        if (!v.IsMap()) return where + "severity: expected a mapping of rule: severity";
        for (const auto& r : v) {
          auto name = rule_name(r.first.as<std::string>(), error);
          if (!error.empty()) break;
          auto s = parse_severity(r.second.as<std::string>());
          if (!s) {
            error = "severity of " + name + ": expected error, warning, info or style";
            break;
          }
          options.severity[name] = *s;
        }
      } else {
        error = "unknown setting '" + key + "'";
      }
      if (!error.empty()) return where + error;
    }
  } catch (const YAML::Exception& e) {
    return where + e.what();
  }
  return {};
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory) {
  std::error_code ec;
  auto dir = std::filesystem::absolute(directory.empty() ? std::filesystem::path(".") : directory, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  if (dir.has_filename() == false && dir.has_parent_path()) dir = dir.parent_path();
  for (;;) {
    auto candidate = dir / ".slurmglue-lint.yaml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace slurmglue::lint
