// One libcurl easy handle, reused for every request so that the connection to
// the server stays open between calls (the agent polls for months).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace slurmglue::clearml {

struct Timeouts {
  std::chrono::milliseconds connect{10'000};
  std::chrono::milliseconds total{60'000};
};

// api.verify_certificate in clearml.conf: false turns checking off; a path
// names the CA bundle to check against.
struct TlsOptions {
  bool verify = true;
  std::string ca_file;  // empty: the system's bundle
};

// Polled while a request is under way: true abandons it (the agent's shutdown).
using InterruptFunction = std::function<bool()>;

struct HttpRequest {
  std::string url;
  std::string body;
  std::string content_type = "application/json";
  // The whole Authorization header value ("Basic ...", "Bearer ..."), or empty.
  // It is a secret: it is sent and never copied anywhere else.
  std::string authorization;
  // On a reused connection that turns out dead, libcurl silently sends the
  // request again on a new one: a hidden retry. A request that must not run
  // twice goes on a fresh connection, where libcurl never does that.
  bool fresh_connection = false;
};

struct HttpResponse {
  long status = 0;
  std::string body;
};

class HttpTransport {
 public:
  explicit HttpTransport(Timeouts timeouts = {}, TlsOptions tls = {}, InterruptFunction interrupted = {});
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;
  HttpTransport(HttpTransport&&) noexcept;
  HttpTransport& operator=(HttpTransport&&) noexcept;

  // POSTs the body. Any HTTP reply is returned, whatever its status; throws
  // TransportError when there is none (refused, dropped, timed out), and
  // InterruptedError when `interrupted` said so.
  HttpResponse post(const HttpRequest& request);

  struct Handle;  // libcurl's state (defined in the .cpp; public for its callbacks)

 private:
  std::unique_ptr<Handle> handle_;
};

// RFC 4648 base64, for the HTTP Basic credentials of auth.login.
std::string base64_encode(std::string_view bytes);

}  // namespace slurmglue::clearml
