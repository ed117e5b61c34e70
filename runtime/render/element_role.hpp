// What part of a word or list a placeholder fills, and what a value may be
// there: one element of a list option, a variable's name, a path that may
// not climb out or start anywhere. Set by the compiler's shell model, checked
// by the renderer against each task's value.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::render {

// The part of a list-valued or path option a placeholder fills: its value
// must stay inside that part (one element, a variable's name or value, path
// components that do not climb with "..").
enum class ElementRole : std::uint8_t {
  None,
  Mount,        // --container-mounts: inside one SRC:DST:FLAGS field
  ExportName,   // --export: the NAME of one NAME=VALUE element
  ExportValue,  // --export: the VALUE of one element
  Name,         // --container-env: one variable name
  Path,         // --output, --error, --input, a redirection's file: no '/' or '~' first, no ".." component
  JobName,      // --job-name: no '/' (a %x in --output or --error puts it in a path)
  ListItem,     // one item of a runner's comma list (singularity --env/--bind, docker --mount)
  MountSource,  // in a mount a runner gets (docker -v, singularity --bind): no '..', no system directory first
  CodePath,     // names code that runs (bash FILE, module load M, --overlay): no '/' or '~' first, no ".."
  MailUser,     // the start of --mail-user: no '-' first (the mail program gets it as an argument)
  LocalName,    // tar -f, cpio -F, mt -f, rsync, scp and rclone operands: no ':' before a '/' (HOST:FILE, REMOTE:PATH)
  FormField,    // curl -F NAME=VALUE, -d, --json: no '@' or '<' first (curl would send that file), no ';' (-F's ;headers=@FILE)
  WriteOutFormat,  // curl -w: no '@' first (a format file), no '%' (%output{FILE} writes a file)
  PerlOperand,  // an operand of a perl program: <> opens it with two-argument open (no '|', no leading mode)
  DataField,    // text of a data file (JSON, YAML, TOML, INI, CSV): no quote, bracket, ',', ';', '&', '#', tag, anchor or ' --x'
  DataWord,     // a word of a line-based list file (hostfile, requirements.txt): a DataField without blanks
  PatsubReplacement,  // unquoted in ${S/P/R}'s replacement: no '&' or '\' (bash 5.2 reads them there)
  NodeList,     // --nodelist, --exclude: no '/' (sbatch reads a node list from the file a '/' names)
  Pattern,      // a pattern a program matches itself (find -name, gsutil URLs): no * ? [ or '\'
  FileName,     // its last component names the file a program writes into a directory (wget URL, cp "$V" DIR): not hidden
  UrlGlob,      // a URL curl or wget expands itself ({a,b}, [1-9], ftp://h/*): no { } [ ] or '*'
  FetchedUrl,   // a URL curl or wget fetches: no scheme but http, https, ftp, ftps (file:// reads the glue's files)
  Endpoint,     // the server or hosts a program reaches (docker -H, aws --endpoint-url, mpirun -H): no : / \ @ ? # or blank
  SlurmListPart,  // part of one item of a Slurm list (--gres=gpu:${V}, --dependency=afterok:${V}): no separator or blank
  FindStart,    // a start point of find: not '!', '(', ')' or ',' (find reads those as its expression)
  ProgramName,  // the name a program runs under (exec -a): no '/', no '-' first
  WarningFilter,  // python -W, PYTHONWARNINGS: no '.' in a category (python imports its module)
  ImageOperand,   // singularity/apptainer exec IMAGE: not instance://NAME (a running container, another job's)
  GitUrl,         // the repository git clones or fetches: no TRANSPORT::ADDRESS (a remote helper runs), no '-' first
  CompilerWord,   // gcc -DNAME=V, -Wl,a,V, nvcc -Xcompiler V: letters, digits and _ . / + - = : only (V is C code or an option list)
  PipeName,       // a file a program opens as a pipe when the name starts with '|', '!' or '<' (strace -o, gnuplot's data files): not those first
  HomeEntry,      // starts a name directly in a home ("$HOME/${V}", after cd ~): the compiler refuses all but ids; one name, not hidden
  Account,        // the user or group a command runs as (sudo -u, runuser -u, su USER, chroot --userspec): the compiler refuses all but ids
  Setting,        // a switch of a code variable's family (PYTHONUNBUFFERED, HF_HUB_OFFLINE): letters, digits, blanks and . , ; + _ - only
  VariableName,   // the whole word naming a variable (unset, test -v, printf -v): a plain name, no subscript
  OverrideValue,  // a Hydra/OmegaConf override's value (python train.py lr=${V}): no '{' (${oc.env:..}, {_target_:..})
  ListenAddress,  // where a debugger or server listens (node --inspect, debugpy, jdwp, jupyter --ip): the loopback
  GitRefspec,     // a ref git push, fetch or pull updates (git push origin ${V}): no ':' (SRC:DST, :DST deletes), no '+' first (forces)
  CodeVariable,   // sets a variable programs run or load code from (BASH_ENV, LD_PRELOAD): the compiler refuses all but ids
  Environment,    // exported under a name no rule knows: no '/' or '~' first, no ".."
  EnvironmentOptions,  // exported under such a name that holds options (*OPT*, *FLAGS*, *ARGS*, ZIP): no '-' first or after a blank
  GresPart,       // part of one item of --gres, --gpus*, --tres-per-task (gpu:${V}): a SlurmListPart that may hold ':' (TYPE:COUNT)
  EnvironmentPathList,  // exported under a name that may hold a search list (*PATH*, *LIB*, *DIRS*): Environment for each ':' or ';' element
  JobText,        // --job-name where no %x puts it in a path: no subscript code (it reaches SLURM_JOB_NAME)
  DataQuotedText,  // inside a "..." string of a JSON, YAML or TOML line: no '"', '\\', control character, $ { } ` ; & | < > or ' --x'
  YamlPlainText,   // the whole value of a YAML block key or list item: a DataField that may hold ' " , [ ] after its start
  UrlQueryValue,   // in a URL's query (https://h/p?a=${V}&b=1): no '&', '#', ';', blank or control character
  PackageSpec,     // a package pip installs (an operand, a requirements line): no ':' or '@' (a URL, NAME @ URL, git+...)
  UrlHost,         // in a URL's host (https://${V}.example.org/): no / \ @ ? # or blank; ':' only before a port
  UrlPathPart,     // in a URL's path (https://h/runs/${V}/x): no '..' segment, '?', '#', blank or control character
  YamlFlowItem,    // a whole item of a YAML flow sequence (tags: [${V}]): a DataField; each item of a list value fills one
  CallableName,    // in the Python callable a config names (Hydra's _target_, jsonargparse's class_path): one name, no '.'
  ImportPathFree,  // a value a LightningCLI/jsonargparse program reads (main.py fit --model=V): no dotted name a.b, no '{'
  LaunchWord,      // a whole word of an srun, salloc, mpirun, aprun, ibrun, horovodrun... line: not ':' (it starts another component)
  ScriptArgument,  // a script's argument as the value writes it (python3 t.py ${V}): as a Hydra KEY=VALUE override, a safe one
  DataProseText,   // a DataQuotedText under a key naming prose (run_name, notes): may hold ; & | < >
  MakeVariable,    // in the environment of make or a workflow runner, which put it into recipes a shell runs: letters, digits and _ . / + - = : , @ % only, no '-' first
  AwkOperand,      // an input file of awk, which takes NAME=VALUE as an assignment (out=/x redirects print > out): no '=' before a '/'
  Quantity,        // a count, size or port of a launcher that reads it in arithmetic or unquoted (SPARK_WORKER_MEMORY): digits, a '.' and digits, then at most two letters
  FindClauseWord,  // a whole word inside find's -exec, -execdir, -ok or -okdir clause or fd's --exec: not ';' or '+' (they end the clause)
  ShellJoinedWord,  // a word of the command sudo -s/-i joins into a shell line, escaping all but letters, digits, _ - and $: no '$'
  ForwardedVariable,  // exported where a launcher forwards it to other nodes through a remote shell unquoted (deepspeed's pdsh runner) or in a comma list: letters, digits and _ . / + - = : @ % only, no '-' first
  CloudCliArgument,  // an aws parameter, a word of gsutil, gcloud storage or az: no file:// or fileb:// (a local file they read and send), no '@' first, no '=@' (az reads @FILE)
  AwsUrlParameter,   // the start of an aws parameter: no http(s):// (aws-cli v1 fetches it and sends the page)
  GcloudListValue,   // a gcloud list or dict flag's value: no ',' or '"' (they part items), no '^' first (^DELIM^ picks the separator)
  OptionDigits,      // inside an option word the template starts (perl -0${V}, python3 -u${V}): digits and '.' only (1e4 after perl -0 is -01 -e 4)
  DataSingleQuotedText,  // inside a '...' string of a YAML or TOML line: no "'", control character, $ { } ` ; & | < > or ' --x'
  CsvField,          // a field of a .csv file: no control character, '"' or ',' (they part fields and rows), no = + - @ first (a formula)
  TsvField,          // a field of a .tsv file: no control character (a TAB parts fields) or '"', no = + - @ first (a formula)
  DataNoteText,      // a DataProseText under a key naming a note for people (description, notes, summary): may hold ' --x' too
  EnteredDirectory,  // the directory cd or pushd enters: not '-' (cd - is $OLDPWD), no '+' first (pushd +N turns its stack)
  EnteredPath,       // anywhere in the directory cd or pushd enters: no rule of its own; a '.' component may be the template's directory there
  StepFileName,      // in --output, --error, --input: no '\' (slurmstepd drops every '\' of the path, so '\..' would climb)
  RegexPattern,      // a regular expression a program matches file names with (find -regex, fd's pattern): no . * + ? ^ $ [ ] { } ( ) | or '\'
  OverrideQuotedText,  // inside a '...' or "..." string of a Hydra/OmegaConf override's value: no quote of either kind, no '\'
  RsyncPattern,        // the start of an rsync --exclude or --include pattern: not '!' (it clears the rules), no "- " or "+ " first
  CreatedName,         // a file or directory the job creates (> F, cp A F, mkdir, touch): its name not one of code or a package list (path sites)
  LocalOnly,           // a checkpoint a program restores, which it would fetch from a URL (torch.hub, fsspec): no ':/' or '::'
  Last = LocalOnly,
};
inline constexpr std::size_t kRoleCount = static_cast<std::size_t>(ElementRole::Last) + 1;

// Whether `word` is a Hydra/OmegaConf override: [+|++|~]KEY=VALUE.
bool is_override(std::string_view word);

// Whether `word` is a LightningCLI subcommand (fit, validate, test,
// predict): after a python script it makes the script a LightningCLI.
bool is_lightning_subcommand(std::string_view word);

// Whether an override's key (+ and ~ gone) names the directory Hydra
// writes its logs and configuration into (hydra.run.dir, ...).
bool is_hydra_output_dir(std::string_view key);

// Why `value` cannot fill `role`, or nullptr.
const char* check_element(ElementRole role, std::string_view value);
// The same once the template has cut the value: every part of it may come first.
const char* check_cut_element(ElementRole role, std::string_view value);

// How the template cut a value before it fills a part: a rule about the
// first character must then hold for every part that may come first.
struct ValueCut {
  bool anywhere = false;              // ${V#*:}, ${V:1}, read A B, BASH_REMATCH, $(cut ...)
  bool end = false;                   // ${V%.py}, ${V:0:8}: the start stays, an end goes ('a/..b' -> 'a/..')
  bool deletes = false;               // characters anywhere may go (tr -d, ${V//[^a-z.]/}): '. .' becomes '..'
  std::vector<std::string> prefixes;  // ${V#file://}: this literal start, where the value has it, goes
  // ${V//./\/}: a literal replacement.
  struct Replacement {
    std::string pattern, replacement;
    // '/' every match, '1' the first, '#' at the start, '%' at the end;
    // '<' and '{' cut the start through the first or the last match
    // (${V#*P}, ${V##*P}, where the replacement is empty), '[' and ']' the
    // end from the first or the last (${V%%P*}, ${V%P*}); 't' trims the
    // characters of the pattern from both ends (read -r NAME); 'b' keeps
    // the last component as basename prints it (the pattern '/' that
    // parts, trailing ones dropped; a value of nothing else becomes the
    // replacement, '/'); 'c' changes case as the pattern says (case_changed).
    char mode = '/';
    // A pattern "[...]" (letters, ranges, a leading '^' or '!') matches one
    // character of its set.
    bool operator==(const Replacement&) const = default;
  };
  // The replacements one way to the part makes, in order (X=${V//b/a};
  // Y=${X//a/-} is one way of two). Ways are alternatives: W=${V//a/-}
  // under an if and W=${V//-/x} under its else are two, each checked
  // alone, never made one after the other. The rules hold for what each
  // makes of the value, and for the value as it is.
  using Way = std::vector<Replacement>;
  std::vector<Way> ways;
  // $(echo "$V" | tr ...): a value that is all echo's options (-n, -neE)
  // makes nothing, which the rules hold for too.
  bool echo_options = false;
  // Too many ways to list (a variable cut again and again in a loop): the
  // ways are one per character a replacement writes, each putting it first.
  bool too_many = false;
  bool empty() const { return !anywhere && !end && !deletes && !echo_options && prefixes.empty() && ways.empty(); }
  // Only exact replacements: what the part gets is known for any value.
  bool only_replaces() const { return !anywhere && !end && !deletes && !echo_options && prefixes.empty(); }
  // Whether `value` is a word echo takes as its options.
  static bool is_echo_options(std::string_view value);
  // What `way` makes of `value`.
  static std::string replaced(const Way& way, std::string_view value);
  // A case change (mode 'c'; `how`: L, U, S for every letter lowered,
  // raised or swapped, l, u, s for the first only), as bash makes it in a
  // UTF-8 locale, where some letters beyond ASCII change into ASCII ones.
  static std::string case_changed(std::string_view value, std::string_view how);
  // What each way makes of `value`.
  std::vector<std::string> made(std::string_view value) const;
  // Whether a replacement's pattern may match character `c` (a bracket
  // class by its set, a literal by any of its characters).
  static bool matches(std::string_view pattern, unsigned char c);
  // Adds the ways and cuts of `other`, an alternative; whether anything changed.
  bool merge(const ValueCut& other);
  // What `next` makes of what this cut made (N=${V##*/}; S=${N%.py}):
  // each way of this one, or the value as it is, followed by each of
  // next's, where both are exact; else a cut of any part, where any
  // character a replacement writes may come first.
  ValueCut then(const ValueCut& next) const;
  bool operator==(const ValueCut&) const = default;
};

// Where a value stands in the path it fills, as the template writes it:
// what is next to it in the same path component. An empty value first in
// a word before '/' makes the path absolute ("$DIR"/* is /*); "." or ""
// alone after a '/' makes it name the directory above (runs/${X}); a '.'
// of the template or of a value next to it can make '..' (.${X}, ${A}${B}).
struct PathSite {
  enum class Edge : std::uint8_t { Boundary, Slash, Text, Expansion };
  Edge before = Edge::Text, after = Edge::Text;  // Boundary: the word or list item begins or ends
  std::string before_text, after_text;  // the template's literal text in the same component (quotes dropped)
  bool created = false;                 // in the name of a file the job creates (ElementRole::CreatedName)
  // A pattern cuts the end of the text holding the value (${F%.gz}): the
  // literal end it removes where the text ends so, or "*" for one that may
  // remove any end. The text it cuts is the value and the first
  // `end_cut_reach` characters of after_text (kPastNext: all of it and the
  // expansions after it; the name then ends where the cut does).
  std::string end_cut;
  static constexpr std::size_t kPastNext = static_cast<std::size_t>(-1);
  std::size_t end_cut_reach = 0;
  bool operator==(const PathSite&) const = default;
};

// The roles one placeholder has: a value may fill several parts at once (a
// file the job writes and then runs, a name reaching two words through a
// variable), and must meet every one.
class ElementRoles {
 public:
  ElementRoles() = default;
  explicit ElementRoles(ElementRole role) { add(role); }
  void add(ElementRole role) {
    if (role == ElementRole::None) return;
    bits_.set(static_cast<unsigned>(role));
    whole_.set(static_cast<unsigned>(role));
  }
  // The value fills `role` only after an exact cut (add_cut) made
  // something of it: the value as it is does not fill it
  // (ARCHIVE="${URL##*/}"; tar -xf "$ARCHIVE").
  void add_after_cut(ElementRole role) {
    if (role != ElementRole::None) bits_.set(static_cast<unsigned>(role));
  }
  bool has(ElementRole role) const { return bits_.test(static_cast<unsigned>(role)); }
  // Whether the value as it is fills `role` (not only what a cut makes of it).
  bool has_whole(ElementRole role) const { return whole_.test(static_cast<unsigned>(role)); }
  bool empty() const { return bits_.none(); }
  // The value fills its parts only after the template cut it.
  void add_cut(const ValueCut& cut) { cut_.merge(cut); }
  const ValueCut& cut() const { return cut_; }

  // Why `value` cannot fill one of the roles, or nullptr. `items`: the
  // items of a list value, which the renderer joins with ','; where the
  // template puts the value as the items of a YAML flow sequence, each item
  // is checked and the commas are the renderer's own.
  const char* check(std::string_view value, const std::vector<std::string>* items = nullptr) const;
  bool operator==(const ElementRoles&) const = default;

 private:
  std::bitset<kRoleCount> bits_;
  std::bitset<kRoleCount> whole_;  // the roles the value as it is fills
  ValueCut cut_;
};

// The places a value stands in paths (render::PathSite), each once.
void add_path_site(std::vector<PathSite>& sites, const PathSite& site);
// Why `value`, filling `roles` at one of `sites`, makes a path climb, start
// at '/' or name the directory around it (rm -rf runs/${X} with '.'), or
// nullptr. A directory cd or pushd enters (ElementRole::EnteredPath) and
// nothing else (cd "repo/${X}") may be the template's directory itself:
// that is where the template already runs.
// What the template's cut (roles.cut()) makes of the value is checked too:
// a literal start cut or a replacement, and where any part of it may come
// first (a cut anywhere, characters deleted, read dropping '\'), the value
// without its backslashes, none of whose dots may start a component.
const char* check_path_sites(const std::vector<PathSite>& sites, std::string_view value, const ElementRoles& roles);
// The name of a file the template writes (`written`: "job.log", "*.log")
// that a component of `value` names, "/dev/" or "/proc/" for a value naming
// a descriptor there, ".." for one that climbs; empty when it names none.
std::string written_file_named(const std::vector<std::string>& written, std::string_view value);

}  // namespace slurmglue::render
