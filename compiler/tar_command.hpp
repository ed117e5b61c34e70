// How GNU tar and bsdtar read their words: the operation a command asks
// for, the archives it names and the directory it changes to. tar's short
// options come in clusters whose value-taking letter takes the rest of the
// word (-xfstage.tar, -C/data), or, in the old style without a dash (xf A),
// the next words in order; a long option takes '=VALUE' or the next word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::compiler {

struct TarCommand {
  enum class Mode : unsigned char { None, Create, Append, Update, Extract, List, Compare, Concatenate, Delete };
  // A value of an option: the word it is in (its own, or the option's
  // when attached: -fA, --file=A) and its text.
  struct Value {
    std::size_t word;
    std::string text;
  };
  Mode mode = Mode::None;
  std::vector<Value> archives;     // -f, --file
  std::vector<Value> directories;  // -C, --directory
  std::vector<Value> side_files;   // files it writes beside the archive: -g, --listed-incremental, --index-file, --volno-file
  // Command lines it runs: GNU tar's -I/--use-compress-program, -F/--info-script,
  // --new-volume-script, --to-command, --rsh-command, --rmt-command,
  // --checkpoint-action (exec=), --set-mtime-command; bsdtar's --use-compress-program.
  std::vector<Value> commands;
  bool verbose = false;            // -v, --verbose: it prints the members' names
  std::vector<std::size_t> operands;  // members or files, by word (after '--' too)
  std::size_t options_end = 0;        // the first word after '--' (or the end): only names from there

  bool writes_archive() const { return mode == Mode::Create || mode == Mode::Append || mode == Mode::Update; }
  bool extracts() const { return mode == Mode::Extract; }
};

// Reads words[first...] as the arguments of `program` (tar, gtar or
// bsdtar; its own name is not among them).
TarCommand read_tar(std::string_view program, const std::vector<std::string_view>& words, std::size_t first);

}  // namespace slurmglue::compiler
