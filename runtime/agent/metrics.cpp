#include "runtime/agent/metrics.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>

#include <fmt/format.h>

namespace slurmglue::agent {

namespace {

std::system_error os_error(const std::string& what) { return {errno, std::generic_category(), what}; }

// A label value as the exposition format wants it: \, " and newline escaped.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

// Numbers as Prometheus reads them: integers plainly, others with enough digits.
std::string number(double v) { return fmt::format("{}", v); }

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

std::string_view to_string(FailureReason reason) {
  switch (reason) {
    case FailureReason::render: return "render";
    case FailureReason::user: return "user";
    case FailureReason::sbatch: return "sbatch";
    case FailureReason::job_failed: return "job_failed";
    case FailureReason::job_lost: return "job_lost";
    case FailureReason::config: return "config";
    case FailureReason::invalid_task: return "invalid_task";
  }
  return "other";
}

void Metrics::add_queue(const std::string& queue) {
  const std::lock_guard lock(mutex_);
  popped_.try_emplace(queue, 0);
  submitted_.try_emplace(queue, 0);
}

void Metrics::popped(const std::string& queue) {
  const std::lock_guard lock(mutex_);
  ++popped_[queue];
}

void Metrics::submitted(const std::string& queue, std::optional<std::chrono::duration<double>> since_pop) {
  const std::lock_guard lock(mutex_);
  ++submitted_[queue];
  if (!since_pop) return;
  const double seconds = since_pop->count();
  for (std::size_t k = 0; k < kLatencyBuckets.size(); ++k) {
    if (seconds <= kLatencyBuckets[k]) {
      ++latency_buckets_[k];
      break;
    }
  }
  ++latency_count_;
  latency_sum_ += seconds;
}

void Metrics::failed(const std::string& queue, FailureReason reason) {
  const std::lock_guard lock(mutex_);
  ++failed_[{queue, std::string(to_string(reason))}];
}

void Metrics::api_error(std::string_view kind) {
  const std::lock_guard lock(mutex_);
  ++api_errors_[std::string(kind)];
}

void Metrics::jobs(std::size_t pending, std::size_t running, std::size_t other) {
  const std::lock_guard lock(mutex_);
  jobs_ = {pending, running, other};
}

void Metrics::cycle_done(std::size_t tasks_held, std::chrono::system_clock::time_point when) {
  const std::lock_guard lock(mutex_);
  held_ = tasks_held;
  last_cycle_ = std::chrono::duration<double>(when.time_since_epoch()).count();
}

std::string Metrics::text() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  auto per_queue = [&](std::string_view name, std::string_view help, const std::map<std::string, std::uint64_t>& m) {
    header(out, name, "counter", help);
    for (const auto& [queue, n] : m) out += fmt::format("{}{{queue=\"{}\"}} {}\n", name, label(queue), n);
  };
  per_queue("slurmglue_tasks_popped_total", "Tasks taken from a ClearML queue.", popped_);
  per_queue("slurmglue_tasks_submitted_total", "Tasks whose job sbatch accepted.", submitted_);
  header(out, "slurmglue_tasks_failed_total", "counter", "Tasks failed by the agent, by reason.");
  for (const auto& [key, n] : failed_) {
    out += fmt::format("slurmglue_tasks_failed_total{{queue=\"{}\",reason=\"{}\"}} {}\n", label(key.first),
                       label(key.second), n);
  }
  header(out, "slurmglue_api_errors_total", "counter", "ClearML API calls that ended in an error, by kind.");
  for (const auto& [kind, n] : api_errors_) out += fmt::format("slurmglue_api_errors_total{{kind=\"{}\"}} {}\n", label(kind), n);
  if (jobs_) {
    header(out, "slurmglue_jobs", "gauge", "The agent's jobs that Slurm lists, by state.");
    const char* states[] = {"pending", "running", "other"};
    for (std::size_t k = 0; k < 3; ++k) out += fmt::format("slurmglue_jobs{{state=\"{}\"}} {}\n", states[k], (*jobs_)[k]);
  }
  header(out, "slurmglue_tasks_held", "gauge", "Tasks the agent holds: submitted or on their way to Slurm.");
  out += fmt::format("slurmglue_tasks_held {}\n", held_);
  header(out, "slurmglue_submit_latency_seconds", "histogram", "Seconds from a task's pop to its job's submission.");
  std::uint64_t cumulative = 0;
  for (std::size_t k = 0; k < kLatencyBuckets.size(); ++k) {
    cumulative += latency_buckets_[k];
    out += fmt::format("slurmglue_submit_latency_seconds_bucket{{le=\"{}\"}} {}\n", number(kLatencyBuckets[k]),
                       cumulative);
  }
  out += fmt::format("slurmglue_submit_latency_seconds_bucket{{le=\"+Inf\"}} {}\n", latency_count_);
  out += fmt::format("slurmglue_submit_latency_seconds_sum {}\n", number(latency_sum_));
  out += fmt::format("slurmglue_submit_latency_seconds_count {}\n", latency_count_);
  if (last_cycle_) {
    header(out, "slurmglue_last_cycle_timestamp_seconds", "gauge", "When the agent last finished a cycle (Unix time).");
    out += fmt::format("slurmglue_last_cycle_timestamp_seconds {:.3f}\n", *last_cycle_);
  }
  return out;
}

void write_atomically(const std::filesystem::path& path, std::string_view text) {
  auto temporary = path;
  temporary += fmt::format(".{}.tmp", ::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw os_error("cannot write " + temporary.string());
  int error = ::fchmod(fd, 0644) == 0 ? 0 : errno;  // whatever the umask
  for (std::size_t at = 0; error == 0 && at < text.size();) {
    const ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) error = n < 0 ? errno : EIO;
    else at += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    throw std::system_error(error, std::generic_category(), "cannot write " + path.string());
  }
}

struct MetricsServer::Impl {
  const Metrics& metrics;
  int listener = -1;
  int stop_pipe[2] = {-1, -1};
  std::uint16_t port = 0;
  std::thread thread;

  explicit Impl(const Metrics& m) : metrics(m) {}
  ~Impl() {
    for (int fd : {listener, stop_pipe[0], stop_pipe[1]}) {
      if (fd >= 0) ::close(fd);
    }
  }

  void serve() {
    while (true) {
      pollfd fds[2] = {{listener, POLLIN, 0}, {stop_pipe[0], POLLIN, 0}};
      if (::poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      if ((fds[0].revents & POLLIN) == 0) continue;
      const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      answer(client);
      ::close(client);
    }
  }

  void answer(int client) const {
    const timeval timeout{2, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::string request;
    char buf[1024];
    while (request.find("\r\n\r\n") == std::string::npos && request.find("\n\n") == std::string::npos &&
           request.size() < 8192) {
      const ssize_t n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0) break;
      request.append(buf, static_cast<std::size_t>(n));
    }
    // The request line: METHOD SP TARGET SP VERSION.
    const auto line = request.substr(0, request.find_first_of("\r\n"));
    const auto space = line.find(' ');
    const std::string method = line.substr(0, space);
    std::string target = space == std::string::npos ? "" : line.substr(space + 1);
    target = target.substr(0, target.find(' '));
    target = target.substr(0, target.find('?'));
    std::string status = "200 OK", type = "text/plain; version=0.0.4; charset=utf-8", body, extra;
    if (method != "GET") {
      status = "405 Method Not Allowed";
      extra = "Allow: GET\r\n";
      body = "only GET /metrics\n";
      type = "text/plain; charset=utf-8";
    } else if (target != "/metrics") {
      status = "404 Not Found";
      body = "only /metrics\n";
      type = "text/plain; charset=utf-8";
    } else {
      body = metrics.text();
    }
    const std::string reply = fmt::format("HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n{}",
                                          status, type, body.size(), extra, body);
    for (std::size_t at = 0; at < reply.size();) {
      const ssize_t n = ::send(client, reply.data() + at, reply.size() - at, MSG_NOSIGNAL);
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
  }
};

MetricsServer::MetricsServer(const Metrics& metrics, std::uint16_t port) : impl_(std::make_unique<Impl>(metrics)) {
  auto& self = *impl_;
  if (::pipe2(self.stop_pipe, O_CLOEXEC) != 0) throw os_error("metrics server: pipe");
  self.listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (self.listener < 0) throw os_error("metrics server: socket");
  const int one = 1;
  ::setsockopt(self.listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::bind(self.listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw os_error(fmt::format("metrics server: cannot listen on 127.0.0.1:{}", port));
  }
  if (::listen(self.listener, 16) != 0) throw os_error("metrics server: listen");
  socklen_t length = sizeof address;
  ::getsockname(self.listener, reinterpret_cast<sockaddr*>(&address), &length);
  self.port = ntohs(address.sin_port);
  self.thread = std::thread([server = impl_.get()] { server->serve(); });
}

MetricsServer::~MetricsServer() {
  const char byte = 0;
  if (::write(impl_->stop_pipe[1], &byte, 1) < 0) {
    // The pipe cannot be full or closed here; nothing better to do.
  }
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::uint16_t MetricsServer::port() const { return impl_->port; }

}  // namespace slurmglue::agent
