// slurmglue-run's metrics in the Prometheus text exposition format (0.0.4):
//
//   slurmglue_tasks_popped_total{queue}             counter
//   slurmglue_tasks_submitted_total{queue}          counter
//   slurmglue_tasks_failed_total{queue,reason}      counter (reasons: FailureReason)
//   slurmglue_api_errors_total{kind}                counter (ClearML calls that ended in an error)
//   slurmglue_jobs{state}                           gauge: the agent's jobs in Slurm (pending, running, other)
//   slurmglue_tasks_held                            gauge: tasks in the journal
//   slurmglue_submit_latency_seconds                histogram: pop to accepted by sbatch
//   slurmglue_last_cycle_timestamp_seconds          gauge: when the last cycle ended
//
// Written atomically to a file for node_exporter's textfile collector
// (write_atomically) and served on a loopback port (MetricsServer). Counters
// start at zero with the process, as Prometheus expects of counters.
// Thread-safe: the heartbeat's session and the server's thread use it too.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace slurmglue::agent {

// Why a task was failed without running (or its job failed).
enum class FailureReason {
  render,       // the template cannot be rendered for the task's values
  user,         // impersonation: the task's user is not mapped, or does not exist here
  sbatch,       // sbatch rejected the job
  job_failed,   // the Slurm job ended badly (or without the task finishing)
  job_lost,     // Slurm no longer lists the job, and the task is not over
  config,       // the agent's own set-up (a queue no longer served)
  invalid_task, // a task id that cannot be used safely
};
std::string_view to_string(FailureReason reason);

class Metrics {
 public:
  // Upper bounds of the submit latency histogram's buckets, in seconds.
  static constexpr std::array<double, 10> kLatencyBuckets{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

  // A served queue's counters appear (at zero) before anything happened in it.
  void add_queue(const std::string& queue);
  void popped(const std::string& queue);
  // `since_pop`: when this process popped the task; none for a task popped before a restart.
  void submitted(const std::string& queue, std::optional<std::chrono::duration<double>> since_pop);
  void failed(const std::string& queue, FailureReason reason);
  void api_error(std::string_view kind);
  void jobs(std::size_t pending, std::size_t running, std::size_t other);
  void cycle_done(std::size_t tasks_held, std::chrono::system_clock::time_point when);

  std::string text() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> popped_, submitted_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> failed_;
  std::map<std::string, std::uint64_t> api_errors_;
  std::optional<std::array<std::size_t, 3>> jobs_;  // pending, running, other: none before the first squeue
  std::size_t held_ = 0;
  std::optional<double> last_cycle_;
  std::array<std::uint64_t, kLatencyBuckets.size()> latency_buckets_{};  // not cumulative
  std::uint64_t latency_count_ = 0;
  double latency_sum_ = 0;
};

// `text` into `path` for a reader that must never see half of it: written to
// a temporary file in the same directory, made readable by all (mode 0644:
// node_exporter runs as its own user) and renamed over `path`. Throws
// std::system_error.
void write_atomically(const std::filesystem::path& path, std::string_view text);

// A small HTTP server on 127.0.0.1 for Prometheus to scrape: GET /metrics
// answers Metrics::text(); any other path is 404, any other method 405. One
// connection at a time, each closed after its answer, with short socket
// timeouts so a slow client cannot hold it for long.
class MetricsServer {
 public:
  // Port 0 takes any free port (see port()). Throws std::system_error when
  // the port cannot be had.
  MetricsServer(const Metrics& metrics, std::uint16_t port);
  ~MetricsServer();  // stops the thread
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  std::uint16_t port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace slurmglue::agent
