#include "runtime/clearml/api_error.hpp"

#include <fmt/format.h>

namespace slurmglue::clearml {

ErrorKind classify(int result_code, int result_subcode) {
  if (result_code == 401) {
    switch (result_subcode) {
      case 20: return ErrorKind::missing_credentials;
      case 22: return ErrorKind::bad_credentials;
      case 30: return ErrorKind::bad_token;
      default: return ErrorKind::unauthorized;
    }
  }
  if (result_code == 400) {
    switch (result_subcode) {
      case 12: return ErrorKind::validation;
      case 101: return ErrorKind::unknown_task;
      case 110: return ErrorKind::invalid_status_change;
      case 121: return ErrorKind::status_changed;
      case 401: return ErrorKind::unknown_project;
      case 701: return ErrorKind::unknown_queue;
      case 702: return ErrorKind::queue_exists;
      case 703: return ErrorKind::task_not_in_queue;
      default: return ErrorKind::other;
    }
  }
  if (result_code == 404) return ErrorKind::unknown_endpoint;
  if (result_code >= 500 && result_code <= 599) return ErrorKind::server_error;
  return ErrorKind::other;
}

std::string_view describe(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::missing_credentials: return "no credentials were sent";
    case ErrorKind::bad_credentials: return "the access key or secret key is wrong";
    case ErrorKind::bad_token: return "the session token is invalid or expired";
    case ErrorKind::unauthorized: return "not authorized";
    case ErrorKind::validation: return "the request was invalid";
    case ErrorKind::unknown_task: return "no such task";
    case ErrorKind::invalid_status_change: return "the task's status does not allow this change";
    case ErrorKind::status_changed: return "the task's status changed meanwhile";
    case ErrorKind::unknown_project: return "no such project";
    case ErrorKind::unknown_queue: return "no such queue";
    case ErrorKind::queue_exists: return "a queue with that name exists";
    case ErrorKind::task_not_in_queue: return "the task is not in that queue";
    case ErrorKind::unknown_endpoint: return "the server does not know this endpoint (API version?)";
    case ErrorKind::server_error: return "server error";
    case ErrorKind::other: break;
  }
  return "request failed";
}

ApiError::ApiError(std::string endpoint, int result_code, int result_subcode, std::string result_msg)
    : Error(fmt::format("ClearML {} failed: {} (HTTP {}, subcode {}){}{}", endpoint,
                        describe(classify(result_code, result_subcode)), result_code, result_subcode,
                        result_msg.empty() ? "" : ": ", result_msg)),
      endpoint_(std::move(endpoint)),
      result_code_(result_code),
      result_subcode_(result_subcode),
      result_msg_(std::move(result_msg)),
      kind_(classify(result_code, result_subcode)) {}

namespace {

template <typename E>
[[noreturn]] void raise(std::string& endpoint, int result_code, int result_subcode, std::string& result_msg) {
  throw E(std::move(endpoint), result_code, result_subcode, std::move(result_msg));
}

}  // namespace

void throw_api_error(std::string endpoint, int code, int subcode, std::string msg) {
  switch (classify(code, subcode)) {
    case ErrorKind::missing_credentials:
    case ErrorKind::bad_credentials:
    case ErrorKind::bad_token:
    case ErrorKind::unauthorized: raise<AuthError>(endpoint, code, subcode, msg);
    case ErrorKind::validation: raise<ValidationError>(endpoint, code, subcode, msg);
    case ErrorKind::unknown_task: raise<UnknownTaskError>(endpoint, code, subcode, msg);
    case ErrorKind::invalid_status_change: raise<InvalidStatusChangeError>(endpoint, code, subcode, msg);
    case ErrorKind::status_changed: raise<StatusChangedError>(endpoint, code, subcode, msg);
    case ErrorKind::unknown_project: raise<UnknownProjectError>(endpoint, code, subcode, msg);
    case ErrorKind::unknown_queue: raise<UnknownQueueError>(endpoint, code, subcode, msg);
    case ErrorKind::queue_exists: raise<QueueExistsError>(endpoint, code, subcode, msg);
    case ErrorKind::task_not_in_queue: raise<TaskNotInQueueError>(endpoint, code, subcode, msg);
    case ErrorKind::unknown_endpoint: raise<UnknownEndpointError>(endpoint, code, subcode, msg);
    case ErrorKind::server_error: raise<ServerError>(endpoint, code, subcode, msg);
    case ErrorKind::other: break;
  }
  raise<ApiError>(endpoint, code, subcode, msg);
}

}  // namespace slurmglue::clearml
