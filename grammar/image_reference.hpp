// Container image references as Pyxis and Enroot read them.
//
// Pyxis (--container-image): a value starting with '.' or '/' is a squashfs
// file; "docker://" and "dockerd://" pass through; anything else gets
// "docker://" prepended. Enroot then reads
//   [USER@][REGISTRY#]IMAGE[:TAG][@sha256:HEX]        (every Enroot release)
//   [USER@]REGISTRY/IMAGE[:TAG][@sha256:HEX]          (Enroot >= 4.0; the first
//        component is a registry only if it holds '.' or ':')
// where IMAGE follows the OCI distribution grammar: lowercase components
// separated by '/', each [a-z0-9]+ joined by '.', '_', '__' or '-'+.
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::image {

namespace pegtl = tao::pegtl;

struct lower_alnum : pegtl::ranges<'a', 'z', '0', '9'> {};
struct component_separator
    : pegtl::sor<pegtl::two<'_'>, pegtl::one<'.', '_'>, pegtl::plus<pegtl::one<'-'>>> {};
struct path_component
    : pegtl::seq<pegtl::plus<lower_alnum>, pegtl::star<component_separator, pegtl::plus<lower_alnum>>> {};
struct repository : pegtl::list<path_component, pegtl::one<'/'>> {};

struct tag_first : pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_'> {};
struct tag_char : pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '.', '.', '-', '-'> {};
struct tag : pegtl::seq<pegtl::one<':'>, tag_first, pegtl::rep_max<127, tag_char>> {};

struct hex_lower : pegtl::ranges<'0', '9', 'a', 'f'> {};
struct digest : pegtl::seq<pegtl::one<'@'>, TAO_PEGTL_STRING("sha256:"), pegtl::rep<64, hex_lower>> {};

struct host_label : pegtl::seq<pegtl::alnum, pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'-'>>>> {};
struct port : pegtl::seq<pegtl::one<':'>, pegtl::plus<pegtl::digit>> {};
struct domain : pegtl::seq<pegtl::list<host_label, pegtl::one<'.'>>, pegtl::opt<port>> {};
// In the slash form only a first component with '.' or ':' names a registry.
struct dotted_domain
    : pegtl::sor<pegtl::seq<host_label, pegtl::plus<pegtl::one<'.'>, host_label>, pegtl::opt<port>>,
                 pegtl::seq<host_label, port>> {};

struct user : pegtl::seq<pegtl::plus<pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '.', '.', '-', '-'>>,
                         pegtl::one<'@'>> {};
struct hash_form : pegtl::seq<domain, pegtl::one<'#'>, repository> {};
struct slash_form : pegtl::seq<pegtl::opt<dotted_domain, pegtl::one<'/'>>, repository> {};
struct scheme : pegtl::sor<TAO_PEGTL_STRING("docker://"), TAO_PEGTL_STRING("dockerd://")> {};

struct docker_reference
    : pegtl::seq<pegtl::opt<scheme>, pegtl::opt<user>, pegtl::sor<hash_form, slash_form>, pegtl::opt<tag>,
                 pegtl::opt<digest>, pegtl::eof> {};

// A squashfs file: a path starting with '.' or '/', no control characters.
struct squashfs_path
    : pegtl::seq<pegtl::one<'.', '/'>, pegtl::star<pegtl::not_range<0, 31>>, pegtl::eof> {};

struct container_image : pegtl::sor<squashfs_path, docker_reference> {};

}  // namespace slurmglue::grammar::image
