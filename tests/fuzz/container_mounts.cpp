// Pyxis --container-mounts and --container-name values
// (grammar/container_mounts.hpp) as the renderer checks them. Checked: an
// accepted list holds no line break, tab or NUL, and every entry (split on
// ',' then ':') has the shape Pyxis takes: SRC, SRC:DST or SRC:DST:FLAGS.
#include <string>
#include <vector>

#include "runtime/render/value_checks.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

namespace {
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}
bool is_path(std::string_view part) { return !part.empty() && (part[0] == '.' || part[0] == '/'); }
}  // namespace

SLURMGLUE_FUZZ_TARGET(container_mounts) {
  if (sg::render::check_value(sg::render::ValueKind::ContainerMounts, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(input.find_first_of(std::string_view("\n\r\t\0", 4)) == std::string_view::npos);
    for (const auto entry : split(input, ',')) {
      const auto parts = split(entry, ':');
      SLURMGLUE_FUZZ_CHECK(parts.size() >= 1 && parts.size() <= 3);
      SLURMGLUE_FUZZ_CHECK(is_path(parts[0]) || parts[0] == "tmpfs" || parts[0] == "umount");
      if (parts.size() >= 2) SLURMGLUE_FUZZ_CHECK(is_path(parts[1]));
      if (parts.size() == 3) SLURMGLUE_FUZZ_CHECK(!parts[2].empty());
    }
  }
  if (sg::render::check_value(sg::render::ValueKind::ContainerName, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(!input.empty() && input.find_first_of(" \t\n\r/,") == std::string_view::npos);
  }
}
