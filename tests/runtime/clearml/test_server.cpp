#include "tests/runtime/clearml/test_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <deque>
#include <memory>
#include <stdexcept>

#include "runtime/clearml/api_error.hpp"
#include "runtime/clearml/http_transport.hpp"

extern char** environ;

namespace slurmglue::clearml::testing {

namespace {

// Reads the first stdout line of the server: its port.
int read_port(int fd) {
  std::string line;
  while (line.find('\n') == std::string::npos) {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, 10'000) <= 0) throw std::runtime_error("the ClearML test server did not start");
    char buffer[64];
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) throw std::runtime_error("the ClearML test server exited before printing its port");
    line.append(buffer, static_cast<std::size_t>(n));
  }
  return std::stoi(line);
}

}  // namespace

TestServer::TestServer(const nlohmann::json& seed) {
  nlohmann::json full_seed = seed;
  full_seed["credentials"].push_back({{"access_key", kAccessKey}, {"secret_key", kSecretKey}});
  const std::string seed_text = full_seed.dump();
  // Close-on-exec, so that servers started later do not hold these pipes open.
  int out[2];
  int in[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  stdin_ = in[1];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  std::string python = "python3";
  std::string script = CLEARML_TEST_SERVER_SCRIPT;
  std::string seed_flag = "--seed-json";
  // The server stops when our end of its stdin closes, even if this process crashes.
  std::string exit_flag = "--exit-on-stdin-eof";
  char* argv[] = {python.data(), script.data(), seed_flag.data(), const_cast<char*>(seed_text.c_str()),
                  exit_flag.data(), nullptr};
  const int spawned = posix_spawnp(&pid_, "python3", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(in[0]);
  if (spawned != 0) {
    close(out[0]);
    close(stdin_);
    throw std::runtime_error("cannot start python3 for the ClearML test server");
  }
  try {
    port_ = read_port(out[0]);
  } catch (...) {
    close(out[0]);
    close(stdin_);
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw;
  }
  close(out[0]);
}

TestServer::~TestServer() {
  close(stdin_);
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

std::string TestServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

nlohmann::json TestServer::control(std::string_view action, const nlohmann::json& body) {
  HttpTransport transport(Timeouts{std::chrono::milliseconds(2000), std::chrono::milliseconds(5000)});
  HttpRequest request;
  request.url = url() + "/_test." + std::string(action);
  request.body = body.dump();
  const HttpResponse response = transport.post(request);
  if (response.status != 200) throw std::runtime_error("test control failed: " + response.body);
  return nlohmann::json::parse(response.body)["data"];
}

nlohmann::json TestServer::requests() { return control("requests")["requests"]; }

int TestServer::count(std::string_view endpoint) {
  int n = 0;
  for (const auto& request : requests()) n += request["endpoint"] == endpoint ? 1 : 0;
  return n;
}

nlohmann::json TestServer::state() { return control("state"); }

void TestServer::inject(std::string_view kind, int count, nlohmann::json extra) {
  extra["kind"] = kind;
  extra["count"] = count;
  control("inject", extra);
}

SessionOptions TestServer::options(const Credentials& credentials) {
  SessionOptions options;
  options.api_server = url();
  options.credentials = credentials;
  options.timeouts = Timeouts{std::chrono::milliseconds(2000), std::chrono::milliseconds(5000)};
  options.retry.max_attempts = 4;
  options.sleep = [this](std::chrono::milliseconds wait) { sleeps.push_back(wait); };
  options.log = [this](std::string_view line) { log.emplace_back(line); };
  options.jitter_seed = 7;
  return options;
}

SessionOptions scripted_replies(std::vector<HttpResponse> replies) {
  SessionOptions options;
  options.api_server = "http://clearml.invalid:8008";
  options.credentials = {std::string(kAccessKey), std::string(kSecretKey)};
  options.retry.max_attempts = 1;
  options.sleep = [](std::chrono::milliseconds) {};
  auto left = std::make_shared<std::deque<HttpResponse>>(replies.begin(), replies.end());
  options.send = [left](const HttpRequest&) {
    if (left->empty()) throw TransportError("the connection dropped", false);
    HttpResponse reply = std::move(left->front());
    left->pop_front();
    return reply;
  };
  return options;
}

}  // namespace slurmglue::clearml::testing
