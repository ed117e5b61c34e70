// Log lines on a task's console in the ClearML UI, sent with events.add_batch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

struct LogLine {
  std::string task;
  std::int64_t timestamp_ms = 0;
  std::string level = "info";  // debug, info, warning, error, critical
  std::string worker;
  std::string msg;
};

// The events.add_batch body: one JSON event per line.
std::string to_json_lines(const std::vector<LogLine>& lines);

// Sends the lines (nothing when there are none).
void add_log_lines(Session& session, const std::vector<LogLine>& lines);

}  // namespace slurmglue::clearml
