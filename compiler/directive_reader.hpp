// One #SBATCH line of a template read the way sbatch reads it, with each
// placeholder standing as one plain character: the words, the options
// getopt_long would see, and a map from the read text back to the source.
// The code generator plans the renderer's checks from it and the linter's
// rules read it; it takes time linear in the line (the first placeholder on
// the line is found by binary search).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/source.hpp"
#include "grammar/sbatch_directive.hpp"
#include "runtime/render/directive_options.hpp"

namespace slurmglue::compiler {

// What a placeholder stands as while a line is read: a character no template writes.
inline constexpr char kStandIn = '\x01';

struct ReadDirective {
  std::string stand_in;                // the text after "#SBATCH", placeholders as kStandIn
  std::vector<std::size_t> source_at;  // stand_in offset -> source offset (one extra for the end)
  // Each placeholder on the line: its index in Template::placeholders and its offset in stand_in.
  std::vector<std::pair<std::uint32_t, std::size_t>> spots;
  grammar::sbatch::SplitLine split;    // offsets in stand_in
  std::vector<std::string> words;      // split.words' texts
  std::vector<render::DirectiveItem> items;
  std::size_t source_offset(std::size_t in_stand_in) const {
    return source_at[std::min(in_stand_in, source_at.size() - 1)];
  }
};

ReadDirective read_directive(const Source& source, const Template& tpl, const DirectiveLine& line,
                             const render::OptionTable& options,
                             grammar::sbatch::Escapes escapes = grammar::sbatch::Escapes::Separate);

// The index of the first placeholder at or after byte `offset` (they are in source order).
std::uint32_t first_placeholder_from(const Template& tpl, std::size_t offset);

}  // namespace slurmglue::compiler
