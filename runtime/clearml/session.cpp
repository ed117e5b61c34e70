#include "runtime/clearml/session.hpp"

#include <fmt/format.h>

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
      transport_(options_.timeouts),
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

HttpResponse Session::send_with_retries(std::string_view endpoint, const std::string& body,
                                        std::string_view content_type, bool basic_auth) {
  HttpRequest request;
  request.url = fmt::format("{}/{}", options_.api_server, endpoint);
  request.body = body;
  request.content_type = std::string(content_type);
  request.authorization =
      basic_auth ? "Basic " + base64_encode(options_.credentials.access_key + ":" + options_.credentials.secret_key)
                 : "Bearer " + token_;
  for (int attempt = 1;; ++attempt) {
    const bool last = attempt >= options_.retry.max_attempts;
    std::string problem;
    try {
      HttpResponse response = transport_.post(request);
      if (response.status < 500) return response;
      if (last) return response;
      problem = fmt::format("{} {}", kind_of_failure(response.status), response.status);
    } catch (const TransportError& error) {
      if (last) throw TransportError(scrub(error.what()), error.timed_out());
      problem = error.what();
    }
    const auto wait = backoff_.delay(attempt);
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
    const auto& meta = reply["meta"];
    code = meta.value("result_code", code);
    subcode = meta.value("result_subcode", 0);
    message = meta.value("result_msg", "");
  } else {
    message = "the reply is not a ClearML envelope";
  }
  throw_api_error(std::string(endpoint), code, subcode, scrub(std::move(message)));
}

void Session::login() {
  const HttpResponse response = send_with_retries(kLogin, "{}", kJson, true);
  if (response.status / 100 != 2) fail(kLogin, response);
  const auto reply = nlohmann::json::parse(response.body, nullptr, false);
  if (!reply.is_object() || !reply.contains("data") || !reply["data"].contains("token") ||
      !reply["data"]["token"].is_string()) {
    throw ApiError(std::string(kLogin), 200, 0, "the reply holds no token");
  }
  token_ = reply["data"]["token"].get<std::string>();
}

nlohmann::json Session::call_body(std::string_view endpoint, const std::string& body,
                                  std::string_view content_type) {
  if (token_.empty()) login();
  HttpResponse response = send_with_retries(endpoint, body, content_type, false);
  if (response.status == 401) {
    // Tokens expire (or the server restarted): one new login, then one more try.
    log(fmt::format("ClearML {}: the token was refused; logging in again", endpoint));
    token_.clear();
    login();
    response = send_with_retries(endpoint, body, content_type, false);
  }
  if (response.status / 100 != 2) fail(endpoint, response);
  auto reply = nlohmann::json::parse(response.body, nullptr, false);
  if (!reply.is_object() || !reply.contains("data")) {
    throw ApiError(std::string(endpoint), 200, 0, "the reply is not a ClearML envelope");
  }
  return std::move(reply["data"]);
}

nlohmann::json Session::call(std::string_view endpoint, const nlohmann::json& request) {
  // Task fields are user text: bytes that are not UTF-8 must not abort the call.
  return call_body(endpoint, request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

nlohmann::json Session::call_json_lines(std::string_view endpoint, std::string body) {
  return call_body(endpoint, body, kJsonLines);
}

}  // namespace slurmglue::clearml
