// The placeholder filters of the template language, applied in order to a value.
#pragma once

#include <string>
#include <vector>

namespace slurmglue::render {

struct Filter {
  enum class Kind { Strip, Capitalize, Lower, RemoveNewlines, Raw };
  Kind kind = Kind::Strip;
  std::string argument;   // strip: the characters to strip
  bool has_argument = false;  // strip() with no argument strips whitespace
};

// Applies `filters` in order. Unless one of them is `raw`, line breaks (CR and
// LF) are removed last: that is the language's default, and what keeps a value
// on its line.
std::string apply_filters(std::string value, const std::vector<Filter>& filters);

bool keeps_newlines(const std::vector<Filter>& filters);

}  // namespace slurmglue::render
