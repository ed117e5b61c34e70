// Turns a checked template into the Renderer's flat program.
#pragma once

#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostic.hpp"
#include "runtime/render/renderer.hpp"

namespace slurmglue::compiler {

struct CodegenOptions {
  bool srun_delegation = false;
};

// `placements` holds one entry per placeholder of `tpl`, in order. Problems
// found while planning #SBATCH lines (a placeholder in an option name) are
// added to `diagnostics`.
render::Program generate(const Source& source, const Template& tpl, std::vector<render::Placement> placements,
                         render::OptionTable options, const CodegenOptions& cg,
                         std::vector<Diagnostic>& diagnostics);

}  // namespace slurmglue::compiler
