// Container image references as Pyxis and Enroot read them
// (grammar/image_reference.hpp), as the renderer checks a --container-image
// value. Checked: an accepted reference holds no control character (it
// could end its line), and a docker reference holds nothing but the
// characters of its grammar.
#include <string>

#include "runtime/render/value_checks.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(image_reference) {
  if (!sg::render::check_value(sg::render::ValueKind::ContainerImage, input).empty()) return;
  SLURMGLUE_FUZZ_CHECK(!input.empty());
  for (const char c : input) SLURMGLUE_FUZZ_CHECK(static_cast<unsigned char>(c) >= 32);
  if (input[0] != '.' && input[0] != '/') {
    SLURMGLUE_FUZZ_CHECK(input.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                 "0123456789._-/:@#") == std::string_view::npos);
  }
}
