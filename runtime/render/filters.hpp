// The placeholder filters of the template language, applied in order to a value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::render {

struct Filter {
  enum class Kind { Strip, Capitalize, Lower, RemoveNewlines, Raw, Number, Words };
  Kind kind = Kind::Strip;
  std::string argument;   // strip: the characters to strip
  bool has_argument = false;  // strip() with no argument strips whitespace
};

// Applies `filters` in order. Unless one of them is `raw`, line breaks (CR and
// LF) are removed last: that is the language's default, and what keeps a value
// on its line.
std::string apply_filters(std::string value, const std::vector<Filter>& filters);

bool keeps_newlines(const std::vector<Filter>& filters);

// `number`: the value must be a number (checked after every filter).
bool requires_number(const std::vector<Filter>& filters);
// `words`: the value is a list of words (split at blanks, quotes kept as a
// shell keeps them), each its own argument; the compiler allows it only
// among a script's arguments.
bool splits_words(const std::vector<Filter>& filters);
// A decimal number as JSON, Python and most programs write one, without a
// sign: 8, 0.1, .5, 3e-4, 1E+6. A plain word in every shell context.
// Digits with an optional fraction and, when `exponent`, an exponent
// (3e-4): in a sed script the exponent's letter would be a command (e runs
// one), so there a number has none.
bool is_number(std::string_view value, bool exponent = true);

}  // namespace slurmglue::render
