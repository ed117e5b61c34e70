// The compiler (template -> shell lexer -> rules -> Renderer), then the
// Renderer with hostile values. The input is a template, optionally followed
// by a NUL byte and a value (a template cannot hold a NUL: sbatch refuses
// one) that every task field takes. Checked: diagnostics point into the
// template; what renders is a script sbatch could take; a render error is a
// message, never a crash.
#include <vector>

#include "compiler/compile.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(compile) {
  const auto nul = input.find('\0');
  const std::string_view text = input.substr(0, nul);
  const std::string value = nul == std::string_view::npos ? "a value; $(touch canary) 'x\" \n#SBATCH --uid=0"
                                                          : std::string(input.substr(nul + 1));
  const sg::compiler::Source source("fuzz.tpl", std::string(text));
  const auto compiled = sg::compiler::compile(source);
  for (const auto& d : compiled.diagnostics) {
    SLURMGLUE_FUZZ_CHECK(d.position.line >= 1 && d.position.line <= source.line_count());
    SLURMGLUE_FUZZ_CHECK(!d.message.empty());
  }
  SLURMGLUE_FUZZ_CHECK((compiled.renderer != nullptr) == !sg::compiler::has_errors(compiled.diagnostics));
  if (!compiled.renderer) return;

  sg::render::Values values;
  values.task = {{"id", "4f1c"},
                 {"name", value},
                 {"project", value},
                 {"container", {{"image", value}, {"arguments", value}}},
                 {"hyperparams", {{"properties", {{"walltime", {{"value", value}}}, {"num_nodes", {{"value", value}}}}}}},
                 {"tags", {value, "b"}}};
  values.queue_name = value;
  values.worker_id = "worker";
  values.agent_execute = "clearml-agent execute --id 4f1c";
  for (int round = 0; round < 2; ++round) {
    std::string script;
    std::vector<sg::render::RenderError> errors;
    if (compiled.renderer->render(values, script, errors)) {
      SLURMGLUE_FUZZ_CHECK(errors.empty());
      SLURMGLUE_FUZZ_CHECK(script.find('\0') == std::string::npos);
    } else {
      SLURMGLUE_FUZZ_CHECK(!errors.empty());
      for (const auto& e : errors) SLURMGLUE_FUZZ_CHECK(!e.message.empty());
    }
    values.task = {{"id", "4f1c"}, {"name", "plain"}};  // the second round: plain values
    values.queue_name = "gpu";
  }
}
