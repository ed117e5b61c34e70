// Pyxis --container-mounts: SRC[:DST[:FLAGS]][,SRC[:DST[:FLAGS]]...]
// Entries are split on ',' first (paths cannot hold commas), then on ':'.
// SRC starts with '.' or '/', or is "tmpfs" or "umount"; DST starts with '.'
// or '/'; FLAGS are mount options joined with '+', e.g. ro+rbind.
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::mounts {

namespace pegtl = tao::pegtl;

struct path_char : pegtl::not_one<',', ':', '\0', '\n', '\r', '\t'> {};
struct path : pegtl::seq<pegtl::one<'.', '/'>, pegtl::star<path_char>> {};
struct source : pegtl::sor<path, TAO_PEGTL_STRING("tmpfs"), TAO_PEGTL_STRING("umount")> {};
struct flag : pegtl::plus<pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '=', '=', '-', '-'>> {};
struct flags : pegtl::list<flag, pegtl::one<'+'>> {};
struct entry : pegtl::seq<source, pegtl::opt<pegtl::one<':'>, path, pegtl::opt<pegtl::one<':'>, flags>>> {};
struct mount_list : pegtl::seq<pegtl::list<entry, pegtl::one<','>>, pegtl::eof> {};

// --container-name: NAME[:auto|create|exec|no_exec]
struct name : pegtl::plus<pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '.', '.', '-', '-'>> {};
struct name_flag : pegtl::sor<TAO_PEGTL_STRING("auto"), TAO_PEGTL_STRING("create"),
                              TAO_PEGTL_STRING("exec"), TAO_PEGTL_STRING("no_exec")> {};
struct container_name : pegtl::seq<name, pegtl::opt<pegtl::one<':'>, name_flag>, pegtl::eof> {};

}  // namespace slurmglue::grammar::mounts
