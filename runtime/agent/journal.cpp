#include "runtime/agent/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace slurmglue::agent {

namespace {

constexpr const char* kFile = "journal.jsonl";

[[noreturn]] void fail(const std::string& what) {
  throw JournalError(fmt::format("{}: {}", what, std::strerror(errno)));
}

void write_all(int fd, const std::string& data, const std::string& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write " + path);
    done += static_cast<std::size_t>(n);
  }
}

void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open " + directory);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) fail("cannot sync " + directory);
}

constexpr std::pair<Stage, std::string_view> kStages[] = {
    {Stage::Popped, "popped"},         {Stage::Pending, "pending"}, {Stage::Submitting, "submitting"},
    {Stage::Submitted, "submitted"},   {Stage::Failing, "failing"}, {Stage::Finishing, "finishing"}};

std::optional<Stage> stage_from(std::string_view name) {
  for (const auto& [stage, text] : kStages) {
    if (text == name) return stage;
  }
  return std::nullopt;
}

nlohmann::json to_json(const TaskRecord& r) {
  return {{"op", "task"},     {"task", r.task},           {"queue", r.queue_id}, {"queue_name", r.queue_name},
          {"stage", to_string(r.stage)}, {"job", r.job_id}, {"user", r.user},   {"dir", r.directory},
          {"reason", r.reason}, {"recorded", r.recorded}, {"attempt", r.attempt_ms}};
}

std::string line_of(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string_view to_string(Stage stage) {
  for (const auto& [s, text] : kStages) {
    if (s == stage) return text;
  }
  return "?";
}

Journal::Journal(const std::string& directory) : directory_(directory), path_(directory + "/" + kFile) {
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) fail("cannot make the state directory " + directory);
  const std::string lock = directory + "/lock";
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0) fail("cannot open " + lock);
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(lock_fd_);
    lock_fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw JournalError("another slurmglue-run uses the state directory " + directory +
                         " (give each agent its own --state-dir and --worker-id)");
    }
    errno = error;
    fail("cannot lock " + lock);
  }
  replay();
  compact();  // also drops a torn last line
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

const TaskRecord* Journal::find(const std::string& task) const {
  const auto found = tasks_.find(task);
  return found == tasks_.end() ? nullptr : &found->second;
}

void Journal::replay() {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return;
    fail("cannot read " + path_);
  }
  std::string text;
  char buffer[65536];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      fail("cannot read " + path_);
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) break;  // torn last line: its side effect never started
    const auto record = nlohmann::json::parse(text.begin() + static_cast<std::ptrdiff_t>(start),
                                              text.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
    start = end + 1;
    if (!record.is_object() || !record.contains("op") || !record["op"].is_string()) continue;
    const std::string op = record["op"];
    auto text_of = [&](const char* key) {
      const auto it = record.find(key);
      return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (op == "pop") open_pops_.insert(text_of("queue"));
    if (op == "pop_end") open_pops_.erase(text_of("queue"));
    if (op == "pops" || op == "pops_end") {
      const auto queues = record.find("queues");
      if (queues == record.end() || !queues->is_array()) continue;
      for (const auto& q : *queues) {
        if (!q.is_string()) continue;
        if (op == "pops")
          open_pops_.insert(q.get<std::string>());
        else
          open_pops_.erase(q.get<std::string>());
      }
    }
    if (op == "claim") open_claims_[text_of("task")] = text_of("queue");
    if (op == "claim_end") open_claims_.erase(text_of("task"));
    if (op == "forget") tasks_.erase(text_of("task"));
    if (op == "task") {
      TaskRecord r;
      r.task = text_of("task");
      r.queue_id = text_of("queue");
      r.queue_name = text_of("queue_name");
      const auto stage = stage_from(text_of("stage"));
      if (r.task.empty() || !stage) continue;
      r.stage = *stage;
      r.job_id = text_of("job");
      r.user = text_of("user");
      r.directory = text_of("dir");
      r.reason = text_of("reason");
      r.recorded = record.value("recorded", false);
      if (const auto a = record.find("attempt"); a != record.end() && a->is_number_integer()) r.attempt_ms = a->get<std::int64_t>();
      tasks_[r.task] = std::move(r);
    }
  }
}

void Journal::append(const std::string& line, Sync sync) {
  if (lines_ > 1000 && lines_ > 4 * (tasks_.size() + open_pops_.size() + open_claims_.size())) compact();
  write_all(fd_, line, path_);
  ++lines_;
  unsynced_ = true;
  if (sync == Sync::Now) this->sync();
}

void Journal::sync() {
  if (!unsynced_) return;
  if (::fdatasync(fd_) != 0) fail("cannot sync " + path_);
  unsynced_ = false;
}

void Journal::compact() {
  std::string snapshot;
  for (const auto& queue : open_pops_) snapshot += line_of({{"op", "pop"}, {"queue", queue}});
  for (const auto& [task, queue] : open_claims_) snapshot += line_of({{"op", "claim"}, {"task", task}, {"queue", queue}});
  for (const auto& [task, record] : tasks_) snapshot += line_of(to_json(record));
  const std::string fresh = path_ + ".new";
  const int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fail("cannot write " + fresh);
  try {
    write_all(fd, snapshot, fresh);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("cannot sync " + fresh);
  }
  ::close(fd);
  if (::rename(fresh.c_str(), path_.c_str()) != 0) fail("cannot replace " + path_);
  sync_directory(directory_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) fail("cannot open " + path_);
  lines_ = open_pops_.size() + open_claims_.size() + tasks_.size();
  unsynced_ = false;  // the snapshot holds every line written so far, synced
}

void Journal::begin_pop(const std::string& queue_id) {
  append(line_of({{"op", "pop"}, {"queue", queue_id}}));
  open_pops_.insert(queue_id);
}

void Journal::end_pop(const std::string& queue_id) {
  append(line_of({{"op", "pop_end"}, {"queue", queue_id}}));
  open_pops_.erase(queue_id);
}

void Journal::begin_pops(const std::vector<std::string>& queue_ids) {
  if (queue_ids.empty()) return;
  append(line_of({{"op", "pops"}, {"queues", queue_ids}}));
  open_pops_.insert(queue_ids.begin(), queue_ids.end());
}

void Journal::end_pops(const std::vector<std::string>& queue_ids, Sync sync) {
  if (queue_ids.empty()) return;
  append(line_of({{"op", "pops_end"}, {"queues", queue_ids}}), sync);
  for (const auto& q : queue_ids) open_pops_.erase(q);
}

void Journal::begin_claim(const std::string& task, const std::string& queue_id) {
  append(line_of({{"op", "claim"}, {"task", task}, {"queue", queue_id}}));
  open_claims_[task] = queue_id;
}

void Journal::end_claim(const std::string& task) {
  append(line_of({{"op", "claim_end"}, {"task", task}}));
  open_claims_.erase(task);
}

void Journal::put(const TaskRecord& record, Sync sync) {
  append(line_of(to_json(record)), sync);
  tasks_[record.task] = record;
}

void Journal::forget(const std::string& task) {
  append(line_of({{"op", "forget"}, {"task", task}}));
  tasks_.erase(task);
}

}  // namespace slurmglue::agent
