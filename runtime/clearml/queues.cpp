#include "runtime/clearml/queues.hpp"

#include "runtime/clearml/api_error.hpp"

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
  for (const auto& queue : data.value("queues", nlohmann::json::array())) {
    if (queue.value("name", "") == name) return Queue{queue.value("id", ""), queue.value("name", "")};
  }
  return std::nullopt;
}

Queue create_queue(Session& session, std::string_view name, const std::vector<std::string>& system_tags) {
  const auto data = session.call("queues.create", {{"name", name}, {"system_tags", system_tags}});
  return Queue{data.value("id", ""), std::string(name)};
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
  const auto data = session.call("queues.get_next_task", {{"queue", queue_id}});
  if (!data.contains("entry") || !data["entry"].is_object()) return std::nullopt;
  const auto& entry = data["entry"];
  return QueueEntry{entry.value("task", ""), entry.value("added", "")};
}

void remove_task_from_queue(Session& session, std::string_view queue_id, std::string_view task_id) {
  session.call("queues.remove_task", {{"queue", queue_id}, {"task", task_id}});
}

}  // namespace slurmglue::clearml
