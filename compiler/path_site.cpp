#include "compiler/path_site.hpp"

#include "compiler/shell_lexer.hpp"

#include <algorithm>
#include <string>

namespace slurmglue::compiler {
namespace {


// Characters that end a word or an item of a list (a blank, '=' of an
// option or assignment, ',' and ':' of mount lists, shell operators).
bool is_boundary(char c) { return std::string_view(" \t\r\n=,:;|&<>()`{").find(c) != std::string_view::npos; }

}  // namespace

render::PathSite path_site(std::string_view text, std::size_t begin, std::size_t end) {
  using Edge = render::PathSite::Edge;
  render::PathSite site;
  // Before: back to a '/', a boundary or another expansion; quotes vanish.
  std::string before;  // reversed
  site.before = Edge::Boundary;
  for (std::size_t k = begin; k > 0; --k) {
    const char c = text[k - 1];
    if (c == '"' || c == '\'') continue;
    if (c == '/') {
      site.before = Edge::Slash;
      break;
    }
    if (c == '}' || c == ']') {
      site.before = Edge::Expansion;
      break;
    }
    if (c == '$') {
      // $NAME.x: the name's characters next to '$' are the expansion's.
      while (!before.empty() && is_name_char(before.back())) before.pop_back();
      site.before = Edge::Expansion;
      break;
    }
    if (is_boundary(c)) break;
    before.push_back(c);
  }
  site.before_text.assign(before.rbegin(), before.rend());
  // After: on to a '/', a boundary or another expansion.
  site.after = Edge::Boundary;
  for (std::size_t k = end; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '"' || c == '\'') continue;
    if (c == '/') {
      site.after = Edge::Slash;
      break;
    }
    if (c == '$' || c == '`') {
      site.after = Edge::Expansion;
      break;
    }
    if (c == '}' || is_boundary(c)) break;
    site.after_text.push_back(c);
  }
  return site;
}

}  // namespace slurmglue::compiler
