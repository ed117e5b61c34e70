#include "runtime/clearml/reply.hpp"

#include <gtest/gtest.h>

#include "runtime/clearml/api_error.hpp"

namespace slurmglue::clearml {
namespace {

TEST(Reply, ReadsFieldsOfTheDocumentedShape) {
  const auto data = nlohmann::json::parse(R"({"id": "q1", "entries": [{"task": "t1"}], "note": null})");
  EXPECT_EQ(required_string(data, "id", "x.y"), "q1");
  EXPECT_EQ(optional_string(data, "note", "x.y", "none"), "none");
  EXPECT_EQ(object_list(data, "entries", "x.y").size(), 1u);
  EXPECT_TRUE(object_list(data, "missing", "x.y").empty());
}

TEST(Reply, AnyOtherShapeIsAMalformedReplyNamingTheEndpoint) {
  const auto data = nlohmann::json::parse(R"({"id": 7, "empty": "", "entries": {"task": "t1"}, "list": [1]})");
  for (const auto& read : std::vector<std::function<void()>>{
           [&] { required_string(data, "id", "queues.create"); },
           [&] { required_string(data, "empty", "queues.create"); },
           [&] { required_string(data, "missing", "queues.create"); },
           [&] { optional_string(data, "id", "queues.create"); },
           [&] { object_list(data, "entries", "queues.create"); },
           [&] { object_list(data, "list", "queues.create"); },
           [&] { required_string(nlohmann::json::array(), "id", "queues.create"); },
       }) {
    try {
      read();
      ADD_FAILURE() << "expected a MalformedReplyError";
    } catch (const MalformedReplyError& e) {
      EXPECT_NE(std::string(e.what()).find("queues.create"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace slurmglue::clearml
