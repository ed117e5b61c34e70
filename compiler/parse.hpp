// Finds the placeholders of a template and parses each with the placeholder
// grammar. "$${CLEARML_" writes a literal "${CLEARML_". Every other '$' is the
// shell's and stays as it is.
#pragma once

#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostic.hpp"

namespace slurmglue::compiler {

Template parse_placeholders(const Source& source, std::vector<Diagnostic>& diagnostics);

}  // namespace slurmglue::compiler
