#include "runtime/clearml/projects.hpp"

#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"
#include "tests/runtime/clearml/test_server.hpp"

namespace slurmglue::clearml {
namespace {

TEST(Projects, GetsTheName) {
  testing::TestServer server(nlohmann::json{{"projects", {{{"id", "p1"}, {"name", "Vision/Detection"}}}}});
  Session session(server.options());
  const auto project = get_project(session, "p1");
  EXPECT_EQ(project.id, "p1");
  EXPECT_EQ(project.name, "Vision/Detection");
  EXPECT_THROW(get_project(session, "nope"), UnknownProjectError);
}

// Found by the fuzz target of server replies (tests/fuzz/clearml_reply.cpp):
// a reply without data.project threw a JSON exception past the callers.
TEST(Projects, AReplyOfAnotherShapeIsAMalformedReply) {
  const HttpResponse login{200, R"({"meta": {"result_code": 200}, "data": {"token": "T"}})"};
  for (const char* data : {"{}", R"({"project": 5})", R"({"project": {"id": "p1", "name": 7}})"}) {
    Session session(testing::scripted_replies({login, {200, std::string(R"({"meta": {}, "data": )") + data + "}"}}));
    EXPECT_THROW(get_project(session, "p1"), MalformedReplyError) << data;
  }
  Session session(testing::scripted_replies({login, {200, R"({"data": {"project": {"name": "n"}}})"}}));
  EXPECT_EQ(get_project(session, "p1").id, "p1");
}

}  // namespace
}  // namespace slurmglue::clearml
