#include "runtime/agent/metrics.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tests/support/temp_pattern.hpp"

namespace slurmglue::agent {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

TEST(Metrics, TextFormat) {
  Metrics m;
  m.add_queue("gpu");
  m.add_queue("cpu");
  m.popped("gpu");
  m.popped("gpu");
  m.submitted("gpu", 0.3s);
  m.failed("gpu", FailureReason::render);
  m.failed("cpu", FailureReason::sbatch);
  m.failed("gpu", FailureReason::render);
  m.api_error("http_500");
  m.api_error("connection");
  m.jobs(1, 2, 0);
  m.cycle_done(3, std::chrono::system_clock::time_point(std::chrono::milliseconds(1'700'000'000'250)));
  EXPECT_EQ(m.text(), R"(# HELP slurmglue_tasks_popped_total Tasks taken from a ClearML queue.
# TYPE slurmglue_tasks_popped_total counter
slurmglue_tasks_popped_total{queue="cpu"} 0
slurmglue_tasks_popped_total{queue="gpu"} 2
# HELP slurmglue_tasks_submitted_total Tasks whose job sbatch accepted.
# TYPE slurmglue_tasks_submitted_total counter
slurmglue_tasks_submitted_total{queue="cpu"} 0
slurmglue_tasks_submitted_total{queue="gpu"} 1
# HELP slurmglue_tasks_failed_total Tasks failed by the agent, by reason.
# TYPE slurmglue_tasks_failed_total counter
slurmglue_tasks_failed_total{queue="cpu",reason="sbatch"} 1
slurmglue_tasks_failed_total{queue="gpu",reason="render"} 2
# HELP slurmglue_api_errors_total ClearML API calls that ended in an error, by kind.
# TYPE slurmglue_api_errors_total counter
slurmglue_api_errors_total{kind="connection"} 1
slurmglue_api_errors_total{kind="http_500"} 1
# HELP slurmglue_jobs The agent's jobs that Slurm lists, by state.
# TYPE slurmglue_jobs gauge
slurmglue_jobs{state="pending"} 1
slurmglue_jobs{state="running"} 2
slurmglue_jobs{state="other"} 0
# HELP slurmglue_tasks_held Tasks the agent holds: submitted or on their way to Slurm.
# TYPE slurmglue_tasks_held gauge
slurmglue_tasks_held 3
# HELP slurmglue_submit_latency_seconds Seconds from a task's pop to its job's submission.
# TYPE slurmglue_submit_latency_seconds histogram
slurmglue_submit_latency_seconds_bucket{le="0.1"} 0
slurmglue_submit_latency_seconds_bucket{le="0.25"} 0
slurmglue_submit_latency_seconds_bucket{le="0.5"} 1
slurmglue_submit_latency_seconds_bucket{le="1"} 1
slurmglue_submit_latency_seconds_bucket{le="2.5"} 1
slurmglue_submit_latency_seconds_bucket{le="5"} 1
slurmglue_submit_latency_seconds_bucket{le="10"} 1
slurmglue_submit_latency_seconds_bucket{le="30"} 1
slurmglue_submit_latency_seconds_bucket{le="60"} 1
slurmglue_submit_latency_seconds_bucket{le="300"} 1
slurmglue_submit_latency_seconds_bucket{le="+Inf"} 1
slurmglue_submit_latency_seconds_sum 0.3
slurmglue_submit_latency_seconds_count 1
# HELP slurmglue_last_cycle_timestamp_seconds When the agent last finished a cycle (Unix time).
# TYPE slurmglue_last_cycle_timestamp_seconds gauge
slurmglue_last_cycle_timestamp_seconds 1700000000.250
)");
}

// Whatever happened, every line is a comment or `name{labels} value` as the
// exposition format has it, and each sample's metric was declared by a TYPE line.
TEST(Metrics, EveryLineParses) {
  Metrics m;
  m.add_queue("we\"ird\\queue\nname");
  m.popped("we\"ird\\queue\nname");
  m.submitted("other", std::nullopt);
  m.submitted("other", 1000s);
  m.failed("other", FailureReason::job_lost);
  const std::regex sample(R"re(([a-z_]+)(\{([a-z]+="([^"\\\n]|\\[\\"n])*",?)+\})? -?[0-9.e+]+)re");
  const std::regex type(R"(# TYPE ([a-z_]+) (counter|gauge|histogram))");
  std::set<std::string> declared;
  std::istringstream lines(m.text());
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, type)) {
      declared.insert(match[1]);
    } else if (line.rfind("# HELP ", 0) != 0) {
      ASSERT_TRUE(std::regex_match(line, match, sample)) << line;
      std::string name = match[1];
      for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        if (name.ends_with(suffix) && declared.count(name.substr(0, name.size() - std::strlen(suffix)))) {
          name = name.substr(0, name.size() - std::strlen(suffix));
        }
      }
      EXPECT_TRUE(declared.count(name)) << line;
    }
  }
  EXPECT_THAT(m.text(), HasSubstr(R"(slurmglue_tasks_popped_total{queue="we\"ird\\queue\nname"} 1)"));
  // A task popped before a restart counts as submitted, outside the histogram.
  EXPECT_THAT(m.text(), HasSubstr("slurmglue_tasks_submitted_total{queue=\"other\"} 2\n"));
  EXPECT_THAT(m.text(), HasSubstr("slurmglue_submit_latency_seconds_bucket{le=\"300\"} 0\n"));
  EXPECT_THAT(m.text(), HasSubstr("slurmglue_submit_latency_seconds_bucket{le=\"+Inf\"} 1\n"));
  // No squeue answer yet: no job gauge rather than a false zero.
  EXPECT_THAT(m.text(), ::testing::Not(HasSubstr("slurmglue_jobs")));
}

class MetricsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pattern = test::temp_pattern("slurmglue-metrics");
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(MetricsFile, ReplacesTheFileWholeReadableByAllWhateverTheUmask) {
  const auto path = dir_ / "slurmglue.prom";
  const auto old_mask = ::umask(077);
  write_atomically(path, "a 1\n");
  write_atomically(path, "b 2\n");
  ::umask(old_mask);
  EXPECT_EQ(read(path), "b 2\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  // Nothing else is left in the directory (no temporary file).
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
}

TEST_F(MetricsFile, ADirectoryThatIsNotThereIsAnErrorNamingTheFile) {
  try {
    write_atomically(dir_ / "missing" / "slurmglue.prom", "a 1\n");
    FAIL() << "no error";
  } catch (const std::system_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("missing/slurmglue.prom"));
  }
}

// Sends `request` to 127.0.0.1:port and returns the whole answer.
std::string ask(std::uint16_t port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "cannot connect";
  }
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return answer;
}

TEST(MetricsServer, AnswersGetMetricsOnLoopbackAndNothingElse) {
  Metrics m;
  m.add_queue("gpu");
  MetricsServer server(m, 0);
  ASSERT_GT(server.port(), 0);
  auto answer = ask(server.port(), "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(answer, HasSubstr("Content-Type: text/plain; version=0.0.4"));
  EXPECT_THAT(answer, ::testing::EndsWith("\r\n\r\n" + m.text()));
  // It follows the metrics as they change.
  m.popped("gpu");
  EXPECT_THAT(ask(server.port(), "GET /metrics?x=1 HTTP/1.0\r\n\r\n"),
              HasSubstr("slurmglue_tasks_popped_total{queue=\"gpu\"} 1\n"));
  EXPECT_THAT(ask(server.port(), "GET / HTTP/1.1\r\n\r\n"), ::testing::StartsWith("HTTP/1.1 404 "));
  EXPECT_THAT(ask(server.port(), "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n"),
              ::testing::StartsWith("HTTP/1.1 405 "));
  // A client that says nothing and hangs up does not stop the server.
  EXPECT_THAT(ask(server.port(), ""), ::testing::StartsWith("HTTP/1.1 405 "));
  EXPECT_THAT(ask(server.port(), "GET /metrics HTTP/1.1\r\n\r\n"), ::testing::StartsWith("HTTP/1.1 200 "));
}

TEST(MetricsServer, APortInUseIsAnErrorNamingIt) {
  Metrics m;
  MetricsServer first(m, 0);
  try {
    MetricsServer second(m, first.port());
    FAIL() << "two servers on one port";
  } catch (const std::system_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1:" + std::to_string(first.port())));
  }
}

}  // namespace
}  // namespace slurmglue::agent
