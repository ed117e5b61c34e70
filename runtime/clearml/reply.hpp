// Reading fields of a reply's data by the shape the endpoint documents: a
// field of another shape is a MalformedReplyError naming the endpoint, never
// a JSON exception or a silently empty id.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace slurmglue::clearml {

// The most results one get_all reply holds: the server's max_page_size
// (page_size defaults to it and is capped at it), so lists are read by page.
inline constexpr std::size_t kMaxPageSize = 500;

// The non-empty string `key` of `object`.
std::string required_string(const nlohmann::json& object, std::string_view key, std::string_view endpoint);
// The string `key` of `object`, or `fallback` when it is absent or null.
std::string optional_string(const nlohmann::json& object, std::string_view key, std::string_view endpoint,
                            std::string fallback = {});
// The list `key` of `object` (empty when absent or null); every item an object.
const nlohmann::json& object_list(const nlohmann::json& object, std::string_view key, std::string_view endpoint);

}  // namespace slurmglue::clearml
