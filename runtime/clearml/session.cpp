#include "runtime/clearml/session.hpp"

#include <fmt/format.h>

#include <optional>
#include <random>

#include "runtime/clearml/api_error.hpp"

namespace slurmglue::clearml {

namespace {

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kJsonLines = "application/json-lines";
constexpr std::string_view kLogin = "auth.login";

std::string without_trailing_slashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string_view kind_of_failure(long status) { return status >= 500 ? "server error" : "reply"; }

}  // namespace

Session::Session(SessionOptions options)
    : options_(std::move(options)),
      transport_(options_.timeouts, options_.tls, options_.interrupted),
      backoff_(options_.retry, options_.jitter_seed.value_or(std::random_device{}())) {
  options_.api_server = without_trailing_slashes(options_.api_server);
  if (options_.api_server.empty()) {
    throw Error("no ClearML API server configured (api.api_server in clearml.conf, or CLEARML_API_HOST)");
  }
  if (!options_.sleep) options_.sleep = real_sleep();
}

void Session::log(std::string_view line) const {
  if (options_.log) options_.log(scrub(std::string(line)));
}

// A last line of defence: whatever text leaves the session (a server's message
// that echoes a header, a curl error) loses the secrets it might hold.
std::string Session::scrub(std::string text) const {
  for (const std::string* secret : {&options_.credentials.secret_key, &token_}) {
    if (secret->empty()) continue;
    for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at)) {
      text.replace(at, secret->size(), "[redacted]");
    }
  }
  return text;
}

void Session::throw_if_interrupted(std::string_view endpoint) const {
  if (options_.interrupted && options_.interrupted()) {
    throw InterruptedError(fmt::format("ClearML {}: abandoned for shutdown", endpoint));
  }
}

HttpResponse Session::send_with_retries(std::string_view endpoint, const std::string& body,
                                        std::string_view content_type, bool basic_auth, bool repeatable,
                                        std::chrono::steady_clock::time_point deadline) {
  HttpRequest request;
  request.url = fmt::format("{}/{}", options_.api_server, endpoint);
  request.body = body;
  request.content_type = std::string(content_type);
  request.fresh_connection = !repeatable;
  request.authorization =
      basic_auth ? "Basic " + base64_encode(options_.credentials.access_key + ":" + options_.credentials.secret_key)
                 : "Bearer " + token_;
  for (int attempt = 1;; ++attempt) {
    throw_if_interrupted(endpoint);
    std::string problem;
    std::optional<HttpResponse> failed;
    std::optional<TransportError> lost;
    try {
      HttpResponse response = options_.send ? options_.send(request) : transport_.post(request);
      if (response.status < 500) return response;
      problem = fmt::format("{} {}", kind_of_failure(response.status), response.status);
      // A server may fail after acting: the outcome of a state change is unknown.
      if (!repeatable) throw OutcomeUnknownError(std::string(endpoint), problem);
      failed = std::move(response);
    } catch (const TransportError& error) {
      if (!repeatable && error.maybe_sent()) throw OutcomeUnknownError(std::string(endpoint), scrub(error.what()));
      problem = scrub(error.what());
      lost.emplace(problem, error.timed_out(), error.maybe_sent());
    }
    const auto wait = backoff_.delay(attempt);
    if (attempt >= options_.retry.max_attempts || std::chrono::steady_clock::now() + wait > deadline) {
      if (failed) return std::move(*failed);
      throw *lost;
    }
    log(fmt::format("ClearML {}: {}; retrying in {} ms (attempt {} of {})", endpoint, problem, wait.count(),
                    attempt + 1, options_.retry.max_attempts));
    options_.sleep(wait);
  }
}

void Session::fail(std::string_view endpoint, const HttpResponse& response) {
  int code = static_cast<int>(response.status);
  int subcode = 0;
  std::string message;
  const auto reply = nlohmann::json::parse(response.body, nullptr, false);
  if (reply.is_object() && reply.contains("meta") && reply["meta"].is_object()) {
    // Fields of another type are left out: the HTTP status still tells the kind.
    const auto& meta = reply["meta"];
    const auto integer = [&meta](const char* key, int fallback) {
      const auto found = meta.find(key);
      return found != meta.end() && found->is_number_integer() ? found->get<int>() : fallback;
    };
    code = integer("result_code", code);
    subcode = integer("result_subcode", 0);
    if (const auto found = meta.find("result_msg"); found != meta.end() && found->is_string()) message = found->get<std::string>();
  } else {
    message = "the reply is not a ClearML envelope";
  }
  throw_api_error(std::string(endpoint), code, subcode, scrub(std::move(message)));
}

void Session::login() {
  // A login may run twice: it only issues a token.
  const HttpResponse response =
      send_with_retries(kLogin, "{}", kJson, true, true, std::chrono::steady_clock::now() + options_.deadline);
  if (response.status / 100 != 2) fail(kLogin, response);
  const auto reply = nlohmann::json::parse(response.body, nullptr, false);
  if (!reply.is_object() || !reply.contains("data") || !reply["data"].contains("token") ||
      !reply["data"]["token"].is_string()) {
    throw ApiError(std::string(kLogin), 200, 0, "the reply holds no token");
  }
  token_ = reply["data"]["token"].get<std::string>();
}

nlohmann::json Session::call_body(std::string_view endpoint, const std::string& body,
                                  std::string_view content_type, bool repeatable) {
  const auto deadline = std::chrono::steady_clock::now() + options_.deadline;
  if (token_.empty()) login();
  HttpResponse response = send_with_retries(endpoint, body, content_type, false, repeatable, deadline);
  if (response.status == 401) {
    // Tokens expire (or the server restarted): one new login, then one more
    // try. A refused token means the call was not carried out.
    log(fmt::format("ClearML {}: the token was refused; logging in again", endpoint));
    token_.clear();
    login();
    response = send_with_retries(endpoint, body, content_type, false, repeatable, deadline);
  }
  if (response.status / 100 != 2) fail(endpoint, response);
  auto reply = nlohmann::json::parse(response.body, nullptr, false);
  if (!reply.is_object() || !reply.contains("data")) {
    // A 2xx status with a body that is not an envelope: the call may well
    // have acted, so for a state change this is an unknown outcome.
    if (!repeatable) throw OutcomeUnknownError(std::string(endpoint), "the reply is not a ClearML envelope");
    throw MalformedReplyError(fmt::format("ClearML {}: the reply is not a ClearML envelope", endpoint));
  }
  if (reply["data"].is_null()) return nlohmann::json::object();
  if (!reply["data"].is_object()) {
    throw MalformedReplyError(fmt::format("ClearML {}: the reply's data is not an object", endpoint));
  }
  return std::move(reply["data"]);
}

namespace {
// Task fields are user text: bytes that are not UTF-8 must not abort the call.
std::string dump(const nlohmann::json& request) {
  return request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `call`'s result; an error it ends in is told to options.on_error first.
template <typename Call>
nlohmann::json observed(const SessionOptions& options, std::string_view endpoint, Call call) {
  try {
    return call();
  } catch (const InterruptedError&) {
    throw;
  } catch (const Error& error) {
    if (options.on_error) options.on_error(endpoint, error);
    throw;
  }
}
}  // namespace

nlohmann::json Session::call(std::string_view endpoint, const nlohmann::json& request) {
  return observed(options_, endpoint, [&] { return call_body(endpoint, dump(request), kJson, true); });
}

nlohmann::json Session::call_once(std::string_view endpoint, const nlohmann::json& request) {
  return observed(options_, endpoint, [&] { return call_body(endpoint, dump(request), kJson, false); });
}

nlohmann::json Session::call_json_lines(std::string_view endpoint, std::string body) {
  return observed(options_, endpoint, [&] { return call_body(endpoint, body, kJsonLines, true); });
}

}  // namespace slurmglue::clearml
