// The tasks service. Tasks are returned as the API returns them (JSON), since
// templates may reach any field of a task.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

struct TaskQuery {
  std::vector<std::string> ids;
  std::vector<std::string> only_fields;  // empty: all fields
  std::vector<std::string> statuses;     // empty: any status
};

// tasks.get_all, in batches of `batch_size` ids (at most kMaxPageSize) so that
// status checks of many tasks cost a few requests, not one each. A query
// without ids (by status) reads every page: "page" from 0 until one holds
// fewer than kMaxPageSize.
std::vector<nlohmann::json> get_tasks(Session& session, const TaskQuery& query, std::size_t batch_size = 100);
// tasks.get_by_id; throws UnknownTaskError.
nlohmann::json get_task(Session& session, std::string_view task_id);

// tasks.enqueue into a queue (the task becomes "queued" and is added to it).
void enqueue_task(Session& session, std::string_view task_id, std::string_view queue_id,
                  std::string_view status_reason = {});
struct DequeueOptions {
  std::optional<std::string> new_status;
  bool remove_from_all_queues = false;
  std::string status_reason;
  std::string status_message;
};
// enqueue, dequeue and the status changes below change state once: they are
// never retried after they may have reached the server (OutcomeUnknownError).
void dequeue_task(Session& session, std::string_view task_id, const DequeueOptions& options = {});

// The fields of tasks.started|stopped|failed|completed. "force" skips the
// server's transition table (queued -> failed needs it).
struct StatusChange {
  std::string reason;
  std::string message;
  bool force = false;
};
void mark_started(Session& session, std::string_view task_id, const StatusChange& change = {});
void mark_stopped(Session& session, std::string_view task_id, const StatusChange& change = {});
void mark_failed(Session& session, std::string_view task_id, const StatusChange& change = {});
void mark_completed(Session& session, std::string_view task_id, const StatusChange& change = {});

// tasks.update with status_message.
void set_status_message(Session& session, std::string_view task_id, std::string_view message);

// tasks.edit replaces "runtime" whole: this reads it, merges `fields` into it
// (an RFC 7386 merge patch) and writes the result back (with force, since the
// task is usually no longer "created").
nlohmann::json merge_runtime(Session& session, std::string_view task_id, const nlohmann::json& fields);
// The same with the runtime already read (e.g. with the whole task just
// before): no second read.
nlohmann::json merge_runtime(Session& session, std::string_view task_id, nlohmann::json runtime,
                             const nlohmann::json& fields);

struct HyperParam {
  std::string section;
  std::string name;
  std::string value;
};
void edit_hyper_params(Session& session, std::string_view task_id, const std::vector<HyperParam>& params,
                       bool force = false);

}  // namespace slurmglue::clearml
