#include "runtime/clearml/events.hpp"

#include <nlohmann/json.hpp>

namespace slurmglue::clearml {

std::string to_json_lines(const std::vector<LogLine>& lines) {
  std::string body;
  for (const auto& line : lines) {
    const nlohmann::json event = {{"type", "log"},   {"task", line.task},     {"timestamp", line.timestamp_ms},
                                  {"level", line.level}, {"worker", line.worker}, {"msg", line.msg}};
    // A line of a job's output may hold any bytes; one bad byte must not lose the batch.
    body += event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    body += '\n';
  }
  return body;
}

void add_log_lines(Session& session, const std::vector<LogLine>& lines) {
  if (lines.empty()) return;
  session.call_json_lines("events.add_batch", to_json_lines(lines));
}

}  // namespace slurmglue::clearml
