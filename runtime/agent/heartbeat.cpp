#include "runtime/agent/heartbeat.hpp"

#include <condition_variable>
#include <mutex>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/workers.hpp"

namespace slurmglue::agent {

Heartbeat::Heartbeat(clearml::SessionOptions options, std::string worker, std::vector<std::string> queue_ids,
                     std::chrono::milliseconds interval, Log& log) {
  thread_ = std::jthread([this, options = std::move(options), worker = std::move(worker),
                          queue_ids = std::move(queue_ids), interval, &log](std::stop_token stop) mutable {
    // Waits and calls end as soon as the thread is asked to stop.
    std::mutex mutex;
    std::condition_variable_any wake;
    options.interrupted = [stop] { return stop.stop_requested(); };
    options.sleep = [&](std::chrono::milliseconds duration) {
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, duration, [] { return false; });
    };
    options.deadline = std::min<std::chrono::milliseconds>(options.deadline, interval * 4);
    clearml::Session session(options);
    while (!stop.stop_requested()) {
      try {
        clearml::WorkerStatus status;
        status.worker = worker;
        status.timestamp_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
        status.queues = queue_ids;
        clearml::report_worker_status(session, status);
        ++reports_;
        log.debug("heartbeat", {}, worker);
      } catch (const clearml::InterruptedError&) {
        break;
      } catch (const clearml::Error& e) {
        log.warning("heartbeat failed", {}, e.what());
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, interval, [] { return false; });
    }
  });
}

Heartbeat::~Heartbeat() {
  thread_.request_stop();
}

}  // namespace slurmglue::agent
