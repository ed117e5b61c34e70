#include "runtime/render/value_checks.hpp"

#include <tao/pegtl.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "grammar/container_mounts.hpp"
#include "grammar/image_reference.hpp"
#include "grammar/slurm_values.hpp"

namespace slurmglue::render {
namespace {

template <typename Rule>
bool matches(std::string_view value) {
  tao::pegtl::memory_input in(value.data(), value.size(), "value");
  return tao::pegtl::parse<Rule>(in);
}


// A count of a node range (1k is 1024), or nullopt past what a long holds.
std::optional<unsigned long long> node_number(std::string_view v) {
  if (v.starts_with('+')) v.remove_prefix(1);
  unsigned long long n = 0;
  for (char ch : v) {
    if (ch == 'k' || ch == 'K') return n > (1ULL << 40) ? std::nullopt : std::optional(n * 1024);
    if (ch == 'm' || ch == 'M') return n > (1ULL << 30) ? std::nullopt : std::optional(n * 1048576);
    if (n > (1ULL << 50)) return std::nullopt;
    n = n * 10 + static_cast<unsigned>(ch - '0');
  }
  return n;
}

// Whether each MIN-MAX of a node count (grammar-checked) has MAX >= MIN:
// sbatch fails on "Maximum node count is less than minimum".
bool ranges_ascend(std::string_view value) {
  for (std::size_t start = 0; start <= value.size();) {
    const auto end = std::min(value.find(',', start), value.size());
    auto range = value.substr(start, end - start);
    range = range.substr(0, range.find_first_of(":%"));
    if (const auto dash = range.find('-'); dash != std::string_view::npos) {
      const auto low = node_number(range.substr(0, dash)), high = node_number(range.substr(dash + 1));
      if (low && high && *high < *low) return false;
    }
    start = end + 1;
  }
  return true;
}

// A number of 1 to 5 digits no larger than `most` (and `least`).
bool small_number(std::string_view v, unsigned least, unsigned most) {
  if (v.empty() || v.size() > 5 || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return false;
  unsigned n = 0;
  for (char ch : v) n = n * 10 + static_cast<unsigned>(ch - '0');
  return n >= least && n <= most;
}

// --signal as get_signal_opts reads it: R, B and R flags (in that order,
// any case), a ':', the signal (sig_name2num: a number, or a name of its
// table with or without SIG), then '@' and the seconds before the end.
bool is_signal_spec(std::string_view v) {
  const auto flag = [&](char f) {
    if (!v.empty() && std::tolower(static_cast<unsigned char>(v[0])) == f) v.remove_prefix(1);
  };
  flag('r');
  flag('b');
  flag('r');
  if (v.starts_with(':')) v.remove_prefix(1);
  const auto at = v.find('@');
  auto name = v.substr(0, at);
  if (at != std::string_view::npos && !small_number(v.substr(at + 1), 0, 0xffff)) return false;
  if (!name.empty() && name[0] >= '0' && name[0] <= '9') return small_number(name, 1, 0xffff);
  if (name.size() > 3 && equals_ignoring_case(name.substr(0, 3), "SIG")) name.remove_prefix(3);
  for (std::string_view known : {"HUP", "INT", "QUIT", "ABRT", "KILL", "ALRM", "TERM", "CHLD", "USR1", "USR2", "PIPE",
                                 "URG", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "XCPU"})
    if (equals_ignoring_case(name, known)) return true;
  return false;
}

// Whether a mail-type list names one type parse_mail_type knows.
bool names_a_mail_type(std::string_view value) {
  return unknown_mail_types(value).size() < static_cast<std::size_t>(std::count(value.begin(), value.end(), ',')) + 1;
}

// What check_value says of a value: nothing where it `fits`, else what
// was `expected`.
std::string unless(bool fits, const char* expected) { return fits ? std::string() : std::string(expected); }

}  // namespace

std::vector<std::string_view> unknown_mail_types(std::string_view value) {
  static constexpr std::string_view kTypes[] = {"NONE",     "BEGIN",         "END",           "FAIL",
                                                "REQUEUE",  "ALL",           "INVALID_DEPEND", "STAGE_OUT",
                                                "TIME_LIMIT", "TIME_LIMIT_90", "TIME_LIMIT_80", "TIME_LIMIT_50",
                                                "ARRAY_TASKS"};
  std::vector<std::string_view> unknown;
  for (std::size_t start = 0; start <= value.size();) {
    const auto end = std::min(value.find(',', start), value.size());
    const auto name = value.substr(start, end - start);
    if (std::none_of(std::begin(kTypes), std::end(kTypes), [&](std::string_view t) { return equals_ignoring_case(name, t); }))
      unknown.push_back(name);
    start = end + 1;
  }
  return unknown;
}

bool is_checked(ValueKind kind) { return kind != ValueKind::Any && kind != ValueKind::FilenamePattern; }

bool is_scalar_kind(ValueKind kind) {
  return is_checked(kind) && kind != ValueKind::ContainerImage && kind != ValueKind::ContainerMounts &&
         kind != ValueKind::ContainerName;
}

std::string check_value(ValueKind kind, std::string_view value) {
  if (!is_checked(kind)) return {};
  switch (kind) {
    case ValueKind::Any:
    case ValueKind::FilenamePattern:
      return {};
    case ValueKind::Time:
      return unless(matches<grammar::slurm::time>(value),
                    "a time limit (M, M:S, H:M:S, D-, D-H, D-H:M, D-H:M:S, UNLIMITED or -1)");
    case ValueKind::Memory:
      return unless(matches<grammar::slurm::memory>(value),
                    "a memory size (an integer, optionally followed by K, M, G or T, which a B may follow: 16G, 16GB)");
    case ValueKind::NodeCount:
      if (!matches<grammar::slurm::node_count>(value))
        return "a node count (N, MIN-MAX, MIN-MAX:STEP or a comma-separated list of those)";
      return unless(ranges_ascend(value), "a node count whose maximum is not below its minimum (MIN-MAX)");
    case ValueKind::Integer:
      return unless(matches<grammar::slurm::integer>(value), "an integer");
    case ValueKind::Count:
      return unless(matches<grammar::slurm::count>(value), "a positive integer (sbatch refuses 0 and negatives)");
    case ValueKind::OpenMode:
      // (sbatch reads the first letter only; a word keeps the value one.)
      return !value.empty() && std::string_view("aAtT").find(value[0]) != std::string_view::npos &&
                     std::all_of(value.begin(), value.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); })
                 ? std::string()
                 : "append or truncate";
    case ValueKind::MailTypes:
      return unless(matches<grammar::slurm::mail_types>(value) && names_a_mail_type(value),
                    "mail types (NONE, BEGIN, END, FAIL, REQUEUE, ALL, INVALID_DEPEND, STAGE_OUT, TIME_LIMIT, "
                    "TIME_LIMIT_90, TIME_LIMIT_80, TIME_LIMIT_50, ARRAY_TASKS; comma-separated)");
    case ValueKind::YesNo:
      return unless(equals_ignoring_case(value, "yes") || equals_ignoring_case(value, "no"), "yes or no");
    case ValueKind::Signal:
      return unless(is_signal_spec(value),
                    "a signal ([R][B:]SIGNAL[@SECONDS]: a number from 1 to 65535 or HUP, INT, QUIT, ABRT, KILL, ALRM, "
                    "TERM, CHLD, USR1, USR2, PIPE, URG, CONT, STOP, TSTP, TTIN, TTOU, XCPU, with or without SIG; "
                    "SECONDS up to 65535)");
    case ValueKind::Priority:
      return unless(matches<grammar::slurm::priority>(value), "an integer or TOP");
    case ValueKind::ArrayIndexes:
      if (!matches<grammar::slurm::array_indexes>(value))
        return "array indexes (N, N-M or N-M:STEP with STEP above 0, comma-separated, then an optional %LIMIT: 0-15%4, "
               "1,3,5-7)";
      // (sbatch refuses 5-1: "Invalid job array specification".)
      return unless(ranges_ascend(value),
                    "array indexes whose ranges ascend (N-M with M not below N)");
    case ValueKind::Hints:
      return unless(matches<grammar::slurm::hints>(value),
                    "hints (compute_bound, memory_bound, multithread or nomultithread; comma-separated)");
    case ValueKind::Distribution:
      return unless(matches<grammar::slurm::distribution>(value),
                    "a distribution (plane=SIZE with SIZE above 0 and nothing after it, or NODES[:SOCKETS[:CORES]]: "
                    "block, cyclic, arbitrary or hostfile for "
                    "the nodes, block, cyclic or fcyclic for sockets and cores, * for the default; then an optional "
                    ",Pack or ,NoPack)");
    case ValueKind::Dependency:
      return unless(matches<grammar::slurm::dependency>(value),
                    "a dependency list (TYPE:JOBID[:JOBID...] with TYPE after, afterany, afterok, afternotok, "
                    "aftercorr or afterburstbuffer, or singleton; items parted all by ',' or all by '?')");
    case ValueKind::TimeSpec:
      return unless(matches<grammar::slurm::time_spec>(value),
                    "a time (HH:MM[:SS] [AM|PM], YYYY-MM-DD[THH:MM[:SS]], MM/DD[/YY], MMDD[YY], "
                    "now+COUNT[seconds|minutes|hours|days|weeks], today, tomorrow, midnight, noon, elevenses, fika or "
                    "teatime)");
    case ValueKind::ContainerImage:
      if (in_system_tree(value)) return "a container image that is not the node's /dev, /proc or /sys";
      return unless(matches<grammar::image::container_image>(value),
                    "a container image (docker://[USER@][REGISTRY/]IMAGE[:TAG][@sha256:DIGEST], the REGISTRY#IMAGE "
                    "form, or a squashfs path starting with . or /)");
    case ValueKind::ContainerMounts:
      // (Pyxis writes each mount into a line of enroot's configuration bash
      // runs, inside "...": attack 185.)
      if (value.find_first_of("$`\"") != std::string_view::npos)
        return "container mounts without '$', '`' or '\"' (Pyxis writes each into a shell line of enroot's "
               "configuration, where they would run)";
      return unless(matches<grammar::mounts::mount_list>(value),
                    "container mounts (SRC[:DST[:FLAGS]][,...]; SRC and DST start with . or /)");
    case ValueKind::ContainerName:
      return unless(matches<grammar::mounts::container_name>(value),
                    "a container name (NAME[:auto|create|exec|no_exec])");
  }
  return {};
}

bool in_system_tree(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  // The first component that is not empty or '.'.
  std::size_t k = 0;
  while (k < path.size()) {
    while (k < path.size() && path[k] == '/') ++k;
    const auto end = std::min(path.find('/', k), path.size());
    const auto component = path.substr(k, end - k);
    if (component == ".") {
      k = end;
      continue;
    }
    return component == "dev" || component == "proc" || component == "sys";
  }
  return false;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace slurmglue::render
