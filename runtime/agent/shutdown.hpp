// How the agent learns it must stop or reload: SIGTERM/SIGINT ask it to stop
// (a second one to stop at once), SIGHUP to re-read templates and
// configuration. One thread waits for those signals (blocked everywhere
// else), so no work is done in a signal handler; the loop's waits wake up
// as soon as a request arrives.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace slurmglue::agent {

class Shutdown {
 public:
  void request_stop();
  void request_reload();
  bool stopping() const { return stop_requests_.load() > 0; }
  // A second stop request: abandon calls under way.
  bool stopping_now() const { return stop_requests_.load() > 1; }
  // True once after each reload request.
  bool take_reload() { return reload_.exchange(false); }
  // Waits up to `duration`; returns early on a stop or reload request.
  void wait_for(std::chrono::milliseconds duration);

 private:
  std::atomic<int> stop_requests_{0};
  std::atomic<bool> reload_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread (call it first in
// main, so that every later thread inherits the mask) and starts the thread
// that turns them into requests on `shutdown`. SIGPIPE is ignored.
std::jthread watch_signals(Shutdown& shutdown);

}  // namespace slurmglue::agent
