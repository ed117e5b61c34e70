// The placeholder language of ClearML batch templates:
//
//   ${CLEARML_<specifier>[:<default>][|filter|filter(arg)...]}
//
// specifier := NAME ( '.' FIELD )*        NAME, FIELD: [A-Za-z0-9_-]+
// default   := any text up to '|' or '}'  (may hold ':'); '\' escapes '\', '|', '}'
// filter    := NAME [ '(' arg ')' ]       arg: text up to ')'; '\' escapes '\', ')'
//
// A placeholder never spans lines. The grammar starts right after the opening
// "${CLEARML_" (the template scanner finds those) and ends after the closing '}'.
// Which names, fields and filters exist is the compiler's business, not the
// grammar's: the grammar only fixes the shape, so every error here is about shape.
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::placeholder {

namespace pegtl = tao::pegtl;

// The text that opens a placeholder, and the escape that writes it literally.
inline constexpr std::string_view kOpen = "${CLEARML_";
inline constexpr std::string_view kEscapedOpen = "$${CLEARML_";

struct name_char : pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '-', '-'> {};
struct variable_name : pegtl::plus<name_char> {};
struct field : pegtl::plus<name_char> {};
struct dot : pegtl::one<'.'> {};
struct path : pegtl::star<pegtl::if_must<dot, field>> {};
struct specifier : pegtl::seq<variable_name, path> {};

struct escapable : pegtl::one<'\\', '|', '}'> {};
struct escaped_char : pegtl::if_must<pegtl::one<'\\'>, escapable> {};
struct default_char : pegtl::sor<escaped_char, pegtl::not_one<'|', '}', '\\', '\n', '\r'>> {};
struct default_text : pegtl::star<default_char> {};
struct default_value : pegtl::if_must<pegtl::one<':'>, default_text> {};

struct arg_escaped_char : pegtl::seq<pegtl::one<'\\'>, pegtl::one<'\\', ')'>> {};
struct arg_char : pegtl::sor<arg_escaped_char, pegtl::not_one<')', '\\', '\n', '\r'>> {};
struct filter_argument : pegtl::star<arg_char> {};
struct close_paren : pegtl::one<')'> {};
struct filter_arguments : pegtl::if_must<pegtl::one<'('>, filter_argument, close_paren> {};
struct filter_name : pegtl::plus<name_char> {};
struct filter : pegtl::seq<filter_name, pegtl::opt<filter_arguments>> {};
struct filters : pegtl::star<pegtl::if_must<pegtl::one<'|'>, filter>> {};

struct close : pegtl::one<'}'> {};

// The body after "${CLEARML_": everything up to and including the closing '}'.
struct body : pegtl::seq<pegtl::must<specifier>, pegtl::opt<default_value>, filters, pegtl::must<close>> {};

// Messages for the must<> points above: each says what was expected there.
struct errors {
  template <typename Rule>
  static constexpr const char* message = nullptr;
};
template <> inline constexpr const char* errors::message<specifier> =
    "expected a variable name after '${CLEARML_' (for example TASK.id or QUEUE_NAME)";
template <> inline constexpr const char* errors::message<field> =
    "expected a field name after '.' (letters, digits, '_' or '-')";
template <> inline constexpr const char* errors::message<default_text> =
    "expected the default value after ':'";
template <> inline constexpr const char* errors::message<escapable> =
    "in a default '\\' escapes only '\\', '|' and '}': the default is a value, quoted for where it lands "
    "(an #SBATCH line too), so write other characters ('#', ':') as they are";
template <> inline constexpr const char* errors::message<filter> =
    "expected a filter name after '|' (strip, capitalize, lower, remove_newlines, raw, number or words)";
template <> inline constexpr const char* errors::message<filter_argument> =
    "expected the filter argument after '('";
template <> inline constexpr const char* errors::message<close_paren> =
    "expected ')' to close the filter argument";
template <> inline constexpr const char* errors::message<close> =
    "expected '}' to close the placeholder (a placeholder ends on the line it starts on)";

template <typename Rule>
using control = pegtl::must_if<errors>::control<Rule>;

}  // namespace slurmglue::grammar::placeholder
