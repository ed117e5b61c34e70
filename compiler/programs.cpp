#include "compiler/programs.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace slurmglue::compiler::programs {

bool listed(std::string_view list, std::string_view w) {
  // The entries of one list, with the lengths and first bytes among them:
  // nearly every test is a miss that those two settle without hashing.
  struct Entries {
    std::uint64_t lengths = 0;  // bit n: an entry of n bytes (63: longer)
    std::uint64_t firsts[4] = {0, 0, 0, 0};
    std::unordered_set<std::string_view> names;
  };
  // Lists are found by their address; a small table in front of the map
  // saves its hashing for the few hundred lists a template's commands ask.
  struct Slot {
    const char* data = nullptr;
    std::size_t size = 0;
    const Entries* entries = nullptr;
  };
  thread_local std::unordered_map<const char*, std::unordered_map<std::size_t, Entries>> sets;
  thread_local Slot recent[1024];
  auto& slot = recent[(reinterpret_cast<std::uintptr_t>(list.data()) >> 3 ^ list.size()) & 1023];
  if (slot.data != list.data() || slot.size != list.size()) {
    auto [it, made] = sets[list.data()].try_emplace(list.size());
    if (made)
      for (std::size_t k = 0; k < list.size();) {
        const auto blank = std::min(list.find(' ', k), list.size());
        if (blank > k) {
          const auto entry = list.substr(k, blank - k);
          it->second.names.insert(entry);
          it->second.lengths |= std::uint64_t{1} << std::min<std::size_t>(entry.size(), 63);
          const auto first = static_cast<unsigned char>(entry[0]);
          it->second.firsts[first >> 6] |= std::uint64_t{1} << (first & 63);
        }
        k = blank + 1;
      }
    slot = Slot{list.data(), list.size(), &it->second};
  }
  const Entries& e = *slot.entries;
  if (w.empty() || !(e.lengths >> std::min<std::size_t>(w.size(), 63) & 1)) return false;
  const auto first = static_cast<unsigned char>(w[0]);
  if (!(e.firsts[first >> 6] >> (first & 63) & 1)) return false;
  return e.names.count(w) > 0;
}

// A program's name without a version after it (wish8.6, ansys232,
// octave-8.4, bash-5.2), or the name.
std::string_view unversioned(std::string_view c) {
  auto end = c.find_last_not_of("0123456789.");
  if (end == std::string_view::npos || end + 1 == c.size()) return c;
  if (c[end] == '-' || c[end] == '_') --end;
  return end == std::string_view::npos ? c : c.substr(0, end + 1);
}

namespace {

// A predicate's answer for the name it was asked last: the value-flow pass
// asks the same few names (the command's program) dozens of times per
// command.
template <bool (*Predicate)(std::string_view)>
bool remembered(std::string_view name) {
  thread_local std::string last;
  thread_local bool answer = false, asked = false;
  if (asked && std::string_view(last) == name) return answer;
  answer = Predicate(name);
  last.assign(name);
  asked = true;
  return answer;
}

// These run for every command the template has: hashed, not scanned.
bool is_shell_name(std::string_view c) {
  static const std::unordered_set<std::string_view> kShells = {
      "bash", "sh", "dash", "zsh", "ksh", "ksh93", "mksh", "ash", "yash", "fish", "csh", "tcsh",
      "rbash", "posh", "oksh", "elvish", "nu", "xonsh", "bash-static", "osh", "ysh", "oil", "loksh", "pdksh", "brush"};
  return kShells.count(c) > 0 || (unversioned(c) != c && kShells.count(unversioned(c)) > 0);
}
bool is_interpreter_name(std::string_view c) {
  static const std::unordered_set<std::string_view> kInterpreters = {
      "node", "nodejs", "Rscript", "R", "julia", "osascript", "jshell", "deno", "bun", "ipython",
      "wish", "expect", "guile", "racket", "sbcl", "ocaml", "ghci", "runghc", "groovy", "scala",
      "kotlin", "jruby", "irb", "pwsh", "powershell", "gdb", "lldb", "octave", "matlab", "sage",
      "maxima", "gnuplot", "bc", "dc", "m4", "jq", "make", "gmake", "cmake", "elixir", "erl", "escript", "ghc",
      "swift", "clisp", "gst", "crystal", "jython", "graalpy", "iex", "ipython3", "raku", "rakudo", "micropython",
      "wolframscript", "idl", "ncl", "root", "root.exe", "octave-cli", "maxima", "gdl", "scilab", "scilab-cli",
      "scilab-adv-cli", "wolfram", "WolframKernel", "MathKernel", "math", "maple", "M2", "Singular", "gap", "magma",
      "gprolog", "yap", "swipl", "pymol", "pvpython", "pvbatch", "freecadcmd", "nrniv", "vmd", "tleap"};
  if (kInterpreters.count(c) || (unversioned(c) != c && kInterpreters.count(unversioned(c)))) return true;
  for (std::string_view prefix : {"python", "pypy", "perl", "ruby", "php", "lua", "tclsh"})
    if (c.substr(0, prefix.size()) == prefix) return true;
  return false;
}

}  // namespace

bool is_shell(std::string_view c) { return remembered<is_shell_name>(c); }
// Programs whose options -c, -e (...) take a program text, and that read a
// program from standard input when given no script.
bool is_interpreter(std::string_view c) { return remembered<is_interpreter_name>(c); }
bool is_sed(std::string_view c) { return c == "sed" || c == "gsed"; }
bool is_jq_like(std::string_view c) { return one_of(c, {"jq", "gojq", "jaq", "yq", "xq", "tomlq", "jj"}); }
bool is_awk_or_sed(std::string_view c) { return is_sed(c) || one_of(c, {"awk", "gawk", "mawk", "nawk", "busybox-awk"}); }
// The option letters that take a program text, per kind of program.
std::string_view code_option_letters(std::string_view c) {
  if (is_shell(c)) return "c";
  if (c == "gdb" || c == "lldb") return "x";  // a file of commands: with /dev/stdin it is the input
  if (c.rfind("php", 0) == 0) return "rRBE";  // -r CODE, -B/-R/-E: code run before, for and after each line
  if (c == "cmake") return "";  // -D NAME=VALUE, -E COMMAND: read where cmake is
  if (c == "m4") return "D";    // -DNAME=TEXT: a macro, whose text may call syscmd
  if (c == "expect" || c == "tclsh" || c == "wish") return "c";
  if (c.rfind("python", 0) == 0 || c.rfind("pypy", 0) == 0 || one_of(c, {"ipython", "ipython3", "jython", "graalpy", "micropython"}))
    return "c";
  if (c == "clisp") return "x";
  if (one_of(c, {"elixir", "iex", "ghc", "swift", "gst"})) return "e";
  if (one_of(c, {"erl", "escript", "pwsh", "powershell"})) return "";  // word options (-noshell, -eval, -Command)
  if (c.rfind("perl", 0) == 0 || c == "julia") return "eE";
  if (one_of(c, {"node", "nodejs", "deno", "bun"})) return "ep";
  if (c.rfind("ruby", 0) == 0 || c.rfind("lua", 0) == 0 || c.rfind("octave", 0) == 0 ||
      one_of(c, {"Rscript", "R", "jruby", "raku", "rakudo", "idl"}))
    return "e";
  if (c == "wolframscript") return "c";  // -c CODE, -code CODE
  return "ceE";
}
bool code_options_keep_operands(std::string_view c) {
  return c.rfind("lua", 0) == 0 || one_of(c, {"expect", "tclsh", "wish", "gnuplot", "octave", "octave-cli", "m4", "bc", "dc"});
}
std::optional<std::string_view> cluster_value_letters(std::string_view c) {
  if (is_shell(c)) return "oO";
  static constexpr std::pair<std::string_view, std::string_view> kValueLetters[] = {
      {"python", "WXcmQ"}, {"pypy", "WXcmQ"}, {"perl", "eEMmdFIix"}, {"ruby", "eErICxTF"},
      {"tar", "fCIbgKLMNTVXFH"}, {"gtar", "fCIbgKLMNTVXFH"}, {"rsync", "eBfTM"}};
  for (const auto& [name, letters] : kValueLetters)
    if (c.rfind(name, 0) == 0) return letters;
  return std::nullopt;
}
std::string_view code_loading_options(std::string_view c) {
  if (c.rfind("python", 0) == 0 || c.rfind("pypy", 0) == 0) return "-m";
  if (c.rfind("ruby", 0) == 0 || c == "jruby") return "-r -I";
  if (c.rfind("perl", 0) == 0) return "-I";
  if (c.rfind("lua", 0) == 0) return "-l";
  if (one_of(c, {"node", "nodejs", "bun"})) return "-r --require --import --loader --experimental-loader";
  return "";
}
std::string_view code_value_options(std::string_view c) {
  if (c.rfind("blender", 0) == 0) return "--python-expr";  // Python
  if (c.rfind("gimp", 0) == 0) return "-b --batch";         // Script-Fu or python-fu-eval
  if (c == "gdal_calc.py" || c == "gdal_calc") return "--calc";  // Python's eval
  if (c == "smbclient") return "-c --command";                // its commands, and '!' runs a shell command
  if (c == "lftp") return "-e -c";                            // its commands, ';'-separated; '!' runs a shell command
  if (c == "pymol") return "-d";                              // PyMOL commands (python, system)
  if (c == "chimerax" || c == "ChimeraX" || c == "chimera") return "--cmd";
  if (c == "jrunscript") return "-e";                         // JavaScript
  if (c == "gs" || c == "gsc" || c == "ghostscript") return "-c";  // PostScript (file operators)
  return "";
}
bool is_tex_engine(std::string_view c) {
  return one_of(c, {"tex", "etex", "pdftex", "xetex", "luatex", "latex", "pdflatex", "xelatex", "lualatex", "amstex",
                    "context", "luahbtex", "lualatex-dev", "pdflatex-dev", "platex", "uplatex"});
}
// Options whose value the program runs as a command line, per program.
std::string_view command_options(std::string_view program) {
  if (program == "rsync") return "-e --rsh --rsync-path";
  // (tar's: compiler/tar_command.hpp, which reads its clusters as tar does.)
  if (program == "sort") return "--compress-program";
  if (program == "man") return "-P --pager -H --html";  // the pager, the browser it runs
  if (program == "split") return "--filter";
  if (program == "wget") return "--use-askpass -e --execute";  // -e runs a wgetrc command (use_askpass=PROG)
  if (program == "srun" || program == "salloc") return "--prolog --epilog --task-prolog --task-epilog";
  if (program == "scp" || program == "sftp") return "-S -o";
  if (program == "zip") return "-TT --unzip-command";
  if (program == "curl") return "-K --config";
  if (program == "cargo") return "--config";           // KEY=VALUE or a file: target.*.runner runs a program
  if (program == "go") return "-toolexec -exec";       // go build -toolexec, go run/test -exec
  if (program == "dvc") return "-S --set-param";       // a stage's command takes the parameter's text
  if (program == "nextflow") return "-plugins";        // plugins it downloads and loads
  // Workflow engines paste a parameter's text into their steps' scripts:
  // argo's {{workflow.parameters.X}}, Tekton's $(params.X), Cloud Build's
  // $_X substitutions (round 136; gh and az: workflow_parameters).
  if (program == "argo") return "-p --parameter";
  if (program == "tkn") return "-p --param";
  // wandb launch splits its entry point and joins the words unquoted into
  // a docker run line bash runs (attack 143).
  if (program == "wandb") return "-E --entry-point";
  if (program == "helm") return "--post-renderer";     // a program helm runs
  if (program == "gcloud") return "--command --substitutions";  // gcloud compute ssh --command runs on the instance
  if (program == "vagrant") return "-c --command";
  if (program == "az") return "--scripts";             // az vm run-command invoke --scripts
  if (program == "aws") return "--parameters";         // aws ssm send-command --parameters commands=...
  if (program == "systemd-run") return "-p --property";  // ExecStartPre=, Environment= split at blanks
  if (program == "pytest" || program == "py.test") return "-o --override-ini";  // addopts=-p MODULE
  if (program == "pylint") return "--load-plugins --init-hook";
  if (program == "aria2c")
    return "--on-download-complete --on-download-error --on-download-start --on-download-stop --on-download-pause "
           "--on-bt-download-complete";
  // Spark properties and driver JVM options: spark.driver.extraJavaOptions
  // (-javaagent:), spark.pyspark.python choose code the job runs.
  if (program == "spark-submit" || program == "pyspark" || program == "spark-shell")
    return "--conf -c --driver-java-options";
  if (program == "ssh-keygen" || program == "openssl") return "";
  return "";
}
// The URLs among a curl or wget command's words: its operands and --url's
// value, not the values of its other options (-o FILE, -F NAME=TEXT, -H).
// An option the lists below do not know is taken to take no value, so that
// a URL after it is still one.
std::vector<const ShellWord*> fetched_urls(const std::vector<const ShellWord*>& words, std::string_view prog) {
  const bool curl = prog == "curl";
  const std::string_view short_with_value = curl ? "AbcCdDeEFHKmoPQrTtuUwxXYyz" : "OoaPUeitTwQlARDXIB";
  const std::string_view long_with_value =
      curl ? "--data --data-raw --data-binary --data-urlencode --data-ascii --form --form-string --header --user "
             "--output --output-dir --request --user-agent --referer --cookie --cookie-jar --upload-file --write-out "
             "--proxy --proxy-user --max-time --connect-timeout --retry --retry-delay --retry-max-time --config "
             "--cert --key --cacert --capath --range --continue-at --time-cond --limit-rate --json --url-query "
             "--oauth2-bearer --resolve --connect-to --interface --dns-servers --max-filesize --speed-limit "
             "--speed-time --netrc-file --trace --trace-ascii --stderr --dump-header --etag-save --etag-compare "
             "--max-redirs --unix-socket --abstract-unix-socket --variable --aws-sigv4 --parallel-max --local-port "
             "--keepalive-time --expect100-timeout --cert-type --key-type --pass --ciphers --proto --proto-redir"
           : "--output-document --output-file --append-output --directory-prefix --user-agent --execute "
             "--input-file --tries --timeout --wait --quota --level --accept --reject --domains --base "
             "--exclude-directories --include-directories --header --user --password --post-data --post-file "
             "--body-data --body-file --method --referer --load-cookies --save-cookies --ca-certificate "
             "--certificate --private-key --limit-rate --config --bind-address";
  std::vector<const ShellWord*> out;
  std::size_t from = 0;
  while (from < words.size() && basename_of(words[from]->text) != prog) ++from;
  for (std::size_t k = from + 1; k < words.size(); ++k) {
    const auto& w = words[k]->text;
    if (w.size() > 1 && w[0] == '-') {
      if (w == "--url") {
        if (k + 1 < words.size()) out.push_back(words[++k]);
      } else if (w.rfind("--url=", 0) == 0) {
        out.push_back(words[k]);
      } else if (w[1] == '-' ? w.find('=') == std::string::npos && listed(long_with_value, w)
                             : short_with_value.find(w.back()) != std::string_view::npos) {
        ++k;  // the option's value
      }
      continue;
    }
    out.push_back(words[k]);
  }
  return out;
}

// Options naming a file whose contents run commands or load code: a lesskey
// source (its #env section sets LESSOPEN), ssh's and tmux's configurations
// (ProxyCommand, run-shell), a makefile, cmake's scripts, openssl's (it
// loads engines), npm's (script-shell), pytest's (plugins), nextflow's.
std::string_view command_file_options(std::string_view program) {
  if (is_mpi_launcher(program)) program = "mpirun";
  static constexpr struct {
    std::string_view programs, options;
  } kFiles[] = {
      {"less", "-k --lesskey-file --lesskey-src --lesskey-content"},
      {"ssh scp sftp", "-F"},
      {"tmux", "-f"},
      {"screen", "-c"},
      {"make gmake", "-f --file --makefile"},
      {"cmake", "-C -P"},
      {"openssl", "-config"},
      {"wget", "--config"},
      {"mysql mariadb mysqldump", "--defaults-file --defaults-extra-file"},
      {"npx", "--userconfig --globalconfig"},
      {"pytest py.test", "-c --config-file --confcutdir"},
      {"pylint", "--rcfile"},
      {"pip pip3", "--config-file"},
      {"aria2c", "--conf-path"},
      {"gpg gpg2", "--options --homedir"},
      {"spark-submit pyspark spark-shell", "--properties-file"},  // spark.driver.extraJavaOptions, spark.jars
      {"nextflow", "-c -C -config"},
      // Configuration that names credential helpers, package indexes and
      // the hosts a launcher starts processes on; docker compose -f (a
      // compose file mounts and privileges what it likes) and docker build
      // -f (a Dockerfile's RUN lines run).
      {"docker podman", "--config -f --file"},
      {"docker-compose podman-compose", "-f --file --project-directory --env-file"},
      {"uv", "--config-file"},
      {"singularity apptainer", "--config"},
      // (and an MPMD launch's file of command lines: MPICH's and Intel
      // MPI's -configfile, Open MPI's --app)
      {"mpirun",
       "--hostfile -hostfile --machinefile -machinefile --default-hostfile -f -configfile --configfile --app -app"},
      // A task runner's project, build or configuration file (its commands run).
      {"npm pnpm", "--prefix -C --userconfig --globalconfig"},
      {"yarn", "--cwd --userconfig --globalconfig"},
      {"ctest", "-S -SP --script --extra-submit"},
      {"pre-commit", "-c --config"},
      {"tox", "-c --root --conf --workdir"},
      {"just", "-f --justfile -d --working-directory"},
      {"task go-task", "-t --taskfile -d --dir"},
      {"invoke inv", "-c --collection -r --search-root"},
      {"cargo", "--manifest-path"},
      {"gradle gradlew", "-b --build-file -c --settings-file -p --project-dir"},
      {"mvn", "-f --file -s --settings"},
      {"ant rake scons", "-f --file -buildfile --rakefile -C"},
      {"bazel", "--bazelrc"},
      {"pdm", "-p --project"},
      {"poetry", "-C --directory -P --project"},
      {"kubectl", "-f --filename -k --kustomize --kubeconfig"},  // a kubeconfig's exec plugin runs
      {"helm", "--kubeconfig"},
      {"ansible-playbook", "-i --inventory"},
      {"dvc", "--cd"},
      // Code a worker imports, environments' roots, pipeline profiles.
      {"dask dask-worker dask-scheduler", "--preload --preload-nanny"},
      {"rq", "-P --path"},  // a directory its worker imports from
      {"dagster dagster-daemon dagster-webserver dagit", "-f --python-file -w --workspace -d --working-directory"},
      {"micromamba mamba", "-r --root-prefix"},
      {"snakemake", "--profile --snakefile -s --configfile --configfiles"},
      // A server's configuration is Python it runs (gunicorn -c, hypercorn
      // -c); a logging configuration may name classes it instantiates.
      {"gunicorn hypercorn", "-c --config --log-config"},
      {"uvicorn", "--log-config --env-file"},
      {"celery", "--config"},
  };
  for (const auto& [programs, options] : kFiles)
    if (listed(programs, program)) return options;
  return "";
}
bool is_well_known_program(std::string_view name) {
  static const std::unordered_set<std::string_view> kPrograms = {
      // coreutils
      "arch", "b2sum", "base32", "base64", "basename", "basenc", "cat", "chgrp", "chmod", "chown", "cksum", "comm",
      "cp", "csplit", "cut", "date", "dd", "df", "dir", "dircolors", "dirname", "du", "env", "expand", "expr",
      "factor", "fmt", "fold", "groups", "head", "hostid", "hostname", "id", "install", "join", "link", "ln",
      "logname", "ls", "md5sum", "mkdir", "mkfifo", "mknod", "mktemp", "mv", "nice", "nl", "nohup", "nproc",
      "numfmt", "od", "paste", "pathchk", "pr", "printenv", "ptx", "readlink", "realpath", "rm", "rmdir", "seq",
      "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shred", "shuf", "sleep", "sort", "split",
      "stat", "stdbuf", "stty", "sum", "sync", "tac", "tail", "tee", "timeout", "touch", "tr", "truncate", "tsort",
      "tty", "uname", "unexpand", "uniq", "unlink", "uptime", "users", "wc", "who", "whoami", "yes", "time",
      // text, files, archives, network
      "grep", "egrep", "fgrep", "rg", "find", "xargs", "locate", "which", "whereis", "file", "less", "more", "diff",
      "cmp", "patch", "column", "rev", "iconv", "tput", "clear", "tar", "gtar", "gzip", "gunzip", "zcat", "pigz",
      "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzstd", "lz4", "zip", "unzip", "7z", "cpio", "rsync", "scp",
      "sftp", "ssh", "curl", "wget", "git", "git-lfs", "rclone", "aws", "gsutil", "gcloud", "az", "s3cmd", "ping",
      "ip", "ifconfig", "nslookup", "dig", "host", "getent", "nc", "ncat", "socat", "mail", "mailx", "sendmail",
      // processes and the machine
      "ps", "pgrep", "pkill", "killall", "top", "htop", "free", "vmstat", "iostat", "mpstat", "lscpu", "lsblk",
      "lspci", "lsof", "fuser", "ulimit", "numactl", "taskset", "ionice", "renice", "chrt", "setsid", "flock",
      "logger", "watch", "screen", "tmux", "sudo", "su", "runuser", "script", "strace", "ltrace", "gdb", "perf",
      "valgrind", "nvidia-smi", "rocm-smi", "dcgmi", "nvcc", "locale", "localedef",
      // building
      "make", "gmake", "cmake", "ctest", "ninja", "gcc", "g++", "cc", "c++", "clang", "clang++", "gfortran", "ld",
      "ar", "ldd", "mpicc", "mpicxx", "mpif90",
      // Slurm, containers, modules and environments
      "srun", "sbatch", "salloc", "scontrol", "squeue", "sacct", "sinfo", "scancel", "sstat", "sattach", "sbcast",
      "sreport", "sshare", "sprio", "singularity", "apptainer", "docker", "podman", "enroot", "ch-run", "shifter",
      "module", "ml", "spack", "conda", "mamba", "micromamba", "uv", "pip", "pip3", "virtualenv", "pipenv",
      "poetry", "pdm", "hatch", "pixi",
      // machine learning
      "torchrun", "accelerate", "deepspeed", "mpirun", "mpiexec", "horovodrun", "clearml-agent", "clearml-task",
      "clearml-data", "tensorboard", "wandb", "mlflow", "huggingface-cli", "hf", "jupyter", "papermill", "dvc"};
  return kPrograms.count(name) || is_shell(name) || is_interpreter(name) || is_awk_or_sed(name) || is_jq_like(name) ||
         find_runner(name) != nullptr;
}
bool moves_bytes_only(std::string_view name) {
  static const std::unordered_set<std::string_view> kPrograms = {
      "cat", "tac", "tee", "head", "tail", "less", "more", "grep", "egrep", "fgrep", "rg", "zgrep", "wc", "sort",
      "uniq", "cut", "paste", "tr", "diff", "cmp", "comm", "md5sum", "sha1sum", "sha224sum", "sha256sum",
      "sha384sum", "sha512sum", "b2sum", "cksum", "sum", "cp", "mv", "rm", "ln", "ls", "stat", "touch", "chmod",
      "chown", "chgrp", "echo", "printf", "gzip", "gunzip", "zcat", "pigz", "bzip2", "bunzip2", "xz", "unxz", "zstd",
      "unzstd", "lz4", "tar", "gtar", "zip", "unzip", "rsync", "scp", "file", "du", "realpath", "readlink",
      "basename", "dirname", "mkdir", "rmdir", "split", "csplit", "base64", "base32", "od", "xxd", "hexdump",
      "strings", "iconv", "dos2unix", "unix2dos", "truncate", "install", "dd", "nl", "fold", "fmt", "column", "rev",
      "shred", "unlink", "sync", "mktemp", "test", "[", "[[", "sleep"};
  return kPrograms.count(name) > 0;
}

bool reads_input_as_data(std::string_view name) {
  static const std::unordered_set<std::string_view> kPrograms = {
      "jq", "gojq", "jaq", "yq", "xq", "tomlq", "mlr", "csvtool", "csvlook", "csvcut", "sponge", "pv", "ts", "shuf",
      "expand", "unexpand", "join", "numfmt", "basenc", "ack", "ag", "bzcat", "xzcat", "zstdcat", "pbzip2", "brotli",
      "pixz", "lzma", "unlzma", "logger", "wall", "write", "sendmail", "msmtp", "ssmtp", "mail", "mailx", "Mail",
      "s-nail", "nail", "bsd-mailx", "heirloom-mailx", "nc", "netcat", "ncat", "socat", "gpg", "gpg2", "age",
      "cpio", "curl", "xclip", "true", "false", "date", "hostname", "nvidia-smi", "htpasswd",
      "docker", "podman", "kubectl", "aws", "gsutil", "gcloud", "az", "rclone", "s3cmd", "mc", "clearml-task",
      "clearml-data", "sqlformat", "xmllint", "tidy", "pandoc", "sha3sum", "md5", "wc", "restic"};
  return moves_bytes_only(name) || kPrograms.count(name) > 0;
}

bool names_stdin(std::string_view w) {
  return one_of(w, {"-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/dev/fd/0/"});
}



// Each runner's options, by the argument count its manual gives; an option
// not listed here before a value makes the value's role ambiguous (refused),
// unless written whole by the template as --name=value.
namespace {

constexpr std::string_view kPersonalityFlags =
    "-v --verbose -3 --3gb -4 --4gb -B --32bit -F --fdpic-funcs-ptrs -I --short-inode -L --addr-compat-layout -R "
    "--addr-no-randomize -S --whole-seconds -T --sticky-timeouts -X --read-implies-exec -Z --mmap-page-zero "
    "--uname-2.6";

constexpr RunnerSpec kRunners[] = {
    {"env", "-i -0 -v --ignore-environment --null --debug -", "-u -C --unset --chdir -P --default-signal "
     "--ignore-signal --block-signal", 0, "", "-S --split-string"},
    {"nohup", "", "", 0},
    {"setsid", "-c -f -w --ctty --fork --wait", "", 0},
    {"time", "-p -v --portability --verbose -a --append -q --quiet", "-o -f --output --format", 0},
    {"exec", "-c -l", "-a", 0},
    {"command", "-p", "", 0},
    {"builtin", "", "", 0},
    {"nice", "", "-n --adjustment", 0},
    {"ionice", "-t --ignore", "-c -n --class --classdata", 0},
    {"chrt", "-b -d -f -i -o -r -R -a -m -v --batch --deadline --fifo --idle --other --rr --reset-on-fork "
     "--all-tasks --verbose", "-T -P -D --sched-runtime --sched-period --sched-deadline", 1},
    {"taskset", "-a -c --all-tasks --cpu-list", "", 1},
    {"numactl", "-l -H -s --localalloc --hardware --show --all -a", "-N -m -C -i -p -P -b --cpunodebind --membind "
     "--physcpubind --interleave --preferred --preferred-many --balancing", 0},
    {"stdbuf", "", "-i -o -e --input --output --error", 0},
    {"chroot", "--skip-chdir", "--userspec --groups", 1},
    {"flock", "-s -x -u -n -o -e -F --shared --exclusive --unlock --nonblock --nb --close --no-fork --verbose",
     "-w -E --timeout --wait --conflict-exit-code", 1, "", "-c --command"},
    {"timeout", "-v -f --verbose --foreground --preserve-status", "-k -s --kill-after --signal", 1},
    {"sudo", "-E -H -n -P -S -b -k -A -B -e -s -i -N --preserve-env --set-home --non-interactive --stdin --background "
     "--reset-timestamp --askpass --bell --shell --login --no-update", "-u -g -C -D -h -p -r -t -T -U --user --group --close-from --chdir "
     "--host --prompt --role --type --command-timeout --other-user", 0},
    {"doas", "-n -L", "-u -C", 0},
    {"strace", "-f -ff -c -C -q -qq -t -tt -ttt -T -v -V -x -xx -y -yy -k -w -Z -z -n -F -d -D -DD -DDD -i -r -A "
     "--follow-forks --output-separately --summary-only --summary --summary-wall-clock --no-abbrev --verbose --raw "
     "--relative-timestamps --syscall-times --instruction-pointer --stack-trace --seccomp-bpf --failed-only "
     "--successful-only --output-append-mode",
     "-o -e -p -s -S -a -I -u -E -b -O -P -X -U --output --trace --signal --attach --string-limit --user --env "
     "--trace-path --status --summary-sort-by --summary-columns --columns --detach-on --interruptible "
     "--summary-syscall-overhead --const-print-style", 0},
    {"ltrace", "-f -c -C -i -r -S -t -tt -ttt -T", "-o -e -p -s -n -u -l -L -x -a", 0},
    {"valgrind", "-q -v --quiet --verbose", "", 0},
    {"mpirun", "-v --verbose -q --quiet --oversubscribe --allow-run-as-root --report-bindings --tag-output "
     "--timestamp-output -tag-output -timestamp-output -report-bindings -oversubscribe -allow-run-as-root "
     "--display-map -display-map --noprefix -noprefix --nolocal -nolocal", "-np -n -c -N -H -x -host --host "
     "-hostfile --hostfile -machinefile --machinefile -npernode --npernode -ppn --ppn --map-by -map-by --bind-to "
     "-bind-to --rank-by -rank-by -wdir --wdir -wd -f -hosts -genvlist -envlist -bootstrap "
     "-launcher -iface -prefix --prefix --np -npersocket --npersocket -rf --rankfile", 0, "", "", "",
     "--mca -mca --gmca -gmca -genv -env --prtemca --pmixmca"},
    {"mpiexec", "", "", 0},  // filled from mpirun below
    {"xargs", "-0 -r -t -p -x -o --null --no-run-if-empty --verbose --interactive --exit --open-tty",
     "-I -n -P -L -d -a -E -s -i -l -e --max-args --max-procs --max-lines --delimiter --arg-file --eof "
     "--max-chars --replace --process-slot-var", 0},
    {"watch", "-b -c -d -e -g -p -t -x -w --beep --color --differences --errexit --chgexit --precise "
     "--no-title --exec --no-wrap", "-n -q --interval --equexit", 0},
    {"singularity", "--nv --rocm -c -C -e -u -w --contain --containall --cleanenv --userns --writable "
     "--writable-tmpfs --fakeroot --no-home --no-init --no-privs --no-umask --nvccli --pid --ipc "
     "--compat --no-https --disable-cache --keep-privs -q -s -d -v --quiet --silent --debug --verbose --unsquash --sif-fuse --uts",
     "-B -H -W -o --bind --mount --env --env-file --home --pwd --workdir --overlay --network --network-args --no-mount "
     "--security --hostname --scratch --app --dns --apply-cgroups --drop-caps --add-caps --cpus --memory "
     "--pidfile --fusemount --cwd", 1, "exec run test start", "", "instance"},
    {"apptainer", "", "", 1, "exec run test start", "", "instance"},  // filled from singularity below
    {"conda", "--no-capture-output --live-stream --debug-wrapper-scripts -v --verbose", "-n -p --name --prefix "
     "--cwd", 0, "run"},
    {"mamba", "", "", 0, "run"},
    {"micromamba", "", "", 0, "run"},
    {"uv", "--no-project --isolated --no-sync --frozen --locked --all-extras -q -v --quiet --verbose",
     "--with --python -p --extra --project --directory --env-file --group --package", 0, "run"},
    {"poetry", "-q -v --quiet --verbose --no-interaction -n", "--directory -C -P --project", 0, "run"},
    {"pipenv", "", "", 0, "run"},
    {"pixi", "--frozen --locked -v -q", "-e --environment --manifest-path", 0, "run"},
    {"enroot", "-r -w --root --rw", "-c -e -m --conf --env --mount", 1, "start exec"},
    // Launchers whose options the compiler does not list: any option before
    // a value (but a whole --name=value) leaves its role unknown (refused).
    {"setpriv", "", "", 0},
    // setarch ARCH and its other names (linux64, x86_64, i386: the
    // architecture is the name, see find_runner): personality flags only.
    {"setarch", kPersonalityFlags, "", 1},
    {"linux64", kPersonalityFlags, "", 0},
    // glibc's memusage profiles the program it runs.
    {"memusage", "-u --unbuffered -m --mmap -t --time-based -T --total", "-n --progname -p --png -d --data -b "
     "--buffer -x --x-size -y --y-size --title", 0},
    // Profilers and tracers that run a program (their options are not
    // listed: any before a value, but a whole --name=value, leaves its
    // role unknown).
    {"nvprof", "", "", 0},
    {"rocprof", "", "", 0},
    {"rocprofv2", "", "", 0},
    {"hpcrun", "", "", 0},
    {"likwid-perfctr", "", "", 0},
    {"tau_exec", "", "", 0},
    {"vtune", "", "", 0},
    {"map", "", "", 0},
    {"rr", "", "", 0, "record"},
    {"heaptrack", "", "", 0},
    {"hwloc-bind", "", "", 1},
    {"chpst", "", "", 0},
    {"likwid-pin", "", "", 0},
    {"tini", "", "", 0},
    {"dumb-init", "", "", 0},
    {"ch-run", "-w --write --no-home --no-passwd --private-tmp -t -v --verbose -q --quiet --join -j",
     "-b --bind -c --cd -g --gid -u --uid -m --mount -s --storage", 1},
    {"shifter", "", "", 0},
    {"sarus", "", "", 1, "run"},
    {"podman-hpc", "", "", 1, "run exec"},
    {"hatch", "", "", 0, "run"},
    {"pdm", "", "", 0, "run"},
    {"rye", "", "", 0, "run"},
    {"direnv", "", "", 1, "exec"},
    {"ccache", "", "", 0},
    {"distcc", "", "", 0},
    {"uvx", "", "", 0},
    {"pipx", "", "", 0, "run"},
    // npx PKG, npm exec PKG: a package's program; -c/--call: a shell command line.
    {"npx", "-y --yes --no -q --quiet", "-p --package", 0, "", "-c --call"},
    {"npm", "-y --yes --no -q --quiet -ws --workspaces --include-workspace-root", "-p --package -w --workspace "
     "--prefix", 0, "exec x", "-c --call"},
    {"yarn", "", "", 0, "exec dlx"},
    {"pnpm", "", "", 0, "exec dlx"},
    {"bunx", "", "", 0},
    {"guix", "", "", 0, "shell environment"},
    {"spack", "", "", 0, "exec"},
    {"module", "", "", 0, "exec"},
    {"docker", "-d -i -t --rm --init --privileged --detach --interactive --tty --read-only -P", "-e -v -w -u -p "
     "--env --volume --workdir --user --name --network --gpus --entrypoint --ipc --shm-size --mount --device "
     "--env-file --runtime --platform --pull --label -l --hostname -h --memory -m --cpus --ulimit --net --cap-add "
     "--cap-drop --security-opt --pid --userns --uts --cgroupns --group-add --volumes-from --device-cgroup-rule "
     "--cgroup-parent --add-host --dns --tmpfs --sysctl --restart --publish --cidfile --log-driver --log-opt "
     "--stop-signal --cpuset-cpus --memory-swap --pids-limit --label-file", 1, "run exec create", "",
     "container"},
    {"podman", "", "", 1, "run exec create", "", "container"},  // filled from docker below
    {"nsys", "", "-o -t -s -w -c -d -y -e -b -f -n -x -p --output --trace --sample --delay --duration "
     "--capture-range --stats --force-overwrite --wait --export --cuda-memory-usage --gpu-metrics-device", 0,
     "profile launch"},
    {"ncu", "-f --force-overwrite", "-o -k -c -s --set --section --metrics --target-processes --export "
     "--kernel-name --launch-count --launch-skip", 0},
    {"perf", "-a -g -q -v", "-o -e -F -c -p -t -C --output --event --freq --count --pid --tid --cpu", 0,
     "record stat trace"},
    {"unshare", "-m -u -i -n -p -U -C -T -f -r --mount --uts --ipc --net --pid --user --cgroup --time --fork "
     "--map-root-user --mount-proc", "", 0},
    {"prlimit", "", "", 0},
    {"cgexec", "--sticky", "-g", 0},
    {"systemd-run", "--user --scope -t -P -G --pty --pipe --wait --collect -q --quiet", "-p -u -E --property "
     "--unit --setenv --uid --gid --slice --working-directory -M --machine", 0},
    {"xvfb-run", "-a --auto-servernum", "-e -f -n -p -s -w --error-file --auth-file --server-num "
     "--xauth-protocol --server-args --wait", 0},
    {"dbus-run-session", "", "--config-file --dbus-daemon", 0},
    {"catchsegv", "", "", 0},
    {"fakeroot", "-u --unknown-is-real", "-l -s -i -b --lib --faked", 0},
    {"eatmydata", "", "", 0},
    {"faketime", "-m -f", "", 1},
    {"unbuffer", "-p", "", 0},
    // More wrappers that run the command after their options: VirtualGL,
    // memory_profiler (mprof runs a script or a program), systemd-inhibit,
    // nocache, daemonize, Score-P's compiler wrapper, torsocks,
    // proxychains, trickle, GNU coreutils as g-prefixed names.
    // Run a command as another user: gosu USER CMD, su-exec, setuidgid.
    {"bundle", "--verbose --no-color", "--gemfile --keep-file-descriptors", 0, "exec"},
    {"gosu", "", "", 1},
    {"su-exec", "", "", 1},
    {"setuidgid", "", "", 1},
    {"s6-setuidgid", "", "", 1},
    // Flux's run and submit; Bumblebee's optirun and primusrun; caffeinate,
    // timelimit, run-one, cpulimit, moreutils' ifne, systemd-cat, austin.
    {"flux", "-v --verbose --quiet --wait --watch -x --exclusive --unbuffered", "-N -n -c -g -t -o -S --nodes "
     "--ntasks --cores-per-task --gpus-per-task --cores --gpus-per-node --time-limit --setopt --setattr --env "
     "--env-remove --env-file --output --error --input --label-io --job-name --queue -q --urgency --dependency "
     "--cwd --requires --begin-time --signal --taskmap --flags --cc --bcc --log --log-stderr", 0, "run submit"},
    {"optirun", "--failsafe --no-xorg --debug --quiet", "-b -c --vgl-options --bridge --compress", 0},
    {"primusrun", "", "", 0},
    {"caffeinate", "-d -i -m -s -u", "-t -w", 0},
    {"timelimit", "-p -q", "-t -T -s -S", 0},
    {"run-one", "", "", 0},
    {"run-this-one", "", "", 0},
    {"cpulimit", "-k -r -v -z --kill --restore --verbose --lazy", "-l -p -e -i --limit --pid --exe", 0},
    {"ifne", "-n", "", 0},
    {"systemd-cat", "--level-prefix", "-t -p --identifier --priority --stderr-priority", 0},
    {"austin", "-C -s -m -b --children --sleepless --memory --binary --full --pipe", "-i -t -x -o -f --interval "
     "--timeout --exposure --output --format", 0},
    {"vglrun", "+sync -sync +tr -tr +v -v", "-c -d -fps -np -q -sp -st -trange", 0},
    {"mprof", "--python -M --multiprocess -C --include-children -E --exit-code --timestamp", "-T --interval -o "
     "--output --backend", 0, "run"},
    {"systemd-inhibit", "--no-pager --no-legend", "--what --who --why --mode", 0},
    {"nocache", "", "-n", 0},
    {"daemonize", "-a -v", "-c -e -o -p -l -u -E", 0},
    {"scorep", "--nocompiler --noopenmp --nopomp --nocuda --noopencl --nompp --noshmem --nouser --nokokkos "
     "--noio --nomemory --noonline-access --nopdt --instrument-filter --verbose -v --keep-files --dry-run", "", 0},
    {"torsocks", "-q -d -i --quiet --debug --isolate", "-u -p -a -P --user --pass --address --port", 0},
    {"proxychains", "-q", "-f", 0},
    // (sshpass, torify and tsocks run their command, often ssh; round 119.)
    {"sshpass", "-e -v -h -V", "-p -f -d -P", 0},
    {"torify", "-v --verbose", "", 0},
    {"tsocks", "", "", 0},
    {"proxychains4", "-q", "-f", 0},
    {"trickle", "-s -v -V", "-d -u -w -t -l -n", 0},
    {"gtimeout", "-v -f --verbose --foreground --preserve-status", "-k -s --kill-after --signal", 1},
    {"rlwrap", "", "", 0},
    {"logsave", "-a -v", "", 1},
    {"ssh-agent", "-a -D -d -k -s -c", "-E -P -t", 0},
    {"coproc", "", "", 0},
    {"screen", "-d -m -D -R -r -x -L -a -A -U -q -l -ln -O -i -wipe -list -ls", "-S -c -e -h -p -s -t -T -X "
     "-Logfile", 0},
    {"busybox", "", "", 0},
    {"toybox", "", "", 0},
    {"nsenter", "-a -m -u -i -n -p -U -C -T -F --all --mount --uts --ipc --net --pid --user --cgroup --time "
     "--no-fork --preserve-credentials", "-t -S -G -r -w --target --setuid --setgid --root --wd", 0},
    // bwrap's --bind, --ro-bind, --setenv, --symlink take two words: its
    // options are read as of unknown counts (a shell or interpreter named
    // after them is still read as the command it may be).
    {"bwrap", "--unshare-all --share-net --unshare-user --unshare-pid --unshare-net --die-with-parent "
     "--new-session --clearenv", "--proc --dev --tmpfs --chdir --unsetenv --uid --gid --hostname --dir "
     "--remount-ro --cap-add --cap-drop", 0},
    {"proot", "", "", 0},
    {"firejail", "--quiet --noprofile --private --net=none", "", 0},
    {"runuser", "-l -m -p --login --preserve-environment", "-u -g -G -s -w --user --group "
     "--supp-group --shell --whitelist-environment", 0},
    {"ibrun", "", "", 0},
    {"aprun", "-b -q", "-n -N -d -j -S -sn -sl -cc -m -e -L -p -R -t -r -F -a", 0},
    {"jsrun", "", "-n -a -c -g -r -b -d -l -p --nrs --tasks_per_rs --cpu_per_rs --gpu_per_rs --rs_per_host "
     "--bind --launch_distribution --latency_priority --np", 0},
    {"lrun", "-v", "-n -N -T -M -1", 0},
    {"charmrun", "++local ++verbose", "+p ++ppn ++nodelist", 0},
    {"horovodrun", "--verbose", "-np -H -p --hostfile --start-timeout --network-interface", 0},
    {"kubectl", "-i -t --stdin --tty -q --quiet", "-c -n --container --namespace --context", 1, "exec"},
    // Debuggers, sanitizers and profilers that run the program after their options.
    {"compute-sanitizer", "--print-limit --leak-check", "--tool --log-file --save --launch-timeout", 0},
    {"heaptrack", "-d --debug -r --record-only", "-o --output", 0},
    {"py-spy", "-s --subprocesses -n --native --idle --gil --nonblocking", "-o --output -r --rate -d --duration "
     "-f --format -p --pid", 0, "record top"},
    {"chronic", "-e -v", "", 0},
    {"entr", "-a -c -d -n -p -r -z", "", 0, "", "-s"},
};

}  // namespace

bool runs_a_command(std::string_view name) {
  return is_shell(name) || is_interpreter(name) || find_runner(name) != nullptr ||
         one_of(name, {"srun", "salloc", "sbatch", "eval", "exec"});
}

bool runs_no_command(std::string_view runner, std::string_view sub) {
  return one_of(runner, {"conda", "mamba", "micromamba", "uv", "poetry", "pipenv", "pixi", "hatch", "pdm", "rye"}) &&
         listed("install create update upgrade remove uninstall add sync lock list info search clean config init "
                "build publish pip venv export show compile",
                sub);
}
bool restores_saved_state(std::string_view key, bool resuming) {
  // Words of the key, lower case: parted at what is not a letter or a digit
  // and where a capital follows a small letter (resumeFrom).
  std::vector<std::string> words(1);
  for (std::size_t k = 0; k < key.size(); ++k) {
    const auto ch = static_cast<unsigned char>(key[k]);
    if (!std::isalnum(ch)) {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    if (std::isupper(ch) && k > 0 && std::islower(static_cast<unsigned char>(key[k - 1])) && !words.back().empty())
      words.emplace_back();
    words.back() += static_cast<char>(std::tolower(ch));
  }
  if (words.back().empty()) words.pop_back();
  if (words.empty()) return false;
  const auto has = [&](std::string_view part) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.find(part) != std::string::npos; });
  };
  // (A model's name or directory, --model_name_or_path, --model_dir,
  // --pretrained_model_name_or_path, --adapter_path: Hugging Face's
  // from_pretrained reads safetensors or weights only, never a pickle's
  // code, unless the template passes trust_remote_code.)
  if (has("name")) return false;
  const auto pair = [&](std::size_t k, std::string_view first, std::initializer_list<std::string_view> second) {
    return k + 1 < words.size() && words[k] == first && one_of(words[k + 1], second);
  };
  // MODEL.WEIGHT, --weight (not weight_decay); --init alone (not
  // --init_method, a rendezvous URL).
  // (A loss's or class's weights are numbers or a data file: --class_weights,
  // --loss_weight, CLS_LOSS_WEIGHT; fr hunt 93.)
  const bool loss = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return one_of(w, {"class", "loss", "sample", "label", "dice", "focal", "task", "layer", "token", "pos", "neg", "cls"});
  });
  if ((words.back() == "weight" && (words.size() == 1 || words[words.size() - 2] == "model")) ||
      (words.size() == 1 && words[0] == "init"))
    return true;
  if (resuming && std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return one_of_found(w, {"output", "save", "root", "logdir"}) || one_of(w, {"out", "outdir", "work", "workdir"});
      }))
    return true;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const auto& w = words[k];
    // (--weight_decay is a number; these name what torch.load restores in
    // every spelling: init_ckpt, resume_from (transformers' Trainer
    // unpickles the checkpoint's RNG state), restore_from_path,
    // MODEL.WEIGHTS, --snapshot_path, --finetune (DeiT), --pretrain_path,
    // --teacher_path.)
    // (OpenNMT's -train_from, StyleGAN's --network x.pkl, --warm_start,
    // --restart, --opt_state, --replay_buffer: attack 225.)
    // (A number's key is none: --pretrain_lr, --teacher_temp, --finetune_epochs.)
    const bool number = std::any_of(words.begin(), words.end(), [](const std::string& v) {
      return one_of(v, {"lr", "epochs", "epoch", "steps", "iters", "iterations", "batch", "size", "rate", "ratio",
                        "temp", "temperature", "warmup", "momentum", "decay", "every", "interval", "freq", "num"});
    });
    if ((w.find("weights") != std::string::npos && !loss) ||
        one_of_found(w, {"ckpt", "checkpoint", "resume", "restore", "nemo", "snapshot", "pkl", "pth", "pickle",
                         "restart", "warmstart", "modelfile"}) ||
        (one_of_found(w, {"finetune", "pretrain", "teacher"}) && !number) || one_of(w, {"load", "network"}))
      return true;
    // gpt_model_file=x.nemo (not a tokenizer's model file), init_from=,
    // init_model=, --state_dict.
    if ((pair(k, "model", {"file"}) && !has("tokenizer")) || pair(k, "init", {"from", "model"}) || pair(k, "state", {"dict"}) ||
        pair(k, "train", {"from"}) || pair(k, "warm", {"start"}) || pair(k, "opt", {"state"}) ||
        pair(k, "optimizer", {"state"}) || pair(k, "replay", {"buffer"}))
      return true;
  }
  return false;
}
bool is_mpi_launcher(std::string_view name) {
  return name.starts_with("mpirun") || name.starts_with("mpiexec") || name == "orterun" || name == "prterun";
}

const RunnerSpec* find_runner(std::string_view name) {
  // mpirun.openmpi, mpiexec.hydra, mpiexec.mpich: the same program.
  if (const auto dot = name.find('.'); dot != std::string_view::npos && name.substr(0, 3) == "mpi")
    name = name.substr(0, dot);
  if (name == "orterun" || name == "prun") name = "mpirun";
  // The same programs under other names.
  if (name == "fakeroot-tcp" || name == "fakeroot-sysv") name = "fakeroot";
  if (name == "valgrind.bin") name = "valgrind";
  if (one_of(name, {"linux32", "x86_64", "i386", "i686", "aarch64", "ppc64le"})) name = "linux64";
  static const auto kByName = [] {
    std::unordered_map<std::string_view, const RunnerSpec*> by;
    for (const auto& r : kRunners) by.emplace(r.name, &r);  // the first of a name, as a scan finds it
    return by;
  }();
  const auto it = kByName.find(name);
  return it == kByName.end() ? nullptr : it->second;
}
// Runners that share another's options.
const RunnerSpec* options_of(const RunnerSpec* r) {
  if (r->name == "mpiexec") return find_runner("mpirun");
  if (r->name == "apptainer") return find_runner("singularity");
  if (r->name == "podman") return find_runner("docker");
  if (r->name == "mamba" || r->name == "micromamba") return find_runner("conda");
  return r;
}

// srun's options beyond sbatch's (sbatch's come from the catalog).
extern const std::string_view kSrunFlags =
          "-l --label -u --unbuffered -K --kill-on-bad-exit -X --disable-status -Q --quiet -v --verbose -O "
          "--overcommit -H --hold -s --oversubscribe -E --preserve-env -k --no-kill --pty --exact --overlap "
          "--multi-prog --test-only --spread-job --contiguous --reboot --use-min-nodes --whole --exclusive "
          "--no-allocate -Z --usage --help -h -V --version --container-remap-root --no-container-remap-root "
          "--container-mount-home --no-container-mount-home --container-writable --container-readonly "
          "--container-entrypoint --no-container-entrypoint --container-entrypoint-log --no-container-entrypoint-log "
          "--container-save-all --send-libs --resv-ports --nice --wait-all-nodes --unbuffered "
          // (Optional values, in the same word only: --compress=lz4, --bcast=/tmp/x.)
          "--compress --bcast";
extern const std::string_view kSrunArgs =
          "--mpi --cpu-bind --mem-bind --task-prolog --task-epilog --prolog --epilog -r --relative --jobid "
          "--het-group -i --input --accel-bind --slurmd-debug --ntasks-per-gpu --tres-bind";

}  // namespace slurmglue::compiler::programs
