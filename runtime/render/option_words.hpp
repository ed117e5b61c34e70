// An argument list (container.arguments) that stands among a runner's
// options (srun ${...arguments} python3 ...): each word must be an option
// that runner knows, with its value in the same word, so no word of the list
// can take the template's next word as its value (making the word after it
// the command) or be an option that runs a program. Options that set the
// environment or mount host paths are allowed with values that cannot reach
// code: no variable a program loads code from (BASH_ENV, LD_PRELOAD, ...),
// no mount of the host's root or system directories.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/render/element_role.hpp"

namespace slurmglue::render {

struct OptionWords {
  bool checked = false;                 // the compiler knows the runner's options
  // The arguments of a script (python3 train.py ${...|words}): any word,
  // options and operands alike, each one argument of the script.
  bool script_arguments = false;
  bool python_script = false;  // ... of a python script: a first word fit/validate/test/predict makes it a LightningCLI
  // Each word one value where the template uses the placeholder's
  // value (for W in ${...|words}; printf '%s\n' ${...|words}): each meets
  // every rule the placeholder meets there.
  bool each_value = false;
  std::string runner;                   // for messages, e.g. "srun"
  std::vector<std::string> flags;       // "-l", "--label": options without a value
  std::vector<std::string> with_value;  // "-J", "--job-name": options with one
  std::vector<std::string> denied;      // options a task may not set ("--prolog")
  std::vector<std::string> environment;  // NAME=VALUE or NAME items, comma lists ("--env", "-e")
  std::vector<std::string> mounts;       // SRC[:DST[:FLAGS]] or type=bind,source=SRC items ("--bind")
  // Namespaces the container may share with the host (--network=host) but
  // not join from another container (--network=container:NAME): another
  // task's, whose traffic, shared memory or processes it would reach.
  std::vector<std::string> namespaces;
  // The rule a value of an option meets, as a placeholder's would there
  // (--nodelist: NodeList; --container-workdir, --pwd: CodePath).
  std::vector<std::pair<std::string, ElementRole>> value_roles;
};

// A host path a task may not mount into a container: the root, a path with
// '..', a system directory (credentials, devices, the host's configuration)
// however it is spelled (/./etc, //etc), or the home directory of the
// account rendering ($HOME: the glue's). Named volumes (no leading '/') are
// not host paths.
bool forbidden_mount_source(std::string_view source);
// The agent's own directories (its state, each task's directory and
// configuration, the jobs' working directories): no mount reaches them.
// Call before rendering starts (not thread-safe with rendering).
void forbid_mounting(std::string_view directory);

// nullptr when every word fits, else why not.
// `values` (if given) marks the words that are an option's value (-e VALUE).
const char* check_option_words(const std::vector<std::string>& words, const OptionWords& options, std::string& why,
                               std::vector<bool>* values = nullptr);

}  // namespace slurmglue::render
