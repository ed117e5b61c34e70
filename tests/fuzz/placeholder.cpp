// The placeholder grammar (grammar/placeholder.hpp) as the compiler's scanner
// uses it (compiler/parse.cpp): any text, every placeholder and diagnostic
// inside it, in order.
#include <vector>

#include "compiler/parse.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(placeholder) {
  const sg::compiler::Source source("fuzz.tpl", std::string(input));
  std::vector<sg::compiler::Diagnostic> diagnostics;
  const auto tpl = sg::compiler::parse_placeholders(source, diagnostics);
  std::size_t after = 0;
  for (const auto& p : tpl.placeholders) {
    SLURMGLUE_FUZZ_CHECK(p.begin >= after && p.begin < p.end && p.end <= input.size());
    SLURMGLUE_FUZZ_CHECK(input.substr(p.begin, 10) == "${CLEARML_" && input[p.end - 1] == '}');
    SLURMGLUE_FUZZ_CHECK(p.path.size() == p.path_offsets.size());
    for (const auto offset : p.path_offsets) SLURMGLUE_FUZZ_CHECK(offset > p.begin && offset < p.end);
    after = p.end;
  }
  for (const auto offset : tpl.escapes) SLURMGLUE_FUZZ_CHECK(input.substr(offset, 11) == "$${CLEARML_");
  for (const auto& [begin, end] : tpl.broken) SLURMGLUE_FUZZ_CHECK(begin <= end && end <= input.size());
  for (const auto& d : diagnostics) {
    SLURMGLUE_FUZZ_CHECK(d.position.line >= 1 && d.position.line <= source.line_count());
    SLURMGLUE_FUZZ_CHECK(d.position.column >= 1 && d.position.column <= source.line_text(d.position.line).size() + 1);
    SLURMGLUE_FUZZ_CHECK(!d.message.empty());
  }
}
