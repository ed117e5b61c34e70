#include "compiler/source.hpp"

#include <algorithm>

namespace slurmglue::compiler {

Source::Source(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
}

Position Source::position(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(offset - line_starts_[index] + 1)};
}

std::size_t Source::line_offset(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::size_t Source::line_end(std::size_t offset) const {
  if (offset >= text_.size()) return text_.size();
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  if (next != line_starts_.end()) return *next - 1;
  return text_.back() == '\n' ? text_.size() - 1 : text_.size();
}

std::string_view Source::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const auto begin = line_starts_[line - 1];
  return std::string_view(text_).substr(begin, line_end(begin) - begin);
}

}  // namespace slurmglue::compiler
