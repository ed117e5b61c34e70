#include "compiler/parse.hpp"

#include <tao/pegtl.hpp>

#include "grammar/placeholder.hpp"

namespace slurmglue::compiler {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::placeholder;

struct State {
  const char* base;  // start of the source text, to turn pointers into offsets
  PlaceholderNode node;
};

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::variable_name> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.node.name = in.string();
  }
};

template <>
struct action<g::field> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.node.path.push_back(in.string());
    s.node.path_offsets.push_back(static_cast<std::size_t>(in.begin() - s.base));
  }
};

template <>
struct action<g::default_text> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.node.default_value = unescape(in.string_view());
  }
};

template <>
struct action<g::filter_name> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.node.filters.push_back({in.string(), std::nullopt, static_cast<std::size_t>(in.begin() - s.base)});
  }
};

template <>
struct action<g::filter_argument> {
  template <typename Input>
  static void apply(const Input& in, State& s) {
    s.node.filters.back().argument = unescape(in.string_view());
  }
};

}  // namespace

Template parse_placeholders(const Source& source, std::vector<Diagnostic>& diagnostics) {
  Template t;
  const std::string& text = source.text();
  // A node is large: room for all of them at once, not a copy per doubling.
  std::size_t count = 0;
  for (auto at = text.find(g::kOpen); at != std::string::npos; at = text.find(g::kOpen, at + 1)) ++count;
  t.placeholders.reserve(count);
  std::size_t pos = 0;
  while ((pos = text.find(g::kOpen, pos)) != std::string::npos) {
    if (pos > 0 && text[pos - 1] == '$') {
      // "$${CLEARML_": the first '$' is dropped and the rest is literal text.
      t.escapes.push_back(pos - 1);
      pos += g::kOpen.size();
      continue;
    }
    const std::size_t body = pos + g::kOpen.size();
    const auto line_end = source.line_end(body);
    State state{text.data(), {}};
    state.node.begin = pos;
    pegtl::memory_input in(text.data() + body, text.data() + line_end, source.name());
    try {
      pegtl::parse<g::body, action, g::control>(in, state);
      state.node.end = static_cast<std::size_t>(in.current() - text.data());
      t.placeholders.push_back(std::move(state.node));
      pos = t.placeholders.back().end;
    } catch (const pegtl::parse_error& e) {
      const std::size_t at = body + e.positions().front().byte;
      Diagnostic d;
      d.rule = "placeholder-syntax";
      d.position = source.position(at);
      d.message = std::string(e.message());
      if (at >= line_end && e.message() == g::errors::message<g::close>) {
        d.message = "unterminated placeholder: '${CLEARML_' at column " +
                    std::to_string(source.position(pos).column) + " has no closing '}' on its line";
        d.position = source.position(pos);
        d.length = static_cast<std::uint32_t>(line_end - pos);
      }
      diagnostics.push_back(std::move(d));
      const auto close = text.find('}', body);
      t.broken.emplace_back(pos, close < line_end ? close + 1 : line_end);
      pos = t.broken.back().second;
    }
  }
  return t;
}

}  // namespace slurmglue::compiler
