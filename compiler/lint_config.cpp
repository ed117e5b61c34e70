#include "compiler/lint_config.hpp"

#include <system_error>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "runtime/files/read_file.hpp"

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
  // "FILE:LINE:COLUMN: KEY: message", at the value when there is one.
  auto at = [&](const YAML::Node& node, const std::string& key, const std::string& message) {
    const auto mark = node.Mark();
    std::string where = path.string();
    if (!mark.is_null()) where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    return where + ": " + (key.empty() ? "" : key + ": ") + message;
  };
  YAML::Node root;
  try {
    root = YAML::Load(files::read_bounded(path.string(), kMaxLintConfigBytes, "a .slurmglue-lint.yaml"));
  } catch (const files::FileError& e) {
    return e.what();
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own message for it is "bad file".
    return path.string() + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
           ": nested deeper than " + std::to_string(e.depth() - 1) + " levels";
  } catch (const YAML::Exception& e) {
    return path.string() + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " +
           e.msg;
  }
  if (root.IsNull()) return {};
  if (!root.IsMap()) return at(root, "", "expected a mapping of settings");
  for (const auto& kv : root) {
    const YAML::Node& v = kv.second;
    if (!kv.first.IsScalar()) return at(kv.first, "", "a setting's name must be a word");
    const auto key = kv.first.Scalar();
    auto scalar = [&](std::string& out) {
      if (!v.IsScalar()) return false;
      out = v.Scalar();
      return true;
    };
    auto boolean = [&](bool& out) {
      if (!v.IsScalar()) return false;
      const auto& t = v.Scalar();
      if (t == "true" || t == "yes" || t == "on") out = true;
      else if (t == "false" || t == "no" || t == "off") out = false;
      else return false;
      return true;
    };
    std::string text;
    if (key == "slurm-version" || key == "pyxis-version" || key == "enroot-version" || key == "profile") {
      if (!scalar(text)) return at(v, key, "expected a single value");
      if (auto error = apply_setting(key, text, options); !error.empty()) return at(v, key, error);
    } else if (key == "srun-delegation" && v.IsSequence()) {
      // The templates the glue runs with --srun-delegation, relative to this file.
      std::error_code ec;
      const auto target = std::filesystem::weakly_canonical(template_path, ec);
      options.srun_delegation = false;
      for (const auto& item : v) {
        if (!item.IsScalar()) return at(item, key, "expected a template file name");
        const auto listed = std::filesystem::weakly_canonical(path.parent_path() / item.Scalar(), ec);
        if (!template_path.empty() && listed == target) options.srun_delegation = true;
      }
    } else if (key == "srun-delegation" || key == "shellcheck") {
      if (!boolean(key == "shellcheck" ? options.shellcheck : options.srun_delegation))
        return at(v, key, key == "shellcheck" ? "expected true or false"
                                              : "expected true, false or a list of templates");
    } else if (key == "site-variables") {
      if (!v.IsSequence()) return at(v, key, "expected a list of variable names");
      for (const auto& item : v) {
        if (!item.IsScalar()) return at(item, key, "expected a variable name");
        options.site_variables.insert(item.Scalar());
      }
    } else if (key == "disable") {
      if (!v.IsSequence()) return at(v, key, "expected a list of rules");
      for (const auto& r : v) {
        std::string error;
        auto name = r.IsScalar() ? rule_name(r.Scalar(), error) : (error = "expected a rule name", std::string());
        if (!error.empty()) return at(r, key, error);
        options.disabled.insert(name);
      }
    } else if (key == "severity") {
      if (!v.IsMap()) return at(v, key, "expected a mapping of rule: severity");
      for (const auto& r : v) {
        std::string error;
        auto name = r.first.IsScalar() ? rule_name(r.first.Scalar(), error) : (error = "expected a rule name", std::string());
        if (!error.empty()) return at(r.first, key, error);
        auto s = r.second.IsScalar() ? parse_severity(r.second.Scalar()) : std::nullopt;
        if (!s) return at(r.second, key, "severity of " + name + ": expected error, warning, info or style");
        options.severity[name] = *s;
      }
    } else {
      return at(kv.first, "", "unknown setting '" + key + "'");
    }
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
