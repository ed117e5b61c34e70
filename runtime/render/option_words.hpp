// An argument list (container.arguments) that stands among a runner's
// options (srun ${...arguments} python3 ...): each word must be an option
// that runner knows, with its value in the same word, so no word of the list
// can take the template's next word as its value (making the word after it
// the command) or be an option that runs a program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::render {

struct OptionWords {
  bool checked = false;                 // the compiler knows the runner's options
  std::string runner;                   // for messages, e.g. "srun"
  std::vector<std::string> flags;       // "-l", "--label": options without a value
  std::vector<std::string> with_value;  // "-J", "--job-name": options with one
  std::vector<std::string> denied;      // options a task may not set ("--prolog")
};

// nullptr when every word fits, else why not.
const char* check_option_words(const std::vector<std::string>& words, const OptionWords& options, std::string& why);

}  // namespace slurmglue::render
