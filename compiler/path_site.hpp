// Where a placeholder or a variable's expansion stands in the path it is
// part of, read from the template's text: the literal text of the same
// path component next to it and what bounds that (render::PathSite).
#pragma once

#include <cstddef>
#include <string_view>

#include "runtime/render/element_role.hpp"

namespace slurmglue::compiler {

// The site of the expansion text[begin, end).
render::PathSite path_site(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace slurmglue::compiler
