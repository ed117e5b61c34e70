// Value formats of sbatch options (Slurm's sbatch(1)): time limits, memory
// sizes, node counts, plain integers. Each top-level rule matches a whole value.
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::slurm {

namespace pegtl = tao::pegtl;

struct number : pegtl::plus<pegtl::digit> {};
struct colon_number : pegtl::seq<pegtl::one<':'>, number> {};

// --time: M, M:S, H:M:S, D-, D-H, D-H:M, D-H:M:S, or UNLIMITED / INFINITE / -1
// (time_str2secs reads the three alike).
struct unlimited : pegtl::sor<TAO_PEGTL_ISTRING("UNLIMITED"), TAO_PEGTL_ISTRING("INFINITE"), TAO_PEGTL_STRING("-1")> {};
// (D- is D days: parse_time reads "days-[hours[:minutes[:seconds]]]".)
struct days_form : pegtl::seq<number, pegtl::one<'-'>, pegtl::opt<number, pegtl::rep_opt<2, colon_number>>> {};
struct clock_form : pegtl::seq<number, pegtl::rep_opt<2, colon_number>> {};
struct time : pegtl::seq<pegtl::sor<unlimited, days_form, clock_form>, pegtl::eof> {};

// --mem, --mem-per-cpu, --mem-per-gpu: an integer with an optional unit (K,
// M, G, T; default M), which a 'B' may follow (32GB: str_to_mbytes takes it
// since Slurm 20.11).
struct memory_unit : pegtl::one<'K', 'M', 'G', 'T', 'k', 'm', 'g', 't'> {};
struct memory : pegtl::seq<number, pegtl::opt<memory_unit, pegtl::opt<pegtl::one<'B', 'b'>>>, pegtl::eof> {};

// --nodes: N, MIN-MAX, MIN-MAX:STEP (1-15:4 is 1,5,9,13), or a
// comma-separated list of those; a count may end in k or m (times 1024 or
// 1048576, as sbatch's resource ranges read it), and a '+' may lead it
// (strtol reads each count: --nodes=+2, 1-+4).
struct node_number : pegtl::seq<pegtl::opt<pegtl::one<'+'>>, number, pegtl::opt<pegtl::one<'k', 'K', 'm', 'M'>>> {};
struct node_range : pegtl::seq<node_number, pegtl::opt<pegtl::one<'-'>, node_number, pegtl::opt<pegtl::one<':'>, number>>> {};
struct node_count : pegtl::seq<pegtl::list<node_range, pegtl::one<','>>, pegtl::eof> {};

// Signed: --nice takes negative values; sbatch itself rejects a negative
// count. A '+' first is a sign too (strtol and strtoll read both).
struct integer : pegtl::seq<pegtl::opt<pegtl::one<'-', '+'>>, number, pegtl::eof> {};

// --ntasks, --cpus-per-task and the other counts: parse_int with `positive`
// refuses 0 and any sign but '+'.
struct count : pegtl::seq<pegtl::opt<pegtl::one<'+'>>, pegtl::star<pegtl::one<'0'>>, pegtl::range<'1', '9'>,
                          pegtl::star<pegtl::digit>, pegtl::eof> {};

// --array: indexes N, N-M or N-M:STEP, comma-separated, then an optional
// %LIMIT of tasks running at once (0-15%4, 1,3,5-7, 0-99:10).
struct array_range : pegtl::seq<number, pegtl::opt<pegtl::one<'-'>, number, pegtl::opt<pegtl::one<':'>, number>>> {};
struct array_indexes : pegtl::seq<pegtl::list<array_range, pegtl::one<','>>, pegtl::opt<pegtl::one<'%'>, number>, pegtl::eof> {};

// --mail-type: NAME[,NAME...] (parse_mail_type skips a name it does not
// know, and fails only where it knows none).
struct mail_name : pegtl::plus<pegtl::sor<pegtl::alnum, pegtl::one<'_'>>> {};
struct mail_types : pegtl::seq<pegtl::list<mail_name, pegtl::one<','>>, pegtl::eof> {};

// --priority: an integer, or TOP in any case.
struct priority : pegtl::sor<integer, pegtl::seq<pegtl::istring<'t', 'o', 'p'>, pegtl::eof>> {};

}  // namespace slurmglue::grammar::slurm
