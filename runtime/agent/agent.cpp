#include "runtime/agent/agent.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/agent/heartbeat.hpp"
#include "runtime/agent/job_directory.hpp"
#include "runtime/agent/metrics.hpp"
#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/events.hpp"
#include "runtime/clearml/projects.hpp"
#include "runtime/clearml/queues.hpp"
#include "runtime/clearml/reply.hpp"
#include "runtime/clearml/tasks.hpp"
#include "runtime/clearml/workers.hpp"
#include "runtime/render/task_values.hpp"

namespace slurmglue::agent {

namespace {

using Clock = std::chrono::steady_clock;

bool is_final(const std::string& status) {
  return status == "completed" || status == "failed" || status == "stopped" || status == "closed" ||
         status == "published" || status == "publishing";
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string status_of(const nlohmann::json& task) {
  const auto s = task.find("status");
  return s != task.end() && s->is_string() ? s->get<std::string>() : std::string();
}

std::string string_field(const nlohmann::json& task, const char* key) {
  const auto s = task.find(key);
  return s != task.end() && s->is_string() ? s->get<std::string>() : std::string();
}

// The last `lines` lines of `text`.
std::string last_lines(const std::string& text, std::size_t lines) {
  std::size_t at = text.size();
  if (at > 0 && text[at - 1] == '\n') --at;
  for (std::size_t n = 0; at > 0; --at) {
    if (text[at - 1] == '\n' && ++n == lines) break;
  }
  return text.substr(at);
}

// A ClearML error's kind, as a metrics label: few and fixed.
std::string api_error_kind(const clearml::Error& error) {
  if (const auto* api = dynamic_cast<const clearml::ApiError*>(&error)) return fmt::format("http_{}", api->result_code());
  if (dynamic_cast<const clearml::OutcomeUnknownError*>(&error)) return "unknown_outcome";
  if (dynamic_cast<const clearml::TransportError*>(&error)) return "connection";
  if (dynamic_cast<const clearml::MalformedReplyError*>(&error)) return "malformed_reply";
  return "other";
}

}  // namespace

std::string tag_safe(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    out += keep ? c : '-';
  }
  return out;
}

bool is_safe_task_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// Tasks popped and taken to sbatch together, with one journal sync for their
// pops and one for their Submitting records.
constexpr std::size_t kDispatchBatch = 16;

struct Agent::Impl {
  AgentOptions options;
  clearml::Config config;
  clearml::SessionOptions session_options;
  slurm::Slurm& slurm;
  Shutdown& shutdown;
  Log& log;
  // Before the heartbeat and the metrics server: their threads use it until they are gone.
  Metrics metrics;

  std::unique_ptr<clearml::Session> session;
  std::unique_ptr<Journal> journal;
  std::unique_ptr<Heartbeat> heartbeat;
  TaskDirectories directories;
  JobDirectories job_directories;
  UserMap user_map;
  std::string pending_queue_id;
  std::vector<std::string> slurm_users;

  // This cycle's squeue answer, by task (nothing when squeue failed).
  std::optional<std::map<std::string, slurm::Job>> jobs;
  std::map<std::string, std::string> messages;  // the status message last set, by task
  std::map<std::string, Clock::time_point> orphan_seen, pop_opened, retry_after;
  std::map<std::string, Clock::duration> retry_backoff;
  std::map<std::string, std::string> project_names;

  std::unique_ptr<MetricsServer> metrics_server;
  std::map<std::string, Clock::time_point> popped_at;  // tasks this process popped, for the submit latency
  bool metrics_file_failing = false;
  bool reconciled = false;  // the first cycle after the start is over

  Impl(AgentOptions o, clearml::Config c, clearml::SessionOptions s, slurm::Slurm& sl, Shutdown& sh, Log& l)
      : options(std::move(o)),
        config(std::move(c)),
        session_options(std::move(s)),
        slurm(sl),
        shutdown(sh),
        log(l),
        directories(options.task_dir_root),
        job_directories(options.jobs_dir_root),
        user_map(UserMap::from_config(config.tree)) {}

  std::string tag_prefix() const { return "slurmglue:" + tag_safe(options.worker_id) + ":"; }
  std::string tag_of(const std::string& task) const { return tag_prefix() + task; }
  std::string claim_text() const { return "slurmglue " + options.worker_id + " takes over this task after a lost reply"; }

  const QueueSetup* queue_by_id(const std::string& id) const {
    for (const auto& q : options.queues) {
      if (q.id == id) return &q;
    }
    return nullptr;
  }

  // ---- start and stop -------------------------------------------------------

  void start() {
    session_options.on_error = [this](std::string_view, const clearml::Error& e) {
      metrics.api_error(api_error_kind(e));
    };
    for (const auto& queue : options.queues) metrics.add_queue(queue.name);
    if (options.metrics_port) {
      metrics_server = std::make_unique<MetricsServer>(metrics, *options.metrics_port);
      log.info("serving metrics", {}, fmt::format("http://127.0.0.1:{}/metrics", metrics_server->port()));
    }
    auto options_for_loop = session_options;
    options_for_loop.interrupted = [this] { return shutdown.stopping_now(); };
    options_for_loop.sleep = [this](std::chrono::milliseconds d) { shutdown.wait_for(d); };
    options_for_loop.log = [this](std::string_view line) { log.debug("clearml", {}, line); };
    session = std::make_unique<clearml::Session>(options_for_loop);
    for (auto& queue : options.queues) {
      auto found = clearml::find_queue(*session, queue.name);
      if (!found && options.create_queues) found = clearml::find_or_create_queue(*session, queue.name);
      if (!found) {
        throw std::runtime_error("ClearML has no queue named '" + queue.name +
                                 "' (check the name, or start with --create-queues)");
      }
      queue.id = found->id;
    }
    pending_queue_id = clearml::find_or_create_queue(*session, options.pending_queue).id;
    journal = std::make_unique<Journal>(options.state_dir);
    slurm_users = user_map.linux_users();
    if (!slurm_users.empty()) {
      // The agent's own user too: jobs of tasks submitted before the map existed.
      if (const char* me = std::getenv("USER"); me != nullptr && *me != '\0') slurm_users.push_back(me);
    }
    std::vector<std::string> ids;
    for (const auto& q : options.queues) ids.push_back(q.id);
    clearml::register_worker(*session, options.worker_id, ids);
    heartbeat = std::make_unique<Heartbeat>(session_options, options.worker_id, ids, options.heartbeat_interval, log);
    log.info("started", {}, fmt::format("worker {}, {} queue(s), {} task(s) in the journal", options.worker_id,
                                        options.queues.size(), journal->tasks().size()));
  }

  void stop() {
    heartbeat.reset();
    // A fresh, short-lived connection: the loop's may be interrupted.
    auto quick = session_options;
    quick.deadline = std::chrono::seconds(10);
    quick.retry.max_attempts = 2;
    try {
      clearml::Session last(quick);
      clearml::unregister_worker(last, options.worker_id);
    } catch (const clearml::Error& e) {
      log.warning("could not unregister", {}, e.what());
    }
    log.info("stopped", {}, fmt::format("{} task(s) left in the journal; their jobs keep running",
                                        journal ? journal->tasks().size() : 0));
  }

  // ---- one cycle ------------------------------------------------------------

  void cycle() {
    settle_claims();
    settle_pops();
    track();
    advance_all();
    if (!shutdown.stopping()) dispatch();
  }

  std::size_t held(const std::string& queue_id = {}) const {
    if (queue_id.empty()) return journal->tasks().size();
    return static_cast<std::size_t>(std::count_if(journal->tasks().begin(), journal->tasks().end(),
                                                  [&](const auto& e) { return e.second.queue_id == queue_id; }));
  }

  // One pass of pops: a single journal record opens the pops of every queue
  // the pass may pop from, and one (synced with the next record) ends those
  // whose pops all had a known outcome; a queue whose pop outcome is unknown
  // (or a pass cut short while it was being popped) stays open until
  // settle_pops has looked for the task.
  void dispatch() {
    if (shutdown.stopping() || held() >= static_cast<std::size_t>(options.max_jobs)) return;
    std::vector<std::string> pass;
    for (const auto& queue : options.queues) {
      if (journal->open_pops().count(queue.id) == 0) pass.push_back(queue.id);  // else settle the unknown pop first
    }
    if (pass.empty()) return;
    journal->begin_pops(pass);
    std::set<std::string> unknown;
    const std::string* in_flight = nullptr;
    auto end_pass = [&] {
      std::vector<std::string> known;
      for (const auto& q : pass) {
        if (unknown.count(q) == 0 && (in_flight == nullptr || *in_flight != q)) known.push_back(q);
      }
      journal->end_pops(known, Journal::Sync::Later);
    };
    try {
      while (!shutdown.stopping()) {
        // A batch of pops, each time from the first queue that has a task
        // (priority); their records are synced once, before any moves on.
        std::vector<std::string> batch;
        while (batch.size() < kDispatchBatch && !shutdown.stopping() &&
               held() < static_cast<std::size_t>(options.max_jobs)) {
          bool took = false;
          for (const auto& queue : options.queues) {
            if (queue.max_jobs > 0 && held(queue.id) >= static_cast<std::size_t>(queue.max_jobs)) continue;
            if (std::find(pass.begin(), pass.end(), queue.id) == pass.end() || unknown.count(queue.id) > 0) continue;
            in_flight = &queue.id;
            bool known = true;
            auto task = pop(queue, known);
            in_flight = nullptr;
            if (!known) unknown.insert(queue.id);
            if (!task) continue;
            took = true;
            batch.push_back(*task);
            break;  // back to the first queue: priority
          }
          if (!took) break;
        }
        if (batch.empty()) break;
        journal->sync();
        advance_batch(batch);
      }
    } catch (...) {
      end_pass();
      throw;
    }
    end_pass();
  }

  // Pops one task of `queue` (in a dispatch pass: its pop is open in the
  // journal). `known` turns false when the outcome is unknown: a task may
  // have been popped that this agent does not hold.
  std::optional<std::string> pop(const QueueSetup& queue, bool& known) {
    std::optional<clearml::QueueEntry> entry;
    try {
      entry = clearml::pop_next_task(*session, queue.id);
    } catch (const clearml::OutcomeUnknownError& e) {
      pop_opened[queue.id] = Clock::now();
      known = false;
      log.warning("pop outcome unknown; looking for the task", {{}, queue.name, {}}, e.what());
      return std::nullopt;
    } catch (const clearml::MalformedReplyError& e) {
      // The server acted but said something unusable: a task may be popped.
      pop_opened[queue.id] = Clock::now();
      known = false;
      log.warning("pop reply unusable; looking for the task", {{}, queue.name, {}}, e.what());
      return std::nullopt;
    } catch (const clearml::ApiError& e) {
      log.warning("pop refused", {{}, queue.name, {}}, e.what());  // nothing was popped
      return std::nullopt;
    }
    if (!entry) return std::nullopt;
    TaskRecord record;
    record.task = entry->task;
    record.queue_id = queue.id;
    record.queue_name = queue.name;
    record.stage = Stage::Popped;
    if (!is_safe_task_id(record.task)) {
      record.stage = Stage::Failing;
      record.reason = "slurmglue: the task id has characters other than letters, digits, '_' and '-'";
    }
    journal->put(record, Journal::Sync::Later);  // synced with its batch, before anything is done with it
    log.info("popped", {record.task, queue.name, {}});
    metrics.popped(queue.name);
    popped_at[record.task] = Clock::now();
    if (record.stage == Stage::Failing) metrics.failed(queue.name, FailureReason::invalid_task);
    return record.task;
  }

  // What an orphan scan reads, once for all the queues it settles: every
  // queued task with the queue it was last in, and every task in some queue
  // (both read by page: a reply holds at most 500).
  struct QueueScan {
    std::vector<std::pair<std::string, std::string>> queued;  // task, last queue
    std::set<std::string> in_a_queue;
  };

  QueueScan scan_queues() {
    QueueScan scan;
    clearml::TaskQuery query;
    query.statuses = {"queued"};
    query.only_fields = {"id", "execution.queue"};
    for (const auto& t : clearml::get_tasks(*session, query)) {
      std::string last_queue;
      if (const auto ex = t.find("execution"); ex != t.end() && ex->is_object()) {
        last_queue = clearml::optional_string(*ex, "queue", "tasks.get_all");
      }
      scan.queued.emplace_back(clearml::required_string(t, "id", "tasks.get_all"), std::move(last_queue));
    }
    for (auto& task : clearml::tasks_in_queues(*session)) scan.in_a_queue.insert(std::move(task));
    return scan;
  }

  // Tasks that are queued, in no queue, and were last in `queue_id`: popped
  // by someone who lost them (or is about to move them on).
  std::vector<std::string> orphans_of(const QueueScan& scan, const std::string& queue_id) const {
    std::vector<std::string> orphans;
    for (const auto& [id, last_queue] : scan.queued) {
      if (last_queue == queue_id && scan.in_a_queue.count(id) == 0 && journal->find(id) == nullptr &&
          journal->open_claims().count(id) == 0) {
        orphans.push_back(id);
      }
    }
    return orphans;
  }

  void settle_pops() {
    const auto open = journal->open_pops();
    if (open.empty()) {
      orphan_seen.clear();
      return;
    }
    std::optional<QueueScan> scan;
    std::string scan_error;
    try {
      scan = scan_queues();
    } catch (const clearml::Error& e) {
      scan_error = e.what();
    }
    std::set<std::string> still_orphans;  // over all queues: an orphan's first sighting is kept while it lasts
    for (const auto& queue_id : open) {
      const auto* queue = queue_by_id(queue_id);
      const std::string name = queue ? queue->name : queue_id;
      const auto opened = pop_opened.try_emplace(queue_id, Clock::now()).first->second;
      if (!scan) {
        log.warning("cannot look for a lost task", {{}, name, {}}, scan_error);
        for (const auto& [task, seen] : orphan_seen) still_orphans.insert(task);
        continue;
      }
      const std::vector<std::string> orphans = orphans_of(*scan, queue_id);
      const auto now = Clock::now();
      bool waiting = false;
      for (const auto& task : orphans) {
        const auto seen = orphan_seen.try_emplace(task, now).first->second;
        if (now - seen < options.orphan_grace) {
          waiting = true;
          still_orphans.insert(task);
          continue;
        }
        claim(task, queue_id);
      }
      if (!waiting && now - opened >= options.orphan_grace) {
        journal->end_pop(queue_id);
        pop_opened.erase(queue_id);
        log.info("unknown pop settled", {{}, name, {}});
      }
    }
    std::erase_if(orphan_seen, [&](const auto& e) { return still_orphans.count(e.first) == 0; });
  }

  // Takes over an orphan with a compare-and-set: tasks.dequeue succeeds only
  // while the task is still queued, so of two agents only one gets it, and
  // the status message says which.
  void claim(const std::string& task, const std::string& queue_id) {
    journal->begin_claim(task, queue_id);
    try {
      clearml::DequeueOptions dequeue;
      dequeue.status_message = claim_text();
      dequeue.status_reason = "slurmglue: taken over after a lost reply";
      clearml::dequeue_task(*session, task, dequeue);
    } catch (const clearml::OutcomeUnknownError& e) {
      log.warning("take-over outcome unknown", {task, {}, {}}, e.what());
      return;  // settle_claims reads it back
    } catch (const clearml::ApiError& e) {
      journal->end_claim(task);  // someone else moved it first
      log.info("orphan taken by someone else", {task, {}, {}}, e.what());
      return;
    }
    adopt_claimed(task, queue_id);
  }

  void adopt_claimed(const std::string& task, const std::string& queue_id) {
    TaskRecord record;
    record.task = task;
    record.queue_id = queue_id;
    if (const auto* q = queue_by_id(queue_id)) record.queue_name = q->name;
    record.stage = is_safe_task_id(task) ? Stage::Popped : Stage::Failing;
    journal->put(record);
    journal->end_claim(task);
    log.info("took over a lost task", {task, record.queue_name, {}});
  }

  void settle_claims() {
    const auto open = journal->open_claims();
    for (const auto& [task, queue_id] : open) {
      try {
        const auto t = clearml::get_task(*session, task);
        if (status_of(t) == "created" && string_field(t, "status_message") == claim_text()) {
          adopt_claimed(task, queue_id);
        } else {
          journal->end_claim(task);  // not taken: a later scan may find it again
        }
      } catch (const clearml::UnknownTaskError&) {
        journal->end_claim(task);
      } catch (const clearml::Error& e) {
        log.warning("cannot read back a take-over", {task, {}, {}}, e.what());
      }
    }
  }

  void advance_all() {
    std::vector<TaskRecord> records;
    for (const auto& [task, record] : journal->tasks()) {
      if (record.stage != Stage::Submitted) records.push_back(record);
    }
    for (std::size_t k = 0; k < records.size(); ++k) {
      if (shutdown.stopping_now()) return;
      reconcile_progress("tasks on their way", k, records.size());
      if (const auto* current = journal->find(records[k].task)) advance(*current);
    }
  }

  // Takes a task one step (or, when all goes well, all the way to Submitted).
  void advance(TaskRecord record) {
    guarded(record, [&] {
      // The task as read before it moved to the pending queue: submit() uses
      // it rather than reading it again a moment later.
      std::optional<nlohmann::json> task;
      if (record.stage == Stage::Popped) {
        if (!move_to_pending(record, task)) return;
      }
      if (record.stage == Stage::Pending || record.stage == Stage::Submitting) submit(record, std::move(task));
      else if (record.stage == Stage::Failing) fail_task(record, {});
      else if (record.stage == Stage::Finishing) finish(record);
    });
  }

  // The tasks a dispatch pass just popped, taken to sbatch together: all
  // moved to the pending queue and made ready (their Submitting records
  // written), one journal sync, then sbatch for each.
  void advance_batch(const std::vector<std::string>& tasks) {
    std::vector<Prepared> ready;
    for (const auto& id : tasks) {
      const auto* current = journal->find(id);
      if (current == nullptr) continue;
      TaskRecord record = *current;
      if (record.stage != Stage::Popped) {
        advance(record);
        continue;
      }
      guarded(record, [&] {
        std::optional<nlohmann::json> task;
        if (!move_to_pending(record, task)) return;
        if (auto prepared = prepare(record, std::move(task))) ready.push_back(std::move(*prepared));
      });
    }
    journal->sync();
    for (auto& prepared : ready) guarded(prepared.record, [&] { send(prepared); });
  }

  // Runs one step of a task; a failed step is logged and tried again later.
  template <typename Step>
  void guarded(const TaskRecord& record, Step step) {
    const Fields where{record.task, record.queue_name, record.job_id};
    try {
      step();
    } catch (const clearml::InterruptedError&) {
      throw;
    } catch (const clearml::Error& e) {
      log.warning("ClearML call failed; will try again", where, e.what());
    } catch (const JournalError&) {
      throw;
    } catch (const std::exception& e) {
      log.error("unexpected failure; will try again", where, e.what());
    }
  }

  bool move_to_pending(TaskRecord& record, std::optional<nlohmann::json>& read) {
    const Fields where{record.task, record.queue_name, {}};
    // A pop returns whatever entry was first; the task itself may have been
    // stopped meanwhile. Only a queued task (or an orphan this agent took
    // over, "created" with its claim) goes on.
    const auto current = clearml::get_task(*session, record.task);
    const std::string status = status_of(current);
    const bool claimed = status == "created" && string_field(current, "status_message") == claim_text();
    if (status != "queued" && !claimed) {
      log.info("task is no longer queued; leaving it alone", where, "status " + status);
      journal->forget(record.task);
      return false;
    }
    try {
      clearml::enqueue_task(*session, record.task, pending_queue_id, "slurmglue: waiting for Slurm");
    } catch (const clearml::OutcomeUnknownError&) {
      bool there = false;
      for (const auto& e : clearml::queue_entries(*session, pending_queue_id)) there = there || e.task == record.task;
      if (!there) return false;  // try again next cycle
    } catch (const clearml::UnknownTaskError&) {
      journal->forget(record.task);
      log.warning("task no longer exists", where);
      return false;
    } catch (const clearml::ApiError& e) {
      const std::string now = status_of(clearml::get_task(*session, record.task));
      if (now != "queued" && now != "created") {
        log.info("task left its queue before submission", where, "status " + now);
        record.stage = Stage::Finishing;
        journal->put(record);
        finish(record);
        return false;
      }
      throw;
    }
    record.stage = Stage::Pending;
    // Not synced on its own: the Submitting record before sbatch syncs it,
    // and if both are lost the task is moved again (it is still queued).
    journal->put(record, Journal::Sync::Later);
    read = current;
    if (read->is_object()) (*read)["status"] = "queued";  // as the enqueue just made it
    return true;
  }

  std::optional<process::Identity> identity_of(const std::string& user) const {
    if (user.empty()) return std::nullopt;
    return process::find_user(user);
  }

  // The inner agent's clearml.conf: the agent's own, with the credentials and
  // server it uses (the environment may have set them), without the user map.
  nlohmann::json inner_config() const {
    nlohmann::json tree = config.tree.is_object() ? config.tree : nlohmann::json::object();
    tree["api"]["api_server"] = config.api_server;
    tree["api"]["credentials"]["access_key"] = config.credentials.access_key;
    tree["api"]["credentials"]["secret_key"] = config.credentials.secret_key;
    if (tree.contains("agent") && tree["agent"].is_object() && tree["agent"].contains("slurm") &&
        tree["agent"]["slurm"].is_object()) {
      tree["agent"]["slurm"].erase("user_map");
    }
    return tree;
  }

  // sbatch's environment, which the job inherits: the agent's, without its
  // credentials, with the task's private configuration.
  std::vector<std::string> job_environment(const std::string& directory,
                                           const std::optional<process::Identity>& identity) const {
    std::vector<std::string> env;
    for (const auto& entry : clearml::without_credentials(process::current_environment())) {
      const std::string name = entry.substr(0, entry.find('='));
      const bool drop = name == "CLEARML_CONFIG_FILE" || name == "CLEARML_AGENT__AGENT__VENVS_DIR" ||
                        name == "CLEARML_SLURM_GLUE_DEBUG" ||
                        (name.rfind("SLURM_", 0) == 0 && name != "SLURM_CONF") ||
                        (identity && (name == "HOME" || name == "USER" || name == "LOGNAME"));
      if (!drop) env.push_back(entry);
    }
    env.push_back("CLEARML_CONFIG_FILE=" + directory + "/clearml.conf");
    env.push_back("CLEARML_AGENT__AGENT__VENVS_DIR=" + directory);
    if (identity) {
      env.push_back("HOME=" + identity->home);
      env.push_back("USER=" + identity->name);
      env.push_back("LOGNAME=" + identity->name);
    }
    return env;
  }

  std::string project_name(const std::string& project_id) {
    if (project_id.empty()) return {};
    if (const auto found = project_names.find(project_id); found != project_names.end()) return found->second;
    std::string name;
    try {
      name = clearml::get_project(*session, project_id).name;
    } catch (const clearml::UnknownProjectError&) {
    }
    project_names[project_id] = name;
    return name;
  }

  // A task ready for sbatch: its Submitting record is written (synced
  // before sbatch runs), its directory made, its script rendered.
  struct Prepared {
    TaskRecord record;
    nlohmann::json task;  // as read before submission
    slurm::Submission submission;
  };

  // `read`: the task as move_to_pending read it in this same step, if it did.
  void submit(TaskRecord& record, std::optional<nlohmann::json> read = std::nullopt) {
    auto prepared = prepare(record, std::move(read));
    if (!prepared) return;
    journal->sync();
    send(*prepared);
  }

  // Everything up to sbatch; nothing when the task waits, went elsewhere or failed.
  std::optional<Prepared> prepare(TaskRecord& record, std::optional<nlohmann::json> read) {
    const Fields where{record.task, record.queue_name, {}};
    if (const auto after = retry_after.find(record.task); after != retry_after.end() && Clock::now() < after->second) {
      return std::nullopt;
    }
    if (record.stage == Stage::Submitting) {
      // A job may exist already: only this cycle's squeue can say it does not,
      // and only once a submission that was under way (of this agent, or of
      // one killed before it) has had time to show there.
      if (!jobs) return std::nullopt;
      if (const auto job = jobs->find(record.task); job != jobs->end()) {
        adopt_job(record, job->second.id);
        return std::nullopt;
      }
      if (now_ms() - record.attempt_ms < options.retry_delay.count()) return std::nullopt;
    }
    const auto* queue = queue_by_id(record.queue_id);
    if (queue == nullptr) {
      fail(record, "slurmglue: the task's queue is no longer served by this agent", {}, FailureReason::config);
      return std::nullopt;
    }
    auto task = read ? std::move(*read) : clearml::get_task(*session, record.task);
    if (const std::string status = status_of(task); status != "queued") {
      log.info("task left the pending queue before submission", where, "status " + status);
      record.stage = Stage::Finishing;
      journal->put(record);
      finish(record);
      return std::nullopt;
    }
    std::optional<process::Identity> identity;
    if (!user_map.empty()) {
      const auto mapped = user_map.linux_user(string_field(task, "user"));
      if (mapped.index() == 1) {
        fail(record, "slurmglue: " + std::get<1>(mapped), {}, FailureReason::user);
        return std::nullopt;
      }
      identity = process::find_user(std::get<0>(mapped));
      if (!identity) {
        fail(record, "slurmglue: the Linux user '" + std::get<0>(mapped) +
                         "' of agent.slurm.user_map does not exist on this host",
             {}, FailureReason::user);
        return std::nullopt;
      }
      record.user = identity->name;
    }
    record.stage = Stage::Submitting;
    record.directory = directories.root() + "/" + record.task;
    record.attempt_ms = now_ms();
    journal->put(record, Journal::Sync::Later);  // synced before sbatch runs (submit, advance_batch)

    render::TaskInput input;
    input.task = task;
    input.config = config.tree;
    input.queue_name = queue->name;
    input.queue_id = queue->id;
    input.worker_id = options.worker_id;
    input.project_id = string_field(task, "project");
    input.project_name = project_name(*input.project_id);
    input.srun_delegation = options.srun_delegation;
    input.singularity_mode = options.singularity_mode;
    input.default_image = config.default_image;
    input.task_directory = record.directory;
    render::Values values;
    try {
      values = render::task_values(input);
    } catch (const std::invalid_argument& e) {
      fail(record, std::string("slurmglue: ") + e.what(), {}, FailureReason::render);
      return std::nullopt;
    }
    std::string script;
    std::vector<render::RenderError> errors;
    if (!queue->renderer->render(values, script, errors)) {
      std::string why = "slurmglue: the template cannot be rendered for this task:";
      for (const auto& e : errors) {
        why += fmt::format(" {}:{}:{}: {}{}{};", queue->template_path, e.line, e.column, e.placeholder,
                           e.placeholder.empty() ? "" : ": ", e.message);
      }
      why.pop_back();
      fail(record, why, {}, FailureReason::render);
      return std::nullopt;
    }
    directories.create(record.task, inner_config(), identity);
    const std::string working_directory = job_directories.prepare(record.task, identity);

    Prepared prepared;
    prepared.submission.script = std::move(script);
    prepared.submission.options = {"--comment=" + tag_of(record.task)};
    prepared.submission.environment = job_environment(record.directory, identity);
    prepared.submission.as_user = identity;
    prepared.submission.directory = working_directory;
    prepared.record = record;
    prepared.task = std::move(task);
    return prepared;
  }

  // sbatch, once the Submitting record is on disk.
  void send(Prepared& prepared) {
    TaskRecord& record = prepared.record;
    const Fields where{record.task, record.queue_name, {}};
    const auto result = slurm.submit(prepared.submission);
    switch (result.kind) {
      case slurm::SubmitResult::Kind::Submitted:
        retry_after.erase(record.task);
        retry_backoff.erase(record.task);
        if (!result.message.empty()) log.info("sbatch said", where, result.message);
        adopt_job(record, result.job_id);
        return;
      case slurm::SubmitResult::Kind::Rejected:
        return fail(record, "sbatch rejected the job: " + result.message, {}, FailureReason::sbatch);
      case slurm::SubmitResult::Kind::Transient: {
        auto& backoff = retry_backoff[record.task];
        backoff = std::min<Clock::duration>(backoff == Clock::duration::zero() ? options.retry_delay : backoff * 2,
                                            std::chrono::minutes(10));
        retry_after[record.task] = Clock::now() + backoff;
        log.warning("sbatch failed for now; will look for the job and try again", where, result.message);
        return;
      }
    }
  }

  // The job is the task's. The next tracking cycle writes its id on the task
  // (record_job) and follows it: submission does not wait for that.
  void adopt_job(TaskRecord& record, const std::string& job_id) {
    record.stage = Stage::Submitted;
    record.job_id = job_id;
    // Not synced on its own: if it is lost, the Submitting record makes the
    // restarted agent find the job by its tag.
    journal->put(record, Journal::Sync::Later);
    log.info("submitted", {record.task, record.queue_name, job_id});
    std::optional<std::chrono::duration<double>> since_pop;
    if (const auto at = popped_at.find(record.task); at != popped_at.end()) {
      since_pop = Clock::now() - at->second;
      popped_at.erase(at);
    }
    metrics.submitted(record.queue_name, since_pop);
  }

  // The job id on the task (runtime.slurm_job_id, slurm_worker), merged into
  // the runtime of `task` as the tracking cycle just read it (read again when
  // not given). The status message follows the job (track_one).
  void record_job(TaskRecord& record, const nlohmann::json* task = nullptr) {
    try {
      const nlohmann::json fields = {{"slurm_job_id", record.job_id}, {"slurm_worker", options.worker_id}};
      if (task != nullptr) {
        clearml::merge_runtime(*session, record.task, task->value("runtime", nlohmann::json::object()), fields);
      } else {
        clearml::merge_runtime(*session, record.task, fields);
      }
      record.recorded = true;
      journal->put(record, Journal::Sync::Later);  // lost: the runtime is written again
    } catch (const clearml::Error& e) {
      log.warning("cannot record the job on the task; will try again", {record.task, record.queue_name, record.job_id},
                  e.what());
    }
  }

  void set_message(const TaskRecord& record, const std::string& message) {
    if (messages[record.task] == message) return;
    clearml::set_status_message(*session, record.task, message);
    messages[record.task] = message;
  }

  void fail(TaskRecord& record, const std::string& reason, const std::string& console, FailureReason why) {
    metrics.failed(record.queue_name, why);
    record.stage = Stage::Failing;
    record.reason = reason;
    journal->put(record);
    fail_task(record, console);
  }

  void fail_task(TaskRecord& record, const std::string& console) {
    const Fields where{record.task, record.queue_name, record.job_id};
    try {
      clearml::remove_task_from_queue(*session, pending_queue_id, record.task);
    } catch (const clearml::TaskNotInQueueError&) {
    }
    clearml::StatusChange change;
    change.reason = record.reason.substr(0, 2000);
    change.message = record.job_id.empty() ? "slurmglue: not submitted" : "Slurm job " + record.job_id + " failed";
    change.force = true;
    bool failed = false;
    try {
      clearml::mark_failed(*session, record.task, change);
      failed = true;
    } catch (const clearml::UnknownTaskError&) {
      failed = true;  // nothing left to fail
    } catch (const clearml::Error& e) {
      // Unknown outcome, or the status changed meanwhile: read it back.
      const auto t = clearml::get_task(*session, record.task);
      failed = is_final(status_of(t));
      if (!failed) {
        log.warning("cannot fail the task yet", where, e.what());
        return;
      }
    }
    if (failed) {
      log.error("task failed", where, record.reason);
      try {
        std::string text = record.reason + (console.empty() ? "" : "\n" + console);
        clearml::add_log_lines(*session, {{record.task, now_ms(), "error", options.worker_id, text}});
      } catch (const clearml::Error& e) {
        log.warning("cannot write on the task's console", where, e.what());
      }
      record.stage = Stage::Finishing;
      journal->put(record);
      finish(record);
    }
  }

  void finish(TaskRecord& record) {
    try {
      clearml::remove_task_from_queue(*session, pending_queue_id, record.task);
    } catch (const clearml::TaskNotInQueueError&) {
    } catch (const clearml::UnknownTaskError&) {
    }
    if (!record.directory.empty()) {
      try {
        directories.remove(record.directory, identity_of(record.user));
      } catch (const std::exception& e) {
        log.warning("cannot remove the task's directory", {record.task, record.queue_name, record.job_id}, e.what());
      }
    }
    journal->forget(record.task);
    messages.erase(record.task);
    retry_after.erase(record.task);
    retry_backoff.erase(record.task);
    log.info("done", {record.task, record.queue_name, record.job_id});
  }

  // The first cycle settles everything the journal holds, which may take a
  // while: on a terminal, it shows how far it got.
  void reconcile_progress(std::string_view what, std::size_t done, std::size_t total) {
    if (!reconciled && total > 1) log.progress(fmt::format("reconciling {}: {}/{}", what, done, total));
  }

  // After each cycle, however it ended: the first one's progress line goes,
  // the metrics are updated.
  void after_cycle() {
    if (!reconciled) {
      reconciled = true;
      log.progress({});
    }
    if (journal) std::erase_if(popped_at, [&](const auto& e) { return journal->find(e.first) == nullptr; });
    metrics.cycle_done(journal ? held() : 0, std::chrono::system_clock::now());
    if (options.metrics_file.empty()) return;
    try {
      write_atomically(options.metrics_file, metrics.text());
      metrics_file_failing = false;
    } catch (const std::system_error& e) {
      if (!metrics_file_failing) log.warning("cannot write the metrics file", {}, e.what());
      metrics_file_failing = true;
    }
  }

  // ---- tracking -----------------------------------------------------------

  void track() {
    auto listing = slurm.jobs(tag_prefix(), slurm_users);
    if (!listing) {
      jobs.reset();
      log.warning("squeue did not answer; tracking waits for the next cycle");
      return;
    }
    std::size_t pending = 0, running = 0, other = 0;  // squeue lists finished jobs too: not counted
    for (const auto& job : *listing) {
      if (job.state == "PENDING") ++pending;
      else if (job.state == "RUNNING") ++running;
      else if (!slurm::is_finished(job.state)) ++other;
    }
    metrics.jobs(pending, running, other);
    std::map<std::string, slurm::Job> by_task;
    const std::string prefix = tag_prefix();
    for (auto& job : *listing) {
      std::string task = job.tag.substr(prefix.size());
      const auto recorded = journal->find(task);
      // Two jobs for one task would be a bug; the one the journal names wins.
      if (by_task.count(task) > 0 && !(recorded && recorded->job_id == job.id)) continue;
      by_task[task] = std::move(job);
    }
    jobs = std::move(by_task);

    std::vector<std::string> ids;
    for (const auto& [task, record] : journal->tasks()) {
      if (record.stage == Stage::Submitting && jobs->count(task) > 0) {
        TaskRecord adopted = record;
        adopt_job(adopted, jobs->at(task).id);
      }
    }
    for (const auto& [task, record] : journal->tasks()) {
      if (record.stage == Stage::Submitted) ids.push_back(task);
    }
    if (ids.empty()) return;
    std::map<std::string, nlohmann::json> tasks;
    try {
      clearml::TaskQuery query;
      query.ids = ids;
      query.only_fields = {"id", "status", "status_message", "runtime"};
      for (auto& t : clearml::get_tasks(*session, query, 500)) {
        const std::string id = string_field(t, "id");  // before t is moved from
        tasks[id] = std::move(t);
      }
    } catch (const clearml::Error& e) {
      log.warning("cannot read the tasks' statuses; tracking waits for the next cycle", {}, e.what());
      return;
    }
    std::vector<std::string> to_cancel;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      const auto& task = ids[k];
      reconcile_progress("submitted tasks", k, ids.size());
      const auto* current = journal->find(task);
      if (current == nullptr) continue;
      TaskRecord record = *current;
      try {
        track_one(record, tasks, to_cancel);
      } catch (const clearml::InterruptedError&) {
        throw;
      } catch (const clearml::Error& e) {
        log.warning("ClearML call failed; will try again", {record.task, record.queue_name, record.job_id}, e.what());
      }
    }
    if (!to_cancel.empty() && !slurm.cancel(to_cancel)) log.warning("scancel failed; will try again");
  }

  void track_one(TaskRecord& record, const std::map<std::string, nlohmann::json>& tasks,
                 std::vector<std::string>& to_cancel) {
    const Fields where{record.task, record.queue_name, record.job_id};
    const auto job_at = jobs->find(record.task);
    const slurm::Job* job = job_at == jobs->end() ? nullptr : &job_at->second;
    const auto task_at = tasks.find(record.task);
    // A task the server no longer has is over for us.
    const std::string status = task_at == tasks.end() ? "deleted" : status_of(task_at->second);
    if (task_at != tasks.end() && !record.recorded) record_job(record, &task_at->second);
    const bool over = is_final(status) || status == "deleted" || status == "created";
    if (job != nullptr && !slurm::is_finished(job->state)) {
      if (over && status != "completed") {
        log.info("cancelling: the task is " + status, where);
        to_cancel.push_back(job->id);
      } else if (status == "queued") {
        const std::string message = job->state == "PENDING"
                                        ? fmt::format("Slurm job {} pending: {}", job->id, job->reason)
                                        : fmt::format("Slurm job {} {}", job->id, job->state);
        set_message(record, message);
      }
      return;
    }
    if (over) {
      record.stage = Stage::Finishing;
      journal->put(record);
      return finish(record);
    }
    if (job == nullptr) {
      return fail(record,
                  fmt::format("slurmglue: Slurm job {} is no longer listed by Slurm, and the task is still {}",
                              record.job_id, status),
                  {}, FailureReason::job_lost);
    }
    const auto details = slurm.details(job->id);
    std::string tail;
    if (details && !details->std_out.empty()) tail = read_tail(details->std_out, identity_of(record.user));
    const std::string exit_code = details && !details->exit_code.empty() ? details->exit_code : "unknown";
    std::string reason =
        job->state == "COMPLETED"
            ? fmt::format("Slurm job {} COMPLETED (exit code {}) but the task is still {}: the agent in the job did "
                          "not finish it",
                          job->id, exit_code, status)
            : fmt::format("Slurm job {} {} (exit code {})", job->id, job->state, exit_code);
    fail(record, reason, tail.empty() ? std::string() : "Last lines of " + details->std_out + ":\n" + tail,
         FailureReason::job_failed);
  }

  // The end of a job's output file, read as the job's user (the agent may be
  // root; the path is the user's to choose).
  std::string read_tail(const std::string& path, const std::optional<process::Identity>& identity) const {
    process::Command command;
    command.argv = {"tail", "-n", std::to_string(options.log_tail_lines), "--", path};
    command.environment = {"PATH=/usr/bin:/bin"};
    command.as_user = identity;
    command.timeout = std::chrono::seconds(10);
    command.max_output = 16384;
    const auto outcome = process::run(command);
    return outcome.ok() ? last_lines(outcome.out, options.log_tail_lines) : std::string();
  }
};

Agent::Agent(AgentOptions options, clearml::Config config, clearml::SessionOptions session_options,
             slurm::Slurm& slurm, Shutdown& shutdown, Log& log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(config), std::move(session_options), slurm, shutdown,
                                   log)) {}

Agent::~Agent() = default;

std::string Agent::tag_of(const std::string& task) const { return impl_->tag_of(task); }
std::string Agent::tag_prefix() const { return impl_->tag_prefix(); }

void Agent::replace_renderers(const std::map<std::string, std::shared_ptr<const render::Renderer>>& by_queue) {
  for (auto& queue : impl_->options.queues) {
    if (const auto found = by_queue.find(queue.name); found != by_queue.end()) queue.renderer = found->second;
  }
}

void Agent::replace_config(clearml::Config config) {
  impl_->user_map = UserMap::from_config(config.tree);
  impl_->config = std::move(config);
}

int Agent::dry_run(std::ostream& out) {
  auto& self = *impl_;
  self.session = std::make_unique<clearml::Session>(self.session_options);
  int status = 0;
  for (auto& queue : self.options.queues) {
    const auto found = clearml::find_queue(*self.session, queue.name);
    if (!found) throw std::runtime_error("ClearML has no queue named '" + queue.name + "'");
    queue.id = found->id;
    for (const auto& entry : clearml::queue_entries(*self.session, queue.id)) {
      out << fmt::format("### task {} from queue {} ({})\n", entry.task, queue.name, queue.template_path);
      render::TaskInput input;
      input.task = clearml::get_task(*self.session, entry.task);
      input.config = self.config.tree;
      input.queue_name = queue.name;
      input.queue_id = queue.id;
      input.worker_id = self.options.worker_id;
      input.project_id = string_field(input.task, "project");
      input.project_name = self.project_name(*input.project_id);
      input.srun_delegation = self.options.srun_delegation;
      input.singularity_mode = self.options.singularity_mode;
      input.default_image = self.config.default_image;
      input.task_directory = self.options.task_dir_root + "/" + entry.task;
      std::string script;
      std::vector<render::RenderError> errors;
      try {
        if (queue.renderer->render(render::task_values(input), script, errors)) {
          out << script << (script.empty() || script.back() == '\n' ? "" : "\n");
          continue;
        }
      } catch (const std::invalid_argument& e) {
        errors.push_back({0, 0, {}, e.what()});
      }
      status = 1;
      for (const auto& e : errors) {
        out << fmt::format("# cannot render: {}:{}:{}: {}{}{}\n", queue.template_path, e.line, e.column,
                           e.placeholder, e.placeholder.empty() ? "" : ": ", e.message);
      }
    }
  }
  return status;
}

int Agent::run() {
  auto& self = *impl_;
  self.start();
  while (true) {
    try {
      self.cycle();
    } catch (const clearml::InterruptedError&) {
      break;
    } catch (const clearml::Error& e) {
      self.log.warning("cycle cut short by a ClearML error; next cycle goes on", {}, e.what());
    }
    self.after_cycle();
    if (self.options.once || self.shutdown.stopping()) break;
    self.shutdown.wait_for(self.options.poll_interval);
    if (self.shutdown.take_reload() && self.options.on_reload) self.options.on_reload(*this);
    if (self.shutdown.stopping()) break;
  }
  self.stop();
  return 0;
}

}  // namespace slurmglue::agent
