// Where a placeholder stands in a line of a data file the template writes
// from a here-document (cat > run.yaml <<EOF ... name: "${...}" ...): inside
// a quoted string of JSON, YAML or TOML, or as a YAML block scalar. There a
// value may hold what that place holds (an apostrophe, a comma), where the
// rule for a data file of unknown shape (render::ElementRole::DataField)
// would refuse an ordinary name.
#pragma once

#include <string_view>

#include "runtime/render/element_role.hpp"

namespace slurmglue::compiler {

enum class DataFormat { Other, Json, Yaml, Toml };

// The format a data file's name says (run.json, cfg.yaml.j2, pyproject.toml).
DataFormat data_format(std::string_view file_name);

// The rule for a value written between `before` (the line's text up to the
// placeholder) and `after` (the rest of the line) in a file of `format`:
// DataQuotedText inside a double-quoted string the line opens and closes,
// YamlPlainText as the whole value of a simple YAML key or list item, else
// DataField. The texts are as the template writes them; one holding an
// expansion, an escape or a comment before the value is DataField, and so
// is any line where the lines before it leave something `open`.
// `command`: the line is inside the value of a key naming a command (a
// block scalar "run: |", a list "setup:" or "\"command\": [" over lines),
// where every value is DataWord, as on a line whose own key names one.
render::ElementRole data_line_role(DataFormat format, std::string_view before, std::string_view after, bool open = false,
                                   bool command = false);

// Whether a key's value names a Python callable that a tool imports and
// calls: Hydra's _target_, jsonargparse's class_path (model._target_,
// --trainer.callbacks.class_path, +model._target_), logging.config's
// class and "()".
bool names_a_callable(std::string_view key);

// Whether the key a value follows on a data file's line (`before`: the
// line up to the value) names a file a program writes or appends to: a
// logging handler's filename:, log_file:, logfile:.
bool names_a_written_file(std::string_view before);

// Whether that key names the checkpoint or saved model a program restores
// (ckpt_path:, "resume_from_checkpoint":, MODEL.WEIGHTS:).
bool names_restored_state(std::string_view before);

// Whether one of the lines of `text` (split at line breaks and at printf's
// "\n") gives its key's value a command line (command: ..., run = ...).
bool holds_command_line(std::string_view text);
// The same for a key naming a Python callable (_target_: ..., class_path: ...).
bool holds_callable(std::string_view text);
// The same for a key naming a checkpoint a program restores (ckpt_path: ...).
bool holds_restored_state(std::string_view text);

// Whether code that builds a data file (a jq or yq filter, a python dict)
// gives a key its value where the key names a command ({command: ...},
// .run.cmd = ..., {"cmd": ...}) or a Python callable (_target_, class_path).
bool builds_command_key(std::string_view code);
bool builds_callable_key(std::string_view code);

// What a file's lines leave open for the next: a quoted string, or in
// YAML a flow collection ({ or [ spanning lines, where ',' ends a scalar).
// Then the next line is not read on its own.
struct DataLines {
  DataFormat format;
  int depth = 0;        // brackets open
  bool quoted = false;  // a string goes on
  // The value of a key naming a command goes on over lines: while lines
  // are indented deeper than the key's column (YAML), or brackets deeper
  // than before it opened (-1: not in one).
  int command_column = -1;
  int command_depth = -1;
  bool command_string = false;     // a multi-line string (TOML's """) began as its value: for good
  bool command_next_line = false;  // the key's value is on the next line ("command":⏎)
  // A YAML command key with nothing after its ':' (run:⏎): each line under
  // it is its command, but an entry of a mapping whose key names data
  // (hydra's run:⏎  dir: x, name: y); not another key (npm's scripts:⏎
  // train: CMD, anaconda-project's commands:⏎  train:⏎    unix: CMD).
  int mapping_column = -1;
  // A YAML key naming saved state with nothing after its ':' (resume:⏎
  // path: V): each line under it names what a program restores.
  int state_column = -1;
  // Reads more whole lines, in order.
  void read(std::string_view lines);
  bool open() const { return quoted || (format == DataFormat::Yaml && depth != 0); }
  bool in_command() const { return command_column >= 0 || command_depth >= 0 || command_string || command_next_line; }
  // Whether `line`, the next, is still inside that value.
  bool in_command(std::string_view line) const;
  // Whether `line`, the next, is inside a mapping under a key naming saved state.
  bool in_restored_state(std::string_view line) const;
};

}  // namespace slurmglue::compiler
