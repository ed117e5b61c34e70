// A template file held in memory, with the line starts needed to turn a byte
// offset into a line and column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::compiler {

// The largest template the tools read (slurmglue-lint, -render, -run refuse a
// bigger file before parsing it): sbatch's default limit on a whole script
// (max_script_size), so no larger template could be submitted anyway.
// Compiling and linting take time and memory linear in the size, so this
// bounds them; the worst case measured (a template of "$($(...))" nested
// kMaxShellNesting deep on every line) is in LIMITS in slurmglue-template(5).
inline constexpr std::size_t kMaxTemplateBytes = std::size_t{4} << 20;

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in bytes
};

class Source {
 public:
  Source(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  Position position(std::size_t offset) const;
  std::string_view line_text(std::uint32_t line) const;  // without its line break
  std::size_t line_offset(std::uint32_t line) const;      // byte offset of the line's start
  // Offset of the line break ending the line that holds `offset` (the text's
  // size on a last line without one): a look-up, so a line of megabytes
  // holding thousands of placeholders is not searched once for each.
  std::size_t line_end(std::size_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace slurmglue::compiler
