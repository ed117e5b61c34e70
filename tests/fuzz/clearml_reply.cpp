// Replies of a ClearML server, fed to the client without a server
// (SessionOptions::send): auth.login, the envelope, error envelopes, and the
// data of every call the agent and slurmglue-render make. The input is the
// server's replies in order, separated by lines "===": each an optional
// first line with the HTTP status (200 when absent), then the body. When they
// run out, the connection drops. Checked: every failure is a clearml::Error
// (the agent catches those), never a JSON exception or a crash; what the
// reply readers return has the documented shape.
#include <string>
#include <vector>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/events.hpp"
#include "runtime/clearml/projects.hpp"
#include "runtime/clearml/queues.hpp"
#include "runtime/clearml/task_source.hpp"
#include "runtime/clearml/tasks.hpp"
#include "runtime/clearml/workers.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;
namespace cm = slurmglue::clearml;

namespace {

std::vector<cm::HttpResponse> replies_of(std::string_view input) {
  std::vector<cm::HttpResponse> replies;
  constexpr std::string_view kSeparator = "\n===\n";
  for (std::size_t start = 0; start <= input.size();) {
    auto end = input.find(kSeparator, start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view chunk = input.substr(start, end - start);
    cm::HttpResponse reply{200, {}};
    const auto line_end = chunk.find('\n');
    const auto first = chunk.substr(0, line_end);
    if (!first.empty() && first.size() <= 3 && first.find_first_not_of("0123456789") == std::string_view::npos) {
      reply.status = std::stol(std::string(first));
      chunk = line_end == std::string_view::npos ? std::string_view() : chunk.substr(line_end + 1);
    }
    reply.body = std::string(chunk);
    replies.push_back(std::move(reply));
    start = end + kSeparator.size();
  }
  return replies;
}

// Runs one client call; only the client's own errors may come out of it.
template <typename Call>
void attempt(Call call) {
  try {
    call();
  } catch (const cm::Error& e) {
    SLURMGLUE_FUZZ_CHECK(*e.what() != '\0');
  }
}

}  // namespace

SLURMGLUE_FUZZ_TARGET(clearml_reply) {
  const auto replies = replies_of(input);
  std::size_t next = 0;
  cm::SessionOptions options;
  options.api_server = "http://clearml.invalid:8008";
  options.credentials = {"ACCESS", "SECRET"};
  options.retry.max_attempts = 2;
  options.sleep = [](std::chrono::milliseconds) {};
  options.jitter_seed = 1;
  options.send = [&](const cm::HttpRequest&) -> cm::HttpResponse {
    if (next >= replies.size()) throw cm::TransportError("the connection dropped", false);
    return replies[next++];
  };
  cm::Session session(options);

  attempt([&] {
    if (const auto queue = cm::find_queue(session, "gpu")) SLURMGLUE_FUZZ_CHECK(!queue->id.empty());
  });
  attempt([&] {
    if (const auto entry = cm::pop_next_task(session, "q1")) SLURMGLUE_FUZZ_CHECK(!entry->task.empty());
  });
  attempt([&] {
    for (const auto& entry : cm::queue_entries(session, "q1")) SLURMGLUE_FUZZ_CHECK(!entry.task.empty());
  });
  attempt([&] {
    cm::TaskQuery query;
    query.ids = {"t1", "t2", "t3"};
    query.only_fields = {"id", "status"};
    for (const auto& task : cm::get_tasks(session, query, 2)) SLURMGLUE_FUZZ_CHECK(task.is_object());
  });
  attempt([&] { SLURMGLUE_FUZZ_CHECK(cm::get_task(session, "t1").is_object()); });
  attempt([&] { SLURMGLUE_FUZZ_CHECK(cm::fetch_task_with_project(session, "t1").task.is_object()); });
  attempt([&] { cm::get_project(session, "p1"); });
  attempt([&] { SLURMGLUE_FUZZ_CHECK(cm::merge_runtime(session, "t1", {{"slurm_job_id", "42"}}).is_object()); });
  attempt([&] { SLURMGLUE_FUZZ_CHECK(!cm::find_or_create_queue(session, "pending").id.empty()); });
  attempt([&] { cm::enqueue_task(session, "t1", "q2", "waiting"); });
  attempt([&] { cm::mark_failed(session, "t1", {"reason", "message", true}); });
  attempt([&] { cm::register_worker(session, "worker", {"q1"}); });
  attempt([&] { cm::add_log_lines(session, {{"t1", 1, "error", "worker", "line"}}); });
  attempt([&] { session.call("tasks.get_all", {{"id", {"t1"}}}); });
}
