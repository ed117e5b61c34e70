// Directives family: #SBATCH lines as sbatch reads them (domain.md section 3
// and tests/integration/sbatch_directives_test.sh): lines sbatch ignores,
// words it splits differently from what the author meant, and options it
// rejects or reads in a surprising way.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/catalog/variables.hpp"
#include "compiler/rules/context.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::lint {

namespace {

// Options that srun (a job step) or salloc take and sbatch does not: a
// guess at a similar sbatch option would mislead.
const char* other_commands_option(std::string_view name) {
  static constexpr std::string_view kSrun[] = {
      "cpu-bind", "mpi", "multi-prog", "label", "kill-on-bad-exit", "pty", "unbuffered", "accel-bind", "task-prolog",
      "task-epilog", "relative", "slurmd-debug", "prolog", "epilog", "exact", "overlap", "external-launcher",
      "preserve-env", "interactive", "jobid", "msg-timeout", "max-exit-timeout", "disable-status", "threads",
      "treewidth", "input-filter", "output-filter", "error-filter", "send-libs", "bcast-exclude"};
  static constexpr std::string_view kSalloc[] = {"kill-command", "no-shell", "bell", "no-bell", "immediate"};
  for (auto n : kSrun)
    if (n == name) return "srun";
  for (auto n : kSalloc)
    if (n == name) return "salloc";
  return nullptr;
}
using enum Severity;
constexpr auto F = Family::Directives;
#define OK "\n${CLEARML_AGENT_EXECUTE}\n"

const RuleInfo kRules[] = {
    {"SG301", "directive-after-command", F, Error, "An #SBATCH line after the first command is silently ignored.",
     "sbatch stops reading directives at the first line whose first non-blank character is not '#'. Blank "
     "lines and comments do not stop it. Move the line up into the directive block.",
     "#!/bin/bash\necho start\n#SBATCH --time=10" OK, "#!/bin/bash\n#SBATCH --time=10\necho start" OK},
    {"SG302", "indented-directive", F, Warning, "An indented #SBATCH line is a plain comment to sbatch.",
     "Only lines starting at column 0 with #SBATCH are directives. Remove the indent.",
     "#!/bin/bash\n  #SBATCH --time=10" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
    {"SG303", "spaced-directive", F, Warning, "'# SBATCH' (with a blank) is a plain comment to sbatch.",
     "sbatch only reads '#SBATCH' with no blank after '#'. Remove the blank, or write '# #SBATCH' to mark a "
     "disabled directive.",
     "#!/bin/bash\n# SBATCH --time=10" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
    {"SG304", "lowercase-directive", F, Warning, "'#sbatch' in another case is a plain comment to sbatch.",
     "The #SBATCH prefix is case-sensitive. Write it in capitals.",
     "#!/bin/bash\n#sbatch --time=10" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
    {"SG305", "slurm-prefix-directive", F, Warning, "#SLURM lines are applied, but sbatch prints an error.",
     "Older Slurm accepted the #SLURM prefix; sbatch still applies it and prints, once per script, an error asking "
     "for #SBATCH. Each such line is reported so that all are fixed. Write #SBATCH.",
     "#!/bin/bash\n#SLURM --time=10" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
    {"SG306", "unknown-option", F, Error, "sbatch at the target release has no such option.",
     "getopt_long fails the whole submission on an unknown option ('unrecognized option', exit 255). The "
     "option set depends on --slurm-version; a close name is suggested.",
     "#!/bin/bash\n#SBATCH --partion=debug" OK, "#!/bin/bash\n#SBATCH --partition=debug" OK},
    {"SG307", "ambiguous-option", F, Error, "An abbreviated option matches several sbatch options.",
     "getopt_long accepts a unique prefix only; an ambiguous one fails the submission. Write the full name.",
     "#!/bin/bash\n#SBATCH --mem-per=1G" OK, "#!/bin/bash\n#SBATCH --mem-per-cpu=1G" OK},
    {"SG308", "abbreviated-option", F, Warning, "A long option is abbreviated.",
     "getopt_long accepts a unique prefix, but a later Slurm release may add an option that makes it "
     "ambiguous. Write the full name.",
     "#!/bin/bash\n#SBATCH --part=debug" OK, "#!/bin/bash\n#SBATCH --partition=debug" OK},
    {"SG309", "missing-value", F, Error, "An option that needs a value has none on its line.",
     "At the end of a line, the option takes the first word of the next #SBATCH line as its value; on the last "
     "line sbatch fails. Give the value on the same line, as --option=value.",
     "#!/bin/bash\n#SBATCH --partition\n#SBATCH --time=10" OK,
     "#!/bin/bash\n#SBATCH --partition=debug\n#SBATCH --time=10" OK},
    {"SG310", "empty-value", F, Error, "An option is given an empty value.",
     "'--option=' passes an empty string, which sbatch rejects or reads as unset. Give a value or drop the line.",
     "#!/bin/bash\n#SBATCH --partition=" OK, "#!/bin/bash\n#SBATCH --partition=debug" OK},
    {"SG311", "unexpected-value", F, Error, "An option that takes no value is given one.",
     "getopt_long fails with \"doesn't allow an argument\". Drop the '=value'.",
     "#!/bin/bash\n#SBATCH --hold=yes" OK, "#!/bin/bash\n#SBATCH --hold" OK},
    {"SG312", "invalid-value", F, Error, "The value does not have the option's format.",
     "--time takes M, M:S, H:M:S, D-, D-H, D-H:M, D-H:M:S, UNLIMITED or -1; --mem* an integer, optionally followed "
     "by K, M, G or T (which a B may follow); --nodes N, MIN-MAX (MAX not below MIN) or MIN-MAX:STEP (a count may end "
     "in k or m: 1k is 1024); --ntasks, --cpus-per-task, --ntasks-per-node and the other counts a positive integer; "
     "--priority an integer or TOP; --open-mode append or truncate; --mail-type names at least one mail type; "
     "--kill-on-invalid-dep yes or no; --signal [R][B:]SIGNAL[@SECONDS]; --array indexes N, N-M or N-M:STEP (STEP above 0), "
     "comma-separated, and a %LIMIT after any of them; --hint compute_bound, memory_bound, multithread or "
     "nomultithread; --distribution plane=SIZE (SIZE above 0, nothing after it) or NODES[:SOCKETS[:CORES]] of block, "
     "cyclic and fcyclic, then ,Pack or ,NoPack; "
     "--dependency TYPE:JOBID[:JOBID] items (after, afterany, afterok, afternotok, aftercorr, afterburstbuffer) or "
     "singleton, parted all by ',' or all by '?'; --begin and --deadline a time Slurm reads (16:00, now+1hour, "
     "2025-01-20T12:34, tomorrow, teatime); --exclusive and --requeue their keywords at the target release; "
     "--gres-flags disable-binding and enforce-binding, and from 23.11 multiple-tasks-per-sharing and "
     "one-task-per-sharing (allow-task-sharing is srun's: sbatch fails on it); --gpu-bind closest, none, map:LIST, "
     "mask:LIST, per_task:N or single:N (map_gpu: and mask_gpu: before 23.11); --mem-bind none, local, rank, "
     "map_mem:LIST, mask_mem:LIST, prefer, quiet or verbose; --cpu-freq P1[-P2][:GOVERNOR] (a frequency in kHz or low, "
     "medium, high, highm1; a range with a governor but UserSpace, a single frequency alone or with UserSpace) or a "
     "governor; --gpu-freq items of a frequency, low, medium, high, highm1, memory= one of those, or verbose; "
     "--acctg-freq items of seconds, or task=, energy=, network= or filesystem= and seconds.",
     "#!/bin/bash\n#SBATCH --time=1h" OK, "#!/bin/bash\n#SBATCH --time=1:00:00" OK},
    {"SG313", "filename-pattern", F, Warning, "An --output/--error/--input pattern uses an unknown % letter.",
     "The filename patterns are %%, %A, %a, %b, %J, %j, %N, %n, %s, %t, %u and %x, and from Slurm 25.11 also %r "
     "(the restart count) and %S (the job's SLUID), optionally with a width (%4j). Other letters stay literal. "
     "Write %% for a literal %.",
     "#!/bin/bash\n#SBATCH --output=task-%j-%i.log" OK, "#!/bin/bash\n#SBATCH --output=task-%j.log" OK},
    {"SG314", "duplicate-option", F, Warning, "The same option is given twice with different values.",
     "sbatch keeps the last value; the first line is dead and misleading. Keep one. (Not --mail-type, whose "
     "values sbatch adds together.)",
     "#!/bin/bash\n#SBATCH --time=10\n#SBATCH --time=20" OK, "#!/bin/bash\n#SBATCH --time=20" OK},
    {"SG315", "comment-cuts-value", F, Error, "An unquoted, unescaped '#' inside a word cuts the line there.",
     "sbatch reads an unquoted '#' as the start of a comment, even inside a word: "
     "--container-image=nvcr.io#nvidia/pytorch becomes nvcr.io. Write \\# or quote the value. (Prose after the '#', "
     "--mem=4G#per node, reads as the comment it is meant to be, and is not reported.)",
     "#!/bin/bash\n#SBATCH --comment=run#1" OK, "#!/bin/bash\n#SBATCH --comment=run\\#1" OK},
    {"SG316", "unmatched-quote", F, Error, "A quote on an #SBATCH line is never closed.",
     "sbatch fails on an unmatched quote. Close it on the same line.",
     "#!/bin/bash\n#SBATCH --comment=\"a b" OK, "#!/bin/bash\n#SBATCH --comment=\"a b\"" OK},
    {"SG317", "leading-colon", F, Error, "A word of an #SBATCH line starts with ':'.",
     "sbatch fails on any directive word whose first character is ':'. Quote it or drop the ':'.",
     "#!/bin/bash\n#SBATCH --comment :x" OK, "#!/bin/bash\n#SBATCH --comment=:x" OK},
    {"SG318", "line-ends-early", F, Error, "An empty word (or a later 'hetjob') ends the line.",
     "sbatch stops reading the line at an empty word (\"\", '' or a '\\' alone before a blank), at a 'hetjob' "
     "or 'packjob' word that is not the first, and after one that is (the next component starts there): what "
     "follows is dropped. Remove the empty word; put options after a hetjob line on lines of their own.",
     "#!/bin/bash\n#SBATCH --comment \"\" --time=10" OK, "#!/bin/bash\n#SBATCH --time=10" OK},
    {"SG319", "unexpanded-variable", F, Warning, "$VAR or ~ in an #SBATCH line is never expanded.",
     "sbatch does no shell expansion in directives: $HOME, ${USER} and ~ reach Slurm literally. Write the path "
     "out, or use Slurm's filename patterns (%u for the user).",
     "#!/bin/bash\n#SBATCH --output=$HOME/%j.log" OK, "#!/bin/bash\n#SBATCH --output=/home/%u/%j.log" OK},
    {"SG320", "positional-argument", F, Error, "A word on an #SBATCH line is not an option.",
     "sbatch fails the whole submission ('Invalid directive') on a positional word. It reads the words of all "
     "#SBATCH lines as one command line, so a '--' makes every option after it, on later lines too, such a word. "
     "Use --option=value.",
     "#!/bin/bash\n#SBATCH debug" OK, "#!/bin/bash\n#SBATCH --partition=debug" OK},
    {"SG321", "optional-value-separate", F, Error, "An option with an optional value is followed by a separate word.",
     "getopt_long only reads an optional value written with '=' (--exclusive=user); a separate word is a "
     "positional argument, which fails the submission.",
     "#!/bin/bash\n#SBATCH --exclusive user" OK, "#!/bin/bash\n#SBATCH --exclusive=user" OK},
    {"SG322", "escaped-blank", F, Warning, "'\\ ' does not keep the blank in a directive before Slurm 24.05.",
     "Before 24.05 an escaped blank still separates words (the backslash is dropped). Quote the value instead.",
     "#!/bin/bash\n#SBATCH --comment=a\\ b" OK, "#!/bin/bash\n#SBATCH --comment=\"a b\"" OK,
     "--slurm-version 23.11"},
    {"SG323", "backslash-line-end", F, Warning, "A '\\' ends an #SBATCH line, as if it continued it.",
     "sbatch reads each #SBATCH line on its own: a '\\' alone at the end does not join the next line (it is an "
     "empty word, which ends the line). Written right after '\\ ', from Slurm 24.05 on it leaves a blank at the "
     "end of the value instead (--container-mounts=/data:/data\\ \\ mounts at '/data ', see mount-path-blank). "
     "Put each option on its own #SBATCH line.",
     "#!/bin/bash\n#SBATCH --time=10 \\\n#SBATCH --mem=1G" OK, "#!/bin/bash\n#SBATCH --time=10\n#SBATCH --mem=1G" OK},
    {"SG324", "unknown-mail-type", F, Warning, "A --mail-type list names a type Slurm does not know.",
     "Where another item of the list is a mail type, Slurm drops an unknown one without a word: "
     "--mail-type=END,FAILED sends no mail when the job fails. The types are NONE, BEGIN, END, FAIL, REQUEUE, ALL, "
     "INVALID_DEPEND, STAGE_OUT, TIME_LIMIT, TIME_LIMIT_90, TIME_LIMIT_80, TIME_LIMIT_50 and ARRAY_TASKS.",
     "#!/bin/bash\n#SBATCH --mail-type=END,FAILED" OK, "#!/bin/bash\n#SBATCH --mail-type=END,FAIL" OK},
    {"SG325", "short-option-equals", F, Warning, "A short option is written with '=' (-o=job.out).",
     "getopt gives a short option the rest of its word as its value, '=' included: -o=job.out writes to a file named "
     "'=job.out', -J=train names the job '=train'. Write -o job.out, -ojob.out or --output=job.out.",
     "#!/bin/bash\n#SBATCH -o=job-%j.out" OK, "#!/bin/bash\n#SBATCH -o job-%j.out" OK},
    {"SG336", "array-limit-zero", F, Warning, "An --array limit of %0, which is no limit.",
     "The controller takes the number after the first '%' of --array as the most tasks that run at once, and only "
     "when it is above 0: --array=1-500%0 runs all 500 at once, as if no limit were given. Write the limit meant "
     "(%10), or drop it.",
     "#!/bin/bash\n#SBATCH --array=1-500%0" OK, "#!/bin/bash\n#SBATCH --array=1-500%10" OK},
};
#undef OK

bool is_blank(char c) { return grammar::sbatch::is_blank(c); }

// Whether a comment (`after_hash` is the text after its '#') looks like a
// directive its author meant sbatch to read: blanks, SBATCH or SLURM, a blank,
// then an option ("-..."). Without blanks after '#' the word may be in any
// case (#sbatch --time=10); after blanks it must be in capitals, since
// "#  sbatch -N 4 run.sh" is a usage example and "# SLURM settings" prose.
bool directive_word(std::string_view after_hash) {
  const auto k = after_hash.find_first_not_of(" \t");
  if (k == std::string_view::npos) return false;
  auto rest = after_hash.substr(k);
  const auto word = rest.substr(0, rest.find_first_of(" \t\r"));
  auto same = [&](std::string_view want) {
    if (word.size() != want.size()) return false;
    for (std::size_t n = 0; n < want.size(); ++n)
      if (k > 0 ? word[n] != want[n] : std::toupper(static_cast<unsigned char>(word[n])) != want[n]) return false;
    return true;
  };
  if (!same("SBATCH") && !same("SLURM")) return false;
  rest = rest.substr(word.size());
  const auto option = rest.find_first_not_of(" \t");
  return option != std::string_view::npos && option > 0 && rest[option] == '-';
}

void ignored_lines(Context& c) {
  // #SLURM lines in the directive block are directives (sbatch applies them), with a complaint.
  for (const auto& d : c.ast.directives) {
    if (c.source.text().compare(d.begin, 6, "#SLURM") == 0)
      c.report("slurm-prefix-directive", d.begin, 6, "sbatch applies #SLURM lines but prints an error (once per script); write #SBATCH",
               "#SBATCH");
  }
  for (auto n : c.ast.ignored_directive_lines) {
    const auto line = c.source.line_text(n);
    const auto at = c.source.line_offset(n);
    const auto first = line.find_first_not_of(" \t\v\f\r");
    if (first == std::string_view::npos || !directive_word(line.substr(first + 1))) continue;
    const auto word_end = std::min(line.size(), line.find_first_of(" \t", first + 1));
    const std::size_t len = word_end - first;
    if (c.ast.first_command_line && n > *c.ast.first_command_line) {
      c.report("directive-after-command", at + first, len,
               fmt::format("this directive comes after the first command (line {}), so sbatch ignores it; move it "
                           "up into the #SBATCH block",
                           *c.ast.first_command_line));
    } else if (first > 0) {
      c.report("indented-directive", at, first + len,
               "an indented #SBATCH line is a plain comment to sbatch; remove the indent");
    } else if (line.size() > 1 && is_blank(line[1])) {
      c.report("spaced-directive", at, len + 1,
               "'# SBATCH' is a plain comment to sbatch; write '#SBATCH' (or '# #SBATCH' to disable it on purpose)");
    } else {
      c.report("lowercase-directive", at, len, "sbatch only reads '#SBATCH' in capitals; this line is a comment",
               "#SBATCH");
    }
  }
}

std::vector<std::string_view> option_names(const render::OptionTable& t) {
  std::vector<std::string_view> v;
  for (const auto& o : t.options()) v.push_back(o.name);
  return v;
}

bool is_container_name(std::string_view n) { return n.starts_with("container-") || n.starts_with("no-container-"); }

// " (sbatch has it from 26.05)", " (removed in 25.11)", or nothing.
std::string releases_of(std::string_view name, catalog::SlurmVersion target) {
  const auto* e = slurm_option_anywhere(name);
  if (!e) return {};
  if (target < e->since) return fmt::format(" (sbatch has it from {} on; see --slurm-version)", catalog::to_string(e->since));
  if (e->removed) return fmt::format(" (removed in {})", catalog::to_string(*e->removed));
  return {};
}

// `letters`: the pattern letters of the target release (%r, the restart
// count, and %S, the job's SLUID, from 25.11; lint hunt 67).
bool valid_pattern(std::string_view v, std::string_view letters, std::size_t& bad) {
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (v[k] != '%') continue;
    std::size_t j = k + 1;
    while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
    if (j >= v.size() || letters.find(v[j]) == std::string_view::npos) {
      bad = k;
      return false;
    }
    k = j;
  }
  return true;
}

using render::equals_ignoring_case;

// --gres-flags: a comma list of flags sbatch knows at the release, any
// case; allow-task-sharing is srun's only (pairs that exclude each other:
// conflicting-options). sbatch fails on both (slurm_opt.c, lint hunt 67).
void check_gres_flags(Context& c, const DirectiveOption& o, std::string_view v) {
  std::vector<std::string_view> words{"disable-binding", "enforce-binding"};
  if (c.options.slurm >= catalog::SlurmVersion{23, 11}) {
    words.push_back("multiple-tasks-per-sharing");
    words.push_back("one-task-per-sharing");
  }
  for (std::size_t k = 0; k <= v.size();) {
    const auto e = std::min(v.find(',', k), v.size());
    const auto flag = v.substr(k, e - k);
    k = e + 1;
    if (flag.empty()) continue;
    const auto at = o.value_at + static_cast<std::size_t>(flag.data() - v.data());
    if (equals_ignoring_case(flag, "allow-task-sharing") && c.options.slurm >= catalog::SlurmVersion{23, 11}) {
      c.report("invalid-value", at, flag.size(),
               "--gres-flags=allow-task-sharing is srun's alone, and sbatch fails on it: give it to srun in the script");
      continue;
    }
    const auto known = std::find_if(words.begin(), words.end(), [&](std::string_view w) { return equals_ignoring_case(w, flag); });
    if (known == words.end()) {
      c.report("invalid-value", at, flag.size(),
               fmt::format("'{}' is not a --gres-flags flag at Slurm {}, and sbatch fails on it: expected {}", flag,
                           catalog::to_string(c.options.slurm), fmt::join(words, ", ")));
    }
  }
}

bool starts_word(std::string_view v, std::string_view w) { return v.size() >= w.size() && equals_ignoring_case(v.substr(0, w.size()), w); }

// A list of numbers tres_bind.c reads: N or N*COUNT items parted by ','
// (hexadecimal, 0x first or not, for masks).
bool number_list(std::string_view list, bool hex) {
  if (list.empty()) return false;
  for (std::size_t k = 0; k <= list.size();) {
    const auto e = std::min(list.find(',', k), list.size());
    auto item = list.substr(k, e - k);
    k = e + 1;
    if (hex && (item.starts_with("0x") || item.starts_with("0X"))) item.remove_prefix(2);
    const auto star = item.find('*');
    const auto number = item.substr(0, star);
    const auto digits = hex ? "0123456789abcdefABCDEF" : "0123456789";
    if (number.empty() || number.find_first_not_of(digits) != std::string_view::npos) return false;
    if (star != std::string_view::npos &&
        (star + 1 == item.size() || item.substr(star + 1).find_first_not_of("0123456789") != std::string_view::npos))
      return false;
  }
  return true;
}

// --gpu-bind: what tres_bind.c takes, which sbatch checks before it
// submits ("Invalid --gpu-bind argument"; lint hunt 69). Before 23.11 a
// first letter c or n was enough for closest and none.
const char* gpu_bind_problem(std::string_view v, const catalog::SlurmVersion& slurm) {
  if (starts_word(v, "verbose,")) v.remove_prefix(8);
  const bool new_syntax = slurm >= catalog::SlurmVersion{23, 11};
  if (starts_word(v, new_syntax ? "closest" : "c") || starts_word(v, new_syntax ? "none" : "n")) return nullptr;
  for (const auto& [prefix, hex] : {std::pair<std::string_view, bool>{"map_gpu:", false}, {"mask_gpu:", true},
                                    {"map:", false}, {"mask:", true}}) {
    if (!new_syntax && (prefix == "map:" || prefix == "mask:")) continue;
    if (starts_word(v, prefix))
      return number_list(v.substr(prefix.size()), hex) ? nullptr : "a list of GPU numbers (0,1 or 0*2,1*2; masks in hexadecimal)";
  }
  if (starts_word(v, "per_task:") || starts_word(v, "single:")) return nullptr;
  return new_syntax ? "closest, none, map:LIST, mask:LIST, per_task:N or single:N (verbose, first)"
                    : "closest, none, map_gpu:LIST, mask_gpu:LIST, per_task:N or single:N (verbose, first)";
}

// --mem-bind: the words slurm_verify_mem_bind takes, parted by ',' where no
// digit follows (lint hunt 69).
const char* mem_bind_problem(std::string_view v) {
  for (std::size_t k = 0; k <= v.size();) {
    auto e = k;
    while (e < v.size() && !(v[e] == ',' && (e + 1 >= v.size() || !std::isdigit(static_cast<unsigned char>(v[e + 1]))))) ++e;
    const auto word = v.substr(k, e - k);
    k = e + 1;
    bool known = false;
    for (std::string_view w : {"help", "p", "prefer", "q", "quiet", "v", "verbose", "no", "none", "rank", "local"})
      known = known || equals_ignoring_case(word, w);
    for (std::string_view w : {"map_mem", "mapmem", "mask_mem", "maskmem"})
      if (starts_word(word, w)) {
        const auto list = word.substr(std::min(word.find_first_of(":="), word.size()));
        known = list.size() > 1;
      }
    if (!known)
      return "words of none, local, rank, map_mem:LIST, mask_mem:LIST, prefer, quiet, verbose, parted by ','";
  }
  return nullptr;
}

// --cpu-freq: what cpu_freq_verify_cmdline takes, which sbatch checks
// before it submits (lint hunt 70): P1[-P2][:GOVERNOR], P1 a frequency in
// kHz above 0 or low, medium, high, highm1 (by their first letters, any
// case), or a governor alone; a range needs a governor but UserSpace
// (unless the cluster sets CpuFreqDef), a single frequency only UserSpace;
// the range does not descend (the words stand above any number).
const char* cpu_freq_problem(std::string_view v) {
  const auto governor = [](std::string_view p) {
    for (std::string_view g : {"co", "perf", "pow", "user", "onde", "sche"})
      if (starts_word(p, g)) return g;
    return std::string_view();
  };
  const auto frequency = [](std::string_view p) -> std::optional<std::uint64_t> {
    if (starts_word(p, "lo")) return 0x80000001;
    if (starts_word(p, "him1") || starts_word(p, "highm1")) return 0x80000004;
    if (starts_word(p, "hi")) return 0x80000003;
    if (starts_word(p, "med")) return 0x80000002;
    if (p.empty() || p.size() > 9 || p.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    std::uint64_t n = 0;
    for (char ch : p) n = n * 10 + static_cast<unsigned>(ch - '0');
    if (n == 0) return std::nullopt;
    return n;
  };
  constexpr const char* kForm =
      "P1[-P2][:GOVERNOR]: a frequency in kHz or low, medium, high, highm1; a range with a governor other than "
      "UserSpace (Conservative, OnDemand, Performance, PowerSave, SchedUtil), a single frequency alone or with "
      "UserSpace; or a governor alone";
  const auto colon = v.find(':'), dash = v.find('-');
  if (dash != std::string_view::npos && colon != std::string_view::npos && dash > colon) return kForm;
  const auto p1 = v.substr(0, std::min(dash, colon));
  const auto p2 = dash == std::string_view::npos ? std::string_view() : v.substr(dash + 1, colon == std::string_view::npos ? std::string_view::npos : colon - dash - 1);
  const auto p3 = colon == std::string_view::npos ? std::string_view() : v.substr(colon + 1);
  if (!governor(p1).empty()) return colon == std::string_view::npos && dash == std::string_view::npos ? nullptr : kForm;
  const auto low = frequency(p1);
  if (!low) return kForm;
  if (dash != std::string_view::npos) {
    const auto high = frequency(p2);
    if (!high || *high < *low) return kForm;
    if (colon == std::string_view::npos)
      return "a governor after a range (P1-P2:GOVERNOR): sbatch refuses a range without one unless the cluster sets "
             "CpuFreqDef";
    return governor(p3).empty() || governor(p3) == "user" ? kForm : nullptr;
  }
  return colon == std::string_view::npos || governor(p3) == "user" ? nullptr : kForm;
}

// --gpu-freq: what tres_frequency.c takes (lint hunt 70): items parted by
// ',', each a number, low, medium, high or highm1 (as written), verbose, or
// memory= one of those.
const char* gpu_freq_problem(std::string_view v) {
  const auto level = [](std::string_view p) {
    if (!p.empty() && p[0] >= '0' && p[0] <= '9') return p.size() < 19 && p.find_first_not_of("0123456789") == std::string_view::npos;
    return p == "low" || p == "medium" || p == "high" || p == "highm1";
  };
  for (std::size_t k = 0; k <= v.size();) {
    const auto e = std::min(v.find(',', k), v.size());
    const auto item = v.substr(k, e - k);
    k = e + 1;
    if (item.empty() || item == "verbose" || level(item) || (item.starts_with("memory=") && level(item.substr(7)))) continue;
    return "items parted by ',': a frequency in MHz, low, medium, high or highm1 (in lower case), memory= one of those, "
           "or verbose";
  }
  return nullptr;
}

// --acctg-freq: what validate_acctg_freq takes (lint hunt 70): items parted
// by ',', each a number of seconds (the task sampling's), or task=,
// energy=, network= or filesystem= (any case) and a number; -1 is none.
const char* acctg_freq_problem(std::string_view v) {
  // (strtol's reading: a sign, then digits; -1 is Slurm's "not given".)
  const auto seconds = [](std::string_view p) {
    const bool minus = !p.empty() && p[0] == '-';
    if (!p.empty() && (p[0] == '+' || p[0] == '-')) p.remove_prefix(1);
    auto digits = p.substr(0, std::min(p.find_first_not_of("0123456789"), p.size()));
    if (digits.empty()) return false;
    digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
    return !(minus && digits == "1");
  };
  for (std::size_t k = 0; k <= v.size();) {
    const auto e = std::min(v.find(',', k), v.size());
    const auto item = v.substr(k, e - k);
    k = e + 1;
    if (item.empty()) continue;
    std::string lower(item);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    bool ok = seconds(item);
    for (std::string_view key : {"task=", "energy=", "network=", "filesystem="})
      if (const auto at = lower.find(key); !ok && at != std::string::npos) ok = seconds(item.substr(at + key.size()));
    if (!ok)
      return "items parted by ',': a number of seconds, or task=, energy=, network= or filesystem= and a number of "
             "seconds";
  }
  return nullptr;
}

// Whether the number after the first '%' of --array, all the controller
// reads as the limit, is 0.
bool array_limit_is_zero(std::string_view v) {
  const auto percent = v.find('%');
  if (percent == std::string_view::npos) return false;
  const auto digits = v.substr(percent + 1, v.find_first_not_of("0123456789", percent + 1) - percent - 1);
  return !digits.empty() && digits.find_first_not_of('0') == std::string_view::npos;
}

void check_value(Context& c, const DirectiveOption& o, const render::OptionInfo& info) {
  const std::string& v = *o.value;
  // -o=job.out: getopt gives a short option the rest of its word, '=' and
  // all (lint hunt 63); the value's own check follows.
  if (!o.value_separate && o.written.size() > 3 && o.written[0] == '-' && o.written[1] != '-' && o.written[2] == '=') {
    const auto meant = std::string_view(o.written).substr(3);
    c.report("short-option-equals", o.at + 2, 1,
             fmt::format("{} takes the rest of its word as its value, so the value starts with '='; write {} {} or "
                         "--{}={}",
                         o.written.substr(0, 2), o.written.substr(0, 2), meant, info.name, meant));
  }
  if (!o.value_separate && v.empty() && !is_container_name(info.name)) {
    c.report("empty-value", o.at, o.length,
             fmt::format("--{} is given an empty value; give a value or drop the option", info.name));
    return;
  }
  using K = render::ValueKind;
  const bool checked_kind = render::is_scalar_kind(info.value);
  if (o.value_has_placeholder) {
    // The renderer checks task values; a placeholder's default is literal text.
    const auto d = c.literal_default(v, o.value_at);
    if (!d || !checked_kind) return;
    const auto expected = render::check_value(info.value, d->first);
    if (!expected.empty())
      c.report("invalid-value", d->second, d->first.size(),
               fmt::format("the default '{}' is not a valid value for --{}: expected {}", d->first, info.name,
                           expected));
    return;
  }
  if (checked_kind) {
    const auto expected = render::check_value(info.value, v);
    if (!expected.empty()) {
      c.report("invalid-value", o.value_at, o.value_length,
               fmt::format("'{}' is not a valid value for --{}: expected {}", v, info.name, expected));
    } else if (info.value == K::ArrayIndexes && array_limit_is_zero(v)) {
      c.report("array-limit-zero", o.value_at + v.find('%'), 2,
               "the limit after '%' is 0, which Slurm reads as no limit: every task of the array may run at once; "
               "write the limit meant (%10) or drop it");
    } else if (info.value == K::MailTypes) {
      for (const auto name : render::unknown_mail_types(v))
        c.report("unknown-mail-type", o.value_at + static_cast<std::size_t>(name.data() - v.data()),
                 std::max<std::size_t>(name.size(), 1),
                 fmt::format("'{}' is no mail type, and Slurm drops it without a word: write {}", name,
                             name.size() >= 4 && render::unknown_mail_types(name.substr(0, 4)).empty()
                                 ? name.substr(0, 4)  // (FAILED, ENDS, ...: FAIL)
                                 : "one of NONE, BEGIN, END, FAIL, REQUEUE, ALL, INVALID_DEPEND, STAGE_OUT, "
                                   "TIME_LIMIT, TIME_LIMIT_90, TIME_LIMIT_80, TIME_LIMIT_50, ARRAY_TASKS"));
    }
    return;
  }
  switch (info.value) {
    case K::FilenamePattern: {
      std::size_t bad = 0;
      const bool restarts = c.options.slurm >= catalog::SlurmVersion{25, 11};
      if (!valid_pattern(v, restarts ? "%AabJjNnrSstux" : "%AabJjNnstux", bad))
        c.report("filename-pattern", o.value_at + std::min(bad, o.value_length), 2,
                 fmt::format("--{}: '{}' is not a filename pattern Slurm {} knows (%%, %A, %a, %b, %J, %j, %N, %n, "
                             "{}%s, %t, %u, %x); write %% for a literal %",
                             info.name, v.substr(bad, 2), catalog::to_string(c.options.slurm), restarts ? "%r, %S, " : ""));
      break;
    }
    default: {
      // Keywords of an optional value, by release: --exclusive (topo from
      // 24.05, allocation from 26.05), --requeue (expedite, 25.11+).
      std::vector<std::string_view> words;
      if (info.name == "gres-flags") {
        check_gres_flags(c, o, v);
        break;
      }
      if (info.name == "cpu-freq" || info.name == "gpu-freq" || info.name == "acctg-freq") {
        const char* expected = info.name == "cpu-freq"   ? cpu_freq_problem(v)
                               : info.name == "gpu-freq" ? gpu_freq_problem(v)
                                                         : acctg_freq_problem(v);
        if (expected)
          c.report("invalid-value", o.value_at, o.value_length,
                   fmt::format("'{}' is not a valid value for --{}, and sbatch fails on it: expected {}", v, info.name,
                               expected));
        break;
      }
      if (info.name == "gpu-bind" || info.name == "mem-bind") {
        if (const char* expected = info.name == "gpu-bind" ? gpu_bind_problem(v, c.options.slurm) : mem_bind_problem(v))
          c.report("invalid-value", o.value_at, o.value_length,
                   fmt::format("'{}' is not a valid value for --{}{}, and sbatch fails on it: expected {}", v, info.name,
                               info.name == "gpu-bind" ? " at Slurm " + catalog::to_string(c.options.slurm) : "",
                               expected));
        break;
      }
      if (info.name == "exclusive") {
        words = {"exclusive", "oversubscribe", "user", "mcs"};
        if (c.options.slurm >= catalog::SlurmVersion{24, 5}) words.push_back("topo");
        if (c.options.slurm >= catalog::SlurmVersion{26, 5}) words.push_back("allocation");
      } else if (info.name == "requeue") {
        words = {"expedite"};
      } else {
        break;
      }
      const bool known = std::any_of(words.begin(), words.end(), [&](std::string_view w) { return equals_ignoring_case(w, v); });
      if (!known)
        c.report("invalid-value", o.value_at, o.value_length,
                 fmt::format("'{}' is not a valid value for --{} at Slurm {}: expected {}", v, info.name,
                             catalog::to_string(c.options.slurm), fmt::join(words, ", ")));
      break;
    }
  }
}

// The text up to the first blank.
std::string_view first_word(std::string_view text) { return text.substr(0, text.find_first_of(" \t\v\f\r")); }

void check_line(Context& c, const DirectiveView& d) {
  const auto& s = d.split();
  if (s.unmatched_quote)
    c.report("unmatched-quote", d.source_offset(*s.unmatched_quote), 1,
             "this quote is never closed on its line, which makes sbatch fail; close it");
  if (s.leading_colon)
    c.report("leading-colon", d.source_offset(*s.leading_colon), 1,
             "sbatch fails on a directive word starting with ':'; quote the word or attach it with '='");
  if (s.ended_at) {
    const char first = d.stand_in()[*s.ended_at];
    const auto rest = std::string_view(d.stand_in()).substr(*s.ended_at + 1);
    if (first == '\\' && rest.find_first_not_of(" \t\v\f\r") == std::string_view::npos)
      c.report("backslash-line-end", d.source_offset(*s.ended_at), 1,
               "'\\' at the end of an #SBATCH line does not continue it: sbatch reads each line on its own; put the "
               "rest on its own #SBATCH line");
    else
      c.report("line-ends-early", d.source_offset(*s.ended_at), first == '\\' ? 1 : 2,
               first == '"' || first == '\''
                   ? "an empty quoted word ends the #SBATCH line: sbatch drops everything after it; remove it"
               : first == '\\'
                   ? "a '\\' alone before a blank is an empty word, which ends the #SBATCH line: sbatch drops "
                     "everything after it; remove it"
                   : fmt::format("a '{}' word after the first ends the #SBATCH line: sbatch drops what follows",
                                 first_word(std::string_view(d.stand_in()).substr(*s.ended_at))));
  }
  // #SBATCH hetjob --partition=b: the next component starts, and sbatch
  // reads nothing more of the line.
  if (s.hetjob_separator) {
    const std::string_view line = d.stand_in();
    const auto word = first_word(line.substr(std::min(line.find_first_not_of(" \t\v\f\r"), line.size())));
    const auto at = line.find_first_not_of(" \t\v\f\r", static_cast<std::size_t>(word.data() - line.data()) + word.size());
    if (at != std::string_view::npos && line[at] != '#')
      c.report("line-ends-early", d.source_offset(at), line.size() - at,
               fmt::format("sbatch starts the next component at '{}' and reads nothing more of this line: put "
                           "these options on their own #SBATCH lines after it",
                           word));
  }
  // (--mem=4G#per node: prose after the '#', which sbatch drops as the
  // writer meant; a '\\#' would put it into the value. lint hunt 59.)
  const auto comment_text = s.comment ? std::string_view(d.stand_in()).substr(*s.comment + 1) : std::string_view();
  const auto comment_end = comment_text.find_last_not_of(" \t\r");
  const bool prose = comment_end != std::string_view::npos &&
                     comment_text.substr(0, comment_end).find_first_of(" \t") != std::string_view::npos;
  if (s.comment && *s.comment > 0 && !is_blank(d.stand_in()[*s.comment - 1]) && !prose)
    c.report("comment-cuts-value", d.source_offset(*s.comment), 1,
             "sbatch reads this unquoted '#' as the start of a comment and cuts the value here; write \\# or quote "
             "the value",
             "\\#");
  const std::size_t end = s.comment.value_or(d.stand_in().size());
  if (c.options.slurm < catalog::SlurmVersion{24, 5}) {
    for (std::size_t k = 0; k + 1 < end; ++k) {
      if (d.stand_in()[k] == '\\' && is_blank(d.stand_in()[k + 1])) {
        c.report("escaped-blank", d.source_offset(k), 2,
                 fmt::format("before Slurm 24.05 '\\ ' still separates words (target {}); quote the value instead",
                             catalog::to_string(c.options.slurm)));
        break;
      }
      if (d.stand_in()[k] == '\\') ++k;
    }
  }
  for (const auto& w : s.words) {
    const std::string& t = w.text;
    bool expand = false;
    for (std::size_t k = 0; k + 1 < t.size() && !expand; ++k)
      expand = t[k] == '$' && (std::isalpha(static_cast<unsigned char>(t[k + 1])) || t[k + 1] == '_' ||
                               t[k + 1] == '{' || t[k + 1] == '(');
    const auto eq = t.find('=');
    const bool tilde = t.starts_with("~") || (eq != std::string::npos && t.compare(eq + 1, 1, "~") == 0);
    if (expand || tilde)
      c.report("unexpanded-variable", d.source_offset(w.begin), d.source_offset(w.end) - d.source_offset(w.begin),
               fmt::format("sbatch does no shell expansion: '{}' reaches Slurm literally; write the value out (or "
                           "use %u, %j patterns)",
                           expand ? "$" : "~"));
  }
}

// Slurm's option for a word other schedulers (PBS, LSF, SGE) and habit use
// (--queue is --partition, --name is --job-name), or nullptr.
const char* other_schedulers_word(std::string_view name) {
  static constexpr std::pair<std::string_view, const char*> kWords[] = {
      {"queue", "partition"},  {"name", "job-name"},       {"walltime", "time"},     {"ppn", "ntasks-per-node"},
      {"email", "mail-user"},  {"project", "account"},     {"memory", "mem"},        {"cpus", "cpus-per-task"},
      {"threads", "cpus-per-task"}, {"log", "output"},      {"stdout", "output"},     {"stderr", "error"},
      {"workdir", "chdir"},    {"wd", "chdir"},             {"cwd", "chdir"}};
  for (const auto& [word, slurm] : kWords)
    if (word == name) return slurm;
  return nullptr;
}

// The option an unknown one likely means: another scheduler's word for it,
// else the closest spelling among those that take a value when it was given
// one (--queue=gpu is no --requeue).
std::optional<std::string> suggestion(const render::OptionTable& table, const render::DirectiveItem& item,
                                      const std::vector<std::string_view>& names) {
  if (const char* slurm = other_schedulers_word(item.name)) return slurm;
  if (!item.has_value) return catalog::closest(item.name, names);
  std::vector<std::string_view> valued;
  for (const auto n : names)
    if (const auto* o = table.find_long(n).option; o && o->arg != render::ArgKind::None) valued.push_back(n);
  return catalog::closest(item.name, valued);
}

void check_option(Context& c, const DirectiveView& d, std::size_t index, const std::vector<std::string_view>& names) {
  const DirectiveOption& o = d.options[index];
  using Kind = render::DirectiveItem::Kind;
  // A placeholder in an option name is the compiler's placeholder-in-option-name.
  const auto& word_text = d.split().words[o.item.word].text;
  if (o.item.kind == Kind::Positional ? word_text.find(kStandIn) != std::string::npos
                                      : o.item.name.find(kStandIn) != std::string::npos)
    return;
  if (o.item.kind == Kind::Positional) {
    if (index > 0) {
      const auto& prev = d.options[index - 1];
      if (prev.item.option && prev.item.option->arg == render::ArgKind::Optional && !prev.item.has_value &&
          prev.item.word + 1 == o.item.word) {
        c.report("optional-value-separate", o.at, o.length,
                 fmt::format("--{} reads an optional value only after '=': this word is a positional argument, which "
                             "fails the submission; write {}={}",
                             prev.item.option->name, prev.written, o.written),
                 prev.written + "=" + o.written);
        return;
      }
    }
    c.report("positional-argument", o.at, o.length,
             fmt::format("'{}' is not an option: sbatch fails the submission on a positional word; use --option=value",
                         o.written));
    return;
  }
  const render::OptionInfo* info = o.item.option;
  if (o.item.kind == Kind::Long) {
    const auto match = c.table.find_long(o.item.name);
    if (match.ambiguous) {
      std::string candidates;
      for (const auto& n : names)
        if (n.starts_with(o.item.name)) candidates += (candidates.empty() ? "--" : ", --") + std::string(n);
      c.report("ambiguous-option", o.at, o.item.name.size() + 2,
               fmt::format("--{} is ambiguous ({}): write the full option name", o.item.name, candidates));
      return;
    }
    if (!info) {
      // A Pyxis-looking name that no Slurm release has: the Pyxis family tells more.
      if (is_container_name(o.item.name) && !slurm_option_anywhere(o.item.name)) return;
      const auto releases = releases_of(o.item.name, c.options.slurm);
      std::string message = fmt::format("sbatch {} has no option --{}{}", catalog::to_string(c.options.slurm),
                                        o.item.name, releases);
      std::optional<std::string> fix;
      if (const auto* other = other_commands_option(o.item.name); other && releases.empty()) {
        message += other == std::string_view("srun")
                       ? fmt::format("; it is an option of srun, for each job step: give it on the srun line "
                                     "(srun --{}=... PROGRAM)", o.item.name)
                       : std::string("; it is an option of salloc (an interactive allocation), which a batch job "
                                     "has no use for");
      } else if (auto guess = !releases.empty() ? std::nullopt : suggestion(c.table, o.item, names)) {
        message += fmt::format("; did you mean --{}?", *guess);
        fix = "--" + *guess;
      }
      c.report("unknown-option", o.at, o.item.name.size() + 2, std::move(message), std::move(fix));
      return;
    }
    if (match.abbreviated)
      c.report("abbreviated-option", o.at, o.item.name.size() + 2,
               fmt::format("--{} is an abbreviation of --{}: write the full name", o.item.name, info->name),
               "--" + info->name);
  } else if (!info) {
    c.report("unknown-option", o.at, 2, fmt::format("sbatch has no option -{}", o.item.name));
    return;
  }
  const std::string shown = o.item.kind == Kind::Long ? "--" + info->name : "-" + o.item.name;
  if (o.item.has_value && info->arg == render::ArgKind::None) {
    // (--get-user-env=L: a value older releases took; from 25.05 sbatch fails on it.)
    std::string earlier;
    for (const auto& e : catalog::sbatch_option_entries())
      if (e.name == info->name && e.arg != render::ArgKind::None && e.removed && *e.removed <= c.options.slurm)
        earlier = fmt::format(" at {} (releases before {} took one; lint with --slurm-version for an older cluster)",
                              catalog::to_string(c.options.slurm), catalog::to_string(*e.removed));
    c.report("unexpected-value", o.at, o.length,
             fmt::format("{} takes no value{}: drop '={}'", shown, earlier, o.value.value_or("")), shown);
    return;
  }
  if (!o.item.has_value && info->arg == render::ArgKind::Required) {
    const bool later = &d != &c.directives.back();
    const std::string form = shown + (o.item.kind == Kind::Long ? "=VALUE" : " VALUE");
    c.report("missing-value", o.at, o.length,
             later ? fmt::format("{} has no value on its line: sbatch takes the first word of the next #SBATCH line; "
                                 "write {}",
                                 shown, form)
                   : fmt::format("{} needs a value: write {}", shown, form));
    return;
  }
  if (o.item.has_value) check_value(c, o, *info);
}

}  // namespace

const catalog::SbatchOptionEntry* slurm_option_anywhere(std::string_view name) {
  for (const auto& e : catalog::sbatch_option_entries())
    if (e.name == name) return &e;
  return nullptr;
}

std::span<const RuleInfo> directive_rules() { return kRules; }

void check_directives(Context& c) {
  ignored_lines(c);
  const auto names = option_names(c.table);
  struct Seen {
    std::string value;
    std::uint32_t line;
  };
  std::map<std::string, Seen> seen;
  // sbatch gives getopt the words of all of a component's lines at once: a
  // '--' ends the options of every line after it too (lint hunt 71).
  std::uint32_t options_ended = 0;  // the line of that '--' (lines count from 1)
  bool told = false;
  for (const auto& d : c.directives) {
    if (d.split().hetjob_separator) {  // the next component of a heterogeneous job
      seen.clear();
      options_ended = 0;
      told = false;
    }
    if (options_ended != 0 && !d.options.empty()) {
      const auto& o = d.options.front();
      if (!std::exchange(told, true))
        c.report("positional-argument", o.at, o.length,
                 fmt::format("sbatch stopped reading options at the '--' on line {}: this and every later option is a "
                             "positional word, which fails the submission; remove the '--'",
                             options_ended));
      continue;
    }
    for (std::size_t k = 0; k < d.split().words.size(); ++k)
      if (d.split().words[k].text == "--" && options_ended == 0) options_ended = d.line->line;
    check_line(c, d);
    for (std::size_t k = 0; k < d.options.size(); ++k) {
      check_option(c, d, k, names);
      const auto& o = d.options[k];
      if (!o.item.option || !o.value || is_container_name(o.item.option->name)) continue;
      const std::string key = o.item.option->name;
      // sbatch adds each --mail-type to the ones before (BEGIN, then END).
      if (key == "mail-type") continue;
      auto [it, fresh] = seen.try_emplace(key, Seen{*o.value, d.line->line});
      if (!fresh && it->second.value != *o.value) {
        c.report("duplicate-option", o.at, o.length,
                 fmt::format("--{} is also set on line {} with another value; sbatch keeps the last one: keep one line",
                             key, it->second.line));
        it->second = Seen{*o.value, d.line->line};
      }
    }
  }
}

}  // namespace slurmglue::lint
