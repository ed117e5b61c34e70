// Value formats of sbatch options (Slurm's sbatch(1)): time limits, memory
// sizes, node counts, plain integers. Each top-level rule matches a whole value.
#pragma once

#include <tao/pegtl.hpp>

namespace slurmglue::grammar::slurm {

namespace pegtl = tao::pegtl;

struct number : pegtl::plus<pegtl::digit> {};
struct positive_number : pegtl::seq<pegtl::star<pegtl::one<'0'>>, pegtl::range<'1', '9'>, pegtl::star<pegtl::digit>> {};
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

// --array: indexes N, N-M or N-M:STEP, comma-separated, and a %LIMIT of
// tasks running at once (0-15%4, 1,3,5-7, 0-99:10). A STEP is above 0
// (slurm_parse_array_tok refuses 0-9:0; lint hunt 67). The controller reads
// each item up to a '%' and the limit after the first '%' of all, so one
// may end any item (1-9:2%2,20; lint hunt 70).
struct array_range : pegtl::seq<number, pegtl::opt<pegtl::one<'-'>, number, pegtl::opt<pegtl::one<':'>, positive_number>>,
                                pegtl::opt<pegtl::one<'%'>, number>> {};
struct array_indexes : pegtl::seq<pegtl::list<array_range, pegtl::one<','>>, pegtl::eof> {};

// --mail-type: NAME[,NAME...] (parse_mail_type skips a name it does not
// know, and fails only where it knows none).
struct mail_name : pegtl::plus<pegtl::sor<pegtl::alnum, pegtl::one<'_'>>> {};
struct mail_types : pegtl::seq<pegtl::list<mail_name, pegtl::one<','>>, pegtl::eof> {};

// --hint: a list of hints (',' or ';' parts it; verify_hint compares each
// ignoring case).
struct hint_name : pegtl::sor<TAO_PEGTL_ISTRING("compute_bound"), TAO_PEGTL_ISTRING("memory_bound"),
                              TAO_PEGTL_ISTRING("nomultithread"), TAO_PEGTL_ISTRING("multithread")> {};
struct hints : pegtl::seq<pegtl::list<hint_name, pegtl::one<',', ';'>>, pegtl::eof> {};

// --distribution (-m): plane[=SIZE], or NODES[:SOCKETS[:CORES]] where the
// nodes' is block, cyclic, arbitrary or hostfile (the last two alone) and
// the others' block, cyclic or fcyclic, '*' the default at each; then
// ,Pack or ,NoPack, which may also stand alone (any case).
struct dist_pack : pegtl::sor<TAO_PEGTL_ISTRING("nopack"), TAO_PEGTL_ISTRING("pack")> {};
struct dist_level : pegtl::sor<TAO_PEGTL_ISTRING("fcyclic"), TAO_PEGTL_ISTRING("cyclic"), TAO_PEGTL_ISTRING("block"),
                               pegtl::one<'*'>> {};
struct dist_nodes : pegtl::sor<pegtl::seq<pegtl::sor<TAO_PEGTL_ISTRING("arbitrary"), TAO_PEGTL_ISTRING("hostfile")>,
                                          pegtl::at<pegtl::sor<pegtl::one<','>, pegtl::eof>>>,
                               pegtl::seq<pegtl::sor<TAO_PEGTL_ISTRING("cyclic"), TAO_PEGTL_ISTRING("block"), pegtl::one<'*'>>,
                                          pegtl::rep_opt<2, pegtl::one<':'>, dist_level>>> {};
// plane=SIZE takes nothing after its size, which is above 0 (sbatch reads
// it from SLURM_DIST_PLANESIZE where no '=' is given; lint hunt 70).
struct dist_plane : pegtl::seq<TAO_PEGTL_ISTRING("plane"), pegtl::one<'='>, positive_number> {};
struct distribution : pegtl::seq<pegtl::sor<pegtl::seq<dist_pack, pegtl::eof>, pegtl::seq<dist_plane, pegtl::eof>,
                                            pegtl::seq<dist_nodes, pegtl::opt<pegtl::one<','>, dist_pack>>>,
                                 pegtl::eof> {};

// --dependency: "0" (none), or items parted all by ',' (each must hold) or
// all by '?' (one must): singleton, TYPE:JOB[:JOB...] with TYPE after,
// afterany, afterok, afternotok, aftercorr, afterburstbuffer or expand (any
// case), a JOB being ID[_TASK|_*|_[RANGE]][+MINUTES], or the old form
// ID[:ID...] (afterany).
struct dep_type : pegtl::sor<TAO_PEGTL_ISTRING("afterburstbuffer"), TAO_PEGTL_ISTRING("afternotok"),
                             TAO_PEGTL_ISTRING("aftercorr"), TAO_PEGTL_ISTRING("afterany"), TAO_PEGTL_ISTRING("afterok"),
                             TAO_PEGTL_ISTRING("after"), TAO_PEGTL_ISTRING("expand")> {};
struct dep_task : pegtl::sor<number, pegtl::one<'*'>,
                             pegtl::seq<pegtl::one<'['>, pegtl::plus<pegtl::sor<pegtl::digit, pegtl::one<'-', ',', ':', '%'>>>,
                                        pegtl::one<']'>>> {};
struct dep_job : pegtl::seq<number, pegtl::opt<pegtl::one<'_'>, dep_task>, pegtl::opt<pegtl::one<'+'>, number>> {};
struct dep_item : pegtl::sor<TAO_PEGTL_ISTRING("singleton"), pegtl::seq<dep_type, pegtl::one<':'>, pegtl::list<dep_job, pegtl::one<':'>>>,
                             pegtl::list<number, pegtl::one<':'>>> {};
struct dependency : pegtl::sor<pegtl::seq<pegtl::one<'0'>, pegtl::eof>, pegtl::seq<pegtl::list<dep_item, pegtl::one<','>>, pegtl::eof>,
                               pegtl::seq<pegtl::list<dep_item, pegtl::one<'?'>>, pegtl::eof>> {};

// --begin, --deadline: what parse_time reads, words parted by blanks, '-'
// or 'T': today, tomorrow, midnight, noon, elevenses, fika, teatime (any
// case), now[+|-COUNT[UNIT]] (seconds by default; second(s), minute(s),
// hour(s), day(s), week(s)), HH:MM[:SS] [AM|PM], YYYY-MM-DD, MM/DD[/YY],
// MM.DD[.YY], MMDD[YY]; or uts and the seconds since the epoch.
struct time_blanks : pegtl::star<pegtl::blank> {};
struct time_unit : pegtl::sor<TAO_PEGTL_ISTRING("seconds"), TAO_PEGTL_ISTRING("second"), TAO_PEGTL_ISTRING("minutes"),
                              TAO_PEGTL_ISTRING("minute"), TAO_PEGTL_ISTRING("hours"), TAO_PEGTL_ISTRING("hour"),
                              TAO_PEGTL_ISTRING("days"), TAO_PEGTL_ISTRING("day"), TAO_PEGTL_ISTRING("weeks"),
                              TAO_PEGTL_ISTRING("week")> {};
struct time_now : pegtl::seq<TAO_PEGTL_ISTRING("now"), time_blanks,
                             pegtl::opt<pegtl::one<'+', '-'>, time_blanks, number, time_blanks, pegtl::opt<time_unit>>> {};
struct time_word : pegtl::sor<TAO_PEGTL_ISTRING("today"), TAO_PEGTL_ISTRING("tomorrow"), TAO_PEGTL_ISTRING("midnight"),
                              TAO_PEGTL_ISTRING("noon"), TAO_PEGTL_ISTRING("elevenses"), TAO_PEGTL_ISTRING("fika"),
                              TAO_PEGTL_ISTRING("teatime"), time_now> {};
// (_get_time and _get_date check each field: an hour up to 23, or 12 with
// AM or PM; minutes and seconds of two digits up to 59; a month 1-12 and
// a day 1-31 of one or two digits, read greedily; an ISO date's year of
// four digits and month of two; a year after MM/DD of two.)
struct time_hour : pegtl::sor<pegtl::seq<pegtl::one<'2'>, pegtl::range<'0', '3'>>, pegtl::seq<pegtl::range<'0', '1'>, pegtl::digit>,
                              pegtl::digit> {};
struct time_hour12 : pegtl::sor<pegtl::seq<pegtl::one<'1'>, pegtl::range<'0', '2'>>, pegtl::seq<pegtl::one<'0'>, pegtl::digit>,
                                pegtl::seq<pegtl::digit, pegtl::not_at<pegtl::digit>>> {};
struct time_sixty : pegtl::seq<pegtl::range<'0', '5'>, pegtl::digit> {};
struct time_minutes : pegtl::seq<pegtl::one<':'>, time_sixty, pegtl::opt<pegtl::one<':'>, time_sixty>> {};
struct time_clock : pegtl::sor<pegtl::seq<time_hour12, time_minutes, time_blanks,
                                          pegtl::sor<TAO_PEGTL_ISTRING("am"), TAO_PEGTL_ISTRING("pm")>>,
                               pegtl::seq<time_hour, time_minutes>> {};
struct time_month : pegtl::sor<pegtl::seq<pegtl::one<'1'>, pegtl::range<'0', '2'>>, pegtl::seq<pegtl::one<'0'>, pegtl::range<'1', '9'>>,
                               pegtl::seq<pegtl::range<'1', '9'>, pegtl::not_at<pegtl::digit>>> {};
struct time_day : pegtl::sor<pegtl::seq<pegtl::one<'3'>, pegtl::range<'0', '1'>>, pegtl::seq<pegtl::range<'1', '2'>, pegtl::digit>,
                             pegtl::seq<pegtl::one<'0'>, pegtl::range<'1', '9'>>, pegtl::seq<pegtl::range<'1', '9'>, pegtl::not_at<pegtl::digit>>> {};
struct time_iso_month : pegtl::sor<pegtl::seq<pegtl::one<'1'>, pegtl::range<'0', '2'>>, pegtl::seq<pegtl::one<'0'>, pegtl::range<'1', '9'>>> {};
struct time_date : pegtl::sor<pegtl::seq<pegtl::rep<4, pegtl::digit>, pegtl::one<'-'>, time_iso_month, pegtl::one<'-'>, time_day>,
                              pegtl::seq<time_month, pegtl::opt<pegtl::one<'/', '.'>>, time_day,
                                         pegtl::opt<pegtl::opt<pegtl::one<'/', '.'>>, pegtl::rep<2, pegtl::digit>, pegtl::not_at<pegtl::digit>>>> {};
struct time_separators : pegtl::star<pegtl::sor<pegtl::blank, pegtl::one<'-', 'T'>>> {};
struct time_spec : pegtl::sor<pegtl::seq<TAO_PEGTL_ISTRING("uts"), number, pegtl::eof>,
                              pegtl::seq<time_separators, pegtl::plus<pegtl::sor<time_clock, time_date, time_word>, time_separators>,
                                         pegtl::eof>> {};

// --priority: an integer, or TOP in any case.
struct priority : pegtl::sor<integer, pegtl::seq<pegtl::istring<'t', 'o', 'p'>, pegtl::eof>> {};

}  // namespace slurmglue::grammar::slurm
