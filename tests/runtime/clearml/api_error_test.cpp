#include "runtime/clearml/api_error.hpp"

#include <gtest/gtest.h>

namespace slurmglue::clearml {
namespace {

TEST(ApiError, ClassifiesTheDocumentedCodes) {
  EXPECT_EQ(classify(401, 20), ErrorKind::missing_credentials);
  EXPECT_EQ(classify(401, 22), ErrorKind::bad_credentials);
  EXPECT_EQ(classify(401, 30), ErrorKind::bad_token);
  EXPECT_EQ(classify(401, 99), ErrorKind::unauthorized);
  EXPECT_EQ(classify(400, 12), ErrorKind::validation);
  EXPECT_EQ(classify(400, 101), ErrorKind::unknown_task);
  EXPECT_EQ(classify(400, 110), ErrorKind::invalid_status_change);
  EXPECT_EQ(classify(400, 121), ErrorKind::status_changed);
  EXPECT_EQ(classify(400, 701), ErrorKind::unknown_queue);
  EXPECT_EQ(classify(400, 703), ErrorKind::task_not_in_queue);
  EXPECT_EQ(classify(404, 0), ErrorKind::unknown_endpoint);
  EXPECT_EQ(classify(503, 0), ErrorKind::server_error);
  EXPECT_EQ(classify(400, 5), ErrorKind::other);
}

template <typename Expected>
void expect_thrown_as(int code, int subcode) {
  try {
    throw_api_error("tasks.x", code, subcode, "detail");
  } catch (const Expected& error) {
    EXPECT_EQ(error.result_code(), code);
    EXPECT_EQ(error.result_subcode(), subcode);
    return;
  } catch (...) {
  }
  ADD_FAILURE() << "wrong class for " << code << "/" << subcode;
}

TEST(ApiError, ThrowsOneClassPerKind) {
  expect_thrown_as<AuthError>(401, 30);
  expect_thrown_as<UnknownTaskError>(400, 101);
  expect_thrown_as<InvalidStatusChangeError>(400, 110);
  expect_thrown_as<StatusChangedError>(400, 121);
  expect_thrown_as<UnknownQueueError>(400, 701);
  expect_thrown_as<TaskNotInQueueError>(400, 703);
  expect_thrown_as<UnknownEndpointError>(404, 0);
  expect_thrown_as<ServerError>(502, 0);
  expect_thrown_as<ApiError>(418, 0);
}

TEST(ApiError, TheMessageSaysWhatHappened) {
  const ApiError error("tasks.failed", 400, 110, "Invalid status change (current_status=queued)");
  EXPECT_STREQ(error.what(),
               "ClearML tasks.failed failed: the task's status does not allow this change (HTTP 400, subcode 110): "
               "Invalid status change (current_status=queued)");
}

}  // namespace
}  // namespace slurmglue::clearml
