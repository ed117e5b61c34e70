#include "runtime/clearml/workers.hpp"

namespace slurmglue::clearml {

void register_worker(Session& session, std::string_view worker, const std::vector<std::string>& queue_ids,
                     std::chrono::seconds timeout) {
  session.call("workers.register", {{"worker", worker}, {"queues", queue_ids}, {"timeout", timeout.count()}});
}

void report_worker_status(Session& session, const WorkerStatus& status) {
  nlohmann::json request = {{"worker", status.worker}, {"timestamp", status.timestamp_ms}};
  if (status.task) request["task"] = *status.task;
  if (status.queue) request["queue"] = *status.queue;
  if (!status.queues.empty()) request["queues"] = status.queues;
  session.call("workers.status_report", request);
}

void unregister_worker(Session& session, std::string_view worker) {
  session.call("workers.unregister", {{"worker", worker}});
}

}  // namespace slurmglue::clearml
