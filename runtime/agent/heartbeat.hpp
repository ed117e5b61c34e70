// Keeps the agent's worker registration alive: workers.status_report every
// interval from a thread and a ClearML connection of its own, so a slow call
// in the main loop (a hanging sbatch, a server retry) never lets the
// registration expire.
#pragma once

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "runtime/agent/log.hpp"
#include "runtime/clearml/session.hpp"

namespace slurmglue::agent {

class Heartbeat {
 public:
  Heartbeat(clearml::SessionOptions options, std::string worker, std::vector<std::string> queue_ids,
            std::chrono::milliseconds interval, Log& log);
  ~Heartbeat();  // stops the thread
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  // Reports sent so far (for tests and metrics).
  int reports() const { return reports_.load(); }

 private:
  std::atomic<int> reports_{0};
  std::jthread thread_;
};

}  // namespace slurmglue::agent
