// The workers service: the glue shows up in the ClearML UI as a worker that
// listens on its queues. Registration expires after its timeout (600 s by
// default), so the agent reports its status every ~30 s.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

void register_worker(Session& session, std::string_view worker, const std::vector<std::string>& queue_ids,
                     std::chrono::seconds timeout = std::chrono::seconds(600));

struct WorkerStatus {
  std::string worker;
  std::int64_t timestamp_ms = 0;
  std::optional<std::string> task;   // the task it is busy with
  std::optional<std::string> queue;  // the queue that task came from
  std::vector<std::string> queues;   // the queues it listens on
};
void report_worker_status(Session& session, const WorkerStatus& status);

void unregister_worker(Session& session, std::string_view worker);

}  // namespace slurmglue::clearml
