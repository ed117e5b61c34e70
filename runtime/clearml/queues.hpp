// The queues service: exact lookup by name, creation, atomic pops, removal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

struct Queue {
  std::string id;
  std::string name;
};

// An entry popped from a queue: the task id and when it was added.
struct QueueEntry {
  std::string task;
  std::string added;
};

// queues.get_all treats "name" as an unanchored regular expression (a search),
// so a name is escaped and anchored: "gpu.a" must not find "gpu_a" or "gpu.a2".
std::string exact_name_pattern(std::string_view name);

// The queue with exactly this name, if any (the server's answer is compared
// exactly too, in case its regex dialect differs).
std::optional<Queue> find_queue(Session& session, std::string_view name);
Queue create_queue(Session& session, std::string_view name, const std::vector<std::string>& system_tags = {});
// The queue with this name, created when missing (for the glue's pending queue).
Queue find_or_create_queue(Session& session, std::string_view name);

// queues.get_next_task: atomically removes the first entry (the task stays
// "queued"); nothing when the queue is empty. Never retried: a lost reply is
// an OutcomeUnknownError (see Session::call_once).
std::optional<QueueEntry> pop_next_task(Session& session, std::string_view queue_id);
// The entries of a queue, first to be popped first (queues.get_by_id); nothing is popped.
std::vector<QueueEntry> queue_entries(Session& session, std::string_view queue_id);
// Every task in some queue (queues.get_all, every page: the server returns at
// most 500 queues a reply).
std::vector<std::string> tasks_in_queues(Session& session);
// queues.remove_task; throws TaskNotInQueueError when it was not there.
void remove_task_from_queue(Session& session, std::string_view queue_id, std::string_view task_id);

}  // namespace slurmglue::clearml
