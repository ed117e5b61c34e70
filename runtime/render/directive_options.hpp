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
  Time,             // --time, --time-min: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, UNLIMITED
  Memory,           // --mem, --mem-per-cpu, --mem-per-gpu: integer + optional K/M/G/T
  NodeCount,        // --nodes: N or MIN-MAX
  Integer,          // --ntasks, --cpus-per-task, --priority, ...
  FilenamePattern,  // --output, --error, --input
  ContainerImage,   // --container-image
  ContainerMounts,  // --container-mounts
  ContainerName,    // --container-name: NAME[:auto|create|exec|no_exec]
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
