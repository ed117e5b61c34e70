#include "compiler/codegen.hpp"

#include <algorithm>

#include "compiler/directive_reader.hpp"
#include "runtime/render/script_checks.hpp"

namespace slurmglue::compiler {
namespace {

using render::Op;

struct Marker {
  enum Kind { DirectiveEnd, HeredocEnd, DataBlock, DirectiveBegin, HeredocBegin, Synthetic, Placeholder, Escape };
  std::size_t offset;
  Kind kind;
  std::uint32_t index;
  bool operator<(const Marker& o) const { return offset != o.offset ? offset < o.offset : kind < o.kind; }
};

bool has_placeholder(const Template& tpl, std::size_t begin, std::size_t end) {
  const auto k = first_placeholder_from(tpl, begin);
  return k < tpl.placeholders.size() && tpl.placeholders[k].end <= end;
}

// Works out, with each placeholder standing for a plain word, which words and
// options sbatch will read on the line; the renderer checks the rendered
// line reads the same.
render::DirectivePlan plan_directive(const Source& source, const Template& tpl, const DirectiveLine& line,
                                     const render::OptionTable& options, std::vector<Diagnostic>& diagnostics) {
  render::DirectivePlan plan;
  plan.line = line.line;
  const auto read = read_directive(source, tpl, line, options);
  const auto& split = read.split;
  const auto& words = read.words;
  const auto& items = read.items;
  plan.expected_words = words.size();
  plan.expected_shape = grammar::sbatch::shape_flags(split);
  for (std::size_t from = line.begin; from < line.end && !plan.marks_components;) {
    const auto k = first_placeholder_from(tpl, from);
    const auto to = k < tpl.placeholders.size() ? std::min(tpl.placeholders[k].begin, line.end) : line.end;
    const auto text = source.text().substr(from, to - from);
    plan.marks_components = text.find("hetjob") != std::string_view::npos || text.find("packjob") != std::string_view::npos;
    from = k < tpl.placeholders.size() ? tpl.placeholders[k].end : line.end;
  }
  for (const auto& item : items) plan.expected.push_back(item.canonical());

  std::vector<std::size_t> seen(words.size(), 0);  // stand-ins met so far in each word
  for (const auto& [placement, at] : read.spots) {
    const auto& ph = tpl.placeholders[placement];
    if (ph.context.quoting == render::Quoting::Comment) continue;
    std::uint32_t word = 0;
    for (; word < split.words.size(); ++word)
      if (at >= split.words[word].begin && at < split.words[word].end) break;
    if (word == split.words.size()) continue;
    render::DirectivePlan::Slot slot{placement, word};
    // Where the stand-in ended up inside the word sbatch hands to getopt.
    std::size_t in_word = std::string::npos;
    for (std::size_t n = 0; n <= seen[word]; ++n) in_word = words[word].find(kStandIn, in_word + 1);
    ++seen[word];
    bool in_value = true;
    for (const auto& item : items) {
      if (item.kind == render::DirectiveItem::Kind::Positional || item.word != word) continue;
      in_value = item.has_value && item.value_word == word && in_word >= item.value_offset;
      if (in_value) break;
    }
    // The option whose value holds the placeholder (in its own word or after
    // '='), for the renderer's fast path: a plain value there cannot change
    // how sbatch splits the line or what getopt reads.
    for (std::uint32_t k = 0; k < items.size(); ++k) {
      const auto& item = items[k];
      if (!item.has_value || item.value_word != word || in_word < item.value_offset) continue;
      slot.option_item = k;
      slot.kind = item.option ? item.option->value : render::ValueKind::Any;
      slot.whole_value = std::string_view(words[word]).substr(item.value_offset) == std::string_view(&kStandIn, 1);
      break;
    }
    plan.slots.push_back(slot);
    if (!in_value) {
      diagnostics.push_back(diagnostic_at(
          source, "placeholder-in-option-name", Severity::Error, ph.begin, ph.end - ph.begin,
          "a placeholder cannot be part of an sbatch option name: the task would choose the option"));
    }
  }
  return plan;
}

// What stands before each placeholder on its line, for the renderer's
// #PBS/#BSUB check: the literal text with earlier placeholders left out and
// leading blanks skipped (an earlier value may be empty). Placeholders are
// asked in text order, so each line is read once, however many it holds.
class LineStarts {
 public:
  LineStarts(std::string_view text, const Template& tpl) : text_(text), tpl_(tpl) {}

  render::Placement::LineStart next(std::size_t k) {
    const auto& ph = tpl_.placeholders[k];
    // The literal text since the last placeholder, from the line's start.
    const auto segment = text_.substr(scanned_, ph.begin - scanned_);
    if (const auto newline = segment.rfind('\n'); newline != std::string_view::npos) {
      rest_.clear();
      append(segment.substr(newline + 1));
    } else {
      append(segment);
    }
    scanned_ = ph.end;
    if (rest_.empty()) return next_literal_is_hash(k) ? render::Placement::LineStart::AtStartBeforeHash
                                                      : render::Placement::LineStart::AtStart;
    for (std::string_view directive : {"#PBS", "#BSUB", "#DW", "#BB"})
      if (rest_.size() <= directive.size() && directive.substr(0, rest_.size()) == rest_)
        return render::Placement::LineStart::AfterHash;
    return render::Placement::LineStart::No;
  }

 private:
  // The text from the first non-blank on, kept up to one character more
  // than the longest directive (then no directive can be its start).
  void append(std::string_view literal) {
    if (rest_.empty()) literal.remove_prefix(std::min(literal.find_first_not_of(" \t"), literal.size()));
    rest_.append(literal.substr(0, std::min(literal.size(), kKept - std::min(kKept, rest_.size()))));
  }
  // Whether the first non-blank character after placeholder k on its line,
  // later placeholders left out, is '#'. A scan that went past k's end
  // already answers it.
  bool next_literal_is_hash(std::size_t k) {
    const auto& ph = tpl_.placeholders[k];
    if (literal_at_ < ph.end) {
      literal_at_ = ph.end;
      for (std::size_t j = k + 1; literal_at_ < text_.size();) {
        if (j < tpl_.placeholders.size() && tpl_.placeholders[j].begin == literal_at_) {
          literal_at_ = tpl_.placeholders[j++].end;
        } else if (text_[literal_at_] == ' ' || text_[literal_at_] == '\t') {
          ++literal_at_;
        } else {
          break;
        }
      }
    }
    return literal_at_ < text_.size() && text_[literal_at_] == '#';
  }

  static constexpr std::size_t kKept = 6;
  std::string_view text_;
  const Template& tpl_;
  std::size_t scanned_ = 0;     // the end of the last placeholder asked about
  std::string rest_;            // this line's literal text before it, from its first non-blank
  std::size_t literal_at_ = 0;  // where the last look for the next literal stopped
};

}  // namespace

render::Program generate(const Source& source, const Template& tpl, std::vector<render::Placement> placements,
                         render::OptionTable options, const CodegenOptions& cg,
                         std::vector<Diagnostic>& diagnostics) {
  render::Program p;
  p.source_name = source.name();
  p.text = source.text();
  p.literal_bytes = p.text.size();
  p.directive_lines = tpl.directives.size();
  p.shell_only_variables = tpl.shell_only_variables;
  p.translated_directive_lines = render::count_translated_directive_lines(source.text());
  p.placements = std::move(placements);
  p.options = std::move(options);
  LineStarts line_starts(source.text(), tpl);
  for (std::size_t k = 0; k < p.placements.size() && k < tpl.placeholders.size(); ++k)
    p.placements[k].line_start = line_starts.next(k);

  std::vector<Marker> markers;
  for (std::uint32_t k = 0; k < tpl.placeholders.size(); ++k)
    markers.push_back({tpl.placeholders[k].begin, Marker::Placeholder, k});
  for (auto e : tpl.escapes) markers.push_back({e, Marker::Escape, 0});
  for (const auto& line : tpl.directives) {
    if (!has_placeholder(tpl, line.begin, line.end)) continue;
    const auto index = static_cast<std::uint32_t>(p.directives.size());
    p.directives.push_back(plan_directive(source, tpl, line, p.options, diagnostics));
    markers.push_back({line.begin, Marker::DirectiveBegin, index});
    markers.push_back({line.end, Marker::DirectiveEnd, index});
  }
  for (const auto& h : tpl.heredocs) {
    if (!has_placeholder(tpl, h.body_begin, h.body_end)) continue;
    const auto index = static_cast<std::uint32_t>(p.heredocs.size());
    p.heredocs.push_back({h.delimiter, h.strip_tabs, h.in_command_substitution, !h.quoted, h.body_line});
    markers.push_back({h.body_begin, Marker::HeredocBegin, index});
    markers.push_back({h.body_end, Marker::HeredocEnd, index});
  }

  // The data block goes where the script's header ends: after the #! line
  // and every comment or blank line after it, where sbatch stops reading
  // #SBATCH lines and the burst-buffer plugins #DW, #BB and #BB_LUA lines.
  // So it precedes every command, function and here-document, and its first
  // line ends no directive scan early.
  {
    const std::string& t = source.text();
    std::size_t at = std::min(t.find('\n'), t.size());
    while (at < t.size()) {
      const std::size_t line = at + 1;
      const auto first = t.find_first_not_of(" \t\r", line);
      if (first == std::string::npos) {
        at = t.size();
        break;
      }
      if (t[first] != '\n' && t[first] != '#') break;
      at = std::min(t.find('\n', line), t.size());
    }
    at = at >= t.size() ? t.size() : at + 1;
    p.data_block_needs_newline = at == t.size() && !t.empty() && t.back() != '\n';
    markers.push_back({at, Marker::DataBlock, 0});
  }

  // srun delegation without an explicit slot: the glue's "srun <agent>" line
  // goes right before ${CLEARML_POST_SETUP}, or at the end of the script.
  const auto has = [&](render::Variable v) {
    return std::any_of(p.placements.begin(), p.placements.end(),
                       [&](const render::Placement& pl) { return pl.variable == v; });
  };
  std::size_t newline_at = 0;
  if (cg.srun_delegation && !has(render::Variable::AgentExecute)) {
    render::Placement execute;
    execute.variable = render::Variable::AgentExecute;
    execute.context.whole_line = true;
    execute.command_position = true;
    execute.text = "${CLEARML_AGENT_EXECUTE} (added for --srun-delegation)";
    std::size_t at = p.text.size();
    for (std::size_t k = 0; k < p.placements.size(); ++k) {
      if (p.placements[k].variable == render::Variable::PostSetup && p.placements[k].context.whole_line) {
        at = source.line_offset(source.position(tpl.placeholders[k].begin).line);
        break;
      }
    }
    execute.line = at < p.text.size() ? source.position(at).line : source.line_count() + 1;
    execute.column = 1;
    const auto index = static_cast<std::uint32_t>(p.placements.size());
    p.placements.push_back(std::move(execute));
    markers.push_back({at, Marker::Synthetic, index});
    newline_at = p.text.size();
    p.text += '\n';
  }

  std::sort(markers.begin(), markers.end());
  std::size_t cursor = 0;
  auto literal = [&](std::size_t from, std::size_t to) {
    if (to > from) p.ops.push_back({Op::Kind::Literal, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to - from)});
  };
  for (const auto& m : markers) {
    literal(cursor, m.offset);
    cursor = std::max(cursor, m.offset);
    switch (m.kind) {
      case Marker::Placeholder:
        p.ops.push_back({Op::Kind::Value, m.index, 0});
        cursor = tpl.placeholders[m.index].end;
        break;
      case Marker::Escape:
        cursor = m.offset + 1;
        break;
      case Marker::DataBlock: p.ops.push_back({Op::Kind::DataBlock, 0, 0}); break;
      case Marker::DirectiveBegin: p.ops.push_back({Op::Kind::DirectiveBegin, m.index, 0}); break;
      case Marker::DirectiveEnd: p.ops.push_back({Op::Kind::DirectiveEnd, m.index, 0}); break;
      case Marker::HeredocBegin: p.ops.push_back({Op::Kind::HeredocBegin, m.index, 0}); break;
      case Marker::HeredocEnd: p.ops.push_back({Op::Kind::HeredocEnd, m.index, 0}); break;
      case Marker::Synthetic:
        if (m.offset == source.text().size() && m.offset > 0 && source.text().back() != '\n')
          p.ops.push_back({Op::Kind::Literal, static_cast<std::uint32_t>(newline_at), 1});
        p.ops.push_back({Op::Kind::Value, m.index, 0});
        p.ops.push_back({Op::Kind::Literal, static_cast<std::uint32_t>(newline_at), 1});
        break;
    }
  }
  literal(cursor, source.text().size());
  return p;
}

}  // namespace slurmglue::compiler
