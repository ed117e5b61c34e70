#include "compiler/shebang.hpp"

#include <algorithm>

namespace slurmglue::compiler {
namespace {

std::string_view base_name(std::string_view w) {
  const auto slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

bool is_short_cluster(std::string_view w) { return w.size() > 1 && (w[0] == '-' || w[0] == '+') && w[1] != '-'; }

}  // namespace

Shebang read_shebang(std::string_view text) {
  Shebang s;
  if (!text.starts_with("#!")) return s;
  const auto end = std::min(text.find('\n'), text.size());
  for (std::size_t k = 2; k < end;) {
    const auto b = text.find_first_not_of(" \t\r", k);
    if (b >= end) break;
    const auto e = std::min(text.find_first_of(" \t\r", b), end);
    s.words.push_back({text.substr(b, e - b), b});
    k = e;
  }
  s.interpreter = static_cast<std::size_t>(
      std::find_if(s.words.begin(), s.words.end(),
                   [](const Shebang::Word& w) { return base_name(w.text) != "env" && w.text[0] != '-'; }) -
      s.words.begin());
  return s;
}

std::string_view Shebang::interpreter_name() const {
  return interpreter < words.size() ? base_name(words[interpreter].text) : std::string_view();
}

std::optional<Shebang::Word> Shebang::short_option(char letter) const {
  for (std::size_t k = interpreter + 1; k < words.size(); ++k)
    if (is_short_cluster(words[k].text) && words[k].text.find(letter) != std::string_view::npos) return words[k];
  return std::nullopt;
}

std::optional<Shebang::Word> Shebang::named_option(char option, std::string_view name_prefix) const {
  for (std::size_t k = interpreter + 1; k < words.size(); ++k) {
    const auto w = words[k].text;
    if (!is_short_cluster(w) || w.find(option) == std::string_view::npos) continue;
    // -Ocompat31 or -O compat31: the name is the rest of the word or the next word.
    if (const auto rest = w.substr(w.find(option) + 1); !rest.empty()) {
      if (rest.starts_with(name_prefix)) return words[k];
    } else if (k + 1 < words.size() && words[k + 1].text.starts_with(name_prefix)) {
      return words[k + 1];
    }
  }
  return std::nullopt;
}

}  // namespace slurmglue::compiler
