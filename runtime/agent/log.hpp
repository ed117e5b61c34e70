// The agent's log: one line per event on stderr, with the task, queue and
// job it concerns, e.g.
//   2026-12-01T04:30:00Z info submitted task=4f1c queue=gpu job=123
// Thread-safe. Nothing secret is ever passed to it (the ClearML session
// scrubs server messages before they get here).
// On a terminal, a long step may also show its progress on a line of its own
// that log lines pass under ("reconciling 120/900 tasks"); elsewhere (a file,
// the journal of systemd) progress is not written at all.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace slurmglue::agent {

struct Fields {
  std::string_view task, queue, job;
};

class Log {
 public:
  explicit Log(std::ostream& out, bool debug = false, bool terminal = false)
      : out_(out), debug_(debug), terminal_(terminal) {}
  void debug(std::string_view event, const Fields& fields = {}, std::string_view detail = {});
  void info(std::string_view event, const Fields& fields = {}, std::string_view detail = {});
  void warning(std::string_view event, const Fields& fields = {}, std::string_view detail = {});
  void error(std::string_view event, const Fields& fields = {}, std::string_view detail = {});
  bool debug_enabled() const { return debug_; }
  // Shows `text` as the progress line on a terminal (empty: removes it).
  void progress(std::string_view text);

 private:
  void write(std::string_view level, std::string_view event, const Fields& fields, std::string_view detail);
  std::ostream& out_;
  bool debug_;
  bool terminal_;
  std::string progress_;  // the progress line shown, if any
  std::mutex mutex_;
};

}  // namespace slurmglue::agent
