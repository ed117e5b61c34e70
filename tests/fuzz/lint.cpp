// slurmglue-lint's engine (every rule family, both profiles) and its
// printers (human, gcc, JSON, GitHub) on any text. Checked: lint never
// throws, diagnostics come sorted and point into the text, and the JSON
// output stays valid whatever bytes the template holds.
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "compiler/formats/formats.hpp"
#include "compiler/lint.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(lint) {
  sg::lint::LintOptions options;
  // The input's length picks the profile, so both see every kind of text.
  options.profile = input.size() % 2 == 0 ? sg::lint::Profile::ClearML : sg::lint::Profile::Sbatch;
  options.srun_delegation = input.size() % 3 == 0;
  const sg::compiler::Source source("fuzz.tpl", std::string(input));
  auto diagnostics = sg::lint::lint(source, options);
  const sg::compiler::Position* previous = nullptr;
  for (const auto& d : diagnostics) {
    SLURMGLUE_FUZZ_CHECK(d.position.line >= 1 && d.position.line <= source.line_count());
    SLURMGLUE_FUZZ_CHECK(!d.message.empty() && !d.rule.empty());
    if (previous != nullptr) {
      SLURMGLUE_FUZZ_CHECK(previous->line < d.position.line ||
                           (previous->line == d.position.line && previous->column <= d.position.column));
    }
    previous = &d.position;
  }
  const std::vector<sg::lint::FileResult> results{{source, std::move(diagnostics)}};
  for (const auto format : {sg::lint::Format::Human, sg::lint::Format::Gcc, sg::lint::Format::Github}) {
    std::ostringstream out;
    sg::lint::print(format, out, results, format == sg::lint::Format::Human, "fuzz");
  }
  // SARIF writes each diagnostic as JSON does, after a table of every rule
  // that costs most of a run: only JSON here.
  std::ostringstream json;
  sg::lint::print(sg::lint::Format::Json, json, results, false, "fuzz");
  SLURMGLUE_FUZZ_CHECK(!nlohmann::json::parse(json.str(), nullptr, false).is_discarded());
}
