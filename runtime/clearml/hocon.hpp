// Reads clearml.conf text (the HOCON subset of grammar/hocon.hpp) into JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "runtime/clearml/api_error.hpp"

namespace slurmglue::clearml {

// A configuration that cannot be used. For a malformed file the message is
// "FILE:LINE:COLUMN: expected ...", and never quotes the file's text (it may
// hold a secret key).
class ConfigError : public Error {
 public:
  using Error::Error;
};

// The deepest nesting of objects and lists read: clearml.conf files nest a
// handful of levels; the parser recurses once per level, so a file of a
// million '{' must be an error, not a stack overflow.
inline constexpr std::size_t kMaxConfigDepth = 64;

// Objects given twice are merged (the later keys win), as in HOCON; any other
// repeated key takes the later value. Unquoted true/false/null and numbers
// become JSON booleans, null and numbers; substitutions stay as their text.
nlohmann::json parse_hocon(std::string_view text, const std::string& source_name);

}  // namespace slurmglue::clearml
