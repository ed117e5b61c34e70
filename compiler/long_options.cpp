#include "compiler/long_options.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace slurmglue::compiler {

namespace {

// Sorted: the build writes it from the compiler's sources.
constexpr std::string_view kKnownLongOptions[] = {
#include "known_long_options.inc"
};

}  // namespace

bool is_known_long_option(std::string_view option) {
  return std::binary_search(std::begin(kKnownLongOptions), std::end(kKnownLongOptions), option);
}

std::vector<std::string_view> options_cut_to(std::string_view option) {
  std::vector<std::string_view> out;
  if (option.size() < 3 || option.substr(0, 2) != "--") return out;
  // A known option is itself too (tar --dir cuts --directory; aria2c
  // --dir is whole), unless the longer one only adds a part or a plural
  // (--data of --data-binary, --file of --files-from): options of their own.
  // An option the list does not hold is itself too: the program may have
  // it whole (gdb --x F, not cut from --x-size; attack 164).
  const bool known = is_known_long_option(option);
  for (auto it = std::upper_bound(std::begin(kKnownLongOptions), std::end(kKnownLongOptions), option);
       it != std::end(kKnownLongOptions) && it->substr(0, option.size()) == option; ++it) {
    const auto rest = it->substr(option.size());
    const bool part = !std::isalnum(static_cast<unsigned char>(rest[0])) || (rest[0] == 's' && (rest.size() == 1 || rest[1] == '-'));
    if (!known || !part) out.push_back(*it);
  }
  if (!out.empty()) out.insert(out.begin(), option);
  return out;
}

}  // namespace slurmglue::compiler
