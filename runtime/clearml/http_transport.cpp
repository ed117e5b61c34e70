#include "runtime/clearml/http_transport.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>

#include "runtime/clearml/api_error.hpp"

namespace slurmglue::clearml {

namespace {

void initialize_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_to_string(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

// Frees the header list of one request however the request ends.
struct HeaderList {
  curl_slist* list = nullptr;
  void add(const std::string& header) { list = curl_slist_append(list, header.c_str()); }
  ~HeaderList() { curl_slist_free_all(list); }
};

// Errors where libcurl never handed the request to a server.
bool certainly_not_sent(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
         code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_SSL_CONNECT_ERROR ||
         code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_URL_MALFORMAT ||
         code == CURLE_UNSUPPORTED_PROTOCOL;
}

}  // namespace

struct HttpTransport::Handle {
  CURL* curl = nullptr;
  InterruptFunction interrupted;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

namespace {

// libcurl calls this about once a second and on every transfer progress; a
// non-zero return aborts the transfer, so shutdown never waits out a timeout.
int check_interrupted(void* handle, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& interrupted = static_cast<const HttpTransport::Handle*>(handle)->interrupted;
  return interrupted && interrupted() ? 1 : 0;
}

}  // namespace

HttpTransport::HttpTransport(Timeouts timeouts, TlsOptions tls, InterruptFunction interrupted)
    : handle_(std::make_unique<Handle>()) {
  initialize_curl_once();
  handle_->curl = curl_easy_init();
  handle_->interrupted = std::move(interrupted);
  if (handle_->curl == nullptr) throw TransportError("cannot initialise libcurl", false, false);
  CURL* curl = handle_->curl;
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  // Signals are no way to time out in a multi-threaded agent.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to_string);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, tls.verify ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, tls.verify ? 2L : 0L);
  if (!tls.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, tls.ca_file.c_str());
  if (handle_->interrupted) {
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, check_interrupted);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, handle_.get());
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }
}

HttpTransport::~HttpTransport() = default;
HttpTransport::HttpTransport(HttpTransport&&) noexcept = default;
HttpTransport& HttpTransport::operator=(HttpTransport&&) noexcept = default;

HttpResponse HttpTransport::post(const HttpRequest& request) {
  CURL* curl = handle_->curl;
  HeaderList headers;
  // libcurl's default for a POST body is a form type, which the server would
  // read as a form and so lose the JSON.
  headers.add("Content-Type: " + request.content_type);
  // Without this, bodies over 1 KiB wait a second for a "100 Continue".
  headers.add("Expect:");
  if (!request.authorization.empty()) headers.add("Authorization: " + request.authorization);

  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, request.fresh_connection ? 1L : 0L);
  const CURLcode code = curl_easy_perform(curl);
  // The handle outlives this call: leave no pointer into this frame behind.
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, nullptr);
  if (code == CURLE_ABORTED_BY_CALLBACK) throw InterruptedError("POST " + request.url + ": interrupted by shutdown");
  if (code != CURLE_OK) {
    const std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    throw TransportError(fmt::format("POST {}: {} (curl error {})", request.url, detail, static_cast<int>(code)),
                         code == CURLE_OPERATION_TIMEDOUT, !certainly_not_sent(code));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace slurmglue::clearml
