// slurmglue-render: shows exactly the batch script slurmglue would submit for
// a task, without submitting anything.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/compile.hpp"
#include "compiler/lint.hpp"
#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/config.hpp"
#include "runtime/clearml/task_source.hpp"
#include "runtime/files/read_file.hpp"
#include "runtime/render/task_file.hpp"
#include "runtime/render/task_values.hpp"

namespace {

namespace sg = slurmglue;

enum Exit { kOk = 0, kProblems = 1, kUsage = 2, kFatal = 3 };

// Writes next to the target and renames, so a reader never sees half a script.
bool write_atomically(const std::string& path, const std::string& data) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out.write(data.data(), static_cast<std::streamsize>(data.size())) || !out.flush()) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::string_view origin_name(sg::render::Resolution::Origin o) {
  using O = sg::render::Resolution::Origin;
  switch (o) {
    case O::Field: return "task";
    case O::Default: return "default";
    case O::Glue: return "glue";
    case O::Missing: return "MISSING";
    case O::Unusable: return "UNUSABLE";
  }
  return "?";
}

// Asks the real sbatch whether it would accept `script` (sbatch --test-only
// reports on stderr). Returns sbatch's exit status, or -1 when it cannot run.
int sbatch_test_only(const std::string& script, std::string& verdict) {
  char path[] = "/tmp/slurmglue-render-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return -1;
  const bool written = ::write(fd, script.data(), script.size()) == static_cast<ssize_t>(script.size());
  ::close(fd);
  int status = -1;
  if (written) {
    if (FILE* p = ::popen((std::string("sbatch --test-only ") + path + " 2>&1").c_str(), "r")) {
      char buf[4096];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) verdict.append(buf, n);
      status = ::pclose(p);
      status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
  }
  std::remove(path);
  return status;
}

// The script up to its first command: all sbatch reads #SBATCH lines from
// (it stops at the first line whose first non-blank character is not '#').
std::string_view directive_block(std::string_view script) {
  std::size_t at = 0;
  while (at < script.size()) {
    const auto end = std::min(script.find('\n', at), script.size());
    const auto first = script.find_first_not_of(" \t", at);
    if (first < end && script[first] != '#') break;
    at = end + 1;
  }
  return script.substr(0, std::min(at, script.size()));
}

// The #SBATCH options of the rendered script read together, with the task's
// values (slurmglue-lint checks them with the placeholders' defaults): a
// warning on stderr that does not fail the render. Only the directive block
// is read again: the whole script of a large template would cost as much
// as compiling it once more.
void warn_about_directive_set(const std::string& template_path, const std::string& script) {
  sg::lint::LintOptions options;
  options.profile = sg::lint::Profile::Sbatch;
  for (const auto& r : sg::lint::rules())
    if (r.name != "nodes-above-ntasks") options.disabled.insert(std::string(r.name));
  const sg::compiler::Source block(template_path + " (rendered)", std::string(directive_block(script)));
  for (const auto& d : sg::lint::lint(block, options))
    std::cerr << template_path << " (rendered):" << d.position.line << ':' << d.position.column
              << ": warning: " << d.message << " [" << d.rule << "]\n";
}

// A task value as --explain prints it: control characters (C0, DEL, the
// C1 controls U+0080..U+009F that terminals read as escapes) and bytes
// that are not UTF-8 as \xHH, so a value cannot retitle, clear or recolour
// the admin's terminal.
std::string shown(std::string_view v) {
  std::string out;
  for (std::size_t k = 0; k < v.size();) {
    const auto c = static_cast<unsigned char>(v[k]);
    const std::size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    bool whole = n > 0 && k + n <= v.size();
    for (std::size_t j = 1; whole && j < n; ++j) whole = (static_cast<unsigned char>(v[k + j]) & 0xc0) == 0x80;
    const bool control = c < 0x20 || c == 0x7f || (c == 0xc2 && whole && static_cast<unsigned char>(v[k + 1]) < 0xa0);
    if (!whole || control) {
      for (std::size_t j = 0; j < (whole ? n : 1); ++j) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(v[k + j]));
      k += whole ? n : 1;
    } else {
      out.append(v.substr(k, n));
      k += n;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Render a ClearML batch template for one task, exactly as slurmglue would submit it.\n"
               "Nothing is submitted. Exit status: 0 rendered, 1 template or task problems, 2 usage, 3 fatal."};
  app.set_version_flag("--version", std::string(SLURMGLUE_VERSION));
  std::string template_path, task_file, task_id_option, clearml_config, output;
  std::optional<std::string> queue_name, queue_id, worker_id, project_name, project_id;
  std::optional<std::string> pre_setup, agent_execute, post_setup;
  std::string slurm_version = sg::catalog::to_string(sg::catalog::newest_slurm_version());
  std::string pyxis_version = sg::catalog::to_string(sg::catalog::newest_pyxis_version());
  bool srun_delegation = false, singularity_mode = false, explain = false, no_color = false, test_only = false;

  app.add_option("TEMPLATE", template_path, "The batch template file")->required();
  auto* task_file_opt = app.add_option(
      "--task-file", task_file, "The task as JSON (a task object or a tasks.get_by_id/get_all reply) or YAML");
  auto* task_opt = app.add_option("--task", task_id_option,
                                  "Fetch this task (and its project's name) from the ClearML server of clearml.conf");
  task_file_opt->excludes(task_opt);
  app.add_option("--clearml-config", clearml_config,
                 "clearml.conf to use (default: $CLEARML_CONFIG_FILE, else ~/clearml.conf; CLEARML_API_* win)");
  app.add_flag("--test-only", test_only, "Also ask the cluster's sbatch --test-only whether it would accept the script");
  app.add_option("--queue-name", queue_name, "Value of ${CLEARML_QUEUE_NAME}");
  app.add_option("--queue-id", queue_id, "Value of ${CLEARML_QUEUE_ID}");
  app.add_option("--worker-id", worker_id, "Value of ${CLEARML_WORKER_ID} (default: slurmglue:HOSTNAME)");
  app.add_option("--project-name", project_name, "Value of ${CLEARML_PROJECT_NAME}");
  app.add_option("--project-id", project_id, "Value of ${CLEARML_PROJECT_ID} (default: the task's project)");
  app.add_flag("--srun-delegation", srun_delegation,
               "The template wraps srun; the agent runs as 'srun clearml-agent execute ...'");
  app.add_flag("--singularity-mode", singularity_mode,
               "${CLEARML_AGENT_EXECUTE} starts with the task's container image (else agent.default_docker.image)")
      ->excludes("--srun-delegation");
  app.add_option("--pre-setup", pre_setup, "Code for ${CLEARML_PRE_SETUP} (default: what the agent writes)");
  app.add_option("--agent-execute", agent_execute,
                 "Code for ${CLEARML_AGENT_EXECUTE} (default: what the agent writes)");
  app.add_option("--post-setup", post_setup, "Code for ${CLEARML_POST_SETUP} (default: nothing)");
  app.add_option("--slurm-version", slurm_version, "Target Slurm release, e.g. 23.11")->capture_default_str();
  app.add_option("--pyxis-version", pyxis_version, "Target Pyxis release, or 'none' without Pyxis")
      ->capture_default_str();
  app.add_flag("--explain", explain, "List every placeholder, its context, value and origin, instead of the script");
  app.add_option("-o,--output", output, "Write the script to this file (atomically) instead of stdout");
  app.add_flag("--no-color", no_color, "No colour in diagnostics");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kUsage;  // --help and --version exit 0
  }
  if (task_file.empty() == task_id_option.empty()) {
    std::cerr << "slurmglue-render: give exactly one of --task-file FILE or --task ID\n";
    return kUsage;
  }

  sg::compiler::CompileOptions options;
  options.srun_delegation = srun_delegation;
  if (auto v = sg::catalog::parse_slurm_version(slurm_version)) {
    options.slurm = *v;
  } else {
    std::cerr << "slurmglue-render: --slurm-version: '" << slurm_version << "' is not a release like 23.11\n";
    return kUsage;
  }
  if (pyxis_version == "none") {
    options.pyxis.reset();
  } else if (auto p = sg::catalog::parse_pyxis_version(pyxis_version)) {
    options.pyxis = *p;
  } else {
    std::cerr << "slurmglue-render: --pyxis-version: '" << pyxis_version << "' is not a release like 0.24 or 'none'\n";
    return kUsage;
  }

  std::string text, task_text;
  try {
    text = sg::files::read_bounded(template_path, sg::compiler::kMaxTemplateBytes, "a template");
  } catch (const sg::files::FileError& e) {
    std::cerr << "slurmglue-render: cannot read template " << e.what() << "\n";
    return kFatal;
  }
  try {
    if (!task_file.empty()) task_text = sg::files::read_bounded(task_file, sg::render::kMaxTaskFileBytes, "a task file");
  } catch (const sg::files::FileError& e) {
    std::cerr << "slurmglue-render: cannot read task file " << e.what() << "\n";
    return kFatal;
  }

  const sg::compiler::Source source(template_path, std::move(text));
  const auto compiled = sg::compiler::compile(source, options);
  const bool color = !no_color && ::isatty(STDERR_FILENO);
  for (const auto& d : compiled.diagnostics) sg::compiler::print_human(std::cerr, source, d, color);
  if (!compiled.renderer) return kProblems;

  sg::render::TaskInput input;
  input.srun_delegation = srun_delegation;
  input.singularity_mode = singularity_mode;
  if (!task_file.empty()) {
    try {
      input.task = sg::render::parse_task(task_text, task_file);
    } catch (const std::exception& e) {
      std::cerr << "slurmglue-render: " << e.what() << "\n";
      return kProblems;
    }
  }
  // The configuration also gives the default image and (with --task) the server.
  try {
    auto environment = sg::clearml::process_environment();
    if (!clearml_config.empty()) environment["CLEARML_CONFIG_FILE"] = clearml_config;
    const bool needed = !task_id_option.empty() || !clearml_config.empty();
    if (needed || singularity_mode) {
      const auto config = sg::clearml::load_config(environment);
      input.config = config.tree;
      input.default_image = config.default_image;
      if (!worker_id && !config.worker_id.empty()) worker_id = config.worker_id;
      if (!task_id_option.empty()) {
        sg::clearml::Session session(sg::clearml::session_options(config));
        auto fetched = sg::clearml::fetch_task_with_project(session, task_id_option);
        input.task = std::move(fetched.task);
        if (!project_name && !fetched.project_name.empty()) project_name = fetched.project_name;
        if (!project_id && !fetched.project_id.empty()) project_id = fetched.project_id;
      }
    }
  } catch (const sg::clearml::UnknownTaskError& e) {
    // Messages of clearml::Error never hold the secret key or the token.
    std::cerr << "slurmglue-render: task " << task_id_option << ": " << e.what() << "\n";
    return kProblems;
  } catch (const sg::clearml::Error& e) {
    std::cerr << "slurmglue-render: " << e.what() << "\n";
    return kFatal;
  }
  if (!worker_id) {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    worker_id = std::string("slurmglue:") + host;
  }
  input.queue_name = queue_name;
  input.queue_id = queue_id;
  input.worker_id = worker_id;
  input.project_name = project_name;
  input.project_id = project_id;
  sg::render::Values values;
  try {
    values = sg::render::task_values(input);
  } catch (const std::invalid_argument& e) {
    std::cerr << "slurmglue-render: " << e.what() << "\n";
    return kProblems;
  }
  if (pre_setup) values.pre_setup = *pre_setup;
  if (agent_execute) values.agent_execute = *agent_execute;
  if (post_setup) values.post_setup = *post_setup;

  if (explain) {
    for (const auto& r : compiled.renderer->explain(values)) {
      const auto& pl = *r.placement;
      std::cout << fmt::format("{}:{}:{}: {}\n    context: {}\n    origin:  {}\n    value:   {}\n",
                               template_path, pl.line, pl.column, pl.text, sg::render::describe(pl.context),
                               origin_name(r.origin), shown(r.value));
    }
    return kOk;
  }

  std::string script;
  std::vector<sg::render::RenderError> errors;
  if (!compiled.renderer->render(values, script, errors)) {
    for (const auto& e : errors) {  // one write each: std::cerr is unbuffered
      std::cerr << fmt::format("{}:{}:{}: error: {}{}{} [render]\n", template_path, e.line, e.column, e.placeholder,
                               e.placeholder.empty() ? "" : ": ", e.message);
    }
    return kProblems;
  }
  warn_about_directive_set(template_path, script);
  if (test_only) {
    std::string verdict;
    const int status = sbatch_test_only(script, verdict);
    std::cerr << verdict;
    if (status < 0) {
      std::cerr << "slurmglue-render: could not run sbatch --test-only\n";
      return kFatal;
    }
    if (status != 0) {
      std::cerr << "slurmglue-render: sbatch would reject this script (exit " << status << ")\n";
      return kProblems;
    }
  }
  if (output.empty()) {
    std::cout << script;
    std::cout.flush();
    return std::cout ? kOk : kFatal;
  }
  if (!write_atomically(output, script)) {
    std::cerr << "slurmglue-render: cannot write " << output << "\n";
    return kFatal;
  }
  return kOk;
}
