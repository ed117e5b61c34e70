#include "runtime/clearml/http_transport.hpp"

#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

TEST(Base64, EncodesAllPaddings) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("key:secret"), "a2V5OnNlY3JldA==");
  EXPECT_EQ(base64_encode("\xff\xfe"), "//4=");
}

TEST(HttpTransport, PostsTheBodyWithItsContentTypeAndReturnsAnyStatus) {
  testing::TestServer server;
  HttpTransport transport;
  HttpRequest request;
  request.url = server.url() + "/tasks.get_by_id";
  request.body = std::string(5000, ' ') + "{}";  // long enough for libcurl to want "Expect: 100-continue"
  const auto started = std::chrono::steady_clock::now();
  const HttpResponse response = transport.post(request);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(900));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(nlohmann::json::parse(response.body)["meta"]["result_subcode"], 20);
  const auto received = server.requests().back();
  EXPECT_EQ(received["content_type"], "application/json");
  EXPECT_EQ(received["raw_body"].get<std::string>().size(), 5002u);
}

TEST(HttpTransport, TimesOut) {
  testing::TestServer server;
  server.inject("delay", 1, {{"seconds", 2}});
  HttpTransport transport(Timeouts{std::chrono::milliseconds(1000), std::chrono::milliseconds(200)});
  HttpRequest request;
  request.url = server.url() + "/tasks.get_all";
  request.body = "{}";
  try {
    transport.post(request);
    FAIL() << "expected a timeout";
  } catch (const TransportError& error) {
    EXPECT_TRUE(error.timed_out());
  }
}

}  // namespace
}  // namespace slurmglue::clearml
