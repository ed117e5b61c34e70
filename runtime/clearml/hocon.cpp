#include "runtime/clearml/hocon.hpp"

#include <fmt/format.h>

#include <charconv>
#include <tao/pegtl.hpp>
#include <vector>

#include "grammar/hocon.hpp"

namespace slurmglue::clearml {

namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::hocon;

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The text of a "..." string (the grammar has checked its escapes).
std::string unquote(std::string_view quoted) {
  const std::string_view body = quoted.substr(1, quoted.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char code = body[++i];
    switch (code) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        unsigned value = 0;
        std::from_chars(body.data() + i + 1, body.data() + i + 5, value, 16);
        append_utf8(out, value);
        i += 4;
        break;
      }
      default: out += code;  // '"', '\\', '/'
    }
  }
  return out;
}

nlohmann::json typed_scalar(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null") return nullptr;
  const char* end = text.data() + text.size();
  std::int64_t integer = 0;
  if (auto [at, error] = std::from_chars(text.data(), end, integer); error == std::errc() && at == end) return integer;
  double real = 0;
  if (auto [at, error] = std::from_chars(text.data(), end, real); error == std::errc() && at == end) return real;
  return text;
}

// Puts `value` at `path` below `object`: objects met on the way are merged into.
void insert(nlohmann::json& object, const std::vector<std::string>& path, nlohmann::json value) {
  nlohmann::json* target = &object;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    nlohmann::json& next = (*target)[path[i]];
    if (!next.is_object()) next = nlohmann::json::object();
    target = &next;
  }
  nlohmann::json& slot = (*target)[path.back()];
  if (slot.is_object() && value.is_object()) {
    for (auto& [key, item] : value.items()) insert(slot, {key}, std::move(item));
  } else {
    slot = std::move(value);
  }
}

struct Builder {
  // Open objects and lists, with finished values on top until their member or
  // list element takes them.
  std::vector<nlohmann::json> stack{nlohmann::json::object()};
  std::vector<std::vector<std::string>> paths;  // keys of the members being read
  std::vector<std::string> key_parts;
  // The simple value being read.
  std::string text;
  std::string gap;
  int pieces = 0;
  bool quoted = false;

  void add_piece(std::string_view piece, bool is_quoted) {
    if (pieces++ > 0) text += gap;
    text += piece;
    quoted = quoted || is_quoted;
  }
  nlohmann::json pop() {
    nlohmann::json top = std::move(stack.back());
    stack.pop_back();
    return top;
  }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::bare_key> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.key_parts.push_back(in.string()); }
};
template <>
struct action<g::quoted_key> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.key_parts.push_back(unquote(in.string_view())); }
};
template <>
struct action<g::key_path> {
  static void apply0(Builder& b) { b.paths.push_back(std::exchange(b.key_parts, {})); }
};
// The stack holds the root and every object and list open around this one.
template <typename Input>
void open(const Input& in, Builder& b, nlohmann::json container) {
  if (b.stack.size() > kMaxConfigDepth) {
    throw pegtl::parse_error(fmt::format("objects and lists nested deeper than {} levels", kMaxConfigDepth), in);
  }
  b.stack.push_back(std::move(container));
}
template <>
struct action<g::object_open> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { open(in, b, nlohmann::json::object()); }
};
template <>
struct action<g::array_open> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { open(in, b, nlohmann::json::array()); }
};
template <>
struct action<g::piece_gap> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.gap = in.string(); }
};
template <>
struct action<g::quoted_value> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.add_piece(unquote(in.string_view()), true); }
};
template <>
struct action<g::multiline_string> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    const std::string_view raw = in.string_view();
    b.add_piece(raw.substr(3, raw.size() - 6), true);
  }
};
template <>
struct action<g::substitution> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.add_piece(in.string_view(), true); }
};
template <>
struct action<g::unquoted_text> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.add_piece(in.string_view(), false); }
};
template <>
struct action<g::simple_value> {
  static void apply0(Builder& b) {
    b.stack.push_back(b.quoted || b.pieces != 1 ? nlohmann::json(b.text) : typed_scalar(b.text));
    b.text.clear();
    b.gap.clear();
    b.pieces = 0;
    b.quoted = false;
  }
};
template <>
struct action<g::member> {
  static void apply0(Builder& b) {
    nlohmann::json value = b.pop();
    insert(b.stack.back(), b.paths.back(), std::move(value));
    b.paths.pop_back();
  }
};
template <>
struct action<g::array_element> {
  static void apply0(Builder& b) {
    nlohmann::json value = b.pop();
    b.stack.back().push_back(std::move(value));
  }
};
template <>
struct action<g::braced_document> {
  static void apply0(Builder& b) {
    nlohmann::json value = b.pop();
    for (auto& [key, item] : value.items()) insert(b.stack.back(), {key}, std::move(item));
  }
};

}  // namespace

nlohmann::json parse_hocon(std::string_view text, const std::string& source_name) {
  pegtl::memory_input<> in(text.data(), text.size(), source_name);
  Builder builder;
  try {
    pegtl::parse<g::document, action, g::control>(in, builder);
  } catch (const pegtl::parse_error& error) {
    const auto& where = error.positions().front();
    throw ConfigError(fmt::format("{}:{}:{}: {}", where.source, where.line, where.column, error.message()));
  }
  return std::move(builder.stack.front());
}

}  // namespace slurmglue::clearml
