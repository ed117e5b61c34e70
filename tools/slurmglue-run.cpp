// slurmglue-run: the production agent. Pops ClearML tasks from queues,
// submits each through its queue's compiled template with sbatch, follows
// the jobs and keeps ClearML's view true. See man/slurmglue-run.1.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/compile.hpp"
#include "compiler/lint.hpp"
#include "compiler/lint_config.hpp"
#include "runtime/agent/agent.hpp"
#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/config.hpp"
#include "runtime/files/read_file.hpp"
#include "runtime/render/option_words.hpp"
#include "runtime/slurm/slurm_commands.hpp"

namespace {

namespace sg = slurmglue;

enum Exit { kOk = 0, kProblems = 1, kUsage = 2, kFatal = 3 };

struct Targets {
  sg::catalog::SlurmVersion slurm;
  std::optional<sg::catalog::PyxisVersion> pyxis;
  bool srun_delegation = false;
};

// The newest release the catalog knows that is not newer than `found`.
sg::catalog::SlurmVersion nearest_known(sg::catalog::SlurmVersion found) {
  auto best = sg::catalog::known_slurm_versions().front();
  for (const auto v : sg::catalog::known_slurm_versions()) {
    if (v <= found) best = v;
  }
  return best;
}

// Compiles one template for the cluster and lints it; prints every finding
// (file:line:col) and returns the renderer only when there is no error.
std::shared_ptr<const sg::render::Renderer> compile_template(const std::string& path, const Targets& targets) {
  std::string text;
  try {
    text = sg::files::read_bounded(path, sg::compiler::kMaxTemplateBytes, "a template");
  } catch (const sg::files::FileError& e) {
    std::cerr << "slurmglue-run: cannot read template " << e.what() << "\n";
    return nullptr;
  }
  const sg::compiler::Source source(path, std::move(text));

  sg::lint::LintOptions lint_options;
  if (const auto config = sg::lint::find_config(std::filesystem::absolute(path).parent_path())) {
    if (auto error = sg::lint::load_config(*config, lint_options, path); !error.empty()) {
      std::cerr << "slurmglue-run: " << error << "\n";
      return nullptr;
    }
  }
  // The cluster decides the versions, the command line the delegation.
  lint_options.slurm = targets.slurm;
  lint_options.pyxis = targets.pyxis;
  lint_options.srun_delegation = targets.srun_delegation;
  lint_options.shellcheck = false;
  // What the agent runs is a template: the agent-contract rules always apply.
  lint_options.profile = sg::lint::Profile::ClearML;
  bool errors = false;
  for (const auto& d : sg::lint::lint(source, lint_options)) {
    if (d.severity == sg::compiler::Severity::Error) errors = true;
    if (d.severity == sg::compiler::Severity::Error || d.severity == sg::compiler::Severity::Warning) {
      sg::compiler::print_gcc(std::cerr, source, d);
    }
  }
  sg::compiler::CompileOptions options;
  options.slurm = targets.slurm;
  options.pyxis = targets.pyxis;
  options.srun_delegation = targets.srun_delegation;
  auto compiled = sg::compiler::compile(source, options);
  if (errors || !compiled.renderer) {
    for (const auto& d : compiled.diagnostics) {
      if (d.severity == sg::compiler::Severity::Error) sg::compiler::print_gcc(std::cerr, source, d);
    }
    std::cerr << "slurmglue-run: " << path << " has errors; fix them (slurmglue-lint " << path << ")\n";
    return nullptr;
  }
  return compiled.renderer;
}

std::string default_worker_id() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string("slurmglue:") + host;
}

std::string home() {
  const char* h = std::getenv("HOME");
  return h != nullptr && *h != '\0' ? h : "/";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Run ClearML tasks on Slurm: pop tasks from ClearML queues, submit each through its queue's "
               "template with sbatch, follow the jobs and report back.\n"
               "Exit status: 0 stopped normally, 1 template problems, 2 usage, 3 fatal."};
  app.set_version_flag("--version", std::string(SLURMGLUE_VERSION));
  std::vector<std::string> templates, queues, queue_limits;
  std::string clearml_config, worker_id, state_dir, task_dir_root, jobs_dir_root, slurm_version, pyxis_version;
  std::string pending_queue = "slurmglue_pending", metrics_file;
  int max_jobs = 32, metrics_port = 0;
  double poll_seconds = 5, heartbeat_seconds = 30, orphan_grace_seconds = 30, sbatch_timeout_seconds = 60,
         submit_retry_seconds = 10;
  bool srun_delegation = false, singularity_mode = false, once = false, dry_run = false, debug = false,
       create_queues = false;

  app.add_option("--template-files", templates, "One batch template per queue, in the order of --queue")
      ->required()
      ->expected(1, -1);
  app.add_option("--queue", queues, "ClearML queues to serve; the first has priority")->required()->expected(1, -1);
  app.add_flag("--srun-delegation", srun_delegation,
               "The templates wrap srun; the agent runs as 'srun clearml-agent execute ...'");
  app.add_flag("--singularity-mode", singularity_mode,
               "${CLEARML_AGENT_EXECUTE} starts with the task's container image (else agent.default_docker.image)")
      ->excludes("--srun-delegation");
  app.add_option("--max-jobs", max_jobs, "Tasks held at once, submitted or on their way to Slurm")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--queue-max-jobs", queue_limits, "A queue's own limit, as NAME=N (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  app.add_option("--clearml-config", clearml_config,
                 "clearml.conf to use (default: $CLEARML_CONFIG_FILE, else ~/clearml.conf; CLEARML_API_* win)");
  app.add_option("--worker-id", worker_id, "This agent's worker id (default: agent.worker_id, else slurmglue:HOST)");
  app.add_option("--state-dir", state_dir,
                 "Where the agent keeps its journal (default: ~/.local/state/slurmglue/WORKER)");
  app.add_option("--task-dir-root", task_dir_root,
                 "A directory the compute nodes share, for each task's private clearml.conf "
                 "(default: ~/.slurmglue/tasks)");
  app.add_option("--jobs-dir-root", jobs_dir_root,
                 "A directory the compute nodes share, for each task's working directory, where its job starts "
                 "and writes its output; kept after the task (default: ~/.slurmglue/jobs)");
  app.add_option("--pending-queue", pending_queue, "The queue where submitted tasks wait for their job")
      ->capture_default_str();
  app.add_flag("--create-queues", create_queues, "Create the served queues when ClearML has none of that name");
  app.add_option("--slurm-version", slurm_version, "Compile for this Slurm release instead of asking sbatch --version");
  app.add_option("--pyxis-version", pyxis_version,
                 "Compile for this Pyxis release, or 'none' (default: Pyxis is there when sbatch --help lists "
                 "--container-image)");
  app.add_option("--poll-interval", poll_seconds, "Seconds between cycles (pop, submit, track)")->capture_default_str();
  app.add_option("--heartbeat-interval", heartbeat_seconds, "Seconds between workers.status_report")
      ->capture_default_str();
  app.add_option("--orphan-grace", orphan_grace_seconds,
                 "Seconds a task lost by an unanswered pop must stay unclaimed before this agent takes it over")
      ->capture_default_str();
  app.add_option("--sbatch-timeout", sbatch_timeout_seconds, "Seconds after which sbatch (and squeue, scancel) is "
                 "killed; the task is then looked up and retried")->capture_default_str();
  app.add_option("--submit-retry", submit_retry_seconds,
                 "Seconds before a submission that failed for now (slurmctld not answering) is tried again; "
                 "doubled each time, up to 10 minutes")
      ->capture_default_str();
  app.add_option("--metrics-file", metrics_file,
                 "Write Prometheus metrics to FILE after each cycle, atomically (for node_exporter's textfile "
                 "collector)");
  app.add_option("--metrics-port", metrics_port, "Serve Prometheus metrics on 127.0.0.1:PORT/metrics")
      ->check(CLI::Range(1, 65535));
  app.add_flag("--once", once, "One cycle (reconcile, submit what is queued, track), then exit: for cron and tests");
  app.add_flag("--dry-run", dry_run, "Render every task waiting in the queues and print the scripts; submit nothing");
  app.add_flag("--debug", debug, "Debug logs (also CLEARML_SLURM_GLUE_DEBUG=1)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  }
  if (templates.size() != queues.size()) {
    std::cerr << "slurmglue-run: " << templates.size() << " template(s) for " << queues.size()
              << " queue(s): give one --template-files entry per --queue, in the same order\n";
    return kUsage;
  }
  std::map<std::string, int> limits;
  for (const auto& limit : queue_limits) {
    const auto eq = limit.rfind('=');
    int n = 0;
    if (eq == std::string::npos || std::find(queues.begin(), queues.end(), limit.substr(0, eq)) == queues.end() ||
        !(std::istringstream(limit.substr(eq + 1)) >> n) || n <= 0) {
      std::cerr << "slurmglue-run: --queue-max-jobs '" << limit << "': expected NAME=N with a served queue and N > 0\n";
      return kUsage;
    }
    limits[limit.substr(0, eq)] = n;
  }
  if (const char* d = std::getenv("CLEARML_SLURM_GLUE_DEBUG"); d != nullptr && std::string(d) == "1") debug = true;
  sg::agent::Log log(std::cerr, debug, ::isatty(STDERR_FILENO) == 1);

  // Signals first, so every thread started later has them blocked.
  sg::agent::Shutdown shutdown;
  auto signals = sg::agent::watch_signals(shutdown);

  sg::clearml::Config config;
  sg::clearml::SessionOptions session_options;
  auto load = [&]() -> bool {
    try {
      auto environment = sg::clearml::process_environment();
      if (!clearml_config.empty()) environment["CLEARML_CONFIG_FILE"] = clearml_config;
      config = sg::clearml::load_config(environment);
      session_options = sg::clearml::session_options(config);
      sg::agent::UserMap::from_config(config.tree);  // a bad map stops the start
      return true;
    } catch (const std::exception& e) {
      std::cerr << "slurmglue-run: " << e.what() << "\n";
      return false;
    }
  };
  if (!load()) return kFatal;

  sg::slurm::CommandOptions command_options;
  command_options.environment = sg::clearml::without_credentials(sg::process::current_environment());
  command_options.timeout = std::chrono::milliseconds(static_cast<long long>(sbatch_timeout_seconds * 1000));
  sg::slurm::SlurmCommands slurm(command_options);
  Targets targets;
  targets.srun_delegation = srun_delegation;
  if (slurm_version.empty()) slurm_version = slurm.version();
  if (const auto v = sg::catalog::parse_slurm_version(slurm_version)) {
    targets.slurm = nearest_known(*v);
  } else {
    std::cerr << "slurmglue-run: cannot tell the Slurm release (sbatch --version said '" << slurm_version
              << "'); is Slurm's client installed and SLURM_CONF right? (or give --slurm-version)\n";
    return kFatal;
  }
  if (pyxis_version.empty()) {
    targets.pyxis = slurm.has_pyxis() ? std::optional(sg::catalog::newest_pyxis_version()) : std::nullopt;
  } else if (pyxis_version != "none") {
    targets.pyxis = sg::catalog::parse_pyxis_version(pyxis_version);
    if (!targets.pyxis) {
      std::cerr << "slurmglue-run: --pyxis-version: '" << pyxis_version << "' is not a release like 0.24 or 'none'\n";
      return kUsage;
    }
  }

  sg::agent::AgentOptions options;
  bool template_errors = false;
  for (std::size_t i = 0; i < queues.size(); ++i) {
    sg::agent::QueueSetup queue;
    queue.name = queues[i];
    queue.template_path = templates[i];
    queue.renderer = compile_template(templates[i], targets);
    if (!queue.renderer) template_errors = true;
    if (const auto l = limits.find(queue.name); l != limits.end()) queue.max_jobs = l->second;
    options.queues.push_back(std::move(queue));
  }
  if (template_errors) return kProblems;

  options.worker_id = !worker_id.empty() ? worker_id : !config.worker_id.empty() ? config.worker_id : default_worker_id();
  options.pending_queue = pending_queue;
  options.state_dir = !state_dir.empty() ? state_dir
                                          : home() + "/.local/state/slurmglue/" + sg::agent::tag_safe(options.worker_id);
  if (state_dir.empty()) std::filesystem::create_directories(std::filesystem::path(options.state_dir).parent_path());
  options.task_dir_root = !task_dir_root.empty() ? task_dir_root : home() + "/.slurmglue/tasks";
  options.jobs_dir_root = !jobs_dir_root.empty() ? jobs_dir_root : home() + "/.slurmglue/jobs";
  // Tasks' credentials and other tasks' working directories: no value mounts them.
  for (const auto* dir : {&options.state_dir, &options.task_dir_root, &options.jobs_dir_root})
    sg::render::forbid_mounting(std::filesystem::absolute(*dir).lexically_normal().string());
  options.max_jobs = max_jobs;
  options.srun_delegation = srun_delegation;
  options.singularity_mode = singularity_mode;
  options.once = once;
  options.create_queues = create_queues;
  auto seconds = [](double s) { return std::chrono::milliseconds(static_cast<long long>(s * 1000)); };
  options.poll_interval = seconds(poll_seconds);
  options.heartbeat_interval = seconds(heartbeat_seconds);
  options.orphan_grace = seconds(orphan_grace_seconds);
  options.retry_delay = seconds(submit_retry_seconds);
  options.metrics_file = metrics_file;
  if (metrics_port > 0) options.metrics_port = static_cast<std::uint16_t>(metrics_port);
  options.on_reload = [&](sg::agent::Agent& agent) {
    log.info("reloading templates and configuration (SIGHUP)");
    std::map<std::string, std::shared_ptr<const sg::render::Renderer>> renderers;
    for (std::size_t i = 0; i < queues.size(); ++i) {
      if (auto renderer = compile_template(templates[i], targets)) {
        renderers[queues[i]] = std::move(renderer);
      } else {
        log.error("template not reloaded; the queue keeps the one it had", {{}, queues[i], {}}, templates[i]);
      }
    }
    agent.replace_renderers(renderers);
    if (load()) {
      agent.replace_config(config);
    } else {
      log.error("configuration not reloaded; keeping the one in use");
    }
  };

  try {
    sg::agent::Agent agent(std::move(options), config, session_options, slurm, shutdown, log);
    if (dry_run) return agent.dry_run(std::cout);
    return agent.run();
  } catch (const std::exception& e) {
    log.error("fatal", {}, e.what());
    return kFatal;
  }
}
