// Runs a program without a shell: argv as given, an explicit environment,
// optional standard input, stdout and stderr read apart, a timeout after
// which the whole process group is killed, and optionally another user's
// identity (for submitting jobs as the task's user). Safe to call from any
// thread of a multi-threaded program: between fork and exec the child only
// makes async-signal-safe system calls.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace slurmglue::process {

// A Linux user to run as (resolved once, before fork).
struct Identity {
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;
  std::string name;
  std::string home;
};
// Looks a user up by name; nothing when there is no such user.
std::optional<Identity> find_user(const std::string& name);

struct Command {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH of `environment` when it has no '/'
  std::vector<std::string> environment;  // "NAME=value", the child's whole environment
  std::string input;                     // written to its stdin, which is then closed
  std::chrono::milliseconds timeout{60'000};
  std::optional<Identity> as_user;
  // Where it starts, entered as `as_user` (a directory it cannot enter is an
  // error, never another directory). Empty: the home of `as_user`, else this
  // process's working directory.
  std::string directory;
  std::size_t max_output = 1 << 20;  // bytes kept of each of stdout and stderr
  // The child is killed (SIGKILL) when this process dies, so that nothing it
  // started outlives it unseen (an sbatch of a killed agent would otherwise
  // submit its job after the restarted agent looked for it).
  bool die_with_parent = false;
};

struct Outcome {
  bool started = false;   // false: the program could not be run (see error)
  bool timed_out = false; // killed after the timeout
  int exit_code = -1;     // when it exited
  int signal = 0;         // when a signal ended it
  std::string out, err;
  std::string error;      // why it could not be run
  bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
  // One line for logs and messages: "exit 1", "killed by signal 9", "timed out after 60 s", ...
  std::string describe() const;
};

Outcome run(const Command& command);

// The current process's environment as "NAME=value" strings.
std::vector<std::string> current_environment();

}  // namespace slurmglue::process
