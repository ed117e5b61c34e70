// The whole compiler: template text in, diagnostics and (when there is no
// error) an immutable Renderer out.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/catalog/sbatch_options.hpp"
#include "compiler/diagnostic.hpp"
#include "runtime/render/renderer.hpp"

namespace slurmglue::compiler {

struct CompileOptions {
  catalog::SlurmVersion slurm = catalog::newest_slurm_version();
  std::optional<catalog::PyxisVersion> pyxis = catalog::newest_pyxis_version();
  // The srun-wrapper style: the template wraps srun, and the glue runs the
  // agent through it ("srun <agent command>"). Without ${CLEARML_AGENT_EXECUTE}
  // in the template, that line goes right before ${CLEARML_POST_SETUP}, or at
  // the end.
  bool srun_delegation = false;
};

struct Compiled {
  Template ast;
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<const render::Renderer> renderer;  // null when there are errors
};

Compiled compile(const Source& source, const CompileOptions& options = {});

}  // namespace slurmglue::compiler
