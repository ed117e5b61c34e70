// slurmglue-lint: checks batch templates against the template language,
// sbatch, Pyxis, Enroot and the glue's contract; see man/slurmglue-lint.1.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include <CLI/CLI.hpp>

#include "compiler/formats/formats.hpp"
#include "compiler/lint.hpp"
#include "compiler/lint_config.hpp"
#include "lint_config_example.hpp"  // generated from examples/slurmglue-lint.yaml
#include "runtime/files/read_file.hpp"

namespace {

namespace sg = slurmglue;
namespace fs = std::filesystem;
using sg::lint::RuleInfo;

enum Exit { kOk = 0, kProblems = 1, kUsage = 2, kFatal = 3 };

bool is_template_name(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".tpl" || ext == ".template" || ext == ".sbatch" || ext == ".sh" || ext == ".slurm";
}

// FILE, or the templates under DIR (recursively, hidden directories skipped), sorted.
std::vector<std::string> expand(const std::string& arg) {
  std::error_code ec;
  if (arg == "-" || !fs::is_directory(arg, ec)) return {arg};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec) && name.starts_with(".")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_template_name(it->path())) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Progress on standard error while many files are linted, only when it is a
// terminal: a pipe or a CI log gets the findings alone. Redrawn at most ten
// times a second on one line, which is cleared when linting ends.
class Progress {
 public:
  static constexpr std::size_t kMinFiles = 50;

  Progress(std::size_t total, bool shellcheck)
      : total_(total), shellcheck_(shellcheck), shown_(total >= kMinFiles && ::isatty(STDERR_FILENO)) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void operator()(std::size_t done) {
    using namespace std::chrono_literals;
    const auto now = std::chrono::steady_clock::now();
    if (!shown_ || (drawn_ && done < total_ && now - last_ < 100ms)) return;
    last_ = now;
    drawn_ = true;
    std::cerr << "\rslurmglue-lint: " << done << "/" << total_ << " files"
              << (done == total_ && shellcheck_ ? ", running ShellCheck" : "") << std::flush;
  }
  void clear() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  std::size_t total_;
  bool shellcheck_, shown_, drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

// --init: writes the commented example configuration as DIR/.slurmglue-lint.yaml,
// never over an existing file.
int write_config(const fs::path& dir) {
  const auto path = dir / ".slurmglue-lint.yaml";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::cerr << "slurmglue-lint: --init: " << path.string() << ": "
              << (errno == EEXIST ? "exists already; edit it, or remove it first" : std::strerror(errno)) << "\n";
    return kUsage;
  }
  const std::string_view text = slurmglue::kLintConfigExample;
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (::close(fd) != 0 || !written) {
    std::cerr << "slurmglue-lint: --init: cannot write " << path.string() << "\n";
    return kFatal;
  }
  std::cout << "wrote " << path.string() << " (every setting commented out; see slurmglue-lint(1))\n";
  return kOk;
}

void print_rule(std::ostream& out, const RuleInfo& r) {
  out << r.id << " " << r.name << " (" << sg::compiler::to_string(r.severity) << ", " << sg::lint::to_string(r.family)
      << ")\n  " << r.summary << "\n\n" << r.explanation << "\n";
  if (!r.example_options.empty()) out << "\nExamples linted with: " << r.example_options << "\n";
  auto show = [&](const char* title, std::string_view text) {
    if (text.empty()) return;
    out << "\n" << title << ":\n";
    std::istringstream lines{std::string(text)};
    for (std::string l; std::getline(lines, l);) out << "    " << l << "\n";
    const auto result = sg::lint::example_output(r, text);
    out << (result.empty() ? "  lints clean\n" : "  reports:\n    " + result);
  };
  show("Failing example", r.failing);
  show("Passing example", r.passing);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"slurmglue-lint: check batch templates before they reach sbatch"};
  app.set_version_flag("--version", std::string(SLURMGLUE_VERSION));
  std::vector<std::string> inputs;
  std::string format_name = "human", stdin_filename = "<stdin>", config, explain;
  std::string slurm_version, pyxis_version, enroot_version, profile;
  std::vector<std::string> disable;
  bool no_color = false, list_rules = false, print_man = false, srun_delegation = false, shellcheck = false,
       init = false;
  app.add_option("FILES", inputs, "Template files, directories (searched for *.tpl, *.template, *.sbatch, *.sh, *.slurm), or - for stdin");
  app.add_option("--format", format_name, "Output format: human, gcc, json, sarif, github")->capture_default_str();
  app.add_flag("--no-color", no_color, "No colour in human output");
  app.add_option("--stdin-filename", stdin_filename, "File name to report for -")->capture_default_str();
  auto* profile_opt = app.add_option("--profile", profile, "clearml (templates, the default) or sbatch (any Slurm batch script)");
  auto* slurm_opt = app.add_option("--slurm-version", slurm_version, "Target Slurm release (22.05 .. 26.05)");
  auto* pyxis_opt = app.add_option("--pyxis-version", pyxis_version, "Target Pyxis release, or 'none'");
  auto* enroot_opt = app.add_option("--enroot-version", enroot_version, "Target Enroot release (default 4.0)");
  auto* delegation_opt = app.add_flag("--srun-delegation", srun_delegation, "Lint for a glue run with --srun-delegation");
  auto* shellcheck_opt = app.add_flag("--shellcheck", shellcheck, "Also run ShellCheck on the shell part");
  app.add_option("--config", config, "Configuration file (default: nearest .slurmglue-lint.yaml)");
  // One value per --disable (comma lists allowed), so that the files after it stay files.
  app.add_option("--disable", disable, "Disable rules (names or ids, comma-separated; repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_flag("--list-rules", list_rules, "List every rule");
  app.add_option("--explain", explain, "Explain a rule (name or id), with examples");
  app.add_flag("--print-man", print_man, "Print the man page (generated from the rule registry)");
  app.add_flag("--init", init,
               "Write a commented .slurmglue-lint.yaml in the current directory (or the one DIR given); never "
               "overwrites");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  }

  if (list_rules) {
    for (const auto& r : sg::lint::rules())
      std::cout << r.id << "  " << r.name << "  " << sg::compiler::to_string(r.severity) << "  " << r.summary << "\n";
    return kOk;
  }
  if (!explain.empty()) {
    const RuleInfo* r = sg::lint::find_rule(explain);
    if (!r) {
      std::cerr << "slurmglue-lint: no rule '" << explain << "' (see --list-rules)\n";
      return kUsage;
    }
    print_rule(std::cout, *r);
    return kOk;
  }
  if (print_man) {
    sg::lint::print_man(std::cout, SLURMGLUE_VERSION);
    return kOk;
  }
  if (init) {
    std::error_code ec;
    if (inputs.size() > 1 || (inputs.size() == 1 && !fs::is_directory(inputs[0], ec))) {
      std::cerr << "slurmglue-lint: --init takes at most one directory\n";
      return kUsage;
    }
    return write_config(inputs.empty() ? fs::path(".") : fs::path(inputs[0]));
  }
  const auto format = sg::lint::parse_format(format_name);
  if (!format) {
    std::cerr << "slurmglue-lint: --format: '" << format_name << "' is not human, gcc, json, sarif or github\n";
    return kUsage;
  }
  if (inputs.empty()) {
    std::cerr << "slurmglue-lint: no template given (FILE, DIR or -); see --help\n";
    return kUsage;
  }

  // Command-line settings, read once and applied over each file's configuration.
  sg::lint::LintOptions cli;  // holds the values of the options given
  for (auto [opt, key, value] : {std::tuple{profile_opt, "profile", &profile}, {slurm_opt, "slurm-version", &slurm_version},
                                 {pyxis_opt, "pyxis-version", &pyxis_version}, {enroot_opt, "enroot-version", &enroot_version}}) {
    if (!opt->count()) continue;
    if (auto error = sg::lint::apply_setting(key, *value, cli); !error.empty()) {
      std::cerr << "slurmglue-lint: --" << key << ": " << error << "\n";
      return kUsage;
    }
  }
  auto apply_cli = [&](sg::lint::LintOptions& o) {
    if (profile_opt->count()) o.profile = cli.profile;
    if (slurm_opt->count()) o.slurm = cli.slurm;
    if (pyxis_opt->count()) o.pyxis = cli.pyxis;
    if (enroot_opt->count()) o.enroot = cli.enroot;
    if (delegation_opt->count()) o.srun_delegation = true;
    if (shellcheck_opt->count()) o.shellcheck = true;
  };
  for (const auto& d : disable) {
    if (!sg::lint::find_rule(d)) {
      std::cerr << "slurmglue-lint: --disable: no rule '" << d << "'\n";
      return kUsage;
    }
  }

  int status = kOk;
  std::vector<sg::compiler::Source> sources;
  std::vector<sg::lint::LintOptions> options;
  bool used_stdin = false;
  for (const auto& input : inputs) {
    for (const auto& path : expand(input)) {
      std::string text;
      const bool from_stdin = path == "-";
      if (from_stdin && used_stdin) continue;
      used_stdin |= from_stdin;
      try {
        text = from_stdin ? sg::files::read_bounded(std::cin, stdin_filename, sg::compiler::kMaxTemplateBytes, "a template")
                          : sg::files::read_bounded(path, sg::compiler::kMaxTemplateBytes, "a template");
      } catch (const sg::files::FileError& e) {
        std::cerr << "slurmglue-lint: " << e.what() << "\n";
        status = kFatal;
        continue;
      }
      sg::lint::LintOptions o;
      std::optional<fs::path> config_path;
      if (!config.empty())
        config_path = fs::path(config);
      else
        config_path = sg::lint::find_config(from_stdin ? fs::current_path() : fs::path(path).parent_path());
      if (config_path) {
        if (auto error = sg::lint::load_config(*config_path, o, from_stdin ? fs::path() : fs::path(path));
            !error.empty()) {
          std::cerr << "slurmglue-lint: " << error << "\n";
          return kUsage;
        }
      }
      apply_cli(o);
      for (const auto& d : disable) o.disabled.insert(std::string(sg::lint::find_rule(d)->name));
      sources.emplace_back(from_stdin ? stdin_filename : path, std::move(text));
      options.push_back(std::move(o));
    }
  }
  Progress progress(sources.size(), std::any_of(options.begin(), options.end(), [](const auto& o) { return o.shellcheck; }));
  auto diagnostics = sg::lint::lint_all(sources, options, std::ref(progress));
  progress.clear();
  std::vector<sg::lint::FileResult> results;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    if (!diagnostics[k].empty() && status == kOk) status = kProblems;
    results.push_back({std::move(sources[k]), std::move(diagnostics[k])});
  }
  const bool color = *format == sg::lint::Format::Human && !no_color && ::isatty(STDOUT_FILENO);
  sg::lint::print(*format, std::cout, results, color, SLURMGLUE_VERSION);
  return status;
}
