#include "runtime/clearml/tasks.hpp"

#include <algorithm>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/reply.hpp"

namespace slurmglue::clearml {

namespace {

// A status change is never repeated blindly (call_once): the caller reads the
// task back after an OutcomeUnknownError.
void change_status(Session& session, std::string_view action, std::string_view task_id,
                   const StatusChange& change) {
  session.call_once(action, {{"task", task_id},
                        {"status_reason", change.reason},
                        {"status_message", change.message},
                        {"force", change.force}});
}

}  // namespace

std::vector<nlohmann::json> get_tasks(Session& session, const TaskQuery& query, std::size_t batch_size) {
  std::vector<nlohmann::json> tasks;
  batch_size = std::clamp<std::size_t>(batch_size, 1, kMaxPageSize);
  nlohmann::json request = nlohmann::json::object();
  if (!query.only_fields.empty()) request["only_fields"] = query.only_fields;
  if (!query.statuses.empty()) request["status"] = query.statuses;
  auto take = [&](const nlohmann::json& data) {
    const auto& list = object_list(data, "tasks", "tasks.get_all");
    for (const auto& task : list) {
      required_string(task, "id", "tasks.get_all");
      tasks.push_back(task);
    }
    return list.size();
  };
  if (query.ids.empty()) {
    if (query.statuses.empty()) return tasks;  // nothing asked for
    request["page_size"] = kMaxPageSize;
    std::string first_of_last_page;
    for (std::size_t page = 0;; ++page) {
      request["page"] = page;
      const auto before = tasks.size();
      const auto n = take(session.call("tasks.get_all", request));
      // A server that ignores "page" would send the same page forever.
      const std::string first = n > 0 ? tasks[before]["id"].get<std::string>() : std::string();
      if (n < kMaxPageSize || first == first_of_last_page) break;
      first_of_last_page = first;
    }
    return tasks;
  }
  for (std::size_t first = 0; first < query.ids.size(); first += batch_size) {
    const auto last = std::min(query.ids.size(), first + batch_size);
    request["id"] = std::vector<std::string>(query.ids.begin() + static_cast<std::ptrdiff_t>(first),
                                             query.ids.begin() + static_cast<std::ptrdiff_t>(last));
    take(session.call("tasks.get_all", request));
  }
  return tasks;
}

nlohmann::json get_task(Session& session, std::string_view task_id) {
  auto data = session.call("tasks.get_by_id", {{"task", task_id}});
  if (!data.contains("task") || !data["task"].is_object()) {
    throw MalformedReplyError("ClearML tasks.get_by_id: malformed reply: 'task' is not an object");
  }
  return std::move(data["task"]);
}

void enqueue_task(Session& session, std::string_view task_id, std::string_view queue_id,
                  std::string_view status_reason) {
  session.call_once("tasks.enqueue", {{"task", task_id},
                                 {"queue", queue_id},
                                 {"status_reason", status_reason},
                                 {"update_execution_queue", true}});
}

void dequeue_task(Session& session, std::string_view task_id, const DequeueOptions& options) {
  nlohmann::json request = {{"task", task_id}, {"remove_from_all_queues", options.remove_from_all_queues}};
  if (options.new_status) request["new_status"] = *options.new_status;
  if (!options.status_reason.empty()) request["status_reason"] = options.status_reason;
  if (!options.status_message.empty()) request["status_message"] = options.status_message;
  session.call_once("tasks.dequeue", request);
}

void mark_started(Session& session, std::string_view task_id, const StatusChange& change) {
  change_status(session, "tasks.started", task_id, change);
}
void mark_stopped(Session& session, std::string_view task_id, const StatusChange& change) {
  change_status(session, "tasks.stopped", task_id, change);
}
void mark_failed(Session& session, std::string_view task_id, const StatusChange& change) {
  change_status(session, "tasks.failed", task_id, change);
}
void mark_completed(Session& session, std::string_view task_id, const StatusChange& change) {
  change_status(session, "tasks.completed", task_id, change);
}

void set_status_message(Session& session, std::string_view task_id, std::string_view message) {
  session.call("tasks.update", {{"task", task_id}, {"status_message", message}});
}

nlohmann::json merge_runtime(Session& session, std::string_view task_id, const nlohmann::json& fields) {
  return merge_runtime(session, task_id, get_task(session, task_id).value("runtime", nlohmann::json::object()), fields);
}

nlohmann::json merge_runtime(Session& session, std::string_view task_id, nlohmann::json runtime,
                             const nlohmann::json& fields) {
  if (!runtime.is_object()) runtime = nlohmann::json::object();
  runtime.merge_patch(fields);
  session.call("tasks.edit", {{"task", task_id}, {"runtime", runtime}, {"force", true}});
  return runtime;
}

void edit_hyper_params(Session& session, std::string_view task_id, const std::vector<HyperParam>& params,
                       bool force) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& param : params) {
    list.push_back({{"section", param.section}, {"name", param.name}, {"value", param.value}});
  }
  session.call("tasks.edit_hyper_params", {{"task", task_id}, {"hyperparams", list}, {"force", force}});
}

}  // namespace slurmglue::clearml
