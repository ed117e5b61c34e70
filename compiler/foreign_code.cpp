#include "compiler/foreign_code.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "compiler/programs.hpp"
#include "compiler/shell_lexer.hpp"

namespace slurmglue::compiler::foreign {

namespace {
using programs::one_of;
using programs::one_of_found;
using programs::basename_of;
using namespace std::string_view_literals;

// A call of one of `names` in code (require, do, compile, ruby's open):
// the name of its own (not inside another name nor a string), as a
// function or a method, followed by its
// arguments: '(' with something in it, or a quoted string, '$', '{' or '@'
// after blanks (perl's do $file, ruby's require "x"); a call with nothing
// in it loads nothing. `bare`: not as a method either (compile(, not re.compile().
bool calls(std::string_view code, std::initializer_list<std::string_view> names, bool bare = false) {
  for (const auto name : names)
    for (auto at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
      if (at > 0 && (is_name_char(code[at - 1]) || code[at - 1] == '"' || code[at - 1] == '\'' ||
                     (bare && code[at - 1] == '.')))
        continue;
      auto k = at + name.size();
      if (k < code.size() && is_name_char(code[k])) continue;
      if (k < code.size() && code[k] == '(') {
        auto j = k + 1;
        while (j < code.size() && code[j] == ' ') ++j;
        if (j < code.size() && code[j] != ')') return true;
        continue;
      }
      while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
      if (k > at + name.size() && k < code.size() && std::string_view("\"'$@{").find(code[k]) != std::string_view::npos)
        return true;
    }
  return false;
}

// perl's two-argument open of a name held in a variable, in code that reads
// the environment, its arguments or its input (open(H, $ENV{F}), open my
// $h, $ARGV[0]): a name that ends or starts with '|' runs a command.
bool opens_a_pipe(std::string_view code) {
  const bool given = one_of_found(code, {"$ENV", "ARGV", "shift", "<STDIN>", "<>", "$_"});
  for (auto at = given ? code.find("open") : std::string_view::npos; at != std::string_view::npos;
       at = code.find("open", at + 1)) {
    if (at > 0 && (is_name_char(code[at - 1]) || code[at - 1] == '.')) continue;
    const auto end = code.find_first_of(";)\n", at);
    const auto call = code.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    // (The name may come through a variable: my $f = $ENV{F}; open(H, $f).)
    if (std::count(call.begin(), call.end(), ',') != 1) continue;
    auto k = call.find(',') + 1;
    while (k < call.size() && (call[k] == ' ' || call[k] == '"')) ++k;
    if (k < call.size() && call[k] == '$') return true;
  }
  // ruby's Kernel#open and IO's class methods that open a name run "|cmd"
  // too: open(ENV["M"]), IO.readlines("|du " + n); R's and Tcl's pipes.
  return one_of_found(code, {"IO.popen", "Kernel.open", "URI.open", "IO.read", "IO.foreach", "IO.write", "IO.binread",
                             "IO.binwrite", "open \"|", "open |", "open {|"}) ||
         calls(code, {"pipe"}, true) ||
         (one_of_found(code, {"ENV[", "ENV.fetch", "ARGV["}) && calls(code, {"open"}));
}
// A name looked up from what the code was given (getattr(mod,
// sys.argv[1]), getattr(m, os.environ["F"])): any attribute, os.system too.
bool looks_up_a_given_name(std::string_view code) {
  for (auto at = code.find("getattr("); at != std::string_view::npos; at = code.find("getattr(", at + 1)) {
    const auto end = code.find(')', at);
    const auto call = code.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (one_of_found(call, {"argv", "environ", "getenv", "stdin", "input("})) return true;
  }
  return false;
}
// Whether code[at] is in a '#' comment: a '#' before it on its line,
// outside quotes, at the line's start or after a blank.
bool in_comment(std::string_view code, std::size_t at) {
  const auto line = code.rfind('\n', at);
  const auto from = line == std::string_view::npos ? 0 : line + 1;
  char quote = 0;
  for (auto k = from; k < at; ++k) {
    const char c = code[k];
    if (quote) {
      if (c == '\\') ++k;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (k == from || code[k - 1] == ' ' || code[k - 1] == '\t')) {
      return true;
    }
  }
  return false;
}
// One of `names` as a name of its own anywhere (exec (x), map(exec, ...),
// f = eval, getattr(os, "system"), send(:eval), from os import system as
// run), but not where it cannot run text: a method called with nothing
// (model.eval(), app.exec()), a part of a module's path (acme.eval.x, from
// acme.eval import), a multiprocessing start method ("spawn"), a comment.
bool names_a_runner(std::string_view code, std::initializer_list<std::string_view> names) {
  for (const auto name : names)
    for (auto at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
      const auto end = at + name.size();
      if (at > 0 && is_name_char(code[at - 1])) continue;
      if (end < code.size() && is_name_char(code[end])) continue;
      const auto rest = code.substr(end);
      if (rest.starts_with("()") || rest.starts_with(".") || rest.starts_with(" import")) continue;
      if (name == "spawn"sv && at > 0 && (code[at - 1] == '"' || code[at - 1] == '\'')) continue;
      if (in_comment(code, at)) continue;
      return true;
    }
  return false;
}

// The arguments of a call from just after its '(' when all are literals
// (FixedCommands): `strings` gets the positional strings, `end` the
// position after the closing ')'.
class LiteralArguments {
 public:
  LiteralArguments(std::string_view code, std::size_t at) : code_(code), at_(at) {}
  bool read() { return items(')'); }
  std::size_t end() const { return at_; }
  std::vector<std::string_view> strings;

 private:
  bool items(char close) {
    for (;;) {
      blanks();
      if (at_ >= code_.size()) return false;
      if (code_[at_] == close) {
        ++at_;
        return true;
      }
      if (!item()) return false;
      blanks();
      if (at_ < code_.size() && code_[at_] == ',') ++at_;
      else if (at_ >= code_.size() || code_[at_] != close) return false;
    }
  }
  void blanks() {
    while (at_ < code_.size() && (code_[at_] == ' ' || code_[at_] == '\t' || code_[at_] == '\n')) ++at_;
  }
  bool item() {
    const char c = code_[at_];
    if (c == '[' || c == '(') {
      ++at_;
      return items(c == '[' ? ']' : ')');
    }
    if (const auto s = string()) {
      strings.push_back(*s);
      return true;
    }
    // name=constant: check=True, stdout=subprocess.PIPE, timeout=30,
    // encoding="utf-8"; not what chooses the program, its input, its
    // environment or its directory (executable=, stdin=, input=, env=, cwd=).
    auto k = at_;
    while (k < code_.size() && is_name_char(code_[k])) ++k;
    if (k == at_ || k + 1 >= code_.size() || code_[k] != '=' || code_[k + 1] == '=') return false;
    if (!one_of(code_.substr(at_, k - at_), {"check", "text", "capture_output", "timeout", "encoding", "errors", "stdout",
                                             "stderr", "universal_newlines", "shell", "bufsize", "close_fds"}))
      return false;
    at_ = k + 1;
    blanks();
    if (string()) return true;
    k = at_;
    while (k < code_.size() && (is_name_char(code_[k]) || code_[k] == '.')) ++k;
    const auto word = code_.substr(at_, k - at_);
    at_ = k;
    return one_of(word, {"True", "False", "None", "subprocess.PIPE", "subprocess.DEVNULL", "subprocess.STDOUT"}) ||
           (!word.empty() && word.find_first_not_of("0123456789.") == std::string_view::npos);
  }
  // 'text' or "text" (r and b prefixes; no f-strings, no escapes, no
  // triple quotes), holding nothing a shell or an interpreter expands.
  std::optional<std::string_view> string() {
    auto k = at_;
    while (k < code_.size() && k < at_ + 2 && (code_[k] == 'r' || code_[k] == 'b' || code_[k] == 'R' || code_[k] == 'B')) ++k;
    if (k >= code_.size() || (code_[k] != '"' && code_[k] != '\'')) return std::nullopt;
    const char quote = code_[k];
    const auto from = k + 1;
    const auto to = code_.find(quote, from);
    if (to == std::string_view::npos) return std::nullopt;
    const auto text = code_.substr(from, to - from);
    if (to + 1 < code_.size() && code_[to + 1] == quote && text.empty()) return std::nullopt;  // """
    for (const char c : text)
      if (!is_name_char(c) && std::string_view(" -./=:,+%").find(c) == std::string_view::npos) return std::nullopt;
    at_ = to + 1;
    return text;
  }
  std::string_view code_;
  std::size_t at_;
};

}  // namespace

// (Not tar, sort, split, zip, rsync or scp, whose options run commands,
// nor tee, cp or dd, which write files.)
bool shows_data_only(std::string_view program) {
  return one_of(basename_of(program),
                {"hostname", "nvidia-smi", "rocm-smi", "date", "whoami", "id", "uname", "nproc", "lscpu", "lspci", "free",
                 "df", "du", "ls", "stat", "wc", "cat", "head", "tail", "md5sum", "sha256sum", "uptime", "pwd", "true",
                 "false", "echo", "printf", "sleep", "mkdir", "touch", "getent", "scontrol", "squeue", "sinfo", "sacct",
                 "sstat", "sprio", "sshare", "ibstat", "ibv_devinfo", "numastat", "dmidecode"});
}

namespace {
// awk's print and printf into a command, however it is named: print x |
// cmd, printf("%s\n", x) | "sh" (a '|' of the statement's own, outside
// parentheses, strings and ||).
bool prints_into_a_pipe(std::string_view code) {
  for (std::string_view name : {"print", "printf"})
    for (auto at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
      const auto end = at + name.size();
      if ((at > 0 && is_name_char(code[at - 1])) || (end < code.size() && is_name_char(code[end]))) continue;
      int depth = 0;
      char quote = 0;
      for (auto k = end; k < code.size(); ++k) {
        const char c = code[k];
        if (quote) {
          if (c == '\\') ++k;
          else if (c == quote) quote = 0;
          continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '(' || c == '[') ++depth;
        else if (c == ')' || c == ']') --depth;
        else if ((c == ';' || c == '\n' || c == '}') && depth <= 0) break;
        else if (c == '|' && depth == 0 && (k + 1 >= code.size() || code[k + 1] != '|') && code[k - 1] != '|') return true;
      }
    }
  return false;
}
}  // namespace

FixedCommands split_fixed_commands(std::string_view code) {
  FixedCommands out{std::string(code), {}};
  if (writes_files(code) || sets_environment(code)) return out;
  static constexpr std::string_view kCalls[] = {
      "subprocess.run(",          "subprocess.call(",     "subprocess.check_call(", "subprocess.check_output(",
      "subprocess.Popen(",        "subprocess.getoutput(", "subprocess.getstatusoutput(", "os.system(",
      "os.popen(",                "system("};
  for (const auto call : kCalls)
    for (auto at = code.find(call); at != std::string_view::npos; at = code.find(call, at + 1)) {
      if (at > 0 && (is_name_char(code[at - 1]) || code[at - 1] == '.')) continue;
      LiteralArguments arguments(code, at + call.size());
      if (!arguments.read() || arguments.strings.empty()) continue;
      const auto first = arguments.strings.front();
      const auto program = first.substr(0, first.find(' '));
      if (program.empty() || !shows_data_only(program)) continue;
      out.fixed.append(code.substr(at, arguments.end() - at)).push_back('\n');
      std::fill(out.rest.begin() + static_cast<std::ptrdiff_t>(at), out.rest.begin() + static_cast<std::ptrdiff_t>(arguments.end()), ' ');
    }
  // import subprocess, import os, subprocess: the module only these calls
  // use. Blanked only on a line that is nothing but `import a, b, ...`, and
  // only when no other mention of the module is left (sp = subprocess,
  // from subprocess import run, getattr(subprocess, "run")).
  if (out.fixed.empty()) return out;
  std::vector<std::pair<std::size_t, std::size_t>> imports;
  for (auto at = out.rest.find("subprocess"); at != std::string::npos; at = out.rest.find("subprocess", at + 1)) {
    // (The statement: to the line's or a ';''s end.)
    const auto before = out.rest.find_last_of("\n;", at);
    const auto from = before == std::string::npos ? 0 : before + 1;
    const auto to = std::min(out.rest.find_first_of("\n;", at), out.rest.size());
    auto statement = std::string_view(out.rest).substr(from, to - from);
    while (!statement.empty() && (statement.front() == ' ' || statement.front() == '\t')) statement.remove_prefix(1);
    bool names_only = statement.starts_with("import ");
    // Each of the names one dotted name alone (not "subprocess as sp").
    for (std::size_t k = 7, name = 0, ended = 0; names_only && k <= statement.size(); ++k) {
      const char ch = k < statement.size() ? statement[k] : ',';
      if (ch == ',') {
        names_only = name > 0;
        name = ended = 0;
      } else if (is_name_char(ch) || ch == '.') {  // (import urllib.request)
        names_only = ended == 0;
        ++name;
      } else if (ch == ' ' || ch == '\t' || ch == '\r') {
        ended = name;
      } else {
        names_only = false;
      }
    }
    if (!names_only || (at > 0 && is_name_char(out.rest[at - 1])) ||
        (at + 10 < out.rest.size() && is_name_char(out.rest[at + 10])))
      return {std::string(code), {}};  // another mention: nothing is fixed
    imports.emplace_back(at, at + 10);
  }
  for (const auto& [from, to] : imports)
    std::fill(out.rest.begin() + static_cast<std::ptrdiff_t>(from), out.rest.begin() + static_cast<std::ptrdiff_t>(to), ' ');
  return out;
}

bool runs_code(std::string_view code) {
  // (ruby's instance_eval; R's and Octave's source(), a dynamic import(),
  // Julia's include(), Lua's dofile(), perl's do FILE and require, a
  // python module path made longer load code.)
  return runs_commands(code) || opens_a_pipe(code) || looks_up_a_given_name(code) || calls(code, {"require", "do"}) || calls(code, {"compile"}, true) ||
         one_of_found(code, {"_eval", "_exec", "exec_", "execfile", "runpy", "spec_from_file_location", "load_module",
                             // Calls that evaluate text as code: python's timeit, profilers and
                             // debuggers, sympy, pandas' eval and query, unsafe YAML loaders;
                             // perl's readpipe and s///ee; JavaScript's Function constructor.
                             "timeit", "cProfile.run", "profile.run", "pdb.run", "sympify", "parse_expr", ".query(",
                             "numexpr", "unsafe_load", "full_load", "UnsafeLoader", "yaml.load(", "dictConfig", "fileConfig",
                             "readpipe", "/ee", "}ee", "|ee", "#ee", ">ee", "!ee", ")ee", "]ee", "Function(",
                             // Template engines evaluate their text (jinja2's {{ ... }}); a
                             // shared library runs its constructors when loaded.
                             "jinja2", "from_string(", "Template(", "CDLL(", "cdll.", "LoadLibrary", "dlopen",
                             // A callable found by its dotted name.
                             "pydoc.locate", "locate(", "get_class(", "get_method(", "import_string(", "getline", "| \"", "|\"", "load_source", "import_module",
                             // torch.hub.load runs the hubconf.py of the repository it is named.
                             "hub.load(",
                             "source(", "import(", "include(", "dofile(", "loadfile(", "sys.path.insert", "sys.path.append",
                             "sys.path.extend", "sys.path +=", "sys.path+=", "sys.path[", "sys.path=", "sys.path =", "evalfile", "run_path",
                             // Unpicklers run what the file says.
                             "__import__", "pickle.load", "torch.load", "joblib.load", "dill.load", "marshal.load",
                             "shelve.open", "load ARGV", "load(ARGV",
                             // TACC pylauncher runs each line of the file it is named.
                             "Launcher(",
                             // Round 105: command runners and callables found by name
                             // under other names; builtins reached as a mapping.
                             "pexpect", "sh.Command", "plumbum", "invoke.run", "resolve_name", "EntryPoint",
                             "entry_points", "trace.Trace", "run_docstring_examples", "load_extension", "allow_pickle",
                             "read_pickle", "jsonpickle", "builtins"});
}

bool is_make(std::string_view name) { return one_of(name, {"make", "gmake", "bmake", "pmake", "remake"}); }

bool names_make(std::string_view code) {
  for (std::string_view make : {"make", "gmake"})
    for (auto at = code.find(make); at != std::string_view::npos; at = code.find(make, at + 1)) {
      const auto end = at + make.size();
      const char before = at > 0 ? code[at - 1] : ' ', next = end < code.size() ? code[end] : ' ';
      if (is_name_char(before) || before == '-' || is_name_char(next) || next == '-' || next == '.') continue;  // cmake, makefile
      auto p = at;
      while (p > 0 && code[p - 1] == ' ') --p;
      const char prev = p > 0 ? code[p - 1] : ' ';
      if (std::string_view("&;|`(/").find(prev) != std::string_view::npos) return true;  // && make, /usr/bin/make
      if ((before == '"' || before == '\'') && next == before) return true;                // ["make", ...]
      if ((before == '"' || before == '\'') && next == ' ') {
        // "make train", "make -j8 all": a command line, not "make sure ...".
        auto k = end + 1;
        if (k < code.size() && code[k] == '-') return true;
        while (k < code.size() && (is_name_char(code[k]) || code[k] == '-' || code[k] == '.')) ++k;
        if (k > end + 1 && k < code.size() && code[k] == before) return true;
      }
    }
  return false;
}

std::optional<std::vector<std::string>> environment_names_read(std::string_view code) {
  std::vector<std::string> names;
  // After each way in: a quoted name (optionally escaped quotes, as in a
  // double-quoted -c program), or an identifier for process.env.NAME.
  static constexpr std::pair<std::string_view, bool> kReads[] = {
      {"os.environ.get(", false}, {"os.environ[", false}, {"os.getenv(", false}, {"environ.get(", false},
      {"environ[", false},        {"ENVIRON[", false},    {"getenv(", false},    {"Sys.getenv(", false},
      {"os.Getenv(", false},      {"ENV[", false},        {"ENV.fetch(", false}, {"process.env[", false},
      {"process.env.", true}};
  const auto quoted_name = [](std::string_view rest) -> std::optional<std::string> {
    std::size_t k = 0;
    if (k < rest.size() && rest[k] == '\\') ++k;
    if (k >= rest.size() || (rest[k] != '"' && rest[k] != '\'')) return std::nullopt;
    const char q = rest[k++];
    const auto from = k;
    while (k < rest.size() && is_name_char(rest[k])) ++k;
    if (k == from || k >= rest.size()) return std::nullopt;
    if (rest[k] == '\\') ++k;
    if (k >= rest.size() || rest[k] != q) return std::nullopt;
    // The whole key: os.environ["X"], getenv("X", "d"); not "TASK_" + s.
    auto after = k + 1;
    while (after < rest.size() && rest[after] == ' ') ++after;
    if (after < rest.size() && rest[after] != ']' && rest[after] != ')' && rest[after] != ',') return std::nullopt;
    return std::string(rest.substr(from, k - from - (rest[k - 1] == '\\' ? 1 : 0)));
  };
  // Every mention of the environment must be one of those reads (a
  // mention inside one, "CONDA_DEFAULT_ENV", is part of its name).
  std::vector<std::pair<std::size_t, std::size_t>> reads;
  for (std::string_view sign : {"environ", "ENVIRON", "getenv", "Getenv", "process.env", "ENV"}) {
    for (auto at = code.find(sign); at != std::string_view::npos; at = code.find(sign, at + sign.size())) {
      if (std::any_of(reads.begin(), reads.end(), [&](const auto& r) { return r.first <= at && at < r.second; })) continue;
      bool read = false;
      // The mention is part of one of the ways in, followed by a name.
      for (const auto& [way, identifier] : kReads) {
        const auto offset = way.find(sign);
        if (offset == std::string_view::npos || at < offset || code.compare(at - offset, way.size(), way) != 0) continue;
        const auto begin = at - offset + way.size();
        const auto rest = code.substr(begin);
        if (identifier) {
          std::size_t k = 0;
          while (k < rest.size() && is_name_char(rest[k])) ++k;
          if (k > 0) names.emplace_back(rest.substr(0, k));
          read = k > 0;
          if (read) reads.emplace_back(at - offset, begin + k);
        } else if (const auto name = quoted_name(rest)) {
          names.push_back(*name);
          read = true;
          reads.emplace_back(at - offset, begin + name->size() + 4);
        }
        if (read) break;
      }
      if (!read) return std::nullopt;
    }
  }
  if (one_of_found(code, {"expandvars", "$ENV", "%ENV", "$env(", "::env(", "array get env", "env }", "env}", "process[", "std::env", "getEnv", "GetEnv"}))
    return std::nullopt;
  return names;
}

namespace {

// The arguments of the call whose '(' is at code[open]: top-level commas
// split them (quotes, brackets and nested calls kept whole).
std::vector<std::string_view> call_arguments(std::string_view code, std::size_t open) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  std::size_t start = open + 1;
  for (std::size_t k = open + 1; k < code.size(); ++k) {
    const char c = code[k];
    if (quote) {
      if (c == '\\') ++k;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ')' || (c == ',' && depth == 0)) {
      auto arg = code.substr(start, k - start);
      while (!arg.empty() && std::isspace(static_cast<unsigned char>(arg.front()))) arg.remove_prefix(1);
      while (!arg.empty() && std::isspace(static_cast<unsigned char>(arg.back()))) arg.remove_suffix(1);
      if (!arg.empty()) out.push_back(arg);
      if (c == ')') break;
      start = k + 1;
    }
  }
  return out;
}

// Whether a mode argument of an open call may open for writing: a quoted
// mode with w, a, x or + (Python: "at", "x+", "tw"; Perl: ">", "+<",
// ">>", "|-"), or anything computed (chr(119), a variable). A quoted text
// that is no mode (Perl's two-argument open(F, "in.txt")) reads.
bool mode_may_write(std::string_view mode) {
  if (mode.size() < 2 || (mode.front() != '"' && mode.front() != '\'') || mode.back() != mode.front() ||
      mode.find(mode.front(), 1) != mode.size() - 1)
    return true;
  const auto text = mode.substr(1, mode.size() - 2);
  if (text.empty()) return false;
  if (text.front() == '>' || text.front() == '+' || text.front() == '|' || text.back() == '|') return true;
  const bool is_mode = text.size() <= 5 && text.find_first_not_of("rwxabtU+") == std::string_view::npos;
  return is_mode && text.find_first_of("wxa+") != std::string_view::npos;
}

// open(F, MODE), io.open, codecs.open, gzip.open(F, "wt"), Path(F).open("a"),
// Perl's open(my $f, ">", F): whether any call may open a file for writing.
bool open_calls_write(std::string_view code) {
  for (auto at = code.find("open("); at != std::string_view::npos; at = code.find("open(", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_')) continue;  // fopen(, urlopen(
    const auto args = call_arguments(code, at + 4);
    // A method of an object (Path(F).open("a"), f.open): its first argument is the mode.
    bool method = at > 0 && code[at - 1] == '.';
    if (method) {
      auto k = at - 1;
      while (k > 0 && (std::isalnum(static_cast<unsigned char>(code[k - 1])) || code[k - 1] == '_')) --k;
      const auto owner = code.substr(k, at - 1 - k);
      if (one_of(owner, {"io", "codecs", "gzip", "bz2", "lzma", "tarfile", "zipfile", "builtins", "fsspec", "smart_open",
                         "aiofiles", "h5py", "xr", "np", "os"}))
        method = false;
    }
    std::size_t positional = 0;
    for (const auto arg : args) {
      const auto eq = arg.find('=');
      const bool keyword = eq != std::string_view::npos && eq > 0 && arg.find_first_of("\"'(") > eq &&
                           (eq + 1 >= arg.size() || arg[eq + 1] != '=');
      if (keyword) {
        auto name = arg.substr(0, eq);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        auto value = arg.substr(eq + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if ((name == "mode" || name == "flags" || name == "opener") && mode_may_write(value)) return true;
        continue;
      }
      const std::size_t mode_at = method ? 0 : 1;
      if (positional == mode_at && mode_may_write(arg)) return true;
      // (Perl's three-argument open: the mode is the second.)
      ++positional;
    }
  }
  return false;
}

}  // namespace

bool writes_files(std::string_view code) {
  const bool opens_for_writing =
      open_calls_write(code) || (one_of_found(code, {"open(", "open "}) && one_of_found(code, {"'w'", "\"w\"", "'a'", "\"a\"", "'wb'", "\"wb\"", "'ab'", "\"ab\"",
                                                    "'w+'", "\"w+\"", "'a+'", "\"a+\"", "'r+'", "\"r+\"", "'x'", "\"x\"", "'wt'",
                                                    "\"wt\"", "'>", "\">"}));
  // (Also a log file, links, savers: logging.FileHandler, basicConfig(filename=),
  // os.symlink, np.savetxt, json.dump, df.to_csv, a.tofile.)
  // Lower levels: descriptors opened for writing (os.open, sysopen, O_WRONLY,
  // Perl's "+<"), standard output moved onto a file (dup2), memory maps,
  // sendfile, truncate (attack 154).
  return opens_for_writing || one_of_found(code, {"write", "copy", "shutil", "rename", "replace(", "print >", "printf >",
                                                  "FileHandler", "filename=", "symlink", "link(", "save", "dump(", "to_csv",
                                                  "tofile", "os.open", "sysopen", "fdopen", "O_WR", "O_RDWR", "O_CREAT",
                                                  "O_APPEND", "O_TRUNC", "+<", "+>", "dup2", "mmap", "sendfile", "truncate",
                                                  // Perl's IO::File, Python's fileinput in place; and what
                                                  // deletes a file (attack 156).
                                                  "IO::File", "inplace", "remove(", "unlink", "rmtree", "rmdir"});
}

std::optional<std::vector<std::string>> names_of_files_it_opens(std::string_view code) {
  if (one_of_found(code, {"shutil", "os.rename", "os.replace", ".rename(", "copyfile", "symlink", "link(", "write_text",
                          "write_bytes", "File.write", "IO.write", "FileHandler", "filename=", "save", "to_csv", "tofile",
                          "os.open", "fdopen", "mkstemp", "NamedTemporary", "print >", "printf >"}))
    return std::nullopt;
  std::vector<std::string> out;
  // open("meta.json", ...), open(sys.argv[1] + "/READY", ...), open(f"{d}/status.json", ...),
  // open(os.path.join(d, "env.json"), ...): the name's last component, where the code spells it.
  for (auto at = code.find("open("); at != std::string_view::npos; at = code.find("open(", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_')) continue;
    const auto args = call_arguments(code, at + 4);
    if (args.empty()) return std::nullopt;
    auto first = args.front();
    // (a + "/x.py" if c else b + "/y.json": a name chosen by a condition.)
    if (one_of_found(first, {" if ", " else ", " or ", " and ", "?", "||", "&&"})) return std::nullopt;
    if (first.starts_with("os.path.join(") && first.ends_with(")")) {
      const auto parts = call_arguments(first, 12);
      if (parts.empty()) return std::nullopt;
      first = parts.back();
    }
    if (first.size() > 1 && (first.front() == 'f' || first.front() == 'r') && (first[1] == '"' || first[1] == '\''))
      first.remove_prefix(1);  // f"{d}/x.json": the text after its last '}'
    const char quote = first.empty() ? 0 : first.back();
    if (quote != '"' && quote != '\'') return std::nullopt;
    const auto open_quote = first.rfind(quote, first.size() - 2);
    if (open_quote == std::string_view::npos) return std::nullopt;
    auto literal = first.substr(open_quote + 1, first.size() - open_quote - 2);
    const bool whole = open_quote == 0;
    if (const auto brace = literal.rfind('}'); brace != std::string_view::npos) literal.remove_prefix(brace + 1);
    // A literal that is all of the name, or the last component of one built before it.
    const auto slash = literal.rfind('/');
    if (!whole && slash == std::string_view::npos && open_quote > 0 && first.substr(0, open_quote).find("join") == std::string_view::npos &&
        args.front() == first)
      return std::nullopt;  // (d + "x.json": the name is d's end and more)
    const auto name = slash == std::string_view::npos ? literal : literal.substr(slash + 1);
    if (name.empty() || name.find_first_of("{}%$\\") != std::string_view::npos) return std::nullopt;
    out.emplace_back(name);
  }
  return out;
}

bool sets_environment(std::string_view code) {
  if (one_of_found(code, {"putenv", "setenv", "environ.update", "environ.setdefault", "environ |=", "environ|=", "ENV.update",
                          "ENV.store", "Sys.setenv", "os.Setenv", "set_var", "withenv", "chdir", "Dir.chdir", "setwd("}))
    return true;
  // os.environ["X"] = ..., ENV["X"] = ..., $ENV{X} = ..., process.env.X = ..., set ::env(X) ...
  for (std::string_view sign : {"environ[", "ENV[", "$ENV{", "process.env", "env("})
    for (auto at = code.find(sign); at != std::string_view::npos; at = code.find(sign, at + 1)) {
      if (sign == "env("sv && (at < 4 || code.substr(at - 4, 4) != "set "sv) && (at < 6 || code.substr(at - 6, 6) != "set ::"sv))
        continue;
      if (sign == "env("sv) return true;
      auto k = at + sign.size();
      const char close = sign.back() == '[' ? ']' : sign.back() == '{' ? '}' : 0;
      if (close) k = code.find(close, k);
      else
        while (k < code.size() && (is_name_char(code[k]) || code[k] == '.')) ++k;
      if (k == std::string_view::npos) return true;
      if (close) ++k;
      while (k < code.size() && code[k] == ' ') ++k;
      if (k < code.size() && code[k] == '=' && (k + 1 >= code.size() || code[k + 1] != '=')) return true;
      if (k + 1 < code.size() && std::string_view("+|").find(code[k]) != std::string_view::npos && code[k + 1] == '=') return true;
    }
  return false;
}

bool input_reaches_code(std::string_view code) {
  // (A command it starts, fixed or not, reads what is left of the input.
  // A deserializer runs what it reads: yaml's unsafe loaders, pickle.)
  if (runs_commands(code)) return true;
  return one_of_found(code, {"unsafe_load", "yaml.load(", "full_load", "pickle.load", "marshal.load", "dill.load",
                             "jsonpickle", "cloudpickle", "torch.load", "joblib.load"}) &&
         one_of_found(code, {"input(", "sys.stdin", "STDIN", "<>", "fileinput", "ARGF", "$stdin", "process.stdin",
                             "readFileSync(0", "io.read", "/dev/stdin"});
}

bool runs_commands(std::string_view code) {
  // (perl's three-argument pipe opens, ruby's Open3, gawk's and ksh's |&.)
  return one_of_found(code, {"subprocess", "popen", "shell=True", "child_process", "execSync", "execFileSync", "spawnSync",
                             "qx", "`", "Cmd(", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "\"|-\"", "'|-'",
                             "\"-|\"", "'-|'", "Open3", "|&"}) ||
         prints_into_a_pipe(code) ||
         names_a_runner(code, {"system", "system2", "exec", "execl", "execle", "execlp", "execlpe", "execv", "execve",
                               "execvp", "execvpe", "spawn", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve",
                               "spawnvp", "spawnvpe", "posix_spawn", "posix_spawnp", "eval",
                               // Tcl's substitution of [commands] and evaluation in another frame.
                               "subst", "uplevel"}) ||
         one_of_found(code, {"shell("});
}

}  // namespace slurmglue::compiler::foreign
