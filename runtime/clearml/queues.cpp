#include "runtime/clearml/queues.hpp"

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/reply.hpp"

namespace slurmglue::clearml {

std::string exact_name_pattern(std::string_view name) {
  std::string pattern = "^";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    // Escaping any ASCII punctuation is literal in both Python re and PCRE;
    // bytes of UTF-8 sequences stay as they are so that the text stays valid.
    const bool literal = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '_';
    if (!literal) pattern += '\\';
    pattern += c;
  }
  pattern += '$';
  return pattern;
}

std::optional<Queue> find_queue(Session& session, std::string_view name) {
  const auto data = session.call("queues.get_all", {{"name", exact_name_pattern(name)},
                                                    {"only_fields", {"id", "name"}}});
  for (const auto& queue : object_list(data, "queues", "queues.get_all")) {
    if (optional_string(queue, "name", "queues.get_all") == name) {
      return Queue{required_string(queue, "id", "queues.get_all"), std::string(name)};
    }
  }
  return std::nullopt;
}

Queue create_queue(Session& session, std::string_view name, const std::vector<std::string>& system_tags) {
  // Creating twice makes a second queue of the same name: no blind retry.
  const auto data = session.call_once("queues.create", {{"name", name}, {"system_tags", system_tags}});
  return Queue{required_string(data, "id", "queues.create"), std::string(name)};
}

Queue find_or_create_queue(Session& session, std::string_view name) {
  if (auto queue = find_queue(session, name)) return *queue;
  try {
    return create_queue(session, name);
  } catch (const QueueExistsError&) {
    // Another agent created it between our lookup and our create.
    if (auto queue = find_queue(session, name)) return *queue;
    throw;
  }
}

std::optional<QueueEntry> pop_next_task(Session& session, std::string_view queue_id) {
  constexpr std::string_view kPop = "queues.get_next_task";
  // A pop repeated after a lost reply would drop the first entry: never retried.
  const auto data = session.call_once(kPop, {{"queue", queue_id}});
  if (!data.contains("entry") || data["entry"].is_null()) return std::nullopt;
  const auto& entry = data["entry"];
  if (!entry.is_object()) throw MalformedReplyError("ClearML queues.get_next_task: malformed reply: 'entry' is not an object");
  if (entry.empty()) return std::nullopt;
  std::string added;
  if (const auto at = entry.find("added"); at != entry.end() && at->is_string()) added = at->get<std::string>();
  return QueueEntry{required_string(entry, "task", kPop), std::move(added)};
}

std::vector<QueueEntry> queue_entries(Session& session, std::string_view queue_id) {
  constexpr std::string_view kGet = "queues.get_by_id";
  const auto data = session.call(kGet, {{"queue", queue_id}});
  if (!data.contains("queue") || !data["queue"].is_object()) {
    throw MalformedReplyError("ClearML queues.get_by_id: malformed reply: 'queue' is not an object");
  }
  std::vector<QueueEntry> entries;
  for (const auto& entry : object_list(data["queue"], "entries", kGet)) {
    entries.push_back({required_string(entry, "task", kGet), optional_string(entry, "added", kGet)});
  }
  return entries;
}

void remove_task_from_queue(Session& session, std::string_view queue_id, std::string_view task_id) {
  // Removing twice is harmless (the second says "not in queue").
  session.call("queues.remove_task", {{"queue", queue_id}, {"task", task_id}});
}

std::vector<std::string> tasks_in_queues(Session& session) {
  constexpr std::string_view kGetAll = "queues.get_all";
  std::vector<std::string> tasks;
  std::string first_of_last_page;
  for (std::size_t page = 0;; ++page) {
    const auto data = session.call(kGetAll, {{"only_fields", {"id", "entries"}}, {"page", page}, {"page_size", kMaxPageSize}});
    const auto& queues = object_list(data, "queues", kGetAll);
    for (const auto& q : queues) {
      for (const auto& e : object_list(q, "entries", kGetAll)) tasks.push_back(optional_string(e, "task", kGetAll));
    }
    // A server that ignores "page" would send the same page forever.
    const std::string first = queues.empty() ? std::string() : optional_string(queues.front(), "id", kGetAll);
    if (queues.size() < kMaxPageSize || first == first_of_last_page) break;
    first_of_last_page = first;
  }
  return tasks;
}

}  // namespace slurmglue::clearml
