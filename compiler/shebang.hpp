#pragma once
// The #! line of a script, read once for every check that depends on it:
// which interpreter runs the script and the options it is started with.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace slurmglue::compiler {

struct Shebang {
  struct Word {
    std::string_view text;
    std::size_t offset = 0;  // in the script
  };
  std::vector<Word> words;     // everything after "#!", split at blanks
  std::size_t interpreter = 0;  // index of the interpreter's word; words.size() when there is none

  // The interpreter's name without its directory ("bash" for /usr/bin/env
  // bash), or "" without a #! line or an interpreter.
  std::string_view interpreter_name() const;
  // The short option cluster given to the interpreter (-xe, -i) that holds
  // `letter`; long options (--posix) are not clusters. (A copy: its text
  // lies in the script, not in this Shebang.)
  std::optional<Word> short_option(char letter) const;
  // The word naming NAME in `option NAME` (-O compat31, -o keyword, +O, or
  // -Ocompat31) for a NAME that starts with `name_prefix`.
  std::optional<Word> named_option(char option, std::string_view name_prefix) const;
};

// Reads the first line of `text` when it starts with "#!". The interpreter
// is the first word that is neither env nor an option of env, as in
// "#!/usr/bin/env -S bash -i".
Shebang read_shebang(std::string_view text);

}  // namespace slurmglue::compiler
