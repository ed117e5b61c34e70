// What common programs do with their words, as the value-flow pass needs
// to know it: which programs are shells and interpreters, which options take
// program text, run a command line or name a file of commands, which words
// of curl and wget are URLs, and which programs run another (runners) with
// which options.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/ast.hpp"

namespace slurmglue::compiler::programs {

// (Inline: they run for nearly every word the template has.)
// (Nearly every test is a miss: the size and first byte decide most of
// them without a call to memcmp.)
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (const auto s : set)
    if (s.size() == w.size() && (w.empty() || (s[0] == w[0] && s == w))) return true;
  return false;
}
// Whether any of `parts` occurs in `text`.
inline bool one_of_found(std::string_view text, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return text.find(p) != std::string_view::npos; });
}
// Whether `w` is one of the blank-separated entries of `list`, which must
// be text of static storage (a literal or a table of them): its address and
// size name the set of its entries, made at its first use, so a test is one
// hash lookup however long the list (the value-flow pass asks thousands of
// lists about every command).
bool listed(std::string_view list, std::string_view w);
// Runners of recipes, rules and tasks that put their arguments into the
// shell commands they run (just's {{lr}}, snakemake's {config[lr]}, go-task's
// CLI_ARGS, nextflow's params, CWL and WDL inputs, tox's --override,
// invoke's and fabric's c.run(f"... {arg}"), doit's %(param)s, rake's
// sh "... #{args}", poethepoet's cmd tasks).
inline bool fills_recipes(std::string_view w) {
  return one_of(w, {"just", "snakemake", "task", "go-task", "nextflow", "cwltool", "cwl-runner", "toil-cwl-runner", "miniwdl", "tox",
                    "invoke", "inv", "fab", "fab2", "doit", "rake", "poe"});
}
inline std::string_view basename_of(std::string_view w) {
  const auto slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

bool is_shell(std::string_view c);
// Programs whose options -c, -e (...) take a program text, and that read a
// program from standard input when given no script.
bool is_interpreter(std::string_view c);
// A program's name without a version after it (wish8.6 -> wish, ansys232 -> ansys).
std::string_view unversioned(std::string_view c);
bool is_sed(std::string_view c);
bool is_awk_or_sed(std::string_view c);
// jq and the programs that take jq's filters (yq, xq, tomlq, gojq, jaq).
bool is_jq_like(std::string_view c);
// The option letters that take a program text, per kind of program.
std::string_view code_option_letters(std::string_view c);
// Interpreters that run their code options first and then still their file
// operands (lua -e STAT SCRIPT, expect -c CMDS FILE, gnuplot -e CMDS FILE),
// where perl, python, node and the shells take those words as arguments.
bool code_options_keep_operands(std::string_view c);
// For programs whose short options the compiler knows as clusters (the
// shells, python, perl, ruby, tar, rsync): the letters that take the rest
// of the word as their value (python -W, set -o, tar -C); nullopt for any
// other program. (perl's -0 and -l and ruby's -0 and -W read digits, and
// the cluster goes on after them: they are flags here.)
std::optional<std::string_view> cluster_value_letters(std::string_view c);
// An interpreter's own options that choose code it loads before its script
// or instead of it: python -mMODULE, ruby -rLIB -IDIR, perl -IDIR, lua
// -lNAME, node -r/--require/--import/--loader.
std::string_view code_loading_options(std::string_view c);
// Options whose value is code in the program's own language: blender
// --python-expr, gimp -b, gdal_calc.py --calc (eval), smbclient -c ('!'
// runs a shell command), pymol -d, chimerax --cmd, jrunscript -e, gs -c.
std::string_view code_value_options(std::string_view c);
// TeX engines, which read an operand as TeX source (\write18 runs a
// shell command under -shell-escape) or as the file to input and the rest
// of its line as source.
bool is_tex_engine(std::string_view c);
// Options whose value the program runs as a command line (rsync -e, tar -I).
std::string_view command_options(std::string_view program);
// Options naming a file whose contents run commands or load code (less -k).
std::string_view command_file_options(std::string_view program);
// The URLs among a curl or wget command's words.
std::vector<const ShellWord*> fetched_urls(const std::vector<const ShellWord*>& words, std::string_view prog);
// Programs batch scripts commonly run, by name: the value-flow pass does
// not take a file the template sources (which it does not read) to define
// functions named like them.
bool is_well_known_program(std::string_view name);
// Programs that copy, compare, count, show, pack or move a file's bytes
// and read no structure in them (cat, cp, grep, tar, sha256sum).
bool moves_bytes_only(std::string_view name);
// Programs known to read their standard input as data (text to filter,
// count, compress, send or store), never as commands: the programs above
// and the like (jq, sendmail, logger, nc). A here-document or here-string
// given to a program neither this nor the interpreter lists know may be
// its program (gdl, sas, a solver's input deck).
bool reads_input_as_data(std::string_view name);
// "-", /dev/stdin and the other names of standard input.
bool names_stdin(std::string_view w);

// Whether an option or override key (--ckpt_path, --resume-from,
// model.restore_from_path, MODEL.WEIGHTS, --load) names the checkpoint,
// weights or saved model a program restores: torch.load unpickles it, a
// .nemo file's config names classes NeMo instantiates.
// `resuming`: the command also has such a key written out (--resume_from_checkpoint
// True, --init_from=resume): then an output directory's key (--output_dir,
// --out_dir, --work-dir, --save) names where it restores from too.
bool restores_saved_state(std::string_view key, bool resuming = false);

// A program that runs another program named by one of its operands.
struct RunnerSpec {
  std::string_view name;
  std::string_view flags;     // options without an argument
  std::string_view with_arg;  // options with one
  int operands_before = 0;    // operands before the command (timeout's duration, taskset's mask)
  std::string_view subcommands = "";  // the first operand must be one of these (singularity exec, conda run)
  std::string_view code_options = "";  // options whose argument is a command line parsed again (flock -c)
  std::string_view subcommand_groups = "";  // words that may stand before the subcommand (docker container run)
  std::string_view two_args = "";  // options with two (mpirun --mca NAME VALUE, -genv NAME VALUE)
};

// Whether the program `name` runs a command line given as its arguments or
// a script: a shell, an interpreter, a runner (nice, sudo, mpirun), srun,
// salloc, sbatch, eval or exec.
bool runs_a_command(std::string_view name);
// Whether `name` is an MPI launcher read with mpirun's or mpiexec's
// options: any name starting with mpirun or mpiexec (mpirun.openmpi,
// mpiexec.hydra, mpirun_rsh), orterun, prterun.
bool is_mpi_launcher(std::string_view name);
// Whether the environment manager `runner` (conda, mamba, uv, poetry,
// pixi...) runs no command given the subcommand `sub`: install, create,
// add, sync and the like only fetch packages (their operands are packages,
// not a command line; ./env after -p is a directory).
bool runs_no_command(std::string_view runner, std::string_view sub);
// The runner named `name` (mpirun.openmpi is mpirun), or null.
const RunnerSpec* find_runner(std::string_view name);
// The runner whose options `r` shares (mpiexec has mpirun's).
const RunnerSpec* options_of(const RunnerSpec* r);

// srun's options beyond sbatch's (sbatch's come from the catalog).
extern const std::string_view kSrunFlags;
extern const std::string_view kSrunArgs;

}  // namespace slurmglue::compiler::programs
