#include "compiler/directive_reader.hpp"

#include <algorithm>

namespace slurmglue::compiler {

std::uint32_t first_placeholder_from(const Template& tpl, std::size_t offset) {
  const auto it = std::lower_bound(tpl.placeholders.begin(), tpl.placeholders.end(), offset,
                                   [](const PlaceholderNode& p, std::size_t o) { return p.begin < o; });
  return static_cast<std::uint32_t>(it - tpl.placeholders.begin());
}

ReadDirective read_directive(const Source& source, const Template& tpl, const DirectiveLine& line,
                             const render::OptionTable& options, grammar::sbatch::Escapes escapes) {
  ReadDirective r;
  const std::string& text = source.text();
  std::size_t cursor =
      line.begin + grammar::sbatch::directive_prefix(std::string_view(text).substr(line.begin, line.end - line.begin));
  r.stand_in.reserve(line.end - cursor);
  r.source_at.reserve(line.end - cursor + 1);
  auto copy = [&](std::size_t to) {
    r.stand_in.append(text, cursor, to - cursor);
    for (; cursor < to; ++cursor) r.source_at.push_back(cursor);
  };
  for (auto k = first_placeholder_from(tpl, cursor); k < tpl.placeholders.size(); ++k) {
    const auto& ph = tpl.placeholders[k];
    if (ph.end > line.end) break;
    copy(ph.begin);
    r.spots.emplace_back(k, r.stand_in.size());
    r.stand_in += kStandIn;
    r.source_at.push_back(ph.begin);
    cursor = ph.end;
  }
  copy(line.end);
  r.source_at.push_back(line.end);
  r.split = grammar::sbatch::split(r.stand_in, escapes);
  r.words.reserve(r.split.words.size());
  for (const auto& w : r.split.words) r.words.push_back(w.text);
  r.items = render::read_directive_words(r.words, options);
  return r;
}

}  // namespace slurmglue::compiler
