// Errors of the ClearML client. Every failure the client reports is an Error;
// server replies that carry an error envelope become an ApiError (or one of its
// typed kinds), failures below HTTP (refused, dropped, timed out) a TransportError.
// No message ever holds a secret: the session scrubs them before throwing.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace slurmglue::clearml {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The request never got an HTTP reply: connection refused or dropped, timeout.
class TransportError : public Error {
 public:
  TransportError(const std::string& message, bool timed_out, bool maybe_sent = true)
      : Error(message), timed_out_(timed_out), maybe_sent_(maybe_sent) {}
  bool timed_out() const { return timed_out_; }
  // False when the request certainly never reached the server (no connection
  // was made), so that even a call that changes state may be sent again.
  bool maybe_sent() const { return maybe_sent_; }

 private:
  bool timed_out_;
  bool maybe_sent_;
};

// A call that changes state (a pop, a status change) got no usable reply
// after it may have reached the server: it may or may not have acted. It is
// never repeated blindly; the caller reads the state back and reconciles.
class OutcomeUnknownError : public Error {
 public:
  OutcomeUnknownError(std::string endpoint, const std::string& why)
      : Error("ClearML " + endpoint + ": no reply (" + why + "); it may or may not have been carried out"),
        endpoint_(std::move(endpoint)) {}
  const std::string& endpoint() const { return endpoint_; }

 private:
  std::string endpoint_;
};

// The call was abandoned because the program is shutting down.
class InterruptedError : public Error {
 public:
  using Error::Error;
};

// A reply that is valid JSON in an envelope but not of the shape the
// endpoint documents (a missing id, a number where a string belongs).
class MalformedReplyError : public Error {
 public:
  using Error::Error;
};

// What a reply's meta.result_code / result_subcode mean to the client.
enum class ErrorKind {
  missing_credentials,    // 401/20
  bad_credentials,        // 401/22
  bad_token,              // 401/30
  unauthorized,           // any other 401
  validation,             // 400/12
  unknown_task,           // 400/101
  invalid_status_change,  // 400/110
  status_changed,         // 400/121: someone else changed the status first
  unknown_project,        // 400/401
  unknown_queue,          // 400/701
  queue_exists,           // 400/702
  task_not_in_queue,      // 400/703
  unknown_endpoint,       // 404
  server_error,           // 5xx
  other,
};

ErrorKind classify(int result_code, int result_subcode);
std::string_view describe(ErrorKind kind);

class ApiError : public Error {
 public:
  ApiError(std::string endpoint, int result_code, int result_subcode, std::string result_msg);

  const std::string& endpoint() const { return endpoint_; }
  int result_code() const { return result_code_; }
  int result_subcode() const { return result_subcode_; }
  const std::string& result_msg() const { return result_msg_; }
  ErrorKind kind() const { return kind_; }

 private:
  std::string endpoint_;
  int result_code_;
  int result_subcode_;
  std::string result_msg_;
  ErrorKind kind_;
};

// Every 401: the credentials or the token were refused.
class AuthError : public ApiError {
 public:
  using ApiError::ApiError;
};

// One class per error kind the agent reacts to differently, so callers can
// catch exactly the case they handle.
template <ErrorKind Kind>
class TypedApiError : public ApiError {
 public:
  using ApiError::ApiError;
};
using ValidationError = TypedApiError<ErrorKind::validation>;
using UnknownTaskError = TypedApiError<ErrorKind::unknown_task>;
using InvalidStatusChangeError = TypedApiError<ErrorKind::invalid_status_change>;
using StatusChangedError = TypedApiError<ErrorKind::status_changed>;
using UnknownProjectError = TypedApiError<ErrorKind::unknown_project>;
using UnknownQueueError = TypedApiError<ErrorKind::unknown_queue>;
using QueueExistsError = TypedApiError<ErrorKind::queue_exists>;
using TaskNotInQueueError = TypedApiError<ErrorKind::task_not_in_queue>;
using UnknownEndpointError = TypedApiError<ErrorKind::unknown_endpoint>;
using ServerError = TypedApiError<ErrorKind::server_error>;

// Throws the most specific error class for the reply.
[[noreturn]] void throw_api_error(std::string endpoint, int result_code, int result_subcode,
                                  std::string result_msg);

}  // namespace slurmglue::clearml
