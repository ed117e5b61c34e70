// A logged-in conversation with one ClearML API server: auth.login with HTTP
// Basic, Bearer token afterwards, one new login when the token is refused,
// the reply envelope unwrapped into its data or turned into a typed error.
// Each call has a retry policy: reads (and writes that may safely be done
// twice) retry on connection errors and 5xx, never on 4xx; a call that
// changes state (`call_once`) is never sent again once it may have reached
// the server, and ends as OutcomeUnknownError for the caller to reconcile.
// Every call, retries included, ends within `deadline`, and shutdown
// (`interrupted`) abandons it at once.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/clearml/http_transport.hpp"
#include "runtime/clearml/retry.hpp"

namespace slurmglue::clearml {

struct Credentials {
  std::string access_key;
  std::string secret_key;
};

// Receives one line of the session's own log (retries, new logins). Lines
// never hold the secret key, the token or an Authorization header.
using LogFunction = std::function<void(std::string_view)>;

class Error;
// Told of each call that ends in an error, after its retries (not of
// InterruptedError at shutdown): the agent counts them for its metrics.
using ErrorFunction = std::function<void(std::string_view endpoint, const Error& error)>;

struct SessionOptions {
  std::string api_server;  // e.g. "http://127.0.0.1:8008", optionally with a "/v2.31" prefix
  Credentials credentials;
  Timeouts timeouts;
  TlsOptions tls;
  RetryPolicy retry;
  // The longest one call may take, retries and waits included.
  std::chrono::milliseconds deadline{180'000};
  // True when the program shuts down: calls and retry waits stop (InterruptedError).
  InterruptFunction interrupted;
  SleepFunction sleep = real_sleep();
  LogFunction log;
  ErrorFunction on_error;
  std::optional<std::uint64_t> jitter_seed;  // fixed in tests; random otherwise
  // Replaces HTTP when set: the server's reply to each request, or a
  // TransportError. For tests and the fuzz target of server replies
  // (tests/fuzz/clearml_reply.cpp), which feed replies without a server.
  std::function<HttpResponse(const HttpRequest&)> send;
};

// Not thread-safe: one Session (one connection) per thread.
//
// A retried request may have reached the server the first time (the reply was
// lost, or the server failed after acting). For reads that is harmless; for
// queues.get_next_task it would pop an entry that nobody receives, so such
// calls go through call_once.
class Session {
 public:
  explicit Session(SessionOptions options);

  // Calls "<service>.<action>" with a JSON object; returns the reply's "data".
  // Retried on connection errors and 5xx: only for calls that may run twice.
  nlohmann::json call(std::string_view endpoint, const nlohmann::json& request);
  // The same for a call that must not run twice: sent again only when it
  // certainly did not reach the server (no connection, or a refused token);
  // otherwise a lost reply or a 5xx throws OutcomeUnknownError.
  nlohmann::json call_once(std::string_view endpoint, const nlohmann::json& request);
  // The same with a JSON-lines body (events.add_batch).
  nlohmann::json call_json_lines(std::string_view endpoint, std::string body);

  // Logs in now (calls log in on their own when they need to).
  void login();

  const std::string& api_server() const { return options_.api_server; }

 private:
  HttpResponse send_with_retries(std::string_view endpoint, const std::string& body,
                                 std::string_view content_type, bool basic_auth, bool repeatable,
                                 std::chrono::steady_clock::time_point deadline);
  nlohmann::json call_body(std::string_view endpoint, const std::string& body, std::string_view content_type,
                           bool repeatable);
  void throw_if_interrupted(std::string_view endpoint) const;
  [[noreturn]] void fail(std::string_view endpoint, const HttpResponse& response);
  std::string scrub(std::string text) const;
  void log(std::string_view line) const;

  SessionOptions options_;
  HttpTransport transport_;
  Backoff backoff_;
  std::string token_;
};

}  // namespace slurmglue::clearml
