// The subset of HOCON that clearml.conf files use:
//
//   document  := object | members                    (the outer braces are optional)
//   members   := ( include | member ) separated by newlines and/or ','
//   member    := key-path ( ('=' | ':') value | object )
//   key-path  := key ( '.' key )*                      a.b.c = x nests, like a { b { c = x } }
//   key       := "quoted" | bare                       bare: no blanks and none of . = : { } [ ] , # " $ + and backslash
//   value     := object | list | simple
//   object    := '{' members '}'        list := '[' values separated by newlines and/or ',' ']'
//   simple    := pieces on one line, joined with the blanks between them (HOCON concatenation):
//                "quoted" | """multi-line""" | ${substitution} (kept as text) | unquoted
//   include   := 'include' "file" | 'include' kind("file")    (accepted, never followed)
//   comments  := '#' or '//' to the end of the line
//
// One deviation, for real files: clearml-init writes `api_server: http://host:8008`
// unquoted, so inside an unquoted value '//' is text; it starts a comment only
// where a value or key could start. As in HOCON, '#' always starts a comment
// outside quotes (so `nvcr.io#nvidia/x` must be quoted).
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::hocon {

namespace pegtl = tao::pegtl;

struct horizontal_space : pegtl::one<' ', '\t'> {};
struct inline_space : pegtl::star<horizontal_space> {};
struct comment_start : pegtl::sor<pegtl::one<'#'>, pegtl::two<'/'>> {};
struct comment : pegtl::seq<comment_start, pegtl::star<pegtl::not_one<'\n'>>> {};
struct skip : pegtl::star<pegtl::sor<pegtl::space, comment>> {};

// Strings: JSON's escapes; a "..." string ends on its line, a """...""" one may span lines.
struct escape_code : pegtl::sor<pegtl::one<'"', '\\', '/', 'b', 'f', 'n', 'r', 't'>,
                                pegtl::seq<pegtl::one<'u'>, pegtl::rep<4, pegtl::xdigit>>> {};
struct escaped_char : pegtl::if_must<pegtl::one<'\\'>, escape_code> {};
struct string_char : pegtl::sor<escaped_char, pegtl::not_one<'"', '\\', '\n', '\r'>> {};
struct string_content : pegtl::star<string_char> {};
struct close_quote : pegtl::one<'"'> {};
struct quoted_string : pegtl::if_must<pegtl::one<'"'>, string_content, close_quote> {};
struct triple_quote : pegtl::three<'"'> {};
// As in HOCON, quotes just before the closing """ belong to the string.
struct multiline_content : pegtl::until<pegtl::at<triple_quote, pegtl::not_at<pegtl::one<'"'>>>> {};
struct multiline_close : triple_quote {};
struct multiline_string : pegtl::if_must<triple_quote, multiline_content, multiline_close> {};

// Keys.
struct key_char : pegtl::not_one<'.', '=', ':', '{', '}', '[', ']', ',', '#', '"', '$', '+', '\\', ' ', '\t',
                                 '\r', '\n'> {};
struct bare_key : pegtl::plus<pegtl::not_at<pegtl::two<'/'>>, key_char> {};
struct quoted_key : quoted_string {};
struct key_part : pegtl::sor<quoted_key, bare_key> {};
struct key_path : pegtl::list<key_part, pegtl::one<'.'>> {};

// Simple values.
struct substitution_open : pegtl::string<'$', '{'> {};
struct substitution_body : pegtl::plus<pegtl::not_one<'}', '\n', '\r'>> {};
struct substitution_close : pegtl::one<'}'> {};
struct substitution : pegtl::seq<substitution_open, pegtl::opt<pegtl::one<'?'>>,
                                 pegtl::must<substitution_body, substitution_close>> {};
struct unquoted_char : pegtl::seq<pegtl::not_at<substitution_open>,
                                  pegtl::not_one<'"', '{', '}', '[', ']', ',', '#', ' ', '\t', '\r', '\n'>> {};
struct unquoted_text : pegtl::seq<pegtl::not_at<pegtl::two<'/'>>, pegtl::plus<unquoted_char>> {};
struct quoted_value : quoted_string {};
struct piece : pegtl::sor<multiline_string, quoted_value, substitution, unquoted_text> {};
struct piece_gap : inline_space {};
struct simple_value : pegtl::seq<piece, pegtl::star<piece_gap, piece>> {};

struct value;

// Lists.
struct array_open : pegtl::one<'['> {};
struct array_close : pegtl::one<']'> {};
struct array_element : pegtl::seq<value> {};
struct array_separator : pegtl::seq<skip, pegtl::opt<pegtl::one<','>>, skip> {};
struct array_body : pegtl::seq<skip, pegtl::star<array_element, array_separator>> {};
struct array : pegtl::if_must<array_open, array_body, array_close> {};

// Objects and members.
struct include_keyword : TAO_PEGTL_KEYWORD("include") {};
struct include_target : pegtl::sor<quoted_string, pegtl::seq<pegtl::plus<pegtl::alpha>, pegtl::one<'('>, inline_space,
                                                              quoted_string, inline_space, pegtl::one<')'>>> {};
struct include_directive : pegtl::seq<include_keyword, inline_space, include_target> {};

struct object;
struct separator : pegtl::one<'=', ':'> {};
struct assigned_value;
struct assignment : pegtl::sor<object, pegtl::seq<separator, skip, pegtl::must<assigned_value>>> {};
struct member : pegtl::seq<key_path, inline_space, pegtl::must<assignment>> {};
struct member_separator : pegtl::seq<skip, pegtl::opt<pegtl::one<','>>, skip> {};
struct members : pegtl::star<pegtl::sor<include_directive, member>, member_separator> {};

struct object_open : pegtl::one<'{'> {};
struct object_close : pegtl::one<'}'> {};
struct object_body : pegtl::seq<skip, members> {};
struct object : pegtl::if_must<object_open, object_body, object_close> {};

struct value : pegtl::sor<object, array, simple_value> {};
struct assigned_value : value {};

// A file whose members sit inside one outer pair of braces.
struct braced_document : object {};
struct end_of_file : pegtl::eof {};
struct document : pegtl::seq<skip, pegtl::sor<braced_document, members>, skip, pegtl::must<end_of_file>> {};

// Messages for the must<> points above: each says what was expected there.
// must_if turns any failure of a rule with a message into an error, so a rule
// that carries one is used at must<> points only (hence multiline_close and
// assigned_value, the same rules as triple_quote and value under other names).
struct errors {
  template <typename Rule>
  static constexpr const char* message = nullptr;
};
template <> inline constexpr const char* errors::message<escape_code> =
    "expected an escape after '\\' (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
template <> inline constexpr const char* errors::message<string_content> = "expected the text of the string";
template <> inline constexpr const char* errors::message<close_quote> =
    "expected '\"' to close the string (a \"...\" string ends on the line it starts on)";
template <> inline constexpr const char* errors::message<multiline_content> =
    "expected '\"\"\"' to close the multi-line string";
template <> inline constexpr const char* errors::message<multiline_close> =
    "expected '\"\"\"' to close the multi-line string";
template <> inline constexpr const char* errors::message<substitution_body> =
    "expected a path after '${' (for example ${HOME})";
template <> inline constexpr const char* errors::message<substitution_close> = "expected '}' to close the substitution";
template <> inline constexpr const char* errors::message<assigned_value> =
    "expected a value after '=' or ':' (a string, number, list or block)";
template <> inline constexpr const char* errors::message<array_body> = "expected the values of the list";
template <> inline constexpr const char* errors::message<array_close> =
    "expected a value, ',' or ']' to close the list";
template <> inline constexpr const char* errors::message<assignment> =
    "expected '=', ':' or '{' after the key";
template <> inline constexpr const char* errors::message<object_body> = "expected the members of the block";
template <> inline constexpr const char* errors::message<object_close> =
    "expected a key (name = value) or '}' to close the block";
template <> inline constexpr const char* errors::message<end_of_file> =
    "expected a key (name = value, or name { ... }) or the end of the file";

template <typename Rule>
using control = pegtl::must_if<errors>::control<Rule>;

}  // namespace slurmglue::grammar::hocon
