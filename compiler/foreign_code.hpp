// What code of another language (python -c, perl -e, node -e, a
// here-document or a written file of such code) does, read from its text:
// whether it runs commands or other code, runs make, reads its standard
// input into something that runs, and which environment variables it reads.
// The value-flow pass asks these of every piece of foreign code a
// template holds; they look for the surest signs only, so that a training
// script's model.eval() or torch.load is no shell.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::compiler::foreign {

// Code that starts commands or evaluates code (os.system, subprocess,
// system(), backquotes, eval( and exec( as calls of their own).
bool runs_commands(std::string_view code);
// Code that starts commands (runs_commands) or runs or loads other code.
bool runs_code(std::string_view code);
// Code split in two: `rest`, the code with each call that runs a fixed
// command blanked out (the same length, so positions hold), and `fixed`,
// the text of those calls. A fixed command is a runner's call whose
// arguments are all literals: plain strings of letters, digits, blanks and
// - _ . / = : , + % (no quote, '$', '@' or '\\', so no language's
// interpolation), lists and tuples of them, and output and error settings
// (subprocess.run(["nvidia-smi", "-L"], capture_output=True),
// os.system("hostname -s"), system("date")); its program only shows data
// (hostname, nvidia-smi, date, squeue, ls, cat, ...), and it gets neither
// input, environment, directory nor program from the call. The command
// line is the same whatever the task's values are, so code that reads a
// value and runs only fixed commands runs none of the value (`rest` does
// not run code); a file or tree the fixed text names may still run, and
// the command reads what is left of the code's input. `import
// subprocess` lines go with the calls when nothing else names the module.
// Code that writes files or sets environment variables has none (the
// command may read what it wrote: a file, TAR_OPTIONS).
struct FixedCommands {
  std::string rest;
  std::string fixed;
};
FixedCommands split_fixed_commands(std::string_view code);
// Whether `program` only shows data (hostname, nvidia-smi, squeue, ls,
// cat, ...): it runs no code it is given or finds and writes no file, so
// it starts no other program either.
bool shows_data_only(std::string_view program);
// The make programs: each imports every environment variable as a make
// variable and expands it where the makefile uses it ($(shell ...),
// recipe lines).
bool is_make(std::string_view name);
// make as a program in code: "make" or 'make' as an argv element,
// "/usr/bin/make", a command line "make TARGET" or "make -j8 ...", or
// after && ; | ` or cd DIR && in a shell string (not "make sure ...").
bool names_make(std::string_view code);
// Code that runs something and reads its standard input (input(),
// sys.stdin, <STDIN>, process.stdin, gets), or starts a command at all
// (which inherits its standard input: os.system("sqlite3 runs.db")):
// what it reads may become a command.
bool input_reaches_code(std::string_view code);
// Whether code may write files: open() for writing (python's 'w'/'a'
// modes, perl's '>'), write, copy, rename, links, savers, awk's print >.
bool writes_files(std::string_view code);
// The last components of the names of the files code opens, where it spells
// each (open("m.json"), open(d + "/READY"), open(f"{d}/s.json"),
// open(os.path.join(d, "e.json"))), or none when one is not spelled or the
// code writes otherwise (copies, renames, savers).
std::optional<std::vector<std::string>> names_of_files_it_opens(std::string_view code);
// Whether code sets environment variables or the working directory for
// the commands it starts (os.environ["X"] = ..., putenv, ENV["X"] = ...,
// process.env.X = ..., os.chdir).
bool sets_environment(std::string_view code);
// The variables code reads from the environment when it reads each by a
// literal name, or nothing when one read is not (os.environ.items(),
// expandvars, %ENV, a name in a variable).
std::optional<std::vector<std::string>> environment_names_read(std::string_view code);

}  // namespace slurmglue::compiler::foreign
