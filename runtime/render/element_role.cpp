#include "runtime/render/element_role.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "runtime/render/code_files.hpp"
#include "runtime/render/code_variables.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/option_words.hpp"
#include "runtime/render/value_checks.hpp"


namespace slurmglue::render {
namespace {

// file://PATH or fileb://PATH (in any case) at the start of `v`, or
// anywhere in it: what the aws command line reads as a local file's text.
bool loads_local_file(std::string_view v, bool anywhere) {
  for (std::size_t at = 0; at < v.size(); ++at) {
    for (std::string_view prefix : {"file://", "fileb://"})
      if (v.size() - at >= prefix.size() &&
          std::equal(prefix.begin(), prefix.end(), v.begin() + static_cast<std::ptrdiff_t>(at),
                     [](char p, char c) { return p == std::tolower(static_cast<unsigned char>(c)); }))
        return true;
    if (!anywhere) break;
  }
  return false;
}

// A Ghostscript I/O device's prefix anywhere (%pipe%COMMAND, %os%/PATH,
// %handle%, %stdout): letters between two '%'.
bool holds_io_device(std::string_view v) {
  for (auto at = v.find('%'); at != std::string_view::npos; at = v.find('%', at + 1)) {
    auto k = at + 1;
    while (k < v.size() && std::isalpha(static_cast<unsigned char>(v[k]))) ++k;
    if (k > at + 1 && k < v.size() && v[k] == '%') return true;
  }
  return false;
}

// Whether a mail recipient list holds one that mailx delivers to a command
// ('|COMMAND') or a file ('+folder', a '/' before any '@', '!' or '%'):
// recipients part at ',' and blanks, and a mailer reads the address
// inside <...> or quotes (attack 182: "x@y <|touch>").
bool names_mail_pipe_or_file(std::string_view v) {
  for (std::size_t b = 0; b < v.size();) {
    const auto e = std::min(v.find_first_of(",; \t", b), v.size());
    auto one = v.substr(b, e - b);
    while (!one.empty() && std::string_view("<\"'(\\").find(one.front()) != std::string_view::npos) one.remove_prefix(1);
    if (!one.empty() && (one.front() == '|' || one.front() == '+')) return true;
    const auto slash = one.find('/');
    if (slash != std::string_view::npos && slash < one.find_first_of("@!%")) return true;
    b = e + 1;
  }
  return false;
}

bool has_parent_component(std::string_view v) {
  std::size_t start = 0;
  while (start <= v.size()) {
    auto end = v.find('/', start);
    if (end == std::string_view::npos) end = v.size();
    if (v.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

// A file: URL anywhere in the value (file:///x, git+file:///x, name @ file:x).
bool names_local_url(std::string_view v) {
  for (std::size_t k = 0; k + 5 <= v.size(); ++k) {
    if ((v[k] | 0x20) != 'f' || (k > 0 && ((v[k - 1] | 0x20) >= 'a' && (v[k - 1] | 0x20) <= 'z'))) continue;
    if ((v[k + 1] | 0x20) == 'i' && (v[k + 2] | 0x20) == 'l' && (v[k + 3] | 0x20) == 'e' && v[k + 4] == ':') return true;
  }
  return false;
}

// An inline program given as a URL (node --import data:text/javascript,...):
// the value is the code itself.
bool names_inline_code_url(std::string_view v) {
  const auto start = v.find_first_not_of(" \t");
  if (start == std::string_view::npos || v.size() - start < 5) return false;
  std::string scheme;
  for (char c : v.substr(start, 5)) scheme += static_cast<char>(c | 0x20);
  return scheme == "data:";
}

bool is_name(std::string_view v) {
  if (v.empty() || (v[0] >= '0' && v[0] <= '9')) return false;
  for (char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// A data file's text often ends up in a shell command a tool runs (a
// config's command line, a launcher's setup list): no value holds what
// ends a command (';', '&'), redirects or pipes, and none starts an option
// after a blank (" --flag", " -x"; " - " and " -1" are text).
// (Quotes after the blank join the word: x '--opt', x ''-c.)
bool starts_option_after_blank(std::string_view v) {
  for (auto at = v.find_first_of(" \t"); at != std::string_view::npos; at = v.find_first_of(" \t", at + 1)) {
    auto k = at + 1;
    while (k < v.size() && (v[k] == '\'' || v[k] == '"')) ++k;
    if (k + 1 < v.size() && v[k] == '-' && v[k + 1] != ' ' && v[k + 1] != '\t' && (v[k + 1] < '0' || v[k + 1] > '9') &&
        v[k + 1] != '.')
      return true;
  }
  return false;
}

// Whether `v` stays one scalar wherever a data format puts text: letters,
// digits, . _ / + : - (and blanks inside, if `blanks`), ? % # ( ) * ~ ! @ =
// after the first character (a URL's query, a note), UTF-8 beyond ASCII
// but not the line breaks YAML 1.1 reads (U+0085, U+2028, U+2029); no ": "
// or " #" (a YAML key, a comment), no '-' first but before a digit (a list
// item, an option of pip's requirements). Never a quote, '\', ',', ';',
// '&', a bracket or a brace.
// (`inner`: more characters allowed after the first.)
bool is_data_scalar(std::string_view v, bool blanks, std::string_view inner = {}) {
  if (v.empty()) return true;
  if (v.front() == ' ' || v.back() == ' ' || v.back() == ':') return false;  // (x: makes a YAML mapping)
  if (v.front() == '-' && (v.size() < 2 || v[1] < '0' || v[1] > '9')) return false;
  // (YAML reserves '@' and '`' to start a scalar; PyYAML reads '=' there as a key.)
  if (std::string_view("?%#()*~!@=").find(v.front()) != std::string_view::npos ||
      inner.find(v.front()) != std::string_view::npos)
    return false;
  if (blanks && starts_option_after_blank(v)) return false;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos) return false;
  if (v.find("\xc2\x85") != std::string_view::npos || v.find("\xe2\x80\xa8") != std::string_view::npos ||
      v.find("\xe2\x80\xa9") != std::string_view::npos)
    return false;
  for (unsigned char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
          std::string_view("._/+@:=-?%#()*~!").find(static_cast<char>(c)) != std::string_view::npos ||
          inner.find(static_cast<char>(c)) != std::string_view::npos || (blanks && c == ' ')))
      return false;
  return true;
}

// Whether `v` is one word of letters, digits and `punctuation` that does
// not start with '-' (an empty value is one).
bool plain_word(std::string_view v, std::string_view punctuation) {
  return std::all_of(v.begin(), v.end(),
                     [&](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || punctuation.find(ch) != std::string_view::npos; }) &&
         (v.empty() || v.front() != '-');
}

// Whether a value stays text inside a quoted string of a data file: none
// of `forbidden`, no control character or line break (YAML's U+0085,
// U+2028, U+2029 too), no option first or after a blank.
// `options`: whether ' --x' in it is text (no tool writes it into a
// command line).
bool stays_in_quoted_string(std::string_view v, std::string_view forbidden, bool options = false) {
  return std::none_of(v.begin(), v.end(),
                      [&](char ch) {
                        const auto c = static_cast<unsigned char>(ch);
                        return c < 0x20 || c == 0x7f || forbidden.find(ch) != std::string_view::npos;
                      }) &&
         (options || !starts_option_after_blank(" " + std::string(v))) && v.find("\xc2\x85") == std::string_view::npos &&
         v.find("\xe2\x80\xa8") == std::string_view::npos && v.find("\xe2\x80\xa9") == std::string_view::npos;
}

}  // namespace

// The job's environment carries these values (SLURM_JOB_NAME, --export's
// variables), where arithmetic on a name another value gives reads them.
// Pyxis writes each mount into enroot's configuration as a line bash runs
// (echo "SRC DST FLAGS", blanks and '\' escaped, nothing else; attack 185).
constexpr const char* kPyxisMountShell =
    "a value inside a mount (--container-mounts) cannot hold '$', '`' or '\"': Pyxis writes each mount into a "
    "double-quoted echo line of enroot's configuration, which bash runs on the node, so $(...) there would run";

constexpr const char* kSubscriptCode =
    "a value the job's environment carries (SLURM_JOB_NAME, an --export variable) cannot hold '[' followed by an "
    "expansion ('$' then a name, '(', '{', ... or '`'): bash runs it wherever arithmetic reads that variable";

bool is_lightning_subcommand(std::string_view word) {
  return word == "fit" || word == "validate" || word == "test" || word == "predict";
}

bool is_hydra_output_dir(std::string_view key) {
  return key == "hydra.run.dir" || key == "hydra.sweep.dir" || key == "hydra.runtime.output_dir";
}

bool is_override(std::string_view word) {
  const auto eq = word.find('=');
  return eq != std::string_view::npos && eq > 0 && word[0] != '-' &&
         word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+~/@-") == eq;
}

const char* check_element(ElementRole role, std::string_view v) {
  // backend: module://NAME (matplotlibrc, a style file, a config passed on):
  // matplotlib imports the module such a backend names (attack 171).
  const bool data_text = role == ElementRole::DataField || role == ElementRole::DataWord ||
                         role == ElementRole::YamlPlainText || role == ElementRole::YamlFlowItem ||
                         role == ElementRole::DataQuotedText || role == ElementRole::DataProseText ||
                         role == ElementRole::DataSingleQuotedText || role == ElementRole::CsvField ||
                         role == ElementRole::TsvField || role == ElementRole::DataNoteText;
  if (data_text) {
    // (Compared in place: this runs for every value a data file gets.)
    constexpr std::string_view kModule = "module://";
    if (std::search(v.begin(), v.end(), kModule.begin(), kModule.end(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) != v.end())
      return "a value written into a data file cannot hold 'module://': matplotlib imports the module a backend "
             "named module://NAME names (backend: in matplotlibrc), so the value would choose code the job runs";
  }
  switch (role) {
    case ElementRole::None: return nullptr;
    case ElementRole::Mount:
      if (v.find_first_of(",:") != std::string_view::npos)
        return "a value inside a mount (--container-mounts, --bind, -v) cannot hold ',' or ':': it would add a "
               "mount or change this one's target or flags";
      if (v.find_first_of("$`\"") != std::string_view::npos) return kPyxisMountShell;
      [[fallthrough]];
    case ElementRole::MountSource: {
      if (has_parent_component(v)) return "a value in a mount's host path cannot hold a '..' path component";
      // A value that starts a mount's host side (up to a ':' that ends
      // it in SRC:DST): not the host's root, a system directory or the
      // glue's home (rootful docker makes that root).
      const auto source = v.substr(0, v.find(':'));
      // (A relative source only where the value is the whole item: inside
      // one, /data/${V}:/x, the template's text starts it.)
      const bool starts = !v.empty() && (v.front() == '/' || v.front() == '~');
      if (!v.empty() && (starts || role == ElementRole::MountSource) &&
          (forbidden_mount_source(source) || (starts && forbidden_mount_source(v))))
        return "a value naming the host side of a mount cannot be the host's root, a system directory (/etc, /root, "
               "/proc, /run, /var/run, /usr, ...) or the glue's home, however spelled, nor a relative path to the "
               "job's directory itself, a file in it or a hidden entry (., clearml.conf, .ssh: the job may start in "
               "the glue's home)";
      return nullptr;
    }
    case ElementRole::ExportName:
      if (!is_name(v)) return "a value naming an --export variable must be a plain name (letters, digits, _)";
      return is_code_variable_in_any_case(v) ? "a value naming an --export variable cannot name one programs run or "
                                               "load code from (BASH_ENV, LD_PRELOAD, PATH, ...)"
                                             : nullptr;
    case ElementRole::ExportValue:
      if (runs_in_arithmetic(v)) return kSubscriptCode;
      // Slurm splits the list at ',' outside quotes: a quote would join the
      // template's later items to this one (dropping them).
      return v.find_first_of(",\"'") == std::string_view::npos
                 ? nullptr
                 : "a value in --export cannot hold ',' or a quote: it would add a variable, or make the template's "
                   "later variables part of this one";
    case ElementRole::Name:
      if (!is_name(v))
        return "a value naming an environment variable (--container-env, docker -e, singularity --env) must be a "
               "plain name (letters, digits, _)";
      // Not a variable that loads code or options (BASH_ENV, LD_PRELOAD,
      // PATH, PYTHONPATH), in any case (the template may convert it).
      return is_code_variable_in_any_case(v)
                 ? "a value naming an environment variable (--container-env, docker -e, singularity --env) cannot "
                   "name one programs run or load code from (BASH_ENV, LD_PRELOAD, PATH, ...), in any case"
                 : nullptr;
    case ElementRole::Path:
      if (!v.empty() && (v.front() == '/' || v.front() == '~'))
        return "a value naming a file the job writes or reads cannot start with '/' or '~': it could choose any "
               "file of the glue's account (~/.bashrc, its state) or a socket (/dev/tcp/...); name it relative to "
               "the job's directory";
      // gs -sOutputFile=|CMD (also after blanks) and %pipe%CMD, perl's
      // two-argument open, ps2pdf: a name starting with '|' is a command
      // they run; gs's %os%/PATH names any file.
      if (const auto first = v.find_first_not_of(" \t");
          (first != std::string_view::npos && v[first] == '|') || holds_io_device(v))
        return "a value naming a file the job writes or reads cannot start with '|' (after blanks too) or hold a "
               "device such as %pipe% or %os%: Ghostscript, ps2pdf and perl's open run the rest as a command or "
               "name any file";
      return has_parent_component(v) ? "a path value cannot hold a '..' component" : nullptr;
    case ElementRole::ListItem:
      return v.find_first_of(",\"") == std::string_view::npos
                 ? nullptr
                 : "a value inside a comma-separated option (singularity --env or --bind, docker --mount, a java "
                   "agent's options) cannot hold ',' or '\"': it would add an item (a variable, a mount, a second "
                   "source=, jdwp's launch=COMMAND)";
    case ElementRole::CodePath:
      if (names_inline_code_url(v))
        return "a value naming code that runs cannot be a data: URL (node --import data:text/javascript,...): it "
               "would be the code itself";
      if (names_local_url(v))
        return "a value naming code that runs cannot be a file: URL (pip install file:///..., name @ file:///...): "
               "it names a file anywhere on the cluster";
      if (!v.empty() && (v.front() == '/' || v.front() == '~'))
        return "a value naming code that runs or the directory it runs in (a script, a module, an environment, an "
               "image overlay, a working directory, a checkpoint a program unpickles) cannot start with '/' or '~': it "
               "would choose a file anywhere on the cluster; name it relative to the template's directory or search "
               "path, or under a directory the template names (--ckpt_path \"$CKPT_ROOT/${...}\")";
      return has_parent_component(v) ? "a value naming code that runs cannot hold a '..' path component" : nullptr;
    case ElementRole::LocalOnly:
      // (s3://b/x.ckpt, https://h/x.pt, simplecache::s3://...: torch.hub,
      // fsspec and the trainers on them fetch what a URL names.)
      return v.find(":/") == std::string_view::npos && v.find("::") == std::string_view::npos
                 ? nullptr
                 : "a value naming a checkpoint or saved model a program restores cannot be a URL (s3://, https://, "
                   "hf://): the program would fetch and unpickle what it names";
    case ElementRole::LocalName: {
      const auto colon = v.find(':');
      return colon == std::string_view::npos || v.substr(0, colon).find('/') != std::string_view::npos
                 ? nullptr
                 : "a name with ':' before any '/' is HOST:FILE to tar, cpio, mt, rsync and scp (which then reach "
                   "HOST through a remote shell) and REMOTE:PATH or :BACKEND:PATH to rclone: name a local file (./x:y)";
    }
    case ElementRole::FormField:
      return (v.empty() || (v.front() != '@' && v.front() != '<')) && v.find(';') == std::string_view::npos
                 ? nullptr
                 : "a value in a form field or body curl sends (-F, -d, --json) cannot start with '@' or '<' (curl "
                   "would read and send the file it names) or hold ';' (-F reads ;type=, ;filename=, ;headers=@FILE "
                   "after it)";
    case ElementRole::ImageOperand: {
      std::string lower(v.substr(0, std::min<std::size_t>(v.size(), 9)));
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return lower != "instance:"
                 ? nullptr
                 : "a container image cannot be instance://NAME: the command would run inside a container already "
                   "running, which may be another job's";
    }
    case ElementRole::MakeVariable:
      return plain_word(v, "_./+-=:,@%")
                 ? nullptr
                 : "a value make or a workflow runner (snakemake, nextflow, just, ...) may find in its environment may "
                   "hold only letters, digits and _ . / + - = : , @ % (and no '-' first): make reads every environment "
                   "variable as a make variable and expands its '$', and their recipes, rules and tasks put such text "
                   "into shell commands; pass other text in a file";
    case ElementRole::CompilerWord:
      return std::all_of(v.begin(), v.end(),
                         [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || std::string_view("_./+-=:").find(ch) != std::string_view::npos; })
                 ? nullptr
                 : "a value in a compiler's -D macro or its -Wl, -Wp, -Wa, -Xcompiler lists may hold only letters, "
                   "digits and _ . / + - = : (a macro's body is C code the program runs; a ',' adds an option to "
                   "the linker or preprocessor)";
    case ElementRole::PipeName:
      return v.empty() || (v.front() != '|' && v.front() != '!' && v.front() != '<')
                 ? nullptr
                 : "a value naming a file a program may open as a pipe (strace -o, a file gnuplot plots) cannot start "
                   "with '|', '!' or '<': the program would run the rest as a command";
    case ElementRole::HomeEntry:
      // The home holds what the account's next shells and programs run
      // (.bashrc, .ssh/, .config/, .local/bin, bin/, an environment's
      // bin/python): a value there names one plain entry.
      return (v.empty() || v.front() != '.') && v.find('/') == std::string_view::npos
                 ? nullptr
                 : "the template puts this value directly in the glue's home ($HOME/..., ~/..., or after cd ~), "
                   "where it could name a file the account's shells and programs run (.bashrc, .ssh/, bin/...): "
                   "it must be one name without '/' that does not start with '.'; or root the path in a directory "
                   "of its own ($HOME/runs/...)";
    case ElementRole::Account:
      // Only ids reach here (the compiler refuses other values): one plain
      // name, never an option.
      return !v.empty() && v.front() != '-' && v.find_first_of(",:") == std::string_view::npos
                 ? nullptr
                 : "a value naming the account or group a command runs as must be one name, not empty, without ',' "
                   "or ':' and not starting with '-'";
    case ElementRole::CodeVariable:
      return nullptr;  // the compiler lets only ids reach here, and reparsed values are plain words
    case ElementRole::Environment:
      // Every program the job runs reads its environment, and which one
      // takes which name as a file to load or write (SYSTEM_WGETRC, VIM,
      // DEPENDENCIES_OUTPUT) has no end: under a name no rule knows, a
      // value is no path that starts anywhere or climbs.
      if (!v.empty() && (v.front() == '/' || v.front() == '~'))
        return "a value exported under a name slurmglue does not know, or written to an environment file, cannot "
               "start with '/' or '~': the programs the job runs read their environment, and one may take this name "
               "as a file to load or write; keep the variable unexported (pass it as an argument) or name the file "
               "relative to the job's directory";
      return has_parent_component(v) ? "a value exported under a name slurmglue does not know cannot hold a '..' path component"
                                     : nullptr;
    case ElementRole::EnvironmentPathList:
      // R_LIBS_SITE, GUILE_LOAD_PATH, GI_TYPELIB_PATH: the program that
      // reads the name searches each ':' (or ';') element for code, and a
      // URL's "s3://b" is the elements "s3" and "//b" there.
      for (std::size_t start = 0; start <= v.size();) {
        auto end = v.find_first_of(":;", start);
        if (end == std::string_view::npos) end = v.size();
        const auto element = v.substr(start, end - start);
        if (start > 0 && !element.empty() && (element.front() == '/' || element.front() == '~'))
          return "a value exported under a name that may hold a search list (...PATH, ...LIB..., ...DIRS) cannot "
                 "hold an element starting with '/' or '~' after ':' or ';' (a URL's \"://\" makes one): the program "
                 "that reads the name searches each element for code to load; keep the variable unexported, or give "
                 "it a name that holds no list (..._URL, ..._URI)";
        if (element == "..") return "a value exported under a name that may hold a search list cannot hold a '..' element";
        start = end + 1;
      }
      return nullptr;
    case ElementRole::EnvironmentOptions:
      // (*OPTS, *FLAGS, *ARGS, ZIP, GZIP: split into options by whoever reads them.)
      return (v.empty() || v.front() != '-') && v.find(" -") == std::string_view::npos &&
                     v.find("\t-") == std::string_view::npos
                 ? nullptr
                 : "a value exported under a name that holds a program's options (*OPT*, *FLAGS*, *ARGS*, ZIP, "
                   "GZIP, ...) cannot start with '-' or hold a blank before '-': the program that splits it would "
                   "take it as an option";
    case ElementRole::Setting:
      // A number (8.0;9.0+PTX), a yes/no or a level word (DETAIL, fp16,
      // utf-8): never a path, a URL, a list of options or code.
      return !v.empty() && v.front() != '-' && std::all_of(v.begin(), v.end(), [](char ch) {
               return std::isalnum(static_cast<unsigned char>(ch)) || std::string_view(" .,;+_-").find(ch) != std::string_view::npos;
             })
                 ? nullptr
                 : "this variable is a switch (a number, a yes/no or a level): a value for it holds only letters, "
                   "digits, blanks and . , ; + _ -, and does not start with '-'";
    case ElementRole::GitUrl:
      return v.find("::") == std::string_view::npos && (v.empty() || v.front() != '-')
                 ? nullptr
                 : "a repository URL cannot hold '::' (TRANSPORT::ADDRESS makes git run the remote helper "
                   "git-remote-TRANSPORT, ext:: a command) or start with '-'";
    case ElementRole::VariableName:
      return is_name(v) ? nullptr
                        : "a value naming a variable (unset, test -v, printf -v, read, wait -p) must be a plain name "
                          "(letters, digits, _, not starting with a digit): bash evaluates a subscript NAME[...] as "
                          "arithmetic, where $(...) runs";
    case ElementRole::OverrideValue:
      if (v.find('{') != std::string_view::npos)
        return "a value in a KEY=VALUE override of a python program (Hydra, OmegaConf) cannot hold '{': OmegaConf "
               "resolves ${oc.env:NAME} from the job's environment, where the glue's credentials are, and a "
               "{_target_: ...} dict makes hydra.utils.instantiate call any function";
      // experiment=../../x: Hydra loads a config group's option from
      // CONFIG_DIR/GROUP/VALUE.yaml, unchecked (attack 192).
      return has_parent_component(v)
                 ? "a value in a KEY=VALUE override of a python program cannot hold a '..' path component: Hydra loads "
                   "a config group's choice from its config directory's GROUP/VALUE.yaml, so experiment=../../x loads "
                   "any YAML file, whose _target_s and callbacks it calls"
                 : nullptr;
    case ElementRole::ListenAddress: {
      // PORT, a loopback host, or LOOPBACK:PORT: a debugger runs any code
      // its client sends and a server serves the job's files, so neither
      // listens beyond the node.
      const auto loopback = [](std::string_view h) {
        return h == "localhost" || h == "127.0.0.1" || h == "::1" || h == "[::1]";
      };
      const auto colon = v.rfind(':');
      const auto host = colon == std::string_view::npos ? std::string_view() : v.substr(0, colon);
      const auto port = colon == std::string_view::npos ? v : v.substr(colon + 1);
      const bool is_port = !port.empty() && port.size() <= 5 &&
                           std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      return loopback(v) || ((host.empty() || loopback(host)) && is_port)
                 ? nullptr
                 : "where a debugger or server listens (node --inspect, debugpy --listen, jdwp's address=, "
                   "gdbserver, jupyter --ip, tensorboard --host, http.server --bind) a value is a port, localhost "
                   "or localhost:PORT: a debugger runs any code its client sends and a server serves the job, so "
                   "neither may listen on other interfaces (0.0.0.0) or an address the task chooses";
    }
    case ElementRole::GitRefspec:
      return v.find(':') == std::string_view::npos && (v.empty() || v.front() != '+')
                 ? nullptr
                 : "a branch or ref that git push, fetch or pull updates cannot hold ':' (SRC:DST updates another "
                   "ref, :DST deletes it) or start with '+' (which forces the update)";
    case ElementRole::Endpoint:
      return v.find_first_of(":/\\@?# \t\n") == std::string_view::npos
                 ? nullptr
                 : "a value in an option naming the server or hosts a program reaches (docker -H, aws "
                   "--endpoint-url, mpirun -H) cannot hold ':', '/', '\\', '@', '?', '#' or a blank: it would "
                   "choose another host, port or socket, where the job's commands and credentials would go";
    case ElementRole::CloudCliArgument:
      // (Anywhere: shorthand KEY@=file://PATH loads a file too.)
      if (loads_local_file(v, true))
        return "an aws parameter or a gsutil/gcloud storage operand holding file:// or fileb:// (first, or after @= "
               "in aws shorthand) names a local file they read and send (a file of the glue's account): a value "
               "cannot hold one";
      // az reads @FILE at an argument's start and after its first '='.
      if ((!v.empty() && v.front() == '@') || v.find("=@") != std::string_view::npos)
        return "a value in an argument of a cloud CLI (aws, gsutil, gcloud storage, az) cannot start with '@' or hold "
               "'=@': az reads the file named after an argument's start '@' or its first '=@' (a file of the glue's "
               "account) and sends its text";
      return nullptr;
    case ElementRole::AwsUrlParameter:
      // aws-cli v1 fetches a parameter that is an http(s) URL (cli_follow_urlparam).
      for (std::string_view scheme : {"http://", "https://"})
        if (v.size() >= scheme.size() && std::equal(scheme.begin(), scheme.end(), v.begin(), [](char p, char c) {
              return p == std::tolower(static_cast<unsigned char>(c));
            }))
          return "an aws parameter that is an http(s) URL is fetched by aws-cli v1 from the job's node (the "
                 "instance's credentials at 169.254.169.254, internal services) and its text sent instead: a value "
                 "cannot start one";
      return nullptr;
    case ElementRole::GcloudListValue:
      if ((!v.empty() && v.front() == '^') || v.find_first_of(",\"") != std::string_view::npos)
        return "a value in a gcloud list or dict flag (--update-env-vars, --labels, --metadata, ...) cannot hold ',' "
               "or '\"', which part its items, or start with '^' (^DELIM^ picks another separator): it would add "
               "items (BASH_ENV=..., another label)";
      return nullptr;
    case ElementRole::FetchedUrl: {
      constexpr const char* kOnlyWebSchemes =
          "a URL curl or wget fetches can only be http, https, ftp or ftps: file:// would read the glue's own "
          "files, and dict://, gopher:// or telnet:// reach services on the cluster's network";
      // SCHEME: at the start (RFC 3986: a letter, then letters, digits, + - .);
      // HOST:PORT is no scheme.
      const auto colon = v.find(':');
      const auto scheme = v.substr(0, std::min(colon, v.size()));
      if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(v[0])) ||
          (colon + 1 < v.size() && std::isdigit(static_cast<unsigned char>(v[colon + 1]))) ||
          std::any_of(scheme.begin(), scheme.end(), [](char ch) {
            return !std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '-' && ch != '.';
          })) {
        // Without a scheme curl guesses one from the host's first label
        // (after any USER@): dict.HOST speaks DICT, ldap., imap., pop3. and
        // smtp. theirs (attack 194: dict.localhost:16379/flushall reached a
        // Redis on the node).
        auto host = v.substr(0, std::min(v.find_first_of("/?#"), v.size()));
        if (const auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
        for (std::string_view guessed : {"dict.", "ldap.", "imap.", "pop3.", "smtp."})
          if (host.size() >= guessed.size() &&
              equals_ignoring_case(host.substr(0, guessed.size()), guessed))
            return "a URL curl fetches without a scheme cannot name a host starting with dict., ldap., imap., pop3. "
                   "or smtp.: curl speaks that protocol to it (only http, https, ftp and ftps are fetched)";
        return nullptr;
      }
      std::string lower(scheme);
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (std::string_view ok : {"http", "https", "ftp", "ftps"})
        if (lower == ok) return nullptr;
      return kOnlyWebSchemes;
    }
    case ElementRole::WriteOutFormat:
      return (v.empty() || v.front() != '@') && v.find('%') == std::string_view::npos
                 ? nullptr
                 : "a value in curl's --write-out format cannot start with '@' (curl reads the format from that file) "
                   "or hold '%' (a variable, and %output{FILE} makes curl write that file)";
    case ElementRole::PerlOperand: {
      // Two-argument open skips leading blanks, then reads '<', '>', '+<'
      // or '|' as a mode; a '|' at the end pipes from a command.
      const auto start = v.find_first_not_of(" \t\n\r\f\v");
      if (v.find('|') != std::string_view::npos ||
          (start != std::string_view::npos && (v[start] == '<' || v[start] == '>' || v[start] == '+')))
        return "a value given to a perl program cannot hold '|' or start with '<', '>' or '+': perl's <> opens "
               "its operands with two-argument open, which runs \"cmd|\" as a command";
      return nullptr;
    }
    case ElementRole::OptionDigits:
      // (|number's exponent and sign are letters and dashes in a cluster.)
      return !v.empty() && v.find_first_not_of("0123456789.") == std::string_view::npos
                 ? nullptr
                 : "inside an option word the template starts (-0${...}, -u${...}), a value is digits only: the "
                   "program reads any letter or '-' there as another option (perl -01e4 is -01 -e 4)";
    case ElementRole::Quantity: {
      // 16, 64g, 1.5T: a number and a unit, never a name arithmetic reads.
      std::size_t k = 0;
      while (k < v.size() && std::isdigit(static_cast<unsigned char>(v[k]))) ++k;
      if (k > 0 && k + 1 < v.size() && v[k] == '.' && std::isdigit(static_cast<unsigned char>(v[k + 1])))
        for (++k; k < v.size() && std::isdigit(static_cast<unsigned char>(v[k]));) ++k;
      const auto unit = v.substr(k);
      return k > 0 && unit.size() <= 2 && std::all_of(unit.begin(), unit.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); })
                 ? nullptr
                 : "this variable is a count, a size or a port that its launcher reads in arithmetic or splits into "
                   "words: a value for it is a number, optionally with a unit of one or two letters (16, 64g, 1.5T)";
    }
    case ElementRole::ForwardedVariable:
      return plain_word(v, "_./+-=:@%")
                 ? nullptr
                 : "a value deepspeed's launcher forwards to the other nodes may hold only letters, digits and "
                   "_ . / + - = : @ % (and no '-' first): its multi-node runners put NCCL_*, PYTHON*, UCX_*, MV2_* "
                   "and MLFLOW_* variables unquoted into a remote shell's export line or into srun's --export list; "
                   "pass other text in a file";
    case ElementRole::AwkOperand: {
      // (A value after text of the template's may complete a NAME=.)
      const auto eq = v.find('=');
      return eq == std::string_view::npos || v.substr(0, eq).find('/') != std::string_view::npos
                 ? nullptr
                 : "a value in an input file of awk cannot hold '=' before a '/': awk takes NAME=VALUE there as an "
                   "assignment to a variable of its program (out=/path redirects its output)";
    }
    case ElementRole::DataField:
      return is_data_scalar(v, true)
                 ? nullptr
                 : "a value written into a data file (JSON, YAML, TOML, INI, CSV) may hold only letters, digits, "
                   "blanks and . _ / + : - (and ? % # ( ) * ~ ! @ = after its first character; no quote, '\\', "
                   "bracket, brace, ',', ';', '&', ': ', ' #' or an option after a blank such as ' --x'): it would "
                   "change the file's structure (add keys, change types, add YAML tags) or, where a tool runs the "
                   "file's text as a command, end it or add an option; write the file with a serializer "
                   "(jq -n --arg v \"$V\" '{name: $v}') from an environment variable";
    case ElementRole::YamlPlainText:
      return is_data_scalar(v, true, "'\",[]")
                 ? nullptr
                 : "a value written as a YAML key's or list item's whole value may hold only letters, digits, blanks "
                   "and . _ / + : - (and ? % # ( ) * ~ ! @ = ' \" , [ ] after its first character; no '\\', "
                   "brace, ';', '&', ': ', ' #' or an option after a blank such as ' --x'): it would change the "
                   "file's structure (add keys, change types, add YAML tags) or, where a tool runs the file's text as "
                   "a command, end it or add an option; write the file with a serializer (yq, python -c 'import "
                   "yaml...') from an environment variable";
    case ElementRole::DataProseText:
      return stays_in_quoted_string(v, "\"\\${}`")
                 ? nullptr
                 : "a value written inside a quoted string of a data file (JSON, YAML, TOML) cannot hold '\"', '\\', "
                   "a control character or line break, '$', '{', '}', '`' or an option (first or after a blank: ' --x'): "
                   "it would end the string or change the file's structure (add keys), be read as an interpolation, "
                   "or add an option where a tool writes the name into a command line (a job name: #SBATCH -J NAME); "
                   "write the file with a serializer "
                   "(jq -n --arg v \"$V\" '{name: $v}') from an environment variable";
    case ElementRole::EnteredPath: return nullptr;
    case ElementRole::StepFileName:
      if (v.find('%') != std::string_view::npos)
        return "a value in --output, --error or --input cannot hold '%': slurmstepd expands %x (the job name), %u, "
               "%N, ... in the path, so the file would be named by text no rule checked";
      return v.find('\\') == std::string_view::npos
                 ? nullptr
                 : "a value in --output, --error or --input cannot hold '\\': slurmstepd removes every backslash of "
                   "the path (and then expands no %j), so \\.. would climb and \\.name would be hidden";
    case ElementRole::EnteredDirectory:
      if (v == "-")
        return "a directory cd or pushd enters cannot be '-': bash reads it as $OLDPWD, the directory before, even "
               "after --";
      return v.empty() || v.front() != '+'
                 ? nullptr
                 : "a directory cd or pushd enters cannot start with '+': pushd reads +N as a turn of its directory "
                   "stack (pushd +1 goes back to the directory before)";
    case ElementRole::DataNoteText:
      return stays_in_quoted_string(v, "\"\\${}`", true)
                 ? nullptr
                 : "a value written inside a quoted string of a data file (JSON, YAML, TOML) cannot hold '\"', '\\', "
                   "a control character or line break, '$', '{', '}' or '`': it would end the string or change the "
                   "file's structure (add keys), or be read as an interpolation; write the file with a serializer "
                   "(jq -n --arg v \"$V\" '{name: $v}') from an environment variable";
    case ElementRole::DataQuotedText: {
      // (Pasted as a word of its own, the value must not start an option either.)
      return stays_in_quoted_string(v, "\"\\${}`;&|<>")
                 ? nullptr
                 : "a value written inside a quoted string of a data file (JSON, YAML, TOML) cannot hold '\"', '\\', "
                   "a control character or line break, '$', '{', '}', '`', ';', '&', '|', '<', '>' or an option (first or "
                   "after a blank: ' --x'): it would end the string or change the file's structure (add keys), be read as "
                   "an interpolation, or, where a tool runs the string as a command, end it or add an option; write the file with a serializer "
                   "(jq -n --arg v \"$V\" '{name: $v}') from an environment variable";
    }
    case ElementRole::DataSingleQuotedText:
      // (YAML's and TOML's '...' end only at a quote; '"' and '\\' are text.)
      return stays_in_quoted_string(v, "'${}`;&|<>")
                 ? nullptr
                 : "a value written inside a '...' string of a YAML or TOML file cannot hold an apostrophe, a "
                   "control character or line break, '$', '{', '}', '`', ';', '&', '|', '<', '>' or an option (first "
                   "or after a blank: ' --x'): it would end the string or change the file's structure, be read as an "
                   "interpolation, or, where a tool runs the string as a command, end it or add an option; write the "
                   "file with a serializer (jq -n --arg v \"$V\" '{name: $v}') from an environment variable";
    case ElementRole::CsvField:
    case ElementRole::TsvField: {
      // Only the separator, a quote (which makes a reader take separators
      // and line breaks as text up to the next one) and line breaks shape a
      // table; a formula's first character makes a spreadsheet run it.
      const bool csv = role == ElementRole::CsvField;
      const bool shaped = std::any_of(v.begin(), v.end(), [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7f || ch == '"' || (csv && ch == ',');
      });
      if (!shaped && (v.empty() || std::string_view("=+-@").find(v.front()) == std::string_view::npos)) return nullptr;
      return csv ? "a value written as a field of a .csv file cannot hold ',', '\"', a TAB or another control "
                   "character (they part fields and rows), or start with '=', '+', '-' or '@' (a spreadsheet runs it as "
                   "a formula); write the file with a CSV writer (python3 -c 'import csv...') from an environment variable"
                 : "a value written as a field of a .tsv file cannot hold a TAB, '\"' or another control character "
                   "(they part fields and rows), or start with '=', '+', '-' or '@' (a spreadsheet runs it as a "
                   "formula); write the file with a CSV writer (python3 -c 'import csv...') from an environment variable";
    }
    case ElementRole::PackageSpec: {
      // (./pkg, /home/x/pkg, pkg.tar.gz, x.whl: a local project or archive
      // pip builds, its setup.py run; attack 221.)
      const auto archive = [&] {
        for (std::string_view end : {".whl", ".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".tbz2", ".txz", ".egg"})
          if (v.size() > end.size() && v.substr(v.size() - end.size()) == end) return true;
        return false;
      };
      return v.find_first_of(":@/\\") == std::string_view::npos && !v.starts_with(".") && !archive()
                 ? nullptr
                 : "a package to install cannot hold ':', '@', '/' or '\\', start with '.' or name an archive: a URL, "
                   "NAME @ URL, git+https://..., a local directory or a wheel would make the installer fetch or build "
                   "and run code from where the value says; name the package (torch==2.3.1) and write the index in "
                   "the template";
    }
    case ElementRole::UrlHost: {
      const auto colon = v.find(':');
      const bool port = colon == std::string_view::npos ||
                        (colon + 1 < v.size() && v.find_first_not_of("0123456789", colon + 1) == std::string_view::npos);
      return port && std::none_of(v.begin(), v.end(), [](char ch) {
               return static_cast<unsigned char>(ch) <= 0x20 || std::string_view("/\\@?#").find(ch) != std::string_view::npos;
             })
                 ? nullptr
                 : "a value in a URL's host cannot hold '/', '\\', '@', '?', '#', a blank, or ':' but before a port: it "
                   "would choose another server (which gets the request's token)";
    }
    case ElementRole::UrlPathPart: {
      std::string lower(v);
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const bool dots = v == ".." || v.starts_with("../") || v.ends_with("/..") || v.find("/../") != std::string_view::npos ||
                        lower.find("%2e") != std::string::npos;
      return !dots && std::none_of(v.begin(), v.end(), [](char ch) {
               return static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7f || ch == '?' || ch == '#' || ch == '\\';
             })
                 ? nullptr
                 : "a value in a URL's path cannot hold a '..' segment (also %2e), '?', '#', '\\', a blank or a "
                   "control character: it would reach another resource or add a query";
    }
    case ElementRole::YamlFlowItem: return check_element(ElementRole::DataField, v);
    case ElementRole::ImportPathFree: {
      // jsonargparse imports a dotted name given where a class or a
      // callable may stand (--model=os.system, --trainer.logger=a.B): any
      // option may be one. A file name (train.json, model.ckpt) is data.
      static constexpr std::string_view kFileExtensions[] = {
          "json", "jsonl", "yaml", "yml", "toml", "csv", "tsv", "txt", "pt", "pth", "ckpt", "bin", "safetensors",
          "npy", "npz", "h5", "hdf5", "parquet", "arrow", "xml", "png", "jpg", "jpeg", "tar", "gz", "zip", "onnx",
          "log", "md", "py"};
      // (Python names may hold any letter: a byte past ASCII counts as one.)
      const auto identifier = [](std::string_view s) {
        return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) && std::all_of(s.begin(), s.end(), [](char ch) {
                 return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || static_cast<unsigned char>(ch) >= 0x80;
               });
      };
      // (In --opt.key=VALUE or key.sub=VALUE only the value names a class.)
      if (const auto eq = v.find('='); eq != std::string_view::npos && eq > 0 &&
          v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+~-") == eq)
        v = v.substr(eq + 1);
      bool dotted = false;
      for (std::size_t at = 0; at <= v.size() && !dotted;) {
        const auto end = std::min(v.find_first_of(" \t\n\r,[]:=\"'", at), v.size());
        const auto token = v.substr(at, end - at);
        const auto dot = token.rfind('.');
        if (dot != std::string_view::npos) {
          bool chain = true;
          for (std::size_t from = 0; from <= token.size() && chain;) {
            const auto to = std::min(token.find('.', from), token.size());
            chain = identifier(token.substr(from, to - from));
            from = to + 1;
          }
          const auto last = token.substr(dot + 1);
          dotted = chain && std::none_of(std::begin(kFileExtensions), std::end(kFileExtensions),
                                         [&](std::string_view e) { return last == e; });
        }
        at = end + 1;
      }
      // (YAML's blanks end a name, and its double-quoted escapes spell one: "os.sys\x74em".)
      return !dotted && v.find_first_of("{\\") == std::string_view::npos
                 ? nullptr
                 : "a value a LightningCLI or jsonargparse program reads cannot be a dotted Python name (a.b.C) or "
                   "hold '{' or '\\': where an option takes a class or a callable, the program imports what such a name "
                   "names (--model=os.system) or what a {class_path: ...} gives; pass the class name without its "
                   "module, or write the module in the template";
    }
    case ElementRole::ScriptArgument: {
      // -cn NAME, --config-dir=DIR as words of a |words value: the value
      // would choose the file of configuration (with its _target_s) Hydra
      // loads.
      // (argparse takes an unambiguous start of a long option, --config-nam;
      // --config, the start of three, is an error there, or the script's own.)
      const auto option = v.substr(0, v.find('='));
      constexpr std::string_view kHydraLong[] = {"--config-name", "--config-path", "--config-dir", "--experimental-rerun"};
      const auto starts = std::count_if(std::begin(kHydraLong), std::end(kHydraLong), [&](std::string_view o) {
        return option.size() > 2 && o.starts_with(option);
      });
      for (std::string_view o : {"-cn", "-cp", "-cd", "--config-name", "--config-path", "--config-dir",
                                 "--experimental-rerun", "--flagfile"})
        if (option == o || (starts == 1 && o.starts_with(option)))
          return "a value that is Hydra's or absl's option choosing its configuration (--config-name, -cp, -cd, "
                 "--flagfile) would choose the file whose _target_s run: write the option in the template";
      // ~hydra.run (a deletion, no '='), db@hydra=x (a package override into hydra).
      const auto key_part = v.substr(0, v.find('='));
      // (x@_global_.hydra.job=y: the package _global_ is the root.)
      if (key_part.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+~/@-") ==
              std::string_view::npos &&
          (key_part.rfind("~hydra", 0) == 0 || key_part.find("@hydra") != std::string_view::npos ||
           key_part.find("@_global_.hydra") != std::string_view::npos))
        return "a Hydra override of Hydra's own settings (callbacks, launcher, sweeper, job.env_set, searchpath) "
               "chooses code the job runs or its environment: write it in the template";
      if (!is_override(v)) return nullptr;
      std::string_view key = v.substr(0, v.find('='));
      const std::string_view value = v.substr(v.find('=') + 1);
      key.remove_prefix(std::min(key.find_first_not_of("+~"), key.size()));
      // Hydra's own settings: its callbacks, launcher and sweeper are
      // callables it calls, env_set sets the job's environment, searchpath
      // adds configs (with their _target_s).
      const bool output_dir = is_hydra_output_dir(key);
      if ((key.rfind("hydra.", 0) == 0 || key.rfind("hydra/", 0) == 0) && !output_dir && key != "hydra.job.name")
        return "a Hydra override of Hydra's own settings (callbacks, launcher, sweeper, job.env_set, searchpath) "
               "chooses code the job runs or its environment: write it in the template";
      const auto last = key.substr(key.find_last_of('.') == std::string_view::npos ? 0 : key.find_last_of('.') + 1);
      if (const char* why = check_element(ElementRole::OverrideValue, value)) return why;
      if (last == "_target_" || last == "class_path")
        if (const char* why = check_element(ElementRole::CallableName, value)) return why;
      if (output_dir) return check_element(ElementRole::Path, value);
      return nullptr;
    }
    case ElementRole::ShellJoinedWord:
      return v.find('$') == std::string_view::npos
                 ? nullptr
                 : "sudo -s, -i, --shell and --login join the command's words into one line for a shell, with a "
                   "backslash before every character but letters, digits, '_', '-' and '$': a '$' there expands a "
                   "variable of that shell, unquoted (more words, options, file names)";
    case ElementRole::FindClauseWord:
      return v != ";" && v != "+"
                 ? nullptr
                 : "a ';' or '+' word inside find's -exec, -execdir, -ok or -okdir clause (or fd's --exec) ends the "
                   "clause, and the words after it are find's own (another -exec with a command of the value's choosing)";
    case ElementRole::LaunchWord:
      return v != ":"
                 ? nullptr
                 : "a ':' word on an srun, salloc, mpirun, mpiexec, aprun or ibrun line, or one horovodrun, "
                   "deepspeed or accelerate hand to mpirun, starts another component of the launch (a heterogeneous "
                   "step, an MPMD program) with options and a command of its own";
    case ElementRole::CallableName:
      // hydra.utils.instantiate and jsonargparse import the dotted path and
      // call what it names: os.system, subprocess.run, builtins.exec. One
      // name after the module the template writes chooses only among that
      // module's names (a '.' walks on into the modules it imports).
      return !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) {
               return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
             })
                 ? nullptr
                 : "a value in the Python callable a config names (Hydra's _target_, jsonargparse's class_path, "
                   "logging.config's class and \"()\") "
                   "chooses code the job imports and calls: it must be one Python name (letters, digits, _), "
                   "after a module the template writes (_target_: torchvision.models.${...})";
    case ElementRole::UrlQueryValue:
      return std::none_of(v.begin(), v.end(),
                          [](char ch) { return static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7f || ch == '&' || ch == '#' || ch == ';'; })
                 ? nullptr
                 : "a value in a URL's query (?NAME=VALUE&...) cannot hold '&', '#', ';', a blank or a control "
                   "character: it would add a parameter the server obeys or end the query; send it encoded "
                   "(curl --get --data-urlencode \"name=$V\", urllib.parse.quote) from an environment variable";
    case ElementRole::DataWord:
      return is_data_scalar(v, false)
                 ? nullptr
                 : "a value written into a list file (hostfile, requirements.txt) or into a command line a data file "
                   "holds (run:, command:, setup:, entrypoint: a tool runs it in a shell) must be one word of letters, digits "
                   "and . _ / + @ : = - (not starting with '-'): a blank would add a host, a key or an option";
    case ElementRole::PatsubReplacement:
      return v.find_first_of("&\\") == std::string_view::npos
                 ? nullptr
                 : "a value reaching the replacement of ${S/PATTERN/$V} unquoted cannot hold '&' or '\\': bash 5.2 puts "
                   "the matched text for each '&'; quote it there (\"$V\")";
    case ElementRole::NodeList:
      return v.find('/') == std::string_view::npos
                 ? nullptr
                 : "a node list value cannot hold '/': sbatch reads the nodes from the file a name with '/' gives";
    case ElementRole::Pattern:
      return v.find_first_of("*?[\\") == std::string_view::npos
                 ? nullptr
                 : "a value in a pattern the program matches itself (find -name, -path; gsutil and rclone paths) "
                   "cannot hold '*', '?', '[' or '\\': it would match other files than the one it names";
    case ElementRole::OverrideQuotedText:
      return v.find_first_of("'\"\\") == std::string_view::npos
                 ? nullptr
                 : "a value inside a quoted string of a KEY=VALUE override (name='...') cannot hold a quote or '\\': "
                   "it would end the string, and Hydra would read what follows as its own syntax (a list, a sweep, "
                   "another type)";
    case ElementRole::RsyncPattern:
      return v != "!" && !v.starts_with("- ") && !v.starts_with("+ ")
                 ? nullptr
                 : "a value starting an rsync --exclude or --include pattern cannot be '!' or start with \"- \" or "
                   "\"+ \": rsync reads them as a rule, and '!' clears every rule the template gave";
    case ElementRole::RegexPattern:
      return v.find_first_of(".*+?^$[]{}()|\\") == std::string_view::npos
                 ? nullptr
                 : "a value in a regular expression the program matches file names with (find -regex, fd's pattern) "
                   "cannot hold '.', '*', '+', '?', '^', '$', '[', ']', '{', '}', '(', ')', '|' or '\\': '.+' "
                   "matches every file, not the one it names; match it as a glob (find -path, fd -g), where '.' is a "
                   "'.', or as a fixed string (fd -F)";
    case ElementRole::CreatedName:  // (read with the template's text around it: check_site)
      return nullptr;
    case ElementRole::FileName: {
      // wget URL, curl -O, cp "$V" DIR: the value's last component is the
      // name the file gets; named like code, it could replace a script or
      // module the job runs (pip.py next to python -m pip).
      auto last = v.substr(0, std::min(v.find_first_of("?#"), v.size()));
      while (!last.empty() && last.back() == '/') last.remove_suffix(1);
      // The directory it lands in may be the glue's home, whose hidden
      // files run (.bashrc, .profile, .netrc).
      if (const auto slash = last.rfind('/'); slash != std::string_view::npos && last.size() > slash + 1 &&
                                              last[slash + 1] == '.')
        return "a copy or download names its file after this value's last component, which starts with '.': it "
               "could replace a hidden file of the directory it lands in (the glue's home: .bashrc, .profile, "
               ".netrc); give the file a name in the template";
      if (!last.empty() && last.front() == '.' && last.find('/') == std::string_view::npos)
        return "a copy or download names its file after this value, which starts with '.': it could replace a "
               "hidden file of the directory it lands in (the glue's home: .bashrc, .profile, .netrc); give the "
               "file a name in the template";
      if (!is_code_file(last) && !is_package_file(last)) return nullptr;
      // (cp "/shared/datasets/${V}" . with alice/preprocess.py replaced the
      // site's preprocess.py the job ran next; attack 210.)
      return "a copy or download takes the name of this value's last part, and this one names code or a package "
             "list (.py, .sh, requirements.txt, ...): it could replace what the job runs; give the file a name in "
             "the template (cp SRC DIR/NAME, wget -O data.tar.gz, curl -o)";
    }
    case ElementRole::UrlGlob:
      return v.find_first_of("{}[]*") == std::string_view::npos
                 ? nullptr
                 : "a URL curl or wget fetches cannot hold '{', '}', '[', ']' or '*' here: they expand it themselves "
                   "({a,b}, [1-9], ftp://host/*), into other URLs and other file names (curl -O writes each under its "
                   "own name); give curl -g (--globoff) to take the URL as it is";
    case ElementRole::SlurmListPart:
      return v.find_first_of(",:?+&|*[]()!%/ \t") == std::string_view::npos
                 ? nullptr
                 : "a value filling part of a Slurm list option (--gres=gpu:${...}, --dependency=afterok:${...}, "
                   "--constraint, --licenses, --array, --nodelist, --mail-user, --bb, --container-name) cannot hold a "
                   "separator, operator or blank (, : ? + & | * [ ] ( ) ! % / space): it would add an item, a "
                   "condition, a flag or a count the template did not write, or name a file of nodes";
    case ElementRole::GresPart:
      // gpu:${V} with a100:2: a type and a count stay in the item.
      return v.find_first_of(",?+&|*[]()!%/ \t") == std::string_view::npos
                 ? nullptr
                 : "a value filling part of a GPU or generic-resource request (--gres=gpu:${...}, --gpus) cannot "
                   "hold a separator, operator or blank (, ? + & | * [ ] ( ) ! % / space): it would add an item or "
                   "a flag the template did not write";
    case ElementRole::FindStart:
      return v != "!" && v != "(" && v != ")" && v != ","
                 ? nullptr
                 : "a start point of find cannot be '!', '(', ')' or ',': find would read it as the start of its "
                   "expression (find ! -name x -delete removes the other files)";
    case ElementRole::ProgramName:
      return v.find('/') == std::string_view::npos && (v.empty() || v.front() != '-')
                 ? nullptr
                 : "the name a program runs under (exec -a) cannot hold '/' or start with '-': programs find their "
                   "libraries from it (python's prefix and its site-packages) and a shell named -NAME reads login "
                   "files";
    case ElementRole::WarningFilter: {
      // ACTION:MESSAGE:CATEGORY:MODULE:LINE, filters separated by ','
      // (PYTHONWARNINGS): python imports the module a dotted CATEGORY
      // names. A template's text before the value only moves its fields
      // later, so a '.' is safe only after the value's own third ':'.
      for (std::size_t start = 0; start <= v.size();) {
        auto end = std::min(v.find(',', start), v.size());
        const auto item = v.substr(start, end - start);
        const auto dot = item.find('.');
        std::size_t colons = 0;
        for (std::size_t k = 0; k < std::min(dot, item.size()); ++k) colons += item[k] == ':';
        if (dot != std::string_view::npos && colons < 3)
          return "a python warning filter (-W, PYTHONWARNINGS) from a value cannot hold '.' before its module field: "
                 "python imports the module a dotted category names (ignore::pkg.Warning imports pkg)";
        start = end + 1;
      }
      return nullptr;
    }
    case ElementRole::MailUser:
      if (!v.empty() && v.front() == '-')
        return "a mail recipient cannot start with '-': the mail program (slurmctld's for --mail-user) would read it as "
               "an option";
      return names_mail_pipe_or_file(v)
                 ? "a mail recipient cannot start with '|' or '+' or hold a '/' before its '@': mail programs deliver "
                   "to '|COMMAND' by running it and to a file name by writing the file (a ',' or blank starts another "
                   "recipient)"
                 : nullptr;
    case ElementRole::JobText:
      return runs_in_arithmetic(v) ? kSubscriptCode : nullptr;
    case ElementRole::JobName:
      if (runs_in_arithmetic(v)) return kSubscriptCode;
      return v.find('/') == std::string_view::npos && (v.empty() || v.front() != '.')
                 ? nullptr
                 : "a job name cannot hold '/' or start with '.': %x in --output or --error would put it in the log "
                   "file's path, where it could name a hidden file (.bashrc in the submit directory) or '..'";
  }
  return nullptr;
}

namespace {

// The characters a role forbids first, and so anywhere in a value that is
// cut before it fills the role.
std::string_view first_characters(ElementRole role) {
  switch (role) {
    case ElementRole::Path: return "/~|";
    case ElementRole::CodePath: return "/~";
    case ElementRole::Environment:
    case ElementRole::EnvironmentPathList: return "/~";
    case ElementRole::EnvironmentOptions:
    case ElementRole::ForwardedVariable:
    case ElementRole::MakeVariable: return "-";
    case ElementRole::MailUser: return "-|+/";
    case ElementRole::EnteredDirectory: return "+";
    case ElementRole::ProgramName: return "-";
    case ElementRole::FindStart: return "!(),";
    case ElementRole::FormField: return "@<";
    case ElementRole::WriteOutFormat: return "@";
    case ElementRole::FetchedUrl: return ":";
    case ElementRole::Endpoint: return ":/@";
    case ElementRole::ImageOperand: return ":";
    case ElementRole::GitUrl: return "-";
    case ElementRole::GitRefspec: return "+:";
    case ElementRole::PerlOperand: return "<>+";
    case ElementRole::AwkOperand: return "=";  // (a part after its '/' may begin NAME=)
    case ElementRole::LocalName:
    case ElementRole::LocalOnly: return ":";
    case ElementRole::HomeEntry: return "./";
    case ElementRole::PipeName: return "|!<";
    case ElementRole::DataField:
    case ElementRole::YamlFlowItem:
    case ElementRole::DataWord: return " -?%#()*~!@=";
    case ElementRole::YamlPlainText: return " -?%#()*~!@='\",[]";
    case ElementRole::CsvField:
    case ElementRole::TsvField: return "=+-@";
    default: return {};
  }
}

}  // namespace

const char* check_cut_element(ElementRole role, std::string_view v) {
  if (const char* why = check_element(role, v)) return why;
  if (role == ElementRole::CloudCliArgument && loads_local_file(v, true))
    return "the template cuts this value before it fills an aws parameter, so any part of it may come first: it "
           "cannot hold file:// or fileb://, which make aws send a local file's text";
  const auto first = first_characters(role);
  const bool climbs = (role == ElementRole::Path || role == ElementRole::CodePath) && v.find("..") != std::string_view::npos;
  const bool dot = role == ElementRole::JobName && !v.empty() && v.back() == '.';
  if ((!first.empty() && v.find_first_of(first) != std::string_view::npos) || climbs || dot)
    return "the template cuts this value before it fills this part (${V#*:}, ${V:1}, read A B, BASH_REMATCH, "
           "$(cut ...)), so any part of it may come first: it cannot hold a character this part forbids "
           "first ('/' or '~' in a path, '-' in a mail user, '@' or '<' in a form field) or '..'";
  return nullptr;
}

namespace {

bool in_bracket_class(std::string_view pattern, unsigned char c) {
  auto set = pattern.substr(1, pattern.size() - 2);
  const bool negated = !set.empty() && (set[0] == '^' || set[0] == '!');
  if (negated) set.remove_prefix(1);
  bool in = false;
  for (std::size_t k = 0; k < set.size() && !in; ++k) {
    if (k + 2 < set.size() && set[k + 1] == '-') {
      in = c >= static_cast<unsigned char>(set[k]) && c <= static_cast<unsigned char>(set[k + 2]);
      k += 2;
    } else {
      in = c == static_cast<unsigned char>(set[k]);
    }
  }
  return in != negated;
}

bool is_bracket_class(std::string_view p) { return p.size() > 2 && p.front() == '[' && p.back() == ']'; }

// The length of the character at v[k]: a UTF-8 sequence is one character
// to bash's patterns, as the job's UTF-8 locale reads it.
std::size_t character_length(std::string_view v, std::size_t k) {
  std::size_t n = 1;
  if (static_cast<unsigned char>(v[k]) >= 0xc0)
    while (k + n < v.size() && (static_cast<unsigned char>(v[k + n]) & 0xc0) == 0x80) ++n;
  return n;
}

}  // namespace

bool ValueCut::matches(std::string_view pattern, unsigned char c) {
  if (is_bracket_class(pattern)) return in_bracket_class(pattern, c);
  return pattern.find(static_cast<char>(c)) != std::string_view::npos;
}

namespace {

// A cut of any part that may start with any character `ways` write: what
// a cut read inexactly makes of replacements (X=${V//b/-}; Y=${X:1}).
// One way per character, which makes the value's first character that
// one ("[!]" matches any character).
std::vector<ValueCut::Way> any_written_first(const std::vector<ValueCut::Way>& ways) {
  std::string written;
  for (const auto& way : ways)
    for (const auto& r : way)
      for (const char ch : r.replacement)
        if (written.find(ch) == std::string::npos) written += ch;
  std::sort(written.begin(), written.end());
  std::vector<ValueCut::Way> out;
  for (const char ch : written) out.push_back({{"[!]", std::string(1, ch), '#'}});
  return out;
}

// A cut of any part that may start with any character `ways` write, as
// a cut of too many ways is.
ValueCut any_part(const std::vector<ValueCut::Way>& ways) {
  ValueCut cut;
  cut.anywhere = cut.deletes = cut.too_many = true;
  cut.ways = any_written_first(ways);
  return cut;
}

ValueCut one_way(ValueCut::Way way) {
  ValueCut cut;
  cut.ways.push_back(std::move(way));
  return cut;
}

// Applying `r` again changes nothing more (E=${E// /_}, N=${N##*/}).
bool idempotent(const ValueCut::Replacement& r) {
  if (r.mode == 't' || r.mode == 'b' || r.mode == '[') return true;
  if (r.mode == 'c') return r.pattern != "S" && r.pattern != "s";
  if (r.mode == '{') return r.replacement.empty();
  const bool one = r.pattern.size() == 1 || r.pattern.front() == '[';
  return r.mode == '/' && one && std::none_of(r.replacement.begin(), r.replacement.end(), [&](char ch) {
           return ValueCut::matches(r.pattern, static_cast<unsigned char>(ch));
         });
}

// Bounds on what a cut holds, so that a loop cutting a variable again and
// again (N=${N#*/}) reaches a fixed point: beyond them the cut is one of
// any part.
constexpr std::size_t kMostWays = 24, kLongestWay = 8;

// Whether a way only cuts an end (${V%.*}, ${V%%/*}): what it makes is a
// start of what it is given.
bool cuts_an_end(const ValueCut::Way& way) {
  return std::all_of(way.begin(), way.end(), [](const ValueCut::Replacement& r) {
    return (r.mode == '[' || r.mode == ']') && r.replacement.empty();
  });
}
// Whether a cut only cuts ends, exactly (its ways) or not (its end).
bool cuts_only_ends(const ValueCut& c) {
  return !c.anywhere && !c.deletes && !c.echo_options && !c.too_many && c.prefixes.empty() &&
         std::all_of(c.ways.begin(), c.ways.end(), cuts_an_end);
}

}  // namespace

ValueCut ValueCut::then(const ValueCut& next) const {
  if (empty()) return next;
  if (next.empty()) return *this;
  // An end cut (${N%/}, ${N%.py} of N=${V#hf://}) after a cut of any end
  // (an end cut again and again in a loop: while ...; do N=${N%.*}; done)
  // keeps the start the cut before left, whose rules hold as they did
  // (fr hunt 82, attack 197).
  if (cuts_only_ends(next) && (next.ways.empty() || end)) {
    ValueCut out = *this;
    out.end = true;
    return out;
  }
  ValueCut out = *this;
  out.merge(next);
  // Literal start cuts are replacements at the start of what the cut
  // before made (or of the value as it is).
  std::vector<Way> before{Way{}}, after = next.ways;
  before.insert(before.end(), ways.begin(), ways.end());
  for (const auto& p : prefixes) before.push_back({{p, "", '#'}});
  for (const auto& p : next.prefixes) after.push_back({{p, "", '#'}});
  // A replacement of single characters (${X//-/_}, tr) makes of a part of
  // the value the same part of what it makes of the whole: it follows any
  // cut exactly. Any other follows only exact replacements.
  const bool per_character = next.only_replaces() && next.prefixes.empty() &&
                             std::all_of(next.ways.begin(), next.ways.end(), [](const Way& way) {
                               return std::all_of(way.begin(), way.end(), [](const Replacement& r) {
                                 return r.mode == '/' && (r.pattern.size() == 1 || is_bracket_class(r.pattern));
                               });
                             });
  if (!per_character && !(only_replaces() && !too_many && !next.anywhere && !next.deletes && !next.echo_options)) {
    // (A part of a part may be any part, starting with what a replacement wrote.)
    before.insert(before.end(), after.begin(), after.end());
    out.merge(any_part(before));
    return out;
  }
  for (const auto& first : before)
    for (const auto& second : after) {
      Way way = first;
      // (E=${E// /_} in a loop: once is every time.)
      if (!(second.size() == 1 && !way.empty() && way.back() == second.front() && idempotent(second.front())))
        way.insert(way.end(), second.begin(), second.end());
      if (way.size() > kLongestWay && cuts_an_end(second))
        out.end = true;  // (the way so far, then any end cut)
      else if (way.size() > kLongestWay)
        out.merge(any_part({way}));
      else
        out.merge(one_way(std::move(way)));
    }
  return out;
}

std::string ValueCut::replaced(const Way& way, std::string_view value) {
  std::string v(value);
  for (const auto& r : way) {
    if (r.mode == 'c') {
      v = case_changed(v, r.pattern);
      continue;
    }
    if (r.pattern.empty()) continue;
    if (is_bracket_class(r.pattern)) {
      // One character of the set at a time (a character beyond ASCII is
      // in a set only by negation).
      std::string out;
      bool done = false;
      for (std::size_t k = 0; k < v.size();) {
        const auto n = character_length(v, k);
        const bool at = r.mode == '#' ? k == 0 : r.mode == '%' ? k + n == v.size() : true;
        if (!done && at && in_bracket_class(r.pattern, static_cast<unsigned char>(v[k]))) {
          out += r.replacement;
          done = r.mode != '/';
        } else {
          out.append(v, k, n);
        }
        k += n;
      }
      v = out;
      continue;
    }
    if (r.mode == 'b') {
      // (basename: the pattern '/', the replacement what '/'s alone make.)
      const auto last = v.find_last_not_of(r.pattern);
      if (last == std::string::npos) {
        if (!v.empty()) v = r.replacement;
      } else {
        const auto cut = v.rfind(r.pattern, last);
        v = v.substr(cut == std::string::npos ? 0 : cut + r.pattern.size(), cut == std::string::npos ? last + 1 : last - cut);
      }
    } else if (r.mode == 't') {
      const auto first = v.find_first_not_of(r.pattern);
      v = first == std::string::npos ? std::string() : v.substr(first, v.find_last_not_of(r.pattern) + 1 - first);
    } else if (r.mode == '[' || r.mode == ']') {
      const auto hit = r.mode == '[' ? v.find(r.pattern) : v.rfind(r.pattern);
      if (hit != std::string::npos) v = v.substr(0, hit) + r.replacement;
    } else if (r.mode == '<' || r.mode == '{') {
      const auto hit = r.mode == '<' ? v.find(r.pattern) : v.rfind(r.pattern);
      if (hit != std::string::npos) v = r.replacement + v.substr(hit + r.pattern.size());
    } else if (r.mode == '#') {
      if (v.rfind(r.pattern, 0) == 0) v = r.replacement + v.substr(r.pattern.size());
    } else if (r.mode == '%') {
      if (v.size() >= r.pattern.size() && v.compare(v.size() - r.pattern.size(), r.pattern.size(), r.pattern) == 0)
        v = v.substr(0, v.size() - r.pattern.size()) + r.replacement;
    } else {
      std::string out;
      std::size_t at = 0;
      for (auto hit = v.find(r.pattern); hit != std::string::npos; hit = v.find(r.pattern, at)) {
        out.append(v, at, hit - at).append(r.replacement);
        at = hit + r.pattern.size();
        if (r.mode == '1') break;
      }
      v = out + v.substr(at);
    }
  }
  return v;
}

std::string ValueCut::case_changed(std::string_view value, std::string_view how) {
  const bool first_only = how == "l" || how == "u" || how == "s";
  const bool lower = how == "L" || how == "l" || how == "S" || how == "s";
  const bool upper = how == "U" || how == "u" || how == "S" || how == "s";
  std::string out;
  for (std::size_t k = 0; k < value.size();) {
    const auto n = character_length(value, k);
    const auto c = value.substr(k, n);
    if (first_only && k > 0) {
      out.append(value.substr(k));
      break;
    }
    // (towlower and towupper in a UTF-8 locale: the letters whose other
    // case is ASCII are these.)
    if (n == 1 && std::isupper(static_cast<unsigned char>(c[0])) && lower) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c[0])));
    else if (n == 1 && std::islower(static_cast<unsigned char>(c[0])) && upper) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
    else if (c == "\u0130" && lower) out += 'i';  // LATIN CAPITAL LETTER I WITH DOT ABOVE
    else if (c == "\u212a" && lower) out += 'k';  // KELVIN SIGN
    else if (c == "\u212b" && lower) out += "\u00e5";  // ANGSTROM SIGN
    else if (c == "\u0131" && upper) out += 'I';  // LATIN SMALL LETTER DOTLESS I
    else if (c == "\u017f" && upper) out += 'S';  // LATIN SMALL LETTER LONG S
    else out.append(c);
    k += n;
  }
  return out;
}

bool ValueCut::is_echo_options(std::string_view value) {
  return value.size() > 1 && value[0] == '-' &&
         value.find_first_not_of("neE", 1) == std::string_view::npos;
}

std::vector<std::string> ValueCut::made(std::string_view value) const {
  std::vector<std::string> out;
  out.reserve(ways.size());
  for (const auto& way : ways) out.push_back(replaced(way, value));
  return out;
}

bool ValueCut::merge(const ValueCut& other) {
  const ValueCut before = *this;
  for (const auto& way : other.ways)
    if (std::find(ways.begin(), ways.end(), way) == ways.end()) ways.push_back(way);
  anywhere = anywhere || other.anywhere;
  end = end || other.end;
  deletes = deletes || other.deletes;
  echo_options = echo_options || other.echo_options;
  for (const auto& p : other.prefixes)
    if (std::find(prefixes.begin(), prefixes.end(), p) == prefixes.end()) prefixes.push_back(p);
  // Too many ways to list (a variable cut again and again in a loop): any
  // part, starting with any character a replacement writes. (Its ways
  // depend only on those characters, so a loop reaches a fixed point.)
  if (!too_many && !other.too_many && ways.size() > kMostWays && cuts_only_ends(*this)) {
    ways.clear();  // (each a start of the value: any start of it)
    end = true;
  } else if (too_many || other.too_many || ways.size() > kMostWays) {
    ways = any_written_first(ways);
    anywhere = deletes = too_many = true;
  }
  return !(*this == before);
}

namespace {

// Why `value`, standing at `site`, makes the path climb, name the directory
// around it (where the path is a file the job `writes`) or start at '/', or
// nullptr.
const char* check_site(const PathSite& site, std::string_view value, bool writes, bool creates) {
  using Edge = PathSite::Edge;
  const auto slash = value.find('/');
  const auto first = value.substr(0, slash);
  const auto last = slash == std::string_view::npos ? value : value.substr(value.rfind('/') + 1);
  const auto joined_first = site.before_text + std::string(first);
  const auto joined_last = std::string(last) + site.after_text;
  const auto whole = slash == std::string_view::npos ? site.before_text + std::string(value) + site.after_text : std::string();
  if (joined_first == ".." || joined_last == ".." || whole == "..")
    return "with the template's text next to it this value makes a '..' path component";
  if ((site.before == Edge::Expansion && site.before_text.empty() && first == ".") ||
      (site.after == Edge::Expansion && site.after_text.empty() && last == "."))
    return "a value '.' next to another expansion in a path can make a '..' component with it";
  if (value.empty() && site.before == Edge::Boundary && site.after == Edge::Slash && site.after_text.empty())
    return "an empty value at the start of a path the template continues with '/' makes it absolute "
           "(\"$DIR\"/* is /*)";
  // A hidden name (.bashrc, .ssh/, .config/) where the value starts a
  // component or after a '/' it holds: the directory around it may be the
  // glue's home (the job starts in the submit directory; "$OUT/" may be
  // "$HOME/"), whose hidden files its shells and programs run.
  const auto hidden = [](std::string_view c) { return c.size() > 1 && c.front() == '.' && c != ".."; };
  const bool starts_component = site.before_text.empty() && (site.before == Edge::Slash || site.before == Edge::Boundary);
  bool hides = starts_component && hidden(first);
  for (auto at = slash; at != std::string_view::npos && !hides; at = value.find('/', at + 1))
    hides = hidden(value.substr(at + 1, value.find('/', at + 1) - at - 1));
  if (hides)
    return "a value in a path cannot name a hidden file or directory (a component starting with '.'): the "
           "directory may be the glue's home, whose .bashrc, .ssh/ and .config/ its shells and programs run";
  // > "$NAME", cp base.yaml "$NAME": the name the job creates, the
  // template's text around the value with it, named like code or a
  // package list: the file replaces the script, module or environment the
  // job runs next (cp base.yaml train.py; attack 207).
  // (gunzip job_env.sh.gz makes job_env.sh: the name without a compression
  // suffix too; attack 210.)
  const auto code_name = [](std::string_view n) {
    n = decompressed_name(n);
    return is_code_file(n) || is_package_file(n);
  };
  if (const auto name = slash == std::string_view::npos ? whole : joined_last;
      creates && site.created && site.after != Edge::Slash && (code_name(name)))
    return "a value naming a file the job writes cannot make its name one of code or a package list (.py, .sh, "
           "Makefile, requirements.txt, ...): the file would replace a script, module or environment the job runs; "
           "give such a file its name in the template";
  // "${RUN}.${FMT}": another expansion in the same name, which may be
  // another value, completes it (json + py; attack 212): the part this
  // value makes may end or begin no such name.
  if (const auto name = slash == std::string_view::npos ? whole : joined_last;
      creates && site.created && site.after != Edge::Slash &&
      ((site.before == Edge::Expansion && slash == std::string_view::npos && may_end_code_name(decompressed_name(name))) ||
       (site.after == Edge::Expansion && may_begin_code_name(name))))
    return "a value naming a file the job writes, next to another expansion in the same name, cannot make a part "
           "that ends or begins a name of code or a package list (\"py\" after \"${NAME}.\", \"Makefile\" before "
           "\"${EXT}\"): with the other's text the file could replace a script or module the job runs; give such a "
           "file its name in the template";
  if (writes && (value.empty() || value == ".") && site.before == Edge::Slash && site.before_text.empty() &&
      site.after_text.empty() && (site.after == Edge::Slash || site.after == Edge::Boundary))
    return "an empty or '.' value as a whole path component after '/' names the directory around it (runs/${X} "
           "would be runs/ itself)";
  return nullptr;
}

// check_site where a pattern cuts the end of the text holding the value
// (site.end_cut): what the cut leaves is checked, the name ending there. A
// literal end (${LOG%.gz}) is cut exactly (train.py.gz is train.py; attack
// 216); any other pattern, or one cutting past another expansion, may leave
// any start of the text (the name then ends there), and the text uncut.
const char* check_cut_site(const PathSite& site, std::string_view value, bool writes, bool creates) {
  if (site.end_cut.empty()) return check_site(site, value, writes, creates);
  PathSite uncut = site;
  uncut.end_cut.clear();
  uncut.end_cut_reach = 0;
  const bool past_next = site.end_cut_reach == PathSite::kPastNext;
  const auto reach = std::min(site.end_cut_reach, site.after_text.size());
  const std::string cut_text = std::string(value) + site.after_text.substr(0, reach);
  PathSite left = uncut;  // what follows the cut
  left.after_text = site.after_text.substr(reach);
  if (site.end_cut != "*" && !past_next) {
    const std::string_view t = cut_text;
    return check_site(left, t.ends_with(site.end_cut) ? t.substr(0, t.size() - site.end_cut.size()) : t, writes, creates);
  }
  if (const char* why = check_site(uncut, value, writes, creates)) return why;
  // (Beyond a path's longest name no file is made: PATH_MAX.)
  if (cut_text.size() > 4096)
    return "a value the template cuts at its end by a pattern (${V%...}) and then names a file with must be shorter than "
           "4096 bytes";
  if (past_next) {
    left.after = PathSite::Edge::Boundary;
    left.after_text.clear();
  }
  for (std::size_t k = 0; k < cut_text.size(); ++k)
    if (const char* why = check_site(left, std::string_view(cut_text).substr(0, k), writes, creates)) return why;
  return nullptr;
}

const char* check_sites(const std::vector<PathSite>& sites, std::string_view value, bool writes, bool creates) {
  for (const auto& site : sites)
    if (const char* why = check_cut_site(site, value, writes, creates)) return why;
  return nullptr;
}

}  // namespace

std::string written_file_named(const std::vector<std::string>& written, std::string_view value) {
  for (std::string_view dir : {"/dev/", "/proc/"})
    if (value.starts_with(dir)) return std::string(dir);
  for (std::size_t b = 0; b <= value.size();) {
    const auto e = std::min(value.find('/', b), value.size());
    const auto component = value.substr(b, e - b);
    if (component == "..") return "..";
    for (const auto& name : written) {
      // "*.log": any name ending so.
      const bool pattern = name.size() > 1 && name[0] == '*';
      if (pattern ? component.ends_with(std::string_view(name).substr(1))
                  : component == name)
        return name;
    }
    b = e + 1;
  }
  return {};
}

void add_path_site(std::vector<PathSite>& sites, const PathSite& site) {
  if (std::find(sites.begin(), sites.end(), site) == sites.end()) sites.push_back(site);
}

const char* check_path_sites(const std::vector<PathSite>& sites, std::string_view value, const ElementRoles& roles) {
  const bool writes = roles.has(ElementRole::Path) || !roles.has(ElementRole::EnteredPath);
  const bool creates = roles.has(ElementRole::CreatedName);
  const auto& cut = roles.cut();
  // (A name made only by exact cuts, S="${N%.py}"; mkdir "logs/$S", is
  // created as they make it.)
  if (const char* why = check_sites(sites, value, writes, creates && (roles.has_whole(ElementRole::CreatedName) ||
                                                                    cut.ways.empty() || !cut.only_replaces())))
    return why;
  if (cut.echo_options && ValueCut::is_echo_options(value))
    if (const char* why = check_sites(sites, "", writes, creates)) return why;
  for (const auto& p : cut.prefixes)
    if (value.starts_with(p))
      if (const char* why = check_sites(sites, value.substr(p.size()), writes, creates)) return why;
  // (What a cut of the end makes, S="${N%.py}", ends as each site's own
  // cut does: PathSite::end_cut.)
  auto made = cut.made(value);
  for (const auto& m : made)
    if (const char* why = check_sites(sites, m, writes, creates)) return why;
  if (!cut.anywhere && !cut.deletes) return nullptr;
  made.emplace_back(value);
  for (auto& unescaped : made) {
    std::erase(unescaped, '\\');
    if (const char* why = check_sites(sites, unescaped, writes, creates && !cut.end)) return why;
    for (std::size_t k = 0; k + 1 < unescaped.size(); ++k)
      if (unescaped[k] == '.' && unescaped[k + 1] != '.' && unescaped[k + 1] != '/')
        return "the template cuts this value before it names a file (${V#*-}, ${V:2}, read, tr -d, ${V//[...]/}), so "
               "any part of it may start the name: it cannot hold a '.' before other characters, which could name a "
               "hidden file (.bashrc in the glue's home)";
  }
  return nullptr;
}

const char* ElementRoles::check(std::string_view value, const std::vector<std::string>* items) const {
  for (unsigned r = 1; r <= static_cast<unsigned>(ElementRole::Last); ++r) {
    if (!bits_.test(r)) continue;
    const auto role = static_cast<ElementRole>(r);
    const auto check_one = [&](std::string_view v) {
      return cut_.anywhere ? check_cut_element(role, v) : check_element(role, v);
    };
    // tags: [${CLEARML_TASK.tags}]: the renderer's commas part the items.
    if (role == ElementRole::YamlFlowItem && items && !items->empty() && cut_.empty()) {
      for (const auto& item : *items)
        if (const char* why = check_one(item)) return why;
      continue;
    }
    // (Where only exact cuts reach the role, what they make is checked below.)
    if (whole_.test(r) || cut_.ways.empty() || !cut_.only_replaces())
      if (const char* why = check_one(value)) return why;
    if (cut_.echo_options && ValueCut::is_echo_options(value))
      if (const char* why = check_one("")) return why;
    // read without -r drops '\' ('\.\.' is '..'): what is left fills the part.
    if ((cut_.anywhere || cut_.deletes) && value.find('\\') != std::string_view::npos) {
      std::string unescaped(value);
      std::erase(unescaped, '\\');
      if (const char* why = check_one(unescaped)) return why;
    }
    // ${V#file://}: the rest after the literal start fills the part too.
    for (const auto& p : cut_.prefixes)
      if (value.rfind(p, 0) == 0)
        if (const char* why = check_one(value.substr(p.size()))) return why;
    // ${V//./\/}: what the template's replacements make of the value.
    auto made = cut_.made(value);
    for (const auto& m : made)
      if (const char* why = check_one(m)) return why;
    made.emplace_back(value);
    for (const std::string& v : made) {
      // tr -d, ${V//[^a-z.]/}: what goes may join two dots.
      if (cut_.deletes && (role == ElementRole::Path || role == ElementRole::CodePath) &&
          std::count(v.begin(), v.end(), '.') >= 2)
        return "the template deletes characters from this value before it names a file (tr -d, ${V//[...]/}), which "
               "could join two of its dots into '..': it may hold one '.' at most";
      // ${V%x}: what stays may end in '..' ('a/..x' without 'x').
      if (cut_.end && (role == ElementRole::Path || role == ElementRole::CodePath || role == ElementRole::JobName) &&
          v.find("..") != std::string::npos)
        return "the template cuts the end of this value before it names a file (${V%...}), which could leave a '..' "
               "component: it cannot hold '..'";
    }
  }
  return nullptr;
}

}  // namespace slurmglue::render
