// What the renderer must know of sbatch's (and Pyxis') options to tell, in a
// rendered #SBATCH line, which words are options and which are their values:
// sbatch reads directive words with getopt_long, so "--partition x" consumes
// "x", "--exclusive x" does not, and a unique prefix ("--part") names an option.
// The compiler fills an OptionTable from compiler/catalog for the target
// versions; the renderer only reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::render {

// Whether a long option takes a value (getopt_long's has_arg).
enum class ArgKind : std::uint8_t { None, Required, Optional };

// What an option's value must look like, for the values a task supplies.
enum class ValueKind : std::uint8_t {
  Any,              // free text (names, accounts, comments, ...)
  Time,             // --time, --time-min: M, M:S, H:M:S, D-, D-H, D-H:M, D-H:M:S, UNLIMITED
  Memory,           // --mem, --mem-per-cpu, --mem-per-gpu: integer + optional K/M/G/T
  NodeCount,        // --nodes: N or MIN-MAX
  Integer,          // --nice, --core-spec, --wait-all-nodes, ...
  Count,            // --ntasks, --cpus-per-task, --ntasks-per-node, ...: a positive integer (parse_int's `positive`)
  Priority,         // --priority: an integer or TOP (any case)
  FilenamePattern,  // --output, --error, --input
  ContainerImage,   // --container-image
  ContainerMounts,  // --container-mounts
  ContainerName,    // --container-name: NAME[:auto|create|exec|no_exec]
  OpenMode,         // --open-mode: append or truncate (sbatch reads the first letter)
  MailTypes,        // --mail-type: a comma list of which at least one is a mail type
  YesNo,            // --kill-on-invalid-dep: yes or no
  Signal,           // --signal: [R][B][R][:]SIGNAL[@SECONDS] (a number or a name Slurm knows)
  ArrayIndexes,     // --array: N, N-M or N-M:S, comma-separated, then an optional %LIMIT
  Hints,            // --hint: compute_bound, memory_bound, multithread, nomultithread (a list)
  Distribution,     // --distribution: plane[=N] or NODES[:SOCKETS[:CORES]] of block/cyclic/..., then ,Pack or ,NoPack
  Dependency,       // --dependency: TYPE:JOB[:JOB] items parted by ',' or '?', singleton, or 0
  TimeSpec,         // --begin, --deadline: a time parse_time reads (16:00, now+1hour, 2025-01-20T12:34, tomorrow)
};

std::string_view to_string(ValueKind kind);

struct OptionInfo {
  std::string name;       // long name without "--", e.g. "partition"
  char short_name = 0;    // e.g. 'p', or 0
  ArgKind arg = ArgKind::None;
  ValueKind value = ValueKind::Any;
};

// Long options looked up the way getopt_long does: an exact name wins, else a
// prefix that names exactly one option.
class OptionTable {
 public:
  OptionTable() = default;
  explicit OptionTable(std::vector<OptionInfo> options);

  struct LongMatch {
    const OptionInfo* option = nullptr;  // null: unknown or ambiguous
    bool ambiguous = false;
    bool abbreviated = false;
  };
  LongMatch find_long(std::string_view name) const;
  const OptionInfo* find_short(char c) const;
  bool empty() const { return options_.empty(); }
  const std::vector<OptionInfo>& options() const { return options_; }

 private:
  std::vector<OptionInfo> options_;  // sorted by name
};

}  // namespace slurmglue::render

namespace slurmglue::render {

// One thing getopt_long would see in the words of an #SBATCH line.
struct DirectiveItem {
  enum class Kind : std::uint8_t { Long, Short, Positional };
  Kind kind = Kind::Positional;
  std::string name;                     // long name as written (Long), the letter (Short)
  const OptionInfo* option = nullptr;   // null when the table does not know it
  std::size_t word = 0;                 // the word that names it
  bool has_value = false;
  std::size_t value_word = 0;           // the word that holds the value
  std::size_t value_offset = 0;         // where the value starts inside that word
  std::string canonical() const;        // "--partition", "-p", or the positional text marker
  bool is(std::string_view canonical_form) const;  // canonical() == canonical_form, without building it
};

// Reads words the way getopt_long does with `table`: "--name=value",
// "--name value" (when the option requires a value), "-xVALUE", "-x VALUE",
// clusters of short flags, and "--" ending the options.
std::vector<DirectiveItem> read_directive_words(const std::vector<std::string>& words,
                                                const OptionTable& table);

}  // namespace slurmglue::render
