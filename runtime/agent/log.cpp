#include "runtime/agent/log.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace slurmglue::agent {

namespace {

// A field's value on one line: no line breaks whatever a message holds.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

// Back to the start of the line, and erase it.
constexpr std::string_view kClearLine = "\r\033[K";

}  // namespace

void Log::progress(std::string_view text) {
  if (!terminal_) return;
  const std::lock_guard lock(mutex_);
  if (text.empty() && progress_.empty()) return;
  progress_ = one_line(text);
  out_ << kClearLine << progress_ << std::flush;
}

void Log::write(std::string_view level, std::string_view event, const Fields& fields, std::string_view detail) {
  const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  std::string line = fmt::format("{:%Y-%m-%dT%H:%M:%S}Z {} {}", now, level, event);
  if (!fields.task.empty()) line += fmt::format(" task={}", fields.task);
  if (!fields.queue.empty()) line += fmt::format(" queue={}", one_line(fields.queue));
  if (!fields.job.empty()) line += fmt::format(" job={}", fields.job);
  if (!detail.empty()) line += ": " + one_line(detail);
  line += '\n';
  const std::lock_guard lock(mutex_);
  if (progress_.empty()) {
    out_ << line << std::flush;
  } else {
    out_ << kClearLine << line << progress_ << std::flush;  // the line passes under the progress
  }
}

void Log::debug(std::string_view event, const Fields& fields, std::string_view detail) {
  if (debug_) write("debug", event, fields, detail);
}
void Log::info(std::string_view event, const Fields& fields, std::string_view detail) {
  write("info", event, fields, detail);
}
void Log::warning(std::string_view event, const Fields& fields, std::string_view detail) {
  write("warning", event, fields, detail);
}
void Log::error(std::string_view event, const Fields& fields, std::string_view detail) {
  write("error", event, fields, detail);
}

}  // namespace slurmglue::agent
