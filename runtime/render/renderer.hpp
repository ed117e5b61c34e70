// A compiled template: a flat, immutable program of literal pieces and value
// slots, run once per task. Values that are not plain words become references
// to variables assigned in a data block, which the DataBlock op places right
// after the #SBATCH lines (see escape.hpp). Built once per queue by compiler/codegen and
// shared freely: render() is const and keeps no state between calls, so one
// Renderer serves any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/render/context.hpp"
#include "runtime/render/directive_options.hpp"
#include "runtime/render/element_role.hpp"
#include "runtime/render/filters.hpp"
#include "runtime/render/option_words.hpp"
#include "runtime/render/values.hpp"

namespace slurmglue::render {

// One placeholder of the template, resolved to everything rendering needs.
struct Placement {
  Variable variable = Variable::Task;
  std::vector<std::string> path;
  std::optional<std::string> default_value;
  std::vector<Filter> filters;
  ShellContext context;
  ValueKind kind = ValueKind::Any;  // a typed position outside #SBATCH lines (e.g. srun --container-image=)
  bool split_words = false;         // an argument list (container.arguments): keeps its word structure
  OptionWords option_words;         // an argument list among a runner's options: what each word may be
  ElementRoles roles;
  std::vector<PathSite> path_sites;  // where it stands in paths: checked when it names a file or code
  // It alone names a file a program reads: the files the template writes
  // ("job.log", "*.log"), which it may not name (written_file_named).
  std::shared_ptr<const std::vector<std::string>> written_names;  // shared: null or sorted
  bool command_position = false;    // a code slot where a command stands (not after `singularity exec`)
  // Whether the value could begin a line sbatch translates (#PBS, #BSUB):
  // AtStart, only blanks or other placeholders before it on its line
  // (BeforeHash: and the line's text after it starts with '#'); AfterHash,
  // after a beginning of "#PBS" or "#BSUB" ("#", "#P", ...).
  enum class LineStart : std::uint8_t { No, AtStart, AtStartBeforeHash, AfterHash };
  LineStart line_start = LineStart::No;
  std::string text;                 // as written, e.g. "${CLEARML_TASK.id}"
  std::uint32_t line = 0, column = 0;
};

// An #SBATCH line with placeholders: what getopt must read in it after rendering.
struct DirectivePlan {
  std::uint32_t line = 0;
  std::vector<std::string> expected;  // DirectiveItem::canonical() of each item, in order
  std::size_t expected_words = 0;
  unsigned expected_shape = 0;  // grammar::sbatch::shape_flags of the template's line
  // The template's own text on the line holds "hetjob" or "packjob": Slurm's
  // burst buffer plugins take any #SBATCH/#SLURM line holding either, even
  // inside a word, for a separator of heterogeneous job components.
  bool marks_components = false;
  struct Slot {
    std::uint32_t placement;
    std::uint32_t word;  // the word it lands in
    // The item (index into `expected`) whose value the placeholder lies in,
    // or kNoItem (a positional word): only inside a value can a plain word
    // not change what getopt reads.
    std::uint32_t option_item = kNoItem;
    ValueKind kind = ValueKind::Any;  // what that option's value must look like
    bool whole_value = false;         // the placeholder is that value, all of it
  };
  static constexpr std::uint32_t kNoItem = 0xffffffff;
  std::vector<Slot> slots;
};

// A here-document body with placeholders: no rendered line may equal its delimiter.
struct HeredocPlan {
  std::string delimiter;
  bool strip_tabs = false;
  bool in_command_substitution = false;  // then a line merely starting with the delimiter ends it too
  bool joins_lines = false;  // unquoted delimiter: a line ending in an unescaped '\\' joins the next
  std::uint32_t line = 0;  // where the body starts
};

struct Op {
  enum class Kind : std::uint8_t { Literal, Value, DirectiveBegin, DirectiveEnd, HeredocBegin, HeredocEnd, DataBlock };
  Kind kind = Kind::Literal;
  std::uint32_t a = 0;  // Literal: offset in text; others: index into their table
  std::uint32_t b = 0;  // Literal: length
};

struct Program {
  std::string source_name;  // the template file, for messages
  std::string text;         // literal pieces, referenced by Literal ops
  std::vector<Op> ops;
  std::vector<Placement> placements;
  std::vector<DirectivePlan> directives;
  std::vector<HeredocPlan> heredocs;
  OptionTable options;
  std::size_t directive_lines = 0;  // #SBATCH lines sbatch reads in the template
  std::size_t translated_directive_lines = 0;  // its #PBS and #BSUB lines (count_translated_directive_lines)
  std::size_t literal_bytes = 0;
  // Variables the template keeps in the shell (assigned task values, never
  // exported) that programs would read as code from their environment: the
  // script fails at its start if the job's environment holds one (a variable
  // bash imports stays exported whatever the template assigns it).
  std::vector<std::string> shell_only_variables;
  // The DataBlock op stands at the end of the text without a final line break:
  // the block then starts with one.
  bool data_block_needs_newline = false;
};

struct RenderError {
  std::uint32_t line = 0, column = 0;
  std::string placeholder;  // as written, or empty for script-wide problems
  std::string message;
};

// Where a placeholder's value came from, for --explain.
struct Resolution {
  enum class Origin { Field, Default, Glue, Missing, Unusable };
  const Placement* placement = nullptr;
  Origin origin = Origin::Missing;
  std::string value;  // after filters, before escaping
};

class Renderer {
 public:
  explicit Renderer(Program program);

  // Renders `values` into `out` (cleared first). On any error, returns false,
  // fills `errors` and `out` must not be used: a broken job is never submitted.
  bool render(const Values& values, std::string& out, std::vector<RenderError>& errors) const;

  std::vector<Resolution> explain(const Values& values) const;

  const Program& program() const { return program_; }

  // What the constructor works out once from the program: the data variable
  // of each placement, and for a placement inside an option's value on an
  // #SBATCH line whose checked values are whole placeholders, its slot on
  // that line (render() then re-reads the line only when a value could
  // change its shape), else kNoSlot.
  struct Plan {
    static constexpr std::uint32_t kNoSlot = 0xffffffff;
    static constexpr std::size_t kMaxSlots = 8;  // placeholders on one line the fast path follows
    std::vector<std::string> data_names;
    std::vector<std::uint32_t> fast_slot;
    // For each placement, the first one with the same field, default and no
    // filters (itself if none): its value is read once per render.
    std::vector<std::uint32_t> same_value_as;
    // sbatch's directive scan over the lines before the first value that
    // could change them: the lines before op `op`'s line hold `count`
    // directive lines, and whether the scan `stopped` there. render() scans
    // only the rest.
    struct Scan {
      std::size_t op = 0;
      std::size_t count = 0;
      bool stopped = false;
    } scan;
  };

 private:
  Program program_;
  Plan plan_;
};

}  // namespace slurmglue::render
