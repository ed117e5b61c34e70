#include "runtime/clearml/reply.hpp"

#include <fmt/format.h>

#include "runtime/clearml/api_error.hpp"

namespace slurmglue::clearml {

namespace {

[[noreturn]] void malformed(std::string_view endpoint, std::string_view key, std::string_view what) {
  throw MalformedReplyError(fmt::format("ClearML {}: malformed reply: '{}' {}", endpoint, key, what));
}

const nlohmann::json* field(const nlohmann::json& object, std::string_view key, std::string_view endpoint) {
  if (!object.is_object()) malformed(endpoint, key, "is expected in an object");
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

}  // namespace

std::string required_string(const nlohmann::json& object, std::string_view key, std::string_view endpoint) {
  const auto* value = field(object, key, endpoint);
  if (value == nullptr) malformed(endpoint, key, "is missing");
  if (!value->is_string()) malformed(endpoint, key, "is not a string");
  auto text = value->get<std::string>();
  if (text.empty()) malformed(endpoint, key, "is empty");
  return text;
}

std::string optional_string(const nlohmann::json& object, std::string_view key, std::string_view endpoint,
                            std::string fallback) {
  const auto* value = field(object, key, endpoint);
  if (value == nullptr) return fallback;
  if (!value->is_string()) malformed(endpoint, key, "is not a string");
  return value->get<std::string>();
}

const nlohmann::json& object_list(const nlohmann::json& object, std::string_view key, std::string_view endpoint) {
  static const nlohmann::json empty = nlohmann::json::array();
  const auto* value = field(object, key, endpoint);
  if (value == nullptr) return empty;
  if (!value->is_array()) malformed(endpoint, key, "is not a list");
  for (const auto& item : *value) {
    if (!item.is_object()) malformed(endpoint, key, "holds an item that is not an object");
  }
  return *value;
}

}  // namespace slurmglue::clearml
