// Starts tests/support/clearml_test_server.py (the ClearML test double) on a
// loopback port for one test, and stops it when the test ends.
#pragma once

#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml::testing {

inline constexpr std::string_view kAccessKey = "TESTACCESSKEY42";
inline constexpr std::string_view kSecretKey = "s3cr3t-Do-Not-Print-7f1e";

class TestServer {
 public:
  // `seed` is the server's initial state; credentials kAccessKey/kSecretKey are always accepted.
  explicit TestServer(const nlohmann::json& seed = nlohmann::json::object());
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::string url() const;

  // One of the server's /_test.* control endpoints; returns its data.
  nlohmann::json control(std::string_view action, const nlohmann::json& body = nlohmann::json::object());
  // The API requests the server received, oldest first.
  nlohmann::json requests();
  // The number of received API requests to `endpoint`.
  int count(std::string_view endpoint);
  nlohmann::json state();
  // The next `count` requests (to `endpoint`, if given) fail as `kind` says.
  void inject(std::string_view kind, int count, nlohmann::json extra = nlohmann::json::object());

  // Session options for this server with instant, recorded sleeps.
  SessionOptions options(const Credentials& credentials = {std::string(kAccessKey), std::string(kSecretKey)});

  std::vector<std::chrono::milliseconds> sleeps;
  std::vector<std::string> log;

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int port_ = 0;
};

// Session options with no server at all: the replies are `replies`, in order
// (the first one answers auth.login), then the connection drops. For reply
// shapes the test double never sends.
SessionOptions scripted_replies(std::vector<HttpResponse> replies);

}  // namespace slurmglue::clearml::testing
