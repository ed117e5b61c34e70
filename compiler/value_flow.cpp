#include "compiler/value_flow.hpp"

#include "compiler/catalog/variables.hpp"
#include "compiler/data_line.hpp"
#include "compiler/foreign_code.hpp"
#include "compiler/jq_program.hpp"
#include "compiler/path_site.hpp"
#include "compiler/long_options.hpp"
#include "compiler/programs.hpp"
#include "compiler/sed_script.hpp"
#include "compiler/shebang.hpp"
#include "compiler/shell_lexer.hpp"
#include "compiler/slurm_option_part.hpp"
#include "compiler/tar_command.hpp"
#include "runtime/render/code_files.hpp"
#include "runtime/render/value_checks.hpp"
#include "runtime/render/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <cctype>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <string_view>

namespace slurmglue::compiler {
namespace {

using namespace programs;
using namespace foreign;
using namespace std::string_view_literals;

constexpr std::size_t kNone = SIZE_MAX;
// Pseudo-variables of the value-flow pass: a file the template cannot name,
// a descriptor it writes to that is not a file it named.
constexpr char kAnyFile[] = "file:*";
// What Slurm records of the job from its #SBATCH lines (squeue, scontrol show job, sacct print it).
constexpr char kJobRecord[] = "slurm:record";
constexpr char kAnyDescriptor[] = "fd:*";
constexpr char kEveryFile[] = "file:+";  // what every file the template wrote holds
constexpr char kAnyVariable[] = "env:*";  // what any variable holds (${!name}, a nameref to a name at run time)
constexpr char kJobScript[] = "file:<the job script>";  // "$0": the rendered script, every value in it
constexpr char kCwd[] = "dir:cwd";  // the directory cd and pushd chose: what $PWD, DIRSTACK and pwd hold
bool is_cwd_name(std::string_view n) { return n == "PWD"sv || n == "DIRSTACK"sv || n == "OLDPWD"sv; }
// What a variable named at run time is given (printf -v "$1", read "$1",
// export "$1=$2", a nameref to $1, export {A,B}=...): it may be BASH_ENV.
constexpr char kNamedAtRunTime[] = "env:named";
// Any variable but $_: what a program finds in its environment (bash
// exports _ as the program's own path, not the last word before), and the
// variables a name chosen at run time may name (declare -i "$v").
constexpr char kEnvironment[] = "env:environ";
// The variables the template exports (export, declare -x, set -a): what a
// script the template runs may print of its environment. (Where its
// environment reaches code, kEnvironment: a variable the job inherited
// stays exported when the template sets it.)
constexpr char kExported[] = "env:exported";
// In assigned_sites_, a placeholder standing in an assignment's text (then its number).
constexpr std::string_view kPlaceholderSite = "\x01placeholder:";
// What IFS may hold when the template sets it from something it cannot read.
constexpr std::string_view kAnyPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
constexpr std::string_view kLettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";


std::string assigned_name(std::string_view w) {
  std::size_t k = 0;
  while (k < w.size() && is_name_char(w[k])) ++k;
  return std::string(w.substr(0, k));
}

enum class PathStart { Home, Relative, Elsewhere };

// --NAME=... written out in the template: an option with its value in the
// same word, whose name no value chooses.
bool is_option_with_value(std::string_view word) {
  if (word.size() < 4 || word.rfind("--", 0) != 0) return false;
  const auto eq = word.find('=');
  if (eq == std::string_view::npos || eq == 2) return false;
  for (char c : word.substr(2, eq - 2))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return word.find('$') == std::string_view::npos && word.find('`') == std::string_view::npos;
}

class Flow {
 public:
  Flow(const std::string& text, Template& t, const render::OptionTable& sbatch, int depth = 0)
      : text_(text), t_(t), sbatch_(sbatch), depth_(depth), percent_x_(writes_job_name_pattern(text)) {}

  void run() {
    collect();
    launch_words();
    word_lists();
    unchecked_option_lists();
    // cd ~: relative names start in the glue's home.
    if (home_directory_) {
      for (auto& [placeholder, use] : relative_names_)
        if (placeholder) t_.placeholders[*placeholder].roles.add(use.role);
        else uses_.push_back(std::move(use));
    }
    solve();
    // cd /tmp: relative names resolve where anyone can put files, so no
    // value may name code there.
    if (!shared_directory_.empty())
      for (auto& ph : t_.placeholders)
        if (ph.roles.has(render::ElementRole::CodePath)) ph.shared_directory = shared_directory_;
    // A template that sets IFS splits unquoted expansions at its characters too.
    if (ifs_chars_.empty()) return;
    for (auto& ph : t_.placeholders)
      if (ph.context.split_later) split_at(ph.context, ifs_chars_);
  }

  // Files that code strings wrote after the template's words were linked to
  // the files they name (bash -c 'echo "$X" > f' before source f): the
  // template has to be read again knowing them.
  std::set<std::string> written_late() const {
    std::set<std::string> out;
    std::set_difference(written_->begin(), written_->end(), read_with_written_.begin(), read_with_written_.end(),
                        std::inserter(out, out.end()));
    return out;
  }
  void written_before(std::set<std::string> keys) { own_written_ = std::move(keys); }

  // Everything but the solution: the nested analysis of a code string merges
  // its edges and uses into the enclosing one.
  void collect() {
    expand_cut_options();
    for (std::size_t c = 0; c < t_.commands.size(); ++c)
      if (t_.commands[c].kind == ShellCommand::Kind::Group && !t_.commands[c].function.empty())
        functions_[t_.commands[c].function] = c;
    traced_trap_prints();
    find_unread_code();
    indirection_refs();
    variables();
    forwarders();
    if (depth_ == 0) job_environment();
    escape_transforms();
    input_descriptors();
    option_words_in_heredocs();
    files();
    // A function reads its standard input as code when a command of its body does.
    // (Only commands inside a function body are asked.)
    std::vector<std::size_t> in_functions;
    for (std::size_t c = 0; c < t_.commands.size() && !functions_.empty(); ++c)
      for (auto g = t_.commands[c].group; g != kNone; g = t_.commands[g].group)
        if (!t_.commands[g].function.empty()) {
          if (t_.commands[c].kind == ShellCommand::Kind::Simple) in_functions.push_back(c);
          break;
        }
    for (int round = 0; round < 3; ++round)
      for (const auto c : in_functions)
        if (!reads_code_from_stdin(c).empty())
          for (auto g = t_.commands[c].group; g != kNone; g = t_.commands[g].group)
            if (!t_.commands[g].function.empty()) code_functions_.insert(t_.commands[g].function);
    // exec 3> >(xargs git clone), exec > >(tee job.log | bash): a command
    // inside a process substitution, at any stage of its pipeline, that
    // runs what it reads makes what the template writes to descriptors code.
    for (std::size_t d = 0; d < t_.commands.size(); ++d)
      if (t_.commands[d].kind == ShellCommand::Kind::Simple && in_output_substitution(d))
        if (const auto by = reads_code_from_stdin(d); !by.empty())
          uses_.push_back({std::string(kAnyDescriptor), Use::Code, "a process substitution running " + by});
    coprocess_output_read_as_code();
    for (std::size_t c = 0; c < t_.commands.size(); ++c) command(c);
    shell_messages_reach_code();
    // env:* is every variable; $_ is the last word of the command before.
    std::set<std::string> names;
    for (const auto& [n, from] : direct_) names.insert(n);
    for (const auto& [n, from] : edges_) names.insert(n);
    for (const auto& n : names)
      if (!n.empty() && n.find(':') == std::string::npos) {
        edges_[kAnyVariable].insert(n);
        if (n != "_"sv && !set_for_one_command_only(n)) edges_[kEnvironment].insert(n);
        if (n != "_"sv && in_environment(n)) edges_[kExported].insert(n);
      }
    edges_["_"].insert(kAnyVariable);
    // bash exports PWD and OLDPWD, whatever the job inherited.
    if (direct_.count(kCwd) || edges_.count(kCwd)) edges_[kEnvironment].insert(kCwd);
    // BASH_ARGV holds the positional parameters (a function's under
    // extdebug, the script's after set --).
    edges_["BASH_ARGV"].insert("@");
    for (const auto& use : t_.arithmetic_names) {
      // $(( $(echo "$G" | tr -cd , | wc -c) + 1 )): what arithmetic reads is a count (fr hunt 56).
      if (use.through != SIZE_MAX && prints_a_count(use.through, substitution_end(use.through))) continue;
      Use u{use.name, Use::Arithmetic, use.indirect ? "${!...}" : "arithmetic"};
      if (!use.indirect) u.cut = arithmetic_cut(std::string_view(text_).substr(use.offset));
      uses_.push_back(std::move(u));
    }
    // $(( $(squeue -h -j $SLURM_JOB_ID -o %k) + 0 )): what the commands of
    // the substitution print is evaluated (attack 148).
    // (Commands by where their first word starts: those inside each, by offset.)
    std::vector<std::pair<std::size_t, std::size_t>> starts;
    if (!t_.arithmetic_substitutions.empty())
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        if (!t_.commands[d].words.empty()) starts.emplace_back(t_.commands[d].words.front().begin, d);
    std::sort(starts.begin(), starts.end());
    for (const auto at : t_.arithmetic_substitutions) {
      const auto end = substitution_end(at);
      if (end == 0 || prints_a_count(at, end)) continue;
      const std::string key = "arithmetic-output:" + std::to_string(at);
      for (auto s = std::lower_bound(starts.begin(), starts.end(), std::pair<std::size_t, std::size_t>(at, 0));
           s != starts.end() && s->first < end; ++s) {
        const auto d = s->second;
        if (const auto out = outputs_.find(d); out != outputs_.end()) edges_[key].insert(out->second.begin(), out->second.end());
        if (const auto in = "in:" + std::to_string(d); direct_.count(in) || edges_.count(in)) edges_[key].insert(in);
      }
      if (edges_.count(key)) uses_.push_back({key, Use::Arithmetic, "arithmetic"});
    }
    subscripts_in_text();
    file_rules_for_the_rest();
    if (integer_variables_) names_given_to_integers();
    // Bash's own integer variables evaluate what is assigned to them
    // (RANDOM=$SEED runs a subscript's $(...) in a variable the seed names).
    for (const char* name : {"RANDOM", "SRANDOM", "OPTIND", "HISTCMD", "SECONDS", "BASHPID"})
      uses_.push_back({name, Use::Arithmetic, std::string("assignment to ") + name + " (bash's integer variable)"});
  }

 private:
  // ---- word splitting ----------------------------------------------------

  // An expansion at the top level of a word as written: $NAME, ${...},
  // $(...), `...` (offsets in the raw word), and whether "..." holds it.
  struct Expansion {
    std::size_t begin = 0, end = 0;
    bool quoted = false;
    std::string name;  // $NAME, ${NAME...}: the variable
  };
  // Where a python -W filter's expansions stand in its fields of
  // ACTION:MESSAGE:CATEGORY:MODULE:LINENO. Category: a '.' of the
  // template's follows one in its field, up to the category ("ignore::${V}
  // .Warning"): the value's text (moved there by a ':' of its own) names
  // the module python imports for the category (attack 137). Module: each
  // is in the module field (after the template's third ':'), a regex
  // python only matches (fr hunt 54).
  enum class FilterPlace { Category, Module, Other };
  void warning_filter(const ShellWord& filter, const std::string& by) {
    const auto place = warning_filter_place(filter);
    if (place == FilterPlace::Category)
      reparse_word(filter, by + " (the template's '.' after the value makes it the module a category imports)");
    else if (place == FilterPlace::Other)
      fills(filter, render::ElementRole::WarningFilter, by + " (a category names a module to import)");
  }
  FilterPlace warning_filter_place(const ShellWord& w) const {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto parts = expansions(raw);
    auto part = parts.begin();
    std::size_t colons = 0;
    bool after_value = false, module_only = !parts.empty();
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (part != parts.end() && k == part->begin) {
        // (An expansion after one, in its field, may bring the '.': "${V}$SUFFIX", review 41.)
        if (after_value && colons < 3) return FilterPlace::Category;
        after_value = true;
        module_only = module_only && colons >= 3;
        k = part++->end - 1;
      } else if (raw[k] == ',') {
        colons = 0;
        after_value = false;
      } else if (raw[k] == ':') {
        ++colons;
        after_value = false;
      } else if (raw[k] == '.' && after_value && colons < 3) {
        return FilterPlace::Category;
      }
    }
    return module_only ? FilterPlace::Module : FilterPlace::Other;
  }
  static std::vector<Expansion> expansions(std::string_view raw) {
    std::vector<Expansion> out;
    bool dq = false;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char c = raw[k];
      if (c == '\\') {
        ++k;
        continue;
      }
      if (!dq && c == '\'') {
        const auto close = raw.find('\'', k + 1);
        if (close == std::string_view::npos) break;
        k = close;
        continue;
      }
      if (c == '"') {
        dq = !dq;
        continue;
      }
      if (c == '`') {
        auto close = raw.find('`', k + 1);
        if (close == std::string_view::npos) close = raw.size() - 1;
        out.push_back({k, close + 1, dq, {}});
        k = close;
        continue;
      }
      if (c != '$' || k + 1 >= raw.size()) continue;
      const char n = raw[k + 1];
      if (n == '(' || n == '{') {
        if (n == '(' && k + 2 < raw.size() && raw[k + 2] == '(') continue;  // $(( )): a number
        const char open = n, close = n == '(' ? ')' : '}';
        int depth = 0;
        std::size_t e = k + 1;
        for (; e < raw.size(); ++e) {
          if (raw[e] == '\\') {
            ++e;
            continue;
          }
          if (raw[e] == open) ++depth;
          if (raw[e] == close && --depth == 0) break;
        }
        Expansion x{k, std::min(e + 1, raw.size()), dq, {}};
        if (n == '{') {
          std::size_t b = k + 2;
          const bool bang = b < raw.size() && raw[b] == '!';
          while (b < raw.size() && (raw[b] == '!' || raw[b] == '#')) ++b;
          std::size_t ne = b;
          while (ne < raw.size() && is_name_char(raw[ne])) ++ne;
          x.name = std::string(raw.substr(b, ne - b));
          // ${!NAME}, ${!1}, ${!#}: the variable the value of NAME names,
          // any; ${!A[@]}: the array's keys (NAME!keys); not ${!PREFIX*} (names).
          const bool all_elements = raw.substr(ne).starts_with("[@]") || raw.substr(ne).starts_with("[*]");
          if (bang && all_elements) x.name += "!keys";
          else if (bang && !raw.substr(ne).starts_with("@") && !raw.substr(ne).starts_with("*"))
            x.name = kAnyVariable;
          // ${@}, ${@:2}, ${*}: the positional parameters, as $@ is.
          if (!bang && b == k + 2 && b < raw.size() && (raw[b] == '@' || raw[b] == '*')) x.name = "@";
          if (raw.compare(k, 10, "${CLEARML_") == 0) x.name.clear();  // a placeholder
        }
        out.push_back(x);
        k = x.end - 1;
        continue;
      }
      if (is_name_start(n) || (n >= '0' && n <= '9') || n == '@' || n == '*') {
        std::size_t e = k + 1;
        if (is_name_start(n)) {
          while (e < raw.size() && is_name_char(raw[e])) ++e;
        } else {
          ++e;
        }
        out.push_back({k, e, dq, n == '*' ? "@" : std::string(raw.substr(k + 1, e - k - 1))});
        k = e - 1;
      }
    }
    return out;
  }
  // Whether an expansion, even quoted, may give several words or none:
  // "$@", "${A[@]}", an indirection ("${!ref}" with ref=A[@]).
  static bool brings_elements(const Expansion& x, std::string_view span) {
    return x.name == "@" || x.name == kAnyVariable || span.find("[@]") != std::string_view::npos;
  }
  // Whether an expansion rewrites what it expands: a command substitution,
  // or ${NAME<op>...} with an operator other than the defaults (:- = + ?).
  static bool rewriting(std::string_view span) {
    if (span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0) return true;
    if (span.rfind("${", 0) != 0) return false;
    std::size_t k = 2;
    if (k < span.size() && span[k] == '#') return false;  // ${#NAME}: a length
    while (k < span.size() && (is_name_char(span[k]) || span[k] == '!')) ++k;
    if (k < span.size() && span[k] == '[') k = std::min(span.find(']', k) + 1, span.size());
    if (k >= span.size() || span[k] == '}') return false;
    if (span[k] == ':' && k + 1 < span.size() && std::string_view("-=+?").find(span[k + 1]) != std::string_view::npos) return false;
    return std::string_view("-=+?").find(span[k]) == std::string_view::npos;
  }
  // The bare names in text (trap note EXIT, eval 'emit "$X"'): words of
  // name characters that do not continue another.
  static std::vector<std::string_view> name_tokens(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t k = 0; k < text.size();) {
      if (!is_name_start(text[k]) || (k > 0 && is_name_char(text[k - 1]))) {
        ++k;
        continue;
      }
      auto e = k;
      while (e < text.size() && is_name_char(text[e])) ++e;
      out.push_back(text.substr(k, e - k));
      k = e;
    }
    return out;
  }
  // The names arithmetic evaluates as variables in an expression (N+1,
  // ${X:-N}): bare names, not the NAME of $NAME, ${NAME...} or ${#NAME},
  // whose value, not name, is what the expression holds.
  static std::vector<std::string_view> evaluated_names(std::string_view text) {
    auto out = name_tokens(text);
    std::erase_if(out, [&](std::string_view n) {
      const auto before = text.substr(0, static_cast<std::size_t>(n.data() - text.data()));
      return before.ends_with("$") || before.ends_with("${") || before.ends_with("${#");
    });
    return out;
  }
  // The names a span of text expands ($NAME, ${NAME...}), at any depth.
  static std::vector<std::string> names_in(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k + 1 < text.size(); ++k) {
      if (text[k] != '$') continue;
      std::size_t b = k + 1;
      if (text[b] == '{') ++b;
      while (b < text.size() && (text[b] == '!' || text[b] == '#') && text[k + 1] == '{') ++b;
      std::size_t e = b;
      while (e < text.size() && is_name_char(text[e])) ++e;
      if (e > b) out.emplace_back(text.substr(b, e - b));
      if (b < text.size() && (text[b] == '@' || text[b] == '*')) out.emplace_back("@");
    }
    return out;
  }

  // Whether the text of a word before a placeholder may yield nothing at
  // run time, so that the value still starts the argument: quote marks
  // ("", '', $""), expansions (${EMPTY}, $(true)) and brace expansion ({,})
  // may; any other character is a literal that stays. Read once per word
  // (xs: its top-level expansions, in order): for the text before `at`, the
  // first character that is none of those decides, if it stands before `at`.
  class VanishingStart {
   public:
    VanishingStart(std::string_view raw, const std::vector<Expansion>& xs) {
      std::size_t j = 0;
      for (std::size_t k = 0; k < raw.size();) {
        while (j < xs.size() && xs[j].begin < k) ++j;
        if (j < xs.size() && xs[j].begin == k) {
          k = xs[j].end;
          continue;
        }
        const char c = raw[k];
        const bool quote_mark = c == '"' || c == '\'' ||
                                (c == '$' && k + 1 < raw.size() && (raw[k + 1] == '"' || raw[k + 1] == '\''));
        if (c == '{' || !quote_mark) {
          decided_at_ = k;
          vanishes_ = c == '{';
          return;
        }
        ++k;
      }
    }
    bool before(std::size_t at) const { return decided_at_ >= at || vanishes_; }

   private:
    std::size_t decided_at_ = std::string_view::npos;
    bool vanishes_ = true;
  };
  // Whether offset `at` of a word lies inside one of its top-level expansions.
  // The builtins that read NAME=value arguments as assignments.
  static bool is_declaration_builtin(std::string_view name) {
    return one_of(name, {"declare", "typeset", "local", "readonly", "export"});
  }
  // The variables an expansion yields the text of: ${A[@]@K} and ${A[@]@A}
  // the keys as well as the values.
  static std::vector<std::string> expanded_names(const Expansion& x, std::string_view span) {
    if (x.name.empty()) return names_in(span);
    std::vector<std::string> names{x.name};
    for (std::string_view shows_keys : {"]@K}", "]@k}", "]@A}"})
      if (span.ends_with(shows_keys)) names.push_back(x.name + "!keys");
    return names;
  }
  static bool inside_expansion(const std::vector<Expansion>& xs, std::size_t at) {
    const auto after = std::upper_bound(xs.begin(), xs.end(), at, [](std::size_t a, const Expansion& x) { return a <= x.begin; });
    return after != xs.begin() && at < std::prev(after)->end;
  }

  // Arguments of a simple command: bash splits and globs what an unquoted
  // expansion yields, and a word that starts with an expansion begins an
  // argument (a leading '-' makes an option).
  // (keep_assignments: a declaration builtin's plain NAME=value arguments are not split.)
  void split_words(const std::vector<const ShellWord*>& words, std::size_t program, bool keep_assignments = false) {
    // Words known to be operands, never options: printf's after its format,
    // and any after "--".
    // (Not set's: after its "--" come the positional parameters, which "$@"
    // hands to any program.)
    std::size_t operands_from = words.size();
    for (std::size_t k = program + 1; k < words.size() && !one_of(basename_of(words[program]->text), {"find", "set"}); ++k)
      if (words[k]->text == "--"sv) {
        operands_from = k + 1;
        break;
      }
    if (basename_of(words[program]->text) == "printf"sv) {
      std::size_t f = program + 1;
      if (f + 1 < words.size() && words[f]->text == "-v"sv) f += 2;
      if (f < words.size() && words[f]->text == "--"sv) ++f;
      operands_from = std::min(operands_from, f + 1);
    }
    // An interpreter's own options end at its script, -m MODULE or -c CODE
    // (python3 -m pytest -k"not slow" is pytest's; fr71/02): the last word
    // that may be one of them.
    // (srun tar -x${V}f, timeout 60 python3 -u${V}: a word after the
    // program a runner runs is that program's; attack 198.)
    const auto positions = program_positions(words, words[program]);
    const auto owner_of = [&](std::size_t k) {
      std::size_t owner = program;
      for (const auto p : positions)
        if (p < k) owner = p;
      return owner;
    };
    const auto own_options_end_of = [&](std::size_t owner) {
      const auto name = basename_of(words[owner]->text);
      if (is_interpreter(name) || is_shell(name))
        for (std::size_t j = owner + 1; j < words.size(); ++j)
          if (words[j]->text.empty() || words[j]->text[0] != '-' || one_of(words[j]->text, {"-m", "-c", "-e", "-E", "--"}))
            return j;
      return words.size();
    };
    for (std::size_t k = program + 1; k < words.size(); ++k) {
      const ShellWord& w = *words[k];
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      if (keep_assignments && is_assignment_word(raw)) continue;
      // *, *.txt, [a-z]*: a name the glob finds begins the argument, and
      // one the template created from a value may start with '-'.
      if (k < operands_from && !raw.empty() && std::string_view("*?[").find(raw[0]) != std::string_view::npos &&
          has_unquoted_glob(raw))
        uses_.push_back({"fs:names", Use::OptionStart, "a name a glob finds (" + std::string(raw) + ")"});
      if (raw.find_first_of("$`") == std::string_view::npos) continue;
      // (set -- "-u${V}": the positional parameters become any program's
      // words through "$@"; attack 169.)
      const auto owner = owner_of(k);
      const auto owner_prog = basename_of(words[owner]->text);
      if (k < operands_from)
        values_in_option_word(w, raw, 0,
                              owner_prog == "set"sv ? std::string_view()
                              : k <= own_options_end_of(owner) ? owner_prog
                                                               : std::string_view("-"));
      const bool after_unknown = words[k - 1]->text.size() > 1 && words[k - 1]->text[0] == '-' &&
                                 words[k - 1]->text.find('=') == std::string::npos && k - 1 > program;
      // A placeholder after text that may vanish ("", $"", ${EMPTY}, {,})
      // still begins the argument.
      if (k < operands_from && !w.placeholders.empty()) {
        const auto xs = expansions(raw);
        const VanishingStart vanishing(raw, xs);
        for (auto p : w.placeholders) {
          auto& c = t_.placeholders[p].context;
          const std::size_t at = t_.placeholders[p].begin - w.begin;
          if (c.begins_argument || inside_expansion(xs, at) || at == 0 || render::is_directive(c.quoting) ||
              c.quoting == render::Quoting::Comment || !vanishing.before(at))
            continue;
          c.begins_argument = true;
          c.after_option = after_unknown;
          c.option_takes_value = false;
        }
      }
      for (const auto& x : expansions(raw)) {
        const bool at_start = x.begin == 0 || (x.begin == 1 && raw[0] == '"');
        if (x.quoted && (split_arrays_.count(x.name) || word_list_arrays_.count(x.name)) &&
            raw.substr(x.begin, x.end - x.begin).find("[@]") != std::string_view::npos) {
          // "${A[@]}" of an array read -a, mapfile or A=($X) filled: each
          // piece of the value is a word, and each begins an argument
          // (mapfile's pieces are lines). (A=(${...|words}): the renderer's
          // words are its elements, each whole.)
          if (split_arrays_.count(x.name))
            uses_.push_back({x.name,
                           transformed_arrays_.count(x.name) ? Use::SplitAnywhere
                           : line_arrays_.count(x.name)      ? Use::SplitLines
                                                             : Use::Split,
                           "an array's elements"});
          if (k < operands_from)
            uses_.push_back({x.name, after_unknown ? Use::OptionAfterUnknown : Use::OptionStart, "an argument's start"});
          // "${A[@]#x}", "${A[@]/x/}": each element rewritten, then an
          // argument's start (attack 195).
          if (const auto span = raw.substr(x.begin, x.end - x.begin); k < operands_from && rewriting(span)) {
            const auto cut = cut_of(span);
            if (cut.anywhere || !cut.prefixes.empty() || !cut.ways.empty()) {
              Use use{x.name, Use::DashAnywhere, "an argument's start after a rewrite"};
              use.cut = cut;
              uses_.push_back(std::move(use));
            }
          }
          continue;
        }
        const auto span = raw.substr(x.begin, x.end - x.begin);
        // "--opts=${A[@]}", "run $@": each element after the first is an
        // argument of its own, whose start is the element's.
        if (x.quoted && !at_start && k < operands_from &&
            (x.name == "@"sv || (arrays_.count(x.name) && span.find("[@]") != std::string_view::npos)))
          uses_.push_back({x.name, after_unknown ? Use::OptionAfterUnknown : Use::OptionStart, "an argument's start"});
        if ((x.quoted && !at_start) || raw.compare(x.begin, 10, "${CLEARML_") == 0) continue;
        std::vector<std::string> names = expanded_names(x, span);
        if (is_cwd_name(x.name)) names.emplace_back(kCwd);
        // $(cat F), $(f), $(env): what files, functions and the environment hold.
        if (span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0)
          for (const auto& r : w.refs)
            if (r.find(':') != std::string::npos) names.push_back(r);
        // A placeholder inside the expansion ($(... ${X} ...), ${A:-${X}}) is
        // part of what it yields (a placeholder standing alone is written
        // as one quoted word by the renderer).
        std::vector<std::size_t> phs;
        for (auto p : w.placeholders)
          if (t_.placeholders[p].begin > w.begin + x.begin && t_.placeholders[p].begin < w.begin + x.end)
            phs.push_back(p);
        // $(...), `...` and ${NAME#p}, ${NAME/p/r}, ${NAME:1}, ${NAME@E} ...
        // rewrite the value: any character of it may come first, and any
        // may become a blank.
        const bool rewrites = rewriting(span);
        // ${NAME:-WORD} (and =, +, ?) keeps the quoting of WORD, where the
        // renderer quotes a value; ${NAME/p/WORD} and the like do not.
        bool keeps_quotes = false;
        if (span.size() > 2 && span[1] == '{') {
          std::size_t k2 = 2;
          while (k2 < span.size() && (is_name_char(span[k2]) || span[k2] == '!' || span[k2] == '#')) ++k2;
          if (k2 < span.size() && span[k2] == ':') ++k2;
          keeps_quotes = k2 < span.size() && std::string_view("-=+?").find(span[k2]) != std::string_view::npos;
        }
        // (Alone in its word, an empty value would make no word at all.)
        if (!x.quoted && !(raw.size() > span.size() && keeps_only_word_characters(span))) {
          // ${V//X/ }: what the replacement writes a blank or a glob for
          // splits too (any character, for a pattern read inexactly).
          render::ValueCut writes;
          if (replaces_with_separator(span)) {
            writes = cut_of(span);
            if (writes.anywhere || writes.ways.empty()) writes.ways = {{{"[!]", " ", '/'}}};
          }
          for (const auto& n : names)
            uses_.push_back({n, rewrites ? Use::SplitAnywhere : Use::Split, "word splitting", render::ElementRole::None, writes});
          if (!keeps_quotes)
            for (auto p : phs) {
              // (An associative array's key is not what the expansion yields.)
              if (t_.placeholders[p].context.assoc_key) continue;
              t_.placeholders[p].context.split_later = true;
              if (rewrites) split_at(t_.placeholders[p].context, kAnyPunctuation);
            }
        }
        // (${X%.py}, ${X^^} keep the value's first character first.)
        const auto cut = rewrites ? cut_of(span) : render::ValueCut{};
        if (at_start && k < operands_from && (cut.anywhere || !cut.prefixes.empty() || !cut.ways.empty())) {
          Use use{"", Use::DashAnywhere, "an argument's start after a rewrite"};
          use.cut = cut;
          for (const auto& n : names) {
            use.name = n;
            uses_.push_back(use);
          }
          for (auto p : phs)
            if (!t_.placeholders[p].context.assoc_key) t_.placeholders[p].context.dash_anywhere = true;
        }
        if (at_start && k < operands_from) {
          const auto kind = after_unknown ? Use::OptionAfterUnknown : Use::OptionStart;
          for (const auto& n : names) {
            uses_.push_back({n, kind, "an argument's start"});
            uses_.back().start_cut_here = !keeps_start(cut);  // (attack 167: "${OUT#*/}" of OUT="scripts/$V")
          }
          for (auto p : phs) {
            auto& c = t_.placeholders[p].context;
            if (c.begins_argument && c.option_takes_value) continue;  // written as a known option's value
            if (c.assoc_key) continue;  // a key, not what the expansion yields
            c.begins_argument = true;
            c.after_option = after_unknown && (c.after_option || !c.begins_argument);
            c.option_takes_value = false;
          }
        }
      }
    }
  }

  // ${NAME//[^A-Za-z0-9_]/_}: every character outside the set becomes
  // the replacement, so where neither holds a blank, a glob character or
  // a quote (and IFS is bash's own), the expansion is one word whatever
  // the value: bash has nothing to split or glob in it.
  bool keeps_only_word_characters(std::string_view span) const {
    if (!ifs_chars_.empty() || !span.starts_with("${") || !span.ends_with("}")) return false;
    std::size_t k = 2;
    while (k < span.size() && is_name_char(span[k])) ++k;
    if (k == 2 || (span.substr(k, 4) != "//[^"sv && span.substr(k, 4) != "//[!"sv)) return false;
    const auto close = span.find(']', k + 4);
    if (close == std::string_view::npos || close == k + 4 || close + 1 >= span.size() || span[close + 1] != '/') return false;
    const auto set = span.substr(k + 4, close - k - 4);
    const auto replacement = span.substr(close + 2, span.size() - close - 3);
    constexpr std::string_view kUnsafe = " \t\n*?[]\\'\"$`{}()<>|&;!~#/";
    const auto safe = [&](std::string_view s) { return s.find_first_of(kUnsafe) == std::string_view::npos; };
    // A range keeps what lies between its ends: only a-z, A-Z, 0-9 (or
    // parts of them) are read as ranges here.
    const auto same_class = [](char lo, char hi) {
      const auto in = [&](char a, char b) { return lo >= a && hi <= b && lo <= hi; };
      return in('a', 'z') || in('A', 'Z') || in('0', '9');
    };
    for (std::size_t c = 0; c < set.size(); ++c)
      if (c + 2 < set.size() && set[c + 1] == '-') {
        if (!same_class(set[c], set[c + 2])) return false;
        c += 2;
      }
    return safe(set) && safe(replacement);
  }

  // ---- code strings ------------------------------------------------------

  // A string of shell code the template wrote (sh -c '...', eval '...', a
  // here-document fed to bash): its own commands use the variables the
  // outer shell set (exported or, for eval and trap, its own), and its
  // positional parameters are the words after it. Read it as a template of
  // its own and merge what it does with those names.
  void nested_code(const ShellWord& code, const std::vector<const ShellWord*>& args = {}) {
    if (!code.placeholders.empty()) return;  // refused as it is
    nested_code(code.text, args);
  }
  void nested_code(const std::string& code, const std::vector<const ShellWord*>& args) {
    // (Its commands are another shell's: NAME=value before this command is
    // in their environment, which is not this command's key.)
    runs_nested_code_.insert(current_);
    // Even literal code counts: eval "declare -i N" makes later N=... arithmetic.
    if (depth_ >= 3) return;
    const Source source("<code>", code);
    Template inner;
    std::vector<Diagnostic> ignored;
    analyze_shell(source, inner, ignored);
    Flow sub(source.text(), inner, sbatch_, depth_ + 1);
    // The code calls the template's functions as the template does.
    for (const auto& [f, at] : functions_) sub.functions_.emplace(f, kNone);
    sub.code_functions_ = code_functions_;
    // srun bash -c 'source job.env': the files the template wrote; and
    // what the code writes (bash -c 'echo "$X" > f'), the template then
    // reads. One set for both, not a copy per string (a template of
    // thousands of code strings and files would be quadratic).
    sub.written_ = written_;
    sub.tree_dirs_ = tree_dirs_;
    for (const auto& [f, bodies] : forwarders_) sub.inherited_forwarders_.insert(f);
    sub.inherited_forwarders_.insert(inherited_forwarders_.begin(), inherited_forwarders_.end());
    sub.collect();
    for (const auto& [name, from] : sub.edges_) edges_[name].insert(from.begin(), from.end());
    // eval 'set -a', bash -c 'export N': what the code exports, this shell's children get.
    allexport_ = allexport_ || sub.allexport_ || sub.modes_.allexport;
    exported_.insert(sub.exported_.begin(), sub.exported_.end());
    names_exported_at_run_time_ = names_exported_at_run_time_ || sub.names_exported_at_run_time_;
    namerefs_ = namerefs_ || sub.namerefs_;
    environment_only_assignments_.insert(environment_only_assignments_.end(), sub.environment_only_assignments_.begin(),
                                         sub.environment_only_assignments_.end());
    // (A code string's NAME=FILE counts as if exported: its shell's exports are not read apart.)
    for (auto& [name, uses] : sub.startup_uses_) sub.uses_.insert(sub.uses_.end(), uses.begin(), uses.end());
    for (auto& use : sub.uses_) {
      use.by = fmt::format("code that {} runs", use.by);
      uses_.push_back(std::move(use));
    }
    for (auto& [key, uses] : sub.carried_uses_) carried_uses_[key].insert(carried_uses_[key].end(), uses.begin(), uses.end());
    // args[0] is the code, args[1] its $0, args[2] its $1, ...
    for (std::size_t k = 2; k < args.size() && k <= 10; ++k) {
      for (const std::string& p : {std::to_string(k - 1), std::string("@")}) {
        for (auto ph : args[k]->placeholders) direct_[p].insert(ph);
        for (const auto& r : args[k]->refs) edges_[p].insert(r);
      }
    }
  }
  void nested_words(const std::vector<const ShellWord*>& words, std::size_t from) {
    std::string code;
    for (std::size_t k = from; k < words.size(); ++k) {
      if (!words[k]->placeholders.empty()) return;
      code += (k > from ? " " : "") + words[k]->text;
    }
    nested_code(code, {});
  }
  void nested_heredocs(std::size_t c, const std::vector<const ShellWord*>& args = {}) {
    for (auto s = c; s != kNone; s = t_.commands[s].group) {
      for (auto h : t_.commands[s].heredocs) {
        const auto& doc = t_.heredocs[h];
        if (doc.placeholders.empty() && doc.body_end > doc.body_begin)
          nested_code(text_.substr(doc.body_begin, doc.body_end - doc.body_begin), args);
      }
      // bash <<< 'cd "$W" && python3 "$ENTRY"': a here-string the template
      // writes out is code of the shell too (attack 209). (One that expands
      // is refused where its values are: reparse_stdin.)
      for (const auto& w : t_.commands[s].words)
        if (w.role == ShellWord::Role::HereString && w.placeholders.empty() && w.refs.empty()) nested_code(w.text, args);
    }
  }
  // bash -s -- "$A" "$B" <<'EOF' (or < launch.sh): a shell reading its
  // script from its input takes the words after its options as its
  // positional parameters. A quoted here-document's text, or a file's the
  // template writes, is read with them; where the script comes from
  // anything else (a pipe, an unquoted here-document), it may run them.
  void stdin_script_arguments(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i,
                              const std::string& by) {
    std::size_t k = i + 1;
    bool from_input = false;  // -s (without it, the first operand is the script's file)
    for (; k < words.size() && words[k]->placeholders.empty() && words[k]->refs.empty(); ++k) {
      const auto& w = words[k]->text;
      if (w == "--"sv || w == "-"sv) {
        ++k;
        break;
      }
      if (w.size() < 2 || (w[0] != '-' && w[0] != '+')) break;
      if (w[1] != '-' && w.find('s') != std::string::npos) from_input = true;
      // (-o, -euxo, +O and --rcfile take the next word.)
      if (one_of(w, {"--rcfile", "--init-file"}) || (w[1] != '-' && (w.back() == 'o' || w.back() == 'O'))) ++k;
    }
    if (from_input) input_script_arguments(c, words, i, k, by);
  }
  // The words from k on are the positional parameters of the script the
  // shell words[i] reads from its input (bash -s -- ARGS, bash /dev/stdin ARGS).
  void input_script_arguments(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, std::size_t k,
                              const std::string& by) {
    if (k >= words.size() || c >= t_.commands.size()) return;
    std::vector<const ShellWord*> args{words[i], words[i]};  // the code, and its $0
    args.insert(args.end(), words.begin() + static_cast<std::ptrdiff_t>(k), words.end());
    // Only the command's own here-document or < F is its input (a loop's
    // here-document feeds the loop: curl ... | bash -s inside it reads the pipe).
    bool read = false;
    if (upstream_of(c).empty() && !t_.commands[c].heredocs.empty() &&
        std::all_of(t_.commands[c].heredocs.begin(), t_.commands[c].heredocs.end(),
                    [&](std::size_t h) { return t_.heredocs[h].quoted; })) {
      read = true;
      for (auto h : t_.commands[c].heredocs)
        nested_code(text_.substr(t_.heredocs[h].body_begin, t_.heredocs[h].body_end - t_.heredocs[h].body_begin), args);
    }
    for (const auto& w : t_.commands[c].words)
      if (upstream_of(c).empty() && w.role == ShellWord::Role::Redirect && (w.redirect == "<"sv || w.redirect == "0<"sv) &&
          written_->count(file_key_of(w.text))) {
        std::vector<const ShellWord*> run{&w};
        run.insert(run.end(), args.begin() + 2, args.end());
        runs_written_text(w, std::string(basename_of(words[i]->text)), run, 0);
        read = true;
      }
    if (!read)
      for (std::size_t a = k; a < words.size(); ++a)
        reparse_word(*words[a], by + " (it reads its script from its input, which this reading does not follow, and "
                                     "the script may run its arguments)");
  }

  // ---- what the template assigns -----------------------------------------

  // set -x, set -euxo pipefail, set -o xtrace, shopt -so verbose (or an
  // option word the template does not spell out): bash prints every command,
  // expanded ([[ ]] and (( )) unquoted), or every line it reads, to its
  // standard error or BASH_XTRACEFD.
  static bool enables_tracing(const std::vector<const ShellWord*>& words, std::size_t i) {
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& w = *words[k];
      if (w.text == "--"sv) break;
      if (!w.refs.empty() || !w.placeholders.empty() || w.text.find_first_of("$`") != std::string::npos) return true;
      if (w.text == "xtrace"sv || w.text == "verbose"sv) return true;
      if (w.text.size() > 1 && w.text[0] == '-' && w.text[1] != '-' && w.text.find_first_of("xv") != std::string::npos)
        return true;
    }
    return false;
  }
  // The literal values each name is given (NAME=word, NAME=(words), declare
  // NAME=word) and the names also given anything else (a value, $(...), read,
  // for, ...); the characters the template puts in IFS; arrays filled by
  // splitting a value (read -a, mapfile, NAME=($X)).
  void variables() {
    // #!/bin/bash -x traces too (set and shopt below).
    if (text_.starts_with("#!")) {
      const auto line = std::string_view(text_).substr(0, text_.find('\n'));
      for (auto at = line.find(" -"); at != std::string_view::npos; at = line.find(" -", at + 1))
        if (const auto opt = line.substr(at + 2, line.find(' ', at + 2) - at - 2); opt.find_first_of("xv") != std::string_view::npos)
          traces_ = true;
    }
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto& cmd = t_.commands[c];
      if (cmd.kind != ShellCommand::Kind::Simple) continue;
      const auto words = words_of(c);
      if (cmd.header == "for"sv || cmd.header == "select"sv) {
        if (!words.empty()) nonliteral_.insert(words.front()->text);
        continue;
      }
      if (!cmd.header.empty()) continue;
      std::size_t i = 0;
      for (; i < words.size() && is_assignment_word(words[i]->text); ++i) assigned(*words[i]);
      // Aliases given through BASH_ALIASES (a name the compiler cannot
      // read, or a whole array, makes any command a possible alias), or
      // defined by code it does not read (eval, a sourced file: below).
      for (const auto* w : words)
        if (w->text.find("BASH_ALIASES") != std::string::npos) {
          const auto open = w->text.find('[');
          const auto close = w->text.find(']');
          if (w->text.rfind("BASH_ALIASES[", 0) == 0 && close != std::string::npos && close > open + 1 &&
              std::all_of(w->text.begin() + open + 1, w->text.begin() + close, [](char ch) { return is_name_char(ch); }))
            aliases_.insert(w->text.substr(open + 1, close - open - 1));
          else
            unknown_aliases_ = true;
        }
      renames(words, i, i < words.size() ? std::string(basename_of(words[i]->text)) : std::string());
      if (i >= words.size()) continue;
      const std::string program(basename_of(words[i]->text));
      for (std::size_t k = 0; k < words.size(); ++k)
        if (words[k]->text.rfind("PATH=", 0) == 0 || words[k]->text.rfind("PATH+=", 0) == 0) path_changed_ = true;
      if (program == "alias"sv)
        for (std::size_t k = i + 1; k < words.size(); ++k) {
          if (const auto eq = words[k]->text.find('='); eq != std::string::npos) {
            const auto name = words[k]->text.substr(0, eq);
            const auto literal = literal_alias(*words[k], eq);
            const auto known = alias_words_.find(name);
            if (!aliases_.insert(name).second && (known == alias_words_.end() || !literal || known->second != *literal))
              alias_words_.erase(name);  // defined twice, differently: which one a command gets is not read here
            else if (literal)
              alias_words_[name] = *literal;
          }
          if (!words[k]->placeholders.empty() || !words[k]->refs.empty()) unknown_aliases_ = true;
        }
      if (one_of(program, {"eval", "source", "."})) unknown_aliases_ = true;
      if (program == "set"sv || program == "shopt"sv) traces_ = traces_ || enables_tracing(words, i);
      if (program == "set"sv) {
        // set -- a b: "$@" is no longer empty; its words, when literal.
        std::size_t k = i + 1;
        while (k < words.size() && words[k]->text != "--"sv && !words[k]->text.empty() &&
               (words[k]->text[0] == '-' || words[k]->text[0] == '+'))
          ++k;
        if (k < words.size() && words[k]->text == "--"sv) ++k;
        if (k < words.size() || (k > 0 && words[k - 1]->text == "--"sv)) {
          std::string joined;
          for (std::size_t j = k; j < words.size() && positional_values_; ++j) {
            if (words[j]->text.find_first_of("$` \t") != std::string::npos) positional_values_.reset();
            else joined += (j > k ? " " : "") + words[j]->text;
          }
          if (positional_values_) positional_values_->push_back(joined);
        }
      }
      if (is_declaration_builtin(program)) {
        // declare -n R=E: $R is what E holds, never the text "E".
        bool nameref = false, array = false;
        for (std::size_t k = i + 1; k < words.size(); ++k) {
          const auto& w = words[k]->text;
          if (w.size() > 1 && w[0] == '-' && w.find('n') != std::string::npos) nameref = true;
          if (w.size() > 1 && w[0] == '-' && w.find_first_of("aA") != std::string::npos) array = true;
          // (A nameref may name an array.)
          if ((array || nameref) && !w.empty() && is_name_start(w[0])) arrays_.insert(assigned_name(w));
          if (!is_assignment_word(w)) continue;
          if (nameref) {
            namerefs_ = true;
            nonliteral_.insert(assigned_name(w));
            // local -n R=$1: R writes whichever variable the caller names.
            const auto target = w.substr(w.find('=') + 1);
            if (target.empty() || !is_name_start(target[0])) runtime_namerefs_.insert(assigned_name(w));
          } else {
            assigned(*words[k]);
          }
        }
      } else if (one_of(program, {"read", "mapfile", "readarray", "printf", "getopts"})) {
        bool array = program == "mapfile"sv || program == "readarray"sv;
        // mapfile without -d: one element per line, blanks and all.
        bool lines = array;
        for (std::size_t k = i + 1; k < words.size(); ++k) {
          const auto& w = words[k]->text;
          if (w.size() > 1 && w[0] == '-') {
            array = array || (program == "read"sv && w.find('a') != std::string::npos);
            lines = lines && w.find('d') == std::string::npos;
            continue;
          }
          if (w.empty() || !is_name_start(w[0])) continue;
          nonliteral_.insert(assigned_name(w));
          if (array) split_arrays_.insert(assigned_name(w));
          if (array && fed_by_a_program(c)) transformed_arrays_.insert(assigned_name(w));
          else if (lines) line_arrays_.insert(assigned_name(w));
        }
      }
    }
    // IFS set by read, printf -v, for, ${IFS:=...} or a file the template
    // sources: it may hold anything. extglob makes @( ) ! + | glob.
    for (std::size_t k = text_.find("IFS"); k != std::string::npos; k = text_.find("IFS", k + 3)) {
      if (k > 0 && (is_name_char(text_[k - 1]) || text_[k - 1] == '$')) continue;
      if (k + 3 < text_.size() && is_name_char(text_[k + 3])) continue;
      const bool braced_read = k > 1 && text_[k - 1] == '{' && text_[k - 2] == '$' &&
                               (k + 3 >= text_.size() || text_.compare(k + 3, 2, ":=") != 0) &&
                               (k + 3 >= text_.size() || text_[k + 3] != '=');
      const bool assignment = ifs_assignments_.count(k) > 0;  // IFS=... that assigned() read
      if (!braced_read && !assignment && ifs_chars_.find(kAnyPunctuation) == std::string::npos)
        ifs_chars_ += kAnyPunctuation;
    }
    if (text_.find("extglob") != std::string::npos) ifs_chars_ += "()|@!+";
    // Code the compiler does not read may turn it on: a value without '('
    // makes no extglob pattern.
    else if (!unread_code_.empty() || reads_startup_files(text_)) ifs_chars_ += "(";
  }
  // Whether bash reads startup files before the script: #!/bin/bash -l
  // (/etc/profile, ~/.bash_profile) or -i (~/.bashrc). Those are code the
  // compiler does not read, and often turn on extglob (bash-completion does).
  static bool reads_startup_files(const std::string& text) {
    const Shebang shebang = read_shebang(text);
    return shebang.short_option('l') || shebang.short_option('i') ||
           std::any_of(shebang.words.begin(), shebang.words.end(), [](const Shebang::Word& w) { return w.text == "--login"sv; });
  }
  // Whether command c reads another program's output: a pipeline, < <(...).
  bool fed_by_a_program(std::size_t c) {
    for (const auto& w : t_.commands[c].words)
      if (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos &&
          w.redirect.find("<<") == std::string::npos)
        return true;  // < <(...), or < F that a program may have written
    return !upstream_of(c).empty();
  }
  void assigned(const ShellWord& w) {
    const auto name = assigned_name(w.text);
    // R=value through local -n R=$1: the variable the caller names.
    if (runtime_namerefs_.count(name)) assign(kNamedAtRunTime, {&w}, 0);
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto raw_eq = raw.find('=');
    const std::string_view raw_value = raw_eq == std::string_view::npos ? std::string_view{} : raw.substr(raw_eq + 1);
    const bool literal = w.placeholders.empty() && w.refs.empty() && raw_value.find_first_of("$`") == std::string_view::npos;
    assignment_words_[name].push_back(&w);
    if (raw_value.rfind("(", 0) == 0) {
      arrays_.insert(name);
      if (w.text.find('[') > w.text.find('=')) array_lists_[name].push_back(&w);
    }
    if (!raw_value.empty() && names_home(raw_value)) home_variables_.insert(name);
    if (name == "IFS"sv) {
      ifs_assignments_.insert(w.begin);
      if (raw_value.rfind("$'", 0) == 0) {
        // $'\n', $',\t': the characters it stands for.
        for (std::size_t k = 2; k + 1 < raw_value.size(); ++k) {
          if (raw_value[k] != '\\' || k + 2 >= raw_value.size()) {
            ifs_chars_ += raw_value[k];
            continue;
          }
          const char e = raw_value[++k];
          ifs_chars_ += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        }
      } else if (literal) {
        ifs_chars_ += w.text.substr(w.text.find('=') + 1);
      } else {
        ifs_chars_ += kAnyPunctuation;  // whatever it holds at run time
      }
    }
    std::string value = w.text.substr(w.text.find('=') + 1);
    if (!value.empty() && value.front() == '(') {
      // NAME=($X): the value's words are elements; NAME=([K]=$X ...) and
      // NAME=(--run "$X") keep each element whole ("${B[@]}" and "$@"
      // in the list bring their own elements).
      // (An element is whole only where each expansion in it is a quoted
      // $NAME, ${NAME...} or $(...): not an indirection, which may name
      // A[@].)
      // (An unquoted $NAME or ${NAME} there is split where the list is
      // assigned: its pieces are what must be one word, not every element
      // of the array; fr39/02: A=(n=${SLURM_NNODES} "name=$N"). A
      // placeholder is written as one quoted word, unless |words.)
      const auto xs = expansions(raw_value);
      std::vector<std::string> split_here;
      bool lists = false;  // (|words: the renderer's words are the elements, each whole)
      const bool splits = std::any_of(xs.begin(), xs.end(), [&](const Expansion& x) {
        const auto span = raw_value.substr(x.begin, x.end - x.begin);
        if (span.starts_with("${CLEARML_") && span.find("|words") == std::string_view::npos) return false;
        if (span.starts_with("${CLEARML_")) {
          lists = true;
          return false;
        }
        if (!x.quoted && !x.name.empty() && is_name_start(x.name[0]) && x.name.rfind("CLEARML_", 0) != 0 &&
            (span == "$" + x.name || span == "${" + x.name + "}")) {
          split_here.push_back(x.name);
          return false;
        }
        return !x.quoted || brings_elements(x, span) || span.find("[*]") != std::string_view::npos;
      });
      if (!literal && !keyed_elements(raw_value) && splits) split_arrays_.insert(name);
      else if (!literal && !keyed_elements(raw_value) && lists) word_list_arrays_.insert(name);
      else
        for (const auto& n : split_here) uses_.push_back({n, Use::Split, "word splitting (an array's list)"});
      value = value.substr(1, value.size() - (value.back() == ')' ? 2 : 1));
    }
    // B[1]=-c: one element of several; the whole array is not one known value.
    const bool element = w.text.find('[') < w.text.find('=');
    assigned_texts_[name].push_back(value);
    if (literal && !element && w.text.find("+=") == std::string::npos && value.find_first_of("*?[") == std::string::npos)
      literal_values_[name].push_back(value);
    else
      nonliteral_.insert(name);
  }

  // A source of a variable's value and where it stands in it.
  struct StartSource {
    std::string name;                 // a variable or other source, or "" for a placeholder
    std::size_t placeholder = kNone;  // the placeholder, when name is ""
    char before = 0;                  // the literal character right before it in the value; 0 at its start
  };
  // What may stand first in NAME's value, from the word NAME=...: each
  // expansion with the literal character right before it (0 at the
  // value's start), so that OUT="outputs/${V}" is known not to begin with
  // V's value (fr hunt 69). An element, a list or an append is read as
  // anything first.
  void value_starts(const std::string& name, const ShellWord& w, std::string_view raw, std::size_t eq) {
    if (eq == std::string_view::npos || (eq > 0 && raw[eq - 1] == '+') || raw[name.size()] == '[' ||
        raw.substr(eq + 1).starts_with("(")) {
      // F=-u; F+=$V: what the append adds continues F's option word (attack 169).
      // (Not A+=(...), an array's new elements.)
      if (eq != std::string_view::npos && eq > 0 && raw[eq - 1] == '+' && !raw.substr(eq + 1).starts_with("(") &&
          !arrays_.count(name) && may_start_an_option("$" + name)) {
        const auto value = raw.substr(eq + 1);
        for (const auto& x : expansions(value))
          restrict_in_option_word(w, value, x, eq + 1, "an append to " + name + ", which the template starts as an option word");
      }
      // OPTS=(-u${V} x), OPTS+=("-u${V}"): each element is a word of its own
      // wherever "${OPTS[@]}" goes (attack 169).
      if (eq != std::string_view::npos && raw.substr(eq + 1).starts_with("("))
        for (const auto& [b, e] : compound_elements(raw.substr(eq + 1)))
          values_in_option_word(w, raw.substr(eq + 1 + b, e - b), eq + 1 + b, "");
      else if (eq != std::string_view::npos && raw[name.size()] == '[')  // OPTS[1]="-u${V}"
        values_in_option_word(w, raw.substr(eq + 1), eq + 1, "");
      starts_unknown_.insert(name);
      return;
    }
    auto& starts = value_starts_[name];
    const auto value = raw.substr(eq + 1);
    // GPT_ARGS="--num-layers 24 --lr ${LR}": each blank-parted word of the
    // value is an option word of its own where $GPT_ARGS is split (fr hunt
    // 83); quoted whole, a value after a blank is no option's letters.
    for (const auto& [b, e] : blank_parted(value)) values_in_option_word(w, value.substr(b, e - b), eq + 1 + b, "");
    std::set<std::size_t> placed;
    std::set<std::string> named;
    const auto xs = expansions(value);
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const auto& x = xs[i];
      const char before = char_before(value, xs, i);
      const auto span = value.substr(x.begin, x.end - x.begin);
      for (const auto& n : span.starts_with("${CLEARML_") ? std::vector<std::string>{} : names_in(span)) {
        starts.push_back({n, kNone, before});
        named.insert(n);
      }
      for (const auto p : w.placeholders)
        if (const auto at = t_.placeholders[p].begin - w.begin; at >= eq + 1 + x.begin && at < eq + 1 + x.end) {
          starts.push_back({"", p, before});
          placed.insert(p);
        }
    }
    // (What no expansion accounts for, a substitution's output, may come first.)
    for (const auto p : w.placeholders)
      if (!placed.count(p)) starts.push_back({"", p, 0});
    for (const auto& r : w.refs)
      if (!named.count(r)) starts.push_back({r, kNone, 0});
  }
  // The literal character right before expansion i of a value, past
  // quotes; 0 at the value's start or right after another expansion,
  // which may be empty ("$A$V": V may come first).
  static char char_before(std::string_view value, const std::vector<Expansion>& xs, std::size_t i) {
    const std::size_t previous_end = i > 0 ? xs[i - 1].end : 0;
    for (std::size_t k = xs[i].begin; k > previous_end; --k)
      if (value[k - 1] != '"' && value[k - 1] != '\'') return value[k - 1];
    return 0;
  }
  // What may begin NAME's value, where every way the template sets NAME is
  // a NAME=... word value_starts read (no append, element, list, ${NAME:=}
  // default, read, for, printf -v, ...); else nullptr, where anything may.
  const std::vector<StartSource>* known_starts(const std::string& name) const {
    const auto starts = value_starts_.find(name);
    if (starts == value_starts_.end() || starts_unknown_.count(name) || defaulted_at_.count(name) ||
        !set_only_by_assignments(name))
      return nullptr;
    return &starts->second;
  }
  // The placeholders whose values may begin NAME's value (a word of it,
  // where an unquoted expansion splits), of those `taint` has reach it.
  const std::set<std::size_t>& starting_placeholders(const std::string& name,
                                                     const std::map<std::string, std::set<std::size_t>>& taint) {
    if (const auto known = starting_.find(name); known != starting_.end()) return *known->second;
    static const std::set<std::size_t> kNoPlaceholders;
    const auto all = taint.find(name);
    const auto& every = all != taint.end() ? all->second : kNoPlaceholders;
    const auto* starts = known_starts(name);
    if (!starts || !starting_open_.insert(name).second) return *(starting_[name] = &every);
    // (A set of one source is that source's, not a copy: x="$1" in each of
    // thousands of functions, each $1 given thousands of values.)
    std::vector<const std::set<std::size_t>*> sources;
    std::set<std::size_t> own;
    for (const auto& s : *starts) {
      if (!begins_word(s.before)) continue;
      if (s.placeholder != kNone) own.insert(s.placeholder);
      else if (is_variable_name(s.name)) sources.push_back(&starting_placeholders(s.name, taint));
      else if (const auto t = taint.find(s.name); t != taint.end()) sources.push_back(&t->second);
    }
    starting_open_.erase(name);
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    if (own.empty() && sources.size() == 1) return *(starting_[name] = sources.front());
    for (const auto* s : sources) own.insert(s->begin(), s->end());
    return *(starting_[name] = &starting_sets_.emplace_back(std::move(own)));
  }
  // -${V}, python3 -u${V}, FLAGS="-u${V}": a value in a word the template
  // starts as an option, before any '=', is part of the option's letters
  // or name: "cimport os..." after -u makes python3 -uc CODE (attack 168).
  // Only ids and numbers typed |number stand there. On a command line,
  // where the value chooses the letters or name itself (-${V}, --${V}) or
  // continues a shell's or an interpreter's cluster; a known program's
  // attached value (tar -C"$D", 7z -o${V}) is read by its option rules. In
  // an assignment (`raw` at `offset` in the word), where no program is
  // known, any. (`program` "": an assignment's value.)
  void values_in_option_word(const ShellWord& w, std::string_view raw, std::size_t offset, std::string_view program) {
    std::size_t start = 0;
    while (start < raw.size() && (raw[start] == '"' || raw[start] == '\'')) ++start;
    // "${DASH}${V}", "${X:+-u}${X}": an expansion first that may write an
    // option's start puts what follows it in the option word (attack 169).
    if (start < raw.size() && raw[start] == '$') {
      const auto xs = expansions(raw);
      if (xs.size() > 1 && xs[0].begin == start && may_start_an_option(raw.substr(xs[0].begin, xs[0].end - xs[0].begin))) {
        const std::string by = "a word an expansion may start as an option (" + std::string(raw) +
                               "), where a value adds option letters or names; pass it as the option's own word";
        for (std::size_t i = 1; i < xs.size(); ++i) restrict_in_option_word(w, raw, xs[i], offset, by);
      }
      // "${V/#/-}", "${A[@]/#/--}": a replacement that may write an
      // option's start before the value makes the value its letters or
      // name, as -$V does (attack 195).
      if (!xs.empty() && xs[0].begin == start && replacement_may_start_option(raw.substr(xs[0].begin, xs[0].end - xs[0].begin)))
        restrict_in_option_word(w, raw, xs[0], offset,
                                "a replacement that writes an option's start before a value (" +
                                    std::string(raw.substr(xs[0].begin, xs[0].end - xs[0].begin)) +
                                    "), where the value adds option letters or names; pass it as the option's own word "
                                    "or after '='");
      return;
    }
    if (start >= raw.size() || (raw[start] != '-' && raw[start] != '+')) return;
    const auto eq = raw.find('=');
    const auto letters_end = raw.find_first_not_of("-+", start);
    const bool chooses = letters_end != std::string_view::npos && (raw[letters_end] == '$' || raw[letters_end] == '`');
    // (A cluster of flags of a program whose short options are known, none
    // of which takes the rest of the word as its value: bash -x${V},
    // python3 -u${V}, perl -l${V}, tar -x${V}f, rsync -a${V}; not python3
    // -W${V}, set -o${V}, tar -C"$D".)
    const auto value_letters = programs::cluster_value_letters(program);
    const auto before_value = raw.substr(start + 1, std::min(raw.find_first_of("$`", start), raw.size()) - start - 1);
    const bool cluster = raw.size() > start + 1 && raw[start + 1] != '-' && value_letters &&
                         before_value.find_first_of(*value_letters) == std::string_view::npos;
    if (!program.empty() && !chooses && !cluster) return;
    const std::string by = "an option word the template starts (" + std::string(raw.substr(0, std::min(eq, raw.size()))) +
                           "), where a value adds option letters or names; pass it as the option's own word or after '='";
    for (const auto& x : expansions(raw))
      if (x.begin < eq && x.begin > start) restrict_in_option_word(w, raw, x, offset, by);
  }
  // Each blank-parted word of an unquoted here-document's line may become
  // a word of a command line wherever the line is read back (read -r F
  // <<EOF, mapfile, while read, a file of arguments): one the template
  // starts as an option holds a value only as -$V may (attack 199).
  void option_words_in_heredocs() {
    for (const auto& doc : t_.heredocs) {
      if (doc.quoted || !doc.terminated) continue;
      for (std::size_t at = doc.body_begin; at < doc.body_end;) {
        const auto end = std::min(text_.find('\n', at), doc.body_end);
        const std::string_view line = std::string_view(text_).substr(at, end - at);
        if (line.find_first_of("$`") != std::string_view::npos) {
          ShellWord w;
          w.begin = at;
          w.end = end;
          // (Bodies need not follow each other in the text: a substitution's
          // comes first; each line is looked up on its own.)
          const auto ph = std::lower_bound(t_.placeholders.begin(), t_.placeholders.end(), at,
                                           [](const PlaceholderNode& p, std::size_t o) { return p.begin < o; });
          for (auto q = ph; q != t_.placeholders.end() && q->begin < end; ++q)
            w.placeholders.push_back(static_cast<std::size_t>(q - t_.placeholders.begin()));
          for (const auto& [b, e] : blank_parted(line)) values_in_option_word(w, line.substr(b, e - b), b, "");
        }
        at = end + 1;
      }
    }
  }
  // Where the blank-parted words of an assignment's value begin and end
  // (blanks inside an expansion, ${A:-x y} or $(f a), part nothing).
  static std::vector<std::pair<std::size_t, std::size_t>> blank_parted(std::string_view value) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const auto xs = expansions(value);
    std::size_t start = 0;
    for (std::size_t k = 0, x = 0; k <= value.size(); ++k) {
      while (x < xs.size() && xs[x].end <= k) ++x;
      const bool inside = x < xs.size() && xs[x].begin < k && k < xs[x].end;
      if (k < value.size() && (inside || (value[k] != ' ' && value[k] != '\t' && value[k] != '\n'))) continue;
      if (k > start) out.emplace_back(start, k);
      start = k + 1;
    }
    return out;
  }
  // What expansion x of an option word brings: only ids and |number values.
  void restrict_in_option_word(const ShellWord& w, std::string_view raw, const Expansion& x, std::size_t offset,
                               const std::string& by) {
    const auto span = raw.substr(x.begin, x.end - x.begin);
    for (const auto p : w.placeholders)
      if (const auto at = t_.placeholders[p].begin - w.begin; at >= offset + x.begin && at < offset + x.end)
        reparse_placeholder(p, by), t_.placeholders[p].roles.add(render::ElementRole::OptionDigits);
    if (!span.starts_with("${CLEARML_"))
      for (const auto& n : names_in(span)) {
        uses_.push_back({n, Use::Code, by});
        uses_.push_back({n, Use::Role, by, render::ElementRole::OptionDigits});
      }
  }
  // Whether a replacement of the empty start, ${NAME/#/TEXT} (an array's
  // [@] too), writes '-' or '+' before every value: TEXT starts with one.
  // (Where a pattern decides, ${V/#b/-}, ${R//[^a-z]/-}, the renderer
  // reads the replacement on the value.)
  static bool replacement_may_start_option(std::string_view span) {
    if (!span.starts_with("${")) return false;
    std::size_t k = 2;
    while (k < span.size() && is_name_char(span[k])) ++k;
    if (k < span.size() && span[k] == '[') k = std::min(span.find(']', k), span.size() - 1) + 1;
    if (span.substr(k, 3) != "/#/"sv) return false;
    auto text = span.substr(k + 3, span.size() - k - 4);
    while (!text.empty() && (text.front() == '"' || text.front() == '\'' || text.front() == '\\')) text.remove_prefix(1);
    return !text.empty() && (text.front() == '-' || text.front() == '+');
  }
  // Whether an expansion may write the start of an option: ${X:+-u},
  // ${X:--v}, or $DASH of a variable the template only gives texts such
  // as '-' or '-u' (no '=': --name= is an option's value's start).
  bool may_start_an_option(std::string_view span) const {
    const auto option_text = [](std::string_view t) {
      while (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.remove_prefix(1);
      return !t.empty() && (t.front() == '-' || t.front() == '+') && t.find('=') == std::string_view::npos;
    };
    if (span.starts_with("${")) {
      std::size_t k = 2;
      while (k < span.size() && is_name_char(span[k])) ++k;
      auto op = span.substr(k, span.size() - k - 1);
      if (op.starts_with(':')) op.remove_prefix(1);
      if (!op.empty() && (op[0] == '+' || op[0] == '-' || op[0] == '=')) return option_text(op.substr(1));
    }
    const auto var = single_variable(span);
    if (var.empty()) return false;
    const auto texts = assigned_texts_.find(var);
    return texts != assigned_texts_.end() && std::any_of(texts->second.begin(), texts->second.end(), option_text);
  }
  // Where each element of a compound value "(a "b c" $(d e))" begins and
  // ends: blanks and line breaks outside quotes, ${...}, $(...) and `...`
  // part them.
  static std::vector<std::pair<std::size_t, std::size_t>> compound_elements(std::string_view value) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = std::string_view::npos;
    int depth = 0;
    char quote = 0;
    const auto end_at = value.rfind(')');
    for (std::size_t k = 1; k < value.size() && k < end_at; ++k) {
      const char c = value[k];
      if (quote) {
        if (c == '\\' && quote == '"') ++k;
        else if (c == quote) quote = 0;
        continue;
      }
      const bool blank = depth == 0 && (c == ' ' || c == '\t' || c == '\n');
      if (blank) {
        if (start != std::string_view::npos) out.emplace_back(start, k), start = std::string_view::npos;
        continue;
      }
      if (start == std::string_view::npos) start = k;
      if (c == '\\') ++k;
      else if (c == '\'' || c == '"' || c == '`') quote = c;
      else if (c == '(' || c == '{') ++depth;
      else if ((c == ')' || c == '}') && depth > 0) --depth;
    }
    if (start != std::string_view::npos) out.emplace_back(start, std::min(end_at, value.size()));
    return out;
  }
  // The keys of a compound assignment's elements, NAME=([K]=V [L]=W):
  // where each K begins and ends in raw.
  static std::vector<std::pair<std::size_t, std::size_t>> element_keys(std::string_view raw) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const auto open = raw.find("=(");
    if (open == std::string_view::npos) return out;
    for (std::size_t k = open + 2; k < raw.size(); ++k) {
      if (raw[k] != '[' || !(raw[k - 1] == '(' || raw[k - 1] == ' ' || raw[k - 1] == '\t' || raw[k - 1] == '\n')) continue;
      // (The key's own ']' after any nested ${...} or $(...): [${A[0]}]=1.)
      std::size_t close = k + 1;
      for (int depth = 0; close < raw.size(); ++close) {
        if (raw[close] == '[' || raw[close] == '{' || raw[close] == '(') ++depth;
        else if ((raw[close] == '}' || raw[close] == ')') && depth > 0) --depth;
        else if (raw[close] == ']' && depth-- == 0) break;
      }
      if (close >= raw.size()) break;
      if (raw.compare(close + 1, 1, "=") == 0 || raw.compare(close + 1, 2, "+=") == 0) {
        out.emplace_back(k + 1, close);
        k = close;
      }
    }
    return out;
  }
  // A compound assignment NAME=(...) without its elements' keys ([K]= at
  // an element's start is a subscript, no glob).
  static std::string without_element_keys(std::string_view raw) {
    std::string out(raw);
    for (const auto& [b, e] : element_keys(raw))
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(b) - 1, out.begin() + static_cast<std::ptrdiff_t>(e) + 1, '_');
    return out;
  }
  // The variable a word is only the expansion of ("$CFG", ${CFG}), or "".
  static std::string single_variable(std::string_view w) {
    if (w.size() > 1 && w.front() == '"' && w.back() == '"') w = w.substr(1, w.size() - 2);
    if (w.rfind("${", 0) == 0 && w.back() == '}') w = w.substr(2, w.size() - 3);
    else if (w.rfind('$', 0) == 0) w.remove_prefix(1);
    else return {};
    return is_variable_name(w) ? std::string(w) : "";
  }

  // The values a word may have when every expansion in it is known: a
  // literal; $NAME or ${NAME[@]} of a name only ever given literals;
  // ${NAME:-word} of a name the template never sets (the environment the
  // administrator gives the agent); "$@" outside a function (the script has
  // no arguments). Nothing when the template cannot tell.
  std::optional<std::vector<std::string>> possible_values(std::string_view t, std::size_t c, int depth = 0) const {
    if (t.find_first_of("$`") == std::string_view::npos) return std::vector<std::string>{std::string(t)};
    if (depth > 3) return std::nullopt;
    if (one_of(t, {"$@", "${@}", "$*", "${*}"})) {
      for (auto g = t_.commands[c].group; g != kNone; g = t_.commands[g].group)
        if (!t_.commands[g].function.empty()) return std::nullopt;
      return positional_values_;
    }
    std::string_view body = t.substr(1);
    const bool braced = !body.empty() && body.front() == '{';
    if (braced) {
      if (body.back() != '}') return std::nullopt;
      body = body.substr(1, body.size() - 2);
    }
    std::size_t e = 0;
    while (e < body.size() && is_name_char(body[e])) ++e;
    if (e == 0 || !is_name_start(body[0])) return std::nullopt;
    const std::string name(body.substr(0, e));
    std::string_view rest = body.substr(e);
    if (!braced && !rest.empty()) return std::nullopt;
    const bool set_here = literal_values_.count(name) || nonliteral_.count(name);
    // PYTHON=${PYTHON:-python3}, PY="$VIRTUAL_ENV/bin/python": the
    // inherited value or the default (as ${PYTHON:-python3} itself reads),
    // a program whose name is written out (fr hunt 64).
    if (nonliteral_.count(name) && !direct_.count(name) && rest.empty() && set_only_by_assignments(name))
      if (const auto texts = assigned_texts_.find(name); texts != assigned_texts_.end()) {
        std::vector<std::string> out;
        for (const auto& text : texts->second) {
          std::string_view v = text;
          if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
          const auto own = "${" + name;
          if (v.starts_with(own) && v.size() > own.size() + 1 && v.back() == '}' &&
              (v.substr(own.size()).starts_with(":-") || v.substr(own.size()).starts_with(":=") ||
               v[own.size()] == '-' || v[own.size()] == '=')) {
            const auto word = v.substr(own.size() + (v[own.size()] == ':' ? 2 : 1));
            const auto inner = word.substr(0, word.size() - 1);
            const auto more = possible_values(inner, c, depth + 1);
            // (${PYTHON:-$(command -v python3)}: that program.)
            if (const auto located = located_program(inner); !more && !located.empty()) {
              out.push_back(located);
              continue;
            }
            if (!more) return std::nullopt;
            out.insert(out.end(), more->begin(), more->end());
            continue;
          }
          const auto base = basename_of(v);
          if (base.size() < v.size() && !base.empty() && base.find_first_of("$`}\"' \t") == std::string_view::npos) {
            out.emplace_back(v);
            continue;
          }
          return std::nullopt;
        }
        return out;
      }
    if (nonliteral_.count(name) || direct_.count(name)) return std::nullopt;
    // (Not a name also set another way: declare -n R=NAME; R=(...), eval
    // "NAME=...", a function given its name.)
    if (set_here && !set_only_by_assignments(name)) return std::nullopt;
    std::vector<std::string> out;
    if (const auto it = literal_values_.find(name); it != literal_values_.end()) out = it->second;
    if (rest.rfind("[@]", 0) == 0 || rest.rfind("[*]", 0) == 0) rest.remove_prefix(3);
    if (rest.empty()) return set_here ? std::optional(out) : std::nullopt;
    if (rest.rfind(":-", 0) == 0 || rest.rfind("-", 0) == 0) {
      const auto word = rest.substr(rest[0] == ':' ? 2 : 1);
      const auto more = possible_values(word, c, depth + 1);
      if (!more) return std::nullopt;
      out.insert(out.end(), more->begin(), more->end());
      return out;
    }
    return std::nullopt;
  }

  // Words put together in place of a command (a variable's value and the
  // words after it, a function's body with the call's words): the program
  // they run after their assignments.
  // Every rule of a command the template writes reads them as it reads the
  // same words written out (CMD="python3 $S" then $CMD ran S=-cprint(1)
  // when only the program's own rules did). (bash expands no alias in
  // words an expansion made.)
  void run_words(std::size_t c, const std::vector<const ShellWord*>& words) {
    std::size_t first = 0;
    while (first < words.size() && is_assignment_word(words[first]->text)) ++first;
    if (first >= words.size()) return;
    word_forms(c, words, words[first]);
    simple_command(c, words, first, /*alias_expanded=*/true);
  }
  // Where the words after the program at words[i] split and which begin an
  // argument (split_words).
  void arguments_of(const std::vector<const ShellWord*>& words, std::size_t i) {
    const std::string program(basename_of(words[i]->text));
    if (is_declaration_builtin(program))
      split_words(words, i, text_.compare(words[i]->begin, words[i]->end - words[i]->begin, program) == 0);
    else if (!one_of(program, {"let", "eval", "[[", "test", "["}))
      split_words(words, i);
  }

  // A command word that is an expansion: the program is chosen at run time.
  // Read it as each program it may be; when the template cannot tell, every
  // word after it may be code ($RUN "$X" with RUN=eval).
  bool dynamic_program(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i) {
    const std::string& t = words[i]->text;
    // {eval,} or ev\<newline>al: a name bash builds from pieces, which this
    // reading does not: any program may run.
    const std::string_view raw = std::string_view(text_).substr(words[i]->begin, words[i]->end - words[i]->begin);
    if (raw.find("\\\n") != std::string_view::npos || builds_words(raw)) {
      const std::string by = fmt::format("a command name bash assembles ({})", raw);
      for (std::size_t k = i + 1; k < words.size(); ++k) reparse_word(*words[k], by);
      return true;
    }
    if (t.empty() || (t[0] != '$' && t[0] != '`')) return false;
    // $VENV/bin/python: the program's name is written out (not the '/' of
    // a default inside the expansion, ${SHELL:-/bin/bash}; round 121).
    const auto base = basename_of(t);
    if (base.size() < t.size() && !base.empty() && base.find_first_of("$`}") == std::string_view::npos) return false;
    if (!words[i]->placeholders.empty()) return true;  // refused as the command
    auto values = possible_values(t, c);
    // "$(command -v python3)", $(which bash), PY=$(type -P python3): that program.
    if (const auto located = located_program(t); !located.empty()) values = std::vector<std::string>{located};
    if (const auto var = single_variable(t); !values && !var.empty())
      if (const auto it = assigned_texts_.find(var); it != assigned_texts_.end() && !it->second.empty() &&
                                                    std::all_of(it->second.begin(), it->second.end(), [this](const std::string& a) {
                                                      return !located_program(a).empty();
                                                    }))
        values = it->second;
    if (values)
      for (auto& v : *values)
        if (const auto located = located_program(v); !located.empty()) v = located;
    // A value of options (srun "${A[@]}" with A=(-N 2 -o)) is no program:
    // what it does with the words after it is read where it stands among
    // srun's or a runner's options (with_option_arrays), or not at all.
    if (values && std::any_of(values->begin(), values->end(), [](const std::string& v) {
          const auto b = v.find_first_not_of(" \t\n");
          return b != std::string::npos && v[b] == '-';
        }))
      values.reset();
    if (values && resolving_ < 4) {
      ++resolving_;
      for (const auto& v : *values) {
        std::vector<ShellWord> split;
        split_into(split, *words[i], v);
        run_in_place(c, words, i, std::move(split));
      }
      --resolving_;
      return true;
    }
    const std::string by = fmt::format("a command chosen at run time ({})", t);
    // $MAKE of MAKE=${MAKE:-make}: make, or the one the job inherited.
    if (one_of_found(t, {"MAKE", "make"}) ||
        (!single_variable(t).empty() && assigned_texts_.count(single_variable(t)) &&
         std::any_of(assigned_texts_.at(single_variable(t)).begin(), assigned_texts_.at(single_variable(t)).end(),
                     [](const std::string& a) { return a.find("make") != std::string::npos; })))
      make_reads_environment(by);
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      reparse_word(*words[k], by);
      // (It may be an interpreter: a word named at run time may be its
      // script, any file the template wrote: round 36's L=(python3).)
      if (words[k]->role == ShellWord::Role::Word && !written_->empty() &&
          (!words[k]->placeholders.empty() || words[k]->text.find_first_of("$`") != std::string::npos))
        uses_.push_back({std::string(kEveryFile), Use::Code, by + " (a script it may run)"});
    }
    reparse_stdin(c, by, "");  // it may be a shell or an interpreter reading its input (which, unknown)
    return true;
  }
  // A command word that stands for words the template writes out, the
  // program first: "${LAUNCHER[@]}" of LAUNCHER=(torchrun --nnodes "$N")
  // (fr36/11), or $CMD unquoted of CMD="python3 x.py --lr $LR" (fr36/07).
  // Those words run in place of it, so a value among them is an argument
  // of that program, not the command.
  bool program_in_place(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i) {
    if (resolving_ >= 4) return false;
    auto programs = words_in_place(*words[i]);
    if (programs.empty()) return false;
    // ($CMD unquoted: what its values hold is split and globbed.)
    const std::string_view raw = std::string_view(text_).substr(words[i]->begin, words[i]->end - words[i]->begin);
    if (raw.front() == '$') uses_.push_back({single_variable(raw), Use::Split, "word splitting"});
    ++resolving_;
    for (auto& program : programs) run_in_place(c, words, i, std::move(program));
    --resolving_;
    return true;
  }
  // The words a command word runs in place of itself, each way it may
  // (program_in_place), or none.
  std::vector<std::vector<ShellWord>> words_in_place(const ShellWord& word) const {
    if (!word.placeholders.empty()) return {};
    const std::string_view raw = std::string_view(text_).substr(word.begin, word.end - word.begin);
    std::vector<std::vector<ShellWord>> programs = launcher_arrays(word);
    const bool elements = !programs.empty();
    if (!elements)
      if (const auto name = single_variable(raw); !name.empty() && raw.find('"') == std::string_view::npos)
        programs = command_strings(name);
    // (A placeholder written among an array's elements, after the program,
    // is read where it stands among them, as the same placeholder written
    // out would be (fr hunt 89); in the program's place it is the command.
    // One in a string bash splits is the command's: the rules of where it
    // stands read the template's own words (round 111).)
    const auto written = [elements](const std::vector<ShellWord>& p) {
      return runs_written_program(p) &&
             (elements || std::all_of(p.begin(), p.end(), [](const ShellWord& w) { return w.placeholders.empty(); }));
    };
    if (!std::all_of(programs.begin(), programs.end(), written)) return {};
    return programs;
  }
  // Whether every assignment of `name` is a list NAME=(...) and nothing
  // else sets it: bash exports no array, so no program sees it in its
  // environment (SRUN_ARGS=(...) is no input variable of srun's).
  bool only_ever_an_array(const std::string& name) const {
    const auto lists = array_lists_.find(name);
    const auto words = assignment_words_.find(name);
    return lists != array_lists_.end() && words != assignment_words_.end() &&
           lists->second.size() == words->second.size() && set_only_by_assignments(name);
  }
  // Words that run a program the template writes out first (no expansion,
  // glob, assignment, option or placeholder).
  static bool runs_written_program(const std::vector<ShellWord>& p) {
    return !p.empty() && !p.front().text.empty() && p.front().text.find_first_of("$`=*?[") == std::string::npos &&
           p.front().text[0] != '-' && p.front().placeholders.empty();
  }
  // The elements of "${NAME[@]}" when the template writes them all out
  // (array_elements).
  // (One list only: a second L=(...) replaces the first, and what L+=(...)
  // under an if appends may shift which element is the script.)
  std::optional<std::vector<ShellWord>> launcher_array(const ShellWord& w) const {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    if (raw.size() < 9 || !raw.starts_with("\"${") || !raw.ends_with("[@]}\"")) return std::nullopt;
    const std::string name(raw.substr(3, raw.size() - 8));
    if (const auto lists = array_lists_.find(name); lists == array_lists_.end() || lists->second.size() != 1) return std::nullopt;
    return array_elements(name);
  }
  // The same, each way appends may have run: CMD=(python3 -u t.py), then
  // CMD+=(--seed "$S") under an if: the list with each subset of the
  // appends, in order (fr hunt 64). Not an append a loop or a function
  // may run again, nor a second NAME=(...).
  std::vector<std::vector<ShellWord>> launcher_arrays(const ShellWord& w) const {
    if (auto one = launcher_array(w)) return {std::move(*one)};
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    if (raw.size() < 9 || !raw.starts_with("\"${") || !raw.ends_with("[@]}\"")) return {};
    const std::string name(raw.substr(3, raw.size() - 8));
    const auto lists = array_lists_.find(name);
    constexpr std::size_t kMostAppends = 5;
    if (lists == array_lists_.end() || lists->second.size() < 2 || lists->second.size() > kMostAppends + 1) return {};
    for (std::size_t j = 0; j < lists->second.size(); ++j) {
      const auto* list = lists->second[j];
      const bool plus = text_.compare(list->begin + name.size(), 2, "+=") == 0;
      if (plus != (j > 0) || (plus && may_run_again(*list))) return {};
    }
    std::vector<std::vector<ShellWord>> out;
    for (std::size_t mask = 0; mask < (std::size_t{1} << (lists->second.size() - 1)); ++mask) {
      auto elements = array_elements(name, mask);
      if (!elements) return {};
      out.push_back(std::move(*elements));
    }
    return out;
  }
  // The words each text of scalar `name` splits into where $NAME stands
  // unquoted, when the template writes every text out (CMD="python3 x.py
  // --lr $LR" or CMD=python3), nothing else sets it and IFS is bash's: the
  // text's blanks outside ${...} cut it; each piece keeps its expansions
  // (split again at run time, as the same words written out would be).
  // Appends (CMD+=" --name $N", CMD="$CMD --name $N"; round 114 fr-01)
  // follow each text in the order they are written, any of them skipped
  // (an if): the word before a value decides what it is (an option's
  // argument). Not an append a loop or a function may run again, in any
  // order (review 37: -c twice, then the value).
  std::vector<std::vector<ShellWord>> command_strings(const std::string& name) const {
    const auto words = assignment_words_.find(name);
    if (words == assignment_words_.end() || arrays_.count(name) || !ifs_chars_.empty() || !set_only_by_assignments(name) ||
        !mentioned_only_in_lists_and_reads(name, words->second))
      return {};
    std::vector<std::vector<ShellWord>> texts, appends;
    for (const ShellWord* w : words->second) {
      std::size_t b = w->begin + name.size();
      const bool plus = text_.compare(b, 2, "+=") == 0;
      if (!plus && text_.compare(b, 1, "=") != 0) return {};
      b += plus ? 2 : 1;
      std::size_t e = w->end;
      if (b < e && text_[b] == '"') {
        if (text_[e - 1] != '"' || e - b < 2) return {};
        ++b, --e;
      }
      bool appended = plus;
      for (const std::string& self : {"$" + name, "${" + name + "}"})
        if (!plus && text_.compare(b, self.size(), self) == 0 && (b + self.size() == e || text_[b + self.size()] == ' '))
          b += self.size(), appended = true;
      // (Glued to the last word, CMD+="x" changes it: not followed.)
      if (appended && b < e && text_[b] != ' ' && text_[b] != '\t') return {};
      auto pieces = command_words(*w, b, e);
      if (!pieces) return {};
      // (What an append run first adds to: the environment's text.)
      if (appended && (texts.empty() || may_run_again(*w))) return {};
      (appended ? appends : texts).push_back(std::move(*pieces));
    }
    // Each subset of the appends, in order (bounded: a template with more is refused).
    constexpr std::size_t kMostAppends = 5;
    if (appends.size() > kMostAppends) return {};
    std::vector<std::vector<ShellWord>> out;
    for (const auto& text : texts)
      for (std::size_t mask = 0; mask < (std::size_t{1} << appends.size()); ++mask) {
        auto& line = out.emplace_back(text);
        for (std::size_t a = 0; a < appends.size(); ++a)
          if (mask & (std::size_t{1} << a)) line.insert(line.end(), appends[a].begin(), appends[a].end());
      }
    return out;
  }
  // Whether the command holding word `w` is in a loop's body or a
  // function's, which may run it again after later commands.
  bool may_run_again(const ShellWord& w) const {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto& words = t_.commands[c].words;
      if (words.empty() || &w < words.data() || &w >= words.data() + words.size()) continue;
      for (auto g = t_.commands[c].group; g != kNone; g = t_.commands[g].group) {
        if (!t_.commands[g].function.empty()) return true;
        const auto before = std::string_view(text_).substr(0, t_.commands[g].offset);
        for (std::string_view loop : {"while", "until", "for", "select"})
          if (before.ends_with(loop) && (before.size() == loop.size() || !is_name_char(before[before.size() - loop.size() - 1])))
            return true;
      }
      return false;
    }
    return true;  // (a word of no command the template writes)
  }
  // The words of assignment `w`'s value text [b, e) (command_strings).
  std::optional<std::vector<ShellWord>> command_words(const ShellWord& w, std::size_t b, std::size_t e) const {
    const std::string_view value = std::string_view(text_).substr(b, e - b);
    if (value.find_first_of("\"'\\`") != std::string_view::npos || value.find("$(") != std::string_view::npos)
      return std::nullopt;
    std::vector<ShellWord> pieces;
    int braces = 0;
    for (std::size_t k = b; k < e; ++k) {
      const char ch = text_[k];
      if (braces == 0 && (ch == ' ' || ch == '\t' || ch == '\n')) continue;
      if (braces > 0 && (ch == ' ' || ch == '\t' || ch == '\n')) return std::nullopt;  // ${X:-a b}
      if (pieces.empty() || pieces.back().end != k) pieces.push_back(ShellWord{k, k, {}, {}, {}, {}, {}});
      auto& piece = pieces.back();
      piece.text += ch;
      piece.end = k + 1;
      if (ch == '$' && k + 1 < e && text_[k + 1] == '{') ++braces;
      else if (ch == '}' && braces > 0) --braces;
    }
    for (auto& piece : pieces) {
      for (auto p : w.placeholders)
        if (t_.placeholders[p].begin >= piece.begin && t_.placeholders[p].begin < piece.end) piece.placeholders.push_back(p);
      piece.refs = names_in(piece.text);
    }
    return pieces;
  }
  // Runs `program` (the words a variable or array stands for) in place of
  // words[i], with the words after it.
  void run_in_place(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, std::vector<ShellWord> program) {
    run_words(c, joined_in_place(std::move(program), words, i, words.size()));
  }
  // `program`, kept for the pass, then the words after words[i] up to `end`.
  std::vector<const ShellWord*> joined_in_place(std::vector<ShellWord> program, const std::vector<const ShellWord*>& words,
                                                std::size_t i, std::size_t end) {
    const auto& store = synth_.emplace_back(std::move(program));
    std::vector<const ShellWord*> joined;
    for (const auto& w : store) joined.push_back(&w);
    joined.insert(joined.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(end));
    return joined;
  }
  // The words of a variable's literal text, standing where `at` stands.
  static void split_into(std::vector<ShellWord>& store, const ShellWord& at, const std::string& v) {
    for (std::size_t k = 0; k < v.size();) {
      const auto b = v.find_first_not_of(" \t\n", k);
      if (b == std::string::npos) break;
      const auto e = std::min(v.find_first_of(" \t\n", b), v.size());
      store.push_back(ShellWord{at.begin, at.end, v.substr(b, e - b), {}, {}, {}, {}});
      k = e;
    }
  }
  // The same, or "" where a trap's handler may print into any $(...)
  // (trap f DEBUG under set -T: attack 163).
  std::string located_program(std::string_view t) const {
    return traced_prints_.empty() ? located_program_name(t) : std::string();
  }
  // The program `$(command -v X)`, `$(which X)`, `$(type -P X)` or `which X`
  // in backquotes finds, or "".
  static std::string located_program_name(std::string_view t) {
    for (std::string_view open : {"$(command -v ", "$(which ", "$(type -P ", "$(type -p ", "`which ", "`command -v "}) {
      if (t.rfind(open, 0) != 0) continue;
      auto rest = t.substr(open.size());
      const auto end = rest.find_first_of(")`");
      if (end == std::string_view::npos || end + 1 != rest.size()) return {};
      rest = rest.substr(0, end);
      if (rest.empty() || rest.find_first_of(" \t$`'\"") != std::string_view::npos) return {};
      return std::string(rest);
    }
    return {};
  }

  // An unquoted brace expansion ({a,b}, {1..3}) in a word.
  static bool builds_words(std::string_view raw) {
    char quote = 0;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char ch = raw[k];
      if (ch == '\\') {
        ++k;
      } else if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '{' && (k == 0 || raw[k - 1] != '$')) {
        const auto close = raw.find('}', k);
        if (close == std::string_view::npos) return false;
        const auto inside = raw.substr(k + 1, close - k - 1);
        if (inside.find(',') != std::string_view::npos || inside.find("..") != std::string_view::npos) return true;
      }
    }
    return false;
  }

  // "${FILES[@]}" of an array the template only ever gives literal file
  // names (FILES=(run.json notes.txt)): its elements as words, each
  // referring to the files it may name (kept for the flow's life), or none.
  const std::vector<ShellWord>* literal_array_words(const ShellWord& w) const {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    std::string_view inner = raw;
    if (inner.size() > 2 && inner.front() == '"' && inner.back() == '"') inner = inner.substr(1, inner.size() - 2);
    if (!inner.starts_with("${") || !inner.ends_with("[@]}")) return nullptr;
    const std::string name(inner.substr(2, inner.size() - 6));
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char ch) { return is_name_char(ch); })) return nullptr;
    // (Its references once every word's are known: before, the names only.)
    auto& cache = words_linked_ ? array_operands_ : array_names_;
    if (const auto known = cache.find(name); known != cache.end()) return &known->second;
    auto elements = array_elements(name);
    if (!elements || elements->empty() || std::any_of(elements->begin(), elements->end(), [](const ShellWord& e) {
          return !e.placeholders.empty() || e.text.empty() || e.text.find_first_of("$`*?[{") != std::string::npos;
        }))
      return nullptr;
    for (auto& e : *elements) {
      e.refs.clear();
      if (!words_linked_) continue;
      e.refs = in_place_copies(file_key_of(e.text));
      for (auto& tree : trees_holding(e.text)) e.refs.push_back(std::move(tree));
      for (const auto& pattern : written_pattern_keys())
        if (may_be(pattern, file_key_of(e.text))) e.refs.push_back(pattern);
    }
    return &cache.emplace(name, std::move(*elements)).first->second;
  }
  // The words bash makes of a word with one literal brace expansion and
  // nothing else it expands (run.{tmp,yaml}: run.tmp run.yaml), or none.
  static std::vector<std::string> literal_brace_words(std::string_view raw) {
    const auto open = raw.find('{');
    const auto close = raw.find('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
        raw.find_first_of("{}", open + 1) != close || raw.find_first_of("{}", close + 1) != std::string_view::npos ||
        raw.find_first_of("$`\\'\"*?[~") != std::string_view::npos)
      return {};
    const auto inside = raw.substr(open + 1, close - open - 1);
    if (inside.find(',') == std::string_view::npos) return {};
    std::vector<std::string> out;
    for (std::size_t k = 0;;) {
      const auto comma = std::min(inside.find(',', k), inside.size());
      out.push_back(std::string(raw.substr(0, open)) + std::string(inside.substr(k, comma - k)) + std::string(raw.substr(close + 1)));
      if (comma == inside.size()) break;
      k = comma + 1;
    }
    return out;
  }

  struct Forward {
    std::size_t command;  // the body's command with "$@"
    std::size_t at;       // the index of "$@" among its words
    std::size_t shifted;  // shift N before it (kAnyShift: a count not written as a number)
  };
  static constexpr std::size_t kAnyShift = static_cast<std::size_t>(-1);
  // How far the body's shift commands move the parameters (9: unknown).
  std::size_t shifts_in(std::size_t g) const {
    return std::min<std::size_t>(shifts_before(g, t_.commands.size()).value_or(9), 9);
  }
  // The shift commands of function g's body before command `end`: how far
  // they move the parameters, or nothing when a count is not a literal.
  std::optional<std::size_t> shifts_before(std::size_t g, std::size_t end) const {
    std::size_t total = 0;
    for (const auto b : members_of(g)) {
      if (b >= end) break;
      const auto* p = program_word(t_.commands[b]);
      if (!p || p->text != "shift"sv) continue;
      const auto bw = words_of(b);
      const std::string count = bw.size() > 1 ? bw[1]->text : "1";
      if (count.empty() || count.size() > 2 || count.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      total += std::stoul(count);
    }
    return total;
  }
  // Functions that pass their arguments on ("$@" in a command of the body):
  // each call is read as those commands with the call's words in place.
  void forwarders() {
    for (const auto& [name, g] : functions_)
      // (bash itself calls command_not_found_handle, with any words: its
      // body is read as it stands.)
      for (const auto m : g == kNone || name == "command_not_found_handle"sv ? kNoMembers : members_of(g)) {
        if (t_.commands[m].kind != ShellCommand::Kind::Simple || !t_.commands[m].header.empty()) continue;
        const auto words = words_of(m);
        for (std::size_t k = 0; k < words.size(); ++k) {
          const std::string_view raw = std::string_view(text_).substr(words[k]->begin, words[k]->end - words[k]->begin);
          if (raw == "\"$@\"" || raw == "\"${@}\"") {
            // shift N before it drops the call's first words; shift
            // $((OPTIND-1)) any number of them.
            forwarders_[name].push_back({m, k, shifts_before(g, m).value_or(kAnyShift)});
            forwarding_commands_.insert(m);
            break;
          }
        }
      }
  }
  void forward_call(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i,
                    const std::vector<Forward>& bodies) {
    if (resolving_ >= 4) return;
    ++resolving_;
    for (const auto& [m, at, shifted] : bodies) {
      const auto body = words_of(m);
      // The call's words after the shift: after any, for kAnyShift (a shift
      // beyond the call's words moves nothing).
      const auto last = shifted == kAnyShift ? words.size() : std::min(words.size(), i + 1 + shifted);
      for (auto from = shifted == kAnyShift ? i + 1 : last; from <= last; ++from) {
        std::vector<const ShellWord*> joined(body.begin(), body.begin() + static_cast<long>(at));
        joined.insert(joined.end(), words.begin() + static_cast<long>(from), words.end());
        joined.insert(joined.end(), body.begin() + static_cast<long>(at) + 1, body.end());
        run_words(c, joined);
      }
    }
    --resolving_;
  }

  // Variables of the job's environment sbatch sets from an option.
  void set_by_sbatch(const std::string& name, std::size_t k) {
    exported_.insert(name);
    direct_[name].insert(k);
    set_by_sbatch_.emplace(name, k);
  }
  // Options sbatch hands the job as environment variables: a value there is
  // in $SLURM_JOB_NAME (say) for the whole script; --export=NAME=value sets
  // NAME; --chdir sets the job's $PWD.
  void job_environment() {
    for (std::size_t k = 0; k < t_.placeholders.size(); ++k) {
      const auto& ph = t_.placeholders[k];
      if (!render::is_directive(ph.context.quoting)) continue;
      direct_[kJobRecord].insert(k);
      const auto nl = ph.begin == 0 ? std::string::npos : text_.rfind('\n', ph.begin - 1);
      const auto start = nl == std::string::npos ? 0 : nl + 1;
      const std::string_view before = std::string_view(text_).substr(start, ph.begin - start);
      // The option: the last blank-separated token starting with '-'.
      std::string_view option;
      for (std::size_t b = 0; b < before.size();) {
        const auto e = std::min(before.find_first_of(" \t", b), before.size());
        if (e > b && before[b] == '-') option = before.substr(b, e - b);
        b = e + 1;
      }
      if (option.empty()) continue;
      const auto eq = option.find('=');
      std::string name(option.substr(0, eq));
      while (!name.empty() && name.front() == '-') name.erase(0, 1);
      if (name.size() == 1)
        if (const auto* info = sbatch_.find_short(name[0])) name = info->name;
      // sbatch takes an unambiguous prefix of a long option (--job-na).
      if (name.size() > 1 && option.rfind("--", 0) == 0)
        if (const auto m = sbatch_.find_long(name); m.option) name = m.option->name;
      if (name == "export"sv) {
        // --export=ALL,NAME=value: the name of the placeholder's item.
        const auto at = std::min(before.find("export") + 6, before.size());  // the '=' or blank after it
        const auto comma = before.rfind(',');
        auto item = before.substr(comma != std::string_view::npos && comma > at ? comma + 1 : std::min(at + 1, before.size()));
        while (!item.empty() && (item.front() == '"' || item.front() == '\'' || item.front() == ' ')) item.remove_prefix(1);
        const auto item_eq = item.find('=');
        if (item_eq != std::string_view::npos && item_eq > 0) {
          set_by_sbatch(std::string(item.substr(0, item_eq)), k);
        }
        continue;
      }
      // --nodes=N, --time=T, --mem=M: the renderer requires the option's
      // grammar of the value (digits, units, '-', ':'), so the variables
      // sbatch sets from it hold no text another reader could run.
      // (Only where the value is the option's own: no quote before it, the
      // option right before it; "--job-name='x --time=${X}'" is a name.)
      using render::ValueKind;
      const bool own_value = before.find_first_of("\"'") == std::string_view::npos &&
                             (before.ends_with(option) || before.ends_with(std::string(option) + " "));
      if (const auto m = sbatch_.find_long(name);
          own_value && m.option &&
          render::is_scalar_kind(m.option->value))
        continue;
      std::string upper;
      for (char ch : name) upper += ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      for (const auto& env : {"SLURM_JOB_" + upper, "SLURM_" + upper, "SBATCH_" + upper}) set_by_sbatch(env, k);
      if (name == "job-name"sv) set_by_sbatch("SLURM_JOB_NAME", k);
      // The files Slurm writes are named by --output and --error, and %x
      // there is the job name: a glob or ls finds those names (attack 149).
      if (one_of(name, {"output", "error", "input"}) || (name == "job-name"sv && percent_x_)) direct_["fs:names"].insert(k);
      if (name == "constraint"sv) set_by_sbatch("SLURM_JOB_CONSTRAINTS", k);
      if (name == "clusters"sv) set_by_sbatch("SLURM_CLUSTER_NAME", k);
      if (name == "chdir"sv) set_by_sbatch("PWD", k);
    }
  }

  // ---- files -------------------------------------------------------------

  // A file the template writes carries what the writing command had; a word
  // naming it later carries that on, as a variable "file:NAME" would. A file
  // is known by its last path component (the directory may be "$OUT/" in one
  // place and "./" in another); a name whose last component has an expansion
  // or a glob is "file:*": any file it writes may be any file read, and a
  // word reading such a name may read any file written. Names the template
  // creates (mkdir, touch, > F, ...) are "fs:names", read back by globs, ls
  // and find.
  static std::string file_key(std::string_view name) {
    // "$(mktemp)", `mktemp -p "$TMPDIR"`: a new file of its own, under a
    // name no other command writes or reads except through it (a
    // variable's text names it again; fr hunt 57). With a '.' (--suffix=.py,
    // x.XXXX.yaml) its name may say what it is: read below.
    const bool substituted = (name.starts_with("$(mktemp") && name.ends_with(")")) ||
                             (name.size() > 1 && name.starts_with("`mktemp") && name.ends_with("`"));
    // (A template ending in its X's, cfg.XXXXXX, makes a name ending in
    // letters and digits after its last '.': no suffix of its own; fr91/02.)
    const auto random_end = [](std::string_view n) {
      const auto inner = n.substr(n[0] == '$' ? 2 : 1, n.size() - (n[0] == '$' ? 3 : 2));
      if (inner.find("--suffix") != std::string_view::npos) return false;
      auto last = inner.substr(std::min(inner.find_last_of(" \t") + 1, inner.size()));
      while (!last.empty() && (last.back() == '"' || last.back() == '\'')) last.remove_suffix(1);
      const auto xs = last.size() - std::min(last.find_last_not_of('X') + 1, last.size());
      return xs >= 3 && last.find('/', last.size() - xs) == std::string_view::npos;
    };
    if (substituted && (name.find('.') == std::string_view::npos || random_end(name)) &&
        name.find("$(", 1) == std::string_view::npos && name.substr(1, name.size() - 2).find('`') == std::string_view::npos)
      return "file:" + std::string(name);
    // (code/. and code/./ name the directory code: cp -r code/. dest.)
    for (bool more = true; more;) {
      while (name.size() > 1 && name.back() == '/') name.remove_suffix(1);
      more = name.size() > 2 && name.ends_with("/.");
      if (more) name.remove_suffix(2);
    }
    // The last component after the last '/' outside expansions: the '/' of
    // ${LOG/.log/.desc} or $(dirname "$F") separates nothing, nor one inside
    // a brace expansion ({run/a.txt,run/b.py} is any of its words; attack 157).
    std::size_t depth = 0, slash = std::string_view::npos;
    bool backquote = false;
    for (std::size_t k = 0; k < name.size(); ++k) {
      const char ch = name[k];
      if (ch == '$' && k + 1 < name.size() && (name[k + 1] == '{' || name[k + 1] == '(')) {
        ++depth;
        ++k;
      } else if (ch == '{') {
        ++depth;
      } else if ((ch == '}' || ch == ')') && depth > 0) {
        --depth;
      } else if (ch == '`') {
        backquote = !backquote;
      } else if (ch == '/' && depth == 0 && !backquote) {
        slash = k;
      }
    }
    const auto base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    // (An extglob, @(job.log), names the files it matches.)
    if (base.empty() || base == "."sv || base == ".."sv || base.find_first_of("$`*?[{(") == std::string_view::npos)
      return base.empty() || base == "."sv || base == ".."sv ? std::string(kAnyFile) : "file:" + std::string(base);
    // "logs/task-${ID}.txt": any name ending in ".txt".
    const auto dot = base.rfind('.');
    if (dot != std::string_view::npos && dot + 1 < base.size() &&
        base.substr(dot).find_first_of("$`*?[]{}()\"'") == std::string_view::npos)
      return std::string(kAnyFile) + std::string(base.substr(dot));
    return kAnyFile;
  }
  // A file name of srun's or sbatch's --output or --error as a pattern of
  // the names Slurm makes of it: each replacement (%j, %4t, %N, ...) stands
  // for any text, %% for a '%'.
  static std::string slurm_file_pattern(std::string_view name) {
    std::string out;
    for (std::size_t k = 0; k < name.size(); ++k) {
      if (name[k] != '%' || k + 1 == name.size()) {
        out += name[k];
      } else if (name[k + 1] == '%') {
        out += '%';
        ++k;
      } else {
        while (k + 1 < name.size() && std::isdigit(static_cast<unsigned char>(name[k + 1]))) ++k;
        if (k + 1 < name.size()) ++k;
        out += '*';
      }
    }
    return out;
  }
  // Whether the command rewrites its file operands in place.
  static bool edits_in_place(const std::vector<const ShellWord*>& words, std::string_view prog) {
    const auto any = [&](auto&& f) { return std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) { return f(w->text); }); };
    if (is_sed(prog) || prog == "yq"sv)
      return any([](const std::string& w) { return w == "--in-place"sv || w == "--inplace"sv || (w.size() > 1 && w.rfind("-i", 0) == 0); });
    if (is_awk(prog))
      return any([](const std::string& w) { return w == "inplace"sv || w == "-iinplace"sv || w == "--include=inplace"sv; });
    if (prog.rfind("perl", 0) == 0 || prog.rfind("ruby", 0) == 0)
      // A cluster of switches holding i (-i, -pi, -i.bak, -0pi), not -e's code.
      for (std::size_t k = 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "-e"sv || w == "-E"sv) {
          ++k;
          continue;
        }
        if (w.size() < 2 || w[0] != '-' || w[1] == '-') continue;
        const auto letters = w.substr(1, std::min(w.find_first_of(".=", 1), w.size()) - 1);
        // (-pie is -p and -i with the extension "e"; in -ei the i is -e's code.)
        if (letters.find('i') < letters.find_first_of("eE")) return true;
      }
    return false;
  }
  static bool is_awk(std::string_view prog) { return is_awk_or_sed(prog) && !is_sed(prog); }
  // How awk or sed reads words[from...]: whether an option gives its
  // program (-e, -f, gawk's -E, --expression, --file, --source, --exec,
  // mawk's -W exec; attached too: -fstrip.sed, -es/a/b/) and its operands
  // (option values left out, and awk's NAME=VALUE operands).
  struct AwkSedWords {
    bool program_given = false;
    std::vector<const ShellWord*> operands;
    std::vector<const ShellWord*> program_texts;  // the words -e, --expression, --source give
  };
  static AwkSedWords awk_sed_words(const std::vector<const ShellWord*>& words, std::size_t from, std::string_view prog) {
    const bool awk = is_awk(prog);
    const std::string_view with_argument = awk ? "efEvFilW" : "efl";
    AwkSedWords out;
    for (std::size_t k = from; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (w == "--"sv) {
        for (++k; k < words.size(); ++k) out.operands.push_back(words[k]);
        break;
      }
      if (w.size() < 2 || w[0] != '-') {
        if (!(awk && is_assignment_word(w))) out.operands.push_back(words[k]);
        continue;
      }
      if (w[1] == '-') {
        const auto option = std::string_view(w).substr(0, w.find('='));
        const bool program = one_of(option, {"--expression", "--file"}) || (awk && one_of(option, {"--source", "--exec"}));
        out.program_given = out.program_given || program;
        const bool valued = program || (awk ? one_of(option, {"--assign", "--field-separator", "--include", "--load"})
                                            : option == "--line-length"sv);
        if (valued && w.find('=') == std::string::npos && k + 1 < words.size()) {
          if (one_of(option, {"--expression", "--source"})) out.program_texts.push_back(words[k + 1]);
          ++k;
        }
        continue;
      }
      // -nf FILE, -fFILE, -e SCRIPT, -es/a/b/: the first letter that takes
      // a value takes the rest of the word or the next one.
      for (std::size_t j = 1; j < w.size(); ++j) {
        if (!awk && w[j] == 'i') break;  // sed -i.bak: the rest is -i's suffix
        if (with_argument.find(w[j]) == std::string_view::npos) continue;
        const char letter = w[j];
        const bool attached = j + 1 < w.size();
        const std::string_view value = attached ? std::string_view(w).substr(j + 1)
                                       : k + 1 < words.size() ? std::string_view(words[k + 1]->text) : std::string_view();
        if (!attached && letter == 'e' && k + 1 < words.size()) out.program_texts.push_back(words[k + 1]);
        if (!attached) ++k;
        out.program_given = out.program_given || letter == 'e' || letter == 'f' || letter == 'E' ||
                            (letter == 'W' && value.starts_with("e"));  // mawk -W exec FILE
        if (letter == 'W' && value.starts_with("e") && !attached) ++k;
        break;
      }
    }
    return out;
  }
  // The files an in-place editor rewrites: its operands after its program
  // text (sed's script, awk's program, perl's script) unless an option
  // gave that (-e, -f, --expression, --source), without option values
  // (-v NAME=VALUE, -i inplace) and awk's NAME=VALUE operands.
  static std::vector<const ShellWord*> in_place_files(const std::vector<const ShellWord*>& words, std::string_view prog) {
    if (is_awk_or_sed(prog)) {
      auto read = awk_sed_words(words, 1, prog);
      if (!read.program_given && !read.operands.empty()) read.operands.erase(read.operands.begin());
      return read.operands;
    }
    const bool script_language = prog.rfind("perl", 0) == 0 || prog.rfind("ruby", 0) == 0;
    bool program_given = false;
    std::vector<const ShellWord*> operands;
    for (std::size_t k = 1; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (w == "--"sv) {
        for (++k; k < words.size(); ++k) operands.push_back(words[k]);
        break;
      }
      if (w.size() < 2 || w[0] != '-') {
        operands.push_back(words[k]);
        continue;
      }
      const bool takes_program = one_of(w, {"-e", "-E", "-f", "--expression", "--file", "--source", "-s"}) &&
                                 !(script_language && w == "-s"sv);
      if (takes_program) program_given = true;
      if (takes_program)
        ++k;  // the option's value
      else if (w.rfind("--expression=", 0) == 0 || w.rfind("--file=", 0) == 0 || w.rfind("--source=", 0) == 0)
        program_given = true;
    }
    // The program text, or yq's expression, comes first.
    if ((!program_given || prog == "yq"sv) && !operands.empty()) operands.erase(operands.begin());
    return operands;
  }
  // The files an editor that needs no -i rewrites in place: sd FIND
  // REPLACE FILE..., rpl OLD NEW FILE..., replace FROM TO ... -- FILE...,
  // xmlstarlet ed -L ... FILE, dasel put -f FILE (or -o FILE).
  static std::vector<const ShellWord*> rewritten_files(const std::vector<const ShellWord*>& words, std::string_view prog) {
    std::vector<const ShellWord*> operands, out;
    const auto takes_value = [&](std::string_view w) {
      return prog == "sd"sv ? one_of(w, {"-n", "--max-replacements", "-f", "--flags"}) : one_of(w, {"-x", "--encoding", "-e"});
    };
    bool after_dashes = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (prog == "dasel"sv) {
        if (one_of(w, {"-f", "--file", "-o", "--out", "--output"}) && k + 1 < words.size()) out.push_back(words[++k]);
        continue;
      }
      if (prog == "replace"sv) {
        if (after_dashes) out.push_back(words[k]);
        after_dashes = after_dashes || w == "--"sv;
        continue;
      }
      if (!after_dashes && w.size() > 1 && w[0] == '-') {
        after_dashes = w == "--"sv;
        if (takes_value(w)) ++k;
        continue;
      }
      operands.push_back(words[k]);
    }
    if (prog == "sd"sv || prog == "rpl"sv)
      out.insert(out.end(), operands.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(2, operands.size())), operands.end());
    // crudini --set FILE SECTION KEY VALUE (--del, --merge).
    if (prog == "crudini"sv)
      for (std::size_t k = 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"--set", "--del", "--merge"})) {
          for (std::size_t j = k + 1; j < words.size(); ++j)
            if (words[j]->text.rfind('-', 0) != 0) {
              out.push_back(words[j]);
              break;
            }
          break;
        }
    const bool xml_in_place = one_of(prog, {"xmlstarlet", "xml"}) && words.size() > 1 && one_of(words[1]->text, {"ed", "edit"}) &&
                              std::any_of(words.begin(), words.end(), [](const ShellWord* w) { return one_of(w->text, {"-L", "--inplace"}); });
    if (xml_in_place) out.push_back(words.back());
    return out;
  }
  // Template renderers fill a text with the job's environment (.Env of j2,
  // jinja2, gomplate and dockerize, consul-template's env, confd's env
  // backend, envtpl, mo) as well as with what they are given.
  static bool renders_templates(std::string_view prog) {
    return one_of(prog, {"j2", "jinja2", "jinja", "gomplate", "consul-template", "dockerize", "confd", "cookiecutter",
                         "envtpl", "mo", "esh", "frep", "sigil", "tmpl", "minijinja-cli", "jinjanator", "p2"});
  }
  // The files an awk program's print and printf statements write: the
  // file key of a literal name after '>' or '>>', any file for a name the
  // program computes. (Inside a print statement an unparenthesized '>' is
  // a redirection.)
  static std::vector<std::string> awk_print_targets(std::string_view code) {
    std::vector<std::string> out;
    for (auto at = code.find("print"); at != std::string_view::npos; at = code.find("print", at + 5)) {
      if (at > 0 && (is_name_char(code[at - 1]))) continue;
      int depth = 0;
      for (std::size_t k = at + 5; k < code.size(); ++k) {
        const char ch = code[k];
        if (ch == '"') {
          while (++k < code.size() && code[k] != '"')
            if (code[k] == '\\') ++k;
        } else if (ch == '(') {
          ++depth;
        } else if (ch == ')') {
          if (--depth < 0) break;
        } else if (depth == 0 && (ch == ';' || ch == '}' || ch == '\n' || ch == '|')) {
          break;
        } else if (depth == 0 && ch == '>') {
          auto rest = code.substr(k + 1);
          if (!rest.empty() && rest[0] == '>') rest.remove_prefix(1);
          rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
          const auto close = rest.size() > 1 && rest[0] == '"' ? rest.find('"', 1) : std::string_view::npos;
          const auto name = close == std::string_view::npos ? std::string_view() : rest.substr(1, close - 1);
          out.push_back(name.empty() || name.find('\\') != std::string_view::npos || name.rfind("/dev/std", 0) == 0
                            ? std::string(kAnyFile)
                            : file_key(name));
          if (name.rfind("/dev/std", 0) == 0) out.pop_back();  // (its output, read where the command's is)
          break;
        }
      }
    }
    return out;
  }
  // A file key as messages name it.
  static std::string describe_file(std::string_view key) {
    if (key == kEveryFile) return "a file named at run time";
    if (key == kAnyFile) return "a file the template writes under a name chosen at run time";
    if (is_pattern_key(key)) return fmt::format("a file named *{}", key.substr(std::string_view(kAnyFile).size()));
    return std::string(key.substr(5));
  }
  static bool is_pattern_key(std::string_view key) { return key.rfind(kAnyFile, 0) == 0; }
  // The written keys that are patterns ("file:*", "file:*.txt"): they sort together.
  std::vector<std::string> written_pattern_keys() const {
    std::vector<std::string> out;
    for (auto it = written_->lower_bound(kAnyFile); it != written_->end() && is_pattern_key(*it); ++it) out.push_back(*it);
    return out;
  }
  void note_written(const std::string& key) {
    written_->insert(key);
    wrote_.push_back(key);
  }
  // Whether a file written under `key` may be the file named `base`.
  static bool may_be(std::string_view key, std::string_view read_key) {
    if (key == read_key || key == kAnyFile) return true;
    if (!is_pattern_key(key)) return false;
    const auto suffix = key.substr(std::string_view(kAnyFile).size());
    return read_key.size() > suffix.size() + 5 && read_key.substr(read_key.size() - suffix.size()) == suffix;
  }
  // The written files a file named `key` may hold the text of: itself, and
  // the files that programs turning a file into another in place connect to
  // it by a suffix (gzip F writes F.gz, gunzip F.gz writes F, base64 F >
  // F.b64, cp F F.bak). Reading run.txt.gz as code runs what run.txt held.
  // The trees the template copied, linked, synced or cloned as a whole
  // (cp -r SRC kit, git clone URL src) that a path below them is in
  // (kit/env.sh, src/slurm/env.sh): the file holds what the tree's source did.
  std::vector<std::string> trees_holding(std::string_view path, int depth = 0) const {
    std::vector<std::string> out;
    for (auto slash = path.find('/', 1); slash != std::string_view::npos; slash = path.find('/', slash + 1))
      if (const auto key = file_key_of(path.substr(0, slash)); is_tree_dir(key, path.substr(0, slash))) out.push_back(key);
    // "$DATA_DIR/prep.py" and "$DATA_DIR" of DATA_DIR=data/${NAME}: the
    // texts the variable is given, in its place.
    if (const auto var = leading_variable(path); !var.first.empty() && depth < 3)
      if (const auto texts = assigned_texts_.find(var.first); texts != assigned_texts_.end() && texts->second.size() <= 8)
        for (const auto& text : texts->second)
          if (!text.empty() && text.find(var.second) == std::string::npos) {
            const auto whole = text + std::string(path.substr(var.second.size())) + "/";
            for (auto& key : trees_holding(whole, depth + 1)) out.push_back(std::move(key));
          }
    return out;
  }
  // The variable a path starts with ($D/x, "${D}"/x, "$D"), with the text
  // that spells it, or nothing.
  static std::pair<std::string, std::string> leading_variable(std::string_view path) {
    std::size_t k = path.rfind("\"$", 0) == 0 ? 1 : 0;
    if (k >= path.size() || path[k] != '$') return {};
    const bool braced = k + 1 < path.size() && path[k + 1] == '{';
    auto end = k + (braced ? 2 : 1);
    const auto from = end;
    while (end < path.size() && is_name_char(path[end])) ++end;
    if (end == from || (braced && (end >= path.size() || path[end] != '}'))) return {};
    if (braced) ++end;
    if (k == 1 && end < path.size() && path[end] == '"') ++end;
    if (end < path.size() && path[end] != '/') return {};
    return {std::string(path.substr(from, (braced ? end - 1 : end) - from - (k == 1 && path[end - 1] == '"' ? 1 : 0))),
            std::string(path.substr(0, end))};
  }
  // The directory a tree written to `dest` is known by when dest's last
  // component is chosen at run time (data/${NAME}, "$DATA_DIR" of such a
  // text): its longest literal parent (data), whose files it may be; or
  // nothing when dest's name is known, or no literal parent is.
  std::optional<std::string> tree_root(std::string_view dest) const {
    std::vector<std::string> texts{std::string(dest)};
    if (const auto var = single_variable(dest); !var.empty()) {
      const auto it = assigned_texts_.find(var);
      if (it == assigned_texts_.end() || it->second.empty() || !set_only_by_assignments(var)) return std::nullopt;
      texts = it->second;
    }
    std::optional<std::string> root;
    for (auto text : texts) {
      while (text.size() > 1 && text.back() == '/') text.pop_back();
      if (!is_pattern_key(file_key(text))) return std::nullopt;
      const auto run_time = text.find_first_of("$`*?[{(\"'");
      const auto slash = text.rfind('/', run_time);
      if (run_time == std::string::npos || slash == std::string::npos || slash == 0) return std::nullopt;
      const auto parent = text.substr(0, slash);
      if (parent == "." || parent == ".." || parent.ends_with("/.") || parent.ends_with("/..") ||
          (root && *root != parent))
        return std::nullopt;
      root = parent;
    }
    return root;
  }
  void add_tree(const std::string& key, std::string_view dir) {
    while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
    (*tree_dirs_)[key].insert(std::string(dir));
  }
  // Whether `dir` (whose key is `key`) may be a tree's directory: an
  // absolute name only where the tree was named so, or by a name the
  // compiler cannot read ("$W", ~/x, a relative name after cd).
  bool is_tree_dir(const std::string& key, std::string_view dir) const {
    const auto names = tree_dirs_->find(key);
    if (names == tree_dirs_->end()) return false;
    if (dir.empty() || dir[0] != '/') return true;
    return std::any_of(names->second.begin(), names->second.end(), [&](const std::string& n) {
      return n.find_first_of("$`~") != std::string::npos || n == dir;
    });
  }
  // The directory a command changes into: cd's or pushd's operand, the
  // value of env -C/--chdir, srun's and salloc's -D/--chdir, gunicorn's
  // and uwsgi's --chdir.
  static std::optional<std::string> directory_entered(const ShellCommand& cmd, const ShellWord* program, std::string_view prog) {
    if (!program) return std::nullopt;
    auto from = static_cast<std::size_t>(program - cmd.words.data()) + 1;
    if (one_of(prog, {"command", "builtin"}) && from < cmd.words.size()) prog = cmd.words[from++].text;  // command cd src
    if (prog == "cd"sv || prog == "pushd"sv) {
      for (auto k = from; k < cmd.words.size(); ++k)
        if (cmd.words[k].role == ShellWord::Role::Word && cmd.words[k].text.rfind('-', 0) != 0) return cmd.words[k].text;
      return std::nullopt;
    }
    std::string_view short_opt;
    if (prog == "env"sv) short_opt = "-C";
    else if (prog == "srun"sv || prog == "salloc"sv) short_opt = "-D";
    else if (!one_of(prog, {"gunicorn", "uwsgi"})) return std::nullopt;
    for (auto k = from; k < cmd.words.size(); ++k) {
      const std::string& w = cmd.words[k].text;
      // The program it runs (not an option's value, -n 4): its words are its own.
      if (!w.empty() && w[0] != '-' && w.find('=') == std::string::npos &&
          (k == from || cmd.words[k - 1].text.empty() || cmd.words[k - 1].text[0] != '-' ||
           cmd.words[k - 1].text.find('=') != std::string::npos))
        break;
      if ((w == "--chdir"sv || (!short_opt.empty() && w == short_opt)) && k + 1 < cmd.words.size()) return cmd.words[k + 1].text;
      if (w.rfind("--chdir=", 0) == 0) return w.substr(8);
      if (!short_opt.empty() && w.size() > 2 && w.rfind(short_opt, 0) == 0) return w.substr(2);
    }
    return std::nullopt;
  }
  // The trees a directory's name is or lies in: src, src/., ./src/, "$W"
  // (W=src), file:src, ./src[dev] (pip's extras), src/pkg.
  std::vector<std::string> trees_at(std::string_view path) const {
    if (path.rfind("file:", 0) == 0) path.remove_prefix(path.rfind("file://", 0) == 0 ? 7 : 5);
    if (!path.empty() && path.back() == ']' && path.find('[') != std::string_view::npos) path = path.substr(0, path.rfind('['));
    while (path.size() > 2 && path.ends_with("/.")) path.remove_suffix(2);
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    // src/scripts/.. is src; src/.. and .. leave it.
    while (path.ends_with("/..")) {
      path.remove_suffix(3);
      const auto slash = path.rfind('/');
      if (slash == std::string_view::npos) return {};
      path = path.substr(0, slash);
    }
    if (path == ".."sv) return {};
    // (A name chosen at run time, cd "$SLURM_SUBMIT_DIR", is not known to
    // be a tree written under another run-time name.)
    auto out = trees_holding(path);
    if (const auto key = file_key_of(path); is_tree_dir(key, path) && !is_pattern_key(key)) out.push_back(key);
    return out;
  }
  // The working directory's spellings before a relative name.
  static constexpr std::string_view kWorkingDirectory[] = {"./", "$PWD/", "${PWD}/", "$(pwd)/", "`pwd`/",
                                                          "$SLURM_SUBMIT_DIR/", "${SLURM_SUBMIT_DIR}/"};
  // The trees whose names a variable's text puts in a list of directories
  // (PYTHONPATH="$PWD/models:$PYTHONPATH", PATH=src/bin:$PATH).
  std::vector<std::string> trees_listed(std::string_view text) const {
    std::vector<std::string> out;
    for (const auto& [key, names] : *tree_dirs_) {
      if (key.rfind("file:", 0) != 0 || is_pattern_key(key)) continue;
      const std::string_view name = std::string_view(key).substr(5);
      for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        // (Relative to the working directory: models, ./models, $PWD/models.)
        const auto head = text.substr(0, at);
        const char before = at == 0 ? '=' : text[at - 1], after = at + name.size() < text.size() ? text[at + name.size()] : ':';
        const bool here = std::any_of(std::begin(kWorkingDirectory), std::end(kWorkingDirectory),
                                      [&](std::string_view cwd) { return head.ends_with(cwd); });
        const bool named = before == '/' && std::any_of(names.begin(), names.end(), [&](const std::string& n) {
                             return n.size() > name.size() && n[0] == '/' && head.ends_with(std::string_view(n).substr(0, n.size() - name.size()));
                           });
        if ((std::string_view("=:\"'").find(before) != std::string_view::npos || here || named) &&
            std::string_view("/:\"'$}").find(after) != std::string_view::npos) {
          out.push_back(key);
          break;
        }
      }
    }
    return out;
  }

  std::vector<std::string> in_place_copies(const std::string& key) const {
    // (A copy's suffix: compressed, encrypted, encoded, a backup, an archive of one file.)
    static constexpr std::string_view kOtherSuffixes[] = {".gpg", ".pgp", ".asc", ".enc", ".age", ".b64", ".base64",
                                                          ".uu", ".bak", ".orig", ".old", ".tmp", ".new", ".save",
                                                          ".copy", ".zip", ".tar", ".tgz", ".tbz2", ".txz", ".sig"};
    const auto copy_suffix = [](std::string_view s) {
      return render::is_compression_suffix(s) ||
             std::find(std::begin(kOtherSuffixes), std::end(kOtherSuffixes), s) != std::end(kOtherSuffixes);
    };
    std::vector<std::string> out;
    if (written_->count(key)) out.push_back(key);
    if (is_pattern_key(key)) return out;
    // Back to the original: strip suffixes (run.sh.gz.b64 -> run.sh.gz -> run.sh).
    for (std::string_view name = key;;) {
      const auto dot = name.rfind('.');
      if (dot == std::string_view::npos || dot <= 5) break;
      if (!copy_suffix(name.substr(dot))) break;
      name = name.substr(0, dot);
      if (written_->count(std::string(name))) out.emplace_back(name);
    }
    // On to a copy: the template wrote run.sh.gz, gunzip made run.sh (one
    // search: the written names that start with "run.sh.").
    const std::string stem = key + ".";
    for (auto it = written_->lower_bound(stem); it != written_->end() && it->compare(0, stem.size(), stem) == 0; ++it)
      if (copy_suffix(std::string_view(*it).substr(key.size()))) out.push_back(*it);
    return out;
  }
  // The words of a command that a shell reads as code of its own: trap
  // ACTION, eval WORDS, sh -c CODE, su/runuser/flock -c CODE, --wrap=CODE.
  // Each is read as a template of its own (nested_code, to the depth it
  // reads) that links its own words to files; the file its text ends in
  // (>> /scratch/x/done.log) is no name of it (attack 205).
  std::vector<const ShellWord*> shell_code_words(const ShellCommand& cmd, const std::vector<const ShellWord*>& programs) const {
    std::vector<const ShellWord*> out;
    if (depth_ >= 3) return out;  // (not read deeper: the words stay linked)
    if (const auto* action = trap_action(cmd)) out.push_back(action);
    const auto* begin = cmd.words.data();
    const auto* end = begin + cmd.words.size();
    for (const auto* p : programs) {
      if (p < begin || p >= end) continue;
      const auto name = basename_of(p->text);
      const bool shell = is_shell(name), command_option = one_of(name, {"su", "runuser", "flock", "script"});
      bool code_next = false;  // (after -c: a shell's next operand, su's next word)
      for (const auto* w = p + 1; w < end; ++w) {
        if (w->role != ShellWord::Role::Word) continue;
        const std::string_view t = w->text;
        if (name == "eval"sv || t.starts_with("--wrap=") || (code_next && (command_option || !t.starts_with("-")))) {
          out.push_back(w);
          code_next = false;
          continue;
        }
        const bool cluster = t.size() > 2 && t[0] == '-' && t[1] != '-' && (shell ? t.find('c') != std::string_view::npos : t.back() == 'c');
        if ((shell && (t == "-c"sv || cluster)) ||
            (command_option && (t == "-c"sv || t == "--command"sv || (name != "flock"sv && (cluster || t == "--session-command"sv)))))
          code_next = true;
      }
    }
    return out;
  }
  // A word that is only the glue's own code (${CLEARML_AGENT_EXECUTE}, ...).
  bool code_slot_word(const ShellWord& w) const {
    if (w.placeholders.empty() || w.text.rfind("${CLEARML_", 0) != 0) return false;
    return std::all_of(w.placeholders.begin(), w.placeholders.end(), [&](std::size_t p) {
      const auto v = catalog::find_variable(t_.placeholders[p].name);
      return v && render::is_code_slot(*v);
    });
  }
  // Files whose text a program runs wherever it lies: scripts, modules,
  // makefiles, start-up files.
  // Files a program parses as data whose structure a value could change
  // (keys, types, YAML tags, fields): DataWord where a blank separates
  // entries (hostfile, requirements.txt), DataField elsewhere.
  render::ElementRole data_file_role(std::string_view name) const {
    // (Asked about the same few names for every command that writes one:
    // remembered for this template.)
    if (const auto it = data_file_roles_.find(name); it != data_file_roles_.end()) return it->second;
    return data_file_roles_.emplace(std::string(name), data_file_role_of(name)).first->second;
  }
  static render::ElementRole data_file_role_of(std::string_view name) {
    // Known by the name before a copy's or a template's suffix (run.json.tmp,
    // cfg.yaml.j2, values.yaml.in, cfg.yaml~), in any case (RUN.JSON).
    std::string lower(basename_of(name));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    for (bool cut = true; cut;) {
      cut = false;
      if (lower.size() > 1 && lower.back() == '~') lower.pop_back();
      for (std::string_view suffix : {".tmp", ".new", ".bak", ".orig", ".part", ".swp", ".j2", ".jinja", ".jinja2",
                                      ".tmpl", ".tpl", ".template", ".in", ".gotmpl", ".mustache", ".erb", ".dist",
                                      ".example", ".sample", ".default", ".old", ".save"})
        if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
          lower.resize(lower.size() - suffix.size());
          cut = true;
        }
    }
    const std::string_view base = lower;
    const auto ends = [&](std::string_view ext) {
      return base.size() > ext.size() && base.substr(base.size() - ext.size()) == ext;
    };
    // (.deepspeed_env: deepspeed's multi-node runners put each NAME=VALUE
    // line unquoted into a remote shell's export line; round 118.)
    if (one_of(base, {"hostfile", "machinefile", "nodefile", "hosts", "host_file", "hostlist", ".netrc", "netrc",
                      "_netrc", ".pgpass", "known_hosts", "authorized_keys", ".ssh/config", ".deepspeed_env"}) ||
        ends(".hosts") || name.find(".ssh/") != std::string_view::npos ||
        ((base.rfind("requirements", 0) == 0 || base.rfind("constraints", 0) == 0) && ends(".txt")))
      return render::ElementRole::DataWord;
    // clearml.conf and other HOCON files: a value there could add a key
    // the agent obeys (agent.package_manager.extra_index_url).
    // (A table's fields are shaped by separators and quotes only; fr hunts 70, 72.)
    if (ends(".csv")) return render::ElementRole::CsvField;
    if (ends(".tsv")) return render::ElementRole::TsvField;
    for (std::string_view ext : {".json", ".jsonl", ".ndjson", ".json5", ".jsonc", ".geojson", ".yaml", ".yml", ".toml",
                                 ".ini", ".cfg", ".conf", ".hocon", ".env", ".properties", ".xml", ".plist", ".rc"})
      if (ends(ext)) return render::ElementRole::DataField;
    if (one_of(base, {".env", ".condarc", ".gitconfig", ".npmrc", ".pypirc", ".curlrc", ".wgetrc", ".netrc", "config",
                      "credentials", "matplotlibrc", "kubeconfig"}))
      return render::ElementRole::DataField;
    // A program's configuration directory (~/.config/git/config, a file
    // $XDG_CONFIG_HOME, IPYTHONDIR or CARGO_HOME names): programs read what
    // lies there as settings, some of which run commands (git's
    // core.fsmonitor, an alias with '!'), whatever the file's name says.
    for (std::string_view dir : {"/.config/", "/.ipython/", "/.jupyter/", "/.cargo/", "/.kube/", "/.docker/", "/.aws/",
                                 "/.gnupg/", "/.subversion/", "/.m2/"})
      if (name.find(dir) != std::string_view::npos || name.starts_with(dir.substr(1))) return render::ElementRole::DataField;
    for (std::string_view var : {"XDG_CONFIG_HOME", "IPYTHONDIR", "JUPYTER_CONFIG_DIR", "CARGO_HOME", "KUBECONFIG",
                                 "DOCKER_CONFIG", "GNUPGHOME", "MPLCONFIGDIR"})
      if (name.starts_with("$" + std::string(var)) || name.starts_with("${" + std::string(var) + "}"))
        return render::ElementRole::DataField;
    return render::ElementRole::None;
  }
  // /dev/fd/3, /proc/self/fd/3: whatever file a descriptor was opened on.
  static bool names_a_descriptor(std::string_view name) {
    return name.rfind("/dev/fd/", 0) == 0 || (name.rfind("/proc/", 0) == 0 && name.find("/fd/") != std::string_view::npos);
  }
  // The files an assignment in `word` makes bash run when it starts
  // (BASH_ENV=F, ENV=F), also inside a list (--export=ALL,BASH_ENV=F), and
  // files of commands a program finds through its environment
  // (LAUNCHER_JOB_FILE=jobfile: TACC Launcher runs each line with eval).
  static std::vector<std::string_view> startup_files(std::string_view word) {
    std::vector<std::string_view> out;
    for (auto eq = word.find('='); eq != std::string_view::npos; eq = word.find('=', eq + 1)) {
      auto at = eq;
      while (at > 0 && is_name_char(word[at - 1])) --at;
      if (at == eq || (at > 0 && word[at - 1] != ',' && word[at - 1] != ' ')) continue;
      const auto name = word.substr(at, eq - at);
      if (!names_command_file(name)) continue;
      const auto path = word.substr(eq + 1, std::min(word.find(',', eq + 1), word.size()) - eq - 1);
      // (CMD="python3 x.py --lr $LR": a command line, which $CMD runs, not a file's name.)
      if (name != "BASH_ENV"sv && name != "ENV"sv && path.find_first_of(" \t\n") != std::string_view::npos) continue;
      out.push_back(path);
    }
    return out;
  }
  // BASH_ENV, ENV, and names that say they name a file of commands or
  // code (LAUNCHER_JOB_FILE, TASK_FILE, CMD_FILE, RUN_SCRIPT).
  static bool names_command_file(std::string_view name) {
    if (name == "BASH_ENV"sv || name == "ENV"sv || name == "TASKS"sv || name.ends_with("_TASKS")) return true;
    // Configuration files a program reads by such a name, which choose the
    // code it runs or installs (an index-url, channels, a git hook, a
    // startup file; attack 159).
    if (listed("PIP_CONFIG_FILE CONDARC CONDA_RC UV_CONFIG_FILE NPM_CONFIG_USERCONFIG NPM_CONFIG_GLOBALCONFIG "
               "npm_config_userconfig npm_config_globalconfig GIT_CONFIG GIT_CONFIG_GLOBAL GIT_CONFIG_SYSTEM WGETRC "
               "PYTHONSTARTUP R_PROFILE R_PROFILE_USER R_ENVIRON R_ENVIRON_USER BUNDLE_GEMFILE GEMRC PIPENV_PIPFILE "
               "POETRY_CONFIG_FILE MAMBARC MAMBA_RC_FILE",
               name))
      return true;
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
    for (std::string_view part : {"JOB_FILE", "JOBFILE", "CMD", "COMMAND", "TASK_FILE", "TASKFILE", "TASKS_FILE",
                                  "TASK_LIST", "TASKLIST", "SCRIPT", "RCFILE", "STARTUP", "HOOK", "PROLOG", "EPILOG",
                                  "CONTROL_FILE", "CONTROLFILE", "JOB_LIST", "JOBLIST", "JOBS_FILE", "CMDLIST",
                                  "PARAMLIST", "PARAM_LIST", "RUNLIST", "RUN_LIST"})
      if (upper.find(part) != std::string::npos)
        // (SCRIPT_LOG, CMD_OUTPUT, SCRIPT_DIR: what a program writes, where it is.)
        return upper.find("LOG") == std::string::npos && upper.find("OUT") == std::string::npos &&
               upper.find("DIR") == std::string::npos;
    return false;
  }
  // Devices that hold no file (/dev/shm/... is a file system).
  static bool is_device(std::string_view name) {
    return one_of(name, {"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/zero", "/dev/full",
                         "/dev/random", "/dev/urandom", "/dev/console", "/dev/kmsg", "/dev/log"});
  }
  static bool has_unquoted_glob(std::string_view raw) {
    bool dq = false;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char c = raw[k];
      if (c == '\\') {
        ++k;
      } else if (!dq && c == '\'') {
        const auto close = raw.find('\'', k + 1);
        if (close == std::string_view::npos) return false;
        k = close;
      } else if (c == '"') {
        dq = !dq;
      } else if (c == '$' && k + 1 < raw.size() && (raw[k + 1] == '{' || raw[k + 1] == '(')) {
        // ${...} and $(...) hold their own text
        const char open = raw[k + 1], close = open == '{' ? '}' : ')';
        int depth = 0;
        for (++k; k < raw.size(); ++k) {
          if (raw[k] == open) ++depth;
          if (raw[k] == close && --depth == 0) break;
        }
      } else if (!dq && (c == '*' || c == '?')) {
        return true;
      } else if (!dq && c == '[' && raw.find(']', k + 2) != std::string_view::npos && raw.compare(k, 2, "[[") != 0) {
        return true;  // [abc]: a bracket expression needs its ']'
      }
    }
    return false;
  }

  // Whether text is JSON, not a YAML flow mapping or a Python dict
  // ({lr: 1}, {'lr': 1}): an object whose first key is quoted, or an array
  // of JSON values (fills_json reads it as JSON).
  static bool json_text(std::string_view t) {
    if (!t.starts_with('{')) return t.starts_with('[') && json_line(t);
    const auto k = t.find_first_not_of(" \t\n", 1);
    return k != std::string_view::npos && (t[k] == '"' || t[k] == '}');
  }
  // Whether text echo writes is a line of JSON: an object, or an array
  // whose first element is one ([x] run: ..., [12:00] ... are log lines).
  static bool json_line(std::string_view t) {
    if (t.starts_with('{')) return true;
    if (!t.starts_with('[')) return false;
    const auto k = t.find_first_not_of(" \t", 1);
    if (k == std::string_view::npos) return false;
    if (std::string_view("\"{[]").find(t[k]) != std::string_view::npos) return true;
    // A number, true, false, null or an expansion ($(date +%s), $N), then
    // ',', or ']' that ends the line ([12] done is a log line).
    std::size_t end = k;
    bool scalar = false;
    if (t[k] == '$' && k + 1 < t.size() && (t[k + 1] == '(' || t[k + 1] == '{')) {
      const char open = t[k + 1], close = open == '(' ? ')' : '}';
      int depth = 0;
      for (end = k + 1; end < t.size(); ++end)
        if (t[end] == open) ++depth;
        else if (t[end] == close && --depth == 0) break;
      end = std::min(end + 1, t.size());
      scalar = true;
    } else {
      end = std::min(t.find_first_not_of("0123456789.eE+-abcdefghijklmnopqrstuvwxyz_$", k), t.size());
      const auto token = t.substr(k, end - k);
      scalar = !token.empty() && (token[0] == '$' || (std::string_view("0123456789-").find(token[0]) != std::string_view::npos
                                                          ? token.find_first_not_of("0123456789.eE+-") == std::string_view::npos
                                                          : one_of(token, {"true", "false", "null"})));
    }
    const auto next = t.find_first_not_of(" \t", end);
    return scalar && next != std::string_view::npos &&
           (t[next] == ',' || (t[next] == ']' && t.find_first_not_of(" \t", next + 1) == std::string_view::npos));
  }
  // Whether command c writes a configuration for Python's
  // logging.config.fileConfig, whatever the file's name: it evaluates a
  // handler's args= and kwargs= and imports its class=.
  // (Its section names anywhere in what the command, the commands of its
  // group or an earlier stage of its pipe write: a tab before them in a
  // <<-EOF body, echo "[loggers]" in { ...; } > F, printf "...\n[handlers]".)
  // The commands whose output command c writes: c, the earlier stages of
  // its pipe and, for a group, its members.
  std::vector<std::size_t> output_sources(std::size_t c) {
    std::vector<std::size_t> sources = upstream_of(c);
    sources.push_back(c);
    const auto& members = members_of(c);
    sources.insert(sources.end(), members.begin(), members.end());
    return sources;
  }
  bool writes_logging_config(std::size_t c) {
    if (c >= t_.commands.size()) return false;
    const auto configures = [](std::string_view text) {
      return one_of_found(text, {"[handler_", "[formatter_", "[logger_", "[handlers]", "[loggers]", "[formatters]"});
    };
    for (const auto s : output_sources(c)) {
      for (const auto h : t_.commands[s].heredocs)
        if (configures(std::string_view(text_).substr(t_.heredocs[h].body_begin, t_.heredocs[h].body_end - t_.heredocs[h].body_begin)))
          return true;
      if (std::any_of(t_.commands[s].words.begin(), t_.commands[s].words.end(),
                      [&](const ShellWord& w) { return configures(w.text); }))
        return true;
    }
    return false;
  }
  // mv run.{draft,yaml}, echo "$V" > "run.${EXT:-yaml}", > "run.$(echo
  // yaml)": a file written under a name the template spells with an
  // expansion may be a data file the template names elsewhere (python3
  // t.py --config run.yaml): the rules of those names hold what it
  // carries (attack 148).
  void unresolved_names_may_be_data_files() {
    if (unresolved_writes_.empty()) return;
    std::map<std::string, std::set<render::ElementRole>> named;  // data files the template names, by key
    for (const auto& cmd : t_.commands)
      for (const auto& w : cmd.words) {
        if (w.role == ShellWord::Role::HereString || basename_of(w.text).find_first_of("$`*?[{") != std::string_view::npos)
          continue;
        if (const auto role = data_file_role(w.text); role != render::ElementRole::None) named[file_key(w.text)].insert(role);
      }
    // (Each pattern matched once: a template of thousands of such writes.)
    std::map<std::string, std::vector<std::pair<render::ElementRole, std::string>>> rules_of;
    for (const auto& [key, carried] : unresolved_writes_) {
      auto [it, fresh] = rules_of.try_emplace(key);
      if (fresh)
        for (const auto& [file, roles] : named)
          if (may_be(key, file))
            for (const auto role : roles)
              it->second.emplace_back(role, fmt::format("a file that may be {} (its name is chosen at run time)", describe_file(file)));
      for (const auto& [role, by] : it->second) uses_.push_back({carried, Use::Role, by, role});
    }
  }
  // The file gets what command c carries once every word's file references
  // are known (mv a.tmp a.sh carries what a.tmp holds).
  // (carries: what the command reads and its words go into the file; the
  // caller says what does otherwise.)
  void write_file(const std::string& key, std::size_t c, std::string_view name, bool carries = true) {
    // (mv run.{draft,yaml}, > "run.${EXT:-yaml}": a name the template wrote, which may be any.)
    const bool unresolved_name = !name.empty() && is_pattern_key(key);
    // A write through a descriptor (>&3 after exec 3>F) names F by its key.
    if (name.empty() && key.rfind("file:", 0) == 0) name = std::string_view(key).substr(5);
    note_written(key);
    if (c < t_.commands.size()) file_writers_[key].push_back(c);
    // What c carries goes into the file through a name of its own, which
    // the rules of this write (the data rule of the file's name) hold: a
    // later write by another command (yq -i encoding a string into a copy
    // cp made) is held only by its own (fr hunt 56).
    std::string carried = key;
    if (carries && c < t_.commands.size()) {
      carried = "written:" + std::to_string(depth_) + "." + std::to_string(c) + ":" + key;
      edges_[key].insert(carried);
      carried_keys_[{key, c}] = carried;
    }
    if (unresolved_name) unresolved_writes_.emplace_back(key, carried);
    if (carries) pending_writes_.emplace_back(key, c);
    if (c < t_.commands.size() && writes_text(c)) text_writers_[key].push_back(c);
    // CFG="$OUT/run.yaml"; cat > "$CFG": each text the variable is given.
    std::vector<std::string> names{std::string(name)};
    if (const auto var = single_variable(name); !var.empty())
      if (const auto it = assigned_texts_.find(var); it != assigned_texts_.end()) names = it->second;
    // (ENTRY="$RUN_DIR/entry.py"; cat > "$ENTRY": a file of code by the
    // name its variable is given; attack 218.)
    const auto code_name = std::find_if(names.begin(), names.end(), [](const std::string& n) { return render::is_code_file(n); });
    // (curl -o requirements.txt URL: the URL chooses the packages; attack 221.)
    if (downloads_.count({key, c}) &&
        std::any_of(names.begin(), names.end(), [](const std::string& n) { return render::is_package_file(n); }))
      uses_.push_back({key, Use::Code, "a package list a download fills (where it comes from chooses the packages)"});
    if (code_name != names.end() || writes_logging_config(c)) {
      const std::string_view shown = code_name != names.end() ? std::string_view(*code_name) : name;
      uses_.push_back({key, Use::Code, fmt::format("a file of code ({})", basename_of(shown))});
      // Its text, written from a here-document, runs later with the
      // template's exported variables: read it as the code it is.
      const auto base = basename_of(shown);
      const auto ext = base.substr(std::min(base.rfind('.'), base.size()));
      written_code(c, one_of(ext, {".sh", ".bash", ".ksh", ".zsh"}), fmt::format("a file of code ({})", base));
    }
    // jq -n --arg NAME VALUE: a serializer encodes what it is given (with
    // no -n it also passes on the text it reads, which may be anything).
    const auto* program = c < t_.commands.size() ? program_word(t_.commands[c]) : nullptr;
    // jq -n --arg n "$N" '{command: ("python3 t.py --name " + $n)}' > launch.json,
    // yq -i '.run = strenv(CMD)' ci.yaml, python3 -c 'json.dump({"cmd": ...})':
    // code that builds a data file keyed by a command (or a Python
    // callable): every value it is given is one plain word (one name).
    if (program && !one_of(basename_of(program->text), {"echo", "printf"}) && data_file_role(name) != render::ElementRole::None)
      for (const auto& w : t_.commands[c].words) {
        if (&w == program || w.role != ShellWord::Role::Word) continue;
        if (builds_command_key(w.text))
          uses_.push_back({key, Use::Role, "a command line a data file holds", render::ElementRole::DataWord});
        if (builds_callable_key(w.text))
          uses_.push_back({key, Use::Role, "a Python callable a data file names", render::ElementRole::CallableName});
      }
    // envsubst < launch.tmpl.yaml > launch.yaml, where the template wrote
    // "command: python3 t.py --name ${NAME}" into launch.tmpl.yaml: the
    // same, for what the renderer fills into the text it reads.
    if (program && (basename_of(program->text) == "envsubst"sv || renders_templates(basename_of(program->text))) &&
        data_file_role(name) != render::ElementRole::None)
      for (const auto& w : t_.commands[c].words) {
        if (&w == program || (w.role != ShellWord::Role::Word && !(w.role == ShellWord::Role::Redirect &&
                                                                    w.redirect.find('<') != std::string::npos)))
          continue;
        const auto it = text_writers_.find(file_key_of(w.text));
        if (it == text_writers_.end()) continue;
        for (const auto writer : it->second)
          for (const auto& text : written_texts(writer)) {
            if (holds_command_line(text))
              uses_.push_back({key, Use::Role, "a command line a data file holds", render::ElementRole::DataWord});
            if (holds_callable(text))
              uses_.push_back({key, Use::Role, "a Python callable a data file names", render::ElementRole::CallableName});
          }
      }
    // What jq or yq encodes stays one string, but a config loader may still
    // resolve what the string holds (OmegaConf's ${oc.create:...} and
    // ${oc.env:...} in a file Hydra loads; round 126): no '{'.
    if (c < t_.commands.size() && writes_json_only(c)) {
      uses_.push_back({carried, Use::Role, "a string jq or yq encodes into a file a config loader may resolve",
                       render::ElementRole::OverrideValue});
      return;
    }
    // echo '{"event": ...}' >> events.log: a JSON line, whatever the file's name.
    if (program && one_of(basename_of(program->text), {"echo", "printf"})) {
      // (A row of a .csv or .tsv table has fields, no keys a tool runs:
      // printf "run=%s\tlr=%s\n" >> runs.tsv; fr hunt 76.)
      const auto file_role = data_file_role(name);
      const bool data_file = file_role != render::ElementRole::None && file_role != render::ElementRole::CsvField &&
                             file_role != render::ElementRole::TsvField;
      const bool json_format_operands = prints_json_format(c);
      for (const auto& w : t_.commands[c].words) {
        if (&w == program || w.role != ShellWord::Role::Word) continue;
        if (json_line(w.text) && !json_format_operands)
          uses_.push_back({key, Use::Role, "a line of JSON", render::ElementRole::DataField});
        // echo "command: python3 t.py --name $N" > launch.yaml: a command
        // line a tool runs; every value the file holds is one plain word.
        if (data_file && holds_command_line(w.text))
          uses_.push_back({key, Use::Role, "a command line a data file holds", render::ElementRole::DataWord});
        // echo "model: {_target_: m.$M}" > cfg.yaml: a callable a tool imports.
        if (data_file && holds_callable(w.text))
          uses_.push_back({key, Use::Role, "a Python callable a data file names", render::ElementRole::CallableName});
        // printf '{"ckpt_path": "%s"}' "$CK" > cfg.json: the file a trainer
        // unpickles (attack 223).
        if (data_file && holds_restored_state(w.text))
          for (const auto role : {render::ElementRole::CodePath, render::ElementRole::LocalOnly})
            uses_.push_back({key, Use::Role, "a checkpoint a data file names (a program restores it: code)", role});
      }
    }
    for (const auto& n : names) {
      if (const auto role = data_file_role(n); role != render::ElementRole::None) {
        if (copies_same_format(c, n) || same_format_backups_.count({key, c}) || downloads_.count({key, c})) continue;
        // printf '{"name": "%s"}\n' "$N" >> runs.jsonl: each operand has its
        // conversion's place already (fr hunt 77).
        if (role == render::ElementRole::DataField && data_format(n) == DataFormat::Json && prints_json_format(c)) continue;
        // echo "$CFG" > config.json of jq's JSON: its values are escaped
        // strings (fr hunts 75, 78), which a config loader may still resolve (as above).
        // (The file's rule still holds for what reaches it another way; solve() lifts
        // this one while json_texts stands.)
        if (role == render::ElementRole::DataField && writes_only_json_texts(c)) {
          uses_.push_back({carried, Use::Role, "a string jq encodes into a file a config loader may resolve",
                           render::ElementRole::OverrideValue});
          Use use{carried, Use::Role, fmt::format("a data file ({})", basename_of(n)), role};
          if (carried != key) carried_uses_[key].push_back(use);
          use.json_escaped = true;
          uses_.push_back(std::move(use));
        } else {
          carried_use(key, carried, {carried, Use::Role, fmt::format("a data file ({})", basename_of(n)), role});
        }
        if (render::is_package_file(n))  // requirements.txt, environment.yml's pip section: packages pip installs
          carried_use(key, carried, {carried, Use::Role, fmt::format("a list of packages ({})", basename_of(n)),
                                     render::ElementRole::PackageSpec});
        if (role == render::ElementRole::DataField && program && one_of(basename_of(program->text), {"cat", "tee"}))
          if (names.size() == 1) data_lines(carried, c, data_format(n));
      }
      // job.env, .env, env.list: NAME=VALUE lines that docker --env-file,
      // dotenv and the like export, under names the lines choose.
      if (const auto base = basename_of(n); base == ".env"sv || base == "env.list"sv || base.ends_with(".env"))
        for (const auto role : {render::ElementRole::Environment, render::ElementRole::EnvironmentOptions,
                                render::ElementRole::EnvironmentPathList})
          uses_.push_back({key, Use::Role, fmt::format("an environment file ({})", base), role});
    }
  }
  // A printf format of JSON text: an object, or an array of strings,
  // objects or arrays (not a log line's "[%s] %s").
  static bool json_format(std::string_view f) {
    if (f.starts_with("{")) return true;
    if (!f.starts_with("[")) return false;
    const auto next = f.find_first_not_of(" \t", 1);
    return next != std::string_view::npos && (f[next] == '"' || f[next] == '{' || f[next] == '[');
  }
  // Whether command c is printf with a JSON format, whose operands have the
  // rule of the place each conversion puts them in (a string's or a value's).
  bool prints_json_format(std::size_t c) const {
    const auto* program = c < t_.commands.size() ? program_word(t_.commands[c]) : nullptr;
    if (!program || basename_of(program->text) != "printf"sv) return false;
    const auto words = words_of(c);
    auto k = static_cast<std::size_t>(std::find(words.begin(), words.end(), program) - words.begin()) + 1;
    if (k < words.size() && words[k]->text == "--"sv) ++k;
    return k < words.size() && json_format(words[k]->text);
  }
  // single_variable, or the positional parameter "$1".."$9" ("${1}") a word is.
  static std::string single_variable_or_parameter(std::string_view w) {
    if (auto v = single_variable(w); !v.empty()) return v;
    if (w.size() > 1 && w.front() == '"' && w.back() == '"') w = w.substr(1, w.size() - 2);
    const char d = w.size() == 2 && w[0] == '$' ? w[1] : w.size() == 4 && w.starts_with("${") && w[3] == '}' ? w[2] : '\0';
    return d >= '1' && d <= '9' ? std::string(1, d) : std::string();
  }
  // The texts a variable is given as written: its assignments', or for
  // $1..$9 inside a function, the arguments of its calls.
  std::vector<std::string> texts_given(const std::string& name, std::size_t c) {
    if (name.size() == 1 && name[0] >= '1' && name[0] <= '9') {
      std::vector<std::string> out;
      for (auto s = c; s != kNone; s = t_.commands[s].group)
        if (const auto& fn = t_.commands[s].function; !fn.empty()) {
          for (const auto call : calls_of(fn)) {
            const auto words = words_of(call);
            const auto* p = program_word(t_.commands[call]);
            const auto at = static_cast<std::size_t>(std::find(words.begin(), words.end(), p) - words.begin());
            if (at + static_cast<std::size_t>(name[0] - '0') < words.size())
              out.push_back(words[at + static_cast<std::size_t>(name[0] - '0')]->text);
          }
          break;
        }
      return out;
    }
    const auto it = assigned_texts_.find(name);
    return it == assigned_texts_.end() ? std::vector<std::string>() : it->second;
  }
  // A request body a program reads on standard input from a here-document
  // or here-string: JSON's rules where it is JSON ({...}, [...]), a form
  // field's where not (a=1&b=2: no '&').
  void stdin_body(std::size_t c, const std::string& by) {
    const std::string key = "stdin-body:" + std::to_string(depth_) + "." + std::to_string(c);
    for (const auto& w : t_.commands[c].words)
      if (w.role == ShellWord::Role::HereString) {
        if (json_text(w.text)) fills_json(w, 0, by);
        else fills(w, render::ElementRole::UrlQueryValue, by);
      }
    for (const auto h : t_.commands[c].heredocs) {
      const auto& doc = t_.heredocs[h];
      if (doc.quoted) continue;
      const auto body = std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin);
      const auto first = body.find_first_not_of(" \t\r\n");
      const bool json = first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
      if (json) data_lines(key, c, DataFormat::Json);
      for (const auto k : doc.placeholders) {
        const auto it = data_line_roles_.find({key, k});
        t_.placeholders[k].roles.add(!json                         ? render::ElementRole::UrlQueryValue
                                     : it != data_line_roles_.end() ? it->second
                                                                    : render::ElementRole::DataField);
      }
      for (const auto& r : doc.refs)
        uses_.push_back({r, Use::Role, by, json ? render::ElementRole::DataField : render::ElementRole::UrlQueryValue});
    }
  }
  // cat > run.yaml <<EOF: each placeholder of the body gets the rule of
  // where its line puts it in the file (inside "...", a YAML key's value),
  // for this file.
  void data_lines(const std::string& key, std::size_t c, DataFormat format) {
    for (auto h : t_.commands[c].heredocs) {
      const auto& doc = t_.heredocs[h];
      std::size_t line_begin = std::string::npos;
      std::string line;  // the current line, each placeholder in it written as 'x'
      DataLines lines{format};
      std::size_t read_to = doc.body_begin;
      for (auto k : doc.placeholders) {
        const auto& ph = t_.placeholders[k];
        if (ph.begin < doc.body_begin || ph.end > doc.body_end) continue;
        const auto begin = std::max(doc.body_begin, text_.rfind('\n', ph.begin) + 1);  // (npos + 1 is 0)
        if (begin != line_begin) {
          // What the body's lines before it leave open (read once each).
          if (begin < read_to) lines = DataLines{format}, read_to = doc.body_begin;
          lines.read(std::string_view(text_).substr(read_to, begin - read_to));
          read_to = begin;
          line_begin = begin;
          const auto end = std::min({text_.find('\n', ph.end), doc.body_end, text_.size()});
          line = text_.substr(begin, end - begin);
          // (In source order: this line's placeholders follow the first at or after its start.)
          auto it = std::lower_bound(t_.placeholders.begin(), t_.placeholders.end(), begin,
                                     [](const PlaceholderNode& p, std::size_t at) { return p.begin < at; });
          for (; it != t_.placeholders.end() && it->end <= end; ++it)
            line.replace(it->begin - begin, it->end - it->begin, it->end - it->begin, 'x');
        }
        std::string_view before = std::string_view(line).substr(0, ph.begin - begin);
        if (doc.strip_tabs) before.remove_prefix(std::min(before.find_first_not_of('\t'), before.size()));
        const auto role = data_line_role(format, before, std::string_view(line).substr(ph.end - begin), lines.open(),
                                         lines.in_command(line));
        const auto [at, added] = data_line_roles_.emplace(std::make_pair(key, k), role);
        if (!added && at->second != role) at->second = render::ElementRole::DataField;
        // filename: of a logging handler: Python appends its records to the
        // file the value names (~/.bashrc, scripts/evaluate.sh; attack 215).
        if (names_a_written_file(before)) {
          auto& named = t_.placeholders[k];
          named.roles.add(render::ElementRole::Path);
          named.roles.add(render::ElementRole::CreatedName);
          named.creates_here = true;
        }
        // ckpt_path: of a config a trainer reads: the file it unpickles
        // (attack 223).
        if (names_restored_state(before) || lines.in_restored_state(line)) {
          t_.placeholders[k].roles.add(render::ElementRole::CodePath);
          t_.placeholders[k].roles.add(render::ElementRole::LocalOnly);
        }
      }
    }
  }
  // A word naming a file the template creates or copies (> F, tee F, cp A B,
  // dd of=F, mkdir D, tar -C D): a value there, also through a variable,
  // could name any file of the glue's account (ElementRole::Path).
  void create_name(const ShellWord& w) {
    for (auto k : w.placeholders) direct_["fs:names"].insert(k);
    for (const auto& r : w.refs) edges_["fs:names"].insert(r);
    fills(w, render::ElementRole::Path, "a file the template writes");
    fills(w, render::ElementRole::CreatedName, "a file the template writes");
  }

  // Files a program deletes, changes in place or writes into a directory
  // (rm, chmod, sed -i, gzip, find -delete, git clone URL DIR, wget -P DIR),
  // and lists of files a program reads names from (tar -T LIST): a value
  // there, also through a variable or a list file, is named as a file the
  // job writes is (ElementRole::Path).
  // Where the subcommand of the program at words[i] stands after the
  // program's own options (git -C DIR clone, aws --region R s3 cp,
  // apptainer --quiet build, uv --quiet venv, python3 -B -m zipfile), or
  // i + 1. The rules below read a subcommand right after the program.
  static std::size_t subcommand_at(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view prog) {
    static constexpr ProgramOptions kGlobalOptions[] = {
        {"git", "-C -c --git-dir --work-tree --namespace --config-env --super-prefix"},
        {"aws", "--region --profile --endpoint-url --output --query --color --ca-bundle --cli-read-timeout "
                "--cli-connect-timeout --cli-binary-format"},
        {"singularity apptainer", "-c --config"},
        {"uv", "--directory --project --cache-dir --config-file --color --python-preference --allow-insecure-host"},
        {"docker podman", "-c --context -H --host -l --log-level --config --tlscacert --tlscert --tlskey --root "
                          "--runroot --storage-driver --url --connection --cgroup-manager"},
    };
    const bool interpreter = is_interpreter(prog);
    std::string_view takes_value;
    for (const auto& [programs, options] : kGlobalOptions)
      if (listed(programs, prog)) takes_value = options;
    if (takes_value.empty() && !interpreter) return i + 1;
    std::size_t k = i + 1;
    while (k < words.size() && words[k]->text.size() > 1 && words[k]->text[0] == '-') {
      const auto& w = words[k]->text;
      if (interpreter) {
        // python3 -B -u -m MOD: the module after the flags; -X and -W take a value.
        if (w == "-m"sv) return k;
        if (w == "-c"sv || w == "--"sv) return i + 1;
        k += one_of(w, {"-X", "-W"}) ? 2 : 1;
        continue;
      }
      k += listed(takes_value, w) ? 2 : 1;
    }
    return interpreter || k >= words.size() ? i + 1 : k;
  }

  // The local files ML platforms' and storage tools' upload commands send
  // off the host: a path (a value naming /etc/passwd or the glue's
  // clearml.conf would publish it), like aws s3 cp's local side.
  void uploaded_files(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& prog) {
    struct Upload {
      std::string_view programs;
      std::string_view subcommands;    // the words that follow the program (and its own options), in order
      std::string_view file_options;   // options whose values are files sent
      std::string_view value_options;  // other options that take a value
      std::size_t first_file;          // the first operand that is a file sent (npos: none)
    };
    static constexpr std::size_t kNoOperand = std::string_view::npos;
    static constexpr Upload kUploads[] = {
        {"huggingface-cli hf", "upload", "", "--repo-type --revision --commit-message --commit-description --include "
         "--exclude --delete --token --every --num-workers", 1},
        {"huggingface-cli hf", "upload-large-folder", "", "--repo-type --revision --include --exclude --token "
         "--num-workers", 1},
        {"wandb", "artifact put", "", "-n --name -d --description -t --type -a --alias --id --policy", 0},
        {"wandb", "save", "", "--policy", 0},
        {"clearml-data", "add", "--files --folder", "--id --dataset-folder --wildcard --links", kNoOperand},
        {"clearml-data", "sync", "--folder", "--id --dataset-folder --parents --project --name --version --tags "
         "--storage --chunk-size", kNoOperand},
        {"mlflow", "artifacts log-artifact", "-l --local-file", "-r --run-id -a --artifact-path", kNoOperand},
        {"mlflow", "artifacts log-artifacts", "-l --local-dir", "-r --run-id -a --artifact-path", kNoOperand},
        {"dvc", "add", "", "-o --out --to-remote -r --remote -j --jobs --file", 0},
        {"s3cmd", "put", "", "--mime-type --storage-class -c --config", 0},
        {"s3cmd", "sync", "", "--mime-type --storage-class -c --config", 0},
        {"azcopy", "copy", "", "--include-pattern --exclude-pattern --log-level --block-size-mb", 0},
        {"azcopy", "sync", "", "--include-pattern --exclude-pattern --log-level --block-size-mb", 0},
        {"gh", "release upload", "", "-R --repo", 1},
        {"gh", "gist create", "", "-d --desc -f --filename -R --repo", 0},
        {"kaggle", "datasets create", "-p --path", "", kNoOperand},
        {"kaggle", "datasets version", "-p --path", "-m --message -r --dir-mode", kNoOperand},
        {"restic", "backup", "", "-r --repo --tag --host --exclude --iexclude --exclude-file --iexclude-file "
         "--files-from --files-from-verbatim --files-from-raw --password-file --parent --time", 0},
        {"swift", "upload", "", "--object-name --segment-size --segment-container --header -H --meta -m --object-threads "
         "--segment-threads --checksum --use-slo", 1},
        // (clearml-task stores a standalone script, and a folder's files, in the task it makes.)
        {"clearml-task", "", "--script --folder --requirements --docker_bash_setup_script", "--project --name --repo "
         "--branch --commit --queue --docker --docker_args --args --task-type --tags --cwd --packages --base-task-id", kNoOperand},
        {"aws", "s3api put-object", "--body", "", kNoOperand},
        {"aws", "s3api upload-part", "--body", "", kNoOperand},
        {"twine", "upload", "", "-r --repository --repository-url -u --username -p --password -c --comment "
         "--config-file --cert --client-cert --sign-with -i --identity", 0},
        {"kubectl oc", "cp", "", "-c --container -n --namespace --retries", 0},
        {"wandb", "sync", "", "-p --project -e --entity --id --run-id --job_type --job-type --exclude-globs "
         "--include-globs --append", 0},
    };
    // (Asked of every command: one lookup settles most.)
    static const auto kPrograms = [] {
      std::unordered_set<std::string_view> names;
      for (const auto& up : kUploads)
        for (std::size_t at = 0; at < up.programs.size();) {
          const auto blank = std::min(up.programs.find(' ', at), up.programs.size());
          names.insert(up.programs.substr(at, blank - at));
          at = blank + 1;
        }
      return names;
    }();
    if (!kPrograms.count(prog)) return;
    for (const auto& up : kUploads) {
      if (!listed(up.programs, prog)) continue;
      // The subcommand's words in order, each after any options of the program's own.
      std::size_t k = i + 1;
      bool matches = true;
      for (std::size_t at = 0; at < up.subcommands.size() && matches; ++k) {
        const auto blank = std::min(up.subcommands.find(' ', at), up.subcommands.size());
        while (k < words.size() && words[k]->text.rfind('-', 0) == 0 && words[k]->placeholders.empty()) ++k;
        matches = k < words.size() && words[k]->text == up.subcommands.substr(at, blank - at);
        at = blank + 1;
      }
      if (!matches) continue;
      const std::string by = prog + " (a file it sends off the host)";
      std::size_t operand = 0;
      for (; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        const auto eq = w.find('=');
        const auto option = w.substr(0, eq);
        if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty() && w != "-"sv) {
          const bool file = listed(up.file_options, option);
          if (eq != std::string_view::npos) {
            if (file) fills_after(*words[k], render::ElementRole::Path, by, [&](std::string_view t) { return t == w.substr(0, eq + 1); });
            continue;
          }
          if (file) {
            // clearml-data add --files A B: the values up to the next option.
            while (k + 1 < words.size() && (words[k + 1]->text.rfind('-', 0) != 0 || !words[k + 1]->placeholders.empty()))
              fills(*words[++k], render::ElementRole::Path, by);
          } else if (listed(up.value_options, option)) {
            ++k;
          }
          continue;
        }
        // (s3://, https://: the other side.)
        if (up.first_file != kNoOperand && operand++ >= up.first_file && w.find("://") == std::string_view::npos)
          fills(*words[k], render::ElementRole::Path, by);
      }
    }
  }

  // The programs that replace each operand with its (de)compressed file.
  static bool is_compressor(std::string_view prog) {
    // (Each writes F from F.SUFFIX, or F.SUFFIX from F: attack 218 lzma -d.)
    return one_of(prog, {"gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzstd", "lz4", "pigz", "unpigz",
                         "lzma", "unlzma", "lzip", "plzip", "lunzip", "compress", "uncompress", "brotli", "lzop",
                         "pbzip2", "lbzip2", "pixz", "pxz", "pzstd", "zstdmt", "unlz4", "lz4c", "snzip", "bzip3"});
  }
  void changed_in_place(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& prog) {
    if (const auto sub = subcommand_at(words, i, prog); sub > i + 1) {
      // The same words without the program's own options before the subcommand.
      std::vector<const ShellWord*> plain(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      plain.insert(plain.end(), words.begin() + static_cast<std::ptrdiff_t>(sub), words.end());
      return changed_in_place(plain, i, prog);
    }
    // (gunzip job_env.sh.gz makes job_env.sh: a name it creates; attack 210.)
    const bool makes_names = is_compressor(prog);
    const auto path = [&](std::size_t k) {
      if (k < words.size()) fills(*words[k], render::ElementRole::Path, prog + " (a file it deletes, changes or writes)");
      if (k < words.size() && makes_names) fills(*words[k], render::ElementRole::CreatedName, prog + " (the file it makes)");
    };
    const auto has = [&](std::initializer_list<std::string_view> options) {
      return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [&](const ShellWord* w) {
        return std::any_of(options.begin(), options.end(), [&](std::string_view o) {
          return w->text == o || (o.size() > 2 && o[1] == '-' && w->text.rfind(std::string(o) + "=", 0) == 0);
        });
      });
    };
    std::size_t skip = 0;  // operands that are not files (chmod's mode, sed's script, git clone's URL)
    bool operands = false;
    if (is_compressor(prog) || one_of(prog, {"rm", "rmdir", "unlink", "shred", "zip", "chattr", "setfacl", "srm",
                                             "dos2unix", "unix2dos", "mac2unix", "unix2mac"})) {
      operands = true;
    } else if (one_of(prog, {"chmod", "chown", "chgrp"})) {
      operands = true;
      skip = has({"--reference"}) ? 0 : 1;
    } else if (is_awk_or_sed(prog) || prog.rfind("perl", 0) == 0 || prog.rfind("ruby", 0) == 0 ||
               one_of(prog, {"yq", "sd", "rpl", "replace", "xmlstarlet", "xml", "dasel", "crudini"})) {
      // The files an editor rewrites in place (sed -i, perl -pi, sd, rpl).
      const std::vector<const ShellWord*> own(words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
      for (const auto* w : edits_in_place(own, prog) ? in_place_files(own, prog) : rewritten_files(own, prog))
        fills(*w, render::ElementRole::Path, prog + " (a file it deletes, changes or writes)");
    } else if (prog == "find"sv && has({"-delete", "-exec", "-execdir", "-ok", "-okdir", "-fprint", "-fprintf", "-fls"})) {
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && (w[0] == '-' || w[0] == '(' || w[0] == '!') && words[k]->placeholders.empty()) break;
        path(k);
      }
      // -name "${X}_*.pt": find matches the value as a pattern of its own.
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-lname", "-ilname"}))
          fills(*words[k + 1], render::ElementRole::Pattern, "find " + words[k]->text + " (a pattern of files it changes)");
        else if (one_of(words[k]->text, {"-regex", "-iregex"}))  // (attack 188: '.+' matched every file)
          fills(*words[k + 1], render::ElementRole::RegexPattern, "find " + words[k]->text + " (a pattern of files it changes)");
    } else if (one_of(prog, {"7z", "7za", "7zr"}) && i + 1 < words.size() && one_of(words[i + 1]->text, {"a", "u", "d", "rn"})) {
      // 7z a ARCHIVE FILES: the archive it writes.
      for (std::size_t k = i + 2; k < words.size(); ++k)
        if (!words[k]->text.empty() && (words[k]->text[0] != '-' || !words[k]->placeholders.empty())) return path(k);
    } else if (prog == "ar"sv || prog == "logsave"sv) {
      // ar KEY ARCHIVE MEMBER...: the archive it writes; logsave FILE CMD:
      // the log it writes the command's output to.
      std::size_t k = i + 1;
      while (k < words.size() && prog == "logsave"sv && words[k]->text.size() > 1 && words[k]->text[0] == '-' &&
             words[k]->placeholders.empty())
        ++k;
      path(prog == "ar"sv ? k + 1 : k);
    } else if (prog == "history"sv && has({"-w", "-a"})) {
      // history -w FILE, -a FILE: bash writes its history there.
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (!words[k]->text.empty() && (words[k]->text[0] != '-' || !words[k]->placeholders.empty())) path(k);
    } else if (prog == "uv"sv && i + 1 < words.size() && words[i + 1]->text == "venv"sv) {
      for (std::size_t k = i + 2; k < words.size(); ++k)
        if (!words[k]->text.empty() && (words[k]->text[0] != '-' || !words[k]->placeholders.empty())) return path(k);
    } else if (prog == "patch"sv) {
      // patch [options] FILE: the file it changes (-d DIR: where it does).
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"-d", "--directory"})) path(k + 1);
        if (one_of(w, {"-i", "-o", "-r", "-d", "-D", "-B", "-F", "-V", "-Y", "-z", "-p", "--input", "--output",
                       "--reject-file", "--directory"})) {
          ++k;
        } else if (w.empty() || w[0] != '-' || !words[k]->placeholders.empty()) {
          path(k);
          break;
        }
      }
    } else if (prog == "git"sv && i + 1 < words.size() && one_of(words[i + 1]->text, {"clone", "init"})) {
      std::vector<std::size_t> rest;
      for (std::size_t k = i + 2; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-') rest.push_back(k);
      if (!rest.empty() && (rest.size() >= 2 || words[i + 1]->text == "init"sv)) path(rest.back());
    } else if (prog == "git"sv && i + 2 < words.size() && words[i + 1]->text == "bundle"sv && words[i + 2]->text == "create"sv) {
      if (i + 3 < words.size()) path(i + 3);
    } else if (prog == "script"sv) {
      // script [options] [FILE]: the typescript it writes.
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (one_of(words[k]->text, {"-c", "--command", "-O", "-I", "-T", "-B", "--log-io", "-E", "--echo"})) ++k;
        else if (!words[k]->text.empty() && words[k]->text[0] != '-') path(k);
    } else if (prog == "split"sv || prog == "csplit"sv || prog == "sqlite3"sv) {
      // split FILE PREFIX: the pieces' names; sqlite3 DB creates the database.
      std::vector<std::size_t> rest;
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (one_of(words[k]->text, {"-l", "-b", "-n", "-a", "-C", "-t", "-f", "-cmd", "-init", "-separator"})) ++k;
        else if (!words[k]->text.empty() && words[k]->text[0] != '-') rest.push_back(k);
      if (prog == "sqlite3"sv && !rest.empty()) path(rest.front());
      if (prog == "split"sv && rest.size() >= 2) path(rest[1]);
    } else if (prog == "aws"sv && i + 2 < words.size() && words[i + 1]->text == "s3"sv &&
               one_of(words[i + 2]->text, {"cp", "sync", "mv"})) {
      // A local side of a copy is written (or read and sent away).
      for (std::size_t k = i + 3; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-' && words[k]->text.rfind("s3://", 0) != 0) path(k);
    } else if (prog == "yq"sv && has({"-i", "--inplace"})) {
      operands = true;
      skip = 1;
    } else if ((prog == "singularity"sv || prog == "apptainer"sv) && i + 1 < words.size() && words[i + 1]->text == "build"sv) {
      for (std::size_t k = i + 2; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-') return path(k);
    } else if ((prog == "gsutil"sv || prog == "gcloud"sv) && has({"rm", "cp", "rsync", "mv"})) {
      // gsutil expands * and ** in gs:// URLs itself.
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.rfind("gs://", 0) == 0)
          fills(*words[k], render::ElementRole::Pattern, prog + " (it matches wildcards in a URL)");
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-' && words[k]->text.rfind("gs://", 0) != 0 &&
            !one_of(words[k]->text, {"rm", "cp", "rsync", "mv", "storage", "-m"}))
          path(k);
    } else if (one_of(prog, {"docker", "podman"}) && i + 1 < words.size() && words[i + 1]->text == "cp"sv) {
      operands = true;
      skip = 1;  // "cp"
    } else if (prog == "git"sv && i + 2 < words.size() && words[i + 1]->text == "worktree"sv && words[i + 2]->text == "add"sv) {
      for (std::size_t k = i + 3; k < words.size(); ++k)
        if (one_of(words[k]->text, {"-b", "-B", "--reason"})) ++k;
        else if (!words[k]->text.empty() && words[k]->text[0] != '-') return path(k);
    } else if ((prog == "singularity"sv || prog == "apptainer"sv) && i + 1 < words.size() && words[i + 1]->text == "pull"sv) {
      // pull [SIF] URI: with two operands the first is the image it writes.
      std::vector<std::size_t> rest;
      for (std::size_t k = i + 2; k < words.size(); ++k)
        if (one_of(words[k]->text, {"--dir", "--arch", "--library", "--docker-login"})) path(++k);
        else if (!words[k]->text.empty() && words[k]->text[0] != '-') rest.push_back(k);
      if (rest.size() >= 2) path(rest.front());
    } else if (prog == "sbcast"sv || prog == "flock"sv) {
      // sbcast SOURCE DEST writes DEST on every node; flock FILE creates FILE.
      std::vector<std::size_t> rest;
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (one_of(words[k]->text, {"-C", "--compress", "-F", "--fanout", "-t", "--timeout", "-w", "--wait", "--timeout",
                                    "-E", "--conflict-exit-code", "-j", "--jobid", "-c", "--command"}))
          ++k;
        else if (!words[k]->text.empty() && words[k]->text[0] != '-') rest.push_back(k);
      if (prog == "sbcast"sv && rest.size() >= 2) path(rest[1]);
      if (prog == "flock"sv && !rest.empty()) path(rest.front());
    } else if (i + 3 < words.size() && one_of(module_of(words, i, prog), {"zipfile", "tarfile"})) {
      // python -m zipfile -e ARCHIVE DIR, -c ARCHIVE FILES: what it extracts into or creates.
      operands = true;
      skip = 1;  // the module's name
    } else if (is_interpreter(prog) && i + 2 < words.size() && words[i + 1]->text == "-m"sv &&
               one_of(words[i + 2]->text, {"json.tool", "http.server"})) {
      // json.tool IN OUT reads and writes files; http.server -d DIR serves
      // DIR to the network.
      for (std::size_t k = i + 3; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"-d", "--directory"})) path(++k);
        else if (w.rfind("--directory=", 0) == 0) path(k);
        else if (one_of(w, {"-b", "--bind", "--indent", "--protocol", "-p"})) ++k;
        else if (words[i + 2]->text == "json.tool"sv && (w.empty() || w[0] != '-' || !words[k]->placeholders.empty())) path(k);
      }
    } else if (prog == "papermill"sv) {
      // papermill IN OUT: the notebook it runs and the one it writes.
      operands = true;
    } else if (prog == "scontrol"sv && i + 2 < words.size() && words[i + 1]->text == "write"sv &&
               words[i + 2]->text == "batch_script"sv) {
      // scontrol write batch_script JOB FILE: the script written to FILE.
      if (i + 4 < words.size()) path(i + 4);
    } else if ((is_interpreter(prog) && has({"venv", "virtualenv"})) || prog == "virtualenv"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-' && !one_of(words[k]->text, {"venv", "virtualenv"}))
          path(k);
    }
    if (operands)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
          if ((is_sed(prog) && one_of(w, {"-e", "--expression", "-f", "--file"})) || (prog != "zip"sv && w == "-S"sv)) ++k;
          continue;
        }
        if (skip > 0) --skip;
        else path(k);
      }
    // An option whose name says it names a file the program writes
    // (--output, --output-file, --logfile, --log-dir, --pid-file), in any
    // program's own options (not the words of a script an interpreter or
    // shell runs: they are the task's own arguments; nor those of the
    // program a runner runs, srun python3 train.py --data-dir D: fr 83).
    for (std::size_t k = i + 1, end = std::min(own_options_end(words, i, prog), program_run_by(words, i)); k < end; ++k) {
      const std::string_view w = words[k]->text;
      if (w.size() < 4 || w.rfind("--", 0) != 0) continue;
      const auto eq = w.find('=');
      const auto option = w.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
      if (option.find('$') != std::string_view::npos || !names_an_output(option)) continue;
      // (tar -x --file=A reads the archive A; tar -c --directory=D reads its members there.)
      if (one_of(prog, {"tar", "gtar", "bsdtar"}) && one_of(option, {"file", "directory"})) {
        const bool extracts = extraction_directory(
            prog, std::vector<const ShellWord*>(words.begin() + static_cast<std::ptrdiff_t>(i), words.end())).has_value();
        if (option == "file"sv ? extracts : !extracts && prog != "bsdtar"sv) continue;
      }
      if (eq != std::string_view::npos) path(k);
      else if (k + 1 < words.size() && (words[k + 1]->text.rfind('-', 0) != 0 || !words[k + 1]->placeholders.empty())) path(++k);
    }
    // Options naming a directory written into, or a list of files read.
    // curl -T and --upload-file send the file they name.
    static constexpr ProgramOptions kOptions[] = {
        {"wget", "-P --directory-prefix -i --input-file -o --output-file -a --append-output --save-cookies "
                 "--post-file --body-file"},
        {"mail mailx s-nail mutt neomutt", "-a -A --attach"},  // attachments leave the job
        {"kubectl", "--from-file --from-env-file"},          // a configmap or secret takes the file's contents
        {"curl", "--output-dir -T --upload-file -c --cookie-jar -D --dump-header --trace --trace-ascii --stderr "
                 "--libcurl --etag-save --hsts --alt-svc"},
        {"conda mamba micromamba", "-p --prefix"},
        {"tar gtar", "-T --files-from -g --listed-incremental --index-file --volno-file -X --exclude-from"},
        {"rsync", "--files-from --exclude-from --include-from --log-file --backup-dir --partial-dir --temp-dir"},
        {"rclone", "--files-from --files-from-raw"},
        {"restic", "--files-from --files-from-verbatim --files-from-raw"},
        {"cpio", "-E --pattern-file"},
        {"nvidia-smi", "-f --filename"},
        {"enroot", "-o --output"},
        {"pip pip3 uv", "-t --target --root --prefix --src --log --report -d --dest"},
        {"huggingface-cli hf", "--local-dir --cache-dir"},
        {"mktemp", "-p --tmpdir"},
        {"xmllint", "-o --output"},
        {"torchrun", "--log-dir --log_dir"},
        {"git", "-o --output"},
        {"openssl", "-out -keyout -certout"},
        {"script", "-O --log-out -I --log-in -T --log-timing"},
        {"strace ltrace", "-o --output"},
        {"time", "-o --output"},
        {"perf", "-o --output"},
        {"valgrind", "--log-file --xml-file --massif-out-file --callgrind-out-file --cachegrind-out-file --dhat-out-file"},
        {"nsys", "-o --output"},
        {"ncu", "-o --export --log-file"},
        {"py-spy", "-o --output"},
        {"7z 7za 7zr", "-o"},
        {"tar gtar", "-C --directory --one-top-level"},
        {"unzip", "-d"},
        {"git", "--separate-git-dir"},
        {"aria2c", "-d --dir -o --out -l --log"},
        {"jupyter", "--output-dir --output"},
        {"docker podman", "-o --output"},
        {"cpio", "-D --directory -F -O --file"},
        {"sort", "-T --temporary-directory"},
        {"poetry", "-o --output"},
        {"dvc", "-o --out"},
        {"az", "-f --file"},
        {"screen", "-Logfile"},
        {"tcpdump", "-w"},
        {"bsdtar", "-C -f"},
        {"wget", "--warc-file"},
        {"nextflow", "-log -with-trace -with-report -with-timeline -with-dag -w -work-dir"},
        {"uv", "-o --output-file"},
        {"ray", "--temp-dir"},
        {"dask dask-worker dask-scheduler", "--scheduler-file --local-directory"},
        {"singularity apptainer", "--workdir -W"},
        {"ldconfig", "-C"},  // the cache it writes
        {"find", "-fprint -fprint0 -fls -fprintf"},
        {"mlflow", "-d --dst-path"},
    };
    option_values(words, i, prog, kOptions, [&](std::size_t k, std::string_view joined) {
      std::string_view option = joined.empty() ? std::string_view(words[k > 0 ? k - 1 : k]->text)
                                               : std::string_view(words[k]->text).substr(0, words[k]->text.size() - joined.size());
      if (!option.empty() && option.back() == '=') option.remove_suffix(1);
      // (tar -c -C DIR: the directory it reads its members from, as a copy
      // reads its sources; fr 79, 81.)
      if ((prog == "tar"sv || prog == "gtar"sv) && one_of(option, {"-C", "--directory"}) &&
          !extraction_directory(prog, std::vector<const ShellWord*>(words.begin() + static_cast<std::ptrdiff_t>(i), words.end())))
        return;
      path(k);
      // -T LIST, --files-from=LIST: the names the file holds are paths too
      // (not those of a directory the command writes into, -C DIR).
      if (!one_of(option, {"-T", "--files-from", "--files-from-raw", "--files-from-verbatim", "-X", "--exclude-from", "--include-from", "-E",
                           "--pattern-file", "-i", "--input-file"}))
        return;
      const std::string_view list = joined.empty() ? std::string_view(words[k]->text) : joined;
      if (names_stdin(list)) return stdin_fills(current_, render::ElementRole::Path, prog + " (a list of files it reads on standard input)");
      for (const auto& copy : in_place_copies(file_key(list))) {
        uses_.push_back({copy, Use::Role, prog + " (a list of files it reads)", render::ElementRole::Path});
        // (GNU tar reads a line of -T's list starting with '-' as an option: -C DIR, --directory=.)
        if ((prog == "tar"sv || prog == "gtar"sv) && (option == "-T"sv || option == "--files-from"sv) &&
            std::none_of(words.begin(), words.end(), [](const ShellWord* w) { return w->text == "--verbatim-files-from"sv; }))
          uses_.push_back({copy, Use::OptionStart, prog + " -T (a line starting with '-' is an option)"});
      }
    });
    // cpio -o and -p, zip -@: the names of the files to pack are its input.
    const auto in_cluster = [&](char letter) {  // -ov, -H newc -o
      return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [&](const ShellWord* w) {
        return w->text.size() > 1 && w->text[0] == '-' && w->text[1] != '-' && w->text.find(letter) != std::string::npos;
      });
    };
    if ((prog == "cpio"sv && (in_cluster('o') || in_cluster('p') || has({"--create", "--pass-through"}))) ||
        (prog == "zip"sv && (in_cluster('@') || has({"--names-stdin"}))) || ((prog == "gsutil"sv || prog == "gcloud"sv) && has({"-I", "--read-paths-from-stdin"})))
      stdin_fills(current_, render::ElementRole::Path, prog + " (the names of the files it packs, read on standard input)");
  }
  // Each value that reaches command c's standard input fills `role`.
  void stdin_fills(std::size_t c, render::ElementRole role, const std::string& by) {
    std::vector<std::size_t> phs;
    std::vector<std::string> refs;
    collect_stdin(c, phs, refs);
    for (auto k : phs) t_.placeholders[k].roles.add(role);
    for (auto& r : refs) uses_.push_back({std::move(r), Use::Role, by, role});
  }

  // Whether the program words[i] sends what it reads on standard input to
  // another host: curl's @- and -T -, wget --post-file=/dev/stdin,
  // network pipes, ssh's remote command, mail, and copies from "-" to a
  // bucket.
  static bool sends_its_input(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    if (one_of(name, {"nc", "ncat", "netcat", "socat", "telnet", "ssh", "mail", "mailx", "s-nail", "mutt", "neomutt",
                      "sendmail", "msmtp", "rcat"}))
      return true;
    const auto has = [&](auto test) {
      return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [&](const ShellWord* w) { return test(w->text); });
    };
    if (name == "curl"sv)
      return has([](std::string_view w) { return w.size() >= 2 && (w.substr(w.size() - 2) == "@-"sv || w.substr(w.size() - 2) == "<-"sv); }) ||
             std::adjacent_find(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* a, const ShellWord* b) {
               return one_of(a->text, {"-T", "--upload-file"}) && one_of(b->text, {"-", "."});
             }) != words.end() ||
             has([](std::string_view w) { return w == "-T-"sv || w == "--upload-file=-"sv; });
    if (name == "wget"sv)
      return has([](std::string_view w) {
        const auto eq = w.find('=');
        return names_stdin(w) || (eq != std::string_view::npos && names_stdin(w.substr(eq + 1)));
      });
    if (one_of(name, {"aws", "gsutil", "gcloud", "rclone", "azcopy", "s3cmd"}))
      return has([](std::string_view w) { return w == "-"sv; }) || (i + 1 < words.size() && words[i + 1]->text == "rcat"sv);
    return false;
  }
  // Where the words of the program at words[i] that are its own options
  // end: a shell's or interpreter's at its script (python3 -u train.py
  // --out X: the script's), any other program's at the end.
  static std::size_t own_options_end(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    // torchrun, deepspeed, horovodrun, accelerate launch: at the last word
    // that may be the script (fr 83: torchrun train.py --data-dir D).
    if (name.starts_with("torchrun") || name.starts_with("deepspeed") || name == "horovodrun"sv ||
        (name.starts_with("accelerate") && i + 1 < words.size() && words[i + 1]->text == "launch"sv)) {
      const auto scripts = launcher_script_words(words, name.starts_with("accelerate") ? i + 2 : i + 1, name);
      return scripts.empty() ? words.size() : scripts.back();
    }
    // (cmake, make, gdb and jq run no script with arguments of its own.)
    if ((!is_shell(name) && !is_interpreter(name)) || one_of(name, {"cmake", "make", "gmake", "gdb", "lldb", "jq", "m4", "bc", "dc"}))
      return words.size();
    std::size_t k = i + 1;
    while (k < words.size() && words[k]->text.size() > 1 && words[k]->text[0] == '-' && words[k]->text != "--"sv) ++k;
    return k;
  }
  // Whether a long option's name (without "--") says its value is a file
  // or directory the program writes.
  static bool names_an_output(std::string_view option) {
    for (std::string_view part : {"output", "outfile", "out-file", "out_file", "outdir", "prefix", "destination",
                                  "logfile", "log-file", "log_file", "logdir", "pidfile", "pid-file", "pid_file",
                                  "save-path", "save_path", "dump-file", "dump_file", "destdir"})
      if (option.find(part) != std::string_view::npos) return true;
    // --cache-dir, --log-dir, --work_dir, --temporary-directory, wandb --root.
    const auto ends = [&](std::string_view end) {
      return option.size() >= end.size() && option.substr(option.size() - end.size()) == end;
    };
    return option == "out"sv || option == "log"sv || option == "dest"sv || option == "root"sv || ends("-dir") || ends("_dir") ||
           ends("directory") || ends("-root");
  }

  // Options of a program that take a value: programs (blank-separated
  // names, "" any program) and their options. `f(k, joined)` gets the
  // index of the word holding each value and, for --opt=value, the value.
  struct ProgramOptions {
    std::string_view programs, options;
  };
  template <std::size_t N, typename F>
  static void option_values(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& program,
                            const ProgramOptions (&table)[N], F f) {
    for (const auto& [programs, options] : table)
      if (programs.empty() || listed(programs, program))
        each_option_value(words, i, options, [&](std::size_t k, std::string_view value, std::string_view) { f(k, value); });
  }
  // The values of the options `options` lists among the words after i, in
  // every spelling: -o V, -oV, --opt V, --opt=V, and -qo V or -qoV, where
  // a cluster of short options ends at the first that takes a value.
  // f(index of the word holding the value, the value for -oV/--opt=V, the option).
  template <typename F>
  static void each_option_value(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view options, F f) {
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const std::string_view w = words[k]->text;
      const auto eq = w.find('=');
      if (w.size() < 2 || w[0] != '-') continue;
      if (listed(options, w.substr(0, eq))) {
        if (eq != std::string_view::npos) f(k, w.substr(eq + 1), w.substr(0, eq));
        else if (k + 1 < words.size()) f(++k, std::string_view(), w);  // (the value is no option)
        continue;
      }
      if (w[1] == '-') continue;
      for (std::size_t j = 1; j < w.size() && std::isalnum(static_cast<unsigned char>(w[j])); ++j) {
        const char letter[2] = {'-', w[j]};
        if (!listed(options, std::string_view(letter, 2))) continue;
        if (j + 1 < w.size()) f(k, w.substr(j + 1), std::string_view(letter, 2));
        else if (k + 1 < words.size()) f(++k, std::string_view(), std::string_view(letter, 2));
        break;
      }
    }
  }

  // Compilers and linkers of the gcc family (and nvcc, Intel's, MPI's wrappers).
  static bool is_compiler(std::string_view name) {
    return listed("gcc g++ cc c++ clang clang++ gfortran mpicc mpicxx mpif90 icx icpx nvcc ld ld.bfd ld.gold ld.lld", name);
  }

  // Where the value of a short option that `is_letter` picks stands in the
  // word words[k]: -o F, -oF, and in a cluster after flags (-uo F, -rtDIR),
  // where getopt reads every letter before it as a flag. word: the index
  // of the word holding it (k when attached, offset after the letter), or
  // kNone. Without `clusters` only the first letter counts.
  struct OptionValueAt {
    std::size_t word = kNone, offset = 0;
  };
  template <typename P>
  static OptionValueAt cluster_value(const std::vector<const ShellWord*>& words, std::size_t k, P is_letter, bool clusters) {
    const std::string_view w = words[k]->text;
    if (w.size() < 2 || w[0] != '-' || w[1] == '-') return {};
    for (std::size_t j = 1; j < w.size() && std::isalnum(static_cast<unsigned char>(w[j])) && (clusters || j == 1); ++j)
      if (is_letter(w[j])) {
        if (j + 1 < w.size()) return {k, j + 1};
        return k + 1 < words.size() ? OptionValueAt{k + 1, 0} : OptionValueAt{};
      }
    return {};
  }

  // HOST:PATH (scp, rsync), REMOTE:PATH (rclone), rsync://, s3://, gs://.
  static bool leaves_the_machine(std::string_view destination) {
    const auto colon = destination.find(':');
    return colon != std::string_view::npos && colon > 0 && destination.find('/') > colon;
  }

  // Whether a word whose name the template cannot read is where a program
  // takes a file to read or run: input redirections, globs, a
  // program path, the operands of source, shells, interpreters and cat-like
  // programs. (Elsewhere "$X" is a string: trap 'log "$X"', [[ $N -gt 1 ]].)
  static bool names_a_file_read(const ShellWord* program, const ShellWord& w, bool glob) {
    // Blanks only inside $(...) still make one name: bash $(ls | grep f).
    const bool substituted = w.text.rfind("$(", 0) == 0 || w.text.rfind("`", 0) == 0;
    if (w.text.find_first_of(" \t\n") != std::string::npos && !substituted) return false;
    if (glob || w.role == ShellWord::Role::Redirect) return true;
    if (!program) return false;
    if (&w == program) return w.text.find('/') != std::string::npos || w.text[0] == '$';
    // ("${L[@]}" "$CFG", $CMD "$CFG": a program chosen at run time, read in
    // place of its word, may be an interpreter reading its script.)
    if (program->text.find_first_of("$`") != std::string::npos) return true;
    const auto name = basename_of(program->text);
    // A runner (nice, setsid, taskset, srun, ...) runs a program that may be one of these.
    return is_shell(name) || is_interpreter(name) || is_awk_or_sed(name) || find_runner(name) != nullptr ||
           one_of(name, {"source", ".", "exec", "cat", "head", "tail", "tac", "cp", "mv", "dd", "install", "ln",
                         "srun", "salloc", "sbatch", "split", "csplit", "sort", "uniq", "shuf", "paste", "fold",
                         "fmt", "nl", "rev", "cut", "expand", "unexpand", "iconv", "comm", "join", "column", "pr",
                         "base64", "zcat", "gzip", "gunzip", "bzcat", "xzcat", "zstdcat"});
  }

  // Whether `w` is the program awk or sed reads from its words (sed -n
  // "${N}p", awk "NR == $I"): the first operand when no option gives one,
  // written out (a glob or an unquoted expansion may be files). It is text
  // to run, not a file's name.
  bool is_awk_or_sed_program(const ShellCommand& cmd, const ShellWord* program, const ShellWord& w) const {
    if (!program || !is_awk_or_sed(basename_of(program->text))) return false;
    std::vector<const ShellWord*> args;
    bool after = false;
    for (const auto& word : cmd.words) {
      if (after && word.role == ShellWord::Role::Word) args.push_back(&word);
      after = after || &word == program;
    }
    const auto read = awk_sed_words(args, 0, basename_of(program->text));
    if (std::find(read.program_texts.begin(), read.program_texts.end(), &w) != read.program_texts.end()) return true;
    if (read.program_given || read.operands.empty() || read.operands.front() != &w) return false;
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    return !has_unquoted_glob(raw) && !raw.starts_with("$");
  }

  // find "$D" -print0 | xargs -0 -r rm -f --: a command the template writes
  // out whose program only handles files or prints, given the words xargs
  // reads after its own words (echo's options only change what it prints), not
  // placed inside them (-I {}): they are operands of that program.
  // `plain`: they must be plain words, as xargs splits what it reads at
  // blanks and reads quotes and '\' (not -0; -d is not followed), or the
  // program may take one as an option (no "--" last); fr41/03: ... | xargs
  // -r rm -rf. (reads_code_from_stdin asks the same: what it is told is
  // no code has these roles.)
  static bool xargs_appends_operands(const std::vector<const ShellWord*>& words, std::size_t xargs, std::size_t program,
                                     bool* plain = nullptr) {
    bool nul = false;  // (-0: one item a line of NULs; otherwise xargs splits at blanks and reads quotes and '\')
    for (std::size_t k = xargs + 1; k < program; ++k) {
      // (-d, --delimiter: it splits at a character a plain word may hold, ':'; review 38.)
      if (one_of(words[k]->text.substr(0, 2), {"-I", "-i", "-J", "-d"}) || words[k]->text.rfind("--replace", 0) == 0 ||
          words[k]->text.rfind("--delimiter", 0) == 0)
        return false;
      // (-0, -r0, -0rt: switches only; -e0 sets an end-of-file string "0".)
      nul = nul || words[k]->text == "--null"sv ||
            (words[k]->text.size() > 1 && words[k]->text[0] == '-' && words[k]->text.find('0') != std::string::npos &&
             words[k]->text.find_first_not_of("0rtx", 1) == std::string::npos);
    }
    const auto name = basename_of(words[program]->text);
    if (!one_of(name, {"rm", "ls", "du", "wc", "stat", "touch", "mkdir", "rmdir", "chmod", "gzip", "zstd", "xz", "bzip2",
                       "md5sum", "sha1sum", "sha256sum", "sha512sum", "b2sum", "cksum", "file", "echo", "readlink",
                       "realpath", "basename", "dirname", "cat", "head", "tail"}))
      return false;
    const ShellWord* last = nullptr;
    for (std::size_t k = program; k < words.size(); ++k) {
      if (words[k]->role != ShellWord::Role::Word) continue;
      if (!words[k]->placeholders.empty() || words[k]->text.find_first_of("$`") != std::string::npos) return false;
      last = words[k];
    }
    if (plain) *plain = name != "echo"sv && (!nul || !(last && last->text == "--"sv));
    return true;
  }
  // xargs_appends_operands, where words xargs splits (`plain`) must come
  // to it as the values were: from stages that pick lines or names, not
  // ones that rewrite characters (tr ':' '\n' makes one value two words;
  // round 120), and not from a file or a here-document.
  bool xargs_gives_operands(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t xargs,
                            std::size_t program, bool* plain_out = nullptr) {
    bool plain = false;
    if (!xargs_appends_operands(words, xargs, program, &plain)) return false;
    if (plain_out) *plain_out = plain;
    if (!plain) return true;
    const auto feeds_nothing_else = [&](std::size_t s) {
      return t_.commands[s].heredocs.empty() &&
             std::none_of(t_.commands[s].words.begin(), t_.commands[s].words.end(), [](const ShellWord& w) {
               return w.role == ShellWord::Role::HereString ||
                      (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos);
             });
    };
    if (t_.commands[c].parent != kNone || coprocess_members_.count(c) || !feeds_nothing_else(c)) return false;
    const auto& up = upstream_of(c);
    return !up.empty() && std::all_of(up.begin(), up.end(), [&](std::size_t u) {
      const auto* p = program_word(t_.commands[u]);
      if (!p || !feeds_nothing_else(u) || functions_.count(p->text)) return false;
      const auto name = basename_of(p->text);
      // (echo without options: -e decodes escapes; head and tail by lines,
      // not -c bytes, which may cut a value before a '-'; find printing the
      // paths it finds, not -printf's parts; cat with no file.)
      const auto has = [&](std::initializer_list<std::string_view> any) {
        return std::any_of(t_.commands[u].words.begin(), t_.commands[u].words.end(), [&](const ShellWord& w) {
          return std::any_of(any.begin(), any.end(), [&](std::string_view a) { return w.text.rfind(a, 0) == 0; });
        });
      };
      if (name == "echo"sv) return !has({"-"});
      if (one_of(name, {"head", "tail"})) return !has({"-c", "--bytes"});
      if (name == "find"sv) return !has({"-printf", "-fprint", "-exec", "-ok", "-ls", "-fls"});
      return one_of(name, {"ls", "sort", "uniq", "tee"}) || (name == "cat"sv && t_.commands[u].words.size() == 1);
    });
  }
  // The node list `w` gives srun, salloc or sbatch (-w LIST, --nodelist=LIST,
  // -x, --exclude), or "".
  // (srun's own options read as srun reads them: -J -x gives -J the word -x.)
  std::string_view node_list_file(const ShellCommand& cmd, const ShellWord* program, const ShellWord& w) const {
    if (!program || !one_of(basename_of(program->text), {"srun", "salloc", "sbatch"}) || &w == program) return {};
    const auto at = static_cast<std::size_t>(&w - cmd.words.data());
    if (at >= cmd.words.size() || w.role != ShellWord::Role::Word) return {};
    const ArgCount count = slurm_counts();
    for (std::size_t k = static_cast<std::size_t>(program - cmd.words.data()) + 1; k <= at; ++k) {
      const auto& word = cmd.words[k];
      if (word.role != ShellWord::Role::Word) continue;
      const std::string_view t = word.text;
      if (t.empty() || t[0] != '-' || t == "--"sv || !word.placeholders.empty() || t.find_first_of("$`") < t.find('=')) return {};
      const auto whole = whole_option(t, count);
      if (whole == Wholeness::Unknown) return {};
      if (k == at) {
        for (std::string_view option : {"--nodelist=", "--exclude="})
          if (t.starts_with(option)) return t.substr(option.size());
        return {};
      }
      if (whole == Wholeness::NeedsNext) {
        if (++k == at) return one_of(t, {"-w", "--nodelist", "-x", "--exclude"}) ? std::string_view(w.text) : std::string_view();
      }
    }
    return {};
  }
  // Whether a word of command c (words[0] its program) or a here-document
  // it reads holds code `has` recognizes. (An interpreter's words end at
  // its script, python3 x.py, or module, -m M: their arguments are no
  // code, --save DIR, fr40/06. Not after a word that may be an option's
  // argument, -W ignore, which is told from neither.)
  template <typename Has>
  bool code_of_command_has(std::size_t c, const std::vector<const ShellWord*>& words, Has has) const {
    auto end = words.end();
    if (!words.empty() && is_interpreter(basename_of(words[0]->text))) {
      const auto k = own_options_end(words, 0, basename_of(words[0]->text));
      // (Not the modules that run their arguments as code: timeit, pdb -c.)
      if (k < words.size() && k > 0 &&
          ((words[k - 1]->text == "-m"sv &&
            !one_of(words[k]->text, {"timeit", "pdb", "cProfile", "profile", "trace", "runpy", "code", "IPython"})) ||
           (one_of_found(words[k]->text, {".py", ".pl", ".rb", ".js", ".R", ".jl", ".lua", ".php", ".tcl"}) &&
            words[k]->text.find_first_of(" \t\n;(") == std::string::npos)))
        end = words.begin() + static_cast<std::ptrdiff_t>(k) + 1;
    }
    // (The code it may read from its standard input: a here-string, attack 148, or a here-document.)
    const auto& own = t_.commands[c].words;
    return std::any_of(words.begin(), end, [&](const ShellWord* w) { return has(std::string_view(w->text)); }) ||
           std::any_of(own.begin(), own.end(),
                       [&](const ShellWord& w) { return w.role == ShellWord::Role::HereString && has(std::string_view(w.text)); }) ||
           std::any_of(t_.commands[c].heredocs.begin(), t_.commands[c].heredocs.end(), [&](std::size_t h) {
             const auto& doc = t_.heredocs[h];
             return doc.body_end > doc.body_begin &&
                    has(std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin));
           });
  }
  // Whether `w` is the name or the value jq --arg, --argjson gives its
  // program (jq -n --arg d "$(date)" ...): no file it reads.
  static bool is_jq_variable(const ShellCommand& cmd, const ShellWord* program, const ShellWord& w) {
    if (!program || !one_of(basename_of(program->text), {"jq", "gojq", "jaq"})) return false;
    // (Read from the program on: --arg N --arg gives N the value "--arg".)
    for (auto k = static_cast<std::size_t>(program - cmd.words.data()) + 1; k < cmd.words.size(); ++k)
      if (one_of(cmd.words[k].text, {"--arg", "--argjson"})) {
        for (std::size_t j = k + 1; j <= k + 2 && j < cmd.words.size(); ++j)
          if (&cmd.words[j] == &w) return true;
        k += 2;
      }
    return false;
  }
  // Assignments bash makes inside a word: ${NAME:=word}, ${NAME=word}; and
  // ${!NAME}, which reads a variable named at run time.
  void implicit_assignments(ShellWord& w) {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    for (std::size_t k = raw.find("${"); k != std::string_view::npos; k = raw.find("${", k + 2)) {
      std::size_t e = k + 2;
      while (e < raw.size() && is_name_char(raw[e])) ++e;
      if (e == k + 2 || !is_name_start(raw[k + 2])) continue;
      const std::string name(raw.substr(k + 2, e - k - 2));
      // ${A[2]:=$V}: an element of A.
      if (e < raw.size() && raw[e] == '[') {
        const auto close = raw.find(']', e);
        if (close == std::string_view::npos) continue;
        e = close + 1;
      }
      const bool colon = e < raw.size() && raw[e] == ':';
      if (e + colon >= raw.size() || raw[e + colon] != '=') continue;
      for (const auto& n : names_in(raw.substr(e))) edges_[name].insert(n);
      for (auto p : w.placeholders)
        if (t_.placeholders[p].begin >= w.begin + e) direct_[name].insert(p);
      nonliteral_.insert(name);
      // : "${PYTHON:=python3}": as PYTHON=${PYTHON:-python3} (fr hunt 65).
      if (const auto close = raw.find('}', e); close != std::string_view::npos && raw[k + 1] == '{' &&
                                               raw.substr(e, close - e).find("${") == std::string_view::npos) {
        assigned_texts_[name].push_back("${" + name + ":-" + std::string(raw.substr(e + colon + 1, close - e - colon - 1)) + "}");
        defaulted_at_[name].push_back(w.begin + k + 2);
      }
    }
  }

  // The descriptor a redirection operator names: "3>" 3, "3<>" 3, "{fd}>"
  // {fd}, ">" the default (1 for output, 0 for input).
  static std::string descriptor_of(const std::string& op, char direction) {
    auto fd = op.substr(0, op.find_first_of("<>&"));
    if (fd.empty()) fd = op.front() == '&' ? "1" : direction == '>' ? "1" : "0";
    return fd;
  }

  // The word the runner at words[i] runs as its program (srun's, timeout's,
  // env's after its NAME=value words), or words.size() when it runs none
  // that can be told.
  std::size_t program_run_by(const std::vector<const ShellWord*>& words, std::size_t i) const {
    const std::string name(basename_of(words[i]->text));
    std::size_t k = kNone;
    if (name == "srun"sv || name == "salloc"sv) {
      const auto s = scan_options(words, i + 1, slurm_counts());
      if (s.unknown != kNone) return words.size();
      k = s.operand;
    } else if (name == "find"sv) {
      // find ... -exec cp {} . \; (its words end at exec_end).
      for (auto j = i + 1; j + 1 < words.size() && k == kNone; ++j)
        if (one_of(words[j]->text, {"-exec", "-execdir", "-ok", "-okdir"})) k = j + 1;
    } else if (const RunnerSpec* spec = find_runner(name)) {
      const std::size_t from = runner_operands(words, i, *spec);
      if (from == kNone) return words.size();
      const auto s = scan_options(words, from, runner_counts(*spec));
      if (s.unknown != kNone || s.operand == kNone) return words.size();
      k = s.operand;
      if (spec->name == "env"sv) {
        while (k < words.size() && is_assignment_word(words[k]->text)) ++k;
      } else {
        for (int n = 0; n < spec->operands_before && k < words.size(); ++n) ++k;
        if (k < words.size() && words[k]->text == "--"sv && spec->operands_before > 0) ++k;
        if (k < words.size() && spec->name == "flock"sv && one_of(words[k]->text, {"-c", "--command"})) return words.size();
      }
    }
    return k == kNone || k <= i || k >= words.size() ? words.size() : k;
  }
  // The positions in `words` of `program` and of the programs that runners
  // run after it (timeout 60 srun cp: timeout, srun, cp).
  std::vector<std::size_t> program_positions(const std::vector<const ShellWord*>& words, const ShellWord* program) const {
    std::vector<std::size_t> at;
    for (auto i = static_cast<std::size_t>(std::find(words.begin(), words.end(), program) - words.begin()); i < words.size();
         i = program_run_by(words, i))
      at.push_back(i);
    return at;
  }
  // Where the options of the runner at words[i] begin: after its
  // subcommand (singularity exec, docker container run, apptainer
  // instance start), or kNone when it has one that runs no given command.
  static std::size_t runner_operands(const std::vector<const ShellWord*>& words, std::size_t i, const RunnerSpec& spec) {
    if (spec.name == "charmrun"sv) {
      // charmrun +p4 ++ppn 2 PROGRAM: its options start with '+'.
      std::size_t k = i + 1;
      while (k < words.size() && words[k]->text.rfind('+', 0) == 0 && words[k]->placeholders.empty())
        k += listed(spec.with_arg, words[k]->text) ? 2 : 1;
      return k;
    }
    if (spec.subcommands.empty()) return i + 1;
    std::size_t k = i + 1;
    while (k < words.size() && !words[k]->text.empty() && words[k]->text[0] == '-') ++k;
    // docker container run, apptainer instance start: a group, then the subcommand.
    if (k + 1 < words.size() && listed(spec.subcommand_groups, words[k]->text)) ++k;
    if (k >= words.size() || !listed(spec.subcommands, words[k]->text)) return kNone;
    return k + 1;
  }

  // Whether an env runner before words[i] starts it with an empty
  // environment (env -i, env --ignore-environment, env -).
  // (Only env -i itself, right before the program in its chain of
  // runners: another runner may give the program variables again.)
  bool cleared_environment(const std::vector<const ShellWord*>& words, std::size_t i) const {
    std::size_t k = 0;
    while (k < i && is_assignment_word(words[k]->text)) ++k;
    std::size_t before = kNone;
    for (; k < i; k = program_run_by(words, k)) before = k;
    if (k != i || before == kNone || basename_of(words[before]->text) != "env"sv) return false;
    for (auto j = before + 1; j < i && words[j]->text.rfind('-', 0) == 0; ++j)
      if (one_of(words[j]->text, {"-i", "--ignore-environment", "-"})) return true;
    return false;
  }
  // Build steps that may run make themselves: setup.py's commands (an
  // extension built by its Makefile), pip or python -m build building a
  // local project, npm's, yarn's and pnpm's scripts, ninja's and scons'
  // commands, cargo's build scripts, bazel's rules.
  static bool builds_with_make(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    const auto has = [&](std::initializer_list<std::string_view> any) {
      return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                         [&](const ShellWord* w) { return one_of(w->text, any); });
    };
    if (one_of(name, {"ninja", "samu", "scons", "bazel", "bazelisk", "pyproject-build"})) return true;
    if (one_of(name, {"npm", "yarn", "pnpm"})) return has({"run", "run-script", "build", "install", "ci", "i", "rebuild"});
    if (name == "cargo"sv) return has({"build", "install", "run", "test", "b", "r", "t"});
    if (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0)  // python setup.py ..., python -m build
      return (i + 1 < words.size() && basename_of(words[i + 1]->text) == "setup.py"sv) ||
             (i + 2 < words.size() && words[i + 1]->text == "-m"sv && words[i + 2]->text == "build"sv);
    if (one_of(name, {"pip", "pip3"}) || (name == "uv"sv && has({"pip"})))
      // A local project it builds: -e DIR, ., ./DIR, ../DIR, /DIR (not a
      // requirements file, a wheel, or an option's directory).
      for (auto k = i + 1; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        if (w == "-e"sv || w.rfind("--editable", 0) == 0 || (w.size() > 2 && w.rfind("-e", 0) == 0 && w[2] != '-')) return true;
        if (one_of(w, {"-r", "--requirement", "-c", "--constraint", "-f", "--find-links", "-i", "--index-url",
                       "--extra-index-url", "--cache-dir", "-t", "--target", "--prefix", "--root", "--src", "-d", "--dest",
                       "-w", "--wheel-dir", "--python", "-C", "--config-settings", "--trusted-host", "--log", "--report"})) {
          ++k;
          continue;
        }
        if ((w == "."sv || w.rfind("./", 0) == 0 || w.rfind("../", 0) == 0 || w.rfind('/', 0) == 0) && !w.ends_with(".whl") &&
            !w.ends_with(".txt"))
          return true;
      }
    return false;
  }
  // Where the words of the program at words[i] end: at find -exec's ';' or
  // '+' (find cp {} . \; copies into '.'), else at the command's end.
  // (find -exec env cp {} . \;: a runner inside the clause ends there too.)
  static std::size_t exec_end(const std::vector<const ShellWord*>& words, std::size_t i) {
    if (i >= words.size()) return words.size();
    auto k = i;
    while (k > 0 && !one_of(words[k - 1]->text, {"-exec", "-execdir", "-ok", "-okdir", ";", "+"})) --k;
    if (k == 0 || one_of(words[k - 1]->text, {";", "+"})) return words.size();
    for (k = i + 1; k < words.size(); ++k)
      if (one_of(words[k]->text, {";", "+"})) return k;
    return words.size();
  }
  // The first word of each -exec, -execdir, -ok or -okdir clause of the
  // find at words[at] (find ... -exec echo {} \; -exec cp {} . \;).
  static std::vector<std::size_t> find_clauses(const std::vector<const ShellWord*>& words, std::size_t at) {
    std::vector<std::size_t> out;
    for (auto k = at + 1; k + 1 < words.size(); ++k)
      if (one_of(words[k]->text, {"-exec", "-execdir", "-ok", "-okdir"})) {
        out.push_back(k + 1);
        k = exec_end(words, k + 1);
      }
    return out;
  }
  // An awk program's text without its "..." strings (print "system" is
  // text) and comments. (Not with a '/': a regular expression's '"' is no
  // string's start, and is not told apart from a division.)
  static std::string without_awk_strings(std::string_view program) {
    if (program.find('/') != std::string_view::npos) return std::string(program);
    std::string out;
    for (std::size_t k = 0; k < program.size(); ++k) {
      if (program[k] == '#') {
        k = std::min(program.find('\n', k), program.size());
        out += '\n';
      } else if (program[k] == '"') {
        for (++k; k < program.size() && program[k] != '"' && program[k] != '\n'; ++k)
          if (program[k] == '\\') ++k;
        out += "\"\"";
      } else {
        out += program[k];
      }
    }
    return out;
  }
  // Whether an awk program (a word of its command line) runs commands:
  // system(), print | "cmd", "cmd" | getline, gawk's indirect call @f()
  // (or holds a '|' elsewhere, a regular expression's, not told apart).
  static bool awk_runs_commands(std::string_view word) {
    const auto code = without_awk_strings(word);
    if (code.find("system") != std::string::npos || code.find('|') != std::string::npos) return true;
    // gawk's @f() (f may be "system"), @include, @load: an '@' before a name
    // and '(' or one of those; '@' in a regular expression (/@NAME@/) is text.
    for (auto at = code.find('@'); at != std::string::npos; at = code.find('@', at + 1)) {
      auto k = at + 1;
      while (k < code.size() && is_name_char(code[k])) ++k;
      const auto name = std::string_view(code).substr(at + 1, k - at - 1);
      while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
      if ((k < code.size() && code[k] == '(') || one_of(name, {"include", "load", "namespace"})) return true;
    }
    return false;
  }
  // Whether awk's program, words[0]'s, may print its environment: it reads
  // ENVIRON or PROCINFO, runs commands (system, a pipe, an indirect call
  // @f()), reads a file (getline), or is not all written out (an option
  // but -F and -v: -f FILE, mawk's -W exec, gawk's -e; an expansion among
  // its words), chooses its input (ARGV), or an input file may be the
  // environment's (a name with proc, dev or environ in it, a glob).
  // fr39/04: awk 'NR==1' prints none.
  static bool awk_may_print_environment(const std::vector<const ShellWord*>& words) {
    bool program_seen = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
      const std::string& w = words[k]->text;
      if (!words[k]->refs.empty() || !words[k]->placeholders.empty()) return true;
      if (!program_seen && (w == "-F"sv || w == "-v"sv)) {
        ++k;  // (its argument)
        continue;
      }
      if (!program_seen && w == "--"sv) continue;
      if (!program_seen && w.size() > 1 && w[0] == '-') {
        if (w[1] == 'F' || w[1] == 'v') continue;  // -F, -vNAME=VALUE
        return true;
      }
      if (!program_seen) {
        program_seen = true;
        const auto code = without_awk_strings(w);
        // (ARGV may name another input file; SYMTAB["ENVIRON"] is ENVIRON.)
        for (std::string_view sign : {"ENVIRON", "environ", "PROCINFO", "SYMTAB", "ARGV", "system", "getline", "|", "@"})
          if (code.find(sign) != std::string::npos) return true;
      } else if (w.find_first_of("*?[") != std::string::npos || w.find("proc") != std::string::npos ||
                 w.find("dev") != std::string::npos || w.find("environ") != std::string::npos) {
        return true;
      }
    }
    return false;
  }
  // The files the program words[0] writes and the names it creates.
  void program_files(std::size_t c, const std::vector<const ShellWord*>& words) {
    const ShellWord* program = words.front();
    const std::string prog_name(basename_of(program->text));
    const std::string_view prog = prog_name;  // (compared often: a view compares sizes first)
    // python3 make_launcher.py > launch.sh (| tee, srun -o, { ...; } >):
    // a script, or a program named by its path, may print what it finds in
    // its environment.
    const bool script_runner = is_interpreter(prog) || is_shell(prog) || program->text.find('/') != std::string::npos;
    if (script_runner || (is_awk(prog) && awk_may_print_environment(words))) {
      outputs_[c].emplace_back(kExported);
      // Inline code that lists a directory prints names the template made
      // (python3 -c 'print(os.listdir("runs")[0])', ruby -e 'puts Dir["*"]').
      if (std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
            for (std::string_view lists : {"listdir", "scandir", "glob", "walk(", "readdir", "Dir[", "Dir.", "list.files",
                                           "dir(", "ls(", "iterdir", "opendir"})
              if (w->text.find(lists) != std::string::npos) return true;
            return false;
          }))
        outputs_[c].emplace_back("fs:names");
      // python3 -c 'print(yaml.safe_load(open("config.yaml"))["out"])':
      // what it prints may be what a file its code names holds.
      for (const auto* w : words)
        if (w != words.front() && w->text.find('(') != std::string::npos)
          for (const auto& key : *written_)
            if (!is_pattern_key(key) && key.rfind("file:", 0) == 0) {
              const auto file = basename_of(std::string_view(key).substr(5));
              if (file.size() > 1 && w->text.find(file) != std::string::npos) outputs_[c].push_back(key);
            }
    }
    // yq '.name = strenv(NAME)', jq '$ENV.NAME', jq 'env.NAME': the
    // filter reads the environment (what the template exported).
    if (one_of(prog, {"jq", "gojq", "jaq", "yq"}) && std::any_of(words.begin() + 1, words.end(), [](const ShellWord* w) {
          return w->text.find("env(") != std::string::npos || w->text.find("$ENV") != std::string::npos ||
                 w->text.find("env.") != std::string::npos;
        }))
      outputs_[c].emplace_back(kExported);
    std::vector<const ShellWord*> operands;
    bool after_program = false;
    for (const auto* w : words) {
      if (w == program) {
        after_program = true;
        continue;
      }
      if (after_program && !w->text.empty() && w->text[0] != '-') operands.push_back(w);
    }
    // python3 fill_template.py launch.sh.in launch.sh: the script may write
    // a file of code its operands name, from what it finds in its
    // environment: the files of code named after the first (the script;
    // an option's value may stand before it: node -r ./setup.js run.js).
    // (A program named by its path may be a runner's image: apptainer
    // exec /x/img.sif python3 t.py.)
    // (Words the model adds for another reading of an option stand where
    // the word they read again does: later means after in the text.)
    // (srun ... python3 prep.py "$V" : --het-group=1 python3 train.py: a
    // ':' word starts another component, whose script is not an operand.)
    if (is_interpreter(prog) || is_shell(prog)) {
      const ShellWord* script = nullptr;
      for (const auto* w : operands) {
        if (w->text == ":"sv && w->placeholders.empty() && w->refs.empty()) break;
        if (!render::is_code_file(w->text)) continue;
        if (script && w->begin > script->begin && !is_device(w->text)) write_file(file_key_of(w->text), c, w->text);
        if (!script) script = w;
      }
    }
    // The written file takes a value's last component as its name: wget
    // URL, curl -O URL, cp "$V" DIR, aws s3 cp URI ./ (FileName).
    {
      const bool named_output = std::any_of(words.begin(), words.end(), [&](const ShellWord* w) {
        return (prog == "wget"sv && (w->text == "-O"sv || w->text.rfind("--output-document", 0) == 0 ||
                                   (w->text.size() > 2 && w->text[0] == '-' && w->text[1] != '-' && w->text.back() == 'O'))) ||
               (prog == "curl"sv && (w->text == "-o"sv || w->text.rfind("--output=", 0) == 0 || w->text == "--output"sv));
      });
      const bool remote_name = prog == "wget"sv ||
                               (prog == "curl"sv && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                                  return w->text == "--remote-name"sv || w->text == "--remote-name-all"sv ||
                                         (w->text.size() > 1 && w->text[0] == '-' && w->text[1] != '-' &&
                                          w->text.find_first_of("OJ") != std::string::npos);
                                }));
      const bool copies = one_of(prog, {"cp", "mv", "ln", "link", "install", "rsync", "scp", "rclone"}) ||
                          ((prog == "aws"sv || prog == "gsutil"sv || prog == "gcloud"sv) &&
                           std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                             return one_of(w->text, {"cp", "sync", "mv", "rsync"});
                           }));
      if (remote_name && !named_output) {
        for (const auto* w : operands) fills(*w, render::ElementRole::FileName, prog_name + " (the file takes the URL's name)");
      }
      // curl -J, wget --content-disposition, --trust-server-names, -r: the
      // server the URL names names the file, any file here (attack 158).
      const bool server_names =
          (prog == "curl"sv && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
             return w->text == "--remote-header-name"sv ||
                    (w->text.size() > 1 && w->text[0] == '-' && w->text[1] != '-' && w->text.find('J') != std::string::npos);
           })) ||
          (one_of(prog, {"wget", "wget2"}) && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
             return one_of(w->text, {"--content-disposition", "--trust-server-names", "--recursive", "--mirror", "-r", "-m",
                                     "--input-file", "-i"}) ||
                    w->text.starts_with("--input-file=") || [&] {
                      // -qr, -nmr (not -Omodel.pt: -O takes the rest).
                      if (w->text.size() < 2 || w->text[0] != '-' || w->text[1] == '-') return false;
                      for (std::size_t j = 1; j < w->text.size(); ++j) {
                        if (std::string_view("rmi").find(w->text[j]) != std::string_view::npos) return true;
                        if (std::string_view("OoaPtTweUBQlARDIXe").find(w->text[j]) != std::string_view::npos) return false;
                      }
                      return false;
                    }();
           }));
      if (server_names && (!named_output || prog != "curl"sv)) write_file(std::string(kAnyFile), c, "");
      // curl expands {a,b} and [1-9] in its URLs, wget '*' and [...] in
      // ftp:// ones: one value would fetch (and name) other files.
      const bool globs = prog == "wget"sv || (prog == "curl"sv && std::none_of(words.begin(), words.end(), [](const ShellWord* w) {
                                              return w->text == "--globoff"sv || (w->text.size() > 1 && w->text[0] == '-' &&
                                                                                w->text[1] != '-' && w->text.find('g') != std::string::npos);
                                            }));
      if (globs)
        for (const auto* w : fetched_urls(words, prog)) fills(*w, render::ElementRole::UrlGlob, prog_name + " (it expands patterns in URLs)");
      // gsutil cp file:///x, gcloud storage cp: a file: URL names a local
      // file they read (attack 133).
      // az reads @FILE at an argument's start or after its first '=' (attack
      // 134): every word of its is such an argument.
      if (prog == "gsutil"sv || prog == "az"sv || (prog == "gcloud"sv && words.size() > 1 && words[1]->text == "storage"sv))
        for (std::size_t k = 1; k < words.size(); ++k)
          if (!words[k]->placeholders.empty() || !words[k]->refs.empty())
            fills(*words[k], render::ElementRole::CloudCliArgument,
                  prog_name + (prog == "az"sv ? " (it reads @FILE)" : " (a file: URL names a local file)"));
      // gcloud reads list and dict flags' values as items (--update-env-vars
      // K=V,K2=V2; ^DELIM^ picks another separator): a value there is one
      // item (attack 134). Flags of one string (names, descriptions,
      // messages) are taken whole (hunt 51).
      if (prog == "gcloud"sv)
        for (std::size_t k = 1; k < words.size(); ++k) {
          const auto& t = words[k]->text;
          if (!t.starts_with("--")) continue;
          const auto flag = std::string_view(t).substr(0, t.find('='));
          if (one_of(flag, {"--display-name", "--description", "--message", "--name", "--title", "--comment",
                            "--project", "--region", "--zone", "--format"}))
            continue;
          const ShellWord* value = t.find('=') != std::string::npos ? words[k] : k + 1 < words.size() ? words[k + 1] : nullptr;
          if (value) fills(*value, render::ElementRole::GcloudListValue, "gcloud (a list or dict flag's value)");
        }
      // curl -T {a,b}: the files it sends are a pattern of its own too (attack 133).
      if (globs && prog == "curl"sv)
        for (std::size_t k = 1; k < words.size(); ++k) {
          const auto& t = words[k]->text;
          if ((t == "-T"sv || t == "--upload-file"sv) && k + 1 < words.size())
            fills(*words[k + 1], render::ElementRole::UrlGlob, "curl -T (it expands patterns in the files it sends)");
          else if ((t.starts_with("-T") && t.size() > 2) || t.starts_with("--upload-file="))
            fills(*words[k], render::ElementRole::UrlGlob, "curl -T (it expands patterns in the files it sends)");
        }
      if (prog == "curl"sv || prog == "wget"sv)
        for (const auto* w : fetched_urls(words, prog)) fills(*w, render::ElementRole::FetchedUrl, prog_name + " (the URL it fetches)");
      // cp -t DIR SRC...: every operand may be a source.
      const bool target_option = one_of(prog, {"cp", "mv", "ln", "install"}) && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
        return w->text.rfind("--target-directory", 0) == 0 ||
               (w->text.size() > 1 && w->text[0] == '-' && w->text[1] != '-' && w->text.find('t') != std::string::npos);
      });
      // (cp "$V" run.sh: a destination named like a file, not a directory,
      // takes no source's name.)
      const auto names_a_file = [](std::string_view dest) {
        const auto base = basename_of(dest);
        return !dest.ends_with("/") && base.find('.') != std::string_view::npos && base != "."sv && base != ".."sv &&
               base.find_first_of("$`*?[{") == std::string_view::npos;
      };
      if (copies && (operands.size() >= 2 || target_option) &&
          (target_option || operands.size() > 2 || !names_a_file(operands.back()->text)))
        for (std::size_t k = 0; k < operands.size() && (target_option || k + 1 < operands.size()); ++k)
          fills(*operands[k], render::ElementRole::FileName, prog_name + " (a copy may take the source's name)");
      // A copy to another host or a bucket sends what its sources name out
      // of the job: they follow the rule for the job's files, as curl -T's.
      if (copies && operands.size() >= 2 && !target_option && leaves_the_machine(operands.back()->text))
        for (std::size_t k = 0; k + 1 < operands.size(); ++k)
          fills(*operands[k], render::ElementRole::Path, prog_name + " (a file it sends to another host)");
    }
    // Extracting an archive writes a whole tree whose files hold what the
    // archive did: a value choosing the archive (or any word of the
    // command) chooses the code the template later runs from that tree.
    if (const auto dest = extraction_directory(prog, words)) {
      if (*dest == "."sv) {
        write_file(std::string(kAnyFile), c, "");  // the working directory: any relative name
      } else {
        // ("$D" of a variable only ever given /scratch/data: file:data;
        // data/${NAME}: a tree in data.)
        const auto root = tree_root(*dest);
        write_file(root ? file_key(*root) : file_key_of(*dest), c, root ? *root : *dest);
        add_tree(root ? file_key(*root) : file_key_of(*dest), root ? *root : *dest);
      }
    }
    // python3 -m zipapp SRC [-o OUT]: an archive python runs, of SRC's files.
    if ((prog.rfind("python", 0) == 0 || prog.rfind("pypy", 0) == 0) && words.size() > 3 && words[1]->text == "-m"sv &&
        words[2]->text == "zipapp"sv) {
      std::string out;
      for (std::size_t k = 3; k < words.size(); ++k)
        if (one_of(words[k]->text, {"-o", "--output"}) && k + 1 < words.size()) out = words[++k]->text;
        else if (words[k]->text.rfind("--output=", 0) == 0) out = words[k]->text.substr(9);
        else if (one_of(words[k]->text, {"-p", "--python", "-m", "--main"})) ++k;
        else if (out.empty() && !words[k]->text.empty() && words[k]->text[0] != '-') out = words[k]->text + ".pyz";
      if (!out.empty()) write_file(file_key_of(out), c, out);
    }
    // tar -cvf, tar t, rsync -v / --list-only, zip, unzip: the names of
    // what they pack or unpack, the job's own log files among them (attack 151).
    if (one_of(prog, {"tar", "gtar", "bsdtar", "rsync", "zip", "unzip", "cpio", "7z"}) && lists_names(prog, words))
      outputs_[c].emplace_back("fs:names");
    // git commit -m "$V", git tag -m, git notes add -m: git log, show,
    // shortlog and describe print the messages back (attack 152).
    // (The words after the program's: VAR=x git ... has the assignment first.)
    const auto first_argument = static_cast<std::size_t>(std::find(words.begin(), words.end(), program) - words.begin()) + 1;
    const auto git_subcommand = [&]() -> std::string_view {  // (after -C DIR, -c NAME=VALUE, --git-dir DIR)
      for (std::size_t k = first_argument; k < words.size(); ++k) {
        const std::string_view t = words[k]->text;
        if (one_of(t, {"-C", "-c", "--git-dir", "--work-tree", "--namespace"})) ++k;
        else if (t.empty() || t[0] != '-') return t;
      }
      return {};
    };
    if (prog == "git"sv && one_of(git_subcommand(), {"commit", "tag", "notes", "stash"}))
      for (std::size_t k = first_argument; k < words.size(); ++k) {
        const std::string_view t = words[k]->text;
        const ShellWord* message = (one_of(t, {"-m", "--message", "-F", "--file"}) && k + 1 < words.size()) ? words[k + 1]
                                   : (t.starts_with("--message=") || (t.size() > 2 && t.starts_with("-m"))) ? words[k]
                                                                                                             : nullptr;
        if (!message) continue;
        for (auto p : message->placeholders) direct_["git:messages"].insert(p);
        for (const auto& r : message->refs) edges_["git:messages"].insert(r);
        if (one_of(t, {"-F", "--file"})) edges_["git:messages"].insert(file_key_of(message->text));
      }
    if (prog == "git"sv &&
        one_of(git_subcommand(), {"log", "show", "shortlog", "describe", "rev-list", "reflog", "notes", "cat-file", "for-each-ref"}))
      outputs_[c].emplace_back("git:messages");
    // zip A.zip (-z: the comment from its input), tar -cf A --label=L:
    // the archive holds what the command carries.
    if (prog == "zip"sv) {
      for (std::size_t k = first_argument; k < words.size(); ++k) {
        const std::string_view t = words[k]->text;
        if (t == "-"sv) break;  // (zip - FILES writes the archive to its output)
        if (!t.empty() && t[0] != '-') {
          write_file(file_key_of(t), c, t);
          break;
        }
      }
    }
    // tar -cf A, cf A, -cfA, --file=A, -rf, -uf (attack 200: an archive
    // named after '=' or in the option's word carried nothing).
    if (one_of(prog, {"tar", "gtar", "bsdtar"}))
      if (const auto tar = tar_command(words, first_argument - 1); tar.writes_archive())
        for (const auto& archive : tar.archives)
          if (!archive.text.empty() && archive.text != "-"sv) write_file(file_key_of(archive.text), c, archive.text);
    // unzip -z, tar --test-label, gzip -l -N, zipinfo: what an archive the
    // template wrote stores beside its files (a comment, a label, a name;
    // attack 152) comes out with the listing.
    if (one_of(prog, {"unzip", "zipinfo", "tar", "gtar", "bsdtar", "gzip", "gunzip", "zcat", "7z", "cpio", "xz", "zstd", "bzip2"}))
      for (const auto* w : operands)
        if (w->text.empty() || w->text[0] != '-') outputs_[c].push_back(file_key_of(w->text));
    backup_copies(c, prog, words);
    if (prog == "tee"sv || prog == "sponge"sv) {
      for (const auto* w : operands)
        if (w->text.rfind(">(", 0) == 0) {
          write_file(std::string(kAnyDescriptor), c, "");  // tee >(bash): a process reads it
        } else if (!is_device(w->text)) {
          create_name(*w);
          write_file(file_key_of(w->text), c, w->text);
        }
    } else if (one_of(prog, {"cp", "mv", "ln", "link", "install", "rsync", "scp", "rclone"}) && !operands.empty()) {
      // The destination is written (-t DIR too); mv also removes its
      // sources; the sources of a copy are only read.
      for (const auto* w : operands)
        if (w == operands.back() || prog == "mv"sv) create_name(*w);
      for (std::size_t k = 0; k < words.size(); ++k)
        if (words[k]->text == "--target-directory"sv && k + 1 < words.size()) create_name(*words[k + 1]);
        else if (words[k]->text.rfind("--target-directory=", 0) == 0) create_name(*words[k]);
        else if (const auto v = cluster_value(words, k, [](char l) { return l == 't'; }, one_of(prog, {"cp", "mv", "ln", "install"}));
                 v.word != kNone)
          create_name(*words[v.word]);  // -t DIR, -tDIR, cp -rt DIR, install -Dt DIR (rsync's -t keeps times)
      // mv run.{tmp,yaml}: the words bash makes of a literal brace expansion.
      std::vector<std::string> operand_names;
      for (const auto* w : operands) {
        auto made = literal_brace_words(std::string_view(text_).substr(w->begin, w->end - w->begin));
        if (const auto* elements = made.empty() ? literal_array_words(*w) : nullptr)
          for (const auto& e : *elements) made.push_back(e.text);
        if (made.empty()) operand_names.push_back(w->text);
        else operand_names.insert(operand_names.end(), made.begin(), made.end());
      }
      // cp A B "$DIR/": into a directory, each copy takes its source's name
      // (rsync "SRC/" copies what SRC holds, under names it does not say).
      const auto& dest = operand_names.back();
      std::vector<std::string> names{dest};
      if (dest.size() > 1 && dest.back() == '/' && operand_names.size() > 1 &&
          one_of(prog, {"cp", "mv", "ln", "link", "install", "rsync"}) &&
          std::none_of(operand_names.begin(), operand_names.end() - 1, [](const std::string& w) {
            return w.empty() || w.back() == '/' || w.ends_with("/.");
          })) {
        names.clear();
        for (auto w = operand_names.begin(); w + 1 != operand_names.end(); ++w) names.push_back(*w);
      }
      for (const auto& name : names) {
        write_file(file_key_of(name), c, name);
        add_tree(file_key_of(name), name);  // cp -r, ln -s, rsync: a whole tree may arrive there
      }
      // ln -s epilog.sh meta/epilog.txt: what is written through the link
      // is written into its target, and what runs the one runs the other;
      // cp -s and cp -l make links too (attack 150).
      if ((prog == "ln"sv || prog == "link"sv || (prog == "cp"sv && cp_links(words, program))) && operands.size() == 2 &&
          names.size() == 1) {
        const auto target = file_key_of(operands.front()->text), link = file_key_of(names.front());
        // ln -sfn "/scratch/datasets/$D" data: where the link leads is where
        // later reads, writes and mounts of it go: a path of the job's, no
        // '..' (attack 179: a bind mount of data reached /etc).
        fills(*operands.front(), render::ElementRole::Path, std::string(prog) + " (the target of a link the job uses in its place)");
        if (target != link) {
          // (A write through the link lands in its target, which a later
          // read names though nothing wrote it by that name; attack 206.)
          if (!is_pattern_key(target)) note_written(target);
          file_aliases_[target].insert(link);
          file_aliases_[link].insert(target);
          edges_[target].insert(link);
          // ln -s "$V" latest: readlink, ls -l, stat %N, find -printf %l
          // print the link's target (attack 152).
          for (auto p : operands.front()->placeholders) direct_["fs:names"].insert(p);
          for (const auto& r : operands.front()->refs) edges_["fs:names"].insert(r);
          // ln cfg.json notes; echo "$V" >> notes: a write to the link is one to the data file.
          if (const auto role = data_file_role(operands.front()->text); role != render::ElementRole::None)
            uses_.push_back({target, Use::Role, fmt::format("a data file ({}) a link names", basename_of(operands.front()->text)),
                             role});
        }
      }
    } else if (prog == "git"sv && operands.size() >= 2 && operands[0]->text == "clone"sv) {
      // git clone URL [DIR]: the repository's tree arrives in DIR (or in
      // the URL's last component without .git). An option's value is no
      // operand (git clone -b main URL src).
      std::vector<const ShellWord*> rest;
      bool clone = false;
      for (std::size_t k = 1; k < words.size(); ++k) {
        const auto& t = words[k]->text;
        if (!clone) {
          clone = t == "clone"sv;
          if (one_of(t, {"-C", "-c", "--git-dir", "--work-tree"})) ++k;
          continue;
        }
        if (t.size() > 1 && t[0] == '-' && words[k]->placeholders.empty()) {
          if (one_of(t, {"-b", "--branch", "--depth", "-o", "--origin", "-c", "--config", "--reference",
                         "--reference-if-able", "--template", "--separate-git-dir", "-j", "--jobs", "--filter",
                         "--shallow-since", "--shallow-exclude", "-u", "--upload-pack", "--server-option",
                         "--bundle-uri"}))
            ++k;
          continue;
        }
        rest.push_back(words[k]);
      }
      if (!rest.empty()) {
        std::string dir = rest.size() >= 2 ? rest[1]->text : std::string(basename_of(rest[0]->text));
        if (rest.size() < 2 && dir.size() > 4 && dir.compare(dir.size() - 4, 4, ".git") == 0) dir.resize(dir.size() - 4);
        if (rest.size() >= 2) create_name(*rest[1]);
        // The tree is the repository's: what the URL names, not the branch
        // or depth chosen (the options that run code are refused as code).
        write_file(file_key(dir), c, dir, false);
        for (auto p : rest[0]->placeholders) direct_[file_key(dir)].insert(p);
        for (const auto& r : rest[0]->refs) edges_[file_key(dir)].insert(r);
        // git clone code copy: a clone of a tree is the tree.
        for (const auto& tree : trees_at(rest[0]->text)) edges_[file_key(dir)].insert(tree);
        add_tree(file_key(dir), dir);
      }
    } else if (prog == "git"sv) {
      // git fetch URL, git pull URL, git submodule add URL [PATH]: the
      // repository (-C DIR's, or the working directory's) then holds what
      // the URL names, whatever is checked out of it later.
      std::string dir = ".";
      std::size_t k = 1;
      bool elsewhere = false;  // --work-tree=, --git-dir=: files may be written outside DIR
      // (The repository is -C's or --git-dir's; GIT_DIR= and GIT_WORK_TREE=
      // before git, or --work-tree, put its files elsewhere.)
      std::string repository = ".";
      for (const auto& w : t_.commands[c].words)
        if (w.role == ShellWord::Role::Word && (w.text.rfind("GIT_WORK_TREE=", 0) == 0 || w.text.rfind("GIT_DIR=", 0) == 0)) {
          elsewhere = true;
          if (w.text.rfind("GIT_DIR=", 0) == 0) repository = w.text.substr(8);
        }
      for (; k < words.size() && words[k]->text.rfind('-', 0) == 0; ++k) {
        const auto& t = words[k]->text;
        elsewhere = elsewhere || t.rfind("--work-tree", 0) == 0 || t.rfind("--git-dir", 0) == 0;
        if (t.rfind("--git-dir=", 0) == 0) repository = t.substr(10);
        if (t.rfind("--work-tree=", 0) == 0) dir = t.substr(12);
        if (one_of(t, {"-C", "-c", "--git-dir", "--work-tree"}) && k + 1 < words.size()) {
          if (t != "-c"sv) dir = words[k + 1]->text;
          if (t == "-C"sv || t == "--git-dir"sv) repository = words[k + 1]->text;
          ++k;
        }
      }
      // git -C code checkout-index -a --prefix=../, git --work-tree=. -C
      // code checkout, git -C code worktree add ../w: a repository a value
      // chose writes its files where the template cannot follow them.
      auto trees = trees_at(repository);
      for (auto& tree : trees_at(dir)) trees.push_back(std::move(tree));
      if (!trees.empty() && k < words.size() && (elsewhere || one_of(words[k]->text, {"checkout-index", "worktree"}))) {
        write_file(std::string(kAnyFile), c, "", false);
        for (const auto& tree : trees) edges_[kAnyFile].insert(tree);
      }
      const bool submodule = k + 1 < words.size() && words[k]->text == "submodule"sv && words[k + 1]->text == "add"sv;
      if (k < words.size() && (one_of(words[k]->text, {"fetch", "pull"}) || submodule)) {
        std::vector<const ShellWord*> rest;
        for (k += submodule ? 2 : 1; k < words.size(); ++k) {
          const auto& t = words[k]->text;
          if (t.size() > 1 && t[0] == '-' && words[k]->placeholders.empty()) {
            if (one_of(t, {"--depth", "-j", "--jobs", "-o", "--upload-pack", "-b", "--branch", "--name", "--reference",
                           "--shallow-since", "--shallow-exclude", "--refmap", "-s", "--strategy", "-X", "--strategy-option",
                           "--deepen", "--server-option", "--negotiation-tip", "--recurse-submodules-default", "--into-name"}))
              ++k;
            continue;
          }
          rest.push_back(words[k]);
        }
        // (A remote's name stands for the URL git remote add gave it.)
        const std::string remote = "git-remote:" + (rest.empty() ? std::string("origin") : rest[0]->text);
        if ((!rest.empty() && (!rest[0]->placeholders.empty() || !rest[0]->refs.empty())) || direct_.count(remote) ||
            edges_.count(remote)) {
          if (submodule && !rest.empty()) {
            dir = rest.size() >= 2 ? rest[1]->text : std::string(basename_of(rest[0]->text));
            if (rest.size() < 2 && dir.size() > 4 && dir.ends_with(".git")) dir.resize(dir.size() - 4);
          }
          const auto key = dir == "."sv ? std::string(kAnyFile) : file_key_of(dir);
          write_file(key, c, dir, false);
          if (!rest.empty()) {
            for (auto p : rest[0]->placeholders) direct_[key].insert(p);
            for (const auto& r : rest[0]->refs) edges_[key].insert(r);
          }
          if (direct_.count(remote) || edges_.count(remote)) edges_[key].insert(remote);
          if (dir != "."sv) add_tree(key, dir);
        }
      }
      // git remote add NAME URL, git remote set-url NAME URL: what a later
      // fetch or pull of NAME gets.
      if (k + 3 < words.size() && words[k]->text == "remote"sv && one_of(words[k + 1]->text, {"add", "set-url"})) {
        std::vector<const ShellWord*> rest;
        for (auto j = k + 2; j < words.size(); ++j)
          if (words[j]->text.rfind('-', 0) != 0) rest.push_back(words[j]);
          else if (one_of(words[j]->text, {"-t", "-m", "--track", "--master"})) ++j;
        if (rest.size() >= 2) {
          for (auto p : rest[1]->placeholders) direct_["git-remote:" + rest[0]->text].insert(p);
          for (const auto& r : rest[1]->refs) edges_["git-remote:" + rest[0]->text].insert(r);
          // git remote add -f NAME URL fetches it at once.
          const bool fetches = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(k), words.end(),
                                           [](const ShellWord* w) { return w->text == "-f"sv || w->text == "--fetch"sv; });
          if (fetches && (!rest[1]->placeholders.empty() || !rest[1]->refs.empty())) {
            const auto key = dir == "."sv ? std::string(kAnyFile) : file_key_of(dir);
            write_file(key, c, dir, false);
            edges_[key].insert("git-remote:" + rest[0]->text);
            if (dir != "."sv) add_tree(key, dir);
          }
        }
      }
    } else if (prog == "split"sv || prog == "csplit"sv) {
      // The pieces: files named after a prefix and a counter (chunk_00, xx01).
      write_file(std::string(kAnyFile), c, "");
    } else if (prog == "uniq"sv) {
      // uniq IN OUT, uniq - OUT: the second operand is written ('-' is
      // standard input; -f N, -s N, -w N take a number).
      std::vector<const ShellWord*> files;
      for (std::size_t k = 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"-f", "-s", "-w", "--skip-fields", "--skip-chars", "--check-chars"})) ++k;
        else if (w == "-"sv || w.empty() || w[0] != '-') files.push_back(words[k]);
      }
      if (files.size() >= 2 && !is_device(files[1]->text)) {
        create_name(*files[1]);
        write_file(file_key(files[1]->text), c, files[1]->text);
      }
    } else if (prog == "dd"sv) {
      for (const auto* w : operands)
        if (w->text.rfind("of=", 0) == 0 && !is_device(w->text.substr(3))) {
          create_name(*w);
          write_file(file_key(w->text.substr(3)), c, w->text.substr(3));
        }
    } else if (prog == "tar"sv || prog == "gtar"sv) {
      // Creating writes the archive; extracting writes into -C DIR (the
      // members' names stay under it: tar drops a leading '/' and '..').
      // Creating reads its members, as a copy reads its sources (fr 81:
      // tar -czf out.tgz "$CKPT_DIR"), unless --remove-files deletes them;
      // it writes the archive, and the files -g, --index-file and
      // --volno-file name.
      const auto tar = tar_command(words, 0);
      if (!tar.writes_archive()) {
        for (const auto& d : tar.directories) create_name(*words[d.word]);
      } else {
        for (const auto* named : {&tar.archives, &tar.side_files})
          for (const auto& v : *named) create_name(*words[v.word]);
        if (std::any_of(words.begin() + 1, words.end(), [](const ShellWord* w) { return w->text == "--remove-files"sv; }))
          for (const auto k : tar.operands) create_name(*words[k]);
      }
    } else if (one_of(prog, {"mkdir", "touch", "mktemp", "mkfifo", "truncate", "fallocate"})) {
      for (const auto* w : operands) create_name(*w);
    } else if (prog == "mknod"sv && !operands.empty()) {
      create_name(*operands[0]);  // mknod NAME TYPE [MAJOR MINOR]
    } else if (prog == "find"sv) {
      // It prints names, as ls does (the branch below), and
      // find ... -fprint F, -fprint0 F, -fls F, -fprintf F FORMAT: F is written.
      outputs_[c].emplace_back("fs:names");
      for (std::size_t k = 0; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-fprint", "-fprint0", "-fls", "-fprintf"}) && !is_device(words[k + 1]->text)) {
          create_name(*words[k + 1]);
          write_file(file_key(words[k + 1]->text), c, words[k + 1]->text);
        }
    } else if (one_of(prog, {"ffmpeg", "convert", "magick", "sox"}) && operands.size() >= 2) {
      // The last operand is the file written (ffmpeg -i IN OUT, convert IN OUT).
      create_name(*operands.back());
      write_file(file_key(operands.back()->text), c, operands.back()->text);
    } else if (one_of(prog, {"grep", "egrep", "fgrep", "zgrep", "rg", "wc", "head", "tail", "md5sum", "sha256sum", "sha1sum",
                             "cksum", "file"}) &&
               std::any_of(operands.begin(), operands.end(), [&](const ShellWord* w) {
                 return has_unquoted_glob(std::string_view(text_).substr(w->begin, w->end - w->begin));
               })) {
      // grep -c X logs/*.out prints FILE:COUNT for each file a glob finds
      // (wc, head, tail and the checksums print names too): the names, the
      // job's own log files named by its --job-name among them (attack 149).
      outputs_[c].emplace_back("fs:names");
    } else if (one_of(prog, {"ls", "vdir", "du", "tree", "stat", "readlink", "realpath", "dir", "fd", "fdfind", "locate"})) {
      outputs_[c].emplace_back("fs:names");
    } else if (prog == "pwd"sv || prog == "dirs"sv) {
      outputs_[c].emplace_back(kCwd);
    } else if (prog == "scontrol"sv && operands.size() >= 2 && operands[0]->text == "show"sv &&
               one_of(operands[1]->text, {"hostnames", "hostname", "hostlist", "hostlistsorted"})) {
      // scontrol show hostnames [LIST]: LIST expanded (its words carry on
      // as any command's do), $SLURM_JOB_NODELIST without one; no record.
      if (operands.size() == 2) outputs_[c].emplace_back("SLURM_JOB_NODELIST");
    } else if (one_of(prog, {"squeue", "sacct", "scontrol", "sstat", "sinfo", "sprio", "sshare"})) {
      // Slurm's record of the job: its name, comment and other options
      // as the directives set them, as $SLURM_JOB_NAME holds them (and
      // those no variable holds: squeue -o %k prints --comment; attack 148).
      if (!prints_numbers_only(prog, words)) {
        outputs_[c].emplace_back(kEnvironment);
        outputs_[c].emplace_back(kJobRecord);
      }
    } else if (one_of(prog, {"ps", "pgrep", "pidof", "pstree", "top", "htop", "pidstat", "procs", "w", "pkill"})) {
      // The command lines (and with ps e the environments) of the job's
      // processes: any value the template gives any command it starts
      // (trainer --steps "$V" & then ps -o args= -p $!); not pgrep's or
      // pidof's ids, nor ps -o of numeric fields (fr hunt 59).
      if (!lists_numbers_only(prog, words)) outputs_[c].emplace_back(all_values_key());
    } else if (one_of(prog, {"env", "printenv", "export", "declare", "typeset", "set", "compgen", "envsubst"}) &&
               (operands.empty() || prog == "envsubst"sv || prog == "printenv"sv || prog == "compgen"sv ||
                (words.size() > 1 && one_of(words[1]->text, {"-p", "-x", "-px"})))) {
      // The environment printed (env, export -p, set) or substituted into a
      // text (envsubst): every variable's value; printenv NAME: NAME's.
      if (prog == "printenv"sv && !operands.empty())
        for (const auto* w : operands) outputs_[c].push_back(w->text);
      else if (prog != "env"sv || operands.empty())
        outputs_[c].emplace_back(one_of(prog, {"env", "printenv", "envsubst", "export"}) ? environment_key(c) : kAnyVariable);
    }
    // An output file named by an option (sort -o F, shuf -o F, iconv -o F,
    // curl -o F, wget -O F, gcc -o F, --output=F): written with what the
    // command reads. csplit -f P and sed's w command write files too. (The
    // words of the script an interpreter runs are the script's arguments:
    // python3 train.py --output DIR is train.py's business, and train.py
    // is read before it writes anything.)
    std::size_t own_end = words.size();
    for (const auto at : program_positions(words, program))  // srun python3 train.py --output D
      own_end = std::min(own_end, own_options_end(words, at, basename_of(words[at]->text)));
    // srun -o F, --error=F: the job's output and errors (sbatch's too,
    // written later by the job it submits), under a name whose %j, %t, ...
    // Slurm fills in.
    const bool slurm = one_of(prog, {"srun", "sbatch"});
    for (std::size_t k = 0; k < own_end; ++k) {
      const std::string_view w = words[k]->text;
      std::string_view out;
      const auto output_letter = [&](char letter) {
        return (letter == 'o' && one_of(prog, {"sort", "shuf", "iconv", "curl", "gcc", "g++", "cc", "c++", "clang",
                                                "clang++", "nvcc", "ld", "pandoc", "patch", "gfortran", "mpicc", "zstd",
                                                "unzstd", "pzstd", "lz4", "brotli",
                                                "mpicxx", "gpg", "gpg2", "xmllint", "enroot", "ncat", "nc", "netcat"})) ||
               (letter == 'O' && prog == "wget"sv) || (letter == 'f' && (prog == "csplit"sv || prog == "ssh-keygen"sv)) ||
               ((letter == 'o' || letter == 'e') && slurm);
      };
      // Compilers take no clusters (-fno-omit-frame-pointer is one option).
      const bool clusters = !is_compiler(prog);
      const ShellWord* named = nullptr;  // the word holding the file's name
      if ((one_of(w, {"--output", "--output-document", "--outfile"}) || (slurm && w == "--error"sv)) && k + 1 < words.size()) {
        named = words[k + 1];
        out = named->text;
      } else if (w.rfind("--output=", 0) == 0 || w.rfind("--output-document=", 0) == 0 || w.rfind("--outfile=", 0) == 0 ||
                 (slurm && w.rfind("--error=", 0) == 0)) {
        named = words[k];
        out = w.substr(w.find('=') + 1);
      } else if (const auto v = cluster_value(words, k, output_letter, clusters); v.word != kNone) {
        // -o F, -o"$OUT", sort -uo F, curl -sSLo F, wget -qO"$F".
        named = words[v.word];
        out = std::string_view(named->text).substr(v.offset);
      }
      if (!named || out.empty() || is_device(out) || names_stdin(out) || out == "-"sv) continue;
      output_names_[c].insert(named);
      create_name(*named);
      const std::string name = slurm ? slurm_file_pattern(out) : std::string(out);
      // curl -o data.json "$URL": the file holds what the server sends, not
      // the URL's text, so no data rule holds the URL (it still chooses
      // the bytes: a file of code it names stays code; fr hunt 61).
      // ("$SQSH" of a variable only ever given one name names it: fr hunt 61.)
      const auto key = prog == "csplit"sv ? std::string(kAnyFile) : file_key_of(name);
      if (one_of(prog, {"curl", "wget", "wget2", "aria2c", "http", "https", "xh"})) downloads_.emplace(key, c);
      write_file(key, c, name);
    }
    if (is_sed(prog))
      for (const auto* w : words)
        if (w != program && (w->text.find("w ") != std::string::npos || w->text.find("W ") != std::string::npos))
          write_file(std::string(kAnyFile), c, "");
    // sed -i, gawk -i inplace, perl -pi, ruby -i, yq -i, sd, rpl: each file
    // operand is rewritten with what the command makes of it and of its
    // words (gawk -v lr=VALUE, LR=VALUE perl -pi -e '...$ENV{LR}...').
    for (const auto* w : edits_in_place(words, prog) ? in_place_files(words, prog) : rewritten_files(words, prog)) {
      output_names_[c].insert(w);
      if (!is_device(w->text)) write_file(file_key_of(w->text), c, w->text);
    }
    // ruplacer --go and fastmod rewrite every file of a tree (the working
    // directory's by default).
    if (prog == "fastmod"sv || (prog == "ruplacer"sv && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                                return w->text == "--go"sv;
                              })))
      write_file(std::string(kAnyFile), c, "");
    // A template renderer, or cpp -DNAME=VALUE, may write each file it
    // names (an -o value, IN:OUT of dockerize and consul-template, envtpl's
    // and cpp's operands); cookiecutter, confd and an --output-dir write
    // files of any name.
    if (renders_templates(prog) || prog == "cpp"sv) {
      if (prog != "cpp"sv) outputs_[c].emplace_back(environment_key(c));
      bool any_name = one_of(prog, {"cookiecutter", "confd"});
      for (std::size_t k = 1; k < words.size(); ++k) {
        std::string_view w = words[k]->text;
        any_name = any_name || w.rfind("--output-dir", 0) == 0 || w.rfind("--input-dir", 0) == 0 || w == "-O"sv;
        if (w.size() > 1 && w[0] == '-') {
          if (w.find('=') == std::string_view::npos) continue;
          w.remove_prefix(w.find('=') + 1);
        }
        for (std::size_t start = 0; start < w.size();) {
          const auto end = std::min(w.find(':', start), w.size());
          if (const auto part = w.substr(start, end - start); !part.empty() && !is_device(part))
            write_file(file_key_of(part), c, part);
          start = end + 1;
        }
      }
      if (any_name) write_file(std::string(kAnyFile), c, "");
    }
    // awk '{ print ... > "run.sh" }': a file its program writes, with what
    // it was given (-v name=VALUE, its input).
    if (is_awk(prog))
      for (const auto* w : operands)
        for (const auto& target : awk_print_targets(w->text)) write_file(target, c, "");
    if (functions_.count(prog_name)) {
      // $(f), f | bash, f > >(tee F): what the function prints, from
      // anything its body holds.
      // (Collected once the words know the files they read: show() { cat
      // notes.txt; }; show > hook.py; attack 153.)
      outputs_[c].push_back("fn:" + prog_name);
      called_functions_.emplace(prog_name, functions_[prog_name] == kNone ? c : functions_[prog_name]);
    } else if (one_of(prog, {"singularity", "apptainer"})) {
      // --env-file F: apptainer evaluates the file as shell (assignments,
      // expansions, word splitting), not as KEY=VALUE lines (attack 163).
      for (std::size_t k = 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        std::string_view file;
        if (w == "--env-file"sv && k + 1 < words.size()) file = words[k + 1]->text;
        else if (w.rfind("--env-file=", 0) == 0) file = std::string_view(w).substr(11);
        if (!file.empty())
          uses_.push_back({file_key_of(file), Use::Code, prog_name + " --env-file (it evaluates the file as shell)"});
      }
    } else if (prog == "trap"sv && words.size() > 1) {
      // trap 'echo "$NOTE"' EXIT, trap emit RETURN: the handler prints
      // where the shell's output goes when it runs, which is where this
      // command's goes (a subshell's, a function's; attack 162).
      const auto* action = words[1]->text == "--"sv && words.size() > 2 ? words[2] : words[1];
      for (auto& name : names_in(action->text)) outputs_[c].push_back(std::move(name));
      for (const auto name : name_tokens(action->text))
        if (const auto f = functions_.find(std::string(name)); f != functions_.end()) {
          outputs_[c].push_back("fn:" + f->first);
          called_functions_.emplace(f->first, f->second == kNone ? c : f->second);
        }
    } else if (program->text.find_first_of("$`") != std::string::npos && may_name_a_function(program->text)) {
      // g=f; $g > run.sh, for s in prep f; do "$s"; done | bash: a program
      // named at run time may be any of the template's functions.
      for (const auto& name : functions_named_by(program->text)) {
        outputs_[c].push_back("fn:" + name);
        called_functions_.emplace(name, functions_[name] == kNone ? c : functions_[name]);
      }
    } else if ((is_interpreter(prog) || is_awk_or_sed(prog) || one_of(prog, {"sqlite3", "sqlite", "duckdb"})) &&
               // python3 - <<'PY' ... open("launch.sh", "w") ... PY
               // sqlite3 :memory: "select writefile('a.py', readfile('b.txt'))", .output F, .once F,
               // VACUUM INTO F, duckdb's COPY ... TO F (attack 153).
               code_of_command_has(c, words, [&](std::string_view code) {
                 // (awk: print > F, printf(...) | "cmd"; any '>' may be one.)
                 return writes_files(code) || (is_awk_or_sed(prog) && code.find('>') != std::string_view::npos) ||
                        (!is_interpreter(prog) && !is_awk_or_sed(prog) &&
                         one_of_found(code, {".output", ".once", ".excel", "INTO", "into", "COPY", "EXPORT", "export",
                                             "ATTACH", "attach", ".backup", ".clone"}));
               })) {
      // python3 -c 'open("step.sh", "w").write(sys.argv[1])' "$X": code
      // that writes files may put its arguments in any of them, and the
      // files it names (shutil.copy("a.txt", "b.sh")).
      write_file(std::string(kAnyFile), c, "");
      code_file_writers_.insert(c);
      // open(sys.argv[1], "w"): an argument may name the file it writes
      // (round 114): each meets the rule of a path the job writes.
      if (code_of_command_has(c, words, [](std::string_view code) {
            return one_of_found(code, {"argv", "ARGV", "commandArgs", "ARGS", "arg[", "$*", "$@"});
          }))
        for (const auto* w : words)
          if (w->role == ShellWord::Role::Word && (!w->placeholders.empty() || !w->refs.empty()))
            fills(*w, render::ElementRole::Path, std::string(prog) + " (code that writes files, one its arguments may name)");
      // os.symlink("notes.txt", "post.sh"): a name it makes may be any file's.
      if (code_of_command_has(c, words, [](std::string_view code) { return one_of_found(code, {"symlink", "link("}); }))
        edges_[std::string(kAnyFile)].insert(kEveryFile);
      // open("meta.json", "w"): a data file the code names, in its words
      // or in the here-document or here-string it reads (python3 - <<'PY';
      // attack 148).
      std::vector<std::string_view> texts;
      code_of_command_has(c, words, [&](std::string_view code) {
        texts.push_back(code);
        return false;
      });
      // json.dump(...) with no other way of writing: the serializer
      // encodes each string (a config loader may still resolve one; fr
      // hunt 58).
      const bool serializes =
          std::any_of(texts.begin(), texts.end(),
                      [](std::string_view text) {
                        return one_of_found(text, {"json.dump", "yaml.safe_dump", "yaml.dump", "toml.dump", "tomli_w.dump",
                                                   "tomlkit.dump"});
                      }) &&
          std::none_of(texts.begin(), texts.end(), [](std::string_view text) {
            return one_of_found(text, {".write", "writelines", "write_text", "write_bytes", "print", "savetxt", "to_csv",
                                       "tofile", "copy", "shutil", "rename", "replace(", "symlink", "link(", "system",
                                       "subprocess", "popen", "Popen", "exec", "FileHandler", "filename=", ".save"});
          });
      for (const auto text : texts)
        for (std::size_t at = 0; at < text.size();) {
          const auto end = std::min(text.find_first_of(" '\"(),;`", at), text.size());
          const auto token = text.substr(at, end - at);
          // open("run/settings.py", "w"), os.open(...), sysopen: a file of
          // code the code opens or copies to may get what it writes (attack
          // 154; not a name among its data: {"entry": "train.py"}, fr hunt 60).
          if (token.size() > 3 && render::is_code_file(token) && (named_as_a_file(text, at) || token.size() == text.size()))
            uses_.push_back({std::string(kAnyFile), Use::Code, fmt::format("a file of code the code writes ({})", basename_of(token))});
          const auto role = data_file_role(token);
          if (role != render::ElementRole::None)
            uses_.push_back(serializes ? Use{std::string(kAnyFile), Use::Role,
                                             "a string a serializer encodes into a file a config loader may resolve",
                                             render::ElementRole::OverrideValue}
                                       : Use{std::string(kAnyFile), Use::Role, "a data file the code writes", role});
          at = end + 1;
        }
      for (const auto& key : std::set<std::string>(*written_)) {
        if (is_pattern_key(key)) continue;
        const auto file = basename_of(std::string_view(key).substr(5));
        for (const auto text : texts)
          if (file.size() > 1 && text.find(file) != std::string_view::npos) edges_[std::string(kAnyFile)].insert(key);
      }
    } else if (prog == "coproc"sv || prog == "exec"sv) {
      // coproc NAME { bash; }: whatever the template writes to its descriptors is code.
      for (const auto* w : words)
        if (is_shell(basename_of(w->text)) || is_interpreter(basename_of(w->text))) fd_code_ = true;
      // The body after a name is a group of its own: its commands' programs.
      const std::size_t body = c + 1;
      if (prog == "coproc"sv && body < t_.commands.size() && t_.commands[body].kind == ShellCommand::Kind::Group)
        for (std::size_t m = body + 1; m < t_.commands.size() && member_of(m, body); ++m) {
          // coproc W { cat > F; }: what the template writes to ${W[1]} is F's text.
          coprocess_members_.insert(m);
          if (const auto inner = words_of(m); !inner.empty() && (is_shell(basename_of(inner.front()->text)) ||
                                                                  is_interpreter(basename_of(inner.front()->text))))
            fd_code_ = true;
        }
    }
  }

  // The descriptor a word names as bash reads it: "3", "$fd" for "${fd}"
  // and "\"$fd\"" (the variable exec {fd}<F sets).
  static std::string descriptor_name(std::string_view word) {
    std::string fd;
    for (char ch : word)
      if (ch != '"' && ch != '{' && ch != '}') fd += ch;
    return fd;
  }
  // exec 3<F, exec {fd}<F, exec 3<<<"$X", exec 4<&3, exec 3<>F: what each
  // input descriptor reads, from every exec that opens it anywhere in the
  // template (a reader may stand in a $(...) the lexer lists before the
  // exec, or in a loop after a later exec); and each <&N then refers to
  // what N reads.
  void input_descriptors() {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      auto& cmd = t_.commands[c];
      const ShellWord* program = program_word(cmd);
      if (!program || program->text != "exec"sv) continue;
      for (auto& w : cmd.words) {
        if (w.role != ShellWord::Role::HereString && w.role != ShellWord::Role::Redirect) continue;
        if (w.redirect.find('<') == std::string::npos) continue;
        const auto at = static_cast<std::size_t>(&w - cmd.words.data());
        std::string fd = w.redirect.substr(0, w.redirect.find('<'));
        // The lexer may keep "3<<<" or "{fd}" as the word before.
        if (fd.empty() && at > 0 && w.role == ShellWord::Role::HereString && cmd.words[at - 1].text.size() > 3 &&
            cmd.words[at - 1].text.compare(cmd.words[at - 1].text.size() - 3, 3, "<<<") == 0)
          fd = cmd.words[at - 1].text.substr(0, cmd.words[at - 1].text.size() - 3);
        if (fd.empty() && at > 0 && cmd.words[at - 1].text.size() > 2 && cmd.words[at - 1].text.front() == '{' &&
            cmd.words[at - 1].text.back() == '}')
          fd = cmd.words[at - 1].text;
        if (fd.empty()) fd = "0";
        std::set<std::string> keys;
        if (w.role == ShellWord::Role::HereString) {
          const std::string key = "fdin:" + fd;
          for (auto p : w.placeholders) direct_[key].insert(p);
          for (const auto& r : w.refs) edges_[key].insert(r);
          keys.insert(key);
        } else if (w.redirect.back() == '&' || (!w.text.empty() && w.text[0] == '&')) {
          // exec 4<&3: 4 reads what 3 does (resolved below, in order).
          const auto from = descriptor_name(w.text[0] == '&' ? std::string_view(w.text).substr(1) : std::string_view(w.text));
          if (const auto it = fd_reads_.find(from); it != fd_reads_.end()) keys = it->second;
          else if (from != "0"sv && from != "-"sv) keys.insert(std::string(kEveryFile));
        } else {
          keys.insert(file_key(w.text));
        }
        for (const auto& name : {fd, "$" + descriptor_name(fd)})
          if (name != "$"sv && (name == fd || fd.front() == '{')) fd_reads_[name].insert(keys.begin(), keys.end());
      }
    }
    // <&3, 0<&3, <&"$fd": what the descriptor reads.
    for (auto& cmd : t_.commands)
      for (auto& w : cmd.words) {
        if (w.role != ShellWord::Role::Redirect || w.redirect.find('<') == std::string::npos || w.text.empty() ||
            (w.redirect.back() != '&' && w.text[0] != '&'))
          continue;
        const auto fd = descriptor_name(w.text[0] == '&' ? std::string_view(w.text).substr(1) : std::string_view(w.text));
        if (const auto it = fd_reads_.find(fd); it != fd_reads_.end()) w.refs.insert(w.refs.end(), it->second.begin(), it->second.end());
        else if (fd != "0"sv && fd != "-"sv) w.refs.emplace_back(kEveryFile);
      }
  }

  // A file the shell's own messages or its trace go to holds every
  // command's values, as free text: that is a use only where something runs
  // the file as code (bash F, source F, a name chosen at run time); a log
  // uploaded, searched or parsed is text (hunt 49).
  void shell_messages_reach_code() {
    for (const auto& key : shell_message_files_) {
      const bool run = std::any_of(uses_.begin(), uses_.end(), [&](const Use& u) {
        return u.kind == Use::Code && (u.name == key || u.name == kAnyFile || u.name == kEveryFile ||
                                       (u.name.starts_with("file:") && (may_be(key, u.name) || may_be(u.name, key))));
      });
      if (!run) continue;
      const auto from = pending_writes_.size();
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        if (t_.commands[d].kind != ShellCommand::Kind::Group) write_file(key, d, "");
      for (auto k = from; k < pending_writes_.size(); ++k) assign_from_command(pending_writes_[k].first, pending_writes_[k].second);
    }
  }
  // The action word of a `trap [-lp] [--] ACTION SIGNAL...` command, or nullptr.
  static const ShellWord* trap_action(const ShellCommand& cmd) {
    const auto* p = program_word(cmd);
    const auto* end = cmd.words.data() + cmd.words.size();
    if (!p || p->text != "trap"sv) return nullptr;
    for (const auto* w = p + 1; w < end; ++w) {
      if (w->role != ShellWord::Role::Word) continue;
      if (w->text == "--"sv || (w->text.size() > 1 && w->text[0] == '-' && w->placeholders.empty() && w->refs.empty() &&
                                w->text.find_first_not_of("lp", 1) == std::string::npos))
        continue;
      return w;
    }
    return nullptr;
  }
  // The commands of the functions a trap runs (its first operand's names).
  std::vector<std::size_t> trap_handler_commands() const {
    std::set<std::string> names;
    for (const auto& cmd : t_.commands) {
      const auto* p = program_word(cmd);
      if (!p || p->text != "trap"sv) continue;
      for (const auto& w : cmd.words) {
        if (&w <= p || w.role != ShellWord::Role::Word || w.text.starts_with("-")) continue;
        for (const auto name : name_tokens(w.text))
          if (functions_.count(std::string(name))) names.insert(std::string(name));
        break;  // (the rest are signals)
      }
    }
    std::vector<std::size_t> out;
    if (names.empty()) return out;
    for (std::size_t c = 0; c < t_.commands.size(); ++c)
      for (auto g = t_.commands[c].group; g != kNone && g < t_.commands.size(); g = t_.commands[g].group)
        if (names.count(t_.commands[g].function)) {
          out.push_back(c);
          break;
        }
    return out;
  }
  // trap 'echo "$N"' DEBUG (RETURN, ERR): under set -T or -E the handler
  // also runs inside every $(...) and function, and what it prints is
  // captured with their output (attack 163): every substitution's output
  // may hold what it prints, and no $(command -v X) is known to print X.
  void traced_trap_prints() {
    for (const auto& cmd : t_.commands) {
      const auto* action_word = trap_action(cmd);
      if (!action_word) continue;
      const auto& ws = cmd.words;
      const auto action = static_cast<std::size_t>(action_word - ws.data());
      if (action + 1 >= ws.size()) continue;
      const bool traced = std::any_of(ws.begin() + static_cast<std::ptrdiff_t>(action) + 1, ws.end(), [](const ShellWord& w) {
        std::string s = w.text;
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::toupper(ch); });
        return one_of(s, {"DEBUG", "RETURN", "ERR", "SIGDEBUG", "SIGRETURN", "SIGERR"}) || s.find('$') != std::string::npos;
      });
      if (!traced) continue;
      for (auto& n : names_in(ws[action].text)) traced_prints_.push_back(std::move(n));
      for (const auto name : name_tokens(ws[action].text))
        if (functions_.count(std::string(name))) traced_prints_.push_back("fn:" + std::string(name));
    }
  }
  void files() {
    std::vector<std::vector<const ShellWord*>> command_programs(t_.commands.size());  // timeout 60 cp: timeout, cp
    std::map<std::string, std::string> fd_files;  // exec 3>F: descriptor 3 writes F
    std::string stdout_file;                      // exec >F: the file every later command writes to
    // The commands of a word's $(...) come before the command whose word it
    // is, as bash runs them: what they print is then among the word's refs
    // when its rules are read (> "logs/$(squeue -h -o %j).log").
    std::vector<std::size_t> order;
    order.reserve(t_.commands.size());
    std::vector<std::pair<std::size_t, std::size_t>> open;  // (command, children visited): no recursion, however deep
    for (std::size_t root = 0; root < t_.commands.size(); ++root) {
      if (t_.commands[root].parent != kNone && t_.commands[root].parent < t_.commands.size()) continue;
      open.emplace_back(root, 0);
      while (!open.empty()) {
        auto& [c, visited] = open.back();
        if (visited < children_of(c).size()) {
          const auto d = children_of(c)[visited++];
          open.emplace_back(d, 0);  // (invalidates c and visited)
        } else {
          order.push_back(c);
          open.pop_back();
        }
      }
    }
    // Trap handlers (trap note USR1, trap 'log_done' EXIT, RETURN, ERR):
    // the shell runs them between any two of its commands, with the
    // standard output current then, so what they print may go into any
    // file the shell's own output is sent to (exec >F, f > F of a function,
    // { ...; } > F, ( ... ) > F; round 128).
    const auto handlers = trap_handler_commands();
    const auto handlers_write = [&](const std::string& key) {
      for (const auto h : handlers) write_file(key, h, "");
    };
    // set -x: the trace of every command, its values expanded and those of
    // [[ ]] unquoted, goes to the shell's standard error or to the
    // descriptor BASH_XTRACEFD names: any file the shell's own descriptors
    // are sent to (exec 2>F, exec 7>F; { ...; } 2>F; attack 129).
    // The shell's own standard error (exec 2>F, exec &>F, exec 2>&3) gets
    // bash's messages, which quote nothing (type "$V": "type: VALUE: not
    // found", a command not found): any command's values (attack 130), read
    // once the uses are known (shell_messages_reach_code).
    const auto every_command_writes = [&](const std::string& key) {
      if (std::find(shell_message_files_.begin(), shell_message_files_.end(), key) == shell_message_files_.end())
        shell_message_files_.push_back(key);
    };
    for (const auto c : order) {
      const auto& cmd = t_.commands[c];
      const auto* program = program_word(cmd);
      const std::string prog_name = program ? std::string(basename_of(program->text)) : std::string();
      const std::string_view prog = prog_name;  // (compared often: a view compares sizes first)
      if (!stdout_file.empty() && program && prog != "exec"sv) write_file(stdout_file, c, "");
      if (!traced_prints_.empty() && cmd.parent != kNone)  // (inside $(...), `...`, <(...), >(...))
        outputs_[c].insert(outputs_[c].end(), traced_prints_.begin(), traced_prints_.end());
      // cd src after git clone URL src (or cp -r SRC src, an archive or a
      // download there): from then on the tree is where relative names
      // resolve, python finds its modules first, make, npm, cargo, tox and
      // the like read their project files: what the tree's source chose runs.
      // (env -C DIR, srun -D DIR and gunicorn --chdir DIR run their
      // program there.)
      if (const auto dir = directory_entered(cmd, program, prog))
        for (const auto& key : trees_at(*dir))
          uses_.push_back({key, Use::Code,
                           fmt::format("{} into {} (programs run there load code from it)", prog, describe_file(key))});
      if (prog == "exec"sv && (!cmd.heredocs.empty() || std::any_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
            return (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos &&
                    (w.redirect[0] == '<' || w.redirect[0] == '0')) ||
                   w.role == ShellWord::Role::HereString;
          })))
        stdin_execs_.push_back(c);
      for (const auto& w : cmd.words) {
        if (w.role != ShellWord::Role::Redirect) continue;
        const auto& op = w.redirect;
        // < "${X}": a value naming the file bash opens could name any file
        // of the glue's account, or /dev/tcp/HOST/PORT (a file written is
        // named so below).
        if (op.find('>') == std::string::npos || w.text.empty()) {
          fills(w, render::ElementRole::Path, "a file a redirection opens");
          continue;
        }
        for (auto p : w.placeholders) t_.placeholders[p].roles.add(render::ElementRole::Path);
        // >&WORD, 1>&WORD: where WORD expands to no number and no '-', bash
        // makes the redirection &>WORD and expands the word it made again,
        // so $(...) in a value runs: a value there is parsed again.
        const bool stdout_dup = op == ">&"sv || op == "1>&"sv || ((op == ">"sv || op == "1>"sv) && w.text[0] == '&');
        if (stdout_dup && (!w.placeholders.empty() || !w.refs.empty()))
          reparse_word(w, ">&FILE (bash expands the file's name a second time; write &>FILE)");
        bool dup = op.back() == '&' || w.text[0] == '&';
        // >&FILE (no descriptor before it) is &>FILE: stdout and stderr go
        // to the file, unless the word is a descriptor's number or '-'.
        std::string name = w.text;
        bool both_streams = false;  // >&FILE
        if (dup && (op == ">&"sv || op == ">"sv)) {
          const std::string word = w.text[0] == '&' ? w.text.substr(1) : w.text;
          const bool descriptor = word == "-"sv || (!word.empty() && word.find_first_not_of("0123456789") == std::string::npos);
          // >&$fd of exec {fd}>F: the descriptor bash chose, writing to F
          // (where no assignment gives fd a text: fd=run.py makes >&$fd a
          // name; and where the template opens {fd} once: a function's
          // write goes where its call finds fd, attack 226).
          if (const auto named = fd_files.find(word); named != fd_files.end() && word[0] == '$' && prog != "exec"sv &&
                                                     !assignment_words_.count(single_variable(word)) &&
                                                     opened_once(single_variable(word))) {
            write_file(named->second, c, "");
            continue;
          }
          if (!word.empty() && !descriptor) {
            name = word;
            // $F may hold a descriptor's number: both readings.
            if (word[0] == '$') write_file(std::string(kAnyDescriptor), c, "");
            dup = false;
            both_streams = true;
          }
        }
        // > /dev/fd/3, > /proc/self/fd/3: descriptor 3, as >&3 is.
        std::string target = name;
        for (std::string_view dir : {"/dev/fd/", "/proc/self/fd/"})
          if (target.rfind(dir, 0) == 0) target = "&" + target.substr(dir.size());
        if (dup || target != name) {
          std::string fd = target[0] == '&' ? target.substr(1) : target;
          if (fd == "-"sv || fd.empty()) continue;
          const auto it = fd_files.find(fd);
          if (prog == "exec"sv) {
            // exec 4>&3: descriptor 4 writes where 3 does.
            if (it != fd_files.end()) {
              fd_files[descriptor_of(op, '>')] = it->second;
              if (descriptor_of(op, '>') == "2"sv) every_command_writes(it->second);
            }
            continue;
          }
          if ((fd == "1"sv || fd == "2"sv) && it == fd_files.end()) continue;
          write_file(it != fd_files.end() ? it->second : std::string(kAnyDescriptor), c, "");
          continue;
        }
        if (name.rfind(">(", 0) == 0 || name.rfind("<(", 0) == 0) {
          write_file(std::string(kAnyDescriptor), c, "");
          // exec > >(tee -a job.log | bash): every later command's output
          // goes to the process.
          if (prog == "exec"sv && descriptor_of(op, '>') == "1"sv) stdout_file = kAnyDescriptor;
          continue;
        }
        // > "/proc/$PID/fd/0", > /proc/$(pgrep x)/fd/1: another process's
        // descriptor (a coprocess's input).
        if (name.rfind("/proc/", 0) == 0 && name.find("/fd/") != std::string::npos) {
          write_file(std::string(kAnyDescriptor), c, "");
          continue;
        }
        if (is_device(name)) continue;
        const auto key = name.rfind("/dev/fd/", 0) == 0 ? std::string(kAnyDescriptor) : file_key_of(name);
        create_name(w);
        if (prog == "exec"sv) {
          // exec 3>F, exec 3<>F, exec {fd}>F: later writes to descriptor 3
          // (or $fd) go to F; exec >F: every later command's output does.
          const auto fd = descriptor_of(op, '>');
          fd_files[fd] = key;
          if (fd.size() > 2 && fd.front() == '{') {
            fd_files["$" + fd.substr(1, fd.size() - 2)] = key;
            fd_files["${" + fd.substr(1)] = key;
          }
          if (fd == "1"sv || op.front() == '&' || both_streams) {
            stdout_file = key;
            handlers_write(key);
          }
          if (traces_ || fd == "2"sv || op.front() == '&' || both_streams) every_command_writes(key);
          note_written(key);
          if (render::is_code_file(name))
            uses_.push_back({key, Use::Code, fmt::format("a file of code ({})", basename_of(name))});
          continue;
        }
        write_file(key, c, name);
        if (cmd.kind == ShellCommand::Kind::Group || (program && functions_.count(program->text))) {
          if (descriptor_of(op, '>') == "1"sv || op.front() == '&' || both_streams) handlers_write(key);
          if (traces_) every_command_writes(key);
        }
      }
      if (!program) continue;
      // timeout 60 cp A B, srun mv A B: the program a runner runs writes
      // the files it would write alone.
      const auto all = words_of(c);
      auto positions = program_positions(all, program);
      // Every clause of a find runs a program (the first is already there;
      // each position once: finds nest).
      for (std::size_t p = 0; p < positions.size(); ++p)
        if (basename_of(all[positions[p]]->text) == "find"sv) {
          const auto clauses = find_clauses(all, positions[p]);
          for (std::size_t q = 1; q < clauses.size(); ++q)
            for (auto j = clauses[q]; j < exec_end(all, clauses[q]); j = program_run_by(all, j))
              if (std::find(positions.begin(), positions.end(), j) == positions.end()) positions.push_back(j);
        }
      for (const auto i : positions) {
        const auto end = exec_end(all, i);
        program_files(c, {all.begin() + static_cast<std::ptrdiff_t>(i), all.begin() + static_cast<std::ptrdiff_t>(end)});
        command_programs[c].push_back(all[i]);
        // "${L[@]}" of L=(cp base.yaml "$O"), $CMD of CMD="cp a $O": the
        // words run in place write what they would written out (fr hunt 89).
        for (auto& in_place : words_in_place(*all[i])) {
          const auto joined = joined_in_place(std::move(in_place), all, i, end);
          for (const auto j : program_positions(joined, joined.front()))
            program_files(c, {joined.begin() + static_cast<std::ptrdiff_t>(j),
                              joined.begin() + static_cast<std::ptrdiff_t>(exec_end(joined, j))});
        }
      }
      // What it prints is in the words of the commands whose $(...) holds
      // it (read before them, in this order).
      if (const auto out = outputs_.find(c); out != outputs_.end() && !cmd.words.empty())
        for (auto up = cmd.parent; up != kNone; up = t_.commands[up].parent)
          for (auto& outer : t_.commands[up].words)
            if (outer.begin <= cmd.words.front().begin && cmd.words.front().begin < outer.end)
              outer.refs.insert(outer.refs.end(), out->second.begin(), out->second.end());
      for (const auto& w : cmd.words)
        if (w.text.rfind(">(", 0) == 0) {
          // >(bash), >(python3 -): a process reading its input as code.
          const auto inner = std::string_view(w.text).substr(2);
          const auto first = inner.substr(0, std::min(inner.find_first_of(" \t)"), inner.size()));
          if (is_shell(basename_of(first)) || is_interpreter(basename_of(first)) || first == "source"sv || first == "."sv)
            fd_code_ = true;
        }
    }
    if (fd_code_) uses_.push_back({std::string(kAnyDescriptor), Use::Code, "a coprocess or process substitution running a shell"});
    // Every word that may name a written file refers to it, and so does each
    // word around it ($(cat F) in an assignment); a glob, ls or find reads
    // the names the template created.
    const auto written_patterns = written_pattern_keys();
    if (depth_ == 0) read_with_written_ = *written_;
    // (A code string adds the files it wrote; the template, all of them.)
    for (const auto& key : depth_ == 0 ? std::vector<std::string>(written_->begin(), written_->end()) : wrote_)
      edges_[kEveryFile].insert(key);
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      auto& cmd = t_.commands[c];
      const ShellWord* program = program_word(cmd);
      // The programs runners run (timeout 60 cp): command names too.
      std::vector<const ShellWord*> programs;
      for (const auto* p : command_programs[c])
        if (p == program || (p->placeholders.empty() && p->text.find('$') == std::string::npos)) programs.push_back(p);
      // tar -xfstage.tar -C/data: a file named in an option's own word.
      std::vector<std::pair<const ShellWord*, std::string>> attached_names;
      for (const auto* p : programs)
        if (one_of(basename_of(p->text), {"tar", "gtar", "bsdtar"})) {
          std::vector<const ShellWord*> own;
          for (const auto& w : cmd.words)
            if (w.role == ShellWord::Role::Word) own.push_back(&w);
          const auto at = static_cast<std::size_t>(std::find(own.begin(), own.end(), p) - own.begin());
          if (at == own.size()) continue;
          const auto tar = tar_command(own, at);
          for (const auto* values : {&tar.archives, &tar.directories})
            for (const auto& v : *values)
              if (own[v.word]->text != v.text) attached_names.emplace_back(own[v.word], v.text);
        }
      const auto code_strings = shell_code_words(cmd, programs);
      for (auto& w : cmd.words) {
        implicit_assignments(w);
        substituted_input(c, w);
        if (std::any_of(w.refs.begin(), w.refs.end(), [](const std::string& r) { return is_cwd_name(r); }))
          w.refs.emplace_back(kCwd);
        // (Here-strings and descriptor copies: see input_descriptors.)
        if (w.role == ShellWord::Role::HereString) continue;
        if (w.role == ShellWord::Role::Redirect && w.redirect.find('<') == std::string::npos) continue;
        if (w.role == ShellWord::Role::Redirect && (w.redirect.back() == '&' || (!w.text.empty() && w.text[0] == '&')))
          continue;
        // (TASKS=... alone on its line stays in the shell unless exported:
        // no program is given the file by it; fr69/01.)
        const bool shell_only = !program && is_assignment_word(w.text);
        for (const auto path : startup_files(w.text)) {
          // export BASH_ENV=$PWD/job.env: every bash started later runs the file.
          const auto key = file_key(path);
          const std::string by = "a file of commands named in an assignment (" + std::string(w.text) +
                                 "): bash runs BASH_ENV and ENV, programs run the files such names give them";
          auto& into = shell_only ? startup_uses_[assigned_name(w.text)] : uses_;
          if (is_pattern_key(key)) {
            into.push_back({std::string(kEveryFile), Use::Code, by});
            continue;
          }
          into.push_back({key, Use::Code, by});
          for (const auto& pattern : written_patterns)
            if (may_be(pattern, key)) into.push_back({pattern, Use::Code, by});
        }
        // gcc @args.rsp: compilers, java and argparse programs read a
        // response file's words as more options (-wrapper runs a program);
        // curl -d @body.json sends the file.
        const auto sends_file = [&] {
          const auto at = static_cast<std::size_t>(&w - cmd.words.data());
          return program && basename_of(program->text) == "curl"sv && at > 0 &&
                 listed("-d --data --data-binary --data-ascii --data-urlencode --json -F --form", cmd.words[at - 1].text);
        };
        // find code -exec cp {} . \;: each name find puts there is a file
        // below its start points, so a copy of it holds what their trees do.
        if (w.role == ShellWord::Role::Word && w.text.find("{}") != std::string::npos)
          for (const auto* finder : programs) {
            if (basename_of(finder->text) != "find"sv) continue;
            const auto at = static_cast<std::size_t>(&w - cmd.words.data());
            auto k = at;  // (the finder's index among the command's own words, if it is one before w)
            for (std::size_t j = 0; j < at; ++j)
              if (&cmd.words[j] == finder) k = j + 1;
            // (find -L, -H, -P, -D debugopts, -O3 before the start points.)
            while (k < at && (one_of(cmd.words[k].text, {"-L", "-H", "-P"}) || cmd.words[k].text.rfind("-O", 0) == 0 ||
                              cmd.words[k].text == "-D"sv))
              k += cmd.words[k].text == "-D"sv ? 2 : 1;
            for (; k < at; ++k) {
              const auto& start = cmd.words[k].text;
              if (!start.empty() && (start[0] == '-' || one_of(start, {"!", "(", ")", ","}))) break;
              for (auto& key : trees_at(start)) w.refs.push_back(std::move(key));
            }
          }
        // (Not a case pattern's word nor an extglob, @(a|b); lint hunt 56.)
        if (w.role == ShellWord::Role::Word && &w != program && w.text.size() > 1 && w.text[0] == '@' && w.text[1] != '(' &&
            cmd.header != "pattern"sv && !sends_file()) {
          const auto rsp = file_key(std::string_view(w.text).substr(1));
          const std::string by = "a response file (" + w.text + ": its words are read as options)";
          if (written_->count(rsp)) uses_.push_back({rsp, Use::Code, by});
          for (const auto& pattern : written_patterns)
            if (may_be(pattern, rsp)) uses_.push_back({pattern, Use::Code, by});
        }
        // gcc @"${X}", --flagfile="${X}" (absl, gflags): the value names the
        // file of more options itself.
        if (w.role == ShellWord::Role::Word && &w != program && (!w.placeholders.empty() || !w.refs.empty())) {
          const auto at = static_cast<std::size_t>(&w - cmd.words.data());
          const bool after_flagfile = at > 0 && one_of(cmd.words[at - 1].text, {"--flagfile", "-flagfile"});
          if (after_flagfile || w.text.find('@') != std::string::npos || w.text.find("flagfile=") != std::string::npos)
            fills_after(w, render::ElementRole::CodePath,
                        "a file of options ('@FILE': gcc, clang, javac, nvcc and argparse programs read its words as "
                        "options; --flagfile)",
                        [&](std::string_view text) {
                          return text == "@"sv || text == "--flagfile="sv || text == "-flagfile="sv ||
                                 (after_flagfile && text.empty());
                        });
        }
        // srun -w "$head_node": a node list, read from a file only when it
        // names one with '/'; what srun prints is its command's output,
        // never the list. A file the template wrote there holds node names.
        if (const auto list = node_list_file(cmd, program, w); !list.empty()) {
          if (const auto key = file_key_of(list); !is_pattern_key(key) && written_->count(key))
            uses_.push_back({key, Use::Role, "srun -w (a file of node names)", render::ElementRole::NodeList});
          continue;
        }
        // dd if=F reads F (the word only looks like an assignment).
        const bool dd_input = w.text.rfind("if=", 0) == 0 && std::any_of(programs.begin(), programs.end(), [](const ShellWord* p) {
                                return basename_of(p->text) == "dd"sv;
                              });
        const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        const bool glob = has_unquoted_glob(raw);
        if (w.role == ShellWord::Role::Word && is_assignment_word(w.text) && !dd_input) {
          // RUNS=(*): the names a glob finds, the template's among them.
          // (Not an element's key: A=([0]="$X"), CFG=([lr]=...); fr68/01.)
          if (glob && raw.find("=(") != std::string_view::npos && has_unquoted_glob(without_element_keys(raw)))
            w.refs.emplace_back("fs:names");
          // PYTHONPATH=$PWD/models, PATH=src/bin:$PATH, CDPATH=.:repo: a
          // directory programs load code from (or cd finds) that is a tree
          // a value chose.
          const auto var = assigned_name(w.text);
          if (render::is_code_variable(var) || var == "CDPATH"sv)
            for (const auto& key : trees_listed(std::string_view(w.text).substr(w.text.find('=') + 1)))
              uses_.push_back({key, Use::Code, fmt::format("{} naming {} (programs load code from it)", var, describe_file(key))});
          continue;
        }
        std::vector<std::string> add;
        if (glob) add.emplace_back("fs:names");
        if (code_slot_word(w)) continue;
        // trap 'echo "$N" >> done.log' EXIT, bash -c '...': see shell_code_words.
        if (std::find(code_strings.begin(), code_strings.end(), &w) != code_strings.end()) continue;
        // A command name without '/' is looked up in PATH, not in the
        // directory, unless the template puts a directory of its own there.
        if (std::find(programs.begin(), programs.end(), &w) != programs.end() && w.text.find('/') == std::string::npos &&
            !glob && !path_changed_)
          continue;
        // cp "$0" "$OUT/job.sh": a copy of the batch script whole (a
        // program that reads parts of it, sed -n 's/...//p' "$0", may take a
        // value out of its quotes: any file, as before).
        if (depth_ == 0 && names_job_script(w.text)) {
          if (names_the_job_script(w.text) && program && one_of(basename_of(program->text), {"cp", "cat", "install", "rsync"}))
            continue;
          // (Any other reader may take any value out of it, a comment's and
          // a directive's written as they are: it holds them all.)
          add.push_back(all_values_key());
        }
        // /proc/$!/environ, /proc/self/cmdline, /proc/*/status: a process's
        // environment and command line hold any value the template gives
        // any command it starts (attack 152).
        if (w.text.starts_with("/proc/") && names_a_file_read(program, w, glob)) add.push_back(all_values_key());
        // ("$PARAMS" of a variable only ever given /shared/grid.tsv names grid.tsv.)
        const auto key = file_key_of(dd_input ? std::string_view(w.text).substr(3) : std::string_view(w.text));
        if (names_a_descriptor(w.text) && !names_stdin(w.text)) {
          // source /dev/fd/3 after exec 3<<<"$X" or exec 3<F: what 3 reads;
          // otherwise a descriptor may be open on any file.
          const auto fd = fd_reads_.find(w.text.substr(w.text.rfind('/') + 1));
          if (fd != fd_reads_.end()) add.insert(add.end(), fd->second.begin(), fd->second.end());
          else if (!written_->empty()) add.emplace_back(kEveryFile);
        } else if (is_pattern_key(key)) {
          // A name the template cannot read ({a,b}, *, $X) may be any file
          // it wrote, unless a value alone names it: the renderer then
          // checks that the value names none of them.
          if ((glob || !w.placeholders.empty() || expands_at_run_time(raw)) && !written_->empty() &&
              names_a_file_read(program, w, glob) && !is_awk_or_sed_program(cmd, program, w) && !is_jq_variable(cmd, program, w) &&
              !value_names_no_written_file(w, glob))
            add.emplace_back(kEveryFile);
        } else {
          for (auto& copy : in_place_copies(key)) add.push_back(std::move(copy));
          for (auto& tree : trees_holding(w.text)) add.push_back(std::move(tree));
          // tar --file=stage.tar, --config=run.yaml, tar -xfstage.tar: the
          // file after a long option's '=' or in a tar option's word is read
          // as its own word would be (attack 200).
          std::vector<std::string> names;
          if (const auto eq = w.text.find('='); w.text.starts_with("--") && eq != std::string::npos && eq + 1 < w.text.size())
            names.push_back(w.text.substr(eq + 1));
          for (const auto& [word, name] : attached_names)
            if (word == &w && !w.text.starts_with("--")) names.push_back(name);
          for (const auto& value : names) {
            for (auto& copy : in_place_copies(file_key_of(value))) add.push_back(std::move(copy));
            for (auto& tree : trees_holding(value)) add.push_back(std::move(tree));
          }
          if (names_a_file_read(program, w, glob))
            for (const auto& pattern : written_patterns)
              if (may_be(pattern, key) && may_write(pattern, basename_of(w.text))) add.push_back(pattern);
        }
        if (add.empty()) continue;
        w.refs.insert(w.refs.end(), add.begin(), add.end());
        for (auto up = cmd.parent; up != kNone; up = t_.commands[up].parent)
          for (auto& outer : t_.commands[up].words)
            if (outer.begin <= w.begin && w.begin < outer.end) outer.refs.insert(outer.refs.end(), add.begin(), add.end());
      }
    }
    words_linked_ = true;
    // A long option written in full holds the files its word was linked to
    // (tar --extract --file=A: A's tree; attack 200).
    for (std::size_t k = 0; k < cut_option_words_.size(); ++k) cut_option_words_[k].refs = cut_option_originals_[k]->refs;
    for (const auto& [name, body] : called_functions_) {
      std::vector<std::size_t> phs;
      std::vector<std::string> refs;
      collect_all(body, phs, refs);
      for (auto p : phs) direct_["fn:" + name].insert(p);
      for (const auto& r : refs) edges_["fn:" + name].insert(r);
    }
    for (const auto& [key, c] : pending_writes_) assign_from_command(key, c);
  }

  struct Use {
    enum Kind : std::uint8_t;
    Use(std::string n, Kind k, std::string b, render::ElementRole r = render::ElementRole::None, render::ValueCut c = {})
        : name(std::move(n)), kind(k), by(std::move(b)), role(r), cut(std::move(c)) {}
    std::string name;
    // SplitAnywhere: split after a program rewrote the value (mapfile < <(tr , '\n' <<< "$X")).
    // DashAnywhere: read where an argument begins after a rewrite (${X#v}).
    // SlurmOption: an element of an array of srun/salloc/sbatch options.
    // Decoded: printf's format or echo -e reads the value's backslashes and '%'.
    // Resplit: split again by the program that gets it, or run by a remote shell.
    // Role: fills a part with a rule of its own (names code, a file, a perl operand: `role`).
    // SplitLines: mapfile's elements, one per line.
    enum Kind : std::uint8_t { Code, Command, Arithmetic, Split, SplitAnywhere, OptionStart, OptionAfterUnknown,
                               DashAnywhere, Decoded, Resplit, Role, SlurmOption, SplitLines } kind;
    std::string by;
    render::ElementRole role;
    std::vector<render::PathSite> sites;  // where the variable's expansions stand in the path the word names
    render::ValueCut cut;  // how the word cuts the variable's value first (${NAME#*:}, $(basename "$NAME"))
    // The word cuts the variable where it stands ("${OUT#*/}"): any part
    // of what it holds may begin the argument, not only what begins it.
    bool start_cut_here = false;
    // A data file's rule for what reaches it only as jq's JSON (echo
    // "$CFG" > f.json), which solve() lifts while json_texts stands.
    bool json_escaped = false;
    // Resplit only where the value makes the word remote (a ':' of its
    // own): rsync "$SRC/" of SRC="${...}" (fr90/03).
    bool only_if_remote = false;
    bool operator==(const Use&) const = default;
  };

  // cp -b -S .py SRC DEST, mv/ln/install --backup, rsync -b --suffix=,
  // patch -b -z SUFFIX: DEST's old text moves to DEST+SUFFIX; sed -i.py,
  // perl -i.py, ruby -i.py: each file's text before the edit stays in
  // FILE+SUFFIX ('*' in the suffix stands for the file's name). A suffix
  // not written out (SIMPLE_BACKUP_SUFFIX, an expansion, patch -B) may make
  // any name (attack 153).
  void backup_copies(std::size_t c, std::string_view prog, const std::vector<const ShellWord*>& words) {
    const bool coreutils = one_of(prog, {"cp", "mv", "ln", "install", "rsync", "patch"});
    const bool in_place = one_of(prog, {"sed", "gsed", "perl", "ruby"});
    if (!coreutils && !in_place) return;
    bool backup = false, known = true;
    std::string suffix = prog == "patch"sv ? ".orig" : "~";
    const auto take = [&](std::string_view s) {
      backup = true;
      suffix = std::string(s);
      if (s.find_first_of("$`") != std::string_view::npos) known = false;
    };
    // Short options that take a value, which ends a cluster's letters.
    const std::string_view valued = prog == "patch"sv      ? "BDFVYdiopruz"
                                    : prog == "rsync"sv    ? "BMTef"
                                    : prog == "install"sv  ? "STgmot"
                                    : one_of(prog, {"sed", "gsed"}) ? "efl"
                                    : in_place             ? "CEFIMdex0l"
                                                           : "St";
    std::vector<const ShellWord*> files;
    bool code_given = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
      const std::string_view t = words[k]->text;
      if (t == "--"sv) {
        for (++k; k < words.size(); ++k) files.push_back(words[k]);
        break;
      }
      if (t.starts_with("--")) {
        if (t == "--backup"sv || t.starts_with("--backup=") || t.starts_with("--backup-dir")) backup = backup || coreutils;
        if (t.starts_with("--suffix=")) take(t.substr(9));
        else if (t == "--suffix"sv && k + 1 < words.size()) take(words[++k]->text);
        if (t.starts_with("--in-place=")) take(t.substr(11));
        if (prog == "patch"sv && (t.starts_with("--prefix") || t.starts_with("--basename-prefix"))) backup = true, known = false;
        if (one_of(t, {"--expression", "--file", "--target-directory"}) && k + 1 < words.size()) ++k, code_given = true;
        continue;
      }
      if (t.size() < 2 || t[0] != '-') {
        files.push_back(words[k]);
        continue;
      }
      for (std::size_t j = 1; j < t.size(); ++j) {
        const char l = t[j];
        // (rsync's -S is --sparse: its suffix is only --suffix.)
        const bool suffix_letter = (l == 'S' && coreutils && prog != "patch"sv && prog != "rsync"sv) ||
                                   (l == 'z' && prog == "patch"sv) ||
                                   (l == 'i' && in_place);
        if (suffix_letter) {
          if (j + 1 < t.size()) take(t.substr(j + 1));
          else if (!in_place && k + 1 < words.size()) take(words[++k]->text);  // (sed -i alone keeps no copy)
          break;
        }
        if (l == 'b' && coreutils) backup = true;
        if ((l == 'B' || l == 'Y') && prog == "patch"sv) backup = true, known = false;
        if (valued.find(l) != std::string_view::npos) {
          if (j + 1 == t.size() && k + 1 < words.size()) ++k;
          code_given = code_given || l == 'e' || l == 'f';
          break;
        }
      }
    }
    if (!backup) return;
    if (text_.find("SIMPLE_BACKUP_SUFFIX") != std::string::npos && coreutils) known = false;
    // Which files are backed up: a copy's destination (or, into a directory,
    // each source's name); patch's file; each file an in-place edit changes
    // (sed's or perl's first operand is its code unless -e gave it).
    std::vector<std::string> names;
    if (in_place) {
      for (std::size_t k = code_given ? 0 : 1; k < files.size(); ++k) names.push_back(files[k]->text);
    } else if (prog == "patch"sv) {
      if (!files.empty()) names.push_back(files.front()->text);
    } else if (!files.empty()) {
      const auto& dest = files.back()->text;
      const bool into_directory = files.size() > 2 || dest.ends_with('/') ||
                                  std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                                    return w->text == "-t"sv || w->text.starts_with("--target-directory");
                                  });
      if (into_directory)
        for (const auto* f : files) names.emplace_back(basename_of(f->text));
      else names.push_back(dest);
    }
    for (const auto& name : names) {
      const auto star = suffix.find('*');
      const std::string copy = star == std::string::npos
                                   ? name + suffix
                                   : suffix.substr(0, star) + std::string(basename_of(name)) + suffix.substr(star + 1);
      const std::string key = known ? file_key_of(copy) : std::string(kAnyFile);
      // (cfg.yaml.bak: the same bytes in the same format keep what the
      // file's own writes made of a value; fr hunt 59.)
      if (known && data_file_role(copy) == data_file_role(name) && data_format(copy) == data_format(name))
        same_format_backups_.emplace(key, c);
      write_file(key, c, known ? std::string_view(copy) : std::string_view(), false);
      edges_[key].insert(file_key_of(name));
    }
  }
  // cp run_meta.json logs/, mv cfg.yaml.tmp cfg.yaml: a copy of files of
  // the same format and rule, named as they are, whose own writes met the
  // rule (or encoded their values: jq -n), keeps their structure (attack
  // 148 fr-01). A copy of notes.txt into cfg.yaml does not.
  // A source named through a variable the template only ever gives one
  // literal text (RUN_DIR=runs/current; cp "$RUN_DIR/config.yaml" ...) is
  // named as written; a mktemp file (or any file) whose every write so far
  // was a serializer's JSON (jq -n > "$TMP"; mv "$TMP" run.json) holds JSON,
  // which a JSON or YAML file keeps as it is (fr hunt 58).
  bool copies_same_format(std::size_t c, std::string_view destination) {
    if (c >= t_.commands.size()) return false;
    const auto [program, all] = copying_program(c);
    if (!program || one_of(basename_of(program->text), {"tee", "sponge"})) return false;
    const auto sources = copy_sources_into(c, file_key_of(destination));
    const auto literal = [&](const std::string& r) {
      const auto texts = assigned_texts_.find(r);
      return r.find(':') == std::string::npos && texts != assigned_texts_.end() && !texts->second.empty() &&
             set_only_by_assignments(r) && std::none_of(texts->second.begin(), texts->second.end(), [](const std::string& t) {
               return t.find_first_of("$`*?[{") != std::string::npos;
             });
    };
    const auto format = data_format(destination);
    return !sources.empty() && std::all_of(sources.begin(), sources.end(), [&](const ShellWord* s) {
      if (!s->placeholders.empty()) return false;
      if (std::all_of(s->refs.begin(), s->refs.end(), literal) &&
          basename_of(s->text).find_first_of("$`*?[{") == std::string_view::npos &&
          data_file_role(s->text) == data_file_role(destination) && data_format(s->text) == format)
        return true;
      const auto writers = file_writers_.find(file_key_of(s->text));
      return (format == DataFormat::Json || format == DataFormat::Yaml) && writers != file_writers_.end() &&
             !is_pattern_key(writers->first) &&
             std::all_of(writers->second.begin(), writers->second.end(), [&](std::size_t w) {
               return w != c && w < t_.commands.size() && writes_json_only(w);
             });
    });
  }
  // cp -s, cp -l, cp --symbolic-link, cp --link, -rs, -al: links, not copies.
  static bool cp_links(const std::vector<const ShellWord*>& words, const ShellWord* program) {
    bool after = false;
    for (const auto* w : words) {
      if (w == program) {
        after = true;
        continue;
      }
      if (!after) continue;
      const std::string_view t = w->text;
      if (t == "--"sv) break;
      if (t == "--symbolic-link"sv || t == "--link"sv) return true;
      if (t.size() > 1 && t[0] == '-' && t[1] != '-') {
        // (-S SUFFIX and -t DIR take what follows them: nothing after is a flag.)
        for (std::size_t k = 1; k < t.size() && t[k] != 'S' && t[k] != 't'; ++k)
          if (t[k] == 's' || t[k] == 'l') return true;
      }
    }
    return false;
  }
  // A rule of what one write carries into a file; kept also for the file
  // itself, should anything reach it otherwise (see file_rules_for_the_rest).
  void carried_use(const std::string& key, const std::string& carried, Use use) {
    if (carried != key) carried_uses_[key].push_back(use);
    uses_.push_back(std::move(use));
  }
  // What reaches a file other than through the writes whose rules hold
  // what they carry (exec {fd}>>F, ln F G then a write to G, a program
  // that writes it by name): the rules of the file's name hold it, as
  // they do where no write carries (attack 148).
  void file_rules_for_the_rest() {
    unresolved_names_may_be_data_files();
    for (const auto& [key, uses] : carried_uses_) {
      const auto direct = direct_.find(key);
      bool other = direct != direct_.end() && !direct->second.empty();
      if (const auto edges = edges_.find(key); edges != edges_.end())
        for (const auto& from : edges->second) other = other || from.rfind("written:", 0) != 0;
      if (!other) continue;
      for (auto use : uses) {
        use.name = key;
        uses_.push_back(std::move(use));
      }
    }
  }

  // DataField for the value of placeholder k in a data file, or the rule of
  // where a line of the file puts it (data_lines).
  render::ElementRole data_line_role_of(const Use& use, std::size_t k) const {
    if (use.role != render::ElementRole::DataField) return use.role;
    const auto it = data_line_roles_.find({use.name, k});
    return it == data_line_roles_.end() ? use.role : it->second;
  }

  // ---- marks -------------------------------------------------------------

  // More characters a split_later value is split at (each added once).
  static void split_at(render::ShellContext& c, std::string_view chars) {
    for (char ch : chars)
      if (c.split_chars.find(ch) == std::string::npos) c.split_chars += ch;
  }

  static std::string why_code_variable(std::string_view name) {
    if (render::is_slurm_input_variable(name)) return std::string(name) + " (a variable srun and sbatch read as options)";
    if (render::names_credential_server(name)) return std::string(name) + " (the server a client sends the job's credentials to and loads from)";
    return std::string(name) + " (a variable programs run or load as code)";
  }
  void reparse_placeholder(std::size_t k, const std::string& by) {
    auto& ph = t_.placeholders[k];
    ph.context.reparsed = true;
    // (sed's program: every reading names the program first.)
    if ((by.rfind("sed", 0) == 0 || by.rfind("gsed", 0) == 0) && !sed_replacements_.count(k)) ph.context.sed_script = true;
    if (ph.reparsed_by.empty()) ph.reparsed_by = by;
  }
  // NAME=word for a variable programs run or load code from: no value but
  // an id (not even a number: BASH_ENV=1 sources ./1).
  void code_variable_word(const ShellWord& w, std::string_view name) {
    reparse_word(w, why_code_variable(name));
    fills(w, render::ElementRole::CodeVariable, std::string(name));
  }
  // Placeholders in the replacement of an s command of a sed script word
  // (sed -i "s/^lr:.*/lr: ${V|number}/"): sed copies a number there, so
  // an exponent's letter is no command (attack 188's false refusal).
  void sed_replacement_placeholders(const ShellWord& w) {
    std::string before;
    for (const auto k : w.placeholders) {
      const auto at = t_.placeholders[k].begin;
      if (at >= w.begin && at <= w.end &&
          unquote_plain_word(std::string_view(text_).substr(w.begin, at - w.begin), before) &&
          ends_in_sed_replacement(before))
        sed_replacements_.insert(k);
    }
  }
  void reparse_word(const ShellWord& w, const std::string& by) {
    for (auto k : w.placeholders) reparse_placeholder(k, by);
    for (const auto& r : w.refs) uses_.push_back({r, Use::Code, by});
  }
  // Code in another language than the shell's (which nested_code reads)
  // naming a file the template wrote may run it: perl -e 'system("bash
  // cleanup.txt")', awk 'BEGIN{system("sh f")}', python3 -c "...exec(open('f')...".
  // Code of another language that runs commands or code and reads the
  // environment (os.environ, ENVIRON, $ENV, process.env, getenv): any
  // variable the template exports may reach a shell or an eval there.
  // A variable or pseudo-variable as a message names it: $NAME, or what
  // env:*, a file key or the working directory stands for.
  static std::string shown_variable(std::string_view name) {
    if (name == kEveryFile) return "what a file the template wrote holds";
    if (name.rfind("file:", 0) == 0) return is_pattern_key(name) ? describe_file(name) : "the file " + describe_file(name);
    if (name.rfind("fd:", 0) == 0) return "a descriptor the template writes to";
    if (name == kCwd) return "the working directory";
    if (name == kJobRecord) return "Slurm's record of the job (squeue, scontrol, sacct print the #SBATCH values)";
    if (name.rfind("arithmetic-output:", 0) == 0) return "what a command substitution prints into arithmetic";
    return name.rfind("env:", 0) == 0 ? "any variable in the environment" : "$" + std::string(name);
  }
  // Code of another language that runs make (subprocess.run(["make",
  // ...]), system("make train")): make reads every environment variable as
  // a make variable and expands it.
  void runs_make(std::string_view code, const std::string& by) {
    if (runs_commands(code) && names_make(code)) make_reads_environment(by, "its code runs make");
  }
  // The environment of command c (the current one by default): every
  // variable's, and the NAME=value words before it (which are the
  // environment of that command only).
  std::string environment_key(std::size_t c = kNone) {
    if (c == kNone) c = current_;
    const auto names = prefixed_names_.find(c);
    if (names == prefixed_names_.end()) return kEnvironment;
    const auto key = fmt::format("{}@{}", kEnvironment, c);
    edges_[key].insert(names->second.begin(), names->second.end());
    edges_[key].insert(kEnvironment);
    return key;
  }
  // Whether command c starts no other program, which would inherit its
  // environment: a program that only shows data, or an interpreter whose
  // inline code (-c, -e, a here-document) runs no command or code.
  bool starts_no_program(std::size_t c) const {
    const auto* program = program_word(t_.commands[c]);
    if (!program) return false;
    const auto name = basename_of(program->text);
    if (shows_data_only(name)) return true;
    if (!is_interpreter(name)) return false;
    const auto& words = t_.commands[c].words;
    bool code = false;
    for (std::size_t k = static_cast<std::size_t>(program - words.data()) + 1; k < words.size(); ++k) {
      const auto& w = words[k].text;
      if (w.size() == 2 && w[0] == '-' && (w[1] == 'c' || w[1] == 'e') && k + 1 < words.size()) {
        if (runs_code(words[k + 1].text)) return false;
        code = true;
        break;
      }
      if (w == "-"sv) break;
      if (w.empty() || w[0] != '-') return false;  // a script: not read here
    }
    for (const auto h : t_.commands[c].heredocs) {
      if (runs_code(std::string_view(text_).substr(t_.heredocs[h].body_begin, t_.heredocs[h].body_end - t_.heredocs[h].body_begin)))
        return false;
      code = true;
    }
    return code;
  }
  // Names only ever set by NAME=value before a command that is no
  // function, builtin or other shell's (the variable is gone after it),
  // and named elsewhere only as $NAME or inside that command: no other
  // command has them in its environment.
  bool set_for_one_command_only(const std::string& name) {
    const auto it = prefixes_.find(name);
    if (it == prefixes_.end()) return false;
    // (Each name of the text looked up once, for all such names: one pass.)
    if (!mentions_read_) {
      mentions_read_ = true;
      for (const auto token : name_tokens(text_))
        if (const auto n = prefixes_.find(std::string(token)); n != prefixes_.end())
          mentions_[n->first].push_back(static_cast<std::size_t>(token.data() - text_.data()));
    }
    for (const auto& p : it->second)
      if (runs_nested_code_.count(p.command) || !starts_no_program(p.command) || functions_.count(p.program) ||
          is_bash_builtin(p.program) || is_shell(basename_of(p.program)) ||
          aliases_.count(p.program) || p.program.find_first_of("$`") != std::string::npos)
        return false;
    // The spans of the commands it is set before (their words and
    // here-documents), sorted, and where it is set: each mention is looked
    // up, not compared with each of thousands.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::set<std::size_t> sets;
    for (const auto& p : it->second) {
      const auto& cmd = t_.commands[p.command];
      if (!cmd.words.empty()) spans.emplace_back(cmd.words.front().begin, cmd.words.back().end);
      for (const auto h : cmd.heredocs) spans.emplace_back(t_.heredocs[h].body_begin, t_.heredocs[h].body_end);
      sets.insert(p.at);
    }
    std::sort(spans.begin(), spans.end());
    const auto inside = [&](std::size_t at) {
      // (Spans of separate commands do not overlap: the last that begins
      // at or before `at` is the one that may hold it.)
      auto next = std::upper_bound(spans.begin(), spans.end(), std::make_pair(at, SIZE_MAX));
      return next != spans.begin() && at < std::prev(next)->second;
    };
    for (const auto at : mentions_[name]) {
      // (${NAME:=x} and ${NAME=x} assign.)
      const auto after = std::string_view(text_).substr(at + name.size(), 2);
      if (at > 1 && text_.compare(at - 2, 2, "${") == 0 && (after.starts_with("=") || after == ":="sv)) return false;
      const bool expanded = (at > 0 && text_[at - 1] == '$') || (at > 1 && text_.compare(at - 2, 2, "${") == 0);
      const bool prefix = sets.count(at) > 0;
      if (!expanded && !prefix && !inside(at)) return false;
    }
    return true;
  }
  // `by` started make, the way `via` says ("" when `by` is make). Any
  // variable may be in its environment: one the job inherited stays
  // exported when the template sets it (CUDA_VISIBLE_DEVICES, OLDPWD).
  // What make expands is checked as a plain word where the value is known.
  void make_reads_environment(const std::string& by, std::string_view via = {}) {
    uses_.push_back({environment_key(), Use::Role,
                     fmt::format("{} ({}{}which reads every environment variable as a make variable and expands it)", by,
                                 via, via.empty() ? "" : ", "),
                     render::ElementRole::MakeVariable});
  }
  void environment_reaches_code(std::string_view code, const std::string& by) {
    environment_reaches_code(code, split_fixed_commands(code), by);
  }
  void environment_reaches_code(std::string_view code, const FixedCommands& split, const std::string& by) {
    runs_make(code, by);
    // (Every spelling of reading it: python's expandvars, Tcl's $env(NAME),
    // node's { env } = process and process["env"], ruby's ENV.fetch. Code
    // that runs only fixed commands, subprocess.run(["nvidia-smi", "-L"]),
    // runs none of what it reads.)
    if (!runs_code(split.rest) || !one_of_found(code, {"environ", "ENVIRON", "$ENV", "%ENV", "process.env", "getenv", "ENV[",
                                                 "Sys.getenv", "os.Getenv", "std::env", "expandvars", "$env(", "::env(", "array get env",
                                                 "env }", "env}", "process[", "ENV.", "Getenv", "getEnv", "GetEnv"}))
      return;
    // Code that reads only variables it names (os.environ.get("WEBHOOK"),
    // os.environ["RUN"], getenv("X"), ENVIRON["X"], process.env.X): only
    // those reach what it runs.
    if (const auto names = environment_names_read(code)) {
      for (const auto& n : *names)
        uses_.push_back({n, Use::Code, by + " (its code reads $" + n + " and runs commands)"});
      return;
    }
    // (Any variable: one the job inherited stays exported when set.)
    uses_.push_back({environment_key(), Use::Code, by + " (its code reads the environment and runs commands)"});
  }
  // Code that runs commands and reads its command-line arguments
  // (sys.argv, @ARGV, shift, process.argv, commandArgs, ARGS, arg[...]):
  // the words after `code` may become commands it runs.
  void arguments_reach_code(std::string_view code, const std::vector<const ShellWord*>& words, std::size_t code_at,
                            const std::string& by) {
    // (An argument parser, read with only the surest signs of running a
    // command: a training script's model.eval() is no shell.)
    const auto rest = split_fixed_commands(code).rest;
    const bool reads_arguments = runs_code(rest) && one_of_found(code, {"argv", "ARGV", "shift", "commandArgs", "ARGS", "arg[",
                                                                        "os.Args", "env::args", "$*", "$@"});
    const bool parses_arguments =
        one_of_found(code, {"parse_args", "parse_known_args", "optparse", "getopt", "click", "typer", "fire.Fire",
                            "docopt", "jsonargparse", "HfArgumentParser", "process.argv", "Getopt", "OptionParser"}) &&
        one_of_found(rest, {"subprocess", "os.system", "popen", "spawn", "os.exec", "shell=True", "Cmd(", "system("});
    if (!reads_arguments && !parses_arguments) return;
    for (std::size_t k = code_at + 1; k < words.size(); ++k)
      reparse_word(*words[k], by + " (its code runs commands and reads its arguments)");
  }
  void foreign_code_word(const ShellWord& w, const std::string& by) {
    reparse_word(w, by);
    const auto split = split_fixed_commands(w.text);
    environment_reaches_code(w.text, split, by);
    files_reach_code(w.text, split, by);
    imports_reach_trees(w.text, by);
  }
  // Whether the name at code[at] stands where a call opens, copies or
  // moves a file: open("x.py", ...), Path("x.py"), shutil.copy(a, "x.py"),
  // Perl's ">x.py", open(F, ">", "x.py"), sysopen(F, "x.py", ...).
  static bool named_as_a_file(std::string_view code, std::size_t at) {
    auto k = at;
    while (k > 0 && std::string_view("\"' \t>+<").find(code[k - 1]) != std::string_view::npos) {
      if (code[k - 1] == '>' || code[k - 1] == '<') return true;  // ">x.py", "+<x.py"
      --k;
    }
    if (k == 0) return false;
    if (code[k - 1] == '(') {
      auto b = k - 1;
      while (b > 0 && (is_name_char(code[b - 1]))) --b;
      return listed("open Path PurePath File FileIO fdopen copy copyfile copy2 copytree move rename replace symlink link "
                    "sysopen new NamedTemporaryFile writefile",
                    code.substr(b, k - 1 - b));
    }
    if (code[k - 1] != ',') return false;
    // The argument before: a Perl write mode, or sysopen's handle.
    const auto statement = code.substr(0, k - 1);
    const auto start = statement.find_last_of(";\n");
    const auto head = statement.substr(start == std::string_view::npos ? 0 : start + 1);
    return one_of_found(head, {"sysopen", "'>'", "\">\"", "'>>'", "\">>\"", "'+<'", "\"+<\"", "'+>'", "\"+>\"", "copy(",
                               "copyfile(", "copy2(", "move(", "rename(", "replace(", "symlink(", "link("});
  }
  // The top-level modules Python code imports: import a, b.c as d; from
  // e.f import g; import_module("h"), __import__('i').
  static std::vector<std::string> modules_imported(std::string_view code) {
    std::vector<std::string> out;
    const auto take = [&](std::string_view name) {
      while (!name.empty() && (name.front() == ' ' || name.front() == '\t' || name.front() == '(')) name.remove_prefix(1);
      std::size_t k = 0;
      while (k < name.size() && is_name_char(name[k])) ++k;
      if (k > 0 && is_name_start(name[0])) out.emplace_back(name.substr(0, k));
    };
    for (std::size_t at = 0; at < code.size();) {
      auto end = std::min(code.find_first_of("\n;", at), code.size());
      auto statement = code.substr(at, end - at);
      at = end + 1;
      while (!statement.empty() && (statement.front() == ' ' || statement.front() == '\t')) statement.remove_prefix(1);
      if (statement.starts_with("import ")) {
        for (std::size_t k = 7; k < statement.size();) {
          const auto comma = std::min(statement.find(',', k), statement.size());
          take(statement.substr(k, comma - k));
          k = comma + 1;
        }
      } else if (statement.starts_with("from ")) {
        take(statement.substr(5));
      }
      for (std::string_view call : {"import_module(", "__import__("})
        for (auto c = statement.find(call); c != std::string_view::npos; c = statement.find(call, c + 1)) {
          auto rest = statement.substr(c + call.size());
          if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) take(rest.substr(1));
        }
    }
    return out;
  }
  // import src, from src.models import X, import_module("src.x"): Python
  // looks first in the working directory (-c, stdin) or the script's own,
  // so a tree a value chose under the name imported is the imported code.
  void imports_reach_trees(std::string_view code, const std::string& by) {
    // A module file written under a name chosen at run time (echo "$V" >
    // "$F"; python3 -c 'import settings') may be the module imported
    // (attack 154). (Not the standard library's: the name is the
    // template's, and a template naming its file json.py is not
    // assumed; nor what this code itself writes, after its imports.)
    const auto written_elsewhere = [&](const std::string& pattern) {
      const auto writers = file_writers_.find(pattern);
      if (writers == file_writers_.end()) return true;
      return std::any_of(writers->second.begin(), writers->second.end(), [&](std::size_t c) {
        const auto& cmd = t_.commands[c];
        const bool this_code = std::any_of(cmd.words.begin(), cmd.words.end(), [&](const ShellWord& w) { return w.text == code; }) ||
                               std::any_of(cmd.heredocs.begin(), cmd.heredocs.end(), [&](std::size_t h) {
                                 return std::string_view(text_).substr(t_.heredocs[h].body_begin,
                                                                       t_.heredocs[h].body_end - t_.heredocs[h].body_begin) == code;
                               });
        return !this_code;
      });
    };
    if (const auto patterns = written_pattern_keys(); !patterns.empty())
      for (const auto& module : modules_imported(code))
        for (const auto& pattern : patterns)
          if (!listed("os sys json re io time math random string subprocess shutil pathlib glob argparse logging "
                      "datetime collections itertools functools typing csv tempfile hashlib base64 socket signal "
                      "struct copy pickle uuid platform getpass textwrap traceback urllib http importlib runpy site "
                      "fcntl errno stat mmap select threading multiprocessing queue contextlib dataclasses enum "
                      "inspect warnings zipfile tarfile gzip sqlite3 statistics decimal fractions operator pprint "
                      "shlex configparser tomllib secrets hmac binascii codecs locale gc atexit",
                      module) &&
              ((may_be(pattern, "file:" + module + ".py") && may_write(pattern, module + ".py")) ||
               (may_be(pattern, "file:" + module) && may_write(pattern, module))) &&
              written_elsewhere(pattern))
            uses_.push_back({pattern, Use::Code, fmt::format("{} (importing {}, which may be that file)", by, module)});
    for (const auto& [key, names] : *tree_dirs_) {
      if (is_pattern_key(key)) continue;
      const std::string_view name = std::string_view(key).substr(5);
      for (auto at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
        const auto end = at + name.size();
        if ((at > 0 && (is_name_char(code[at - 1]) || code[at - 1] == '.')) || (end < code.size() && is_name_char(code[end])))
          continue;
        // The statement up to the name: "import a, ", "from ", "if x: import ",
        // "x = importlib.import_module(f'". (Looked for back to the line's
        // start only, and at most 200 characters.)
        const auto floor = at > 200 ? at - 200 : 0;
        auto start = at;
        while (start > floor && std::string_view("\n;:").find(code[start - 1]) == std::string_view::npos) --start;
        auto head = code.substr(start, at - start);
        while (!head.empty() && (head.front() == ' ' || head.front() == '\t')) head.remove_prefix(1);
        const auto blanks_after = [&](std::string_view word) {
          return head.starts_with(word) && head.size() > word.size() &&
                 head.find_first_not_of(" \t", word.size()) == std::string_view::npos;
        };
        const auto imports = head.starts_with("import") && head.size() > 6 && (head[6] == ' ' || head[6] == '\t') &&
                             head.find_first_of("()\"'") == std::string_view::npos;
        auto call = head;
        if (call.ends_with("\"") || call.ends_with("'")) call.remove_suffix(1);
        if (call.ends_with("f") || call.ends_with("r")) call.remove_suffix(1);
        if (imports || blanks_after("from") || (call.size() < head.size() && (call.ends_with("import_module(") ||
                                                                             call.ends_with("__import__(")))) {
          uses_.push_back({key, Use::Code, fmt::format("{} (importing {})", by, describe_file(key))});
          break;
        }
      }
    }
  }
  // Code of another language that runs something and names a file the
  // template wrote may run what the file holds (reading a file as data,
  // json.load(open('cfg.json')), with nothing that runs, is no use of it).
  void files_reach_code(std::string_view code, const FixedCommands& split, const std::string& by) {
    // site.addsitedir("code"), torch.hub.load("code", ..., source="local"),
    // devtools::load_all("code"), sys.path.insert(0, "code"): code that
    // loads code from a tree a value chose, named as a string.
    // (A file or tree named in a fixed command, subprocess.run(["./prep.sh"]),
    // runs; one named elsewhere in code that runs only fixed commands is data.)
    const auto& [rest, fixed] = split;
    const bool runs = runs_code(rest);
    const bool loads = runs || one_of_found(code, {"addsitedir", "hub.load", "load_all", "sys.path", "use lib", "LOAD_PATH",
                                                   "module.paths", "NODE_PATH"});
    const std::string_view running = runs ? code : std::string_view(fixed);
    const std::string_view loading = loads ? code : std::string_view(fixed);
    for (const auto& [key, names] : loading.empty() ? kNoTrees : *tree_dirs_) {
      if (is_pattern_key(key)) continue;
      // ("code", 'code/x', "./code": the name in a string.)
      const auto name = std::string_view(key).substr(5);
      for (auto at = loading.find(name); at != std::string_view::npos; at = loading.find(name, at + 1)) {
        auto open = at;
        if (open >= 2 && loading.substr(open - 2, 2) == "./"sv) open -= 2;
        const char quote = open > 0 ? loading[open - 1] : 0;
        const char next = at + name.size() < loading.size() ? loading[at + name.size()] : 0;
        if ((quote == '"' || quote == '\'') && (next == quote || next == '/' || open != at)) {
          uses_.push_back({key, Use::Code, fmt::format("{} (naming {})", by, describe_file(key))});
          break;
        }
      }
    }
    if (running.empty()) return;
    // A loader of a directory's files (jinja2's FileSystemLoader, glob,
    // os.listdir) in code that runs code may run any file the template wrote.
    if (runs && one_of_found(code, {"FileSystemLoader", "list_templates", "TemplateLookup", "listdir", "glob", "os.walk",
                                    "scandir", "iterdir", "readdir", "opendir", "Dir[", "Dir."}))
      uses_.push_back({std::string(kEveryFile), Use::Code, by + " (reading the files of a directory)"});
    for (const auto& key : *written_) {
      if (is_pattern_key(key)) continue;
      const auto name = basename_of(std::string_view(key).substr(5));
      if (name.size() > 1 && running.find(name) != std::string_view::npos)
        uses_.push_back({key, Use::Code, fmt::format("{} (naming {})", by, describe_file(key))});
    }
  }
  void reparse_heredoc(std::size_t h, const std::string& by) {
    const auto& doc = t_.heredocs[h];
    if (doc.body_end > doc.body_begin && !is_shell(by.substr(0, by.find(' ')))) {
      const auto code = std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin);
      const auto split = split_fixed_commands(code);
      environment_reaches_code(code, split, by);
      files_reach_code(code, split, by);  // python3 - <<'PY' ... os.system(open("args.txt").read()) ... PY
      imports_reach_trees(code, by);
    }
    for (auto k : t_.heredocs[h].placeholders) reparse_placeholder(k, by);
    for (const auto& r : t_.heredocs[h].refs) uses_.push_back({r, Use::Code, by});
  }
  void command_word(const ShellWord& w) {
    for (auto k : w.placeholders) t_.placeholders[k].command_word = true;
    for (const auto& r : w.refs)
      if (r.rfind("file:", 0) == 0) uses_.push_back({r, Use::Code, fmt::format("running {} as a program", describe_file(r))});
      else command_use(w, r, "the command");
  }
  // The variable `r` expanded in `w` where the command is read, with how the
  // word cuts it (${OPTS[@]#--x=} may make a whole element of a value).
  void command_use(const ShellWord& w, const std::string& r, const std::string& by) {
    const auto cuts = cut_in(w);
    const auto it = cuts.find(r);
    uses_.push_back({r, Use::Command, by, render::ElementRole::None, it != cuts.end() ? it->second : render::ValueCut{}});
  }
  void command_uses(const ShellWord& w, const std::string& by) {
    for (const auto& r : w.refs) command_use(w, r, by);
  }
  // A word that chooses the program that runs (python -m MODULE, the
  // application gunicorn imports, the builtin enable turns on or off).
  void chooses_program(const ShellWord& w, const std::string& by) {
    for (auto p : w.placeholders) t_.placeholders[p].command_word = true;
    command_uses(w, by);
  }
  // $@ and $1...$9 take what these placeholders and variables hold.
  void feed_parameters(const std::vector<std::size_t>& phs, const std::vector<std::string>& refs) {
    for (std::string p : {"@", "1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
      direct_[p].insert(phs.begin(), phs.end());
      edges_[p].insert(refs.begin(), refs.end());
    }
  }
  // $(( ${EP##*:} + 1 )), declare -i N=${EP##*:}+1: what the expansion
  // starting `from` cuts out of the value is what bash evaluates.
  static render::ValueCut arithmetic_cut(std::string_view from) {
    if (from.rfind("${", 0) != 0) return {};
    const auto close = from.find('}');
    if (close == std::string_view::npos) return {};
    const auto span = from.substr(0, close + 1);
    if (span.find('$', 1) != std::string_view::npos || span.find('{', 2) != std::string_view::npos) return {};
    return cut_of(span);
  }
  void arithmetic_word(const ShellWord& w) {
    for (auto k : w.placeholders) t_.placeholders[k].context.quoting = render::Quoting::Arithmetic;
    // Each expansion of a variable at the word's top level with its own cut;
    // every other expansion of a name ($X inside $(...)) whole.
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    auto uncut = names_in(raw);
    for (const auto& r : w.refs)
      if (std::find(uncut.begin(), uncut.end(), r) == uncut.end()) uncut.push_back(r);
    const auto accounted = [&](const std::string& name) {
      const auto it = std::find(uncut.begin(), uncut.end(), name);
      if (it != uncut.end()) uncut.erase(it);
    };
    for (const auto& x : expansions(raw)) {
      if (x.name.empty()) continue;
      accounted(x.name);
      if (text_.compare(w.begin + x.begin, 3, "${#") == 0) continue;  // a length: a number whatever the value
      uses_.push_back({x.name, Use::Arithmetic, "arithmetic", render::ElementRole::None,
                       arithmetic_cut(std::string_view(text_).substr(w.begin + x.begin, x.end - x.begin))});
    }
    for (const auto& r : uncut) uses_.push_back({r, Use::Arithmetic, "arithmetic"});
    // Bare names in the expression are variables whose values bash evaluates too.
    for (const auto n : evaluated_names(w.text)) uses_.push_back({std::string(n), Use::Arithmetic, "arithmetic"});
  }
  // coproc echo "$X"; bash <&"${COPROC[0]}": a shell or interpreter reading
  // from a coprocess's descriptor runs what the coprocess prints (review 39).
  void coprocess_output_read_as_code() {
    std::vector<std::size_t> coprocs;
    for (std::size_t c = 0; c < t_.commands.size(); ++c)
      if (const auto* p = program_word(t_.commands[c]); p && p->text == "coproc"sv) coprocs.push_back(c);
    if (coprocs.empty()) return;
    for (const auto& cmd : t_.commands) {
      const auto* p = program_word(cmd);
      if (!p || !(is_shell(basename_of(p->text)) || is_interpreter(basename_of(p->text)) || p->text == "source"sv ||
                  p->text == "."sv || p->text == "eval"sv))
        continue;
      const bool reads_coprocess = std::any_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
        return (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos &&
                w.text.find('$') != std::string::npos) ||
               w.text.find("COPROC") != std::string::npos || w.text.rfind("/dev/fd/$", 0) == 0;
      });
      if (!reads_coprocess) continue;
      const std::string by = "a coprocess whose output " + std::string(basename_of(p->text)) + " reads as code";
      for (const auto c : coprocs) {
        reparse_all(c, by);
        // (coproc NAME { ...; }: the body is the group after it.)
        if (c + 1 < t_.commands.size() && t_.commands[c + 1].kind == ShellCommand::Kind::Group) reparse_all(c + 1, by);
      }
      return;
    }
  }
  // Everything a command carries: its words, its here-documents and, for a
  // group, every command in it.
  void reparse_all(std::size_t c, const std::string& by) {
    const auto& cmd = t_.commands[c];
    if (const auto out = outputs_.find(c); out != outputs_.end())
      for (const auto& r : out->second) uses_.push_back({r, Use::Code, by});
    for (const auto& w : cmd.words) reparse_word(w, by);
    // eval 'echo "$X"' | bash, eval 'emit "$X"' | bash: what the string
    // runs prints the variables it names (in quotes too) and the functions
    // it calls print their text (review 39).
    if (const auto* p = program_word(cmd); p && p->text == "eval"sv && reparsing_functions_.size() < 64)
      for (const auto& w : cmd.words) {
        if (&w <= p) continue;
        for (const auto& name : names_in(w.text)) uses_.push_back({name, Use::Code, by});
        for (const auto token : name_tokens(w.text)) {
          const std::string name(token);
          if (const auto f = functions_.find(name); f != functions_.end() && f->second != kNone &&
                                                    reparsing_functions_.insert(name).second)
            reparse_all(f->second, by);
        }
      }
    for (auto h : cmd.heredocs) reparse_heredoc(h, by);
    if (cmd.kind != ShellCommand::Kind::Group) return;
    for (const auto m : members_of(c)) reparse_all(m, by);
  }
  // The commands inside group g, nested groups' too, in order (an index
  // built once: a scan of every command for every group was quadratic).
  const std::vector<std::size_t>& members_of(std::size_t g) const {
    if (members_.empty() && !t_.commands.empty()) {
      members_.resize(t_.commands.size());
      for (std::size_t m = 0; m < t_.commands.size(); ++m)
        for (auto h = t_.commands[m].group; h != kNone; h = t_.commands[h].group) members_[h].push_back(m);
    }
    return g < members_.size() ? members_[g] : kNoMembers;
  }
  static inline const std::vector<std::size_t> kNoMembers;
  bool member_of(std::size_t m, std::size_t group) const {
    for (auto g = t_.commands[m].group; g != kNone; g = t_.commands[g].group)
      if (g == group) return true;
    return false;
  }
  // jq -n --arg NAME "$V" '{...}' (-cn, --null-input): a serializer's JSON,
  // each value encoded (not with -r or -j, which write strings raw); or
  // tee or cat copying only what such commands print (jq ... | tee F).
  bool writes_json_only(std::size_t c) {
    const auto* program = program_word(t_.commands[c]);
    if (!program) return false;
    const auto name = basename_of(program->text);
    if (one_of(name, {"tee", "cat"})) {
      const auto& up = upstream_of(c);
      if (up.empty()) return false;
      for (const auto& w : t_.commands[c].words)
        if (&w != program && w.role == ShellWord::Role::Word && name == "cat"sv) return false;  // cat FILE
      return std::all_of(up.begin(), up.end(), [&](std::size_t u) {
        return t_.commands[u].kind == ShellCommand::Kind::Simple && writes_json_only(u);
      });
    }
    if (one_of(name, {"yq"})) return yq_sets_strings_in_place(c) || yq_reencodes_files(c);
    if (!one_of(name, {"jq", "gojq", "jaq"})) return false;
    bool null_input = false, filter_seen = false;
    const auto& words = t_.commands[c].words;
    const auto typed_number = [&](std::size_t p) {
      const auto& f = t_.placeholders[p].filters;
      return std::any_of(f.begin(), f.end(), [](const FilterNode& n) { return n.name == "number"sv; });
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string_view t = words[k].text;
      // --argjson NAME JSON with the JSON the template's own text (or a
      // |number): its structure is the template's (fr hunts 54, 55).
      if (t == "--argjson"sv && k + 2 < words.size() && words[k + 2].refs.empty() &&
          std::all_of(words[k + 2].placeholders.begin(), words[k + 2].placeholders.end(), typed_number) &&
          (words[k + 2].placeholders.empty() ? words[k + 2].text.find_first_of("$`") == std::string::npos
                                              : words[k + 2].text.find('`') == std::string::npos)) {
        k += 2;
        continue;
      }
      // The program: read by a whitelist (fromjson, input, a value as a key or
      // a path, which config loaders may read as code; attacks 144-146).
      if (!filter_seen && &words[k] != program && &words[k] > program && words[k].role == ShellWord::Role::Word &&
          (t.empty() || t[0] != '-')) {
        filter_seen = true;
        if (!words[k].placeholders.empty() || !words[k].refs.empty() || !jq_keeps_values_strings(t)) return false;
        continue;
      }
      if (one_of(t, {"--arg", "--rawfile"}) && k + 2 < words.size()) {
        k += 2;
        continue;
      }
      // (--argjson, --jsonargs and --slurpfile parse what they are given as JSON: its structure is the value's.)
      if (one_of(t, {"--raw-output", "--raw-output0", "--join-output", "--argjson", "--jsonargs", "--slurpfile", "--seq"}))
        return false;
      if (t == "--null-input"sv) null_input = true;
      if (one_of(t, {"--args", "-f", "--from-file", "--stream", "--stream-errors"})) return false;
      // -n, -cn, -nS: short switches that take no argument.
      if (t.size() > 1 && t[0] == '-' && t[1] != '-' && t.find_first_not_of("nacCMSseRh", 1) == std::string_view::npos)
        null_input = null_input || t.find('n') != std::string_view::npos;
      else if (t.size() > 1 && t[0] == '-' && t[1] != '-' && t.find_first_of("rj") != std::string_view::npos &&
               t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) == std::string_view::npos)
        return false;  // -r, -rn, -j
    }
    // (jq -R: whatever its input holds becomes strings it encodes; fr hunt 69.)
    std::vector<const ShellWord*> all;
    for (const auto& w : words) all.push_back(&w);
    const auto at = static_cast<std::size_t>(std::find(all.begin(), all.end(), program) - all.begin());
    return null_input || (at < all.size() && jq_reads_raw_text(all, at, name)) || jq_reads_json_files_only(c);
  }
  // jq --arg n "$N" '.run_name = $n' ds_config.json > ds_run.json: with
  // its input only JSON files the template names (whose values met the
  // data rule where the template wrote them; jq reads no standard input
  // then), what jq prints is JSON it encoded: a value stays one string.
  bool jq_reads_json_files_only(std::size_t c) const {
    const auto& words = t_.commands[c].words;
    const auto* program = program_word(t_.commands[c]);
    bool filter_seen = false, file_seen = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto& w = words[k];
      if (&w == program) {
        filter_seen = false;
        continue;
      }
      if (w.role != ShellWord::Role::Word || (program && &w < program)) continue;
      const std::string_view t = w.text;
      // (--argjson NAME JSON: writes_json_only let only the template's own JSON through.)
      if (one_of(t, {"--arg", "--rawfile", "--argjson"})) {
        k += 2;
      } else if (one_of(t, {"--indent", "-L"})) {
        ++k;
      } else if (!t.empty() && t[0] == '-') {
        continue;  // (switches; what returns false was refused above)
      } else if (!filter_seen) {
        filter_seen = true;
      } else {
        // A literal name of a JSON file.
        if (!w.placeholders.empty() || !w.refs.empty() || t.find_first_of("$`*?[") != std::string_view::npos ||
            !(t.ends_with(".json") && data_file_role(t) == render::ElementRole::DataField))
          return false;
        file_seen = true;
      }
    }
    return file_seen;
  }
  // yq -P '.' run.json > run.yaml: the whole of JSON or YAML files the
  // template names, encoded again as YAML or JSON (never a scalar alone,
  // which yq prints raw; fr hunt 58).
  bool yq_reencodes_files(std::size_t c) const {
    const auto* program = program_word(t_.commands[c]);
    bool filter_seen = false, file_seen = false;
    const auto& words = t_.commands[c].words;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto& w = words[k];
      if (&w <= program || w.role != ShellWord::Role::Word) continue;
      const std::string_view t = w.text;
      if (!w.placeholders.empty() || !w.refs.empty() || t.find_first_of("$`*?[") != std::string_view::npos) return false;
      if (one_of(t, {"-P", "--prettyPrint", "-M", "--no-colors", "-oy", "-oj", "-o=yaml", "-o=json", "-o=y", "-o=j",
                     "--output-format=yaml", "--output-format=json"})) {
        continue;
      } else if (one_of(t, {"-o", "--output-format", "-I", "--indent"}) && k + 1 < words.size()) {
        const std::string_view v = words[++k].text;
        if ((t == "-o"sv || t == "--output-format"sv) && !one_of(v, {"yaml", "json", "y", "j"})) return false;
      } else if (!t.empty() && t[0] == '-') {
        return false;
      } else if (!filter_seen) {
        if (t != "."sv) return false;
        filter_seen = true;
      } else {
        const auto format = data_format(t);
        if ((format != DataFormat::Json && format != DataFormat::Yaml) || data_file_role(t) != render::ElementRole::DataField)
          return false;
        file_seen = true;
      }
    }
    return file_seen;
  }
  // RUN_NAME="$N" yq -i '.trainer.run_name = strenv(RUN_NAME)' cfg.yaml:
  // yq (mikefarah's) gives the variable's text as one string (strenv; env()
  // would parse it as YAML) to a path of the template's and encodes the
  // whole document it writes back in place.
  bool yq_sets_strings_in_place(std::size_t c) const {
    const auto* program = program_word(t_.commands[c]);
    bool in_place = false, expression = false;
    for (const auto& w : t_.commands[c].words) {
      if (&w <= program || w.role != ShellWord::Role::Word) continue;
      const std::string_view t = w.text;
      if (one_of(t, {"-i", "--inplace", "-i=true", "--inplace=true"})) {
        in_place = true;
      } else if (!t.empty() && t[0] == '-') {
        return false;  // (-r, -o=..., -p=..., --from-file and the rest change what it reads or prints)
      } else if (!expression) {
        if (!w.placeholders.empty() || !w.refs.empty() || !sets_strings_from_environment(t)) return false;
        expression = true;
      } else if (!w.placeholders.empty() || !w.refs.empty() || t.find_first_of("$`*?[") != std::string_view::npos ||
                 data_file_role(t) != render::ElementRole::DataField) {
        return false;
      }
    }
    return in_place && expression;
  }
  // ".a.b = strenv(NAME) | .c = strenv(OTHER)": assignments of environment
  // strings to literal paths, and nothing else.
  static bool sets_strings_from_environment(std::string_view e) {
    for (std::size_t k = 0;;) {
      while (k < e.size() && e[k] == ' ') ++k;
      if (k >= e.size() || e[k] != '.') return false;
      while (k < e.size() && (is_name_char(e[k]) || e[k] == '.' || e[k] == '-')) ++k;
      while (k < e.size() && e[k] == ' ') ++k;
      if (e.compare(k, 1, "=") != 0) return false;
      ++k;
      while (k < e.size() && e[k] == ' ') ++k;
      if (e.compare(k, 7, "strenv(") != 0) return false;
      k += 7;
      const auto close = e.find(')', k);
      if (close == std::string_view::npos || close == k ||
          !std::all_of(e.begin() + static_cast<std::ptrdiff_t>(k), e.begin() + static_cast<std::ptrdiff_t>(close), is_name_char))
        return false;
      k = close + 1;
      while (k < e.size() && e[k] == ' ') ++k;
      if (k == e.size()) return true;
      if (e[k] != '|') return false;
      ++k;
    }
  }
  // The commands whose output reaches command c's input through a pipeline
  // (upstream), from an index of pipelines: for each level of c's place,
  // the commands in the same pipeline at an earlier stage. The lexer numbers
  // every pipeline it opens once, so a pipeline's number alone names it
  // (its enclosing places are fixed while it is open). A scan of every
  // command for every command was quadratic in the template.
  const std::vector<std::size_t>& upstream_of(std::size_t c) {
    if (upstream_.empty() && !t_.commands.empty()) {
      std::vector<std::vector<std::pair<std::uint32_t, std::size_t>>> pipelines;  // by number: (stage, command)
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        for (const auto& level : t_.commands[d].place) {
          if (level.pipeline >= pipelines.size()) pipelines.resize(level.pipeline + 1);
          pipelines[level.pipeline].push_back({level.stage, d});
        }
      for (auto& members : pipelines) std::sort(members.begin(), members.end());
      // Once for every command: the same command is asked for many times.
      upstream_.resize(t_.commands.size());
      feeds_.assign(t_.commands.size(), false);
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        for (const auto& level : t_.commands[d].place)
          for (const auto& [stage, e] : pipelines[level.pipeline]) {
            if (stage >= level.stage) break;
            upstream_[d].push_back(e);
            feeds_[e] = true;
          }
    }
    return upstream_[c];
  }
  // Whether what command c prints may go on to another program: a later
  // stage of a pipeline (its own or a group's around it), a $(...), `...`,
  // <(...) or >(...) around it, or a function's caller (whose output may be
  // piped or captured).
  // (A pipe into cat or tee only, whose output goes no further, is no
  // other program: tee's files hold the lines, judged by their names.)
  bool output_goes_on(std::size_t c) {
    if (t_.commands.empty() || in_output_substitution(c)) return true;
    upstream_of(0);
    for (auto s = c; s != kNone; s = t_.commands[s].group) {
      if ((feeds_[s] && !copied_only(s)) || t_.commands[s].parent != kNone) return true;
      if (!t_.commands[s].function.empty() && function_output_goes_on(t_.commands[s].function)) return true;
    }
    return false;
  }
  // Whether the handler a trap command sets runs in the script's own shell,
  // its output where the script's goes: a signal's or EXIT's, set outside
  // any function, subshell, pipe, substitution or redirection. (RETURN,
  // DEBUG and ERR run inside functions and subshells, whose output may go
  // on; a subshell's EXIT runs where the subshell's output goes; attack 162.)
  bool trap_runs_in_the_script(std::size_t c, const ShellWord* handler) {
    const auto& cmd = t_.commands[c];
    for (const auto* w = handler + 1; w < cmd.words.data() + cmd.words.size(); ++w) {
      std::string name = w->text;
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::toupper(ch); });
      if (name.rfind("SIG", 0) == 0) name.erase(0, 3);
      if (w->role != ShellWord::Role::Word || one_of(name, {"RETURN", "DEBUG", "ERR"}) ||
          w->text.find_first_of("$`") != std::string::npos)
        return false;
    }
    for (auto s = c; s != kNone; s = t_.commands[s].group) {
      const auto& around = t_.commands[s];
      const bool subshell = around.kind == ShellCommand::Kind::Group && around.offset < text_.size() && text_[around.offset] == '(';
      if (!around.function.empty() || subshell) return false;
      if (std::any_of(around.words.begin(), around.words.end(), [](const ShellWord& w) {
            return w.role == ShellWord::Role::Redirect && w.redirect.find('>') != std::string::npos;
          }))
        return false;
    }
    return !output_goes_on(c);
  }
  // Whether every command that reads command s's output through a pipe is
  // cat or tee, whose own output goes no further (echo ... | tee -a job.log).
  bool copied_only(std::size_t s) {
    if (downstream_.empty()) {
      downstream_.resize(t_.commands.size());
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        for (const auto e : upstream_of(d)) downstream_[e].push_back(d);
    }
    return !downstream_[s].empty() && std::all_of(downstream_[s].begin(), downstream_[s].end(), [&](std::size_t d) {
      const auto* program = t_.commands[d].kind == ShellCommand::Kind::Simple ? program_word(t_.commands[d]) : nullptr;
      return program && one_of(program->text, {"cat", "tee"}) && !output_goes_on(d);
    });
  }
  // A function's output goes where its calls' does (run_step "$X" logs to
  // the job's output): on where a call's goes on or into a file, where the
  // function may be run another way (its name as another word: export -f,
  // xargs, "$fn"), or where it is never called by name. (`trap NAME SIG`:
  // the shell runs the handler itself, its output where the script's goes.)
  bool function_output_goes_on(const std::string& name) {
    if (const auto known = function_output_.find(name); known != function_output_.end()) return known->second;
    function_output_[name] = true;  // (a recursive call: as before)
    const auto& calls = calls_of(name);
    // (Each function's name counted once over all words: one pass.)
    if (function_name_words_.empty()) {
      std::set<std::size_t> definitions;  // (where `name() {` writes the name)
      for (const auto& cmd : t_.commands)
        if (!cmd.function.empty()) definitions.insert(cmd.function_at);
      for (const auto& cmd : t_.commands) {
        const ShellWord* handler = trap_action(cmd);
        if (handler && !trap_runs_in_the_script(static_cast<std::size_t>(&cmd - t_.commands.data()), handler))
          handler = nullptr;
        for (const auto& w : cmd.words)
          if (functions_.count(w.text) && !definitions.count(w.begin)) {
            if (&w == handler && w.role == ShellWord::Role::Word) ++trap_handlers_[w.text];
            else ++function_name_words_[w.text];
          }
      }
      function_name_words_[""] = 0;  // (built)
    }
    const auto counted = function_name_words_.find(name);
    const std::size_t named = counted == function_name_words_.end() ? 0 : counted->second;
    bool on = (calls.empty() && !trap_handlers_.count(name)) || named != calls.size();
    // ($g with g=f: a command named at run time may call any function.)
    std::vector<std::size_t> callers = calls;
    callers.insert(callers.end(), dynamic_calls_.begin(), dynamic_calls_.end());
    for (const auto call : callers) {
      if (on) break;
      on = output_goes_on(call) || std::any_of(t_.commands[call].words.begin(), t_.commands[call].words.end(), [](const ShellWord& w) {
             return w.role == ShellWord::Role::Redirect && w.redirect.find('>') != std::string::npos;
           });
    }
    return function_output_[name] = on;
  }

  // What reaches command c's standard input: its here-documents, here-strings
  // and input redirections, earlier stages of its pipelines, and the same for
  // each group around it. `reader` is the program that reads it (a shell,
  // sbatch, an interpreter), or "" where that is not known.
  void reparse_stdin(std::size_t c, const std::string& by, std::string_view reader) {
    if (const auto outer = output_substitution_of(c); outer != kNone) reparse_all(outer, by);
    for (auto s = c; s != kNone; s = t_.commands[s].group) {
      const auto& cmd = t_.commands[s];
      for (auto h : cmd.heredocs) {
        reparse_heredoc(h, by);
        // python3 - "$X" <<'PY' ... os.system(... sys.argv[1]) ...
        const auto& doc = t_.heredocs[h];
        if (s == c && doc.body_end > doc.body_begin && !is_shell(reader))
          arguments_reach_code(std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin), words_of(c), 0, by);
      }
      for (const auto& w : cmd.words)
        if (w.role == ShellWord::Role::HereString ||
            (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos)) {
          reparse_word(w, by);
          // bash < step.sbatch, sbatch < step.sbatch: a script the template
          // writes, read as it is when named (its variables, its #! line).
          if (s == c && w.role == ShellWord::Role::Redirect && written_->count(file_key_of(w.text)) &&
              (is_shell(reader) || reader == "sbatch"sv))
            runs_written_text(w, reader == "sbatch"sv ? std::string() : std::string(reader), {}, 0);
        }
      for (const auto d : upstream_of(s)) reparse_all(d, by);
    }
    // exec < F, exec 0<&3, exec <<< "$X": the script's own input, which a
    // later shell with no script reads as its program.
    for (const auto e : stdin_execs_) {
      for (auto h : t_.commands[e].heredocs) reparse_heredoc(h, by);
      for (const auto& w : t_.commands[e].words)
        if (w.role == ShellWord::Role::HereString ||
            (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos))
          reparse_word(w, by);
    }
  }

  // ---- commands ----------------------------------------------------------

  std::vector<const ShellWord*> words_of(std::size_t c) const {
    if (!expanded_words_.empty() && !expanded_words_[c].empty()) return expanded_words_[c];
    std::vector<const ShellWord*> out;
    for (const auto& w : t_.commands[c].words)
      if (w.role == ShellWord::Role::Word) out.push_back(&w);
    return out;
  }

  // ${S/PATTERN/$V}: bash 5.2 (patsub_replacement) puts the match for each
  // '&' of an unquoted expansion in the replacement, and drops a '\'
  // before it, so a value there changes into template text.
  void patsub_replacements(const ShellWord& w) {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    for (auto at = raw.find("${"); at != std::string_view::npos; at = raw.find("${", at + 2)) {
      std::size_t k = at + 2;
      while (k < raw.size() && is_name_char(raw[k])) ++k;
      if (k == at + 2 || k >= raw.size() || raw[k] != '/') continue;
      // The pattern ends at the first unescaped '/' after it (// and /# /% start it).
      k += (k + 1 < raw.size() && (raw[k + 1] == '/' || raw[k + 1] == '#' || raw[k + 1] == '%')) ? 2 : 1;
      while (k < raw.size() && raw[k] != '/' && raw[k] != '}') k += raw[k] == '\\' ? 2 : 1;
      if (k >= raw.size() || raw[k] != '/') continue;
      bool quoted = false;
      int depth = 0;
      for (++k; k < raw.size() && !(raw[k] == '}' && depth == 0); ++k) {
        if (raw[k] == '\\') {
          ++k;
        } else if (raw[k] == '"') {
          quoted = !quoted;
        } else if (raw[k] == '$' && !quoted && k + 1 < raw.size()) {
          const std::size_t from = k + 1 + (raw[k + 1] == '{');
          std::size_t e = from;
          while (e < raw.size() && is_name_char(raw[e])) ++e;
          if (e > from)
            uses_.push_back({std::string(raw.substr(from, e - from)), Use::Role, "the replacement of ${S/P/R}",
                             render::ElementRole::PatsubReplacement});
        } else if (raw[k] == '{') {
          ++depth;
        } else if (raw[k] == '}') {
          --depth;
        }
      }
    }
  }

  // What each of a command's words is to the program that reads it
  // (JSON, a YAML mapping, KEY=VALUE items, a URL), and ${S/P/$V}
  // replacements in it. `program`: the command's program word, if any.
  void word_forms(std::size_t c, const std::vector<const ShellWord*>& all, const ShellWord* program) {
    for (std::size_t word_at = 0; word_at < all.size(); ++word_at) {
      const ShellWord& w = *all[word_at];
      if (w.text.find("${") != std::string::npos) patsub_replacements(w);
      // '{"env_vars": {"RUN": "$V"}}' as an argument or a variable's value
      // (serve run --runtime-env-json, --config-json, X_JSON=...): JSON
      // text a program parses, where a quote in a value adds keys.
      if (w.placeholders.empty() && w.refs.empty()) continue;
      std::string_view json = w.text;
      if (const auto eq = json.find('='); eq != std::string_view::npos && eq > 0 && is_name_start(json[0]) &&
                                          std::all_of(json.begin(), json.begin() + static_cast<std::ptrdiff_t>(eq),
                                                      [](char ch) { return is_name_char(ch); }))
        json.remove_prefix(eq + 1);
      else if (json.starts_with("--") && json.find('=') != std::string_view::npos)  // --runtime-env-json={...}
        json.remove_prefix(json.find('=') + 1);
      // So is a YAML flow mapping or a Python dict ({lr: $V, epochs: 10},
      // {'lr': '$V'}) and a list of KEY=VALUE items (lr=$V,epochs=10).
      const bool mapping = !json.empty() && (json[0] == '{' || json[0] == '[') && json.find_first_of(":=") != std::string_view::npos;
      const std::string_view text = w.text;
      const auto comma = text.find(',');
      const bool items = comma != std::string_view::npos && text.find('=') < comma &&
                         text.find('=', comma) != std::string_view::npos && !text.empty() && is_name_start(text[0]);
      // (Not a log line echo prints to the job's output, "[$(date)] run:
      // $NAME", nor what it writes to a file, whose name and lines say what
      // it is: write_file. A line of JSON printed is JSON: the job's output
      // file may be read back, jq < logs/job-%j.jsonl.)
      const bool logged = program && one_of(basename_of(program->text), {"echo", "printf"}) && !output_goes_on(c) &&
                          !json_line(w.text) &&
                          std::none_of(all.begin(), all.end(), [](const ShellWord* o) { return o->text == "-v"sv; });
      // (apptainer --env A=$V,B=1: items of a list, whose rule holds, comma_list_values.)
      const bool env_list = program && one_of(basename_of(program->text), {"singularity", "apptainer"}) &&
                            (w.text.rfind("--env=", 0) == 0 || (word_at > 0 && all[word_at - 1]->text == "--env"sv));
      if (mapping && !logged && json_text(json)) fills_json(w, w.text.size() - json.size(), "structured text a program parses (JSON)");
      else if (mapping && !logged) fills(w, render::ElementRole::DataField, "structured text a program parses (YAML, a dict)");
      else if (items && !env_list && !logged)
        fills(w, render::ElementRole::DataField, "structured text a program parses (KEY=VALUE items)");
      // A value in a URL: in its host it chooses the server (and where a
      // token goes), in its path it climbs with '..' or starts a query, in
      // its query an '&' adds a parameter the server obeys.
      if (w.text.find("://") != std::string::npos) {
        const auto part = [](std::string_view raw, std::size_t at) {
          const auto from = raw.find("://");
          if (from == std::string_view::npos || from > at) return render::ElementRole::None;
          // docker://IMAGE, oras://, library://: an image reference, whose
          // registry is the image's to choose (container.image).
          auto scheme_begin = from;
          while (scheme_begin > 0 && (std::isalnum(static_cast<unsigned char>(raw[scheme_begin - 1])) ||
                                      raw[scheme_begin - 1] == '-' || raw[scheme_begin - 1] == '+'))
            --scheme_begin;
          if (one_of(raw.substr(scheme_begin, from - scheme_begin),
                     {"docker", "oras", "library", "shub", "oci", "oci-archive", "docker-archive", "containers-storage"}))
            return render::ElementRole::None;
          const auto slash = raw.find('/', from + 3), query = raw.find('?', from + 3);
          if (query < at) return render::ElementRole::UrlQueryValue;
          return slash < at ? render::ElementRole::UrlPathPart : render::ElementRole::UrlHost;
        };
        for (const auto role : {render::ElementRole::UrlHost, render::ElementRole::UrlPathPart, render::ElementRole::UrlQueryValue})
          fills_where(w, role, "a URL's host, path or query",
                      [&](std::string_view raw, const std::vector<Expansion>&, std::size_t at) { return part(raw, at) == role; });
      }
    }
  }

  void command(std::size_t c) {
    current_ = c;
    const auto& cmd = t_.commands[c];
    std::vector<const ShellWord*> all;
    for (const auto& w : cmd.words) all.push_back(&w);
    word_forms(c, all, program_word(cmd));
    if (cmd.kind == ShellCommand::Kind::Group || cmd.header == "function"sv || cmd.header == "case"sv || cmd.header == "pattern"sv) return;
    if (forwarding_commands_.count(c)) return;  // read at each call, with the call's words in place of "$@"
    auto words = words_of(c);
    if (cmd.kind == ShellCommand::Kind::Test) return test(words);
    if (cmd.header == "for"sv || cmd.header == "select"sv) {
      if (words.empty()) return;
      assign(words.front()->text, words, 1);
      for (auto p : words.front()->placeholders) t_.placeholders[p].names_variable = cmd.header;
      if (words.size() == 1) edges_[words.front()->text].insert("@");  // for NAME; do: for NAME in "$@"
      // (The list is no command's arguments: a piece starting with '-' is
      // an option only where the variable takes it there; fr90/02.)
      for (std::size_t k = 1; k < words.size(); ++k)
        for (auto p : words[k]->placeholders) t_.placeholders[p].context.begins_argument = false;
      // Each piece of a split value is one pass of the loop: what the
      // variable reaches, each piece reaches.
      for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string_view raw = std::string_view(text_).substr(words[k]->begin, words[k]->end - words[k]->begin);
        for (const auto& x : expansions(raw)) {
          const auto span = raw.substr(x.begin, x.end - x.begin);
          const bool array = x.quoted && split_arrays_.count(x.name) && span.find("[@]") != std::string_view::npos;
          if (x.quoted && !array) continue;
          // for g in "${GPUS[@]}" after IFS=, read -ra GPUS <<< "$V": each
          // element is one pass, the variable a part of the value, which
          // the rules where it goes check as any part (fr 85, 86).
          if (array && !transformed_arrays_.count(x.name) && !line_arrays_.count(x.name)) {
            cuts_[assigned_name(words.front()->text)].anywhere = true;
            continue;
          }
          // ${F//:/ }, $(... | tr , ' '): a rewrite may make any character a blank.
          const bool rewrites = !x.quoted && rewriting(span);
          for (const auto& n : expanded_names(x, span))
            uses_.push_back({n, transformed_arrays_.count(n) || rewrites ? Use::SplitAnywhere : Use::Split,
                             "a for loop's list"});
          // $(cat F), $(<F), $(f): what a file or a function holds is split too.
          if (x.name.empty())
            for (const auto& r : words[k]->refs)
              if (r.rfind("file:", 0) == 0 || r.rfind("fn:", 0) == 0 || r.rfind("fs:", 0) == 0)
                uses_.push_back({r, rewrites ? Use::SplitAnywhere : Use::Split, "a for loop's list"});
          if (rewrites)
            for (auto p : words[k]->placeholders)
              if (t_.placeholders[p].begin > words[k]->begin + x.begin &&
                  t_.placeholders[p].begin < words[k]->begin + x.end) {
                t_.placeholders[p].context.split_later = true;
                split_at(t_.placeholders[p].context, kAnyPunctuation);
              }
        }
      }
      return;
    }
    std::size_t i = 0;
    for (; i < words.size() && is_assignment_word(words[i]->text); ++i) assignment(*words[i]);
    // NAME=value cmd: the command's environment.
    for (std::size_t k = 0; k < i && i < words.size(); ++k) {
      const auto name = assigned_name(words[k]->text);
      exported_.insert(name);
      prefixes_[name].push_back({c, words[i]->text, words[k]->begin});
      prefixed_names_[c].insert(name);
    }
    if (i >= words.size()) return;
    // A literal alias (alias py='python3 -u') where bash expands it: the
    // command is read with the alias's words in place of its name (an
    // unquoted name only: bash expands no quoted word; alias ls='ls -l'
    // is not expanded again).
    bool alias_expanded = false;
    if (modes_.aliases && !unknown_aliases_ && !modes_.interactive)
      if (const auto a = alias_words_.find(words[i]->text);
          a != alias_words_.end() && (a->second.front() == a->first || !aliases_.count(a->second.front())) &&
          words[i]->placeholders.empty() &&
          text_.compare(words[i]->begin, words[i]->end - words[i]->begin, words[i]->text) == 0) {
        std::vector<const ShellWord*> expanded(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i));
        for (const auto& t : a->second) {
          renamed_words_.push_back(*words[i]);
          renamed_words_.back().text = t;
          expanded.push_back(&renamed_words_.back());
        }
        expanded.insert(expanded.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
        words = std::move(expanded);
        alias_expanded = true;
      }
    simple_command(c, std::move(words), i, alias_expanded);
  }

  // The program at words[i] of command c, the words after it its
  // arguments (after NAME=value prefixes and any alias bash expanded).
  void simple_command(std::size_t c, std::vector<const ShellWord*> words, std::size_t i, bool alias_expanded) {
    for (const auto* w : words)
      if (w->text.rfind("--wrap=", 0) == 0) {
        reparse_word(*w, "--wrap");
        if (w->placeholders.empty()) nested_code(w->text.substr(7), {});
      }
    for (std::size_t k = 1; k < words.size(); ++k)
      if (words[k - 1]->text == "--wrap"sv) {
        reparse_word(*words[k], "--wrap");
        nested_code(*words[k]);
      }
    // hash -p FILE NAME, BASH_CMDS[NAME]=FILE, ln -s FILE NAME: NAME runs
    // FILE's program; where that is unknown, NAME may be any program. A
    // known program given another file (bin/srun, a wrapper that may run
    // srun "$@") is read as neither: its words may be anything's.
    if (const auto r = renamed_.find(std::string(basename_of(words[i]->text)));
        r != renamed_.end() && r->second != r->first && words[i]->placeholders.empty() && !functions_.count(r->first)) {
      const auto known = [](const std::string& n) { return programs::runs_a_command(n); };
      // (python3 -> python3.11 is the same program.)
      const auto family = [](std::string_view n) { return n.substr(0, n.find_first_of("0123456789.-")); };
      if (r->second.empty() || (known(r->first) && family(r->first) != family(r->second))) {
        for (std::size_t k = i + 1; k < words.size(); ++k) command_word(*words[k]);
        return;
      }
      renamed_words_.push_back(*words[i]);
      renamed_words_.back().text = r->second;
      words[i] = &renamed_words_.back();
    }
    // "--" ends the options of most programs: every word after it is an
    // operand (runners, shells and interpreters are read precisely below).
    const std::string program(basename_of(words[i]->text));
    // find's "--" ends only its own options (-H, -L, -P): a word after it
    // that starts with '-' is still a test or an action (-delete).
    if (!find_runner(program) && !is_shell(program) && !is_interpreter(program) && program != "srun"sv && program != "find"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text == "--"sv && words[k]->placeholders.empty()) {
          for (std::size_t j = k + 1; j < words.size(); ++j) after_option(*words[j], true);
          break;
        }
    // bash reads NAME=value arguments without splitting them only for a
    // declaration builtin written as plain text, and only where NAME= is
    // plain text too: \export, "export", export "N"=$V and export N_\X=$V
    // split and glob $V like any word (each piece may be NAME=VALUE).
    arguments_of(words, i);
    if (modes_.aliases && ((aliases_.count(program) && !alias_expanded) || unknown_aliases_ || modes_.interactive)) {
      // An alias may stand for eval, sh -c or a runner: its words are the
      // command's. Where aliases come from code the compiler does not read
      // (eval, source, BASH_ALIASES), any command may be one.
      for (std::size_t k = i + 1; k < words.size(); ++k) command_word(*words[k]);
      return;
    }
    if (program == "echo"sv && words[i]->text == "echo"sv && !functions_.count("echo") && !aliases_.count("echo"))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        for (auto p : words[k]->placeholders) t_.placeholders[p].context.echo_operand = true;
    if (may_be_unread_function(*words[i], program))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        reparse_word(*words[k], fmt::format("{} (a command the compiler does not know, so perhaps a function of the "
                                            "code `{}` brings in, which the compiler does not read and which may run "
                                            "its arguments: define the function in the template, or write `command {}` "
                                            "to run the program)",
                                            program, unread_code_, program));
    runner_environment(words);
    builtin_name_operands(words, i, program);
    if (program == "exec"sv) exec_program_name(words, i);
    operands_run_as_code(words, i, program);
    // $_ is the last word of the command before.
    for (auto p : words.back()->placeholders) direct_["_"].insert(p);
    for (const auto& r : words.back()->refs) edges_["_"].insert(r);
    invocation(c, words, i);
    // kubectl run/debug/exec ... -- CMD, lxc/incus exec NAME -- CMD: CMD
    // runs in a container or pod; ray exec CLUSTER CMD, vagrant ssh -c,
    // gcloud compute ssh --command: on another machine.
    if (one_of(program, {"kubectl", "lxc", "incus"}))
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (words[k]->text == "--"sv && words[k]->placeholders.empty()) {
          invocation(c, words, k + 1);
          break;
        }
    // gcloud ... ssh VM -- ARGS (compute ssh, tpu-vm ssh; any word "ssh"):
    // ssh's arguments, which it joins for the remote shell (round 119), and
    // --ssh-flag, an option of ssh's (-o ProxyCommand=; review 38).
    if (program == "gcloud"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                             [](const ShellWord* w) { return w->text == "ssh"sv; }))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (words[k]->text.rfind("--ssh-flag", 0) == 0 || words[k - 1]->text == "--ssh-flag"sv)
          reparse_word(*words[k], "gcloud ssh --ssh-flag (an option of ssh's)");
        if (words[k]->text == "--"sv) {
          for (std::size_t j = k + 1; j < words.size(); ++j)
            reparse_word(*words[j], "gcloud ssh (ssh joins the words after -- for the remote shell)");
          break;
        }
      }
    if (program == "ray"sv && i + 1 < words.size() && one_of(words[i + 1]->text, {"exec", "submit"}))
      for (std::size_t k = i + 2; k < words.size(); ++k) reparse_word(*words[k], "ray " + words[i + 1]->text + " (a command it runs on the cluster)");
    // A program the compiler does not know may run the program its words
    // name (a profiler, a wrapper: xx python3 "$S"), and so may a runner
    // whose command line the compiler cannot place (docker compose run
    // SERVICE CMD, docker -H HOST run): read from there too.
    const auto* runner = find_runner(basename_of(program));
    if (unknown_program(program) || one_of(program, {"docker-compose", "podman-compose"}) ||
        (runner && program_run_by(words, i) >= words.size() &&
         !(i + 1 < words.size() && programs::runs_no_command(runner->name, words[i + 1]->text))))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (!words[k]->placeholders.empty() || !words[k]->refs.empty()) continue;
        // (exec, time: a subcommand there, not the shell's own.)
        const auto run = basename_of(words[k]->text);
        if ((is_shell(run) || is_interpreter(run) || find_runner(run)) && !is_bash_builtin(std::string(run)) && run != "time"sv) {
          invocation(c, words, k);
          break;
        }
      }
  }

  // A long option cut short (sort --outp F, tar --to-c=CMD, git rebase
  // --exe CMD) is read as every known option it may be: the command's
  // words hold, in its place, the option written in full (with its
  // separate value after it) once per option it may cut, so every rule
  // that knows one of them reads it. Only a known program's options: an
  // interpreter's or shell's script and an unknown program take their
  // words as their own. (A runner's options are read strictly already: one
  // it does not know, cut short or not, leaves the command unknown.)
  void expand_cut_options() {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto& cmd = t_.commands[c];
      if (cmd.kind != ShellCommand::Kind::Simple || !cmd.header.empty() ||
          std::none_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
            return w.text.size() >= 3 && w.text[0] == '-' && w.text[1] == '-' && std::isalpha(static_cast<unsigned char>(w.text[2]));
          }))
        continue;
      const auto words = words_of(c);
      std::size_t i = 0;
      while (i < words.size() && is_assignment_word(words[i]->text)) ++i;
      if (i >= words.size()) continue;
      const auto programs = program_positions(words, words[i]);
      const auto is_program = [&](std::size_t k) { return std::find(programs.begin(), programs.end(), k) != programs.end(); };
      std::vector<const ShellWord*> out(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      std::size_t owner = i;
      auto own_end = own_options_end(words, owner, basename_of(words[owner]->text));
      bool options_ended = false, changed = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string& w = words[k]->text;
        if (is_program(k)) {
          owner = k;
          own_end = own_options_end(words, owner, basename_of(words[owner]->text));
          options_ended = false;
        } else if (w == "--"sv) {
          options_ended = true;
        }
        const auto name = basename_of(words[owner]->text);
        const auto eq = std::min(w.find('='), w.size());
        const std::string_view option = std::string_view(w).substr(0, eq);
        std::vector<std::string_view> full;
        const bool readable = owner != k && !options_ended && words[owner]->placeholders.empty() &&
                              words[owner]->refs.empty() && option.find_first_of("$`\"'\\") == std::string_view::npos;
        if (const auto* spec = find_runner(name); spec && readable) {
          // A runner's option cut short is the one of its own it begins, if one.
          if (const auto one = runner_option_cut_to(*spec, option); !one.empty()) full = {one};
        } else if (readable && is_well_known_program(name) && name != "srun"sv && k < own_end) {
          full = options_cut_to(option);
        }
        if (full.empty()) {
          out.push_back(words[k]);
          continue;
        }
        changed = true;
        const bool separate = eq == w.size() && k + 1 < words.size() && !is_program(k + 1);
        for (const auto f : full) {
          cut_option_words_.push_back(*words[k]);
          cut_option_words_.back().text = std::string(f) + w.substr(eq);
          cut_option_originals_.push_back(words[k]);
          out.push_back(&cut_option_words_.back());
          if (separate) out.push_back(words[k + 1]);
        }
        if (separate) ++k;
      }
      if (!changed) continue;
      expanded_words_.resize(t_.commands.size());
      expanded_words_[c] = std::move(out);
    }
  }

  // The one option of the runner's own (flags, with a value, command
  // lines) that `option` cuts short, or "" (none, several, or whole).
  static std::string_view runner_option_cut_to(const RunnerSpec& spec, std::string_view option) {
    const RunnerSpec& o = *options_of(&spec);
    if (option.size() < 3 || option.substr(0, 2) != "--"sv) return {};
    std::string_view found;
    int count = 0;
    for (std::string_view list : {o.flags, o.with_arg, o.code_options})
      while (!list.empty()) {
        const auto end = std::min(list.find(' '), list.size());
        const auto entry = list.substr(0, end);
        if (entry == option) return {};
        if (entry.size() > option.size() && entry.substr(0, option.size()) == option) {
          found = entry;
          ++count;
        }
        list.remove_prefix(std::min(end + 1, list.size()));
      }
    return count == 1 ? found : std::string_view();
  }

  // A file the template sources, or the output of a program eval runs
  // (eval "$(conda shell.bash hook)"), may define functions the compiler
  // never sees; any of them may run its arguments (f() { eval "$1"; }).
  // Wherever the template brings in such code, before or after, a command
  // the compiler knows as no program, builtin or function of the template's
  // may be one of them.
  void find_unread_code() {
    for (std::size_t c = 0; c < t_.commands.size() && unread_code_.empty(); ++c) {
      const auto& cmd = t_.commands[c];
      if (cmd.kind != ShellCommand::Kind::Simple) continue;
      const auto words = words_of(c);
      std::size_t i = 0;
      while (i < words.size() && is_assignment_word(words[i]->text)) ++i;
      if (i + 1 >= words.size()) continue;
      const auto& name = words[i]->text;
      const bool substituted = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [&](const ShellWord* w) {
        const auto raw = std::string_view(text_).substr(w->begin, w->end - w->begin);
        return raw.find("$(") != std::string_view::npos || raw.find('`') != std::string_view::npos;
      });
      if (name == "source"sv || name == "."sv || (name == "eval"sv && substituted))
        unread_code_ = std::string(std::string_view(text_).substr(words[i]->begin, words.back()->end - words[i]->begin));
    }
  }
  bool may_be_unread_function(const ShellWord& w, std::string_view program) const {
    return !unread_code_.empty() && w.placeholders.empty() && w.refs.empty() && w.text == program &&
           unknown_program(w.text) && !one_of(program, {"[[", "((", "coproc", "!", "{", "}"});
  }
  // A command name the compiler knows as no program, builtin, or function
  // or alias of the template's.
  bool unknown_program(const std::string& program) const {
    return !functions_.count(program) && !aliases_.count(program) && !is_bash_builtin(program) &&
           !is_well_known_program(program) && !runs_a_script(program);
  }
  // Tools that run a script or program whose arguments are its own
  // (coverage run S ARGS, java -jar J ARGS, spark-submit APP ARGS).
  static bool runs_a_script(std::string_view program) {
    for (const auto& tool : kScriptTools)
      if (listed(tool.programs, program)) return true;
    return one_of(program, {"snakemake", "spark-submit", "pyspark", "ray", "dask", "kedro", "hydra", "nextflow",
                            "cwltool", "toil", "luigi", "airflow"});
  }

  // exec -a NAME: the name the program runs under. Programs find their
  // files from it (python its prefix, so its site-packages and their .pth
  // code) and multi-call programs choose what they do by it (busybox rm).
  void exec_program_name(const std::vector<const ShellWord*>& words, std::size_t i) {
    for (std::size_t k = i + 1; k + 1 < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (w == "-a"sv) {
        fills(*words[k + 1], render::ElementRole::ProgramName, "exec -a (the name the program runs under)");
        const auto run = k + 2 < words.size() ? basename_of(words[k + 2]->text) : std::string_view();
        if (one_of(run, {"busybox", "toybox", "xz", "bzip2", "zstd", "lz4", "pigz", "gzip", "clang", "clang++",
                         "vim", "nvim", "git", "bash", "sh", "dash", "ksh", "zsh"}) ||
            run.empty() || run[0] == '$')
          command_word(*words[k + 1]);
        ++k;
      } else if (w.empty() || w[0] != '-') {
        return;
      }
    }
  }

  // The batch script sbatch or salloc at words[i] runs: the first operand
  // after its options (-o LOG is not it), or kNone. It is certain only
  // where every option is known and no word up to it may vanish or split
  // at run time ($EXTRA, ${DEP:+--dependency=...}, "$@", "${OPTS[@]}":
  // options, or none; a quoted --job-name="$N" stays one word); else any
  // word after the options may be it, or none (then standard input is).
  struct BatchScript {
    std::size_t at = kNone;
    bool certain = false;
  };
  BatchScript batch_script(const std::vector<const ShellWord*>& words, std::size_t i) const {
    const auto s = scan_options(words, i + 1, slurm_counts());
    const auto reshapes = [&](const ShellWord* w) {
      if (w->text.find_first_of("$`") == std::string::npos) return false;
      if (w->end <= w->begin || w->end > text_.size()) return true;  // (a word made here: its quoting is unknown)
      const auto raw = std::string_view(text_).substr(w->begin, w->end - w->begin);
      const auto xs = expansions(raw);
      return xs.empty() || std::any_of(xs.begin(), xs.end(), [&](const Expansion& x) {
               return !x.quoted || brings_elements(x, raw.substr(x.begin, x.end - x.begin));
             });
    };
    const bool certain = s.unknown == kNone && s.operand != kNone &&
                         std::none_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                      words.begin() + static_cast<std::ptrdiff_t>(s.operand) + 1, reshapes);
    return {s.operand, certain};
  }

  // Operands a program runs as code: the script sbatch submits (and the
  // table crontab or scrontab installs), the word lists compgen expands.
  void operands_run_as_code(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& program) {
    if (program == "sbatch"sv) {
      if (const auto script = batch_script(words, i).at; script != kNone)
        reparse_word(*words[script], "sbatch (the script it submits)");
    } else if (program == "crontab"sv || program == "scrontab"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text == "-u"sv) ++k;
        else if (words[k]->text.empty() || words[k]->text[0] != '-') reparse_word(*words[k], program + " (the table it installs)");
    } else if (program == "compgen"sv || program == "complete"sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-W", "-C", "-F"})) {
          reparse_word(*words[k + 1], program + " " + words[k]->text);
          ++k;
        }
    }
  }

  // Builtins whose operands name the variable they set (read NAME, mapfile
  // NAME, getopts OPTS NAME, printf -v NAME, wait -p NAME), the file they
  // load as a program (hash -p FILE NAME, enable -f FILE NAME) or the builtin
  // that later runs, or a program of PATH instead (enable [-n] NAME): a
  // value there would choose PATH, IFS or the program.
  void builtin_name_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& program) {
    const auto names = [&](std::size_t k) {
      for (auto p : words[k]->placeholders) t_.placeholders[p].names_variable = program;
    };
    std::string_view valued;  // option letters that take a value which is not a name
    if (program == "read"sv) valued = "dinNptu";
    else if (program == "mapfile"sv || program == "readarray"sv) valued = "dnOsuCc";
    else if (!one_of(program, {"getopts", "printf", "wait", "hash", "enable"})) return;
    std::size_t operand = 0;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (w.size() > 1 && w[0] == '-' && words[k]->placeholders.empty() && operand == 0) {
        const char last = w.back();
        if (k + 1 >= words.size()) break;
        if ((program == "read"sv && last == 'a') || (program == "printf"sv && last == 'v') || (program == "wait"sv && last == 'p'))
          names(++k);
        else if (program == "hash"sv && last == 'p')
          chooses_program(*words[++k], "hash -p (the file a command name then runs)");
        else if (program == "enable"sv && last == 'f')
          chooses_program(*words[++k], "enable -f (the shared object bash loads, whose constructors run)");
        else if (valued.find(last) != std::string_view::npos)
          ++k;
        continue;
      }
      ++operand;
      if (one_of(program, {"read", "mapfile", "readarray"}) || (program == "getopts"sv && operand == 2)) names(k);
      if (program == "enable"sv) chooses_program(*words[k], "enable (the builtin it turns on or off)");
    }
  }

  // Variables a runner sets for the command it starts: srun --export=A=x,B=y,
  // mpirun -x A=x, singularity/apptainer --env A=x, docker/podman/enroot
  // -e A=x. Each NAME=... item gives NAME what its text holds, as A=x before
  // the command would.
  void runner_environment(const std::vector<const ShellWord*>& words) {
    const bool runner = std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
      return programs::is_mpi_launcher(basename_of(w->text)) ||
             one_of(basename_of(w->text), {"srun", "sbatch", "salloc", "singularity", "apptainer", "docker", "podman", "enroot", "ch-run",
                                           "kubectl", "firejail", "aprun", "shifter", "systemd-run", "podman-hpc",
                                           "nerdctl", "udocker", "finch"});
    });
    if (!runner) return;
    // systemd-run -E NAME=VALUE (elsewhere -E is no environment item).
    const bool systemd = std::any_of(words.begin(), words.end(),
                                     [](const ShellWord* w) { return basename_of(w->text) == "systemd-run"sv; });
    const auto mpi = [](std::string_view w) { return programs::is_mpi_launcher(basename_of(w)); };
    const bool mpi_runner = std::any_of(words.begin(), words.end(), [&](const ShellWord* w) { return mpi(w->text); });
    const bool container_runner = std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
      return one_of(basename_of(w->text), {"docker", "podman", "nerdctl", "enroot", "podman-hpc", "udocker", "finch"});
    });
    for (std::size_t k = 1; k < words.size(); ++k) {
      const ShellWord& w = *words[k];
      if (w.placeholders.empty() && w.refs.empty()) continue;
      // mpirun -genv NAME VALUE, --mca NAME VALUE, -genvlist A,B: the word
      // after the option names a variable or an MCA parameter (plm_rsh_agent
      // is the program mpirun starts on each node); -genv NAME's value sets NAME.
      if (mpi_runner && one_of(words[k - 1]->text, {"-genv", "-env", "--mca", "-mca", "-gmca", "--gmca", "-genvlist",
                                                    "-envlist", "--prtemca", "--pmixmca"})) {
        for (auto p : w.placeholders) t_.placeholders[p].names_variable = std::string(basename_of(words[0]->text)) + " " + words[k - 1]->text;
        continue;
      }
      if (mpi_runner && k >= 2 && one_of(words[k - 2]->text, {"-genv", "-env"}) && is_code_variable(words[k - 1]->text)) {
        code_variable_word(w, words[k - 1]->text);
        continue;
      }
      // --mca NAME VALUE sets what OMPI_MCA_NAME would (plm_rsh_agent, the
      // program started on each node; mca_base_env_list, ';'-separated
      // variables for every rank; round 118).
      if (mpi_runner && k >= 2 && one_of(words[k - 2]->text, {"--mca", "-mca", "-gmca", "--gmca", "--prtemca", "--pmixmca"})) {
        code_variable_word(w, "OMPI_MCA_" + words[k - 1]->text);
        continue;
      }
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      std::size_t from = std::string_view::npos;
      for (std::string_view option : {"--export=", "--env=", "--set-env=", "--setenv="})
        if (raw.rfind(option, 0) == 0) from = option.size();
      // -e"NAME=V", -e=NAME=V (docker, podman: pflag), -x"NAME=V" (mpirun),
      // -E"NAME=V" (systemd-run): the item in the option's own word.
      if (from == std::string_view::npos && raw.size() > 2 && raw[0] == '-' &&
          ((raw[1] == 'e' && container_runner) || (raw[1] == 'x' && mpi_runner) || (raw[1] == 'E' && systemd)))
        from = raw[2] == '=' ? 3 : 2;
      if (from == std::string_view::npos &&
          (one_of(words[k - 1]->text, {"--export", "-x", "--env", "-e", "--set-env", "--setenv"}) ||
           (systemd && one_of(words[k - 1]->text, {"-E", "--setenv"}))))
        from = 0;
      if (from == std::string_view::npos) continue;
      // The items' starts: NAME= at the list's start or after a comma, also
      // inside quotes (-e "NAME=$V", --env="A=1,B=$V").
      std::vector<std::pair<std::size_t, std::string>> items;
      for (std::size_t at = from; at <= raw.size();) {
        while (at < raw.size() && (raw[at] == '"' || raw[at] == '\'')) ++at;
        std::size_t e = at;
        while (e < raw.size() && is_name_char(raw[e])) ++e;
        if (e > at && e < raw.size() && raw[e] == '=' && is_name_start(raw[at])) items.emplace_back(at, std::string(raw.substr(at, e - at)));
        const auto comma = raw.find(',', at);
        if (comma == std::string_view::npos) break;
        at = comma + 1;
      }
      for (auto p : w.placeholders) {
        // --export=ALL,${X}=...: the value would name the variable (quoted,
        // "${X}=1", the name is checked as it is rendered); so does one that
        // is a whole item of mpirun -x or docker -e ("-x ${X}" with
        // LD_PRELOAD=/x.so: NAME, NAME=VALUE).
        const std::size_t b = t_.placeholders[p].begin - w.begin, e = t_.placeholders[p].end - w.begin;
        std::size_t start = b;
        while (start > from && (raw[start - 1] == '"' || raw[start - 1] == '\'')) --start;
        std::size_t end = e;
        while (end < raw.size() && (raw[end] == '"' || raw[end] == '\'')) ++end;
        // (An item: the option's value, or a part of it between commas.)
        const bool item_start = start == from || (from != std::string_view::npos && start > from && raw[start - 1] == ',');
        const bool item_end = end == raw.size() || raw[end] == ',';
        const bool whole_item = item_start && item_end &&
                                (from > 0 || (mpi_runner && words[k - 1]->text == "-x"sv) ||
                                 (container_runner && one_of(words[k - 1]->text, {"-e", "--env"})) ||
                                 (systemd && one_of(words[k - 1]->text, {"-E", "--setenv"})));
        if ((e < raw.size() && raw[e] == '=' && (b == from || (b > 0 && raw[b - 1] == ','))) || whole_item)
          t_.placeholders[p].names_variable = std::string(basename_of(words[0]->text));
      }
      for (const auto& [at, name] : items) {
        exported_.insert(name);
        if (const auto role = setting_role(name)) fills(w, *role, name);
        else if (is_code_variable(name)) code_variable_word(w, name);
        for (const auto& r : w.refs) edges_[name].insert(r);
      }
      for (auto p : w.placeholders) {
        const std::size_t offset = t_.placeholders[p].begin - w.begin;
        const std::string* name = nullptr;
        for (const auto& [at, n] : items)
          if (at <= offset) name = &n;
        if (name) direct_[*name].insert(p);
      }
    }
  }

  // NAME=value before a command, or as an argument of a declaration builtin.
  // A word holding NAME[SUBSCRIPT] as text ("A[N]" for test -v, printf -v,
  // read, declare, unset, exec {A[N]}>, a nameref's target, a string that
  // ${!ref} reads later): wherever bash takes it as a name, it evaluates the
  // subscript, the bare names in it too. Every word counts (which only makes
  // the model stricter), but for an associative array's string keys.
  // declare -i N, then N=NAME, N+=NAME*2, read N <<< NAME, printf -v N %s
  // NAME, for N in NAME, ${N:=NAME}: bash evaluates the text an integer
  // variable is given as arithmetic, where a bare NAME is that variable's
  // value evaluated again. Where the template has an integer variable, a
  // bare name in what an assignment gives, in a ${N:=...} default or as a
  // whole argument may be one.
  void names_given_to_integers() {
    const std::string by = "an integer variable's assignment (declare -i N; N=NAME evaluates NAME's value)";
    // (An expanded ${NAME...}'s value reaches the variable through the
    // assignment's edge.)
    const auto bare_names = [&](std::string_view text) {
      for (const auto n : evaluated_names(text)) uses_.push_back({std::string(n), Use::Arithmetic, by});
    };
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto* program = program_word(t_.commands[c]);
      const bool declares = program && is_declaration_builtin(program->text);
      for (const auto& w : t_.commands[c].words) {
        const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        for (auto at = raw.find("${"); at != std::string_view::npos; at = raw.find("${", at + 2))
          if (const auto eq = raw.find('=', at); eq != std::string_view::npos && eq < raw.find('}', at))
            bare_names(raw.substr(eq + 1, raw.find('}', eq) - eq - 1));
        if (is_assignment_word(w.text)) {
          bare_names(raw.substr(std::min(raw.find('=') + 1, raw.size())));
        } else if (&w != program && !declares && !w.text.empty() && is_name_start(w.text[0]) &&
                   std::all_of(w.text.begin(), w.text.end(), [](char ch) { return is_name_char(ch); })) {
          uses_.push_back({w.text, Use::Arithmetic, by});
        }
      }
    }
  }
  void subscripts_in_text() {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    // The text bash only expands, of another language's program ("...",
    // an unquoted here-document): only ${a[X]} there is a subscript bash
    // evaluates; os.environ["X"] and ENVIRON["X"] are the program's. (With
    // ${!ref} or a nameref, any text may come to be read as a name.)
    std::vector<std::pair<std::size_t, std::size_t>> expanded_only;
    auto& other_spans = namerefs_ || uses_indirection(text_) ? spans : expanded_only;
    // (Not the literal text another language reads: python3 -c
    // '...environ["X"]', python3 - <<'PY', cat <<'PY' > run.py; bash never
    // evaluates it. What bash expands in their words, ${a[X]}, it does.)
    const auto other_language = [&](const ShellCommand& cmd) {
      const auto* program = program_word(cmd);
      if (!program) return false;
      const auto name = basename_of(program->text);
      // (Also run by a runner: env RUN=x python3 -c '...environ["RUN"]'; attack 166.)
      std::vector<const ShellWord*> words;
      for (const auto& w : cmd.words)
        if (w.role == ShellWord::Role::Word) words.push_back(&w);
      for (const auto at : program_positions(words, program)) {
        const auto run = basename_of(words[at]->text);
        if ((is_interpreter(run) && !is_shell(run)) || is_awk_or_sed(run) || is_jq_like(run)) return true;
      }
      if (name != "cat"sv) return false;
      return std::any_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
        const auto base = basename_of(w.text);
        const auto dot = base.rfind('.');
        return w.role == ShellWord::Role::Redirect && one_of(w.redirect, {">", ">>", ">|", "1>", "1>>"}) &&
               dot != std::string_view::npos && render::is_code_file(base) &&
               !one_of(base.substr(dot), {".sh", ".bash", ".ksh", ".zsh", ".env", ".sbatch", ".slurm"});
      });
    };
    std::vector<bool> other(t_.heredocs.size(), false), other_unquoted(t_.heredocs.size(), false);
    for (const auto& cmd : t_.commands) {
      if (!other_language(cmd)) {
        for (const auto& w : cmd.words) spans.emplace_back(w.begin, w.end);
        continue;
      }
      for (const auto h : cmd.heredocs) (t_.heredocs[h].quoted ? other : other_unquoted)[h] = true;
      for (const auto& w : cmd.words) {
        // The parts of the word outside single quotes.
        std::size_t from = w.begin;
        bool dq = false;
        for (std::size_t k = w.begin; k < w.end && k < text_.size(); ++k) {
          if (text_[k] == '\\') ++k;
          else if (text_[k] == '"') dq = !dq;
          else if (text_[k] == '\'' && !dq) {
            const auto close = text_.find('\'', k + 1);
            if (k > from) other_spans.emplace_back(from, k);
            k = close == std::string::npos || close >= w.end ? w.end : close;
            from = k + 1;
          }
        }
        if (from < w.end) other_spans.emplace_back(from, w.end);
      }
    }
    for (std::size_t h = 0; h < t_.heredocs.size(); ++h) {  // x=$(cat <<EOF ...) then ${!x}
      const auto& doc = t_.heredocs[h];
      if (!other[h] && doc.body_begin < doc.body_end && doc.body_end <= text_.size())
        (other_unquoted[h] ? other_spans : spans).emplace_back(doc.body_begin, doc.body_end);
    }
    // exec {A[N]}>file: the variable that gets the descriptor (not a word).
    std::size_t last_at = std::string::npos, last_open = 0;  // a back scan that reaches the last "]}" ends as it did
    for (auto at = text_.find("]}"); at != std::string::npos; at = text_.find("]}", at + 2)) {
      if (at + 2 >= text_.size() || (text_[at + 2] != '>' && text_[at + 2] != '<')) continue;
      auto open = at;  // just after the '{' (or blank) that starts this blank-free part
      while (open > 0 && text_[open - 1] != '{' && text_[open - 1] != ' ' && text_[open - 1] != '\t' &&
             text_[open - 1] != '\n') {
        if (--open == last_at) {
          open = last_open;
          break;
        }
      }
      last_at = at;
      last_open = open;
      if (open > 0 && text_[open - 1] == '{' && open < at && is_name_start(text_[open])) spans.emplace_back(open, at + 1);
    }
    for (const auto& [begin, end] : spans) subscripts_in(begin, end, false);
    for (const auto& [begin, end] : expanded_only) subscripts_in(begin, end, true);
  }
  // A word or here-document holding ${!name} refers to whichever variable
  // name's value names: to every variable (env:*), before any rule reads
  // the word's refs (curl -o "${!var}" in a loop over names; attack 211).
  void indirection_refs() {
    const auto add = [&](std::vector<std::string>& refs, std::size_t begin, std::size_t end) {
      if (begin < end && end <= text_.size() && uses_indirection(std::string_view(text_).substr(begin, end - begin)) &&
          std::find(refs.begin(), refs.end(), kAnyVariable) == refs.end())
        refs.emplace_back(kAnyVariable);
    };
    for (auto& cmd : t_.commands)
      for (auto& w : cmd.words) add(w.refs, w.begin, w.end);
    for (auto& doc : t_.heredocs)
      if (!doc.quoted) add(doc.refs, doc.body_begin, doc.body_end);
  }
  // ${!NAME} or ${!NAME[K]}: a variable named by another's value (not
  // ${!A[@]}, an array's keys, or ${!prefix*}, names).
  static bool uses_indirection(std::string_view text) {
    for (auto at = text.find("${!"); at != std::string_view::npos; at = text.find("${!", at + 3)) {
      auto k = at + 3;
      while (k < text.size() && is_name_char(text[k])) ++k;
      const auto rest = text.substr(k);
      if (!(rest.starts_with("[@]") || rest.starts_with("[*]") || rest.starts_with("@") || rest.starts_with("*"))) return true;
    }
    return false;
  }
  // One pass over text_[begin, end): `open` holds each NAME[ not yet closed,
  // with the bracket depth it opened at; a bare name while one is open is
  // read by the innermost (none for an associative array's string key).
  void subscripts_in(std::size_t begin, std::size_t end, bool expansions_only) {
    const std::string_view raw = std::string_view(text_).substr(begin, end - begin);
    std::vector<std::pair<int, std::string>> open;  // (depth, array; "" for string keys)
    int depth = 0;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '[' && !open.empty()) ++depth;
      if (raw[k] == ']' && !open.empty()) {
        if (open.back().first == depth) open.pop_back();
        --depth;
      }
      if (!is_name_start(raw[k]) || (k > 0 && is_name_char(raw[k - 1]))) continue;
      const std::size_t m = k;
      // $N, ${N}, ${!N}, ${#N}: expansions, followed as such elsewhere.
      const bool expansion = m > 0 && (raw[m - 1] == '$' || (raw[m - 1] == '{' && m >= 2 && raw[m - 2] == '$') ||
                                       ((raw[m - 1] == '!' || raw[m - 1] == '#') && m >= 3 && raw[m - 2] == '{' &&
                                        raw[m - 3] == '$'));
      while (k < raw.size() && is_name_char(raw[k])) ++k;
      const std::string name(raw.substr(m, k - m));
      if (!expansion && !open.empty() && !open.back().second.empty())
        uses_.push_back({name, Use::Arithmetic, open.back().second + "[...] (a subscript bash evaluates)"});
      const bool braced = m > 1 && raw[m - 2] == '$' && raw[m - 1] == '{';
      if (k < raw.size() && raw[k] == '[' && !(m > 0 && raw[m - 1] == '$') && (braced || !expansions_only)) {
        const auto assoc = t_.associative_arrays.find(name);
        const bool keys = assoc != t_.associative_arrays.end() && assoc->second < begin;
        open.emplace_back(++depth, keys ? std::string() : name);
        continue;  // k is at the '[', counted
      }
      --k;
    }
  }

  // `evaluated`: declare -i NAME=EXPR, where NAME gets the number EXPR
  // makes (arithmetic_word reads EXPR).
  void assignment(const ShellWord& w, bool evaluated = false) {
    const auto name = assigned_name(w.text);
    if (const auto role = setting_role(name)) fills(w, *role, name);
    else if (render::is_environment_only_variable(name)) environment_only_assignments_.emplace_back(w, name);
    else if (is_code_variable(name) && !(render::is_slurm_input_variable(name) && only_ever_an_array(name)))
      code_variable_word(w, name);
    // cmake's find_package(P) loads P's configuration (code) from the
    // directories P_ROOT and P_DIR name, in the environment too.
    const auto ends = [&](std::string_view s) { return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    if (runs_cmake_ && (ends("_ROOT") || ends("_DIR") || ends("ROOT")))
      reparse_word(w, name + " (the template runs cmake, whose find_package loads the package configuration a "
                             "PACKAGE_ROOT or PACKAGE_DIR variable names: code that runs)");
    // PS4='+$(eval "$V") ': the prompts bash expands (set -x, interactive) are code.
    if (one_of(name, {"PS0", "PS1", "PS2", "PS4", "PROMPT_COMMAND"}) && w.placeholders.empty())
      nested_code(w.text.substr(w.text.find('=') + 1), {});
    if (evaluated) return;
    // N=$(... | wc -l): a count, whatever the value was.
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto eq = raw.find('=');
    // OUT="runs/$X": where X's value stands in OUT's text, for where OUT names a path (spread_path_sites).
    if (eq != std::string_view::npos)
      for (const auto& x : expansions(raw.substr(eq + 1))) {
        const auto span = raw.substr(eq + 1 + x.begin, x.end - x.begin);
        std::vector<std::string> read = names_in(span);
        if (!x.name.empty() && std::find(read.begin(), read.end(), x.name) == read.end()) read.push_back(x.name);
        // (O="${CLEARML_...}.log": the placeholder itself, by its number after kPlaceholderSite.)
        // (R="${R_FILE:-${CLEARML_...}}", "$(basename "${CLEARML_...}")": one
        // inside the expansion, which may yield it whole: attack 210.)
        for (auto p : w.placeholders)
          if (t_.placeholders[p].begin >= w.begin + eq + 1 + x.begin && t_.placeholders[p].begin < w.begin + eq + 1 + x.end)
            read.push_back(std::string(kPlaceholderSite) + std::to_string(p));
        if (x.name.empty() && !span.starts_with("$(") && !span.starts_with("`") && read.empty()) continue;
        // (S="${N%.py}": where S names a file the job creates, its name
        // ends as the cut leaves N's: cut_site.)
        for (const auto& r : read) {
          auto& sites = assigned_sites_[name];
          std::pair<std::string, render::PathSite> entry{r, path_site(text_, w.begin + eq + 1 + x.begin, w.begin + eq + 1 + x.end)};
          cut_site(entry.second, span, r.starts_with(kPlaceholderSite));
          // (F+=".$B": the text follows what F held, another expansion's.)
          if (eq > 0 && raw[eq - 1] == '+' && entry.second.before == render::PathSite::Edge::Boundary)
            entry.second.before = render::PathSite::Edge::Expansion;
          if (std::find(sites.begin(), sites.end(), entry) == sites.end()) sites.push_back(std::move(entry));
        }
        // N=$(printf '%s.%s' "$RUN" "$FMT"): as printf -v N does (attack 216).
        if (span.starts_with("$(printf "))
          if (const auto d = command_starting_at(w.begin + eq + 1 + x.begin + 2); d != kNone) {
            const auto inner = words_of(d);
            if (!inner.empty() && inner.front()->text == "printf"sv && inner.size() > 1 && inner[1]->text.rfind('-', 0) != 0)
              printed_sites(name, inner, 1);
          }
      }
    auto value = eq == std::string_view::npos ? std::string_view() : raw.substr(eq + 1);
    if (value.size() > 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.rfind("$(", 0) == 0 && value.back() == ')' && counts_only(value) &&
        expansions(value).size() == 1)
      return;
    // N=$(( NODES * ${...} )): a decimal integer, whatever it was made from
    // (values in it are integers, and what arithmetic does with variables
    // is read where they stand).
    if (value.rfind("$((", 0) == 0 && value.ends_with("))") && expansions(value).size() == 1 &&
        std::all_of(w.placeholders.begin(), w.placeholders.end(), [&](std::size_t p) {
          return t_.placeholders[p].context.quoting == render::Quoting::Arithmetic;
        }))
      return;
    value_starts(name, w, raw, eq);
    // NAME[KEY]=VALUE: the key goes into the array's keys (NAME!keys, what
    // ${!NAME[@]} reads), not into its values (what $(( ${NAME[K]} )) reads).
    // NAME=([KEY]=VALUE ...): each element's key too (attack 166).
    std::vector<std::pair<std::size_t, std::size_t>> keys;
    if (raw.size() > name.size() && raw[name.size()] == '[') {
      const auto close = std::min(raw.find("]=", name.size()), raw.find("]+=", name.size()));
      if (close != std::string_view::npos) keys.emplace_back(name.size() + 1, close);
    } else if (eq != std::string_view::npos && raw.substr(eq + 1).starts_with("(")) {
      keys = element_keys(raw);
    }
    if (keys.empty()) {
      for (auto k : w.placeholders) direct_[name].insert(k);
      for (const auto& r : w.refs) edges_[name].insert(r);
    } else {
      // (w.refs has one entry per expansion that reaches the word: those
      // beyond the keys' own are the value's.)
      std::vector<std::string> in_key;
      for (const auto& [b, e] : keys)
        for (const auto& n : names_in(raw.substr(b, e - b))) in_key.emplace_back(n);
      for (auto k : w.placeholders) {
        const auto at = t_.placeholders[k].begin - w.begin;
        const bool key = std::any_of(keys.begin(), keys.end(), [&](const auto& r) { return at >= r.first && at < r.second; });
        direct_[key ? name + "!keys" : name].insert(k);
      }
      for (const auto& r : w.refs) {
        const auto mentions = std::count(in_key.begin(), in_key.end(), r);
        if (mentions > 0) edges_[name + "!keys"].insert(r);
        if (std::count(w.refs.begin(), w.refs.end(), r) > mentions) edges_[name].insert(r);
      }
    }
    assigned_cut(name, w);
    program_output(name, w);
  }
  // NAME=$(prog ... "${X}" ...): NAME holds what a program made of a value,
  // where any character may have become a blank or come first (tr , ' ',
  // basename); a program that decodes escapes (jq -r, base64 -d, awk -v)
  // may make any text of one without punctuation at all.
  void program_output(const std::string& name, const ShellWord& w) {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    // The substitutions in it (also nested: ${EXTRA:-$(... | tr , ' ')})
    // that a program rewrites in a way no cut reads exactly.
    std::vector<Expansion> rewrites;
    for (const auto& x : expansions(raw)) {
      const auto span = raw.substr(x.begin, x.end - x.begin);
      if ((span.find("$(") != std::string_view::npos || span.find('`') != std::string_view::npos) && !read_exactly(span))
        rewrites.push_back(x);
    }
    // (What substitutions print reaches the word as "in:" names: only
    // those of substitutions read exactly may be left out.)
    // (Nor "$PWD/out": the working directory, which a value chose only
    // through cd "$V", where its own rules follow it.)
    bool from_value = std::any_of(w.refs.begin(), w.refs.end(), [&](const std::string& r) {
      return r.find(':') != std::string::npos && !(rewrites.empty() && (r.rfind("in:", 0) == 0 || r == kCwd));
    });
    std::string decoder;
    for (const auto& x : rewrites) {
      const auto span = raw.substr(x.begin, x.end - x.begin);
      from_value = from_value || !names_in(span).empty() ||
                   std::any_of(w.placeholders.begin(), w.placeholders.end(), [&](std::size_t p) {
                     const auto at = t_.placeholders[p].begin - w.begin;
                     return x.begin < at && at < x.end;
                   });
      if (decoder.empty()) decoder = decoding_program(span);
      if (decoder.empty()) decoder = translating_program(span);
    }
    if (!from_value) return;
    program_outputs_.insert(name);
    if (!decoder.empty()) decoded_outputs_.emplace(name, decoder);
  }
  // A substitution whose output a cut reads exactly: a count, tr's
  // replacements, dirname's start, basename's last component.
  static bool read_exactly(std::string_view span) {
    return counts_only(span) || translated_by_tr(span) || dirname_of_one(span) || basename_of_one(span) || prints_strings(span) ||
           prints_its_template(span);
  }
  // $(mktemp -d "/local/${RUN}.XXXXXX"): the template it is given, its
  // trailing X's made letters and digits (not with -p, -t or --tmpdir,
  // which put a directory first, or --suffix).
  static bool prints_its_template(std::string_view span) {
    if (!span.starts_with("$(mktemp ") || !span.ends_with(")")) return false;
    const auto inner = span.substr(9, span.size() - 10);
    if (inner.find_first_of("`|;&<>(") != std::string_view::npos) return false;
    std::size_t operands = 0;
    for (std::size_t k = 0; k < inner.size();) {
      const auto b = inner.find_first_not_of(" \t", k);
      if (b == std::string_view::npos) break;
      std::size_t e = b;
      for (char quote = 0; e < inner.size() && (quote || (inner[e] != ' ' && inner[e] != '\t')); ++e)
        if (inner[e] == '"' || inner[e] == '\'') quote = quote == inner[e] ? 0 : quote ? quote : inner[e];
      const auto word = inner.substr(b, e - b);
      if (word.starts_with("-")) {
        if (!one_of(word, {"-d", "-q", "-u", "--directory", "--quiet", "--dry-run"})) return false;
      } else {
        ++operands;
      }
      k = e;
    }
    return operands == 1;
  }
  // CFG=$(jq -n --arg name "$V" '{run_name: $name}'): variables whose
  // every assignment is a serializer's JSON of an object or array the
  // filter builds (prints_json, the filter starting with '{' or '[' and keeping values strings), so
  // their text starts with that bracket and holds each value escaped as
  // a JSON string: where an argument begins ("$CFG") or a data file takes
  // it (echo "$CFG" > config.json) no value is at its start or unescaped
  // (fr hunts 75, 78). Assigned any other way (a bare NAME word: read,
  // for, printf -v, mapfile; ${NAME:=...}; a nameref anywhere): none.
  const std::set<std::string>& json_texts() {
    if (json_texts_) return *json_texts_;
    auto& json = json_texts_.emplace();
    std::set<std::string> other;
    if (namerefs_) return json;
    for (const auto& cmd : t_.commands)
      for (const auto& w : cmd.words) {
        if (w.role != ShellWord::Role::Word) continue;
        if (!is_assignment_word(w.text)) {
          if (is_name_start(w.text.empty() ? '0' : w.text[0]) && assigned_name(w.text) == w.text) other.insert(w.text);
          continue;
        }
        const auto name = assigned_name(w.text);
        const auto raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        auto value = raw.substr(std::min(raw.find('='), raw.size() - 1) + 1);
        if (value.size() > 1 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        const auto filter_at = value.find('\'');
        const auto filter = filter_at == std::string_view::npos ? std::string_view() : value.substr(filter_at + 1);
        const auto first = filter.find_first_not_of(" \t");
        const bool builds = first != std::string_view::npos && (filter[first] == '{' || filter[first] == '[');
        const auto xs = expansions(value);
        const bool whole = xs.size() == 1 && xs[0].begin == 0 && xs[0].end == value.size();
        const auto close = value.rfind('\'');
        if (raw[name.size()] == '=' && whole && builds && prints_json(value) && value.find('\'', filter_at + 1) == close &&
            jq_keeps_values_strings(value.substr(filter_at + 1, close - filter_at - 1)))
          json.insert(name);
        else
          other.insert(name);
      }
    for (const auto& n : other) json.erase(n);
    for (auto it = json.begin(); it != json.end();)
      if (text_.find("${" + *it + ":=") != std::string::npos || text_.find("${" + *it + "=") != std::string::npos)
        it = json.erase(it);
      else
        ++it;
    return json;
  }
  // echo "$CFG" > config.json, printf '%s\n' "$CFG", a here-document of
  // $CFG lines: command c writes nothing but whole JSON texts (json_texts)
  // and its own text, so each value in the file is an escaped string.
  bool writes_only_json_texts(std::size_t c) {
    if (c >= t_.commands.size()) return false;
    const auto& cmd = t_.commands[c];
    const auto* program = program_word(cmd);
    if (!program) return false;
    const auto prog = basename_of(program->text);
    const auto whole_json = [&](std::string_view raw) {
      if (raw.size() > 1 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
      const auto xs = expansions(raw);
      return xs.size() == 1 && xs[0].begin == 0 && xs[0].end == raw.size() && json_texts().count(xs[0].name) &&
             (raw == "$" + xs[0].name || raw == "${" + xs[0].name + "}");
    };
    std::size_t texts = 0;
    bool format = prog == "printf"sv, options = prog == "echo"sv;
    for (const auto& w : cmd.words) {
      if (&w < program || &w == program || w.role == ShellWord::Role::Redirect) continue;
      if (w.role != ShellWord::Role::Word || !w.placeholders.empty()) return false;
      if (options && w.text.size() > 1 && w.text[0] == '-' && w.text.find_first_not_of("neE", 1) == std::string::npos) continue;
      options = false;
      if (format) {
        if (w.text != "%s"sv && w.text != "%s\\n"sv) return false;
        format = false;
        continue;
      }
      if (!whole_json(std::string_view(text_).substr(w.begin, w.end - w.begin))) return false;
      ++texts;
    }
    if (prog == "echo"sv || prog == "printf"sv) return texts > 0 && cmd.heredocs.empty();
    if (prog != "cat"sv || cmd.heredocs.empty() || texts > 0) return false;
    for (const auto h : cmd.heredocs) {
      const auto& doc = t_.heredocs[h];
      if (!doc.placeholders.empty()) return false;
      if (doc.quoted) continue;
      const auto body = std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin);
      for (std::size_t k = 0; k < body.size();) {
        const auto end = std::min(body.find('\n', k), body.size());
        const auto line = body.substr(k, end - k);
        if (line.find_first_of("$`\\") != std::string_view::npos && !whole_json(line)) return false;
        k = end + 1;
      }
    }
    return true;
  }
  // $(jq -n --arg t "$V" '{text: $t}'): a serializer's JSON, whose first
  // character is the filter's ('{', '[', '"'), never the value's (not with
  // -r or -j, which print strings raw, or input, fromjson, --argjson,
  // which parse JSON; nothing piped or chained; fr41/04).
  static bool prints_json(std::string_view span) {
    if (!span.starts_with("$(") || !span.ends_with(")")) return false;
    const auto inner = span.substr(2, span.size() - 3);
    const auto program = inner.substr(0, inner.find(' '));
    if (!one_of(program, {"jq", "gojq", "jaq"}) || inner.find_first_of("|;&`<>\n") != std::string_view::npos ||
        inner.find("$(") != std::string_view::npos)
      return false;
    bool null_input = false;
    for (std::size_t k = program.size(); k < inner.size();) {
      const auto b = inner.find_first_not_of(' ', k);
      if (b == std::string_view::npos) break;
      const auto e = std::min(inner.find(' ', b), inner.size());
      const auto w = inner.substr(b, e - b);
      if (one_of_found(w, {"fromjson", "input", "--raw", "--join", "--argjson", "--jsonargs", "--slurpfile", "--seq"}))
        return false;
      if (w.size() > 1 && w[0] == '-' && w[1] != '-' && w.find_first_not_of("nacCMSseRh", 1) == std::string_view::npos)
        null_input = null_input || w.find('n') != std::string_view::npos;
      else if (w.size() > 1 && w[0] == '-' && w[1] != '-')
        return false;  // -r, -j, and whatever else
      if (w == "--null-input"sv) null_input = true;
      k = e;
    }
    return null_input;
  }
  // $(printf "run %s lr=%s" "${X}" 0.1): a format of the template's own
  // whose conversions are all %s prints each argument as it is, inside
  // the format's text (not %b or %q, which rewrite it; no pipe after).
  // (A format not written out, or other conversions, may rewrite it.)
  static bool prints_strings(std::string_view span) {
    if (!span.starts_with("$(printf ") || !span.ends_with(")")) return false;
    auto rest = span.substr(9, span.size() - 10);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) return false;
    const auto close = rest.find(rest.front(), 1);
    if (close == std::string_view::npos) return false;
    const auto format = rest.substr(1, close - 1);
    if (format.find_first_of("$`") != std::string_view::npos || format.starts_with("-")) return false;
    if (close + 1 < rest.size() && rest[close + 1] != ' ' && rest[close + 1] != '\t') return false;  // '%s'%b: one word
    for (auto at = format.find('%'); at != std::string_view::npos; at = format.find('%', at + 1)) {
      auto k = at + 1;
      while (k < format.size() && std::string_view("-0123456789.").find(format[k]) != std::string_view::npos) ++k;
      if (k >= format.size() || (format[k] != 's' && !(format[k] == '%' && k == at + 1))) return false;
      at = k;
    }
    // (Arguments may be substitutions of programs that read nothing:
    // "$(date +%FT%T)", "$(hostname)".)
    std::string arguments(rest.substr(close + 1));
    for (auto at = arguments.find("$("); at != std::string::npos; at = arguments.find("$(")) {
      const auto end = arguments.find(')', at);
      if (end == std::string::npos || arguments.find_first_of("$`(|<>;&", at + 2) < end) return false;
      const auto inner = std::string_view(arguments).substr(at + 2, end - at - 2);
      if (!one_of(inner.substr(0, inner.find(' ')), {"date", "hostname", "whoami", "id", "nproc", "uname", "pwd"}))
        return false;
      arguments.erase(at, end + 1 - at);
    }
    return arguments.find_first_of("|;&<>`") == std::string::npos;
  }
  // Whether an archiver or a copier prints the names it handles.
  static bool lists_names(std::string_view prog, const std::vector<const ShellWord*>& words) {
    if (one_of(prog, {"zip", "unzip", "7z"})) {
      return std::none_of(words.begin(), words.end(), [](const ShellWord* w) {
        return w->text == "-q"sv || w->text == "-qq"sv || w->text == "--quiet"sv;
      });
    }
    if (one_of(prog, {"tar", "gtar", "bsdtar"})) {
      const auto tar = tar_command(words, 0);
      return tar.verbose || tar.mode == TarCommand::Mode::List;
    }
    for (std::size_t k = 1; k < words.size(); ++k) {
      const std::string_view t = words[k]->text;
      if (one_of(t, {"--verbose", "--list", "--list-only", "--itemize-changes", "--progress", "--info=name", "--out-format"}) ||
          t.starts_with("--out-format=") || t.starts_with("--info="))
        return true;
      // -v, -i (rsync's itemized list); cpio -t lists
      const bool cluster = (t.size() > 1 && t[0] == '-' && t[1] != '-');
      if (cluster && t.find_first_of(prog == "rsync"sv ? "vi" : "vt") != std::string_view::npos) return true;
    }
    return false;
  }
  // squeue -o %D, sacct -o ElapsedRaw: a format of the job's numbers,
  // times and states only, none a text an #SBATCH line sets (fr hunt 57).
  static bool prints_numbers_only(std::string_view prog, const std::vector<const ShellWord*>& words) {
    std::string_view format;
    // Options that add fields or print other records (sacct -l, -B, -e,
    // --env-vars; attack 151) are not read: only these keep the format's.
    const std::string_view flags = prog == "squeue"sv ? "h" : "nXPp";
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string_view t = words[k]->text;
      if (k > 0 && !t.empty() && t[0] == '-') {
        const bool with_value = one_of(t, {"-j", "--jobs", "-u", "--user", "-o", "--format", "-O", "--Format", "-S", "-E",
                                           "--starttime", "--endtime", "-t", "--states"});
        const bool known_long = one_of(t, {"--noheader", "--allocations", "--parsable", "--parsable2", "--noconvert"}) ||
                                t.starts_with("--jobs=") || t.starts_with("--user=") || t.starts_with("--format=") ||
                                t.starts_with("--Format=") || t.starts_with("--starttime=") || t.starts_with("--endtime=") ||
                                t.starts_with("--states=");
        const bool short_flags = t.size() > 1 && t[1] != '-' && t.find_first_not_of(flags, 1) == std::string_view::npos;
        const bool glued = t.size() > 2 && t[1] != '-' && std::string_view("juoOSEt").find(t[1]) != std::string_view::npos;
        if (!with_value && !known_long && !short_flags && !glued) return false;
      }
      for (std::string_view option : {"-o", "--format", "-O", "--Format"}) {
        if (t == option && k + 1 < words.size()) format = words[k + 1]->text;
        else if (t.size() > option.size() + 1 && t.starts_with(option) && t[option.size()] == '=') format = t.substr(option.size() + 1);
      }
      if (t.size() > 2 && t.starts_with("-o") && t[2] != '=') format = t.substr(2);
    }
    if (format.empty()) return false;
    if (prog == "squeue"sv && format.find('%') != std::string_view::npos) {
      for (std::size_t k = format.find('%'); k != std::string_view::npos; k = format.find('%', k + 1)) {
        auto j = k + 1;
        if (j < format.size() && format[j] == '.') ++j;
        while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) ++j;
        if (j >= format.size() || std::string_view("AiDCcHIJLlMQptTSeV").find(format[j]) == std::string_view::npos) return false;
        k = j;
      }
      return true;
    }
    if (prog != "sacct"sv) return false;
    for (std::size_t k = 0; k < format.size();) {
      const auto end = std::min(format.find(',', k), format.size());
      auto field = format.substr(k, end - k);
      field = field.substr(0, field.find('%'));
      std::string lower(field);
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
      if (!one_of(lower, {"jobid", "jobidraw", "elapsed", "elapsedraw", "nnodes", "ncpus", "ntasks", "alloccpus", "allocnodes",
                          "exitcode", "state", "start", "end", "submit", "cputime", "cputimeraw", "totalcpu", "maxrss",
                          "averss", "reqmem", "timelimit", "timelimitraw", "priority", "reqcpus", "reqnodes"}))
        return false;
      k = end + 1;
    }
    return true;
  }
  // One past the $(...) or `...` starting at `at`, or 0 (not read whole
  // within 4 KiB: no count).
  std::size_t substitution_end(std::size_t at) const {
    const auto xs = expansions(std::string_view(text_).substr(at, 4096));
    return !xs.empty() && xs.front().begin == 0 && xs.front().end >= 2 ? at + xs.front().end : 0;
  }
  // Whether the $(...) or `...` from `at` to `end` (substitution_end) prints only a count.
  bool prints_a_count(std::size_t at, std::size_t end) const {
    if (end == 0) return false;
    const auto span = std::string_view(text_).substr(at, end - at);
    return counts_only(span[0] == '`' ? "$(" + std::string(span.substr(1, span.size() - 2)) + ")" : std::string(span));
  }
  // $(... | wc -l): the output is a count, whatever the value was.
  static bool counts_only(std::string_view span) {
    if (span.starts_with("$(") && span.ends_with(")") &&
        (awk_counts(span.substr(2, span.size() - 3)) || grep_counts(span.substr(2, span.size() - 3), "pgrep")))
      return true;
    const auto bar = span.rfind('|');
    if (bar == std::string_view::npos || bar == 0 || span[bar - 1] == '|') return false;
    auto rest = span.substr(bar + 1);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (rest.ends_with(")") && (awk_counts(rest.substr(0, rest.size() - 1)) || grep_counts(rest.substr(0, rest.size() - 1), "grep")))
      return true;
    return rest.rfind("wc ", 0) == 0 && rest.find_first_of("$`;&|<>") == std::string_view::npos;
  }
  // ... | grep -c PATTERN (its input only), pgrep -c NAME: a count of
  // lines or processes, whatever they hold.
  static bool grep_counts(std::string_view code, std::string_view program) {
    std::vector<std::string_view> words;
    for (std::size_t k = 0; k < code.size();) {
      while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
      if (k >= code.size()) break;
      const auto end = std::min(code.find_first_of(" \t", k), code.size());
      words.push_back(code.substr(k, end - k));
      k = end;
    }
    if (words.size() < 3 || words[0] != program) return false;
    bool count = false;
    std::size_t k = 1;
    for (; k < words.size() && words[k].starts_with("-"); ++k) {
      // (grep -f FILE reads patterns; pgrep -f matches whole command lines.)
      if (words[k].find_first_not_of("civwxFEf", 1) != std::string_view::npos ||
          (program == "grep"sv && words[k].find('f', 1) != std::string_view::npos))
        return false;
      count = count || words[k].find('c') != std::string_view::npos;
    }
    // One literal pattern, no file after it.
    return count && k + 1 == words.size() && words[k].find_first_of("$`<>;&|") == std::string_view::npos;
  }
  // awk -F, '{print NF}' <<< "$V", awk 'END {print NR}': an awk whose own
  // program prints only a count of fields, records or characters (hunt 48).
  static bool awk_counts(std::string_view code) {
    const auto skip_blanks = [&] { code.remove_prefix(std::min(code.find_first_not_of(" \t"), code.size())); };
    const auto word = [&] {
      skip_blanks();
      const auto end = std::min(code.find_first_of(" \t"), code.size());
      const auto w = code.substr(0, end);
      code.remove_prefix(end);
      return w;
    };
    if (!one_of(word(), {"awk", "gawk", "mawk", "nawk"})) return false;
    skip_blanks();
    if (code.starts_with("-F")) {  // a literal separator: -F, -F',' -F ':'
      auto sep = code.size() > 2 && code[2] != ' ' ? word().substr(2) : (word(), word());
      if (sep.empty() || sep.find_first_of("$`\\") != std::string_view::npos) return false;
      skip_blanks();
    }
    if (!code.starts_with("'")) return false;
    const auto close = code.find('\'', 1);
    if (close == std::string_view::npos) return false;
    std::string program;
    for (char ch : code.substr(1, close - 1))
      if (ch != ' ' && ch != '\t' && ch != ';') program += ch;
    if (program.starts_with("END")) program.erase(0, 3);
    if (!one_of(program, {"{printNF}", "{printNR}", "{printlength}", "{printlength()}", "{printlength($0)}"})) return false;
    code.remove_prefix(close + 1);
    skip_blanks();
    // Its input: the value (a here-string of one expansion) or what the
    // pipe gives it.
    if (code.empty()) return true;
    if (!code.starts_with("<<<")) return false;
    code.remove_prefix(3);
    skip_blanks();
    return expansions(code).size() == 1 && expansions(code).front().begin == (code.starts_with("\"") ? 1u : 0u) &&
           code.find_first_of(" \t;&|<>") == std::string_view::npos;
  }
  // The first program in `code` that turns escapes or encodings into text.
  static std::string decoding_program(std::string_view code) {
    for (std::string_view p : {"base64", "base32", "basenc", "xxd", "uudecode", "openssl", "jq", "yq", "gojq", "jaq",
                               "awk", "gawk", "mawk", "nawk", "python", "python3", "perl", "ruby", "node", "iconv",
                               "recode", "printf"})
      for (auto at = code.find(p); at != std::string_view::npos; at = code.find(p, at + 1)) {
        const bool starts = at == 0 || std::string_view(" \t|;&(`/$").find(code[at - 1]) != std::string_view::npos;
        const auto end = at + p.size();
        if (starts && (end == code.size() || std::string_view(" \t|;&)`").find(code[end]) != std::string_view::npos))
          return std::string(p);
      }
    return {};
  }
  // tr and sed that can write '/', '~', '.' or '-' into a value (tr . /,
  // sed 's|\.|/|g'): what comes out may name any path or option, which no
  // check of the value as written sees ("" when they cannot).
  static std::string translating_program(std::string_view code) {
    // (An escape, \x2d or \055, or a class may write any of them.)
    const auto makes = [](std::string_view text) { return text.find_first_of("/~.-\\[") != std::string_view::npos; };
    // A blank or a glob written for a letter, a digit or a pattern (tr X ' ',
    // sed 's/[a-z]/ /'): the rule of split values, which names punctuation
    // only, does not see it.
    const auto splits_letters = [](std::string_view from, std::string_view to) {
      return to.find_first_of(" \t*?") != std::string_view::npos &&
             std::any_of(from.begin(), from.end(), [](char ch) {
               return is_name_char(ch) || std::string_view(".[]\\^$+{}|()").find(ch) != std::string_view::npos;
             });
    };
    const auto unquote = [](std::string_view w) {
      if (w.size() >= 2 && (w.front() == '\'' || w.front() == '"') && w.back() == w.front()) w = w.substr(1, w.size() - 2);
      return w;
    };
    std::vector<std::string_view> words;
    for (std::size_t k = 0; k < code.size();) {
      while (k < code.size() && std::string_view(" \t|;&()`").find(code[k]) != std::string_view::npos) ++k;
      std::size_t e = k;
      char quote = 0;
      for (; e < code.size(); ++e) {
        if (quote) {
          if (code[e] == quote) quote = 0;
        } else if (code[e] == '\'' || code[e] == '"') {
          quote = code[e];
        } else if (std::string_view(" \t|;&()`").find(code[e]) != std::string_view::npos) {
          break;
        }
      }
      if (e > k) words.push_back(code.substr(k, e - k));
      k = e;
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k] == "tr"sv) {
        // tr SET1 SET2: the last set is what comes out.
        std::vector<std::string_view> sets;
        for (std::size_t j = k + 1; j < words.size() && words[j].front() != '>' && words[j].front() != '<'; ++j)
          if (words[j].front() != '-') sets.push_back(unquote(words[j]));
        if (sets.size() >= 2 && (makes(sets.back()) || splits_letters(sets[sets.size() - 2], sets.back()))) return "tr";
      } else if (words[k] == "sed"sv || words[k] == "gsed"sv) {
        // s<d>P<d>R<d>: R is what comes out; y<d>S<d>R<d> maps characters
        // to any; a script from a file (-f) says nothing.
        for (std::size_t j = k + 1; j < words.size(); ++j) {
          const auto w = unquote(words[j]);
          if (w == "-f"sv || w.rfind("--file", 0) == 0 || (w.size() > 1 && w[0] == '-' && w[1] != '-' && w.find('f') != std::string_view::npos))
            return "sed";
          for (std::size_t at = 0; at + 1 < w.size(); ++at)
            if (w[at] == 'y' && (at == 0 || std::string_view("; \t\n{}").find(w[at - 1]) != std::string_view::npos) &&
                !is_name_char(w[at + 1]) && w[at + 1] != ' ')
              return "sed";
          if (w.size() < 4 || w[0] != 's') continue;
          const char d = w[1];
          const auto mid = w.find(d, 2);
          if (mid == std::string_view::npos) continue;
          const auto end = w.find(d, mid + 1);
          const auto replacement = w.substr(mid + 1, end == std::string_view::npos ? std::string_view::npos : end - mid - 1);
          if (makes(replacement) || splits_letters(w.substr(2, mid - 2), replacement)) return "sed";
        }
      }
    }
    return {};
  }
  // Names that take their value from words[from...] (for, read, mapfile, ...).
  // The variable a name position writes: a written name, a nameref to a
  // run-time name, or one named at run time ("$1", {A,B}).
  std::string assigned_variable(const std::string& word) const {
    if (word.find_first_of("$`{") != std::string::npos) return kNamedAtRunTime;
    const auto name = assigned_name(word);
    return runtime_namerefs_.count(name) ? std::string(kNamedAtRunTime) : name;
  }
  void assign(const std::string& name, const std::vector<const ShellWord*>& words, std::size_t from) {
    for (std::size_t k = from; k < words.size(); ++k) {
      for (auto p : words[k]->placeholders) direct_[name].insert(p);
      for (const auto& r : words[k]->refs) edges_[name].insert(r);
      assigned_cut(name, *words[k]);
    }
  }
  // A name given everything that reaches command c: words, input, pipelines.
  void assign_from_command(const std::string& name, std::size_t c) {
    std::vector<std::size_t> phs;
    std::vector<std::string> refs;
    collect_stdin(c, phs, refs);
    if (copies_bytes(c)) {
      collect_copied(c, name, phs, refs);
      copy_sources(name, copy_source_words(c));  // (tee's and sponge's operands are all written)
    } else if (const auto archive = extracted_archive_words(c); !archive.empty()) {
      // tar -xf "/shared/archives/${M}.tar": the tree holds what the archive
      // does, as a copy holds its source's (fr hunt 76).
      for (const auto* w : archive)
        for (const auto& r : w->refs)
          if (is_file_ref(r)) refs.push_back(r);
      copy_sources(name, archive);
    } else {
      collect_all(c, phs, refs);
    }
    const auto carried = carried_keys_.find({name, c});
    const std::string& into = carried == carried_keys_.end() ? name : carried->second;
    for (auto p : phs) direct_[into].insert(p);
    for (const auto& r : refs) edges_[into].insert(r);
  }
  // cp, mv, install, ln, rsync: what the copy holds is what its sources
  // hold, not their names (cp -r "/data/$SET" "$TMP/" copies the data set,
  // not the text of $SET); tee and sponge write what they read.
  // (Through runners too: srun rsync -a "/data/$SET/" "$TMP/".)
  bool copies_bytes(std::size_t c) const { return copying_program(c).first != nullptr; }
  // The words of command c and the position among them of the copying
  // program it runs (cp, ..., tee, sponge), or nullptr.
  std::pair<const ShellWord*, std::vector<const ShellWord*>> copying_program(std::size_t c) const {
    const auto& cmd = t_.commands[c];
    const ShellWord* program = cmd.kind == ShellCommand::Kind::Simple ? program_word(cmd) : nullptr;
    if (!program) return {};
    auto all = words_of(c);
    for (const auto i : program_positions(all, program))
      if (one_of(basename_of(all[i]->text), {"cp", "mv", "install", "ln", "link", "rsync", "tee", "sponge"}))
        return {all[i], std::move(all)};
    return {};
  }
  // The values naming a copy's sources choose what the copy holds: when it
  // runs as code (cp "/opt/$X" run.py; python3 run.py), they name code
  // (solve() gives them that rule where a code use reaches the copy).
  void copy_sources(const std::string& key, const std::vector<const ShellWord*>& sources) {
    const std::string source = "copy:" + key;
    for (const auto* w : sources) {
      for (auto p : w->placeholders) direct_[source].insert(p);
      for (const auto& r : w->refs)
        if (r.find(':') == std::string::npos) edges_[source].insert(r);
    }
  }
  // How tar reads the words after its program, words[at].
  static TarCommand tar_command(const std::vector<const ShellWord*>& words, std::size_t at) {
    std::vector<std::string_view> texts;
    texts.reserve(words.size());
    for (const auto* w : words) texts.emplace_back(w->text);
    return read_tar(words[at]->text, texts, at + 1);
  }
  // The word naming the archive tar extracts at command c (tar -xf A, tar
  // xf A, --file=A, -xfA), where no other word but the directory it
  // extracts into and the members after -- carries a value or a variable;
  // else none.
  std::vector<const ShellWord*> extracted_archive_words(std::size_t c) const {
    const auto& cmd = t_.commands[c];
    const ShellWord* program = cmd.kind == ShellCommand::Kind::Simple ? program_word(cmd) : nullptr;
    if (!program) return {};
    const auto prog = basename_of(program->text);
    if (!one_of(prog, {"tar", "gtar", "bsdtar"})) return {};
    const auto all = words_of(c);
    const auto at = std::find(all.begin(), all.end(), program);
    if (at == all.end()) return {};
    const std::vector<const ShellWord*> words(at, all.end());
    const auto tar = tar_command(words, 0);
    if (!tar.extracts() || tar.archives.size() != 1) return {};
    const ShellWord* archive = words[tar.archives.front().word];
    std::set<const ShellWord*> destination;  // (and the members named after --, which only pick the archive's files)
    for (const auto& d : tar.directories) destination.insert(words[d.word]);
    for (auto k = tar.options_end; k < words.size(); ++k) destination.insert(words[k]);
    // (A word is one of the template's by where it stands: --file=A may
    // be read as each long option it could be cut from, a word each.)
    const auto same = [](const ShellWord* a, const ShellWord* b) { return a->begin == b->begin; };
    for (const auto* w : all)
      if (!same(w, archive) && std::none_of(destination.begin(), destination.end(), [&](const ShellWord* d) { return same(w, d); }) &&
          (!w->placeholders.empty() || !w->refs.empty()))
        return {};
    return {archive};
  }
  // The operands of cp, mv, install, ln or rsync that it copies from (not
  // the destination, nor -t's directory); none for tee and sponge.
  std::vector<const ShellWord*> copy_source_words(std::size_t c) const {
    const auto [program, words] = copying_program(c);
    std::vector<const ShellWord*> operands;
    if (!program || one_of(basename_of(program->text), {"tee", "sponge"})) return operands;
    bool target_option = false;
    auto w = std::find(words.begin(), words.end(), program);
    const auto end = words.begin() + static_cast<std::ptrdiff_t>(exec_end(words, static_cast<std::size_t>(w - words.begin())));
    for (++w; w != end; ++w) {
      if ((*w)->role != ShellWord::Role::Word) continue;
      if ((*w)->text == "-t"sv || (*w)->text == "--target-directory"sv) {
        target_option = true;
        if (w + 1 != words.end()) ++w;
        continue;
      }
      if ((*w)->text.rfind("--target-directory=", 0) == 0) {
        target_option = true;
        continue;
      }
      if (const auto* elements = literal_array_words(**w)) {
        for (const auto& e : *elements) operands.push_back(&e);  // (cp "${FILES[@]}" "$OUT/")
        continue;
      }
      if ((*w)->text.empty() || (*w)->text[0] != '-' || !(*w)->placeholders.empty()) operands.push_back(*w);
    }
    // The destination, unless it may be several words (cp a.txt{,.sh},
    // cp "${names[@]}", cp "$@": the sources too; attack 153).
    if (!target_option && !operands.empty()) {
      const auto* last = operands.back();
      const std::string_view raw = std::string_view(text_).substr(last->begin, last->end - last->begin);
      if (!builds_words(raw) && !has_unquoted_glob(raw) && !has_unquoted_dollar(raw) &&
          !one_of_found(raw, {"[@]", "[*]", "$@", "$*", "${@", "${*", "${!"}))
        operands.pop_back();
    }
    return operands;
  }
  // An expansion outside quotes, which bash splits into words.
  // Whether bash builds the word's text when it runs: an expansion outside
  // single quotes or a brace expansion ('$c', jq's variable, is a name).
  static bool expands_at_run_time(std::string_view raw) {
    char quote = 0;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char ch = raw[k];
      if (ch == '\\' && quote != '\'') ++k;
      else if (quote == '\'') quote = ch == quote ? 0 : quote;
      else if (ch == '$' || ch == '`') return true;
      else if (ch == '"') quote = quote ? 0 : ch;
      else if (ch == '\'' && !quote) quote = ch;
    }
    return builds_words(raw);
  }
  static bool has_unquoted_dollar(std::string_view raw) {
    char quote = 0;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      const char ch = raw[k];
      if (ch == '\\' && quote != '\'') ++k;
      else if (quote) quote = ch == quote ? 0 : quote;
      else if (ch == '\'' || ch == '"') quote = ch;
      else if (ch == '$' || ch == '`') return true;
    }
    return false;
  }
  // The sources a copy puts into the file `key`: cp run.json notes.txt
  // out/ puts each into its own name there (fr hunt 59), else all.
  std::vector<const ShellWord*> copy_sources_into(std::size_t c, const std::string& key) const {
    auto sources = copy_source_words(c);
    if (sources.size() < 2) return sources;
    std::vector<const ShellWord*> own;
    for (const auto* s : sources)
      if (file_key(basename_of(s->text)) == key && basename_of(s->text).find_first_of("$`*?[{") == std::string_view::npos)
        own.push_back(s);
    return own.empty() ? sources : own;
  }
  void collect_copied(std::size_t c, const std::string& key, std::vector<std::size_t>& phs, std::vector<std::string>& refs) const {
    for (const auto* w : copy_sources_into(c, key))
      for (const auto& r : w->refs)
        if (is_file_ref(r)) refs.push_back(r);
    for (auto h : t_.commands[c].heredocs) {
      phs.insert(phs.end(), t_.heredocs[h].placeholders.begin(), t_.heredocs[h].placeholders.end());
      refs.insert(refs.end(), t_.heredocs[h].refs.begin(), t_.heredocs[h].refs.end());
    }
  }
  // A child shell that gets a function's text has no data block, so a value
  // rendered there as a reference to it would silently be empty.
  void function_text_leaves(const std::string& name) {
    const auto f = functions_.find(name);
    if (f == functions_.end() || f->second == kNone) return;
    std::vector<std::size_t> phs;
    std::vector<std::string> refs;
    collect_all(f->second, phs, refs);
    for (auto p : phs) t_.placeholders[p].exported_function = name;
  }
  static bool is_file_ref(std::string_view r) {
    return r.rfind("file:", 0) == 0 || r.rfind("fd", 0) == 0 || r.rfind("fs:", 0) == 0 || r.rfind("dir:", 0) == 0;
  }
  void collect_all(std::size_t c, std::vector<std::size_t>& phs, std::vector<std::string>& refs) {
    if (const auto out = outputs_.find(c); out != outputs_.end()) refs.insert(refs.end(), out->second.begin(), out->second.end());
    const auto named = output_names_.find(c);
    for (const auto& w : t_.commands[c].words) {
      // > "$DIR/$RUN/out.json": the name of the file written, not what
      // the command carries into it.
      if (w.role == ShellWord::Role::Redirect && w.redirect.find('>') != std::string::npos &&
          w.redirect.find('<') == std::string::npos && w.text.rfind(">(", 0) != 0)
        continue;
      // srun --output="$LOG", sort -o F: the same for an option's file.
      if (named != output_names_.end() && named->second.count(&w)) continue;
      phs.insert(phs.end(), w.placeholders.begin(), w.placeholders.end());
      refs.insert(refs.end(), w.refs.begin(), w.refs.end());
    }
    for (auto h : t_.commands[c].heredocs) {
      phs.insert(phs.end(), t_.heredocs[h].placeholders.begin(), t_.heredocs[h].placeholders.end());
      refs.insert(refs.end(), t_.heredocs[h].refs.begin(), t_.heredocs[h].refs.end());
    }
    if (t_.commands[c].kind != ShellCommand::Kind::Group) return;
    for (const auto m : members_of(c)) collect_all(m, phs, refs);
  }
  // Whether command c stands inside a >(...) of a command around it, at
  // any depth (>(tee log | bash): tee and bash).
  bool in_output_substitution(std::size_t c) const {
    for (auto d = c; d != kNone && d < t_.commands.size(); d = t_.commands[d].parent)
      if (output_substitution_of(d) != kNone) return true;
    return false;
  }
  // The command whose output a command inside >(...) reads as its input
  // (cmd > >(tee F), cmd > >(srun bash)), or kNone.
  std::size_t output_substitution_of(std::size_t c) const {
    const auto parent = t_.commands[c].parent;
    if (parent == kNone || t_.commands[c].words.empty()) return kNone;
    const auto at = t_.commands[c].words.front().begin;
    for (const auto& w : t_.commands[parent].words)
      if (w.begin <= at && at < w.end) {
        const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        const auto open = raw.rfind(">(", at - w.begin);
        return open != std::string_view::npos ? parent : kNone;
      }
    return kNone;
  }
  void collect_stdin(std::size_t c, std::vector<std::size_t>& phs, std::vector<std::string>& refs,
                     bool own_redirections = true) {
    // cmd > >(cat > run.sh): what cmd carries, and what it reads (cat <<EOF
    // | tee >(cat > run.sh) passes its input on).
    if (const auto outer = output_substitution_of(c); outer != kNone) {
      collect_all(outer, phs, refs);
      collect_stdin(outer, phs, refs);
    }
    // $(cat) in a word of command P runs while P's words are expanded: with
    // P's input from a pipeline, its groups and its function's calls, but
    // before P's own redirections (a later stage reads its pipe instead).
    if (const auto parent = t_.commands[c].parent;
        parent != kNone && output_substitution_of(c) == kNone && upstream_of(c).empty())
      collect_stdin(parent, phs, refs, false);
    if (coprocess_members_.count(c)) refs.emplace_back(kAnyDescriptor);
    const auto inputs_of = [&](std::size_t s) {  // what the redirections of command s feed it
      for (auto h : t_.commands[s].heredocs) {
        phs.insert(phs.end(), t_.heredocs[h].placeholders.begin(), t_.heredocs[h].placeholders.end());
        refs.insert(refs.end(), t_.heredocs[h].refs.begin(), t_.heredocs[h].refs.end());
      }
      for (const auto& w : t_.commands[s].words) {
        // Input redirections and here-strings (> F names a file written).
        if (w.role == ShellWord::Role::Word ||
            (w.role == ShellWord::Role::Redirect && w.redirect.find('<') == std::string::npos))
          continue;
        // < "runs/$RUN.txt": what the file holds, not its name's values
        // (fr hunt 89); <(...), <&3 and here-strings feed their own text.
        const bool opens_file = w.role == ShellWord::Role::Redirect && w.redirect.back() == '<' &&
                                !w.text.starts_with("<(") && !w.text.starts_with("&") &&
                                w.text.find("$(") == std::string::npos && w.text.find('`') == std::string::npos;
        if (opens_file) {
          std::copy_if(w.refs.begin(), w.refs.end(), std::back_inserter(refs), [](const std::string& r) { return is_file_ref(r); });
          continue;
        }
        phs.insert(phs.end(), w.placeholders.begin(), w.placeholders.end());
        refs.insert(refs.end(), w.refs.begin(), w.refs.end());
      }
    };
    for (auto s = c; s != kNone; s = t_.commands[s].group) {
      // What an earlier stage carries: its words, here-documents and
      // output, and its members' (cat <<EOF | tee run.sh, { ...; } | tee).
      for (const auto d : upstream_of(s)) collect_all(d, phs, refs);
      if (own_redirections || s != c) inputs_of(s);
      // A function's body reads what each call of it is fed (f <<< "$X",
      // echo "$X" | f, f < file).
      if (const auto& fn = t_.commands[s].function; !fn.empty() && stdin_of_calls_.insert(fn).second) {
        for (const auto call : calls_of(fn)) collect_stdin(call, phs, refs);
        stdin_of_calls_.erase(fn);
      }
    }
    // exec < F, exec <<< "$X": the script's own input, for every later reader.
    for (const auto e : stdin_execs_) inputs_of(e);
  }
  // $(cat), $(head -n 1), `tr a-z A-Z`: a command substitution in word w
  // of command c whose program passes its input on yields what that input
  // carries (the input of c's context, see collect_stdin), as the key
  // "in:D" for the substituted command D.
  void substituted_input(std::size_t c, ShellWord& w) {
    if (w.text.find("$(") == std::string::npos && w.text.find('`') == std::string::npos) return;
    for (const auto d : children_of(c)) {
      const auto& inner = t_.commands[d];
      if (inner.words.empty() || inner.words.front().begin < w.begin || inner.words.front().begin >= w.end) continue;
      const auto* program = program_word(inner);
      if (!program || !one_of(basename_of(program->text),
                              {"cat", "tac", "head", "tail", "sort", "uniq", "tr", "sed", "awk", "gawk", "mawk", "cut",
                               "grep", "egrep", "fgrep", "rev", "fold", "fmt", "nl", "paste", "base64", "iconv", "tee",
                               "jq", "yq", "xargs", "column", "shuf", "strings", "dd", "perl", "python", "python3"}))
        continue;
      std::vector<std::size_t> phs;
      std::vector<std::string> refs;
      collect_stdin(d, phs, refs);
      if (phs.empty() && refs.empty()) continue;
      const std::string key = "in:" + std::to_string(d);
      direct_[key].insert(phs.begin(), phs.end());
      edges_[key].insert(refs.begin(), refs.end());
      // A filter may pass on any part of it; $(echo "$V" | tr '/:' '__')
      // makes of it what cut_of reads.
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      std::optional<render::ValueCut> tr;
      for (const auto& x : expansions(raw))
        if (w.begin + x.begin < inner.words.front().begin && inner.words.front().begin < w.begin + x.end)
          tr = translated_by_tr(raw.substr(x.begin, x.end - x.begin));
      if (tr) cuts_[key].merge(*tr);
      else cuts_[key].anywhere = true;
      w.refs.push_back(key);
    }
  }
  const std::vector<std::size_t>& children_of(std::size_t c) {
    if (children_.empty()) {
      children_.resize(t_.commands.size());
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        if (t_.commands[d].parent != kNone && t_.commands[d].parent < t_.commands.size()) children_[t_.commands[d].parent].push_back(d);
    }
    return children_[c];
  }
  // The commands that call function `name` by its name.
  const std::vector<std::size_t>& calls_of(const std::string& name) {
    if (!calls_built_) {
      calls_built_ = true;
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        if (const auto* p = program_word(t_.commands[d]); p && functions_.count(p->text)) calls_[p->text].push_back(d);
        else if (p && p->text.find_first_of("$`") != std::string::npos && may_name_a_function(p->text)) dynamic_calls_.push_back(d);
    }
    static const std::vector<std::size_t> kNoCalls;
    const auto it = calls_.find(name);
    return it == calls_.end() ? kNoCalls : it->second;
  }

  // Whether a program word named at run time may name one of the
  // template's functions: all but a variable only ever assigned literal
  // texts that name none (PY=python3; $PY t.py).
  bool may_name_a_function(const std::string& text) const { return !functions_named_by(text).empty(); }
  // The functions such a word may name: those a variable of literal texts
  // is given, else every one.
  std::vector<std::string> functions_named_by(const std::string& text) const {
    std::vector<std::string> out;
    const auto var = single_variable(text);
    const auto texts = var.empty() || nonliteral_.count(var) ? assigned_texts_.end() : assigned_texts_.find(var);
    for (const auto& [name, at] : functions_)
      if (texts == assigned_texts_.end() ||  // (a loop's, read's or the environment's)
          std::find(texts->second.begin(), texts->second.end(), name) != texts->second.end())
        out.push_back(name);
    return out;
  }

  // [[ ... ]]: -eq and friends evaluate both sides as arithmetic; -v names a variable.
  void test(const std::vector<const ShellWord*>& words) {
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto& op = words[k]->text;
      if (one_of(op, {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"})) {
        if (k > 0) arithmetic_word(*words[k - 1]);
        if (k + 1 < words.size()) arithmetic_word(*words[k + 1]);
      } else if (op == "-v"sv && k + 1 < words.size()) {
        arithmetic_word(*words[k + 1]);
      } else if (op == "=~"sv && k > 0) {
        // BASH_REMATCH holds pieces of the left side.
        for (auto p : words[k - 1]->placeholders) direct_["BASH_REMATCH"].insert(p);
        for (const auto& r : words[k - 1]->refs) edges_["BASH_REMATCH"].insert(r);
        cuts_["BASH_REMATCH"].anywhere = true;
      }
    }
  }

  // Reads the options of a program by a table: the index of the first
  // operand, or the word after an option it does not know (ambiguous).
  struct OptionScan {
    std::size_t operand = kNone;
    std::size_t unknown = kNone;  // index of an option of unknown argument count
    std::vector<std::size_t> option_values;  // words that are an option's value
    std::vector<std::size_t> code_values;    // words that are a code option's value
  };
  using ArgCount = std::function<int(std::string_view option)>;  // 0, 1, or -1 unknown; 2 for code options; 3 for two

  static OptionScan scan_options(const std::vector<const ShellWord*>& words, std::size_t from, const ArgCount& count,
                                 bool argument_lists_are_options = false,
                                 const std::vector<bool>* list_words = nullptr) {
    OptionScan s;
    for (std::size_t k = from; k < words.size(); ++k) {
      const std::string& w = words[k]->text;
      if (list_words && (*list_words)[k] && argument_lists_are_options) continue;
      if (w == "--"sv) {
        s.operand = k + 1 < words.size() ? k + 1 : kNone;
        return s;
      }
      if (w.size() < 2 || w[0] != '-') {
        s.operand = k;
        return s;
      }
      if (w.rfind("--", 0) == 0 || count(w) != -1) {
        const auto eq = w.find('=');
        const auto name = w.substr(0, eq);
        const int n = count(name);
        // (--oom-score-adj=5: one word whatever the option takes, when the
        // template wrote all of it, with nothing that expands or globs.)
        if (n == -1 && eq != std::string::npos && words[k]->placeholders.empty() && words[k]->refs.empty() &&
            w.find_first_of("$`*?[") == std::string::npos)
          continue;
        if (n == -1) {
          s.unknown = k;
          return s;
        }
        if (eq != std::string::npos) {
          if (n == 2) s.code_values.push_back(k);
          continue;
        }
        if (n >= 1 && k + 1 < words.size()) {
          (n == 2 ? s.code_values : s.option_values).push_back(k + 1);
          ++k;
          if (n == 3 && k + 1 < words.size()) s.option_values.push_back(++k);  // --mca NAME VALUE
        }
        continue;
      }
      // A cluster of short options: -abc, -n4.
      for (std::size_t j = 1; j < w.size(); ++j) {
        const int n = count(std::string("-") + w[j]);
        if (n == -1) {
          s.unknown = k;
          return s;
        }
        if (n >= 1) {
          if (j + 1 == w.size() && k + 1 < words.size()) {
            (n == 2 ? s.code_values : s.option_values).push_back(k + 1);
            ++k;
          } else if (n == 2) {
            s.code_values.push_back(k);
          }
          break;
        }
      }
    }
    return s;
  }

  ArgCount runner_counts(const RunnerSpec& spec) const {
    const RunnerSpec& o = *options_of(&spec);
    return [&o](std::string_view opt) {
      if (listed(o.code_options, opt)) return 2;
      if (!o.two_args.empty() && listed(o.two_args, opt)) return 3;
      if (listed(o.with_arg, opt)) return 1;
      if (listed(o.flags, opt)) return 0;
      return -1;
    };
  }
  ArgCount slurm_counts() const {
    return [this](std::string_view opt) {
      if (opt == "--wrap"sv) return 2;
      if (listed(kSrunFlags, opt)) return 0;
      if (listed(kSrunArgs, opt)) return 1;
      const render::OptionInfo* info = nullptr;
      if (opt.rfind("--", 0) == 0) {
        const auto m = sbatch_.find_long(opt.substr(2));
        info = m.option;
      } else if (opt.size() == 2) {
        info = sbatch_.find_short(opt[1]);
      }
      if (!info) return -1;
      if (info->arg == render::ArgKind::Required) return 1;
      return 0;  // none, or optional (which only an attached '=' or letter takes)
    };
  }

  void option_words(const ShellWord& w, const render::OptionWords& o) {
    for (auto ph : w.placeholders) t_.placeholders[ph].option_words = o;
  }
  static void add_option(std::vector<std::string>& to, std::string_view list) {
    while (!list.empty()) {
      const auto end = std::min(list.find(' '), list.size());
      if (end) to.emplace_back(list.substr(0, end));
      list.remove_prefix(std::min(end + 1, list.size()));
    }
  }
  render::OptionWords runner_option_words(const RunnerSpec& spec) const {
    const RunnerSpec& o = *options_of(&spec);
    render::OptionWords w;
    w.checked = true;
    w.runner = std::string(spec.name);
    add_option(w.flags, o.flags);
    add_option(w.with_value, o.with_arg);
    add_option(w.denied, o.code_options);
    // What a task may not choose: the program (--entrypoint), files of
    // variables or hooks (--env-file, enroot --conf), the host's privileges;
    // variables and mounts are checked item by item.
    // Programs the runtime runs on the host (an OCI runtime, FUSE helpers,
    // nvidia-container-cli), the host's users, capabilities and devices (a
    // fakeroot user namespace), services published on the node, files written
    // there: the template's to choose. (Sharing the host's IPC or network
    // namespace, as PyTorch and NCCL jobs do, stays allowed; joining another
    // container's does not.)
    const auto rule = [&w](std::string_view options, render::ElementRole role) {
      std::vector<std::string> names;
      add_option(names, options);
      for (auto& n : names) w.value_roles.emplace_back(std::move(n), role);
    };
    if (o.name == "docker"sv) {
      rule("-w --workdir", render::ElementRole::CodePath);
      add_option(w.denied, "--privileged --cap-add --security-opt --pid --userns --device --entrypoint --env-file "
                           "--user -u --runtime -p --publish -P --publish-all -d --detach --restart --volumes-from "
                           "--device-cgroup-rule --cgroup-parent");
      add_option(w.environment, "-e --env");
      add_option(w.mounts, "-v --volume --mount");
      add_option(w.namespaces, "--network --net --ipc --uts --cgroupns");
    } else if (o.name == "singularity"sv) {
      rule("--pwd --cwd --overlay", render::ElementRole::CodePath);
      add_option(w.denied, "--env-file --fusemount --security --apply-cgroups --add-caps --keep-privs "
                           "--network-args --pidfile -w --writable --fakeroot -f --nvccli");
      add_option(w.environment, "--env");
      add_option(w.mounts, "-B --bind --mount -H --home -W --workdir --overlay");
    } else if (o.name == "enroot"sv) {
      add_option(w.denied, "-c --conf");
      add_option(w.environment, "-e --env");
      add_option(w.mounts, "-m --mount");
    } else if (o.name == "mpirun"sv) {
      // MCA parameters, a prefix or a bootstrap choose programs mpirun starts on every node.
      add_option(w.denied, "-genv -env --mca -mca -prefix --prefix -bootstrap -launcher");
      add_option(w.environment, "-x -genvlist -envlist");
    }
    return w;
  }
  // Whether the template writes %x, which puts the job name in a path.
  bool percent_x() const { return percent_x_; }
  render::OptionWords slurm_option_words(const std::string& runner) const {
    render::OptionWords w;
    w.checked = true;
    w.runner = runner;
    for (const auto& o : sbatch_.options()) {
      auto& to = o.arg == render::ArgKind::Required ? w.with_value : w.flags;
      to.push_back("--" + o.name);
      if (o.short_name) to.push_back(std::string("-") + o.short_name);
    }
    // srun's own reading where it differs from sbatch's (srun -W/--wait
    // takes seconds, sbatch's --wait none).
    if (runner == "srun"sv)
      for (std::string_view own : {"-W", "--wait"}) {
        w.flags.erase(std::remove(w.flags.begin(), w.flags.end(), own), w.flags.end());
        w.with_value.emplace_back(own);
      }
    add_option(w.flags, kSrunFlags);
    add_option(w.with_value, kSrunArgs);
    // Options that run a program or set the job's environment.
    add_option(w.denied, "--prolog --epilog --task-prolog --task-epilog --export --wrap --bcast --get-user-env "
                         "--export-file --propagate");
    // A burst buffer's specification (a file, or its text) stages files
    // in and out and, with some plugins, runs their scripts.
    add_option(w.denied, "--bb --bbf");
    // Files of the glue's account the step would write or read, and where.
    add_option(w.denied, "--output -o --error -e --input -i --chdir -D --container-save");
    // An OCI bundle or a kept container another task made runs as this step's
    // code; --jobid puts the step into another job of the glue's account.
    add_option(w.denied, "--container --container-name --jobid");
    // The home of the glue's account (its ~/.ssh, clearml.conf) in the
    // container; root in the container's user namespace (an account choice).
    add_option(w.denied, "--container-mount-home --container-remap-root");
    // --multi-prog makes the command word a file of programs to run.
    add_option(w.denied, "--multi-prog");
    add_option(w.environment, "--container-env");
    add_option(w.mounts, "--container-mounts");
    // Other values meet the rules a placeholder meets at the same option;
    // an account (--uid, --gid) and the image are the template's to choose.
    add_option(w.denied, "--uid --gid --container-image");
    for (const auto& option : w.with_value) {
      if (option.rfind("--", 0) != 0 || std::find(w.mounts.begin(), w.mounts.end(), option) != w.mounts.end() ||
          std::find(w.environment.begin(), w.environment.end(), option) != w.environment.end())
        continue;
      const auto* info = sbatch_.find_long(option.substr(2)).option;
      for (const auto role : slurm_option_part(sbatch_, option.substr(2), "", true, false, percent_x()).roles) {
        w.value_roles.emplace_back(option, role);
        if (info && info->short_name) w.value_roles.emplace_back(std::string("-") + info->short_name, role);
      }
    }
    return w;
  }

  // srun "${SRUN_ARGS[@]}" python3 train.py: an array the template writes
  // out (SRUN_ARGS=(--nodes="$N" -l), SRUN_ARGS+=(...)) stands for its
  // elements, and a variable only ever given one literal text
  // (OPTS="--nodes=2 -l"; srun $OPTS) for its words, so the command after
  // them is the one srun runs and each option keeps its rules. Nothing when
  // no such word is among the options of srun, salloc, sbatch or a runner.
  std::optional<std::vector<const ShellWord*>> with_option_arrays(std::size_t c, const std::vector<const ShellWord*>& words,
                                                                  std::size_t i, std::string_view name) {
    const bool slurm = one_of(name, {"srun", "salloc", "sbatch"});
    const RunnerSpec* spec = slurm ? nullptr : find_runner(name);
    if (!slurm && (!spec || one_of(spec->name, {"env", "coproc"}))) return std::nullopt;
    const ArgCount count = slurm ? slurm_counts() : runner_counts(*spec);
    std::size_t k = i + 1;
    if (spec) {
      // singularity exec, docker run: the options follow the subcommand.
      k = runner_operands(words, i, *spec);
      if (k == kNone) return std::nullopt;
    }
    std::optional<std::vector<const ShellWord*>> out;
    for (; k < words.size(); ++k) {
      const std::string& w = words[k]->text;
      const auto* elements = option_array(*words[k], count);
      if (!elements) elements = option_variable(c, *words[k]);
      if (elements) {
        if (!out) out.emplace(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
        for (const auto& e : *elements) out->push_back(&e);
        continue;
      }
      if (w == "--"sv || w.size() < 2 || w[0] != '-') break;
      if (out) out->push_back(words[k]);
      // -N 2: the option's argument is not an array of options.
      if (w.find('=') == std::string::npos && whole_option(w, count) == Wholeness::NeedsNext && k + 1 < words.size()) {
        if (out) out->push_back(words[k + 1]);
        ++k;
        if (count(w) == 3 && k + 1 < words.size()) {  // --mca NAME VALUE
          if (out) out->push_back(words[k + 1]);
          ++k;
        }
      }
    }
    if (out) out->insert(out->end(), words.begin() + static_cast<std::ptrdiff_t>(k), words.end());
    return out;
  }
  enum class Wholeness { Whole, NeedsNext, Unknown };
  // Whether an option word holds all of its option (-l, --nodes=2, -N2) or
  // takes the next word as its argument (-N, --nodes).
  static Wholeness whole_option(std::string_view w, const ArgCount& count) {
    if (w.size() < 2 || w[0] != '-' || w == "--"sv) return Wholeness::Unknown;
    if (w[1] == '-') {
      const auto eq = w.find('=');
      const int n = count(w.substr(0, eq));
      if (n == -1) return Wholeness::Unknown;
      return n >= 1 && eq == std::string_view::npos ? Wholeness::NeedsNext : Wholeness::Whole;
    }
    for (std::size_t j = 1; j < w.size(); ++j) {
      const int n = count(std::string("-") + w[j]);
      if (n == -1) return Wholeness::Unknown;
      if (n >= 1) return j + 1 == w.size() ? Wholeness::NeedsNext : Wholeness::Whole;
    }
    return Wholeness::Whole;
  }
  // $OPTS or "$OPTS" of a variable only ever given one literal text of
  // options: its words (one word when quoted); null otherwise.
  const std::vector<ShellWord>* option_variable(std::size_t c, const ShellWord& word) {
    const std::string_view raw = std::string_view(text_).substr(word.begin, word.end - word.begin);
    // (Its words stand where it stood: they are not that variable again.)
    if (!word.placeholders.empty() || single_variable(raw).empty() || single_variable(word.text).empty()) return nullptr;
    const auto values = possible_values(word.text, c);
    if (!values || values->size() != 1) return nullptr;
    auto& store = synth_.emplace_back();
    const std::string& v = values->front();
    if (raw.front() == '"') {
      store.push_back(ShellWord{word.begin, word.end, v, {}, {}, {}, {}});
    } else {
      split_into(store, word, v);
    }
    const bool options = std::all_of(store.begin(), store.end(), [](const ShellWord& w) { return w.text.size() > 1 && w.text[0] == '-'; });
    return options && !store.empty() ? &store : nullptr;
  }
  // The elements of the array "${NAME[@]}" names, as words, when the
  // template sets it only by lists it writes out, any expansion in them
  // quoted, each element an option, its argument in the same list, or
  // (with one list) an operand; null otherwise. (Any other mention of the
  // name, in code strings too: read -a NAME, NAME[1]=x, declare -n R=NAME,
  // eval, makes its elements unknown.)
  const std::vector<ShellWord>* option_array(const ShellWord& word, const ArgCount& count) {
    const std::string_view raw = std::string_view(text_).substr(word.begin, word.end - word.begin);
    if (raw.size() < 9 || raw.rfind("\"${", 0) != 0 || raw.substr(raw.size() - 5) != "[@]}\"") return nullptr;
    const std::string name(raw.substr(3, raw.size() - 8));
    if (!std::all_of(name.begin(), name.end(), is_name_char) || name.empty() || !is_name_start(name[0])) return nullptr;
    auto [it, fresh] = option_arrays_.try_emplace(name);
    if (fresh) it->second = array_elements(name);
    if (!it->second) return nullptr;
    const auto& lists = array_lists_.at(name);
    const bool one_list = lists.size() == 1;
    // How many elements after an option are its arguments (--job-name
    // "$NAME"), within the list that writes the option: lists may come in
    // any order at run time (OPTS+=(--container-image "$IMG") under an if).
    int arguments = 0;
    const ShellWord* list = nullptr;
    for (const auto& e : *it->second) {
      const auto* in = *std::find_if(lists.begin(), lists.end(), [&](const ShellWord* l) { return e.begin >= l->begin && e.begin < l->end; });
      if (in != list && arguments > 0) return nullptr;
      list = in;
      if (arguments > 0) {
        --arguments;
        continue;
      }
      // "$X" may be any option, or none.
      if (e.text.empty() || e.text[0] == '$') return nullptr;
      if (e.text[0] != '-') {
        // An operand (the command itself) or an option's argument: where
        // it stands is known only in the one list that writes it.
        if (!one_list) return nullptr;
        continue;
      }
      const auto whole = whole_option(e.text, count);
      if (whole == Wholeness::Unknown) return nullptr;
      if (whole == Wholeness::NeedsNext) arguments = count(e.text) == 3 ? 2 : 1;  // (--mca NAME VALUE)
      // --$X=: an option chosen at run time; -N"$X", -lN"$X": with X
      // empty, -N takes the next word.
      std::size_t name_end = e.text.find('=');
      if (e.text[1] != '-') {
        name_end = 1;
        while (name_end < e.text.size() && e.text[name_end] != '$' && count(std::string("-") + e.text[name_end]) < 1) ++name_end;
        ++name_end;
      }
      if (e.text.find('$') <= std::min(name_end, e.text.size())) return nullptr;
    }
    // (Ending in -o, the word after the array is its argument: known in one list only.)
    if (arguments > 0 && !one_list) return nullptr;
    return &*it->second;
  }
  // Whether every mention of `name` in the text is one of `lists`, as a
  // command's own NAME=(...) or NAME+=(...) (not declare's, a nameref's,
  // eval's or a function's argument), or a read $NAME or ${NAME...}.
  bool mentioned_only_in_lists_and_reads(const std::string& name, const std::vector<const ShellWord*>& lists) const {
    for (auto at = text_.find(name); at != std::string::npos; at = text_.find(name, at + 1)) {
      const auto end = at + name.size();
      if ((at > 0 && is_name_char(text_[at - 1])) || (end < text_.size() && is_name_char(text_[end]))) continue;
      if (at > 1 && text_.compare(at - 2, 2, "${") == 0) continue;
      if (at > 2 && (text_.compare(at - 3, 3, "${#") == 0 || text_.compare(at - 3, 3, "${!") == 0)) continue;
      if (at > 0 && text_[at - 1] == '$' && (at < 2 || text_[at - 2] != '\\')) continue;  // $NAME
      const bool list = std::any_of(lists.begin(), lists.end(), [&](const ShellWord* w) { return w->begin == at; });
      if (!list) return false;
      // (What stands before it on its line: nothing, the end of another
      // command, or a case arm's pattern: 1) L+=(--standalone) ;;.)
      auto k = at;
      while (k > 0 && (text_[k - 1] == ' ' || text_[k - 1] == '\t')) --k;
      if (k > 0 && std::string_view("\n;&|({)").find(text_[k - 1]) == std::string_view::npos) {
        const auto line = text_.rfind('\n', k - 1);
        const auto before = std::string_view(text_).substr(line == std::string::npos ? 0 : line + 1,
                                                           k - (line == std::string::npos ? 0 : line + 1));
        if (!(before.ends_with("then") || before.ends_with("do") || before.ends_with("else") || declares_array(before)))
          return false;
      }
    }
    return true;
  }
  // Whether `before` is a command's `declare -a`, `local -a` or `typeset
  // -a` (with -g or -r): an array list as plain as NAME=(...) (not -i,
  // whose elements are arithmetic, -n or -A).
  static bool declares_array(std::string_view before) {
    const auto flags_at = before.rfind(" -");
    if (flags_at == std::string_view::npos) return false;
    const auto flags = before.substr(flags_at + 2);
    auto head = before.substr(0, flags_at);
    head = head.substr(std::min(head.find_first_not_of(" \t"), head.size()));
    return one_of(head, {"declare", "local", "typeset"}) && flags.find('a') != std::string_view::npos &&
           flags.find_first_not_of("agr") == std::string_view::npos;
  }
  // The elements of array `name` as words, when every list assigning it
  // writes them out (quoted expansions of variables allowed, each one word).
  // `appends`: which of the lists after the first to take (bit j-1 for
  // list j), or all.
  std::optional<std::vector<ShellWord>> array_elements(const std::string& name,
                                                       std::optional<std::size_t> appends = std::nullopt) const {
    const auto lists = array_lists_.find(name);
    const auto texts = assigned_texts_.find(name);
    if (lists == array_lists_.end() || texts == assigned_texts_.end() || texts->second.size() != lists->second.size())
      return std::nullopt;
    // Every mention of the name is one of those lists or a read of it.
    if (assignment_words_.at(name).size() != lists->second.size() || !set_only_by_assignments(name) ||
        !mentioned_only_in_lists_and_reads(name, lists->second))
      return std::nullopt;
    std::vector<ShellWord> out;
    for (std::size_t list = 0; list < lists->second.size(); ++list) {
      if (appends && list > 0 && !(*appends & (std::size_t{1} << (list - 1)))) continue;
      const ShellWord* w = lists->second[list];
      const auto open = text_.find('(', w->begin);
      if (open == std::string::npos || open >= w->end || text_[w->end - 1] != ')') return std::nullopt;
      char quote = 0;
      std::optional<ShellWord> element;
      for (std::size_t k = open + 1; k < w->end - 1; ++k) {
        const char ch = text_[k];
        if (!quote && (ch == ' ' || ch == '\t' || ch == '\n')) {
          if (element) out.push_back(std::move(*element));
          element.reset();
          continue;
        }
        if (!element) {
          element.emplace();
          element->begin = k;
        }
        element->end = k + 1;
        if (quote) {
          // ("$((SLURM_NNODES * 8))": a number; "$(shuf -n 1 ...)" after the
          // first element: one argument, its output; fr hunt 64.)
          const bool substitution = ch == '$' && k + 1 < w->end && text_[k + 1] == '(';
          if (ch == quote) quote = 0;
          else if (quote == '"' && (ch == '\\' || ch == '`' ||
                                    (substitution && !(k + 2 < w->end && text_[k + 2] == '(') && out.empty())))
            return std::nullopt;
          else if (substitution) {
            // (The whole $(...) or $((...)) as written: its end is where its parentheses close.)
            int depth = 0;
            std::size_t j = k + 1;
            // (No quote or escape inside, which could hide a ')'.)
            for (; j < w->end - 1; ++j) {
              if (text_[j] == '(') ++depth;
              else if (text_[j] == ')' && --depth == 0) break;
              else if (text_[j] == '\'' || text_[j] == '"' || text_[j] == '\\' || text_[j] == '`') return std::nullopt;
            }
            if (depth != 0) return std::nullopt;
            element->text += text_.substr(k, j + 1 - k);
            element->end = j + 1;
            k = j;
          } else element->text += ch;
          continue;
        }
        if (ch == '"' || ch == '\'') {
          quote = ch;
          continue;
        }
        // Outside quotes: no expansion, split, glob, brace, escape or operator.
        if (std::string_view("$`*?[]{}~\\()<>;&|#!").find(ch) != std::string_view::npos) return std::nullopt;
        element->text += ch;
      }
      if (quote) return std::nullopt;
      if (element) out.push_back(std::move(*element));
    }
    // (An element "${A[@]}" or "$@" may be any number of words.)
    if (std::any_of(out.begin(), out.end(), [](const ShellWord& e) {
          return one_of_found(e.text, {"[@]", "[*]", "$@", "$*", "${@", "${*", "${!"});
        }))
      return std::nullopt;
    for (auto& e : out) {
      for (auto p : array_list_placeholders(name))
        if (t_.placeholders[p].begin >= e.begin && t_.placeholders[p].begin < e.end) e.placeholders.push_back(p);
      e.refs = names_in(std::string_view(text_).substr(e.begin, e.end - e.begin));
    }
    return out;
  }
  // A word that is a value after a directory the template writes out
  // ("${X}", "scripts/${X}"), while every file the template writes has a
  // name it writes out ("job.log", "*.log"): the value may name none of
  // them, which the renderer checks (PlaceholderNode::written_names), so
  // the word reads no file the template wrote.
  bool value_names_no_written_file(const ShellWord& w, bool glob) {
    if (glob || w.placeholders.size() != 1 || !w.refs.empty()) return false;
    auto& ph = t_.placeholders[w.placeholders.front()];
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto at = raw.find("${CLEARML_");
    if (at == std::string_view::npos || ph.begin != w.begin + at) return false;
    auto prefix = std::string(raw.substr(0, at));
    auto suffix = raw.substr(at + (ph.end - ph.begin));
    std::erase(prefix, '"');
    if (suffix.find_first_not_of("\"") != std::string_view::npos || prefix.find_first_of("$`'\\*?[{~") != std::string::npos ||
        (!prefix.empty() && prefix.back() != '/'))
      return false;
    const auto names = written_names();
    if (!names) return false;
    // A tree the template wrote under the directory written out.
    for (std::size_t b = 0; b < prefix.size();) {
      const auto e = std::min(prefix.find('/', b), prefix.size());
      if (std::binary_search(names->begin(), names->end(), prefix.substr(b, e - b))) return false;
      b = e + 1;
    }
    if (!ph.written_names) {
      ph.written_names = names;
    } else if (ph.written_names != names) {
      auto merged = std::make_shared<std::vector<std::string>>();
      std::set_union(ph.written_names->begin(), ph.written_names->end(), names->begin(), names->end(),
                     std::back_inserter(*merged));
      ph.written_names = std::move(merged);
    }
    return true;
  }
  // The names of the files the template writes ("job.log", "*.log"),
  // sorted, or null when one has a name it does not write out; read again
  // only when more were written.
  std::shared_ptr<const std::vector<std::string>> written_names() {
    if (written_names_of_ == written_->size()) return written_names_;
    written_names_of_ = written_->size();
    auto names = std::make_shared<std::vector<std::string>>();
    written_names_.reset();
    for (const auto& key : *written_) {
      if (key.rfind("fd:", 0) == 0) continue;  // the renderer refuses /dev/ and /proc/ names
      if (key.rfind("file:", 0) != 0 || key == kAnyFile || key == kEveryFile) return nullptr;
      const auto name = key.substr(5);
      if (is_pattern_key(key) && (name.size() < 3 || name[1] != '.' || name.find_first_of("*?[", 1) != std::string::npos))
        return nullptr;  // only "*.EXT" has a rule the renderer reads
      names->push_back(name);
    }
    std::sort(names->begin(), names->end());
    written_names_ = std::move(names);
    return written_names_;
  }
  // Whether the template's NAME=... words are all that sets `name`: every
  // mention of it in the text (code strings too) is one of them, a read
  // ($NAME, ${NAME[@]}, ${#NAME}), a ${NAME:=text} default whose text is
  // known (assigned_texts_ holds it), or export, local or readonly of it (not read NAME, for NAME, printf -v NAME, declare -n
  // R=NAME, eval, or a nameref named at run time).
  bool set_only_by_assignments(const std::string& name) const {
    // (Read once per name: a template writes to "$LOG" many times.)
    const auto known = set_only_by_assignments_.find(name);
    if (known != set_only_by_assignments_.end()) return known->second;
    return set_only_by_assignments_[name] = mentions_are_assignments_or_reads(name);
  }
  bool mentions_are_assignments_or_reads(const std::string& name) const {
    const auto words = assignment_words_.find(name);
    const auto defaults = defaulted_at_.find(name);
    if ((words == assignment_words_.end() && defaults == defaulted_at_.end()) || !runtime_namerefs_.empty()) return false;
    // (Sorted once: a name may be assigned before each of thousands of commands.)
    std::vector<std::size_t> assigned_at;
    if (words != assignment_words_.end())
      for (const ShellWord* w : words->second) assigned_at.push_back(w->begin);
    if (defaults != defaulted_at_.end()) assigned_at.insert(assigned_at.end(), defaults->second.begin(), defaults->second.end());
    std::sort(assigned_at.begin(), assigned_at.end());
    for (std::size_t at = text_.find(name); at != std::string::npos; at = text_.find(name, at + 1)) {
      if ((at > 0 && is_name_char(text_[at - 1])) ||
          (at + name.size() < text_.size() && is_name_char(text_[at + name.size()])))
        continue;
      if (std::binary_search(assigned_at.begin(), assigned_at.end(), at)) continue;
      const std::string_view before = std::string_view(text_).substr(0, at);
      const std::string_view after = std::string_view(text_).substr(at + name.size());
      const bool braced = before.ends_with("${") || before.ends_with("${#") || before.ends_with("${!");
      if ((before.ends_with("$") && !before.ends_with("\\$")) ||
          (braced && after.substr(0, after.find('}')).find('=') == std::string_view::npos))
        continue;
      const auto line = before.substr(before.rfind('\n') + 1);
      const auto first = line.find_first_not_of(" \t");
      const bool declared = first != std::string_view::npos &&
                            one_of(line.substr(first), {"export ", "local ", "readonly ", "export -n "}) &&
                            (after.empty() || after[0] == '\n' || after[0] == ' ' || after[0] == ';');
      if (!declared) return false;
    }
    return true;
  }
  // The key of a file the word `name` writes: "$LOG" of a variable only
  // ever given "$OUT/job.log" is file:job.log, not any file.
  std::string file_key_of(std::string_view name) const {
    // ("$LOCAL/" names the directory "$LOCAL" does.)
    while (name.size() > 1 && name.back() == '/') name.remove_suffix(1);
    const auto var = single_variable(name);
    if (var.empty()) return file_key(name);
    const auto texts = assigned_texts_.find(var);
    if (texts == assigned_texts_.end() || texts->second.empty()) return file_key(name);
    // (Read again only when the variable was given more texts: a name read
    // at each of thousands of commands, given thousands of texts.)
    auto& known = file_keys_of_[var];
    if (known.first != texts->second.size()) {
      known = {texts->second.size(), file_key(texts->second.front())};
      // (P="a.sh b.txt"; cat $P reads two files; P=*.txt any.)
      // (A glob or blank outside expansions: ${IMAGE//[\/:]/+}.sqsh is one name; fr hunt 61.)
      const auto globs = [](std::string_view t) {
        std::size_t depth = 0;
        for (std::size_t k = 0; k < t.size(); ++k) {
          if (t[k] == '$' && k + 1 < t.size() && (t[k + 1] == '{' || t[k + 1] == '(')) ++depth, ++k;
          else if ((t[k] == '}' || t[k] == ')') && depth > 0) --depth;
          else if (depth == 0 && std::string_view(" \t\n*?[").find(t[k]) != std::string_view::npos) return true;
        }
        return false;
      };
      for (const auto& t : texts->second)
        if (file_key(t) != known.second || t.empty() || t.front() == '(' || globs(t)) {
          known.second.clear();
          break;
        }
    }
    if (known.second.empty() || !set_only_by_assignments(var)) return file_key(name);
    return known.second;
  }
  // "$0": the batch script itself (Slurm's copy of it), no file the
  // template wrote; its text is the rendered script, each value in it
  // written for where it stands, so a whole copy of it holds no value raw.
  // Not in a code string (bash -c '...' NAME sets $0), nor where the
  // template reads positional parameters (a copy run with a value as $1
  // would give it to them).
  // pgrep and pidof print process ids (pgrep -a, -l and --list-* add the
  // command), pkill nothing (-e echoes names); ps -o of numeric fields
  // (rss, pid, %cpu, etimes) prints numbers.
  static bool lists_numbers_only(std::string_view prog, const std::vector<const ShellWord*>& words) {
    const auto has_letter = [&](std::string_view letters, std::initializer_list<std::string_view> longs) {
      return std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) {
        const std::string_view t = w->text;
        if (t.starts_with("--")) return std::any_of(longs.begin(), longs.end(), [&](std::string_view l) { return t.starts_with(l); });
        return t.size() > 1 && t[0] == '-' && t.find_first_of(letters, 1) != std::string_view::npos;
      });
    };
    if (prog == "pidof"sv) return true;
    if (prog == "pgrep"sv) return !has_letter("al", {"--list"});
    if (prog == "pkill"sv) return !has_letter("e", {"--echo"});
    if (prog != "ps"sv) return false;
    bool format = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
      std::string_view t = words[k]->text;
      if (!words[k]->placeholders.empty() || t.find_first_of("$`") != std::string_view::npos) return false;
      std::string_view fields;
      if (one_of(t, {"-o", "--format", "-O", "o"}) && k + 1 < words.size()) fields = words[++k]->text;
      else if (t.starts_with("-o") || t.starts_with("--format=")) fields = t.substr(t.find_first_of("o=") + 1);
      else if (t == "-p"sv || t == "--pid"sv || t == "-u"sv || t == "-U"sv || t == "-g"sv || t == "--ppid"sv) { ++k; continue; }
      else if (t.starts_with("-p") || t.starts_with("--pid=") || t.starts_with("-u") || t.starts_with("--ppid=")) continue;
      else if (one_of(t, {"-h", "--no-headers", "-e", "-A", "-q"}) || (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))))
        continue;  // (-e: every process, not ps e's environments)
      else return false;
      // Each field (name or name=header) numeric.
      format = true;
      for (std::size_t at = 0; at <= fields.size();) {
        const auto end = std::min(fields.find_first_of(", ", at), fields.size());
        auto field = fields.substr(at, end - at);
        field = field.substr(0, field.find('='));
        if (!field.empty() && !listed("pid ppid pgid sid tgid lwp nlwp rss rssize rsz vsz vsize sz size %cpu pcpu %mem pmem "
                                      "etimes cputimes times etime time cputime uid euid ruid gid egid rgid pri ni nice "
                                      "psr c cp majflt minflt maj_flt min_flt thcount sgi_p drs trs",
                                      field))
          return false;
        at = end + 1;
      }
    }
    return format;
  }
  // The job script's key, holding every value: what prints the job's
  // processes' command lines and environments prints any of them.
  std::string all_values_key() {
    auto& all = direct_[kJobScript];
    for (std::size_t p = 0; p < t_.placeholders.size(); ++p) all.insert(p);
    return kJobScript;
  }
  static bool names_job_script(std::string_view name) {
    return one_of(name, {"$0", "${0}", "${BASH_SOURCE[0]}", "$BASH_SOURCE", "${BASH_SOURCE}"});
  }
  bool names_the_job_script(std::string_view name) const {
    if (depth_ != 0 || !names_job_script(name)) return false;
    if (!reads_positional_parameters_)
      reads_positional_parameters_ = one_of_found(text_, {"$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "${1",
                                                          "${2", "${3", "${4", "${5", "${6", "${7", "${8", "${9", "$@",
                                                          "${@", "$*", "${*", "$#", "${#", "shift", "BASH_ARGV"});
    return !*reads_positional_parameters_;
  }
  std::vector<std::size_t> array_list_placeholders(const std::string& name) const {
    std::vector<std::size_t> out;
    for (const ShellWord* w : array_lists_.at(name)) out.insert(out.end(), w->placeholders.begin(), w->placeholders.end());
    return out;
  }

  // The module an interpreter runs (python -m MODULE ...), or "" for any
  // other command: the words after it are the module's.
  static std::string_view module_of(const std::vector<const ShellWord*>& words, std::size_t at, std::string_view name) {
    if (!is_interpreter(name) || at + 2 >= words.size() || words[at + 1]->text != "-m"sv) return {};
    return words[at + 2]->text;
  }
  // Whether words[k] may be the script `program` (a launcher, an
  // interpreter, or a launcher's module) runs: a code file's name written
  // out, not an option, nor (it seems) the value of the long option before
  // it (torchrun --log-dir logs/x.py; a flag of its family, --standalone,
  // --no-python, takes none).
  static bool may_be_script(const std::vector<const ShellWord*>& words, std::size_t k, std::string_view program) {
    const auto& w = words[k]->text;
    // (Refs of files it may be, train.py of a name written at run time, are no expansion.)
    const bool expands = std::any_of(words[k]->refs.begin(), words[k]->refs.end(),
                                     [](const std::string& r) { return !r.starts_with("file:"); });
    if (!words[k]->placeholders.empty() || expands || w.empty() || w[0] == '-' || !render::is_code_file(w)) return false;
    if (k == 0) return true;
    const std::string_view before = words[k - 1]->text;
    if (listed(launcher_family(program).values, before)) return false;  // deepspeed -H hosts.py
    return !before.starts_with("--") || before.find('=') != std::string_view::npos ||
           listed(launcher_family(program).flags, before);
  }
  // Whether a module is a distributed launcher's (python -m
  // torch.distributed.run, deepspeed.launcher.runner, accelerate.commands.launch).
  static bool launches_module(std::string_view m) {
    return m.starts_with("torch.distributed.") || m.starts_with("deepspeed") || m.starts_with("accelerate");
  }
  // python3 ${...container.arguments} train.py: an argument list among the
  // options of a program whose options no table here knows (the runners'
  // lists are checked word by word) could hold -c, -X, -W, -m, -I, --require,
  // a rendezvous endpoint: code the template did not choose. (A list after
  // the program's first operand is that operand's arguments.)
  void unchecked_option_lists() {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto* first = program_word(t_.commands[c]);
      if (!first) continue;
      const auto words = words_of(c);
      // (srun torchrun ... ${...}: each program a runner runs too.)
      for (const auto at : program_positions(words, first)) {
        const auto name = std::string(basename_of(words[at]->text));
        if (functions_.count(name) || one_of(name, {"echo", "printf", ":", "true"})) continue;
        for (auto k = at + 1; k < words.size(); ++k) {
          const auto* w = words[k];
          if (w->placeholders.empty()) {
            if (w->text.size() > 1 && w->text[0] == '-' && w->text != "--"sv) continue;
            break;
          }
          for (auto p : w->placeholders)
            if (is_argument_list(t_.placeholders[p]) && !t_.placeholders[p].option_words.checked &&
                t_.placeholders[p].words_refused.empty())
              reparse_placeholder(p, name + " (an argument list among its own options, which are not known here: "
                                            "-c, -e, -X, -m, -I or a server's address would choose code; put the "
                                            "list after the script, or among the options of srun, docker run or "
                                            "singularity exec)");
          break;
        }
      }
    }
  }
  // srun python3 t.py "$IN" "$OUT", mpirun -np 4 ./app ${...|words}: a
  // word ':' on a launcher's line, anywhere after it, starts another
  // component (a heterogeneous step, an MPMD program) with its own options
  // and command.
  // Launchers whose ':' word starts another component (a heterogeneous
  // srun step, an MPMD program), and those that hand their arguments on
  // to one: ibrun (TACC), horovodrun and deepspeed or accelerate (which
  // may run mpirun with them), PMIx's prun, oshrun, jsrun.
  static bool starts_mpmd_components(const std::vector<const ShellWord*>& words, std::size_t at) {
    // "$SRUN" (SRUN=$(command -v srun)), "$(which srun)": a launcher read at run time may be srun.
    if (words[at]->text.find_first_of("$`") != std::string::npos) return true;
    const auto name = basename_of(words[at]->text);
    if (programs::is_mpi_launcher(name) ||
        one_of(name, {"srun", "salloc", "aprun", "prun", "oshrun", "shmemrun", "ibrun", "jsrun",
                      "horovodrun", "deepspeed", "accelerate", "ccc_mprun", "flux"}))
      return true;
    // python -m horovod.runner, python -m deepspeed.launcher.runner
    return one_of(module_of(words, at, name),
                  {"horovod.runner", "horovod.run", "deepspeed.launcher.runner", "accelerate.commands.launch"});
  }
  void launch_words() {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto* first = program_word(t_.commands[c]);
      if (!first) continue;
      const auto words = words_of(c);
      for (const auto at : program_positions(words, first)) {
        const auto name = basename_of(words[at]->text);
        if (!starts_mpmd_components(words, at)) continue;
        for (std::size_t k = at + 1; k < words.size(); ++k)
          if (is_one_expansion(*words[k]))
            fills(*words[k], render::ElementRole::LaunchWord, std::string(name) + " (a ':' word starts another component)");
        break;
      }
    }
  }
  // Whether the word is one expansion, quoted or not: only such a word can
  // be a value's text alone (':', ';').
  bool is_one_expansion(const ShellWord& word) const {
    std::string_view raw = std::string_view(text_).substr(word.begin, word.end - word.begin);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
    const auto xs = expansions(raw);
    return xs.size() == 1 && xs[0].begin == 0 && xs[0].end == raw.size();
  }

  // python3 main.py fit --model=V, torchrun main.py fit --config cfg.yaml:
  // a LightningCLI (jsonargparse) program, recognized by its subcommand
  // after the script. Any of its options may take a class or a callable,
  // which it imports by a dotted name (--model=os.system) or builds from
  // {class_path: ...}; so may any value of a config file it reads.
  void lightning_cli(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    if (!(is_interpreter(name) && (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0)) &&
        !one_of(name, {"torchrun", "accelerate", "deepspeed", "composer"}))
      return;
    std::size_t script = kNone;
    for (std::size_t k = i + 1; k < words.size() && script == kNone; ++k)
      if (render::is_code_file(words[k]->text)) script = k;
    if (script == kNone || script + 1 >= words.size() ||
        !render::is_lightning_subcommand(words[script + 1]->text))
      return;
    const std::string by = name + " " + words[script]->text + " " + words[script + 1]->text +
                           " (a LightningCLI program, which imports the classes and callables its options name)";
    for (std::size_t k = script + 2; k < words.size(); ++k) {
      // (After a '/' of the template's in the same argument, "$OUT/${V}",
      // --x=runs/${V}, the argument names no Python object and is no YAML
      // flow collection, whatever the value holds; fr hunt 92. It is a
      // path, which jsonargparse may read as the option's config, with the
      // class_path it names: --model=configs/model/${V}.yaml; attack 226.)
      const auto after_slash = [](std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
        const auto head = literal_span(raw, xs, 0, at, "x");
        if (!head) return false;
        const auto eq = head->starts_with("-") ? head->find('=') : std::string::npos;
        return head->find('/', eq == std::string::npos ? 0 : eq + 1) != std::string::npos;
      };
      fills_where(*words[k], render::ElementRole::ImportPathFree, by,
                  [&](std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) { return !after_slash(raw, xs, at); });
      fills_where(*words[k], render::ElementRole::CodePath, "a file of configuration " + by, after_slash);
      const auto& w = words[k]->text;
      const bool config = w == "--config"sv || w == "-c"sv;
      const auto file = config && k + 1 < words.size() ? std::string_view(words[k + 1]->text)
                        : w.rfind("--config=", 0) == 0 ? std::string_view(w).substr(9)
                                                       : std::string_view();
      if (!file.empty() && written_->count(file_key_of(file)))
        uses_.push_back({file_key_of(file), Use::Role, "a config file of " + by, render::ElementRole::ImportPathFree});
      // --config ${V}: a value naming the file names the classes it imports
      // (class_path: ...): a file of code, as a script is.
      if (config && k + 1 < words.size()) fills(*words[k + 1], render::ElementRole::CodePath, "the config file of " + by);
    }
    for (std::size_t k = script + 2; k < words.size(); ++k)
      fills_after(*words[k], render::ElementRole::CodePath, "the config file of " + by,
                  [](std::string_view text) { return text == "--config="sv || text == "-c="sv; });
  }

  // python3 train.py --ckpt_path V, fit --ckpt_path=V, --resume V,
  // model.restore_from_path=V, ./train --load V: the checkpoint, weights or
  // saved model a program restores. torch.load unpickles it (Lightning,
  // Megatron, most trainers), a .nemo file's config names the classes NeMo
  // builds, torch.hub and fsspec fetch a URL's: a value naming it names
  // code, as a script's name does (attack 222). Programs of the system
  // and the shell's builtins are known not to (wget --load-cookies); set --
  // and a function's call give "$@" its words.
  void restored_state(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const bool trainer = is_interpreter(name) || is_shell(name) ||
                         one_of(name, {"torchrun", "accelerate", "deepspeed", "composer", "horovodrun"});
    if (!trainer && (is_well_known_program(name) ||
                     one_of(name, {"echo", "printf", ":", "true", "false", "test", "[", "[[", "export", "local",
                                   "declare", "typeset", "readonly", "read", "unset", "cd", "pushd", "let"})))
      return;
    const std::string by = name + " (a checkpoint or saved model it restores, which torch.load unpickles: code)";
    // (A file of code, fetched from no URL.)
    constexpr render::ElementRole kRoles[] = {render::ElementRole::CodePath, render::ElementRole::LocalOnly};
    // A command restoring from a key the template writes out
    // (--resume_from_checkpoint True, --init_from=resume, --resume) reads
    // the checkpoint from its output directory too (attack 225: nanoGPT's
    // out_dir, the Trainer's output_dir).
    const bool resuming = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
      const std::string_view t = w->text;
      if (t.find_first_of("$`") != std::string_view::npos) return false;
      const auto key = t.substr(0, t.find('='));
      return !t.empty() && (t[0] == '-' || key.size() < t.size()) && programs::restores_saved_state(key);
    });
    const auto after_key = [this, resuming, c](std::size_t skip) {
      return [this, skip, resuming, c](std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
        return key_before(raw, xs, skip, at, resuming, c);
      };
    };
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const bool option_before = k > i + 1 && restores_key_word(c, *words[k - 1], resuming);
      // --resume ckpt/last.ckpt: the file holds code, so a value choosing
      // what it holds (cp "$V" ckpt/last.ckpt, wget -O) chooses code (attack 224).
      if (option_before && words[k]->text.find_first_of("$`") == std::string::npos)
        for (const auto& r : words[k]->refs)
          if (r.rfind("file:", 0) == 0) uses_.push_back({r, Use::Code, by});
      if (words[k]->placeholders.empty() && words[k]->refs.empty()) continue;
      const auto anywhere = [](std::string_view, const std::vector<Expansion>&, std::size_t) { return true; };
      for (const auto role : kRoles) {
        if (option_before) fills_where(*words[k], role, by, anywhere, false, false);
        fills_where(*words[k], role, by, after_key(0), true, false);
        // ARGS="--ckpt_path=${V}", OPTS+=(--resume "${V}"); python3 train.py
        // $ARGS "${OPTS[@]}": where the value stands in the variable's text.
        // (Each assignment read once: a name assigned and read in many
        // places would cost their product.)
        for (const auto& r : words[k]->refs)
          if (const auto it = assignment_words_.find(r); it != assignment_words_.end())
            for (const ShellWord* a : it->second)
              if (const auto eq = std::string_view(text_).find('=', a->begin);
                  eq < a->end && restored_state_read_.emplace(a, static_cast<int>(role) * 2 + resuming).second)
                fills_where(*a, role, by, after_key(eq + 1 - a->begin), true, false);
      }
    }
  }
  // Whether the template's text opens the named descriptor {name} once
  // (exec {fd}>F; also inside eval's text or a function).
  bool opened_once(const std::string& name) const {
    if (name.empty()) return false;
    const std::string open = "{" + name + "}";
    std::size_t count = 0;
    for (auto at = text_.find(open); at != std::string::npos && count < 2; at = text_.find(open, at + 1))
      if (at + open.size() < text_.size() && (text_[at + open.size()] == '>' || text_[at + open.size()] == '<')) ++count;
    return count == 1;
  }
  // Whether word `w`, before a value's, is a key naming saved state a
  // program restores: --resume, a yacs override's key (MODEL.WEIGHT V,
  // detectron's and maskrcnn-benchmark's opts), "$OPT" of
  // OPT=--resume_from_checkpoint, and "--$k", any key (attack 224).
  bool restores_key_word(std::size_t c, const ShellWord& w, bool resuming) const {
    const auto& t = w.text;
    const auto is_key = [resuming](std::string_view k) {
      const bool yacs = k.find('.') != std::string_view::npos &&
                        k.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") == std::string_view::npos;
      return k.size() > 1 && (k[0] == '-' || yacs) && k.find('=') == std::string_view::npos &&
             programs::restores_saved_state(k, resuming);
    };
    if (t.find_first_of("$`") == std::string::npos) return is_key(t);
    // ("--$k" of for k in lr output_dir: each name; of a k unknown, any.)
    const auto values = values_after_prefix(t, c);
    if (!values) return t[0] == '-' && t.find('=') == std::string::npos;
    return std::any_of(values->begin(), values->end(), [&](const std::string& v) { return is_key(v); });
  }
  // The values of a word that is literal text and then one expansion
  // ("--$k", "$OPT"), where the expansion's are known (possible_values).
  std::optional<std::vector<std::string>> values_after_prefix(std::string_view t, std::size_t c) const {
    const auto dollar = t.find('$');
    if (dollar == std::string_view::npos || t.substr(0, dollar).find_first_of("`\\\"'") != std::string_view::npos)
      return std::nullopt;
    auto values = possible_values(t.substr(dollar), c);
    if (values)
      for (auto& v : *values) v.insert(0, t.substr(0, dollar));
    return values;
  }
  // Whether the text of a word before offset `at` (from offset `skip`: past
  // an assignment's NAME=) ends with a key that names saved state a program
  // restores: --ckpt_path=, --ckpt_path=$ROOT/, KEY.restore_from_path=, or
  // "--resume " in a text that blanks split or an array's list. Read back
  // from `at` to the blank or '(' before the key, each expansion one letter,
  // quote marks dropped (blanks inside quotes part too: "--resume $V" may
  // be split later), so that a word of many values costs its length once.
  bool key_before(std::string_view raw, const std::vector<Expansion>& xs, std::size_t skip, std::size_t at, bool resuming,
                  std::size_t c) const {
    const auto is_blank = [](char b) { return b == ' ' || b == '\t' || b == '\n'; };
    constexpr char kExpanded = '\x01';  // an expansion's place in the key
    // The expansion (by index) holding offset k, if any: xs is in order.
    auto x = std::lower_bound(xs.begin(), xs.end(), at, [](const Expansion& e, std::size_t a) { return e.begin < a; });
    std::string token;  // backwards
    std::string written;  // backwards too, each expansion as written ("--$k")
    bool blank_after = false;
    std::size_t k = at;
    while (k > skip) {
      if (x != xs.begin() && std::prev(x)->end == k) {
        --x;
        token += kExpanded;
        const auto span = raw.substr(x->begin, x->end - x->begin);
        written.append(span.rbegin(), span.rend());
        k = x->begin;
        continue;
      }
      const char ch = raw[k - 1];
      --k;
      if (ch == '"' || ch == '\'' || ch == '\\') continue;
      if (is_blank(ch) || ch == '(') {
        if (token.empty() && is_blank(ch)) {
          blank_after = true;
          continue;
        }
        break;
      }
      token += ch;
      written += ch;
      if (token.size() > 256) return false;  // (no key is that long)
    }
    std::reverse(token.begin(), token.end());
    std::reverse(written.begin(), written.end());
    // (An option whose key an expansion writes, "--$k ", "--$k=", is each
    // name the expansion may have; any, where those are unknown.)
    const auto is_key = [&](std::string_view key) {
      if (key.find(kExpanded) == std::string_view::npos) return programs::restores_saved_state(key, resuming);
      const auto values = values_after_prefix(std::string_view(written).substr(0, written.find('=')), c);
      if (!values) return key.size() > 1 && key[0] == '-';
      return std::any_of(values->begin(), values->end(),
                         [&](const std::string& v) { return programs::restores_saved_state(v, resuming); });
    };
    if (blank_after) return token.size() > 1 && token[0] == '-' && token.find('=') == std::string::npos && is_key(token);
    const auto eq = token.find('=');
    return eq != std::string::npos && is_key(std::string_view(token).substr(0, eq));
  }

  // A list of options the renderer splits into words, each checked to be an
  // option (or, with |words after a script, each one argument of it).
  static bool is_argument_list(const PlaceholderNode &ph) {
    const auto v = catalog::find_variable(ph.name);
    return v && ph.context.argument_word && (catalog::is_argument_list(*v, ph.path) || splits_words(ph));
  }
  // printf -v NAME '%s.py' "$EXP": where each operand stands in NAME's
  // text, as NAME="${EXP}.py" says it (assigned_sites_), for a format
  // written out whose conversions are %s, one operand each (attack 209).
  // The command whose first word starts at offset `at` of the text, or kNone.
  std::size_t command_starting_at(std::size_t at) {
    if (command_at_.empty())
      for (std::size_t d = 0; d < t_.commands.size(); ++d)
        if (!t_.commands[d].words.empty()) command_at_.emplace(t_.commands[d].words.front().begin, d);
    const auto it = command_at_.find(at);
    return it == command_at_.end() ? kNone : it->second;
  }
  void printed_sites(const std::string& name, const std::vector<const ShellWord*>& words, std::size_t f) {
    if (name.empty() || f >= words.size()) return;
    const std::string_view format_raw = std::string_view(text_).substr(words[f]->begin, words[f]->end - words[f]->begin);
    if (format_raw.find_first_of("$`") != std::string_view::npos) return;
    const auto& format = words[f]->text;
    std::string made;
    std::vector<std::pair<std::size_t, std::size_t>> placed;  // (offset in made, placeholder) of each operand's placeholders
    std::size_t operand = f + 1;
    for (std::size_t c = 0; c < format.size(); ++c) {
      if (format[c] == '\\') return;
      if (format[c] != '%') {
        made += format[c];
        continue;
      }
      if (c + 1 < format.size() && format[c + 1] == '%') {
        made += '%';
        ++c;
        continue;
      }
      if (c + 1 >= format.size() || format[c + 1] != 's' || operand >= words.size()) return;
      for (auto p : words[operand]->placeholders)
        placed.emplace_back(made.size() + (t_.placeholders[p].begin - words[operand]->begin), p);
      made.append(text_, words[operand]->begin, words[operand]->end - words[operand]->begin);
      ++operand;
      ++c;
    }
    if (operand != words.size()) return;  // (the format again for the rest: not read)
    for (const auto& x : expansions(made)) {
      const auto span = std::string_view(made).substr(x.begin, x.end - x.begin);
      std::vector<std::string> read = names_in(span);
      if (!x.name.empty() && std::find(read.begin(), read.end(), x.name) == read.end()) read.push_back(x.name);
      // (printf -v F '%s%s' "${CLEARML_...}" ...: the placeholder itself; attack 214.)
      for (const auto& [at, p] : placed)
        if (at >= x.begin && at < x.end) read.push_back(std::string(kPlaceholderSite) + std::to_string(p));
      for (const auto& r : read) {
        std::pair<std::string, render::PathSite> entry{r, path_site(made, x.begin, x.end)};
        cut_site(entry.second, span, r.starts_with(kPlaceholderSite));
        auto& sites = assigned_sites_[name];
        if (std::find(sites.begin(), sites.end(), entry) == sites.end()) sites.push_back(std::move(entry));
      }
    }
  }
  // Whether what a cut makes of a value is known exactly: the value, or
  // what its exact ways make of it (${V%-*}, ${V/%-py/.py}; not ${V%.py},
  // a part anywhere; read's trim of blanks keeps it). A name made so is
  // read as made (attack 212: ${R%-*}.${R##*-} of json-py).
  static bool exact_cut(const render::ValueCut& cut) {
    return !cut.end && !cut.anywhere && !cut.deletes && !cut.too_many;
  }
  // How the expansion `span` makes the name at `site`: read as made where
  // its cut is exact or cuts only the end (${LOG%.gz}: the site's end_cut,
  // the literal end it removes or "*"; attack 216), or where it is a
  // placeholder itself.
  static void cut_site(render::PathSite& site, std::string_view span, bool placeholder) {
    const auto cut = cut_of(span);
    auto ends_only = cut;
    ends_only.end = false;
    site.created = placeholder || exact_cut(ends_only);
    if (!cut.end || placeholder) return;
    site.end_cut = "*";
    // ${V%P}, ${V%%P}: a literal P (no glob character) is cut exactly.
    std::size_t k = 2;
    while (k < span.size() && is_name_char(span[k])) ++k;
    if (span.starts_with("${") && k > 2 && k + 1 < span.size() && span[k] == '%' && span.ends_with("}")) {
      const auto from = span[k + 1] == '%' ? k + 2 : k + 1;
      const auto pattern = span.substr(from, span.size() - 1 - std::min(from, span.size() - 1));
      if (is_literal_pattern(pattern)) site.end_cut = std::string(pattern);
    }
  }
  // Whether nothing but the word's placeholders expands in it.
  bool only_placeholders_expand(const ShellWord& w) const {
    std::size_t from = w.begin;
    for (auto p : w.placeholders) {
      if (std::string_view(text_).substr(from, t_.placeholders[p].begin - from).find_first_of("$`") != std::string_view::npos)
        return false;
      from = t_.placeholders[p].end;
    }
    return std::string_view(text_).substr(from, w.end - from).find_first_of("$`") == std::string_view::npos;
  }
  static bool splits_words(const PlaceholderNode& ph) {
    return std::any_of(ph.filters.begin(), ph.filters.end(), [](const FilterNode& f) { return f.name == "words"sv; });
  }
  // Whether any declare, typeset or local of the template may make NAME an
  // associative array (-A with NAME or with a name chosen at run time).
  bool maybe_associative(const std::string& name) const {
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      const auto& words = t_.commands[c].words;
      const auto* first = program_word(t_.commands[c]);
      if (!first || !one_of(first->text, {"declare", "typeset", "local"})) continue;
      bool associative = false;
      for (const auto& w : words) {
        if (&w <= first || w.role != ShellWord::Role::Word) continue;
        if (w.text.size() > 1 && w.text[0] == '-') associative = associative || w.text.find('A') != std::string::npos;
        else if (associative && (assigned_name(w.text) == name || w.text.find_first_of("$`") != std::string::npos))
          return true;
      }
    }
    return false;
  }
  // A printf format written out that prints each word on a line of its
  // own: text without '%' or a backslash, then %s\n ('- %s\n'), so no two words
  // make one line.
  bool prints_words_as_they_are(const ShellWord& format) const {
    const std::string_view raw = std::string_view(text_).substr(format.begin, format.end - format.begin);
    const std::string_view t = format.text;
    return !t.empty() && t[0] != '-' && raw.find_first_of("$`") == std::string_view::npos && t.ends_with("%s\\n") &&
           t.find_first_of("%\\") == t.size() - 4;
  }
  // python3 train.py ${...|words}: a list split into words stands only
  // among the arguments of a script a program runs (an interpreter's or
  // launcher's script or module, a shell's script file, a program named by
  // its path or as a code file), where each word is one argument of that
  // script, whatever it holds. Anywhere else a word of it could be an
  // option of the program (python3 -c), its script, or a command a runner
  // or find -exec runs.
  void word_lists() {
    const auto lists = std::any_of(t_.placeholders.begin(), t_.placeholders.end(),
                                   [](const PlaceholderNode& ph) { return ph.context.argument_word && splits_words(ph); });
    if (!lists) return;
    std::vector<bool> after_script(t_.placeholders.size(), false), python_script(t_.placeholders.size(), false),
        each_value(t_.placeholders.size(), false);
    // EXTRA=( ${...|words} ) ... train.py "${EXTRA[@]}": an array made of
    // the list alone, whose every mention is that whole word after a
    // script, hands the script its words as the list in place would (fr 87).
    std::map<std::string, std::vector<std::size_t>> list_arrays;  // name: its placeholders
    std::map<std::string, std::pair<std::size_t, bool>> list_array_uses;  // name: words after a script, python's
    for (const auto& cmd : t_.commands)
      for (const auto& w : cmd.words)
        if (w.role == ShellWord::Role::Word && is_assignment_word(w.text) && !w.placeholders.empty() &&
            w.text.starts_with(assigned_name(w.text) + "=(") && only_placeholders_expand(w) &&
            std::all_of(w.placeholders.begin(), w.placeholders.end(), [&](std::size_t p) {
              return t_.placeholders[p].context.argument_word && splits_words(t_.placeholders[p]);
            }))
          for (auto p : w.placeholders) list_arrays[assigned_name(w.text)].push_back(p);
    // A whole word of the list at words[from...] stands for one value each.
    const auto values_from = [&](const std::vector<const ShellWord*>& words, std::size_t from) {
      for (std::size_t k = from; k < words.size(); ++k)
        for (auto p : words[k]->placeholders)
          if (t_.placeholders[p].begin == words[k]->begin && t_.placeholders[p].end == words[k]->end) each_value[p] = true;
    };
    for (std::size_t c = 0; c < t_.commands.size(); ++c) {
      // for W in ${...|words}: each word is a value of W.
      if (t_.commands[c].header == "for"sv) values_from(words_of(c), 1);
      // A=(${...|words}): each word is an element of A, a value of its own
      // wherever the array's elements go (fr 81); not an associative
      // array's, where a word could be a key.
      for (const auto& w : t_.commands[c].words)
        if (w.role == ShellWord::Role::Word && is_assignment_word(w.text) && !maybe_associative(assigned_name(w.text)))
          for (auto p : w.placeholders)
            if (t_.placeholders[p].context.argument_word) each_value[p] = true;
      const auto* first = program_word(t_.commands[c]);
      if (!first) continue;
      auto words = words_of(c);
      auto positions = program_positions(words, first);
      if (positions.empty()) continue;
      // printf '%s\n' ${...|words}: each word is printed by a %s of a
      // format written out (no %b, which decodes escapes).
      if (const auto at = positions.back(); words[at]->text == "printf"sv && at + 1 < words.size() &&
                                              prints_words_as_they_are(*words[at + 1]))
        values_from(words, at + 2);
      // module load ${...|words}: each word is a module to load, and meets
      // the rule of one (fr hunt 78); not ml's bare list, where a word may be
      // its subcommand (ml unload x).
      if (const auto at = positions.back(); at + 1 < words.size() &&
                                              ((words[at]->text == "module"sv &&
                                                one_of(words[at + 1]->text, {"load", "add", "try-load"})) ||
                                               (words[at]->text == "ml"sv && one_of(words[at + 1]->text, {"load", "add"}))))
        values_from(words, at + 2);
      // ("${LAUNCHER[@]}" train.py ${...|words}: the launcher's elements, the program first.)
      std::vector<ShellWord> elements;
      if (auto launcher = launcher_array(*words[positions.back()]); launcher && runs_written_program(*launcher)) {
        elements = std::move(*launcher);
        std::vector<const ShellWord*> spliced;
        for (const auto& e : elements) spliced.push_back(&e);
        spliced.insert(spliced.end(), words.begin() + static_cast<long>(positions.back()) + 1, words.end());
        words = std::move(spliced);
        positions = program_positions(words, words.front());
        if (positions.empty()) continue;
      }
      const auto at = positions.back();
      const auto& program = words[at]->text;
      const auto name = basename_of(program);
      // (A word's refs also name the files it names: "$" is what runs.)
      const auto expands = [](const ShellWord* w) { return !w->placeholders.empty() || w->text.find_first_of("$`") != std::string::npos; };
      std::size_t script = kNone;
      if (expands(words[at]) || functions_.count(program)) {
        // A command or function chosen at run time: its arguments are unknown.
      } else if (const bool launcher = is_interpreter(name) || is_shell(name) ||
                                       one_of(name, {"torchrun", "accelerate", "deepspeed", "composer", "horovodrun",
                                                     "colossalai"});
                 !launcher && (program.find('/') != std::string::npos || render::is_code_file(program))) {
        script = at;  // ./run.sh, /opt/x/train.py (not /usr/bin/python3, whose own options come first)
      } else if (launcher) {
        for (std::size_t k = at + 1; k < words.size() && script == kNone; ++k) {
          const auto& w = words[k]->text;
          // (An option's own word may expand after its '=': --rdzv_endpoint=
          // "$ADDR:29500", --num_gpus=${...}. Any other may be empty, another
          // option (-${O}), or the script, at run time.)
          // --nnodes "$SLURM_NNODES": one word, quoted whole, as the value of
          // an option that takes one (fr hunt 57).
          const std::string_view raw = std::string_view(text_).substr(words[k]->begin, words[k]->end - words[k]->begin);
          const bool quoted_value = k > at + 1 && raw.size() > 1 && raw.front() == '"' && raw.back() == '"' &&
                                    raw.find('"', 1) == raw.size() - 1 && listed(launcher_family(name).values, words[k - 1]->text);
          // --nproc_per_node ${...|number}: a number, never empty nor two
          // words, as the value of an option that takes one (fr hunt 61).
          const bool number_value =
              k > at + 1 && words[k]->refs.empty() && words[k]->placeholders.size() == 1 &&
              t_.placeholders[words[k]->placeholders[0]].begin == words[k]->begin &&
              t_.placeholders[words[k]->placeholders[0]].end == words[k]->end &&
              std::any_of(t_.placeholders[words[k]->placeholders[0]].filters.begin(),
                          t_.placeholders[words[k]->placeholders[0]].filters.end(),
                          [](const FilterNode& f) { return f.name == "number"sv; }) &&
              listed(launcher_family(name).values, words[k - 1]->text);
          if (expands(words[k]) && !quoted_value && !number_value &&
              !(w.rfind("--", 0) == 0 && w.find('=') < w.find_first_of("$`")))
            break;
          // (-m MODULE: the module may be a runner of its own, whose
          // options come first: cProfile, pytest; a distributed
          // launcher's, torch.distributed.run's, end at its script.)
          if (w == "-m"sv && k == at + 1 && launches_module(module_of(words, at, name))) {
            ++k;
            continue;
          }
          if (one_of(w, {"-c", "-e", "--eval", "-E", "-m"})) break;
          if (may_be_script(words, k, module_of(words, at, name).empty() ? name : module_of(words, at, name))) script = k;
        }
      }
      // A script the template writes may pass its arguments anywhere
      // (exec srun "$@"): its words are not known to stay arguments.
      if (script != kNone && written_->count(file_key_of(words[script]->text))) script = kNone;
      // (A list may hold LightningCLI's subcommand and options: python3 main.py ${...|words}.)
      const bool python = (is_interpreter(name) && (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0)) ||
                          one_of(name, {"torchrun", "accelerate", "deepspeed", "composer"}) ||
                          (script == at && program.size() > 3 && program.compare(program.size() - 3, 3, ".py") == 0);
      for (std::size_t k = script == kNone ? words.size() : script + 1; k < words.size(); ++k)
        for (const auto& [array, phs] : list_arrays)
          if (words[k]->text == "${" + array + "[@]}" &&
              std::string_view(text_).substr(words[k]->begin, words[k]->end - words[k]->begin) == "\"${" + array + "[@]}\"") {
            ++list_array_uses[array].first;
            list_array_uses[array].second = list_array_uses[array].second || python;
          }
      for (std::size_t k = at + 1; k < words.size(); ++k)
        for (auto p : words[k]->placeholders)  // (the whole word: not inside a $(...) of it)
          if (script != kNone && k > script && t_.placeholders[p].begin == words[k]->begin &&
              t_.placeholders[p].end == words[k]->end) {
            after_script[p] = true;
            python_script[p] = python_script[p] || python;
          }
    }
    // (Every mention: the name anywhere in the text is its assignment or
    // one of those words; a comment naming it too leaves it a list of values.)
    for (const auto& [array, uses] : list_array_uses) {
      std::size_t mentions = 0;
      for (auto at = text_.find(array); at != std::string::npos; at = text_.find(array, at + 1))
        if ((at == 0 || !is_name_char(text_[at - 1])) && (at + array.size() == text_.size() || !is_name_char(text_[at + array.size()])))
          ++mentions;
      if (mentions != uses.first + 1) continue;
      script_argument_arrays_.insert(array);
      for (const auto p : list_arrays[array]) {
        after_script[p] = true;
        python_script[p] = python_script[p] || uses.second;
      }
    }
    for (std::size_t p = 0; p < t_.placeholders.size(); ++p) {
      auto& ph = t_.placeholders[p];
      if (!ph.context.argument_word || !splits_words(ph)) continue;
      if (after_script[p]) {
        ph.option_words = {};
        ph.option_words.checked = true;
        ph.option_words.script_arguments = true;
        ph.option_words.python_script = python_script[p];
      } else if (each_value[p]) {
        ph.option_words = {};
        ph.option_words.checked = true;
        ph.option_words.each_value = true;
      } else {
        ph.words_refused =
            "|words makes the value a list of arguments, and here a word of it could be an option of the program, "
            "its script, or the command a runner runs: put it after the script a program runs (python3 train.py "
            "${...|words}, torchrun ... train.py ${...|words}, bash run.sh ${...|words}, ./run.sh ${...|words}), "
            "one the template does not write itself (that one may pass its arguments to any command: exec srun \"$@\")";
      }
    }
  }

  // The program at words[i] and what it does with the words after it.
  // `as`: the program words[i] is when its name is another's (python -m
  // IPython is ipython).
  void invocation(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, std::string_view as = {}) {
    if (program_in_place(c, words, i)) return;
    command_word(*words[i]);
    if (dynamic_program(c, words, i)) return;
    const std::string name(as.empty() ? basename_of(words[i]->text) : as);
    // (accelerate launch may start deepspeed's multi-node runner: with
    // --use_deepspeed, or a config file that says so, review 38.)
    if (one_of(name, {"deepspeed", "ds", "deepspeed.pt", "dsr", "accelerate"})) runs_deepspeed_ = true;
    if (const auto expanded = with_option_arrays(c, words, i, name)) return invocation(c, *expanded, i, as);
    const auto code_var_args = [&](std::size_t from) {
      for (std::size_t k = from; k < words.size(); ++k)
        if (is_assignment_word(words[k]->text)) assignment(*words[k]);
    };

    // run() { srun --mpi=pmix "$@"; } run python3 x.py "$X": the body's
    // commands with the call's words in place of "$@" (and $1... below).
    if (auto f = forwarders_.find(name); f != forwarders_.end()) forward_call(c, words, i, f->second);
    if (inherited_forwarders_.count(name)) {
      // A code string calling a forwarding function of the template: its
      // words become a command the nested reading cannot follow.
      for (std::size_t k = i + 1; k < words.size(); ++k) reparse_word(*words[k], "the function " + name);
      return;
    }
    if (auto f = functions_.find(name); f != functions_.end()) {
      // The function's parameters take the arguments: the k-th is $k, or
      // one of the parameters before it after the body's shifts; beyond $9,
      // and for "$@", any.
      const std::size_t shifts = f->second == kNone ? 9 : shifts_in(f->second);
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::size_t position = k - i;
        std::vector<std::string> params{"@"};
        for (std::size_t p = 1; p <= 9; ++p)
          if (position > 9 || (p <= position && p + shifts >= position)) params.push_back(std::to_string(p));
        for (const auto& p : params) {
          for (auto ph : words[k]->placeholders) direct_[p].insert(ph);
          for (const auto& r : words[k]->refs) edges_[p].insert(r);
        }
        // run_step "$s" "${...}": a function the template wrote reads no
        // options; where its body puts "$2" decides (the leading-'-' rule
        // of that place reaches the value through $2), unless the body
        // passes its words on to a program as they stand ("$@").
        if (f->second != kNone && !forwarders_.count(name) && !inherited_forwarders_.count(name) &&
            only_expansion(*words[k]))
          for (auto ph : words[k]->placeholders) t_.placeholders[ph].context.begins_argument = false;
      }
      if (code_functions_.count(name)) reparse_stdin(c, "the function " + name + " (it reads its input as code)", "");
      return;
    }
    // shopt -s NAME, set -o NAME, set -k: a value choosing a shell option
    // would choose how bash reads everything after it (cdable_vars,
    // compat31, expand_aliases, keyword); history -s stores a line that fc
    // runs, and fc's own words are commands or an editor.
    if (name == "shopt"sv || name == "set"sv || name == "fc"sv || (name == "history"sv && i + 1 < words.size() &&
                                                              words[i + 1]->text.rfind("-s", 0) == 0)) {
      const std::string by = name == "shopt"sv || name == "set"sv ? name + " (a value here would choose a shell option)"
                                                               : name + " (the line it stores or runs is a command)";
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (name == "set"sv && w == "--"sv) break;  // positional parameters: data
        const bool option = !w.empty() && (w[0] == '-' || w[0] == '+');
        const bool after_o = k > i + 1 && (words[k - 1]->text == "-o"sv || words[k - 1]->text == "+o"sv);
        // set VALUE: a positional parameter (one starting with '-' is refused where an argument begins).
        if (name == "set"sv && !option && !after_o) break;
        reparse_word(*words[k], by);
      }
    }
    // cd DIR, pushd DIR: the directory $PWD, DIRSTACK and pwd then name
    // (kCwd: PWD itself is a code variable, which no value may set).
    if (name == "cd"sv || name == "pushd"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (words[k]->text.rfind('-', 0) == 0 && words[k]->placeholders.empty()) continue;
        for (auto p : words[k]->placeholders) direct_[kCwd].insert(p);
        for (const auto& r : words[k]->refs) edges_[kCwd].insert(r);
        break;
      }
    // mapfile -C CALLBACK: bash runs CALLBACK with the index and the line
    // for each line it reads: a function's parameters take the input; any
    // other command runs with it as its words.
    if (name == "mapfile"sv || name == "readarray"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        const ShellWord* callback = nullptr;
        if (w == "-C"sv && k + 1 < words.size()) callback = words[k + 1];
        else if (w.size() > 2 && w.rfind("-C", 0) == 0) callback = words[k];
        if (!callback) continue;  // (its own text is read as code where read and mapfile are)
        std::string_view function = callback == words[k] ? std::string_view(w).substr(2) : std::string_view(callback->text);
        function = function.substr(0, std::min(function.find_first_of(" \t"), function.size()));
        if (functions_.count(std::string(function))) {
          std::vector<std::size_t> phs;
          std::vector<std::string> refs;
          collect_stdin(c, phs, refs);
          feed_parameters(phs, refs);
        } else if (!one_of(function, {"echo", "printf", ":", "true", "false"})) {
          reparse_stdin(c, name + " -C " + std::string(function) + " (it runs the command with each line it reads)", name);
        }
        break;
      }
    // bash calls command_not_found_handle with the words of any command it
    // finds no program for on PATH (a tool missing on the node): its
    // parameters may be the words of any command but a builtin's.
    if (functions_.count("command_not_found_handle") && !name.empty() && words[i]->text.find('/') == std::string::npos &&
        !is_bash_builtin(name))
      for (std::size_t k = i; k < words.size(); ++k) feed_parameters(words[k]->placeholders, words[k]->refs);
    // make imports every environment variable (is_make); just's env_var(), a Snakefile's os.environ, nextflow's env put one
    // into the text of a recipe, rule or process the same way.
    if ((is_make(name) || builds_with_make(words, i, name)) && cleared_environment(words, i)) {
      // env -i [NAME=value ...] make: make's environment is those words only.
      for (std::size_t k = 0; k < i; ++k)
        if (is_assignment_word(words[k]->text)) fills(*words[k], render::ElementRole::MakeVariable, name + " (its environment)");
    } else if (is_make(name)) {
      make_reads_environment(name);
    } else if (builds_with_make(words, i, name)) {
      make_reads_environment(name, "a build that may run make");
    }
    // (As make's: a plain word there stays one word of the command;
    // fr40/02: #SBATCH --partition=${...} reaches SLURM_JOB_PARTITION.)
    if (programs::fills_recipes(name) && name != "tox"sv)
      uses_.push_back({environment_key(), Use::Role,
                       name + " (its recipes, rules or tasks may put an environment variable into their shell commands)",
                       render::ElementRole::MakeVariable});
    // python -m pip install X, python -m sqlite3 DB SQL: a module that is
    // a program's command line is that program, given the words after it.
    if (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0)
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "-m"sv) {
          if (const auto program = module_program(words[k + 1]->text); !program.empty())
            invocation(c, words, k + 1, program);
          break;
        }
        if (w.size() < 2 || w[0] != '-' || w == "-c"sv || !words[k]->placeholders.empty()) break;
        if (w == "-W"sv || w == "-X"sv) ++k;
      }
    application_operands(words, i, name);
    code_loading_operands(words, i, name);
    code_file_operands(words, i, name);
    note_relative_climb_or_clear(words, i, name);
    account_operands(words, i, name);
    changed_in_place(words, i, name);
    uploaded_files(words, i, name);
    structured_reads(words, i, name);
    if (const std::string by = reads_code_from_stdin(c, words, i); !by.empty()) {
      // (The reason names the reader first: "bash -s", "sbatch (...)".)
      const auto reader = std::string_view(by).substr(0, by.find(' '));
      reparse_stdin(c, by, reader);
      // (source /dev/stdin <<'EOF' runs its body in this shell.)
      if (is_shell(reader) || one_of(reader, {"source", "."})) nested_heredocs(c);
      if (is_shell(name)) stdin_script_arguments(c, words, i, by);
    }
    // source <(echo '...'), eval "$(printf ...)": what the substitution
    // prints, when the template wrote it, is code of this shell.
    if (one_of(name, {"source", ".", "eval"}))
      for (const auto d : children_of(c)) written_code(d, true, name + " (the code a substitution prints)");

    if (name == "gdb"sv || name == "lldb"sv) {
      // Commands, and files of commands (gdb's shell, lldb's platform
      // shell run programs), in every spelling: -x F, -xF, --command=F.
      std::size_t end = i + 1;
      while (end < words.size() && words[end]->text != "--args"sv && words[end]->text != "--"sv) ++end;
      const std::vector<const ShellWord*> own(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(end));
      static constexpr ProgramOptions kCommands[] = {
          {"lldb", "-o --one-line -s --source -O --one-line-before-file -S --source-before-file -k "
                   "--one-line-on-crash -K --source-on-crash"},
      };
      option_values(own, i, name, kCommands, [&](std::size_t k, std::string_view) { reparse_word(*own[k], name); });
      // gdb reads its options as getopt_long_only does: one dash or two,
      // and any prefix of a long name (-eval-command=, --eval=, -comm F);
      // -xFILE holds the file (attack 164). A prefix of two letters or
      // more of a command option, even an ambiguous one, is taken as it.
      static constexpr std::string_view kGdbCommandOptions[] = {"ex", "iex", "ix", "eval-command", "init-eval-command",
                                                                "command", "init-command"};
      for (std::size_t k = i + 1; name == "gdb"sv && k < own.size(); ++k) {
        const std::string_view w = own[k]->text;
        if (w.size() < 2 || w[0] != '-') continue;
        const auto option = w.substr(w[1] == '-' ? 2 : 1);
        const auto option_name = option.substr(0, option.find('='));
        const bool commands = (option_name.size() >= 2 && std::any_of(std::begin(kGdbCommandOptions), std::end(kGdbCommandOptions),
                                                                      [&](std::string_view o) { return o.starts_with(option_name); })) ||
                              option_name == "x"sv || (w[1] != '-' && option_name.starts_with('x'));
        if (!commands) continue;
        if (option_name.size() < option.size() || (option_name.starts_with('x') && option_name.size() > 1))
          reparse_word(*own[k], name);  // (-eval-command=CMD, -xFILE)
        else if (k + 1 < own.size())
          reparse_word(*own[++k], name);
      }
      if (end + 1 < words.size()) invocation(c, words, end + 1);
      return;
    }
    if (name == "sg"sv || name == "tmux"sv) {
      // sg GROUP COMMAND-LINE, tmux new-session/run-shell/send-keys ... COMMAND: a shell runs the string.
      for (std::size_t k = i + 2; k < words.size(); ++k) reparse_word(*words[k], name);
      // (The command line is shell code, make there too; a tmux session
      // outlives the command, with its environment.)
      if (i + 2 < words.size()) nested_code(*words.back());
      return;
    }
    // source F: what the template wrote into F is code of this shell.
    if ((name == "source"sv || name == "."sv) && i + 1 < words.size()) runs_written_text(*words[i + 1], name, words, i + 1);
    // ./launch.sh "$X": a file the template wrote, run by its path (or
    // by the name of its copy: cp launch.tmp launch.sh reads as launch.tmp).
    if (words[i]->text.find('/') != std::string::npos || written_->count(file_key_of(words[i]->text)))
      runs_written_text(*words[i], "", words, i);
    written_program_files(c, words, i, name);
    if ((name == "source"sv || name == "."sv) && i + 1 < words.size()) {
      // source FILE ARGS: the file is code; its arguments are what the
      // sourced script works with, such as the environment of
      // `source activate ENV`, whose hooks then run: named as code is.
      // A file named by a path the template starts (venvs/${V}/bin/activate)
      // is code a value chooses among the template's, as bash FILE's is;
      // a bare name bash looks up in PATH (fr hunt 77).
      const auto& file = *words[i + 1];
      const auto raw = std::string_view(text_).substr(file.begin, file.end - file.begin);
      const auto prefix = raw.substr(0, raw.find_first_of("$`"));
      const bool chosen_path = (!file.placeholders.empty() || !file.refs.empty()) && prefix.size() < raw.size() &&
                               prefix.find('/') != std::string_view::npos && prefix.find_first_of("(<>|") == std::string_view::npos &&
                               prefix.find("/dev/") == std::string_view::npos &&
                               prefix.find("/proc/") == std::string_view::npos;
      if (chosen_path) fills(file, render::ElementRole::CodePath, name + " (the file it runs)");
      else if (i + 2 < words.size()) reparse_word(file, name);
      if (chosen_path || i + 2 < words.size()) {
        for (std::size_t k = i + 2; k < words.size(); ++k) names_code(*words[k], name);
        return;
      }
    }
    // Tools that hand their command line to a shell: ray job submit and
    // dvc stage add join the words after their options, pueue, tsp,
    // hyperfine and watchexec run each command string with sh -c; ncat -c
    // and --sh-exec run a shell command, -e and --exec a program.
    const auto at = [&](std::size_t k, std::string_view w) { return k < words.size() && words[k]->text == w; };
    // (ray job submit's entrypoint follows its "--": before it, the values
    // of options that name the job or size it are data; fr41/02.)
    if (name == "ray"sv && at(i + 1, "job") && at(i + 2, "submit")) {
      std::size_t dashes = i + 3;
      while (dashes < words.size() && words[dashes]->text != "--"sv) ++dashes;
      static constexpr std::string_view kData[] = {"--submission-id", "--job-id", "--entrypoint-num-cpus",
                                                   "--entrypoint-num-gpus", "--entrypoint-memory", "--log-style"};
      const auto data_option = [&](std::string_view w) {
        return std::any_of(std::begin(kData), std::end(kData),
                           [&](std::string_view o) { return w == o || (w.size() > o.size() && w.rfind(o, 0) == 0 && w[o.size()] == '='); });
      };
      for (std::size_t k = i + 3; k < words.size(); ++k)
        if (k > dashes || dashes == words.size() ||
            !(data_option(words[k]->text) ||
              (data_option(words[k - 1]->text) && words[k - 1]->text.find('=') == std::string::npos)))
          reparse_word(*words[k], name + " (it runs its command with a shell)");
      return;
    }
    if ((name == "dvc"sv && at(i + 1, "stage") && at(i + 2, "add")) ||
        (name == "dvc"sv && at(i + 1, "run")) || (name == "pueue"sv && at(i + 1, "add"))) {
      for (std::size_t k = i + 2; k < words.size(); ++k) reparse_word(*words[k], name + " (it runs its command with a shell)");
      return;
    }
    // firejail --shell=/bin/bash CMD...: firejail joins the command's words
    // and runs them with that shell's -c (--shell=none runs them as words).
    if (name == "firejail"sv &&
        std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
          return w->text.rfind("--shell=", 0) == 0 && w->text != "--shell=none"sv;
        })) {
      for (std::size_t k = i + 1; k < words.size(); ++k) reparse_word(*words[k], "firejail --shell (it runs its command with a shell)");
      return;
    }
    // blender --python-expr CODE, gimp -b COMMANDS, gdal_calc.py --calc
    // EXPR, smbclient -c CMDS, ...: code in the program's language (attacks
    // 173, 174); blender --python FILE, -P FILE, --python-text NAME: the
    // code file or text block.
    // (Also a script python runs: python3 -m osgeo_utils.gdal_calc,
    // python3 /usr/bin/gdal_calc.py; attack 175.)
    std::string_view runs = name;
    if (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0) {
      if (const auto m = module_of(words, i, name); !m.empty()) {
        runs = m.substr(m.rfind('.') == std::string_view::npos ? 0 : m.rfind('.') + 1);
      } else {
        std::size_t k = i + 1;
        while (k < words.size() && words[k]->text.size() > 1 && words[k]->text[0] == '-')
          k += one_of(words[k]->text, {"-W", "-X"}) ? 2 : 1;
        if (k < words.size()) runs = basename_of(words[k]->text);
      }
    }
    if (const auto options = programs::code_value_options(runs); !options.empty())
      each_option_value(words, i, options, [&](std::size_t k, std::string_view, std::string_view option) {
        reparse_word(*words[k], std::string(runs) + " " + std::string(option) + " (code it runs)");
        // (gs -c CODE...: the words up to -f are code too.)
        if (one_of(runs, {"gs", "gsc", "ghostscript"}))
          for (auto j = k + 1; j < words.size() && !words[j]->text.starts_with("-f"); ++j)
            reparse_word(*words[j], std::string(runs) + " -c (code it runs)");
      });
    if (name.rfind("blender", 0) == 0)
      each_option_value(words, i, "--python -P --python-text", [&](std::size_t k, std::string_view, std::string_view option) {
        chooses_program(*words[k], name + " " + std::string(option) + " (the code it runs)");
      });
    // pandoc pastes a -V variable's text raw into the TeX or HTML it writes
    // (\write18, <script>) and gives --pdf-engine-opt's to the TeX engine,
    // which reads an operand as source (attack 180; -M/--metadata's text is
    // escaped); -F and --pdf-engine name the program it runs; filters,
    // templates, defaults files (which set all of these), included raw
    // files and the directories it finds them in are code.
    if (name == "pandoc"sv) {
      each_option_value(words, i, "-V --variable --variable-json --pdf-engine-opt", [&](std::size_t k, std::string_view, std::string_view option) {
        reparse_word(*words[k], "pandoc " + std::string(option) +
                                    (option == "--pdf-engine-opt"sv ? " (the TeX engine reads it as an option or as TeX source)"
                                                                    : " (its text goes raw into the TeX or HTML it writes; "
                                                                      "-M/--metadata escapes it)"));
      });
      each_option_value(words, i, "-F --filter --pdf-engine", [&](std::size_t k, std::string_view, std::string_view option) {
        chooses_program(*words[k], "pandoc " + std::string(option) + " (the program it runs)");
      });
      each_option_value(words, i,
                        "-L --lua-filter --template -d --defaults -H --include-in-header -B --include-before-body -A "
                        "--include-after-body --data-dir --resource-path",
                        [&](std::size_t k, std::string_view, std::string_view option) {
                          fills(*words[k], render::ElementRole::CodePath,
                                "pandoc " + std::string(option) + " (code it runs, or raw text of what it writes)");
                        });
    }
    // pdflatex "\def\run{$V}\input{r.tex}": an operand is TeX source, or
    // the file to input with the rest of its line as source (attack 174).
    if (programs::is_tex_engine(name))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty())
          reparse_word(*words[k], name + " (it reads its operands as TeX source; \\write18 runs a command)");
    if (one_of(name, {"ncat", "nc", "netcat"}))
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-c", "--sh-exec", "-e", "--exec"}))
          reparse_word(*words[k + 1], name + " " + words[k]->text + " (a command it runs)");
    // (slogin, autossh, rsh, krsh, remsh, dbclient: ssh's and rsh's kin,
    // which join their command's words for the remote shell; xdsh too.)
    if (one_of(name, {"eval", "alias", "source", ".", "trap", "ssh", "slogin", "autossh", "rsh", "krsh", "remsh",
                      "dbclient", "xdsh", "ds_ssh", "qrsh", "blaunch", "oarsh", "mrsh", "watch", "parallel", "sem", "at", "batch", "pdsh",
                      "clush", "vim", "vi", "nvim", "ex", "ed", "nix-shell", "emacs", "gvim", "view", "rview",
                      "sqlite3", "sqlite", "duckdb", "psql", "mysql", "matlab", "hyperfine", "watchexec", "tsp",
                      "mongosh", "mongo", "redis-cli", "valkey-cli", "ts", "task-spooler",
                      // More clients whose operands and -e are statements (mariadb's \! runs a
                      // command), and tools that run a command on other hosts.
                      "mariadb", "sqlcmd", "bq", "beeline", "spark-sql", "cqlsh", "trino", "clickhouse-client",
                      "clickhouse", "pgcli", "mycli", "litecli", "usql", "pssh", "parallel-ssh", "salt", "dsh", "hive",
                      "impala-shell", "presto", "presto-cli", "snowsql", "vsql", "isql", "sqlplus", "bteq",
                      // (SQL over files, round 121; socat's EXEC:, SYSTEM: and !! addresses)
                      "clickhouse-local", "csvsql", "csvq", "dsq", "textql", "octosql", "trdsql", "socat",
                      // (nodemon joins its command's words for sh -c; attack 164)
                      "nodemon"})) {
      // trap ACTION SIGNAL...: only the action is code (a signal operand
      // is a name trap looks up); a single operand may still be either.
      std::size_t last = words.size();
      if (name == "trap"sv) {
        std::size_t action = i + 1;
        while (action < words.size() && words[action]->text.size() > 1 && words[action]->text[0] == '-' &&
               words[action]->placeholders.empty() && words[action]->text != "--"sv)
          ++action;
        if (action < words.size() && words[action]->text == "--"sv) ++action;
        if (action + 1 < words.size()) last = action + 1;
      }
      // sqlite3 [options] DATABASE [SQL...]: the database is a file of the
      // job's, the rest SQL (.shell runs a command).
      // An option not known to be a flag is taken to take the next word
      // (-cmd SQL, -init FILE), which stays code.
      std::size_t database = words.size();
      if (one_of(name, {"sqlite3", "sqlite", "duckdb"}))
        for (std::size_t k = i + 1; k < words.size(); ++k) {
          const auto& w = words[k]->text;
          if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
            if (!listed("-batch -bail -echo -header -noheader -readonly -csv -json -line -list -column -html "
                        "-markdown -table -box -quote -tabs -ascii -interactive -safe -stats -nofollow -append",
                        w))
              ++k;
            continue;
          }
          database = k;
          fills(*words[k], render::ElementRole::Path, name + " (its database file)");
          break;
        }
      for (std::size_t k = i + 1; k < last; ++k)
        if (k != database) reparse_word(*words[k], name);
      if (name == "eval"sv || name == "watch"sv) nested_words(words, i + 1);
      if (name == "trap"sv && i + 1 < words.size()) nested_code(*words[i + 1]);
      return;
    }
    if (name == "xargs"sv) {
      static constexpr ProgramOptions kArgFile[] = {{"", "-a --arg-file"}};
      option_values(words, i, name, kArgFile,
                    [&](std::size_t k, std::string_view) { reparse_word(*words[k], "xargs -a (its lines become a command)"); });
      // xargs -0 rm -f --: what it reads are paths rm handles, as "$P" is in rm -f -- "$P".
      const auto s = scan_options(words, i + 1, runner_counts(*find_runner("xargs")));
      // find ... | xargs -n1 sh: the files its input names are scripts.
      if (s.operand != kNone)
        if (const auto run = basename_of(words[s.operand]->text); is_shell(run) || is_interpreter(run))
          uses_.push_back({std::string(kEveryFile), Use::Code, "xargs " + std::string(run) + " (it runs the files its input names)"});
      bool plain = false;
      if (s.operand != kNone && s.unknown == kNone && xargs_gives_operands(c, words, i, s.operand, &plain) &&
          basename_of(words[s.operand]->text) != "echo"sv) {
        std::vector<std::size_t> phs;
        std::vector<std::string> refs;
        collect_stdin(c, phs, refs);
        const std::string by = "xargs " + words[s.operand]->text + " (what it reads are paths it handles)";
        std::vector<render::ElementRole> roles{render::ElementRole::Path};
        if (plain) roles.push_back(render::ElementRole::DataWord);
        for (const auto role : roles) {
          for (auto p : phs) t_.placeholders[p].roles.add(role);
          for (const auto& r : refs) uses_.push_back({r, Use::Role, by, role});
        }
      }
    }
    if (name == "getopts"sv) {
      // getopts OPTSTRING NAME [ARGS]: NAME and OPTARG take pieces of the
      // arguments (OPTARG what follows an option's letter), which it reads
      // as options: ARGS are checked as any command's words; without them,
      // the positional parameters are the options.
      // With an option string the template writes, of letters that all
      // take a value ("n:d:"), OPTARG is the word after -n, or what
      // follows -n in the same word: the whole word, or it without that
      // start (fr hunt 68). Flags may cluster before a letter (-qn VALUE),
      // and a silent ':' string puts an unknown letter there: any part.
      render::ValueCut optarg;
      const std::string_view spec = i + 1 < words.size() ? std::string_view(words[i + 1]->text) : std::string_view();
      const bool written = !spec.empty() && spec[0] != ':' && std::all_of(spec.begin(), spec.end(), [](char ch) {
                             return std::isalnum(static_cast<unsigned char>(ch)) || ch == ':';
                           });
      for (std::size_t k = 0; written && k < spec.size(); ++k) {
        if (spec[k] == ':') continue;
        if (k + 1 < spec.size() && spec[k + 1] == ':') optarg.prefixes.push_back(std::string("-") + spec[k]);
        else optarg.anywhere = true;  // (a flag)
      }
      if (!written) optarg.anywhere = true;
      for (const std::string& v : {std::string("OPTARG"), i + 2 < words.size() ? words[i + 2]->text : std::string("OPTARG")}) {
        if (i + 3 < words.size()) assign(v, words, i + 3);
        else edges_[v].insert("@");
        if (v == "OPTARG"sv) cuts_[v].merge(optarg);
        else cuts_[v].anywhere = true;
      }
      if (i + 3 >= words.size()) uses_.push_back({"@", Use::OptionStart, "getopts (it reads the positional parameters as options)"});
      return;
    }
    if (name == "let"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k) arithmetic_word(*words[k]);
      return;
    }
    if (is_declaration_builtin(name)) return declaration(words, i, name);
    if (one_of(name, {"read", "mapfile", "readarray"})) {
      std::vector<std::string> from_fd;
      bool parts = name == "read"sv;  // (mapfile keeps whole lines, unless -d splits elsewhere)
      std::size_t named = 0;
      std::string letters;  // the options given
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && w[0] != '-' && is_name_start(w[0])) ++named;
        if (w.size() > 1 && w[0] == '-') letters += w.substr(1);
      }
      // read -r NAME <<< "$V": the first line, without the blanks around it
      // (the whitespace of IFS, at most space and tab): it starts where the
      // value's first other character does. Only with input of its own: in
      // a loop or a group reading one input, a later read gets a later line
      // (review 40). (Without -r, '\' goes and joins lines; -d, -n, -N, -a,
      // -e, -u cut elsewhere.)
      const auto& own = t_.commands[c].words;
      const bool own_input = std::any_of(own.begin(), own.end(), [](const ShellWord& w) {
        return w.role == ShellWord::Role::HereString ||
               (w.role == ShellWord::Role::Redirect && (w.redirect == "<"sv || w.redirect == "0<"sv));
      });
      // read -r F <<< "-u${V}": each blank-parted word of the line is what a
      // name gets, an option word the template starts (attack 198).
      for (const auto& w : own)
        if (w.role == ShellWord::Role::HereString) {
          const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
          for (const auto& [b, e] : blank_parted(raw)) values_in_option_word(w, raw.substr(b, e - b), b, "");
        }
      const bool one_line = name == "read"sv && named == 1 && own_input && letters.find('r') != std::string::npos &&
                            letters.find_first_of("dnNaeu") == std::string::npos;
      if (named == 0) {
        // read with no name fills REPLY, mapfile MAPFILE.
        const std::string implicit = name == "read"sv ? "REPLY" : "MAPFILE";
        assign_from_command(implicit, c);
        cuts_[implicit].anywhere = true;
        if (name != "read"sv) split_arrays_.insert(implicit);
      }
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "-C"sv && k + 1 < words.size() && name != "read"sv) {
          reparse_word(*words[++k], name + " -C (a callback it evaluates)");
          continue;
        }
        if (w.size() > 1 && w[0] == '-' && w != "--"sv) {
          // -u 3, -u3, -ru 3, -u "$fd": the descriptor it reads (-p, -d,
          // -t, -a ... take the rest of the word or the next as theirs).
          // (read -a NAME: the name is read below as the others are.)
          const std::string_view takes = name == "read"sv ? "dinNptu" : "dnOsuCc";
          for (std::size_t j = 1; j < w.size(); ++j) {
            if (takes.find(w[j]) == std::string_view::npos) continue;
            std::string_view argument = std::string_view(w).substr(j + 1);
            if (argument.empty() && k + 1 < words.size()) argument = words[++k]->text;
            if (w[j] == 'u') {
              const auto it = fd_reads_.find(descriptor_name(argument));
              from_fd.clear();
              if (it == fd_reads_.end()) from_fd.emplace_back(kAnyFile);
              else from_fd.assign(it->second.begin(), it->second.end());
            }
            if (w[j] == 'C') reparse_word(*words[k], name + " -C (a callback it evaluates)");
            parts = parts || w[j] == 'd';
            break;
          }
          continue;
        }
        if (!w.empty() && w[0] != '-' && !is_name_start(w[0]) && !words[k]->refs.empty()) {
          assign_from_command(kNamedAtRunTime, c);  // read "$1": the variable the caller names
          continue;
        }
        if (!w.empty() && w[0] != '-' && is_name_start(w[0])) {
          name_position(*words[k], name);
          assign_from_command(assigned_variable(w), c);
          // read splits its line and drops blanks and '\\': a part of the value.
          if (one_line) {
            auto& cut = cuts_[assigned_name(w)];
            cut.end = true;
            render::ValueCut trim;
            trim.ways = {{{" \t", "", 't'}}};
            cut.merge(trim);
          } else if (parts) {
            cuts_[assigned_name(w)].anywhere = true;
          }
          edges_[assigned_name(w)].insert(from_fd.begin(), from_fd.end());
        }
      }
      return;
    }
    if (name == "printf"sv) {
      // printf -v NAME: NAME takes the output. After the format, every
      // word is an operand, never an option.
      std::size_t k = i + 1;
      if (k + 1 < words.size() && words[k]->text == "-v"sv) {
        name_position(*words[k + 1], "printf -v");
        assign(assigned_variable(words[k + 1]->text), words, k + 2);
        printed_sites(assigned_variable(words[k + 1]->text), words, k + 2 < words.size() && words[k + 2]->text == "--"sv ? k + 3 : k + 2);
        k += 2;
      }
      if (k < words.size() && words[k]->text == "--"sv) ++k;
      for (std::size_t j = k + 1; j < words.size(); ++j) after_option(*words[j], true);
      // printf -v F -- '-u%s' "$V", printf -v F %s%s -u "$V": a format or a
      // first operand that starts an option word puts the operands after it
      // in that word (attack 169).
      if (k < words.size() && k > i + 1 && words[i + 1]->text == "-v"sv) {
        const auto& format = words[k]->text;
        const auto option = [](std::string_view t) { return !t.empty() && (t[0] == '-' || t[0] == '+'); };
        const bool starts_option =
            option(format) || (format.rfind("%s", 0) == 0 && k + 1 < words.size() && option(words[k + 1]->text));
        if (starts_option)
          for (std::size_t j = k + 1; j < words.size(); ++j) {
            const auto raw = std::string_view(text_).substr(words[j]->begin, words[j]->end - words[j]->begin);
            for (const auto& x : expansions(raw))
              restrict_in_option_word(*words[j], raw, x, 0,
                                      "printf -v into a word it starts as an option (" + format +
                                          "), where a value adds option letters or names");
          }
      }
      // printf -v BODY '{"text": "run %s"}' "$V": a JSON format puts each
      // operand inside one of its strings or as a value (attack 177).
      // (Not a log line's "[%s] %s": an array starts a string, an object or an array.)
      if (k < words.size() && json_format(words[k]->text)) {
        std::vector<bool> in_string;  // per conversion of the format
        bool quoted = false;
        const auto& format = words[k]->text;
        for (std::size_t f = 0; f < format.size(); ++f) {
          if (format[f] == '\\') ++f;
          else if (format[f] == '"') quoted = !quoted;
          else if (format[f] == '%' && f + 1 < format.size() && format[f + 1] == '%') ++f;
          else if (format[f] == '%') in_string.push_back(quoted);
        }
        for (std::size_t j = k + 1; j < words.size() && !in_string.empty(); ++j)
          fills(*words[j], in_string[(j - k - 1) % in_string.size()] ? render::ElementRole::DataQuotedText : render::ElementRole::DataField,
                "an operand printf writes into JSON text");
      }
      // The format decodes \n, \x20 and % directives; so does %b in an operand.
      if (k < words.size()) {
        decoded(*words[k]);
        if (words[k]->text.find("%b") != std::string::npos)
          for (std::size_t j = k + 1; j < words.size(); ++j) decoded(*words[j]);
      }
      return;
    }
    if (name == "echo"sv) {
      // echo -e decodes \n and \x20; so does every echo under shopt -s
      // xpg_echo, and a word that expands a variable ($E, "${E}") may be
      // that -e (E=-e; echo $E "$V").
      bool escapes = modes_.xpg_echo;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w.size() > 1 && w[0] == '-' && w.find_first_not_of("neE", 1) == std::string::npos) {
          escapes = escapes || w.find('e') != std::string::npos;
          continue;
        }
        if (escapes) decoded(*words[k]);
        if (w.size() > 1 && w[0] == '$' && (is_name_start(w[1]) || w[1] == '{') && words[k]->placeholders.empty())
          escapes = true;
      }
      return;
    }
    if (name == "unset"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-') name_position(*words[k], "unset");
      return;
    }
    if (name == "test"sv || name == "["sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (words[k]->text == "-v"sv) name_position(*words[k + 1], name);
      return;
    }
    // wait -p NAME: NAME takes the id of the job that ended.
    if (name == "wait"sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (words[k]->text == "-p"sv || (words[k]->text.size() > 1 && words[k]->text[0] == '-' &&
                                        words[k]->text.back() == 'p' && words[k]->text.find('-', 1) == std::string::npos))
          name_position(*words[k + 1], "wait -p");
      return;
    }
    if (name == "set"sv) {
      restored_state(c, words, i, name);  // (set -- --resume V; python3 train.py "$@")
      // set -a, set -o allexport (shopt -so allexport below, bash -a on the
      // #! line in collect()): every variable assigned is exported.
      // (set -$OPTS, set "$@": options chosen at run time may be -a.)
      for (std::size_t k = i + 1; k < words.size() && words[k]->text != "--"sv; ++k)
        if ((words[k]->text.size() > 1 && words[k]->text[0] == '-' && words[k]->text[1] != '-' &&
             words[k]->text.find('a') != std::string::npos) ||
            (!words[k]->refs.empty() && words[k]->placeholders.empty()))
          allexport_ = true;
      for (std::size_t k = i + 1; k < words.size(); ++k)
        for (auto p : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "@"}) {
          for (auto ph : words[k]->placeholders) direct_[p].insert(ph);
          for (const auto& r : words[k]->refs) edges_[p].insert(r);
        }
      // set -- apptainer exec IMG bash -c "cd /w && $*"; srun "$@": a
      // command line kept in the positional parameters, to run later, is
      // read as the command it will be.
      std::size_t first = i + 1;
      while (first < words.size() && words[first]->placeholders.empty() && words[first]->text.size() > 1 &&
             (words[first]->text[0] == '-' || words[first]->text[0] == '+') && words[first]->text != "--"sv)
        ++first;
      if (first < words.size() && one_of(words[first]->text, {"--", "-"})) ++first;
      if (first < words.size() && words[first]->placeholders.empty() && words[first]->refs.empty()) {
        const auto program = basename_of(words[first]->text);
        if (programs::runs_a_command(program)) invocation(c, words, first);
      }
      return;
    }
    if (name == "sudo"sv) {
      // sudo -s/-i CMD ARGS: the words go to $SHELL -c as one line, each
      // character escaped but letters, digits, _ - and $ (attack 161).
      bool shell = false;
      std::size_t k = i + 1;
      for (; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "--"sv) {
          ++k;
          break;
        }
        if (w.size() < 2 || w[0] != '-') break;
        if (w[1] == '-') {
          if (one_of(w, {"--shell", "--login"})) shell = true;
          else if (w.find('=') == std::string::npos &&
                   listed("--user --group --close-from --chdir --host --prompt --role --type --command-timeout "
                          "--other-user",
                          w))
            ++k;
          continue;
        }
        for (std::size_t j = 1; j < w.size(); ++j) {
          if (w[j] == 's' || w[j] == 'i') shell = true;
          if (std::string_view("ugCDhprtTU").find(w[j]) != std::string_view::npos) {
            if (j + 1 == w.size()) ++k;  // (its value is the next word)
            break;
          }
        }
      }
      if (shell)
        for (; k < words.size(); ++k)
          if (!words[k]->placeholders.empty() || !words[k]->refs.empty())
            fills(*words[k], render::ElementRole::ShellJoinedWord, "sudo -s (it joins the command into a shell line)");
    }
    if (name == "fd"sv || name == "fdfind"sv) {
      // fd -x/--exec/-X/--exec-batch CMD ARGS... reads its command's words
      // up to a ';' word: a value word ';' would end it, and the words
      // after it would be fd's own (-x sh -c CODE).
      bool executes = false, glob = false, fixed = false;
      std::size_t operand = 0;  // fd's first operand: the regular expression (-g: a glob) names must match
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"-x", "--exec", "-X", "--exec-batch"})) {
          executes = true;
          for (std::size_t j = k + 1; j < words.size() && words[j]->text != ";"sv; ++j)
            if (is_one_expansion(*words[j]))
              fills(*words[j], render::ElementRole::FindClauseWord, "fd (a ';' word ends its --exec command)");
          break;
        }
        glob = glob || one_of(w, {"-g", "--glob"});
        fixed = fixed || one_of(w, {"-F", "--fixed-strings"});
        if (one_of(w, {"-d", "--max-depth", "--min-depth", "--exact-depth", "-E", "--exclude", "-t", "--type", "-e",
                       "--extension", "-S", "--size", "--changed-within", "--changed-before", "-o", "--owner", "--format",
                       "--batch-size", "--ignore-file", "-c", "--color", "-j", "--threads", "--max-results",
                       "--base-directory", "--path-separator", "--search-path"}))
          ++k;
        else if (operand == 0 && (w.empty() || w[0] != '-' || !words[k]->placeholders.empty() || !words[k]->refs.empty()))
          operand = k;
      }
      // fd PATTERN DIR -x rm: the pattern chooses the files the command gets (attack 188).
      if (executes && operand != 0 && !fixed)
        fills(*words[operand], glob ? render::ElementRole::Pattern : render::ElementRole::RegexPattern,
              "fd (its pattern chooses the files its --exec command gets)");
    }
    if (name == "find"sv) {
      // The start points: the words before the expression. A value there
      // that is '!' or '(' would begin the expression (find ! -name x -delete).
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (words[k]->placeholders.empty() && words[k]->refs.empty()) {
          // find's "--" ends only -H, -L and -P: a '-' after it still begins a test.
          if (w == "--"sv && k + 1 < words.size()) after_option(*words[k + 1], false);
          if (one_of(w, {"-H", "-L", "-P", "--"}) || w.rfind("-O", 0) == 0) continue;
          if (w == "-D"sv && k + 1 < words.size()) {
            ++k;
            continue;
          }
          if (!w.empty() && (w[0] == '-' || one_of(w, {"!", "(", ")", ","}))) break;
        }
        fills(*words[k], render::ElementRole::FindStart, "find (its start points come before its expression)", true);
      }
      // -exec sh -c '... {} ...': find puts each name it finds into the code.
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-exec", "-execdir", "-ok", "-okdir"})) {
          // A value word ';' or '+' would end the clause: the words after
          // it would be find's own (-exec sh -c CODE).
          for (std::size_t j = k + 1; j < exec_end(words, k + 1); ++j)
            if (is_one_expansion(*words[j]))
              fills(*words[j], render::ElementRole::FindClauseWord, "find (a ';' or '+' word ends its -exec clause)");
          for (std::size_t j = k + 1; j < words.size() && words[j]->text != ";"sv && words[j]->text != "+"sv; ++j)
            if (words[j]->text.find("{}") != std::string::npos && (j == k + 1 || words[j - 1]->text == "-c"sv ||
                                                                 is_shell(basename_of(words[k + 1]->text)) ||
                                                                 one_of(words[k + 1]->text, {"eval", "xargs"})))
              uses_.push_back({"fs:names", Use::Code, "find -exec running the names it finds"});
          // -exec {} \;: each file found is the program.
          if (words[k + 1]->text == "{}"sv)
            uses_.push_back({std::string(kEveryFile), Use::Code, "find -exec running the files it finds"});
          // -exec bash {}: each file found is a script.
          if (k + 2 < words.size() && (is_shell(basename_of(words[k + 1]->text)) || is_interpreter(basename_of(words[k + 1]->text))))
            for (std::size_t j = k + 2; j < words.size() && words[j]->text != ";"sv && words[j]->text != "+"sv; ++j)
              if (words[j]->text == "{}"sv) uses_.push_back({std::string(kEveryFile), Use::Code, "find -exec running the files it finds"});
          invocation(c, words, k + 1);
          k = exec_end(words, k + 1);  // (a clause ends at its ';' or '+': a find in it is read once)
        }
      return;
    }
    // tar -I PROG, xIf PROG A, --to-command=CMD, bsdtar --use-compress-program (attack 202).
    if (one_of(name, {"tar", "gtar", "bsdtar"}))
      for (const auto& command : tar_command(words, i).commands)
        reparse_word(*words[command.word], name + " (a command line an option of it runs)");
    if (const auto options = command_options(name); !options.empty()) {
      // Options whose value the program runs as a command (rsync -e, tar -I,
      // git -c core.sshCommand=...).
      each_option_value(words, i, options, [&](std::size_t k, std::string_view, std::string_view option) {
        reparse_word(*words[k], name + " " + std::string(option));  // rsync -e"ssh -i k", wget -qe robots=off
      });
    }
    // gh workflow run -f (and gh api .../dispatches, the same inputs) fills
    // a workflow's ${{ inputs.X }}, which GitHub pastes into its run:
    // steps; az pipelines run --parameters and --variables fill ${{
    // parameters.X }} and $(X) macros alike (round 136). Other gh and az
    // commands send those options' values as data (gh issue create -F FILE).
    {
      const auto after = words.begin() + static_cast<std::ptrdiff_t>(i) + 1;
      const auto has = [&](auto pred) { return std::any_of(after, words.end(), [&](const ShellWord* w) { return pred(w->text); }); };
      const auto is = [&](std::string_view word) { return has([&](const std::string& t) { return t == word; }); };
      // (A subcommand or endpoint an expansion names may be any: gh $CMD, gh api "$URL"; review 41.)
      bool named_by_expansion = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& t = words[k]->text;
        if (!t.empty() && t[0] == '-') {
          k += t.find('=') == std::string::npos && one_of(t, {"-f", "-F", "--field", "--raw-field", "-H", "--header",
                                                              "-X", "--method", "--parameters", "--variables"});
          continue;
        }
        named_by_expansion = named_by_expansion || t.find('$') != std::string::npos || t.find('`') != std::string::npos;
      }
      std::string_view parameters;
      if (name == "gh"sv && ((is("workflow") && is("run")) || named_by_expansion ||
                             (is("api") && has([](const std::string& t) { return t.find("dispatches") != std::string::npos; }))))
        parameters = "-f -F --field --raw-field";
      if (name == "az"sv && (is("pipelines") || named_by_expansion)) parameters = "--parameters --variables";
      if (!parameters.empty())
        each_option_value(words, i, parameters, [&](std::size_t k, std::string_view, std::string_view option) {
          reparse_word(*words[k], name + " " + std::string(option) + " (a workflow pastes it into the scripts of its steps)");
        });
    }
    if (name == "git"sv) git_commands(c, words, i);
    // rename 's/a/b/' FILES (perl's rename, Debian's default): the
    // expression is perl code (-e too); the files are renamed.
    if (one_of(name, {"rename", "prename", "file-rename", "perl-rename"})) {
      bool expression = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"-e", "-E"}) && words[k]->placeholders.empty() && k + 1 < words.size()) {
          reparse_word(*words[++k], name + " " + w + " (a perl expression)");
          expression = true;
        } else if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
          continue;
        } else if (!expression) {
          reparse_word(*words[k], name + " (a perl expression)");
          expression = true;
        } else {
          fills(*words[k], render::ElementRole::Path, name + " (a file it renames)");
        }
      }
    }
    // A program on PATH the compiler does not know may write the file a
    // value names: every value in its words follows the path rule. (The
    // template's own scripts, named by a path, take their arguments as
    // data, as they do when bash runs them.)
    if (unknown_program(name) && words[i]->text.find('/') == std::string::npos && words[i]->placeholders.empty() &&
        words[i]->refs.empty())
      for (std::size_t k = i + 1; k < words.size(); ++k)
        fills(*words[k], render::ElementRole::Path, name + " (a program the compiler does not know: it may write the file a "
                                                          "value names)");
    if (unknown_program(name)) command_line_files(c, words, i, name);
    code_sources(words, i, module_of(words, i, name) == "pip"sv ? std::string("pip") : name);
    // (Only the runner's own options: what follows the program it runs is
    // that program's, apptainer exec IMAGE python train.py --config F; fr 81.)
    if (const auto options = command_file_options(name); !options.empty())
      each_option_value(words, i, options, [&, own_end = program_run_by(words, i)](std::size_t k, std::string_view value, std::string_view option) {
        if ((value.empty() ? k - 1 : k) >= own_end) return;  // (the option's own word)
        const std::string by = name + " (a file of its own whose contents run commands)";
        names_code(*words[k], by);
        // What the file holds runs too (a compose file or a Kubernetes
        // manifest under any name); '-f-', '--file=-': standard input.
        const std::string_view file = value.empty() ? std::string_view(words[k]->text) : value;
        if (in_container(words, i, k, name)) return;
        if (names_stdin(file)) reparse_stdin(c, name + " " + std::string(option) + " - (" + by.substr(name.size() + 2), name);
        else if (!programs::is_mpi_launcher(name) ||
                 one_of(option, {"-configfile", "--configfile", "--app", "-app"}))
          read_list_file(file, by, true);  // (hostfiles: below)
      });
    manifest_operands(words, i, name);
    configuration_into_commands(words, i, name);
    // Lists of packages and hosts: each line may be an option (pip's
    // --index-url, -r FILE) or add a host.
    static constexpr ProgramOptions kListFiles[] = {
        {"pip pip3 uv", "-r --requirement -c --constraint --build-constraint --overrides --with-requirements"},
        {"conda mamba", "--file"},
        {"micromamba", "-f --file"},
        {"mpirun mpiexec", "--hostfile -hostfile --machinefile -machinefile --default-hostfile -f"},
        {"deepspeed", "--hostfile -H"},
    };
    option_values(words, i, name, kListFiles, [&](std::size_t k, std::string_view joined) {
      read_list_file(joined.empty() ? std::string_view(words[k]->text) : joined, name + " (a list file it reads)", false,
                     !programs::is_mpi_launcher(name) && name != "deepspeed"sv);
    });
    installer_packages(words, i, name);
    // conda env create -f environment.yml: its packages, channels and pip
    // section (-e git+URL, --index-url).
    if (one_of(name, {"conda", "mamba", "micromamba"}) && i + 1 < words.size() && words[i + 1]->text == "env"sv)
      for (std::size_t k = i + 2; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"-f", "--file"}))
          read_list_file(words[k + 1]->text, name + " env (an environment file it installs)", false, true);
    // Compilers: a -D macro's body is C code the built program runs;
    // -Wl,A,B and -Xcompiler lists are split at ',' into more options.
    if (one_of(name, {"gcc", "g++", "cc", "c++", "clang", "clang++", "nvcc", "mpicc", "mpicxx", "mpic++", "icc", "icx",
                      "icpx", "gfortran", "hipcc", "nvc", "nvc++"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string& w = words[k]->text;
        const bool apart = one_of(w, {"-D", "-U", "-Xcompiler", "-Xlinker", "--compiler-options", "--linker-options",
                                      "-Xptxas", "-Xarch_host"});
        if (apart && k + 1 < words.size()) {
          fills(*words[++k], render::ElementRole::CompilerWord, name + " " + w + " (C code or a list of options)");
        } else if (w.rfind("-D", 0) == 0 || w.rfind("-Wl,", 0) == 0 || w.rfind("-Wp,", 0) == 0 || w.rfind("-Wa,", 0) == 0 ||
                   w.rfind("-Xcompiler=", 0) == 0 || w.rfind("--compiler-options=", 0) == 0 || w.rfind("-Xlinker=", 0) == 0) {
          fills(*words[k], render::ElementRole::CompilerWord, name + " (a macro's C code or a list of options)");
        }
      }
    // The server or hosts a program reaches: docker's daemon (which runs
    // the job's containers), S3's endpoint (which gets the job's keys),
    // the hosts mpirun starts processes on.
    static constexpr ProgramOptions kEndpoints[] = {
        {"docker podman", "-H --host --url --connection"},
        {"aws", "--endpoint-url"},
        {"mpirun mpiexec", "-H --host -host -hosts"},
        {"spark-submit pyspark spark-shell", "--master"},
        {"ray", "--address"},
        {"dask-worker dask", "--scheduler-file"},
        // The rendezvous and master a distributed job joins (its peers
        // unpickle what the others send).
        {"torchrun", "--rdzv_endpoint --rdzv-endpoint --master_addr --master-addr"},
        {"deepspeed", "--master_addr --master-addr"},
        {"accelerate", "--main_process_ip --main-process-ip"},
    };
    // (A package index is not among them: the task chooses its packages, and
    // its own code runs in the job anyway, with the job's privileges.)
    if (one_of(name, {"docker", "podman", "aws", "mpirun", "mpiexec", "spark-submit", "pyspark", "spark-shell", "ray",
                      "dask-worker", "dask", "torchrun", "deepspeed", "accelerate"})) {
      // Only the program's own options: before docker's subcommand, before
      // the program mpirun runs (whose --host is its own business).
      // (aws takes its own options after the subcommand too.)
      const auto end = one_of(name, {"mpirun", "mpiexec"}) ? program_run_by(words, i)
                       : one_of(name, {"docker", "podman"}) ? subcommand_at(words, i, name) + 1
                                                            : words.size();
      const std::vector<const ShellWord*> own(words.begin(),
                                              words.begin() + static_cast<std::ptrdiff_t>(std::clamp(end, i + 1, words.size())));
      option_values(own, i, name, kEndpoints, [&](std::size_t k, std::string_view) {
        fills(*own[k], render::ElementRole::Endpoint, name + " (the server or hosts it reaches)");
      });
    }
    // conda env config vars set NAME=VALUE: conda activate prints export
    // NAME='VALUE' for a shell to run, a quote in VALUE unescaped (round 118).
    if (one_of(name, {"conda", "mamba", "micromamba"}) && i + 4 < words.size() && words[i + 1]->text == "env"sv &&
        words[i + 2]->text == "config"sv && words[i + 3]->text == "vars"sv && words[i + 4]->text == "set"sv)
      for (std::size_t k = i + 5; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-')
          fills(*words[k], render::ElementRole::DataWord,
                name + " env config vars set (conda activate prints export NAME='VALUE' for a shell)");
    // torchrun --rdzv_conf KEY=VALUE,KEY=VALUE: a ',' in a value adds a
    // setting (is_host=true, store_type=file; round 118); qsub -v, bsub
    // -env and torchx --env a variable (BASH_ENV; round 120).
    static constexpr ProgramOptions kCommaSettings[] = {
        {"torchrun", "--rdzv_conf --rdzv-conf"}, {"qsub", "-v"}, {"bsub", "-env"}, {"torchx", "--env"}};
    option_values(words, i, name, kCommaSettings, [&](std::size_t k, std::string_view) {
      fills(*words[k], render::ElementRole::ListItem, name + " (a comma-separated list of settings or variables)");
    });
    // bazel --copt, --cxxopt, --linkopt ... OPTION: a compiler's or
    // linker's option (-B DIR, -fplugin=, -specs= load code; round 122).
    static constexpr ProgramOptions kCompilerOptions[] = {
        {"bazel bazelisk", "--copt --cxxopt --conlyopt --linkopt --host_copt --host_cxxopt --host_conlyopt "
                           "--host_linkopt --per_file_copt --host_per_file_copt --objccopt"}};
    option_values(words, i, name, kCompilerOptions, [&](std::size_t k, std::string_view) {
      reparse_word(*words[k], name + " --copt (an option of the compiler or linker it runs)");
    });
    // papermill -p NAME VALUE, -r, -y YAML: a parameter the kernel's
    // language writes into a cell (Julia's "..." interpolates $(...);
    // round 122): data-file text, no '$', quote or '\'.
    if (name == "papermill"sv)
      each_option_value(words, i, "-p -r --parameters --parameters_raw -y --parameters_yaml",
                        [&](std::size_t k, std::string_view, std::string_view option) {
                          fills(*words[k], render::ElementRole::DataField, "papermill (a parameter written into a notebook cell)");
                          if (!one_of(option, {"-y", "--parameters_yaml"}) && k + 1 < words.size())
                            fills(*words[k + 1], render::ElementRole::DataField,
                                  "papermill (a parameter written into a notebook cell)");
                        });
    // condor_submit -append LINE: a line of the submit description
    // (arguments, environment, executable): a command line (round 120).
    static constexpr ProgramOptions kSubmitLines[] = {{"condor_submit", "-append -a"}};
    option_values(words, i, name, kSubmitLines, [&](std::size_t k, std::string_view) {
      reparse_word(*words[k], name + " -append (a line of the job's submit description)");
    });
    // git clone URL, fetch URL, pull URL, remote add NAME URL, submodule add
    // URL: TRANSPORT::ADDRESS runs git-remote-TRANSPORT (ext:: a command).
    if (name == "git"sv) {
      const auto sub = subcommand_at(words, i, name);
      if (sub < words.size() && one_of(words[sub]->text, {"clone", "fetch", "pull", "remote", "submodule", "ls-remote", "push"}))
        for (std::size_t k = sub + 1; k < words.size(); ++k)
          if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty())
            fills(*words[k], render::ElementRole::GitUrl, "git " + words[sub]->text + " (a repository it reaches)");
      // git push REPOSITORY REFSPEC...: a refspec SRC:DST updates DST (:DST
      // deletes it) and +SRC forces; a value names one ref.
      if (sub < words.size() && one_of(words[sub]->text, {"push", "fetch", "pull"})) {
        bool repository = false;
        for (std::size_t k = sub + 1; k < words.size(); ++k) {
          const auto& w = words[k]->text;
          if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
            if (listed("-o --push-option --repo --receive-pack --exec --depth --deepen --shallow-since --shallow-exclude "
                       "-j --jobs --upload-pack --refmap --negotiation-tip -s --strategy -X --strategy-option "
                       "--server-option",
                       w))
              ++k;
            continue;
          }
          if (repository) fills(*words[k], render::ElementRole::GitRefspec, "git " + words[sub]->text + " (a ref it updates)");
          repository = true;
        }
      }
      // git submodule [--quiet] foreach [--recursive] CMD: a shell runs CMD
      // in each submodule.
      auto verb = sub + 1;
      while (verb < words.size() && words[verb]->text.rfind("-", 0) == 0) ++verb;
      if (sub < words.size() && words[sub]->text == "submodule"sv && verb < words.size() && words[verb]->text == "foreach"sv)
        for (std::size_t m = verb + 1; m < words.size(); ++m) reparse_word(*words[m], "git submodule foreach (a shell runs it)");
    }
    // pytest -p NAME imports the plugin module NAME: a value would choose code.
    // pytest -W FILTER imports a dotted category's module, as python's does.
    if (name == "pytest"sv || name == "py.test"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (words[k]->text == "-p"sv && k + 1 < words.size()) command_word(*words[++k]);
        else if (words[k]->text.size() > 2 && words[k]->text.rfind("-p", 0) == 0) command_word(*words[k]);
      }
      each_option_value(words, i, "-W --pythonwarnings", [&](std::size_t k, std::string_view, std::string_view option) {
        warning_filter(*words[k], name + " " + std::string(option));
      });
    }
    // deepspeed joins its script's arguments and splits them again (shlex),
    // and its pdsh launcher runs them in a remote shell; scp and rsync before
    // OpenSSH 9.0 / rsync 3.2.4 hand a remote path to the remote shell.
    // (accelerate launch --use_deepspeed hands a multi-node launch to
    // deepspeed's runner: pdsh runs the arguments as one command line.)
    // (Its other names: ds, deepspeed.pt, dsr; accelerate with a config
    // file the template names may be a deepspeed launch too, round 120.)
    const bool deepspeed =
        one_of(name, {"deepspeed", "ds", "deepspeed.pt", "dsr"}) ||
        module_of(words, i, name).starts_with("deepspeed") ||
        ((name == "accelerate"sv || module_of(words, i, name).starts_with("accelerate")) &&
         std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
           return w->text.rfind("--use_deepspeed", 0) == 0 || w->text.rfind("--deepspeed_multinode_launcher", 0) == 0 ||
                  w->text.rfind("--use-deepspeed", 0) == 0 || w->text.rfind("--deepspeed-multinode-launcher", 0) == 0 ||
                  w->text.rfind("--config_file", 0) == 0 || w->text.rfind("--config-file", 0) == 0;
         }));
    if (one_of(name, {"tar", "gtar", "cpio", "mt"})) archive_operands(words, i, name);
    // rsync and scp read HOST:PATH (a remote shell on HOST), rclone
    // REMOTE:PATH and :BACKEND:PATH: a value's ':' before any '/' would
    // choose another host or backend, where '/' is not refused. (After a
    // '/' of the template's the word is a local path: "backup/${RUN}/";
    // fr hunt 80.)
    // rsync reads --exclude and --include patterns as rules: '!' clears
    // the template's, "- " and "+ " first change the rule's kind (attack 193).
    if (name == "rsync"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        const bool separate = (w == "--exclude"sv || w == "--include"sv) && k + 1 < words.size();
        if (!separate && !w.starts_with("--exclude=") && !w.starts_with("--include=")) continue;
        const std::size_t start = separate ? 0 : std::string_view("--exclude=").size();
        fills_where(*words[separate ? k + 1 : k], render::ElementRole::RsyncPattern, "rsync " + w.substr(0, 9) + " (a filter rule)",
                    [start](std::string_view raw, const std::vector<Expansion>& xs, std::size_t offset) {
                      const auto text = literal_before(raw, xs, offset);
                      return !text || text->size() <= start;
                    });
        if (separate) ++k;
      }
    if (one_of(name, {"rsync", "scp", "rclone"}))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty())
          fills_where(*words[k], render::ElementRole::LocalName, name + " (HOST:PATH reaches another host)",
                      before_the_templates_slash);
    // strace -o '|cmd' and '!cmd' pipe the trace into a command.
    if (one_of(name, {"strace", "ltrace"})) {
      static constexpr ProgramOptions kTraceOutput[] = {{"", "-o --output"}};
      option_values(words, i, name, kTraceOutput, [&](std::size_t k, std::string_view) {
        fills(*words[k], render::ElementRole::PipeName, name + " -o (a name starting with '|' or '!' is a command)");
      });
    }
    // gnuplot -c SCRIPT ARG...: the script may plot ARG1 as a data file,
    // whose name starting with '<' is a command gnuplot runs (attack 177).
    if (name == "gnuplot"sv)
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (words[k]->text == "-c"sv || words[k]->text == "--call"sv) {
          for (auto j = k + 2; j < words.size(); ++j)
            fills(*words[j], render::ElementRole::PipeName, "gnuplot -c (an argument its script may plot: '<' runs a command)");
          break;
        }
    // curl -F NAME=@FILE sends a file; -w @FILE reads the format from a
    // file and -w '%output{FILE}' (curl 8.3) writes to one.
    if (name == "curl"sv)
      for (const auto& field :
           {std::tuple{"-F --form", render::ElementRole::FormField, "a curl form field"},
            std::tuple{"-w --write-out", render::ElementRole::WriteOutFormat, "curl's --write-out format"}})
        each_option_value(words, i, std::get<0>(field), [&](std::size_t k, std::string_view, std::string_view) {
          fills(*words[k], std::get<1>(field), std::get<2>(field));  // (clang captures no structured binding)
        });
    // Where a debugger listens: node --inspect[=ADDR], debugpy --listen ADDR
    // (also as python -m debugpy), jdwp's address= (below).
    {
      const auto debug = [&](std::size_t k, std::string_view, std::string_view) {
        fills(*words[k], render::ElementRole::ListenAddress, name + " (where its debugger or server listens)");
      };
      if (one_of(name, {"node", "nodejs", "deno", "bun"}))
        each_option_value(words, i, "--inspect --inspect-brk --inspect-wait --inspect-port", debug);
      const bool debugpy = name == "debugpy"sv || (is_interpreter(name) && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                                                   return w->text == "debugpy"sv;
                                                 }));
      if (debugpy) each_option_value(words, i, "--listen --connect", debug);
      // Servers: gdbserver HOST:PORT PROGRAM, jupyter --ip, tensorboard
      // --host, python -m http.server --bind.
      if (name == "gdbserver"sv)
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty()) {
            debug(k, {}, {});
            break;
          }
      if (one_of(name, {"jupyter", "jupyter-lab", "jupyter-notebook", "jupyter-server"}))
        each_option_value(words, i, "--ip --ServerApp.ip --NotebookApp.ip", debug);
      if (name == "tensorboard"sv) each_option_value(words, i, "--host", debug);
      const bool http_server = is_interpreter(name) && std::any_of(words.begin(), words.end(), [](const ShellWord* w) {
                                 return w->text == "http.server"sv;
                               });
      if (http_server) each_option_value(words, i, "-b --bind", debug);
    }
    // python train.py lr=${V}: Hydra and OmegaConf resolve interpolations
    // (${oc.env:NAME}) in an override's value; hydra.run.dir=, .sweep.dir=
    // name the directory it writes its logs and configuration into.
    if ((is_interpreter(name) && (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0)) ||
        one_of(name, {"torchrun", "accelerate", "deepspeed", "composer"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (words[k]->placeholders.empty() && words[k]->refs.empty()) continue;
        // Anywhere in the value: OmegaConf interpolates inside strings too (a_${oc.env:X}).
        const auto override_key = [](std::string_view text) {
          const auto eq = text.find('=');
          return eq != std::string_view::npos && eq > 0 && text[0] != '-' &&
                 text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+~@/-") == eq;
        };
        fills_after(*words[k], render::ElementRole::OverrideValue, name + " (a KEY=VALUE override)", override_key);
        // "+name='${V}'": inside a quoted string of the override's value,
        // which a quote of the value would end (fr hunt 78).
        fills_after(*words[k], render::ElementRole::OverrideQuotedText, name + " (a quoted string of a KEY=VALUE override)",
                    [&](std::string_view text) {
                      if (!override_key(text)) return false;
                      char quote = 0;
                      for (auto j = text.find('=') + 1; j < text.size(); ++j) {
                        if (quote && text[j] == '\\') ++j;
                        else if (quote && text[j] == quote) quote = 0;
                        else if (!quote && (text[j] == '\'' || text[j] == '"')) quote = text[j];
                      }
                      return quote != 0;
                    });
        fills_after(*words[k], render::ElementRole::Path, name + " (the directory Hydra writes into)", [](std::string_view text) {
          auto key = text.substr(0, text.find_last_not_of('=') + 1);
          const bool assigns = text.size() > key.size();
          key.remove_prefix(std::min(key.find_first_not_of('+'), key.size()));
          return assigns && render::is_hydra_output_dir(key);
        });
        // --config-dir ${V}, --experimental-rerun=${V}, --flagfile ${V}:
        // Hydra loads its configuration (with _target_s) or a pickle from
        // there, absl its flags.
        // (--config-name ../../tmp/x/exp, -cn /tmp/x/exp: Hydra joins the
        // name to its config directory unchecked; round 127.)
        if (k > i + 1 && one_of(words[k - 1]->text, {"--config-dir", "-cd", "--config-path", "-cp", "--experimental-rerun",
                                                     "--flagfile", "--config-name", "-cn"}))
          fills(*words[k], render::ElementRole::CodePath, name + " " + words[k - 1]->text + " (a file of configuration it loads)");
        fills_after(*words[k], render::ElementRole::CodePath, name + " (a file of configuration it loads)", [](std::string_view text) {
          return text == "--config-dir="sv || text == "--config-path="sv || text == "--experimental-rerun="sv ||
                 text == "--flagfile="sv || text == "--config-name="sv;
        });
        // python3 train.py ${V}, model.${V}: the value may write a whole
        // KEY=VALUE override (hydra.job.env_set.LD_PRELOAD=..., x._target_=...).
        fills_after(*words[k], render::ElementRole::ScriptArgument, name + " (an argument Hydra may read as an override)",
                    [](std::string_view text) { return text.empty() || (text[0] != '-' && text.find('=') == std::string_view::npos); });
        // model._target_=${V}, --model.class_path ${V}: the value names
        // the callable Hydra or jsonargparse imports and calls.
        fills_after(*words[k], render::ElementRole::CallableName, name + " (the Python callable a config names)",
                    [](std::string_view text) {
                      const auto eq = text.find('=');
                      return eq != std::string_view::npos && names_a_callable(text.substr(0, eq));
                    });
        if (names_a_callable(words[k - 1]->text) && words[k - 1]->text.rfind("--", 0) == 0)
          fills(*words[k], render::ElementRole::CallableName, name + " (the Python callable a config names)");
      }
    lightning_cli(words, i, name);
    restored_state(c, words, i, name);
    // The JVM's own options, before the main class or -jar: an agent's
    // options are a comma list (jdwp's launch=CMD runs a command), the agent
    // itself is code, -XX:OnError and -XX:OnOutOfMemoryError are command
    // lines, -XX:Flags and -XX:VMOptionsFile files of more options.
    if (name == "java"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string& w = words[k]->text;
        if (w.empty() || w[0] != '-' || w == "-jar"sv || w == "--"sv) break;
        if (one_of(w, {"-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-modules"})) {
          ++k;
          continue;
        }
        const auto agent = w.rfind("-agentlib:", 0) == 0 || w.rfind("-agentpath:", 0) == 0 ||
                           w.rfind("-javaagent:", 0) == 0 || w.rfind("-Xrun", 0) == 0;
        if (agent) {
          // In the options after the agent's '=' (or jdwp's ':'), one item; before them, the agent.
          fills_after(*words[k], render::ElementRole::ListItem, "java's agent options (a comma list)",
                      [](std::string_view text) { return text.find_first_of("=", text.find(':')) != std::string_view::npos ||
                                                         text.rfind("-Xrunjdwp:", 0) == 0; });
          fills_after(*words[k], render::ElementRole::ListenAddress, "java's jdwp agent (where its debugger listens)",
                      [](std::string_view text) {
                        return (text.rfind("-agentlib:jdwp", 0) == 0 || text.rfind("-Xrunjdwp:", 0) == 0) &&
                               text.size() >= 8 && text.compare(text.size() - 8, 8, "address=") == 0;
                      });
          // -agentlib:${X}: the value would choose the agent and its options.
          const auto expansion = w.find_first_of("$`");
          if (expansion != std::string::npos && w.find('=') > expansion && w.rfind("-Xrunjdwp:", 0) != 0)
            reparse_word(*words[k], "java " + w.substr(0, w.find(':')) + " (the agent it loads)");
        } else if (w.rfind("-XX:OnError=", 0) == 0 || w.rfind("-XX:OnOutOfMemoryError=", 0) == 0) {
          reparse_word(*words[k], "java " + w.substr(0, w.find('=')) + " (a command line it runs)");
        } else if (w.rfind("-XX:", 0) == 0 && w.find_first_of("$`") < w.find('=')) {
          // -XX:${V}: the value names the JVM flag (OnError=CMD; attack 169).
          reparse_word(*words[k], "java -XX: (a JVM option the value would name)");
        } else if (w.rfind("-XX:Flags=", 0) == 0 || w.rfind("-XX:VMOptionsFile=", 0) == 0 ||
                   w.rfind("-XX:CompileCommandFile=", 0) == 0) {
          names_code(*words[k], "java " + w.substr(0, w.find('=')) + " (a file of its options)");
        } else if (w.rfind("-D", 0) == 0 && w.find('=') != std::string::npos) {
          // -DNAME=VALUE: a system property, data unless the JVM or a
          // library loads code by it: where native libraries and classes
          // come from (java.library.path, java.class.path), logging and
          // security configuration files (log4j.configurationFile,
          // java.util.logging.config.file, java.security.policy), or a class
          // it instantiates (java.system.class.loader, *.manager, *Factory;
          // attack 165).
          std::string key = w.substr(2, w.find('=') - 2);
          std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
          const auto has = [&](std::initializer_list<std::string_view> parts) {
            return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return key.find(p) != std::string::npos; });
          };
          const std::string by = "java " + w.substr(0, w.find('='));
          if (key.find_first_of("$`") != std::string::npos ||
              has({"class", "loader", "manager", "factory", "provider", "spi", "codebase", "agent", "handler", "plugin"}))
            reparse_word(*words[k], by + " (a class it loads)");
          else if (has({"path", "dir", "file", "config", "policy", "properties", "home", "library", "script"}))
            names_code(*words[k], by + " (where it loads code or its configuration from)");
        }
      }
    // curl -d @FILE, --data-binary @FILE, -H @FILE, --json @FILE,
    // --data-urlencode [NAME]@FILE and -F NAME=@FILE or NAME=<FILE send the
    // file FILE names: a value there names one of the job's files, as -T's.
    if (name == "curl"sv) {
      static constexpr struct {
        std::string_view options;
        char shape;  // '@': @FILE; 'n': [NAME]@FILE; '=': NAME=@FILE or NAME=<FILE
      } kSent[] = {
          {"-d --data --data-binary --data-ascii --json", '@'},
          {"-H --header", '@'},
          {"--data-urlencode --url-query --variable", 'n'},
          {"-F --form", '='},
      };
      const auto sends = [](char shape, std::string_view text) {
        if (shape == '@') return text == "@"sv;
        if (shape == 'n') return !text.empty() && text.back() == '@' && text.find('=') == std::string_view::npos;
        const auto eq = text.find('=');
        return eq != std::string_view::npos && eq + 2 == text.size() && (text.back() == '@' || text.back() == '<');
      };
      for (const auto& sent : kSent)
        each_option_value(words, i, sent.options, [&](std::size_t k, std::string_view value, std::string_view) {
          // An attached value (-d@F, --data=@F) follows the option's own text.
          const std::size_t skip = value.data() ? words[k]->text.size() - value.size() : 0;
          fills_after(*words[k], render::ElementRole::Path, "a file curl sends", [&](std::string_view text) {
            return text.size() >= skip && sends(sent.shape, text.substr(skip));
          });
          // -F NAME=@A,B sends both files: the name is one item.
          if (sent.shape == '=')
            fills_after(*words[k], render::ElementRole::ListItem, "a file curl -F sends (a ',' adds another)",
                        [&](std::string_view text) { return text.size() >= skip && sends(sent.shape, text.substr(skip)); });
        });
    }
    // A program that sends its standard input to another host: the files
    // the earlier stages of its pipeline read (cat "$F" | curl -d @- URL)
    // leave the job, as curl -d @FILE's does.
    if (sends_its_input(words, i, name))
      for (const auto e : upstream_of(c)) {
        const auto up = words_of(e);
        std::size_t p = 0;
        while (p < up.size() && is_assignment_word(up[p]->text)) ++p;
        for (std::size_t k = p + 1; k < up.size(); ++k)
          if (names_a_file_read(up[p], *up[k], false))
            fills(*up[k], render::ElementRole::Path, "a file whose contents " + name + " sends to another host");
      }
    // httpie and xh: request items NAME=VALUE, NAME:=JSON, Header:VALUE,
    // NAME==QUERY, and NAME@FILE, NAME=@FILE, NAME:=@FILE, which send a file
    // of the job's (attack 179): after a separator a value does not start
    // with '@'; starting an item it holds no '@' or ':' (another kind).
    if (one_of(name, {"http", "https", "xh", "xhs"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = *words[k];
        if (w.placeholders.empty() && w.refs.empty()) continue;
        const auto raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        const auto first = raw.find_first_of("$`");
        const bool after_separator = raw.substr(0, first).find_first_of("=:@") != std::string_view::npos;
        fills(w, after_separator ? render::ElementRole::FormField : render::ElementRole::PackageSpec,
              name + " (a request item: NAME@FILE and NAME=@FILE send a file)");
      }
    // curl -d @- <<EOF {"text": "${NAME}"} EOF: the body curl sends is what
    // it reads (attack 176: a Slack message's channel).
    if (name == "curl"sv && sends_its_input(words, i, name)) stdin_body(c, "the body curl sends (its standard input)");
    // curl -d '{"text": "..."}', wget --post-data: a JSON body a value
    // could add keys to; -d "run=...&status=1": a form (with -G, the URL's
    // query) a value could add fields to (attack 180: wget's). curl -d
    // @FILE and --json @FILE, wget --post-file send a file.
    const std::string_view body_options = name == "curl"sv ? "-d --data --data-raw --data-binary --data-ascii --json"
                                          : name == "wget"sv ? "--post-data --body-data"
                                                             : "";
    if (!body_options.empty())
      each_option_value(words, i, body_options, [&](std::size_t k, std::string_view value, std::string_view) {
        const std::string_view body = value.empty() ? std::string_view(words[k]->text) : value;
        fills(*words[k], render::ElementRole::FormField, "the body " + name + " sends");
        if (json_text(body)) fills_json(*words[k], words[k]->text.size() - body.size(), "a JSON body " + name + " sends");
        else if (!body.empty() && (body[0] == '{' || body[0] == '['))
          fills(*words[k], render::ElementRole::DataField, "a body " + name + " sends (JSON or YAML)");
        else if (body.find_first_of("=&") != std::string_view::npos)  // (no '=': the value is all of the body, its fields its own)
          fills(*words[k], render::ElementRole::UrlQueryValue, "a form field " + name + " sends (NAME=VALUE&...)");
        else if (const auto var = single_variable_or_parameter(body); !var.empty())
          // -d "$BODY", -d "$1" of a function called with "run=${V}&x=1": the
          // texts the variable is given say it is a form (attack 177).
          for (const auto& text : texts_given(var, c))
            if (!json_text(text) && text.find('=') != std::string::npos) {
              uses_.push_back({var, Use::Role, "a form field " + name + " sends (NAME=VALUE&...)", render::ElementRole::UrlQueryValue});
              break;
            }
      });
    // A mail program's recipients (its operands, -c's and -b's): mailx
    // delivers to a recipient starting with '|' through that command, and
    // to one naming a file ('/', '+folder') into the file (attack 180).
    if (one_of(name, {"mail", "mailx", "Mail", "s-nail", "nail", "bsd-mailx", "heirloom-mailx", "mutt", "neomutt", "sendmail",
                      "msmtp", "ssmtp"})) {
      const std::string_view takes_value = one_of(name, {"mutt", "neomutt"})                 ? "-s -c -b -a -e -F -H -i -f -m -Q"
                                           : one_of(name, {"sendmail", "msmtp", "ssmtp"}) ? "-f -F -o -B -N -V -X -C -L -R -O -p -q -r -h"
                                                                                          : "-s -c -b -r -a -A -S -q -u -R -T -X -Y -M -m -O -L";
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        const bool option = w.size() > 1 && w[0] == '-' && words[k]->placeholders.empty();
        if (w == "--"sv) continue;
        if (option && !listed(takes_value, w.substr(0, 2))) continue;
        if (option && w.size() == 2 && k + 1 < words.size()) {
          ++k;
          if (one_of(w, {"-c", "-b"})) fills(*words[k], render::ElementRole::MailUser, name + " (a recipient: '|' first pipes the mail to a command)");
          continue;
        }
        if (!option) fills(*words[k], render::ElementRole::MailUser, name + " (a recipient: '|' first pipes the mail to a command)");
      }
    }
    // LSF's bsub and SGE's qsub -b y join the command's words into the
    // line /bin/sh runs (attack 145): the command and its arguments, after
    // the options (each takes a value but the flags named here).
    const bool qsub_binary = name == "qsub"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                                             [&](const ShellWord* w) { return w->text == "-b"sv; });
    if (name == "bsub"sv || qsub_binary) {
      const std::string_view flags = name == "bsub"sv ? "-I -Ip -Is -IS -ISp -ISs -IX -K -N -B -H -x -r -rn -ti -tty -XF -Zs"
                                                      : "-V -cwd -terse -h -notify -now -verify -hard -soft -clear";
      std::size_t k = i + 1;
      while (k < words.size() && words[k]->text.size() > 1 && words[k]->text[0] == '-')
        k += listed(flags, words[k]->text) ? 1 : 2;
      for (; k < words.size(); ++k) reparse_word(*words[k], name + " (it joins the command's words into a line /bin/sh runs)");
    }
    // sky exec CLUSTER "CMD", sky launch "CMD": a command line that is not a
    // YAML file becomes the task's run section; det cmd run "CMD" and det
    // shell start run one in the cluster's shell.
    const auto sub = [&](std::size_t k) { return k < words.size() ? std::string_view(words[k]->text) : std::string_view(); };
    // (dstack run joins its extra arguments unquoted into ${{ run.args }}
    // of the task's commands; attack 144.)
    if ((name == "sky"sv && one_of(sub(i + 1), {"exec", "launch", "jobs"})) || (name == "dstack"sv && sub(i + 1) == "run"sv) ||
        (name == "det"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
           return one_of(w->text, {"cmd", "command", "shell"});
         })))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        if (w.size() > 5 && (w.substr(w.size() - 5) == ".yaml"sv || w.substr(w.size() - 4) == ".yml"sv)) continue;
        reparse_word(*words[k], name + " (a command line it runs in a shell)");
      }
    // colossalai run joins its words into one shell command line, with an
    // export K="V" for every variable of its environment, and runs it (on
    // each host, through fabric).
    if (name == "colossalai"sv && i + 1 < words.size() && words[i + 1]->text == "run"sv) {
      const std::string by = "colossalai run (it runs its words and its environment as a shell command line)";
      for (std::size_t k = i + 2; k < words.size(); ++k) reparse_word(*words[k], by);
      uses_.push_back({environment_key(), Use::Code, by});
    }
    // horovodrun puts --mpi-args and its hosts unquoted into the command
    // line it runs with sh -c.
    if (name == "horovodrun"sv)
      each_option_value(words, i, "--mpi-args -H --hosts", [&](std::size_t k, std::string_view, std::string_view) {
        reparse_word(*words[k], "horovodrun --mpi-args or -H (it puts the value into a sh -c command line)");
      });
    // xvfb-run -s "ARGS": Xvfb's arguments, split unquoted (round 121).
    if (name == "xvfb-run"sv)
      each_option_value(words, i, "-s --server-args", [&](std::size_t k, std::string_view, std::string_view) {
        resplit(*words[k], "xvfb-run -s (it splits the server's arguments into words)");
      });
    // deepspeed --launcher_args "...": split onto srun's, pdsh's or
    // mpirun's command line: options of theirs (--task-prolog=PROG).
    if (deepspeed)
      each_option_value(words, i, "--launcher_args --launcher-args", [&](std::size_t k, std::string_view, std::string_view) {
        reparse_word(*words[k], "deepspeed --launcher_args (words of its launcher's command line: srun, pdsh, mpirun)");
      });
    if (deepspeed || one_of(name, {"scp", "rsync", "sftp"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        if (!deepspeed && remote_only_through_values(*words[k])) {
          for (auto p : words[k]->placeholders) t_.placeholders[p].context.resplit_if_remote = true;
          continue;
        }
        if (!deepspeed && remote_only_through_variables(*words[k])) {
          for (const auto& r : words[k]->refs)
            if (r.find(':') == std::string::npos) {
              Use use{r, Use::Resplit, name + "'s remote path"};
              use.only_if_remote = true;
              uses_.push_back(std::move(use));
            }
          continue;
        }
        resplit(*words[k], deepspeed ? "deepspeed (it splits its script's arguments again)" : name + "'s remote path");
      }
    // The launchers, also as modules (python -m accelerate.commands.launch,
    // deepspeed.launcher.runner, torch.distributed.run).
    const bool as_module = launches_module(module_of(words, i, name));
    if (one_of(name, {"torchrun", "deepspeed", "accelerate"}) || as_module) {
      const std::size_t own = as_module ? i + 3 : i + 1;  // the launcher's own words
      // They end at the script it runs (train.py): the words after it are
      // the script's (train.py --n 8 is not torchrun's --no-python).
      const auto family = as_module ? module_of(words, i, name) : std::string_view(name);
      std::size_t script = own;
      while (script < words.size() && !may_be_script(words, script, family)) ++script;
      // --no-python: the launcher runs its first operand as a program.
      bool no_python = false;
      for (std::size_t k = own; k < script; ++k)
        no_python = no_python || argparse_option(words[k]->text, {"--no_python", "--no-python"});
      // Each word that may be the script it starts is code, as python3's
      // is (a file written under a name chosen at run time may be it;
      // attacks 214, 218).
      if (!no_python)
        for (const auto k : launcher_script_words(words, own, family)) runs_script_word(*words[k], name);
      // -m/--module: the first operand after it is a module the launcher
      // runs (a pwnmod.py in the working directory), as python -m's is.
      for (std::size_t k = own; k < script; ++k) {
        if (!(words[k]->text == "-m"sv || argparse_option(words[k]->text, {"--module"}))) continue;
        for (std::size_t j = k + 1; j < words.size(); ++j) {
          if (words[j]->text.rfind('-', 0) == 0 && words[j]->placeholders.empty() && words[j]->refs.empty()) continue;
          chooses_program(*words[j], name + " -m (the module it runs)");
          break;
        }
        break;
      }
      if (no_python)
        for (std::size_t k = own; k < words.size(); ++k) {
          chooses_program(*words[k], name + " --no-python");
        }
    }
    if (is_make(name)) {
      // make reads NAME=value operands and targets as makefile text
      // ($(shell ...)); the directory it enters and its include directories
      // name its code, as cd's does (attack 181: make -C "exp/${V}" all). (A
      // makefile a value names, -f, could be any file the job wrote.)
      std::vector<bool> names_code(words.size(), false);
      each_option_value(words, i, "-C --directory -I --include-dir",
                        [&](std::size_t k, std::string_view, std::string_view option) {
                          fills(*words[k], render::ElementRole::CodePath, name + " " + std::string(option) + " (the directory of its makefiles)");
                          names_code[k] = true;
                        });
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (!names_code[k]) reparse_word(*words[k], name + " (it reads its operands as makefile text)");
      return;
    }
    // Runners of recipes, rules and tasks that put their arguments into
    // the shell commands they run: just's {{lr}}, snakemake's {config[lr]},
    // go-task's CLI_ARGS, nextflow's params, CWL and WDL inputs, tox's
    // --override, the tasks hatch, pixi and mise run.
    const bool task_runner =
        programs::fills_recipes(name) ||
        (one_of(name, {"hatch", "pixi", "mise"}) && i + 1 < words.size() && one_of(words[i + 1]->text, {"run", "r"}));
    if (task_runner) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        reparse_word(*words[k], name + " (it puts its arguments into the shell commands of its recipes, rules or tasks)");
      return;
    }
    if (name == "srun"sv || name == "salloc"sv || name == "sbatch"sv) {
      std::vector<bool> lists(words.size(), false);
      for (std::size_t k = 0; k < words.size(); ++k)
        for (auto ph : words[k]->placeholders) lists[k] = lists[k] || is_argument_list(t_.placeholders[ph]);
      const auto s = scan_options(words, i + 1, slurm_counts(), true, &lists);
      // An array of options ("${OPTS[@]}") may stand where the command is read.
      const auto options_end = s.operand == kNone ? words.size() : std::min(s.operand + 1, words.size());
      for (std::size_t k = i + 1; k < options_end; ++k)
        for (const auto& r : words[k]->refs) uses_.push_back({r, Use::SlurmOption, name});
      for (std::size_t k = i + 1; k < std::min(s.operand, words.size()); ++k) {
        for (auto p : words[k]->placeholders) t_.placeholders[p].slurm_option = true;
        // srun --bcast=PATH writes the program to PATH on every node.
        if (words[k]->text.rfind("--bcast=", 0) == 0) fills(*words[k], render::ElementRole::Path, "srun --bcast");
      }
      slurm_option_refs(words, i + 1, std::min(s.operand, words.size()), name);
      for (std::size_t k = 0; k < words.size(); ++k)
        if (lists[k] && (s.operand == kNone || k < s.operand)) option_words(*words[k], slurm_option_words(name));
      for (auto k : s.option_values) after_option(*words[k], true);
      for (auto k : s.code_values) reparse_word(*words[k], "--wrap");
      if (s.unknown != kNone) return ambiguous(c, words, s.unknown, name);
      if (s.operand == kNone) return;
      if (name == "sbatch"sv) return;  // the operand is the script file
      // srun --multi-prog FILE: each line of FILE is ranks, a program and its arguments.
      if (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(s.operand),
                      [](const ShellWord* w) { return w->text == "--multi-prog"sv; })) {
        names_code(*words[s.operand], "srun --multi-prog (a file of commands)");
        return read_list_file(words[s.operand]->text, "srun --multi-prog (its lines are commands)", true);
      }
      return invocation(c, words, s.operand);
    }
    if (name == "runuser"sv || name == "su"sv) {
      bool user_option = false, code = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        user_option = user_option || words[k]->text == "-u"sv || words[k]->text.rfind("--user", 0) == 0;
        code = code || words[k]->text == "-c"sv || words[k]->text.rfind("--command", 0) == 0 ||
               words[k]->text.rfind("--session-command", 0) == 0;
      }
      if (user_option && !code) return runner(c, words, i, *find_runner("runuser"));
    }
    if (is_shell(name) || is_interpreter(name) || is_awk_or_sed(name) || is_jq_like(name) || name == "su"sv ||
        name == "runuser"sv || name == "script"sv) {
      return program_with_code_options(words, i, name);
    }
    query_language_code(words, i, name);
    if (const RunnerSpec* spec = find_runner(name)) return runner(c, words, i, *spec);
    code_var_args(i + 1);  // "env" is a runner; other commands' NAME=value words are plain arguments
  }

  // ${NAME@E} decodes the escapes of NAME's value as $'...' does (\x2d is
  // '-'): a value reaching it may hold no '\'. Read in all the text, quoted
  // or not (where bash would not expand it, the rule only costs a refusal).
  void escape_transforms() {
    for (auto at = text_.find("@E}"); at != std::string::npos; at = text_.find("@E}", at + 3)) {
      const auto open = text_.rfind("${", at);
      if (open == std::string::npos) continue;
      for (const auto& n : names_in(std::string_view(text_).substr(open, at + 3 - open)))
        uses_.push_back({n, Use::Decoded, "${" + n + "@E} (it decodes escapes)"});
    }
  }
  // A word whose escapes a program decodes (printf's format, echo -e).
  void decoded(const ShellWord& w) {
    for (auto k : w.placeholders) t_.placeholders[k].context.escapes_decoded = true;
    for (const auto& r : w.refs) uses_.push_back({r, Use::Decoded, "escapes decoded"});
  }
  // The directory an archive program extracts into ("." for the working
  // directory), or nothing when the command extracts nothing (tar -c, unzip
  // -l): tar/bsdtar x (-C DIR), unzip (-d DIR), 7z x/e (-oDIR), cpio -i
  // (-D DIR), unsquashfs (-d DIR, else squashfs-root), jar x, unrar/unar
  // (anywhere below the working directory: ".").
  static std::optional<std::string> extraction_directory(std::string_view prog,
                                                         const std::vector<const ShellWord*>& words) {
    const auto cluster_has = [](const std::string& w, std::string_view letters) {
      return w.size() > 1 && w[0] == '-' && w[1] != '-' && w.find_first_of(letters) != std::string::npos;
    };
    // The value of a directory option: -C DIR, -CDIR, --directory DIR, --directory=DIR.
    const auto option_value = [&](std::string_view short_opt, std::string_view long_opt) -> std::optional<std::string> {
      for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string& w = words[k]->text;
        if ((w == short_opt || (!long_opt.empty() && w == long_opt)) && k + 1 < words.size()) return words[k + 1]->text;
        if (!long_opt.empty() && w.size() > long_opt.size() && w.rfind(long_opt, 0) == 0 && w[long_opt.size()] == '=')
          return w.substr(long_opt.size() + 1);
        if (w.size() > short_opt.size() && w.rfind(short_opt, 0) == 0 && short_opt.size() == 2) return w.substr(2);
      }
      return std::nullopt;
    };
    if (words.size() < 2) return std::nullopt;
    const std::string& first = words[1]->text;
    if (one_of(prog, {"tar", "gtar", "bsdtar"})) {
      const auto tar = tar_command(words, 0);
      if (!tar.extracts()) return std::nullopt;
      return tar.directories.empty() ? std::string(".") : tar.directories.front().text;
    }
    if (prog == "unzip"sv) {
      if (std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) {
            return w->text == "-Z"sv || (cluster_has(w->text, "lptvz") && w->text.find('d') == std::string::npos);
          }))
        return std::nullopt;
      return option_value("-d", "").value_or(".");
    }
    if (one_of(prog, {"7z", "7za", "7zr"})) {
      if (!one_of(first, {"x", "e"})) return std::nullopt;
      for (std::size_t k = 2; k < words.size(); ++k)
        if (words[k]->text.size() > 2 && words[k]->text.rfind("-o", 0) == 0) return words[k]->text.substr(2);
      return ".";
    }
    if (prog == "cpio"sv) {
      if (!std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) {
            return w->text == "--extract"sv || cluster_has(w->text, "i");
          }))
        return std::nullopt;
      return option_value("-D", "--directory").value_or(".");
    }
    if (prog == "unsquashfs"sv) return option_value("-d", "-dest").value_or("squashfs-root");
    // pax -r [-f A]: into the working directory; pax -rw NAMES... DIR: a
    // copy of the trees NAMES into DIR (POSIX pax; its option letters
    // b f o p s x G T U take a value).
    if (prog == "pax"sv) {
      bool reads = false, writes = false;
      std::string last;
      for (std::size_t k = 1; k < words.size(); ++k) {
        const std::string& w = words[k]->text;
        if (w.size() < 2 || w[0] != '-' || w == "--"sv) {
          last = w;
          continue;
        }
        for (std::size_t i = 1; i < w.size(); ++i) {
          reads |= w[i] == 'r';
          writes |= w[i] == 'w';
          if (std::string_view("bfopsxGTU").find(w[i]) != std::string_view::npos) {
            if (i + 1 == w.size()) ++k;
            break;
          }
        }
      }
      if (!reads) return std::nullopt;
      return writes ? last : std::string(".");
    }
    // python3 -m zipfile -e ARCHIVE [DIR], -m tarfile --extract ARCHIVE [DIR].
    // (Into a directory a value names, whose files no later name can be
    // told from, the module's own name would read them: the value is a
    // path, checked as one.)
    if ((prog.rfind("python", 0) == 0 || prog.rfind("pypy", 0) == 0) && words.size() > 4 && first == "-m"sv &&
        one_of(words[2]->text, {"zipfile", "tarfile"}) && one_of(words[3]->text, {"-e", "--extract"})) {
      if (words.size() <= 5) return ".";
      if (words[5]->placeholders.empty() && words[5]->text.find_first_of("$`") == std::string::npos) return words[5]->text;
    }
    // A download of a whole tree a value chooses (a dataset's id, a
    // repository, a bucket's prefix): clearml-data get --copy DIR, hf
    // download --local-dir DIR, dvc get/import -o DIR, wget -r -P DIR, aws
    // s3 cp --recursive and sync, gsutil and gcloud storage cp -r and rsync,
    // azcopy copy --recursive and sync (to the last operand).
    const auto has = [&](std::initializer_list<std::string_view> any) {
      return std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) { return one_of(w->text, any); });
    };
    if (prog == "clearml-data"sv && first == "get"sv) {
      if (auto copy = option_value("--copy", "--copy")) return copy;
      return option_value("--link", "--link");  // (otherwise into its cache, outside the job's directory)
    }
    if (one_of(prog, {"hf", "huggingface-cli"}) && first == "download"sv) return option_value("--local-dir", "--local-dir");
    if (prog == "dvc"sv && one_of(first, {"get", "import"})) {
      // dvc get URL PATH: into ./<PATH's last component> without -o.
      if (auto out = option_value("-o", "--out")) return out;
      std::vector<std::string_view> operands;
      for (std::size_t k = 2; k < words.size(); ++k)
        if (words[k]->text.rfind('-', 0) != 0) operands.push_back(words[k]->text);
        else if (one_of(words[k]->text, {"--rev", "-j", "--jobs", "--config", "--remote", "--remote-config"})) ++k;
      auto path = operands.size() >= 2 ? operands[1] : std::string_view();
      while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
      if (!path.empty()) return std::string(basename_of(path));
      return std::nullopt;
    }
    // (A cluster of flags that take no value: -rnp, -qm; not -Omodel.pt.)
    if (prog == "wget"sv && (has({"-r", "--recursive", "-m", "--mirror"}) ||
                             std::any_of(words.begin() + 1, words.end(), [&](const ShellWord* w) {
                               return w->text.size() > 2 && w->text[0] == '-' && w->text[1] != '-' &&
                                      w->text.find_first_not_of("rmnpqvcNkKEHSL", 1) == std::string::npos &&
                                      cluster_has(w->text, "rm");
                             })))
      return option_value("-P", "--directory-prefix").value_or(".");
    const bool bucket_tree = (one_of(prog, {"aws", "gsutil", "gcloud"}) && (has({"sync", "rsync"}) || (has({"cp"}) && has({"-r", "-R", "--recursive"})))) ||
                             (prog == "azcopy"sv && (has({"sync"}) || (has({"copy", "cp"}) && has({"--recursive", "--recursive=true"}))));
    if (bucket_tree) {
      // The last operand (options may follow it: --recursive, --exclude P).
      const ShellWord* last = nullptr;
      std::vector<const ShellWord*> operands;
      for (std::size_t k = 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w.rfind('-', 0) == 0) {
          if (w.find('=') == std::string::npos &&
              one_of(w, {"--exclude", "--include", "--region", "--profile", "--endpoint-url", "--storage-class", "--acl",
                         "--sse", "--cache-control", "--content-type", "--expires", "--metadata", "--grants", "-x",
                         "--exclude-pattern", "--include-pattern", "--page-size", "--project", "--billing-project"}))
            ++k;
          continue;
        }
        last = words[k];
        operands.push_back(last);
      }
      // aws s3 cp -r outputs/ "$DEST": one side of aws s3 is a bucket, so
      // where the source is a local directory written out, the destination
      // is one (a local one fails: "Invalid argument type"; fr43/01).
      if (prog == "aws"sv && operands.size() == 4 && operands[2]->refs.empty() && operands[2]->placeholders.empty() &&
          operands[2]->text.find_first_of("$`") == std::string::npos && !operands[2]->text.starts_with("s3://"))
        return std::nullopt;
      if (last && !leaves_the_machine(last->text)) return last->text;
    }
    if (prog == "jar"sv && !first.empty() && first.find('x') != std::string::npos) return ".";
    if (one_of(prog, {"unrar", "unar"})) return ".";
    return std::nullopt;
  }
  // tar -f A, tar -xzf A, tar xzf A, --file=A, cpio -F/-O/-I A, mt -f A:
  // the archive, which HOST:FILE makes remote (unless --force-local).
  void archive_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const std::string_view letters = name == "cpio"sv ? "FOI" : "f";
    for (std::size_t k = i + 1; k < words.size(); ++k)
      if (words[k]->text == "--force-local"sv) return;
    // (After a '/' of the template's, data/$NAME, no ':' makes a host; fr 82.)
    const auto mark = [&](std::size_t k) {
      if (k < words.size())
        fills_where(*words[k], render::ElementRole::LocalName, name + "'s archive", before_the_templates_slash);
    };
    if (name == "tar"sv || name == "gtar"sv) {  // (tar's own reading: -xfA, xf A, --file=A)
      for (const auto& archive : tar_command(words, i).archives) mark(archive.word);
      return;
    }
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const std::string& w = words[k]->text;
      if (w.rfind("--file=", 0) == 0 || (name == "cpio"sv && w.rfind("--", 0) == 0 && w.find("file=") != std::string::npos)) {
        mark(k);
      } else if (w == "--file"sv) {
        mark(k + 1);
      } else if (w.size() > 1 && w[0] == '-' && w[1] != '-') {
        // A cluster: the archive letter takes the rest of the word, or the next word.
        const auto at = w.find_first_of(letters, 1);
        if (at == std::string::npos) continue;
        if (at + 1 < w.size()) mark(k);
        else mark(k + 1);
      }
    }
  }
  // Where the text of a path before a value puts it: at the start of a name
  // in a home (the glue's or a user's: ~/, ~user/, $HOME/, ${HOME:?}/,
  // ${SCRATCH:-$HOME}/, $H/ after H=$HOME, $(cd; pwd)/, /home/NAME/,
  // root's home), at the start of a name relative to the working directory
  // ("", "./"), or elsewhere. Quotes do not change the path.
  // (Only the start decides: a word of thousands of placeholders is read
  // as far as its first 256 characters decide, then whole.)
  PathStart path_start(std::string_view before) const {
    std::string path;
    std::size_t k = 0;
    for (; k < before.size() && path.size() < 256; ++k)
      if (before[k] != '"' && before[k] != '\'') path += before[k];
    if (k == before.size()) return path_start_of(path, nullptr);
    bool reaches_end = false;
    if (const auto start = path_start_of(path, &reaches_end); start == PathStart::Elsewhere && !reaches_end) return start;
    for (; k < before.size(); ++k)
      if (before[k] != '"' && before[k] != '\'') path += before[k];
    return path_start_of(path, nullptr);
  }
  // path_start of a path without quotes; *reaches_end: the root (the first
  // expansion) or the separators after it reach the path's end.
  PathStart path_start_of(std::string_view path, bool* reaches_end) const {
    std::string_view rest = path;
    const auto only_separators = [](std::string_view r) {
      for (std::size_t k = 0; k < r.size(); ++k)
        if (r[k] != '/' && !(r[k] == '.' && (k + 1 == r.size() || r[k + 1] == '/') && (k == 0 || r[k - 1] == '/')))
          return false;
      return true;
    };
    if (rest.empty() || rest.front() == '.') return only_separators(rest) ? PathStart::Relative : PathStart::Elsewhere;
    std::string_view root;
    if (rest.front() == '~') {
      root = rest.substr(0, std::min(rest.find('/'), rest.size()));
    } else if (rest.rfind("/home/", 0) == 0 || rest.rfind("/root", 0) == 0) {
      // /home/ itself, or one user's directory in it.
      const auto user_end = std::min(rest.find('/', 6), rest.size());
      if (rest.rfind("/home/", 0) == 0 && only_separators(rest.substr(5))) return PathStart::Home;
      root = rest.rfind("/root", 0) == 0 ? rest.substr(0, 5) : rest.substr(0, user_end);
    } else if (const auto xs = expansions(rest); !xs.empty() && xs.front().begin == 0) {
      // One expansion: $NAME, ${...}, $(...), `...`.
      root = rest.substr(0, xs.front().end);
      const auto x = root.substr(1);
      const auto& name = xs.front().name;
      const bool home = name == "HOME"sv || home_variables_.count(name) > 0 || x.find("HOME") != std::string_view::npos ||
                        x.find('~') != std::string_view::npos ||
                        (x.find("pwd") != std::string_view::npos && x.find("cd") != std::string_view::npos);
      if (reaches_end) *reaches_end = root.size() >= rest.size();
      if (!home) return PathStart::Elsewhere;
    } else {
      return PathStart::Elsewhere;
    }
    return only_separators(rest.substr(root.size())) ? PathStart::Home : PathStart::Elsewhere;
  }
  // A home itself: "~", "$HOME/", "${HOME:?}", "$H" after H=$HOME.
  bool names_home(std::string_view word) const { return path_start(word) == PathStart::Home; }

  // A word that fills a part with a rule of its own (ElementRole), written
  // there or reaching it through a variable.
  // With `word_start`, only where the value may begin the word.
  void fills(const ShellWord& w, render::ElementRole role, const std::string& by, bool word_start = false) {
    if (!word_start)
      return fills_where(w, role, by, [](std::string_view, const std::vector<Expansion>&, std::size_t) { return true; }, false);
    fills_where(w, role, by, [](std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
      return VanishingStart(raw, xs).before(at);
    });
  }
  // Only where the value comes right after text of the template that
  // `after` accepts (its quote marks removed): curl -F "log=@${V}".
  void fills_after(const ShellWord& w, render::ElementRole role, const std::string& by,
                   const std::function<bool(std::string_view)>& after) {
    fills_where(w, role, by, [&](std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
      const auto text = literal_before(raw, xs, at);
      return text && after(*text);
    });
  }
  // Where a ':' may still make HOST:PATH: no '/' of the template's stands
  // before offset `at` of the word (one of a value's may).
  // ("$TMPDIR/$ARCHIVE": a '/' of the template's after an expansion counts
  // too; fr hunt 85.)
  static bool before_the_templates_slash(std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
    char quote = 0;
    for (std::size_t k = 0, x = 0; k < at && k < raw.size(); ++k) {
      while (x < xs.size() && xs[x].end <= k) ++x;
      if (x < xs.size() && xs[x].begin <= k) continue;  // (inside an expansion)
      const char ch = raw[k];
      if (quote == '\'' ? ch == '\'' : (ch == '\'' && !quote) || ch == '"') {
        quote = quote ? 0 : ch;
        continue;
      }
      if (ch == '\\' && quote != '\'') {
        ++k;
        continue;
      }
      if (ch == '/') return false;
    }
    return true;
  }
  // The text a word has before offset `at`, as bash reads it (quote marks
  // gone), or nothing where an expansion stands before `at`.
  static std::optional<std::string> literal_before(std::string_view raw, const std::vector<Expansion>& xs, std::size_t at) {
    return literal_span(raw, xs, 0, at);
  }
  // A value in JSON or YAML flow text a program parses (curl -d '{...}',
  // --config-json='{...}'): the rule of where it stands, as on a line of a
  // JSON file (inside a string, "text": "done: ${NAME}", what a string
  // holds; elsewhere a scalar's). The word's first `prefix` characters
  // (NAME=, --opt=) are not the text's. Another expansion in the text
  // ($SLURM_JOB_ID) is read as a word of its own: where it carries a value,
  // that value meets the rule of its own place.
  void fills_json(const ShellWord& w, std::size_t prefix, const std::string& by) {
    using R = render::ElementRole;
    const auto role_at = [&](std::string_view raw, const std::vector<Expansion>& xs, std::size_t pos) {
      const auto x = std::find_if(xs.begin(), xs.end(), [&](const Expansion& e) { return e.begin == pos; });
      if (x == xs.end()) return R::DataField;
      const auto before = literal_span(raw, xs, 0, pos, "x");
      const auto after = literal_span(raw, xs, x->end, raw.size(), "x");
      if (!before || !after || before->size() < prefix) return R::DataField;
      const auto role = data_line_role(DataFormat::Json, std::string_view(*before).substr(prefix), *after);
      return role == R::DataQuotedText || role == R::DataProseText || role == R::DataNoteText || role == R::DataWord ||
                     role == R::CallableName
                 ? role
                 : R::DataField;
    };
    std::map<std::size_t, R> roles;  // by position: each is read once, not once per role
    for (const auto role : {R::DataQuotedText, R::DataProseText, R::DataNoteText, R::DataWord, R::CallableName, R::DataField})
      fills_where(w, role, by, [&](std::string_view raw, const std::vector<Expansion>& xs, std::size_t pos) {
        const auto known = roles.find(pos);
        return (known != roles.end() ? known->second : roles.emplace(pos, role_at(raw, xs, pos)).first->second) == role;
      });
  }
  // The text bash makes of raw[from, to) (quote marks gone, escapes
  // read), or nothing where an expansion stands in it (with `stand_in`,
  // that text in its place); an expansion before `from` is passed over.
  static std::optional<std::string> literal_span(std::string_view raw, const std::vector<Expansion>& xs,
                                                 std::size_t from, std::size_t to, const char* stand_in = nullptr) {
    std::string text;
    char quote = 0;
    for (std::size_t k = 0; k < to && k < raw.size(); ++k) {
      if (quote != '\'') {
        const auto x = std::find_if(xs.begin(), xs.end(), [&](const Expansion& e) { return e.begin == k; });
        if (x != xs.end()) {
          if (k >= from && !stand_in) return std::nullopt;
          if (k >= from) text += stand_in;
          k = x->end - 1;
          continue;
        }
      }
      const char c = raw[k];
      if (quote == '\'' ? c == '\'' : c == '"' && quote == '"') {
        quote = 0;
      } else if (!quote && (c == '"' || c == '\'')) {
        quote = c;
      } else if (!quote && c == '$' && k + 1 < raw.size() && (raw[k + 1] == '"' || raw[k + 1] == '\'')) {
        quote = raw[++k];
      } else {
        // (Inside "...", '\' escapes only $ ` " \ and a line break.)
        if (c == '\\' && quote != '\'' && k + 1 < raw.size() &&
            (!quote || std::string_view("$`\"\\\n").find(raw[k + 1]) != std::string_view::npos))
          ++k;
        if (k >= from) text += raw[k];
      }
    }
    return text;
  }
  // Where `where` accepts the offset of the value in the word; with
  // `restricted`, a variable the word refers to only through something
  // else than an expansion (a file it names, a glob) is left out.
  template <class Where>
  // `in_home`: a name there starting in the glue's home names one entry of
  // it (not for a checkpoint read, whose value may be a number: .5).
  void fills_where(const ShellWord& w, render::ElementRole role, const std::string& by, const Where& where,
                   bool restricted = true, bool in_home = true) {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto xs = expansions(raw);
    const auto starts = [&](std::size_t at) { return where(raw, xs, at); };
    // A name the job writes, reads or runs that starts in the glue's home
    // (explicitly, or relative after cd ~) names one entry there.
    const bool names_file = in_home && (role == render::ElementRole::Path || role == render::ElementRole::CodePath ||
                                        role == render::ElementRole::LocalName);
    const auto place = [&](std::size_t at) { return names_file ? path_start(raw.substr(0, at)) : PathStart::Elsewhere; };
    for (auto k : w.placeholders) {
      const auto at = t_.placeholders[k].begin - w.begin;
      if (!starts(at)) continue;
      t_.placeholders[k].roles.add(role);
      if (role == render::ElementRole::CreatedName) t_.placeholders[k].creates_here = true;
      if (place(at) == PathStart::Home) t_.placeholders[k].roles.add(render::ElementRole::HomeEntry);
      if (place(at) == PathStart::Relative) relative_names_.push_back({k, {"", Use::Role, by, render::ElementRole::HomeEntry}});
    }
    const auto cuts = cut_in(w);
    const bool substitutes = raw.find("$(") != std::string_view::npos || raw.find('`') != std::string_view::npos ||
                             raw.find("<(") != std::string_view::npos;
    // A command substitution where the part begins prints what the
    // variables and files in it hold ("$(basename "$OUT")", "$(cat F)"):
    // they fill the part too.
    const auto substituted_there = [&](const std::string& r) {
      return std::any_of(xs.begin(), xs.end(), [&](const Expansion& x) {
        const auto span = raw.substr(x.begin, x.end - x.begin);
        return (span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0) && starts(x.begin) &&
               (r.find(':') != std::string::npos || span.find(r) != std::string_view::npos);
      });
    };
    for (const auto& r : w.refs) {
      if (restricted &&
          std::none_of(xs.begin(), xs.end(), [&](const Expansion& x) { return x.name == r && starts(x.begin); }) &&
          !substituted_there(r))
        continue;
      // A word naming a file refers to what the file holds (file:, fd:):
      // a part's rule is about the word's text, not about that content
      // (tar -xzf data.tgz after wget -O data.tgz "$URL"), unless a
      // substitution in the word puts the content there ("$(cat F)").
      if ((r.rfind("file:", 0) == 0 || r.rfind("fd:", 0) == 0) && !substitutes) continue;
      const auto it = cuts.find(r);
      const auto cut = it != cuts.end() ? it->second : render::ValueCut{};
      Use use{r, Use::Role, by, role, cut};
      bool home = false, relative = false;
      for (const auto& x : xs)
        if (x.name == r || prints_variable(raw.substr(x.begin, x.end - x.begin), r)) {
          use.sites.push_back(path_site(text_, w.begin + x.begin, w.begin + x.end));
          cut_site(use.sites.back(), raw.substr(x.begin, x.end - x.begin), false);
          home = home || place(x.begin) == PathStart::Home;
          relative = relative || place(x.begin) == PathStart::Relative;
        }
      uses_.push_back(std::move(use));
      if (home) uses_.push_back({r, Use::Role, by, render::ElementRole::HomeEntry, cut});
      if (relative) relative_names_.push_back({std::nullopt, {r, Use::Role, by, render::ElementRole::HomeEntry, cut}});
    }
  }
  // A path names `site` through variable `name`: each value assigned into
  // name's text stands at its own place there (OUT="runs/$X"; rm -rf
  // "$OUT" with X empty is rm -rf runs/; DEST="scratch/$(basename "$A")";
  // attack 190), the template's text around name's taken where the value
  // is at an end of it; and so on through the variables those read. (At
  // most 8 deep and 256 places a path: P="$P/$X" in a loop nests without end.)
  void spread_path_sites(const std::string& name, const render::PathSite& site,
                         const std::map<std::string, std::set<std::size_t>>& taint, int depth, int* budget = nullptr) {
    int own_budget = 256;
    if (!budget) budget = &own_budget;
    const auto it = assigned_sites_.find(name);
    if (it == assigned_sites_.end() || depth > 8) return;
    for (const auto& [read, inner] : it->second) {
      if (--*budget < 0) return;
      auto placed = inner;
      const bool placeholder = read.starts_with(kPlaceholderSite);
      if (inner.before == render::PathSite::Edge::Boundary) {
        placed.before = site.before;
        placed.before_text = site.before_text + inner.before_text;
      }
      if (inner.after == render::PathSite::Edge::Boundary) {
        placed.after = site.after;
        placed.after_text = inner.after_text + site.after_text;
      }
      placed.created = site.created && inner.created;
      // (F="${RUN}.${FMT}"; echo > "${F%.gz}": the outer cut ends the text
      // after inner's; past another expansion, or cutting after an inner
      // cut, it may end the name anywhere.)
      if (!site.end_cut.empty()) {
        const bool at_end = inner.after == render::PathSite::Edge::Boundary;
        placed.end_cut = at_end && inner.end_cut.empty() ? site.end_cut : "*";
        placed.end_cut_reach = !at_end ? render::PathSite::kPastNext
                               : site.end_cut_reach == render::PathSite::kPastNext
                                   ? site.end_cut_reach
                                   : inner.after_text.size() + site.end_cut_reach;
      }
      if (placeholder) {
        render::add_path_site(t_.placeholders[std::stoul(read.substr(kPlaceholderSite.size()))].path_sites, placed);
        continue;
      }
      if (placed == site && read == name) continue;
      if (const auto t = taint.find(read); t != taint.end())
        for (const auto k : t->second) render::add_path_site(t_.placeholders[k].path_sites, placed);
      spread_path_sites(read, placed, taint, depth + 1, budget);
    }
  }
  // Whether `span` is a command substitution that reads variable `name`
  // ("scratch/$(basename -- "$ARCHIVE" .tar)"): what it prints stands at
  // the substitution's place in a path, where an empty or '.' result names
  // the directory around it (attack 190).
  static bool prints_variable(std::string_view span, const std::string& name) {
    if (!span.starts_with("$(") && !span.starts_with("`")) return false;
    const auto names = names_in(span);
    return std::find(names.begin(), names.end(), name) != names.end();
  }
  // How an expansion cuts what it expands: $(...) and ${V#*:}, ${V:1},
  // ${V/p/r} may put any character first; ${V#literal} drops that start;
  // ${V%...} and ${V:0:N} keep the start; case changes cut nothing.
  // A pattern of ${V#P} or ${V%P} that matches only its own text: no glob,
  // extglob, quote, expansion or blank.
  static bool is_literal_pattern(std::string_view p) {
    return !p.empty() && p.find_first_of("*?[]\\$`'\"{}()!@+|&;<> \t") == std::string_view::npos;
  }
  static render::ValueCut cut_of(std::string_view span) {
    render::ValueCut cut;
    if (span.rfind("${", 0) != 0) {
      if (dirname_of_one(span)) {
        cut.end = true;  // what stays is the start
        return cut;
      }
      if (const auto tr = translated_by_tr(span)) return *tr;
      if (const auto base = basename_of_one(span)) return *base;
      if (prints_its_template(span) || prints_json(span)) return cut;  // (the value stays whole, where the template put it)
      cut.anywhere = cut.deletes = span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0;
      return cut;
    }
    std::size_t k = 2;
    while (k < span.size() && (is_name_char(span[k]) || span[k] == '!')) ++k;
    if (k < span.size() && span[k] == '[') k = std::min(span.find(']', k) + 1, span.size());
    const auto op = span.substr(k, span.size() - k - 1);  // without the closing '}'
    if (op.empty()) return cut;
    if (op[0] == '%') {
      // ${V%/*}, ${V%%/*}: what comes before the last (first) match, made
      // and checked exactly, as ${V##*/} is (attack 189: a cut then
      // another was any part); of the same punctuation.
      const bool longest = op.size() > 1 && op[1] == '%';
      const auto pattern = op.substr(longest ? 2 : 1);
      if (pattern.size() > 1 && pattern.back() == '*' &&
          pattern.find_first_not_of("#%,-./:=", 0) == pattern.size() - 1)
        cut.ways = {{{std::string(pattern.substr(0, pattern.size() - 1)), "", longest ? '[' : ']'}}};
      else
        cut.end = true;
    } else if (op[0] == '^' || op[0] == ',' || op[0] == '~' || op == "@U"sv || op == "@u"sv || op == "@L"sv) {
      // A case change: bash's towlower and towupper make ASCII letters of
      // a few others (${IMAGE,,} of İnstance://; attack 203). With a
      // pattern (${V^^[a-f]}) only some letters change: any part too.
      const bool all = op.size() > 1 && op[1] == op[0];
      const char kind = op[0] == '@' ? op[1] : op[0];
      const std::string how = kind == '^' || kind == 'U' ? "U" : kind == ',' || kind == 'L' ? "L" : kind == 'u' ? "u" : "S";
      render::ValueCut::Replacement r{all || kind == 'U' || kind == 'L' || kind == 'u' ? how : how == "S" ? "s" : how == "U" ? "u" : "l",
                                      "", 'c'};
      cut.ways = {{r}};
      if (op[0] != '@' && op.size() > (all ? 2u : 1u)) cut.anywhere = true;
    } else if (op == "@Q"sv || op == "@a"sv) {
      // Quoting keeps every character's kind in place.
    } else if (op[0] == '#') {
      const bool longest = op.size() > 1 && op[1] == '#';
      const auto pattern = op.substr(longest ? 2 : 1);
      if (is_literal_pattern(pattern))
        cut.prefixes.emplace_back(pattern);
      else if (pattern[0] == '*' && is_literal_pattern(pattern.substr(1)) &&
               pattern.find_first_not_of("*#%,-./:=") == std::string_view::npos)
        // ${V##*/}, ${V#*:}: what follows the last (first) match, made and
        // checked exactly. (Of punctuation that is never the second byte
        // of a GBK, Big5, Shift_JIS or GB18030 character, so that bash
        // finds the same match in any locale.)
        cut.ways = {{{std::string(pattern.substr(1)), "", longest ? '{' : '<'}}};
      else
        cut.anywhere = true;
    } else if (op.rfind(":0:", 0) == 0) {
      cut.end = true;
    } else if (op[0] == '/') {
      // ${V//P/R}, ${V/P/R}, ${V/#P/R}, ${V/%P/R}: exact when P and R are literal.
      render::ValueCut::Replacement r;
      std::string_view rest = op.substr(1);
      if (!rest.empty() && (rest[0] == '/' || rest[0] == '#' || rest[0] == '%')) {
        r.mode = rest[0];
        rest.remove_prefix(1);
      } else {
        r.mode = '1';
      }
      std::string* into = &r.pattern;
      bool literal = true;
      for (std::size_t j = 0; j < rest.size(); ++j) {
        const char c = rest[j];
        if (c == '\\' && j + 1 < rest.size() && rest[j + 1] == '/') {
          into->push_back('/');
          ++j;
        } else if (c == '/' && into == &r.pattern) {
          into = &r.replacement;
        } else if (c == '[' && into == &r.pattern && j == 0 && rest.find(']', j + 2) != std::string_view::npos) {
          // A bracket class of letters and ranges: [.:], [^A-Za-z0-9._-].
          const auto close = rest.find(']', j + 2);
          // ([\/:]: the '/' quoted so that it does not end the pattern.)
          std::string set(rest.substr(j, close - j + 1));
          for (auto at = set.find("\\/"); at != std::string::npos; at = set.find("\\/", at)) set.erase(at, 1);
          if (set.find("[:") != std::string::npos || set.find_first_of("\\$`'\"") != std::string::npos)
            literal = false;
          into->append(set);
          j = close;
        } else if (std::string_view(into == &r.pattern ? "*?[]\\$`'\"{}()!@+|&;<>~" : "\\$`'\"&~").find(c) !=
                   std::string_view::npos) {
          // A pattern's glob and extglob characters; in the replacement only
          // what bash expands there (quotes, $, `, ~, and & in bash 5.2).
          literal = false;
        } else {
          into->push_back(c);
        }
      }
      if (literal && !r.pattern.empty() && (r.pattern.front() != '[' || r.pattern.back() == ']')) {
        cut.ways = {{std::move(r)}};  // made and checked exactly
      } else {
        cut.anywhere = cut.deletes = true;
      }
    } else {
      cut.anywhere = true;
    }
    return cut;
  }
  // $(echo "$V" | tr '/:' '__'), $(tr ... <<< "$V"): each character of the first set becomes the one of the second at
  // its place (the last one repeated), made exactly as ${V//c/d} is; sets of
  // ASCII characters written out (no range, class or escape), none of the
  // second in the first, which writes letters, digits and '_' only. echo
  // makes nothing of a value that is its options.
  // The characters of a tr set in tr's order (SET1's n-th pairs with
  // SET2's): ranges (a-z) and the classes [:alnum:], [:alpha:], [:digit:],
  // [:lower:], [:upper:], [:xdigit:] written out, \n and \t decoded;
  // nullopt for what it does not read exactly (other escapes, equivalence
  // classes, repeats, a range going down, what is not printable ASCII, an
  // expansion).
  static std::optional<std::string> tr_set_written_out(std::string_view set) {
    static constexpr std::pair<std::string_view, std::string_view> kClasses[] = {
        {"[:alnum:]", "a-zA-Z0-9"}, {"[:alpha:]", "a-zA-Z"}, {"[:digit:]", "0-9"},
        {"[:lower:]", "a-z"},       {"[:upper:]", "A-Z"},    {"[:xdigit:]", "0-9A-Fa-f"}};
    std::string out;
    const auto range = [&](char from, char to) {
      for (int ch = static_cast<unsigned char>(from); ch <= static_cast<unsigned char>(to); ++ch) out += static_cast<char>(ch);
    };
    for (std::size_t k = 0; k < set.size();) {
      if (set[k] == '[') {
        const auto it = std::find_if(std::begin(kClasses), std::end(kClasses),
                                     [&](const auto& c) { return set.substr(k, c.first.size()) == c.first; });
        if (it == std::end(kClasses)) return std::nullopt;
        for (std::size_t r = 0; r < it->second.size(); r += 3) range(it->second[r], it->second[r + 2]);
        k += it->first.size();
        continue;
      }
      char ch = set[k];
      std::size_t next = k + 1;
      // (tr's \n and \t: a line break, a tab; fr36/04: tr -c 'A-Za-z0-9_\n' _.)
      if (ch == '\\') {
        if (k + 1 >= set.size() || (set[k + 1] != 'n' && set[k + 1] != 't')) return std::nullopt;
        ch = set[k + 1] == 'n' ? '\n' : '\t';
        next = k + 2;
      } else if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) > 0x7e || ch == '$' || ch == '`') {
        return std::nullopt;
      }
      // A range: its ends are the characters around the '-'.
      if (next + 1 < set.size() && set[next] == '-' && ch != '\n' && ch != '\t') {
        const char to = set[next + 1];
        if (static_cast<unsigned char>(to) < static_cast<unsigned char>(ch) || to == '\\' || to == '[' || to == '$' ||
            to == '`' || static_cast<unsigned char>(to) > 0x7e)
          return std::nullopt;
        range(ch, to);
        k = next + 2;
        continue;
      }
      out += ch;
      k = next;
    }
    return out;
  }
  // The members of a tr set as a bracket class holds them: each character
  // written out, a '-' last; nullopt for what tr_set_written_out does not
  // read, or for a character a bracket class reads otherwise (']', '!', '^').
  static std::optional<std::string> tr_set_members(std::string_view set) {
    auto members = tr_set_written_out(set);
    if (!members || members->empty() || members->find_first_of("]!^\\") != std::string::npos) return std::nullopt;
    if (const auto dashes = std::erase(*members, '-')) *members += '-';
    return members;
  }
  static std::optional<render::ValueCut> translated_by_tr(std::string_view span) {
    if (span.rfind("$(", 0) != 0 || span.back() != ')') return std::nullopt;
    const auto inner = span.substr(2, span.size() - 3);
    std::vector<std::string> words;  // the words, quotes dropped; "" marks a quoted empty word
    std::vector<bool> quoted;
    for (std::size_t k = 0; k < inner.size();) {
      if (inner[k] == ' ' || inner[k] == '\t') {
        ++k;
        continue;
      }
      std::string w;
      bool q = false;
      while (k < inner.size() && inner[k] != ' ' && inner[k] != '\t') {
        const char ch = inner[k];
        if (ch == '\'' || ch == '"') {
          const auto close = inner.find(ch, k + 1);
          if (close == std::string_view::npos) return std::nullopt;
          w.append(inner.substr(k + 1, close - k - 1));
          q = true;
          k = close + 1;
        } else {
          w += ch;
          ++k;
        }
      }
      words.push_back(std::move(w));
      quoted.push_back(q);
    }
    // The value: one quoted expansion of a name and nothing else.
    const auto value_word = [&](std::size_t k) {
      if (k >= words.size() || !quoted[k]) return false;
      const auto xs = expansions(words[k]);
      return xs.size() == 1 && xs[0].begin == 0 && xs[0].end == words[k].size() && words[k].rfind("$(", 0) != 0;
    };
    // echo "$V" | tr ..., printf '%s' "$V" | tr ..., tr ... <<< "$V": the
    // words after tr.
    std::vector<std::string> args;
    bool echo = false;
    if (words.size() >= 5 && words[0] == "echo"sv && value_word(1) && words[2] == "|"sv && words[3] == "tr"sv) {
      echo = true;
      args.assign(words.begin() + 4, words.end());
    } else if (words.size() >= 6 && words[0] == "printf"sv && words[1] == "%s"sv && value_word(2) && words[3] == "|"sv &&
               words[4] == "tr"sv) {
      args.assign(words.begin() + 5, words.end());
    } else if (words.size() >= 4 && words[0] == "tr"sv && words[words.size() - 2] == "<<<"sv && value_word(words.size() - 1)) {
      args.assign(words.begin() + 1, words.end() - 2);
    } else {
      return std::nullopt;
    }
    // What it writes is a letter, a digit or '_': never a blank, a glob, a
    // separator or a character paths and options read ('/', '.', '-').
    const auto inert = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    };
    render::ValueCut cut;
    cut.echo_options = echo;
    // tr -d SET, tr -cd SET, tr -c SET X: every character in (or, with -c,
    // outside) the set is deleted or becomes X: one replacement of a
    // bracket class. (-c without -d also makes X of echo's line break: one
    // inert character more at the end, which no rule here minds.)
    // (-s squeezes a run of one character of the last set into one: it
    // shortens runs, never removes one nor changes the first character.)
    bool complement = false, remove = false, squeeze = false;
    while (!args.empty() && args.front().size() > 1 && args.front()[0] == '-' &&
           args.front().find_first_not_of("cCds", 1) == std::string::npos) {
      complement = complement || args.front().find_first_of("cC") != std::string::npos;
      remove = remove || args.front().find('d') != std::string::npos;
      squeeze = squeeze || args.front().find('s') != std::string::npos;
      args.erase(args.begin());
    }
    // tr -s SET alone: the value with runs made one (attack 198): each
    // character of the set stays itself, a replacement made where the
    // argument begins. (Not the way of no replacement, which says the
    // value itself stands there.)
    if (squeeze && !complement && !remove && args.size() == 1) {
      const auto& set = args[0];
      if (set.empty() || set.size() > 16 || set.find_first_of("\\[$`-") != std::string::npos) return std::nullopt;
      auto& way = cut.ways.emplace_back();
      for (std::size_t k = 0; k < set.size(); ++k)
        if (set.find(set[k]) == k) way.push_back({std::string(1, set[k]), std::string(1, set[k]), '/'});
      return cut;
    }
    if (complement || remove) {
      const auto members = tr_set_members(args.empty() ? "" : args[0]);
      const std::string replacement = remove ? "" : args.size() == 2 ? args[1] : "";
      if (!members || args.size() != (remove ? 1u : 2u) || (!remove && (replacement.size() != 1 || !inert(replacement[0]))))
        return std::nullopt;
      cut.ways = {{{(complement ? "[!" : "[") + *members + "]", replacement, '/'}}};
      return cut;
    }
    if (args.size() != 2) return std::nullopt;
    // tr '[:upper:] ' '[:lower:]_', tr 'A-Z' 'a-z': the sets written out,
    // paired by position (attack 198).
    const auto from_set = tr_set_written_out(args[0]), to_set = tr_set_written_out(args[1]);
    if (!from_set || !to_set || from_set->empty() || to_set->empty()) return std::nullopt;
    const std::string &from = *from_set, &to = *to_set;
    if (from.front() == '-' || !std::all_of(to.begin(), to.end(), inert)) return std::nullopt;
    // (One way: each character in turn, none of them written by another.)
    auto& way = cut.ways.emplace_back();
    for (std::size_t k = 0; k < from.size(); ++k) {
      const char d = to[std::min(k, to.size() - 1)];
      if (from.find(from[k]) != k || from.find(d) != std::string::npos) return std::nullopt;
      way.push_back({std::string(1, from[k]), std::string(1, d), '/'});
    }
    return cut;
  }
  // $(dirname "$V"), $(dirname -- "${V}"): the value up to its last '/'
  // (or '.', '/'), one expansion quoted as one operand.
  // The words of $(PROGRAM [--] "$V" ...) after the program and its "--",
  // when the first is one quoted expansion of a variable (no $(...)) and
  // the rest are plain words; nullopt for anything else.
  static std::optional<std::vector<std::string_view>> operands_of_one(std::string_view span, std::string_view program) {
    if (!span.starts_with("$(") || !span.ends_with(")")) return std::nullopt;
    auto inner = span.substr(2, span.size() - 3);
    std::vector<std::string_view> words;
    for (std::size_t k = 0; k < inner.size();) {
      const auto b = inner.find_first_not_of(" \t", k);
      if (b == std::string_view::npos) break;
      const auto e = std::min(inner.find_first_of(" \t", b), inner.size());
      words.push_back(inner.substr(b, e - b));
      k = e;
    }
    if (words.empty() || words[0] != program) return std::nullopt;
    words.erase(words.begin());
    if (!words.empty() && words[0] == "--"sv) words.erase(words.begin());
    if (words.empty()) return std::nullopt;
    const auto first = words[0];
    if (first.size() < 4 || first.front() != '"' || first.back() != '"') return std::nullopt;
    const auto operand = first.substr(1, first.size() - 2);
    if (operand.find('"') != std::string_view::npos || operand.starts_with("$(")) return std::nullopt;
    const auto xs = expansions(operand);
    if (xs.size() != 1 || xs[0].begin != 0 || xs[0].end != operand.size()) return std::nullopt;
    for (std::size_t k = 1; k < words.size(); ++k)
      if (words[k].empty() || words[k].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") !=
                                  std::string_view::npos || words[k][0] == '-')
        return std::nullopt;
    return words;
  }
  // $(dirname "$V"): the start of the value stays.
  static bool dirname_of_one(std::string_view span) {
    const auto words = operands_of_one(span, "dirname");
    return words && words->size() == 1;
  }
  // $(basename "$V"), $(basename -- "$V" .py): the last component, made
  // and checked exactly (fr hunt 77): trailing '/'s dropped, what follows
  // the last '/', a value of '/'s only printing '/'; then the suffix, where
  // it ends the name. (basename keeps a name that is all suffix, which the
  // check reads as empty: the template's own text.)
  static std::optional<render::ValueCut> basename_of_one(std::string_view span) {
    const auto words = operands_of_one(span, "basename");
    if (!words || words->size() > 2) return std::nullopt;
    render::ValueCut::Way way{{"/", "/", 'b'}};
    if (words->size() == 2) way.push_back({std::string((*words)[1]), "", '%'});
    render::ValueCut cut;
    cut.ways = {std::move(way)};
    return cut;
  }
  // ${V//P/R}, ${V/P/R}: whether R writes a blank or a glob.
  static bool replaces_with_separator(std::string_view span) {
    if (span.rfind("${", 0) != 0 || span.back() != '}') return false;
    std::size_t k = 2;
    while (k < span.size() && is_name_char(span[k])) ++k;
    if (k < span.size() && span[k] == '[') k = std::min(span.find(']', k) + 1, span.size());
    if (k >= span.size() || span[k] != '/') return false;
    ++k;
    if (k < span.size() && (span[k] == '/' || span[k] == '#' || span[k] == '%')) ++k;
    bool in_class = false;
    for (; k + 1 < span.size(); ++k) {
      if (span[k] == '\\') ++k;
      else if (span[k] == '[') in_class = true;
      else if (span[k] == ']') in_class = false;
      else if (span[k] == '/' && !in_class) break;
    }
    const auto replacement = span.substr(std::min(k + 1, span.size() - 1));
    return replacement.find_first_of(" \t*?[") != std::string_view::npos;
  }
  // The names a word cuts before it uses them, and how: ${NAME#...},
  // ${NAME:1}, ${NAME/...}, ${NAME%...} and any name inside $(...)
  // (basename, cut, sed).
  std::map<std::string, render::ValueCut> cut_in(const ShellWord& w) const {
    std::map<std::string, render::ValueCut> out;
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    for (const auto& x : expansions(raw)) {
      const auto span = raw.substr(x.begin, x.end - x.begin);
      if (span.rfind("${CLEARML_", 0) == 0 || !rewriting(span)) continue;  // a placeholder is no rewrite
      const auto cut = cut_of(span);
      if (cut.empty()) continue;
      // ${V#$(...)}, ${A:-${B#x}}: names inside the operator's word are cut anywhere.
      const auto names = names_in(span);
      for (std::size_t n = 0; n < names.size(); ++n) {
        render::ValueCut c = cut;
        if (n > 0) c.anywhere = true;
        out[names[n]].merge(c);
      }
      // (What an exact tr prints, "in:D", carries its cut already.)
      const bool exact = translated_by_tr(span).has_value();
      if (span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0)
        for (const auto& r : w.refs)
          if (r.find(':') != std::string::npos && !(exact && r.rfind("in:", 0) == 0)) out[r].merge(cut);
    }
    return out;
  }
  // NAME=... from a word that cuts a value: NAME holds a part of it (and a
  // part of a part, after two cuts, may be any part).
  void assigned_cut(const std::string& name, const ShellWord& w) {
    // (Where the cut stands: OUT="outputs/${V//-/_}" cuts no start of OUT.)
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const auto eq = raw.find('=');
    const auto value = eq == std::string_view::npos ? raw : raw.substr(eq + 1);
    std::map<std::string, char> before_of;
    const auto xs = expansions(value);
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const auto& x = xs[i];
      const char before = char_before(value, xs, i);
      for (const auto& n : names_in(value.substr(x.begin, x.end - x.begin)))
        if (const auto [it, added] = before_of.emplace(n, before); !added && before == 0) it->second = 0;
    }
    for (const auto& [source, cut] : cut_in(w)) {
      const auto b = before_of.find(source);
      cut_edges_.push_back({name, source, cut, b != before_of.end() ? b->second : '\0',
                            source == name && current_ != kNone && !may_repeat(current_)});
    }
  }
  struct CutEdge {
    std::string name, source;
    render::ValueCut cut;
    char before = 0;  // the literal character before the cut expansion in the value; 0 at its start
    // OUT="${OUT%/}" outside any loop or function: the cut is made once, on
    // what OUT held before, not again on its own result.
    bool once = false;
  };
  // Whether command c may run more than once: in a loop's body or a
  // function's, also through the command whose substitution holds it.
  bool may_repeat(std::size_t c) const {
    for (auto d = c; d != kNone && d < t_.commands.size(); d = t_.commands[d].parent)
      for (auto g = t_.commands[d].group; g != kNone && g < t_.commands.size(); g = t_.commands[g].group)
        if (t_.commands[g].repeats || !t_.commands[g].function.empty()) return true;
    return false;
  }
  // Whether a cut may put another part first in NAME's value: one standing
  // where the value begins (W=${V#*:}), or in a variable that begins it.
  bool start_may_be_cut(const std::string& name) {
    if (const auto known = start_cut_.find(name); known != start_cut_.end()) return known->second;
    const auto cut = cuts_.find(name);
    const bool any = cut != cuts_.end() && !cut->second.empty();
    const auto* starts = known_starts(name);
    if (!any || !starts || !start_cut_open_.insert(name).second) return start_cut_[name] = any;
    bool out = std::any_of(cut_edges_.begin(), cut_edges_.end(), [&](const CutEdge& e) {
      return e.name == name && begins_word(e.before) && !keeps_start(e.cut);
    });
    for (const auto& s : *starts)
      if (!out && s.placeholder == kNone && begins_word(s.before) && is_variable_name(s.name)) out = start_may_be_cut(s.name);
    start_cut_open_.erase(name);
    return start_cut_[name] = out;
  }
  // Whether a way replaces what a pattern with a letter matches
  // (${V//x/:}, ${V/#a/b}), which nocasematch makes match either case.
  static bool case_blind_replacement(const render::ValueCut& cut) {
    return std::any_of(cut.ways.begin(), cut.ways.end(), [](const render::ValueCut::Way& way) {
      return std::any_of(way.begin(), way.end(), [](const render::ValueCut::Replacement& r) {
        return std::string_view("/1#%").find(r.mode) != std::string_view::npos &&
               std::any_of(r.pattern.begin(), r.pattern.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
      });
    });
  }
  // Whether only what exact cuts make of the values reaches `use` (a role
  // whose `cut` the placeholders get): its own cut, or a variable's whose
  // every way of getting a value cuts it (may_hold_whole).
  bool cut_reaches_only(const Use& use, const render::ValueCut& cut, const std::map<std::string, std::set<std::size_t>>& taint) {
    if (cut.ways.empty() || !cut.only_replaces() || use.role == render::ElementRole::LaunchWord ||
        use.role == render::ElementRole::ScriptArgument)
      return false;
    if (std::any_of(cut.ways.begin(), cut.ways.end(), [](const render::ValueCut::Way& w) { return w.empty(); })) return false;
    if (!use.cut.ways.empty() && use.cut.only_replaces()) return true;
    return use.cut.empty() && is_variable_name(use.name) && !may_hold_whole(use.name, taint);
  }
  // Whether variable NAME may hold a value as it is: set otherwise than by
  // NAME=... words (read, for, ${NAME:=...}, a nameref, ...), or by a word
  // holding a placeholder, a command substitution, or a variable that may,
  // outside an expansion that cuts it (${V##*/}, ${V%.tar}).
  bool may_hold_whole(const std::string& name, const std::map<std::string, std::set<std::size_t>>& taint) {
    if (!whole_holders_) {
      whole_holders_.emplace();
      auto& whole = *whole_holders_;
      const auto holds_values = [&](const std::string& s) {
        const auto t = taint.find(s);
        return t != taint.end() && !t->second.empty();
      };
      const auto gives_whole = [&](const std::string& s) {
        return holds_values(s) && (whole.count(s) || !set_only_by_assignments(s) || defaulted_at_.count(s));
      };
      for (bool changed = true; changed;) {
        changed = false;
        for (const auto& [n, words] : assignment_words_) {
          if (whole.count(n) || !holds_values(n)) continue;
          bool any = !set_only_by_assignments(n) || defaulted_at_.count(n);
          for (const auto* w : words) {
            if (any) break;
            const std::string_view raw = std::string_view(text_).substr(w->begin, w->end - w->begin);
            const auto value = raw.substr(std::min(raw.find('='), raw.size() - 1) + 1);
            any = !w->placeholders.empty();
            for (const auto& x : expansions(value)) {
              if (any) break;
              const auto span = value.substr(x.begin, x.end - x.begin);
              // (A command substitution cut_of reads, $(basename "$URL"), prints only what it cuts.)
              if (rewriting(span) && !cut_of(span).empty()) continue;
              if (span.rfind("$(", 0) == 0 || span.rfind("`", 0) == 0) any = true;
              for (const auto& s : names_in(span)) any = any || gives_whole(s);
            }
          }
          if (any) changed = whole.insert(n).second || changed;
        }
      }
    }
    return whole_holders_->count(name) || !set_only_by_assignments(name) || defaulted_at_.count(name);
  }
  // The way that leaves a value whole, as a cut ending in the template's
  // own text before it does.
  static inline const render::ValueCut kWholeValue = [] {
    render::ValueCut cut;
    cut.ways.emplace_back();
    return cut;
  }();
  // Whether NAME may hold a value after text of the template's
  // (OUT="scripts/$V"), which a cut of its start may remove, leaving the
  // value whole: a cut of it is then also the value as it is.
  bool holds_values_after_text(const std::string& name) {
    // (Not a placeholder's text, ${CLEARML_TASK...}, which names_in reads as a name.)
    if (!is_variable_name(name) || name.starts_with("CLEARML_"))
      return false;
    if (const auto known = after_text_.find(name); known != after_text_.end()) return known->second;
    const auto* starts = known_starts(name);
    if (!starts || !after_text_open_.insert(name).second) return after_text_[name] = true;
    bool out = false;
    for (const auto& s : *starts)
      if (!begins_word(s.before)) out = true;
      else if (s.placeholder == kNone && !out) out = holds_values_after_text(s.name);
    after_text_open_.erase(name);
    return after_text_[name] = out;
  }
  // A cut of the end only (${V%.py}, $(dirname ...)): the start stays.
  static bool keeps_start(const render::ValueCut& cut) {
    return cut.ways.empty() && cut.prefixes.empty() && !cut.anywhere && !cut.deletes && !cut.echo_options;
  }
  // Whether a word starts after `before` (value_starts): at the value's
  // start, or after a blank or a character of IFS, where an unquoted
  // expansion splits.
  bool begins_word(char before) const {
    return before == 0 || before == ' ' || before == '\t' || before == '\n' || ifs_chars_.find(before) != std::string::npos;
  }
  // A file of code (by its extension) in a tree a value chose, named to
  // any program but one that only moves or inspects bytes, may run: a
  // config that is Python (--cfg code/x.py), a hook, a plugin, a locustfile.
  void tree_code_files(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    // (Runners are asked about the program they run; awk and sed read a
    // file of their own code only after -f, read elsewhere; git stores.)
    if (tree_dirs_->empty() || programs::moves_bytes_only(name) || programs::reads_input_as_data(name) ||
        find_runner(name) || one_of(name, {"srun", "salloc", "git"}) || is_awk_or_sed(name))
      return;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      std::string_view file = words[k]->text;
      if (file.starts_with("-")) file.remove_prefix(std::min(file.find('=') + 1, file.size()));  // --cfg=code/x.py
      if (file.find('/') == std::string_view::npos || !render::is_code_file(file)) continue;
      for (const auto& key : trees_holding(file))
        uses_.push_back({key, Use::Code, fmt::format("{} naming {} (a file of code in {})", name, file, describe_file(key))});
    }
  }
  // chmod +x F, chmod -R 755 DIR, install SRC DST (0755 unless -m says
  // otherwise): a file made executable runs however it is started
  // (run-parts, find -exec {} \;, a lookup in PATH, another job), so what the
  // template wrote into it is code (attack 131).
  void executable_files(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const bool chmod = name == "chmod"sv;
    bool recursive = false, executable = !chmod, mode_read = false;
    std::vector<const ShellWord*> files;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      if (chmod && one_of(w, {"-R", "--recursive"})) recursive = true;
      else if (chmod && (w.starts_with("--reference") || w.find_first_of("$`") != std::string::npos) && !mode_read) executable = mode_read = true;
      else if (chmod && one_of(w, {"-v", "-c", "-f", "--verbose", "--changes", "--silent", "--quiet", "--preserve-root",
                                   "--no-preserve-root", "--"})) continue;
      else if (chmod && !mode_read) executable = adds_execute(w), mode_read = true;
      else if (!chmod && w == "-d"sv) return;  // install -d: directories
      else if (!chmod && (w == "-m"sv || w == "--mode"sv) && k + 1 < words.size()) executable = adds_execute(words[++k]->text);
      else if (!chmod && w.starts_with("--mode=")) executable = adds_execute(std::string_view(w).substr(7));
      else if (!chmod && one_of(w, {"-o", "-g", "--owner", "--group", "-S", "--suffix", "-t", "--target-directory"}) &&
               k + 1 < words.size()) ++k;
      else if (w.empty() || w[0] != '-') files.push_back(words[k]);
    }
    if (!executable) return;
    const std::string by = name + (chmod ? " (a file made executable runs as code however it is started)"
                                         : " (it installs files executable)");
    for (const auto* f : files) {
      names_code(*f, by);
      const auto key = file_key_of(f->text);
      if (recursive || key == kAnyFile || is_pattern_key(key) || f->text.find_first_of("$`*?[{") != std::string::npos) {
        uses_.push_back({std::string(kEveryFile), Use::Code, by});
        continue;
      }
      uses_.push_back({key, Use::Code, by});
      for (auto& copy : in_place_copies(key)) uses_.push_back({std::move(copy), Use::Code, by});
    }
  }
  // Whether a chmod mode may give someone execute permission: an octal
  // digit with 1 set, [ugoa]+x, =rx, g=u (a copy), or a mode not written out.
  // (Not X: it adds x only to directories and files executable already.)
  static bool adds_execute(std::string_view mode) {
    if (mode.empty() || mode.find_first_of("$`") != std::string_view::npos) return true;
    if (mode.find_first_not_of("01234567") == std::string_view::npos) {
      for (auto k = mode.size() > 3 ? mode.size() - 3 : 0; k < mode.size(); ++k)
        if ((mode[k] - '0') & 1) return true;
      return false;
    }
    char op = 0;
    for (char ch : mode) {
      if (ch == '+' || ch == '=' || ch == '-') op = ch;
      else if (ch == ',') op = 0;
      else if (op && op != '-' && std::string_view("xugo").find(ch) != std::string_view::npos) return true;
    }
    return false;
  }
  // A word naming a file or directory whose code runs.
  void names_code(const ShellWord& w, const std::string& by) {
    fills(w, render::ElementRole::CodePath, by);
    // A file in a tree a value chose (src/prep.ipynb, src/app.def after
    // git clone "$URL" src): what the value chose is the code.
    for (const auto& key : trees_at(w.text))
      uses_.push_back({key, Use::Code, fmt::format("{} (a file in {})", by, describe_file(key))});
  }
  // An operand of scp, rsync or sftp is a remote path (which the remote
  // shell splits again) only with a ':' in it. A word with no ':' of the
  // template's and no expansion but task values is one only through a ':'
  // a value brings ("${DATA}/" with datasets/imagenet 2012 is local).
  bool remote_only_through_values(const ShellWord& w) const {
    if (w.placeholders.empty()) return false;
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    std::size_t at = 0;
    for (auto p : w.placeholders) {
      const auto b = t_.placeholders[p].begin - w.begin;
      if (b < at || raw.substr(at, b - at).find_first_of(":$`\\") != std::string_view::npos) return false;
      at = t_.placeholders[p].end - w.begin;
    }
    return at <= raw.size() && raw.substr(at).find_first_of(":$`\\") == std::string_view::npos;
  }
  // The same where the word's expansions are variables each given only
  // texts of placeholders and letters with no ':' (SRC="/data/${...}";
  // rsync -a "$SRC/" dest): only a value's own ':' makes it remote.
  bool remote_only_through_variables(const ShellWord& w) const {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    if (!w.placeholders.empty() || raw.find_first_of(":`\\") != std::string_view::npos) return false;
    const auto xs = expansions(raw);
    if (xs.empty() || static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '$')) != xs.size()) return false;
    for (const auto& x : xs) {
      const auto span = raw.substr(x.begin, x.end - x.begin);
      if (x.name.empty() || (span != "$" + x.name && span != "${" + x.name + "}") || !set_only_by_assignments(x.name))
        return false;
      const auto texts = assigned_texts_.find(x.name);
      if (texts == assigned_texts_.end() || texts->second.empty()) return false;
      for (const auto& text : texts->second) {
        // (Each placeholder's own text, ${CLEARML_...:default}, aside.)
        std::string rest;
        std::size_t from = 0;
        for (const auto& e : expansions(text))
          if (text.compare(e.begin, 10, "${CLEARML_") == 0) {
            rest.append(text, from, e.begin - from);
            from = e.end;
          }
        rest.append(text, from);
        if (rest.find_first_of(":$`\\") != std::string::npos) return false;
      }
    }
    return true;
  }
  // A word the program splits again or passes to a remote shell.
  void resplit(const ShellWord& w, const std::string& by) {
    for (auto k : w.placeholders) t_.placeholders[k].context.resplit = true;
    // (A file's key, "file:out" for out/, names the file, not its text,
    // where the word substitutes no command's output: "host:$(cat F)" is
    // F's text, which is split.)
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const bool substitutes = raw.find("$(") != std::string_view::npos || raw.find('`') != std::string_view::npos ||
                             raw.find("<(") != std::string_view::npos;
    for (const auto& r : w.refs)
      if (substitutes || r.find(':') == std::string::npos) uses_.push_back({r, Use::Resplit, by});
  }
  // A word that names a variable (bash evaluates a subscript in it).
  void name_position(const ShellWord& w, const std::string& by) {
    // A word that is only the value ("${X}", "$V") is one name, checked as
    // it is rendered; inside a longer word (a[${X}]) it may be a subscript.
    if (only_expansion(w)) return fills(w, render::ElementRole::VariableName, by + " (it reads a variable name)");
    for (auto k : w.placeholders) reparse_placeholder(k, by + " (it reads a variable name)");
    for (const auto& r : w.refs) uses_.push_back({r, Use::Arithmetic, by});
  }

  // Whether a word is one expansion and nothing else: "${X}", $V, "${V}".
  bool only_expansion(const ShellWord& w) const {
    std::size_t b = w.begin, e = w.end;
    if (e - b > 2 && text_[b] == '"' && text_[e - 1] == '"') ++b, --e;
    if (w.placeholders.size() == 1 && w.refs.empty())
      return t_.placeholders[w.placeholders[0]].begin == b && t_.placeholders[w.placeholders[0]].end == e;
    const std::string_view raw = std::string_view(text_).substr(b, e - b);
    if (!w.placeholders.empty() || w.refs.size() != 1 || raw.size() < 2 || raw[0] != '$') return false;
    const auto name = raw[1] == '{' && raw.back() == '}' ? raw.substr(2, raw.size() - 3) : raw.substr(1);
    return name == w.refs.front();
  }

  // Whether the option before the word is known to take it as its value
  // (true), or known to take none (false).
  void after_option(const ShellWord& w, bool value) {
    for (auto k : w.placeholders) {
      auto& c = t_.placeholders[k].context;
      if (!c.begins_argument) continue;
      c.option_takes_value = value;
      if (!value) c.after_option = false;
    }
  }

  void ambiguous(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t option,
                 const std::string& runner) {
    // The word after the option is its value or the command; if it was the
    // value, the word after that is the command.
    for (std::size_t k = option + 1; k < std::min(words.size(), option + 3); ++k) {
      for (auto p : words[k]->placeholders)
        t_.placeholders[p].ambiguous_after = fmt::format("{} {}", runner, words[option]->text);
      command_uses(*words[k], runner);
      if (!words[k]->text.empty() && words[k]->text[0] == '-') break;
    }
    // A '--' after the option ends the runner's own words whatever they
    // were: the word after it is the command (hwloc-bind --cpubind L -- CMD).
    for (std::size_t k = option + 1; k + 1 < words.size(); ++k)
      if (words[k]->text == "--"sv) {
        for (auto p : words[k + 1]->placeholders)
          t_.placeholders[p].ambiguous_after = fmt::format("{} {}", runner, words[option]->text);
        command_uses(*words[k + 1], runner);
        return invocation(c, words, k + 1);
      }
    // Whatever the options take, a shell, an interpreter or a runner named
    // later is read as the command it may be (prlimit --nofile 1024 bash -c ...).
    for (std::size_t k = option + 1; k < words.size(); ++k) {
      const auto name = basename_of(words[k]->text);
      if (words[k]->placeholders.empty() &&
          (is_shell(name) || is_interpreter(name) || is_awk_or_sed(name) || find_runner(name) ||
           one_of(name, {"eval", "source", ".", "srun", "ssh", "xargs"}))) {
        invocation(c, words, k);
        return;
      }
    }
  }

  void runner(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, const RunnerSpec& spec) {
    // singularity exec, conda run, docker run: other subcommands run no given command.
    const std::size_t from = runner_operands(words, i, spec);
    if (from == kNone) return;
    if (spec.name == "env"sv) {
      // NAME=value words set the environment of the command that follows.
      auto s = scan_options(words, from, runner_counts(spec));
      for (auto k : s.code_values) {
        reparse_word(*words[k], "env -S");
        nested_code(*words[k]);  // (its words are a command line: make there too)
      }
      if (s.unknown != kNone) return ambiguous(c, words, s.unknown, "env");
      auto k = s.operand;
      while (k != kNone && k < words.size() && is_assignment_word(words[k]->text)) {
        exported_.insert(assigned_name(words[k]->text));
        assignment(*words[k++]);
      }
      if (k != kNone && k < words.size()) invocation(c, words, k);
      return;
    }
    if (spec.name == "coproc"sv) {
      // coproc NAME { ...; }: the body's first command is the one that runs.
      std::size_t k = from;
      if (k + 1 < words.size() && one_of(words[k + 1]->text, {"{", "("})) ++k;
      if (k < words.size() && one_of(words[k]->text, {"{", "("})) ++k;
      if (k < words.size()) invocation(c, words, k);
      return;
    }
    std::vector<bool> lists(words.size(), false);
    for (std::size_t k = 0; k < words.size(); ++k)
      for (auto ph : words[k]->placeholders) lists[k] = lists[k] || is_argument_list(t_.placeholders[ph]);
    auto s = scan_options(words, from, runner_counts(spec), true, &lists);
    for (std::size_t k = from; k < words.size(); ++k)
      if (lists[k] && (s.operand == kNone || k < s.operand)) option_words(*words[k], runner_option_words(spec));
    comma_list_values(words, from, s.operand == kNone ? words.size() : s.operand, spec);
    environment_names(words, from, s.operand == kNone ? words.size() : s.operand, spec);
    for (auto k : s.option_values) after_option(*words[k], true);
    for (auto k : s.code_values) reparse_word(*words[k], std::string(spec.name) + " " + "-c");
    if (s.unknown != kNone) return ambiguous(c, words, s.unknown, std::string(spec.name));
    if (s.operand == kNone) return;
    if (options_of(&spec)->name == "singularity"sv) {
      fills(*words[s.operand], render::ElementRole::ImageOperand, std::string(spec.name) + "'s image");
      // apptainer run IMAGE ARGS: the runscript of an image built from a
      // Docker image joins its arguments in double quotes and evaluates
      // them (eval "set ..."): $(...) in one runs.
      if (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(s.operand),
                      [](const ShellWord* w) { return w->text == "run"sv; }))
        for (std::size_t k = s.operand + 1; k < words.size(); ++k)
          reparse_word(*words[k], std::string(spec.name) + " run (an image's runscript evaluates its arguments)");
    }
    auto k = s.operand;
    for (int n = 0; n < spec.operands_before && k < words.size(); ++n) ++k;
    // setarch ARCH -R PROGRAM: options may follow the operands too.
    while (spec.operands_before > 0 && k < words.size() && words[k]->text.size() > 1 && words[k]->text[0] == '-' &&
           words[k]->text != "--"sv && words[k]->placeholders.empty()) {
      const auto& o = *options_of(&spec);
      if (listed(o.flags, words[k]->text)) ++k;
      else if (listed(o.with_arg, words[k]->text)) k += 2;
      else if (listed(o.code_options, words[k]->text)) break;  // flock FILE -c CMD, read below
      else return ambiguous(c, words, k, std::string(spec.name));
    }
    if (k < words.size() && words[k]->text == "--"sv && spec.operands_before > 0) ++k;  // kubectl exec POD -- CMD
    if (k >= words.size()) return;
    if (spec.name == "flock"sv && (words[k]->text == "-c"sv || words[k]->text == "--command"sv)) {
      if (k + 1 < words.size()) {
        reparse_word(*words[k + 1], "flock -c");
        nested_code(*words[k + 1]);  // (a shell runs it: make there too)
      }
      return;
    }
    invocation(c, words, k);
  }

  // Whether words[k] belongs to the program a container runs (docker run
  // IMG python3 t.py --config F): a run, exec, create or start of docker,
  // podman or nerdctl at words[i] stands before it.
  static bool in_container(const std::vector<const ShellWord*>& words, std::size_t i, std::size_t k, std::string_view name) {
    return one_of(name, {"docker", "podman", "nerdctl"}) &&
           std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(k),
                       [](const ShellWord* w) { return one_of(w->text, {"run", "exec", "create", "start"}); });
  }
  // Manifests whose commands run where a program sends them: the YAML,
  // JSON or HCL operands of ansible-playbook, argo submit, sky launch,
  // tmuxp load, nomad job run, podman kube play, kubectl and helm (a Job's
  // command: ["bash", "-c", "..."]), and aws --cli-input-json file://F.
  void manifest_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const std::string by = name + " (a manifest whose commands run)";
    if (name == "aws"sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(words[k]->text, {"--cli-input-json", "--cli-input-yaml"}) && words[k + 1]->text.rfind("file://", 0) == 0)
          read_list_file(std::string_view(words[k + 1]->text).substr(7), by, true);
      // Every parameter of an aws command reads file://PATH and fileb://PATH
      // as that local file's text, which it sends (attack 132: sns publish
      // --message file:///home/glue/.netrc): a value may not start one.
      const std::string param = "aws (a parameter: file:// would send a local file)";
      const auto parameter = [&](const ShellWord& w) {
        fills(w, render::ElementRole::CloudCliArgument, param);
        // --value "file://${DIR}/${X}": the template's file:// makes the rest a
        // file aws sends (attack 133).
        const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
        const auto start = raw.find('=') != std::string_view::npos && raw.starts_with("--") ? raw.find('=') + 1 : 0;
        auto value = raw.substr(start);
        if (value.starts_with("\"") || value.starts_with("'")) value.remove_prefix(1);
        // (Only a parameter that starts with a value is fetched: not
        // --tags Key=k,Value=${URL} or --message "see ${URL}"; hunt 51.)
        if (value.starts_with("$") || value.starts_with("`"))
          fills(w, render::ElementRole::AwsUrlParameter, "aws (aws-cli v1 fetches a parameter that is a URL)");
        if (value.starts_with("file://") || value.starts_with("fileb://"))
          fills(w, render::ElementRole::CodePath, "aws (a local file a parameter sends)");
      };
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& t = words[k]->text;
        if (!t.starts_with("-")) continue;
        // --profile: the credentials it signs with, the account it acts as.
        if (t == "--profile"sv && k + 1 < words.size()) fills(*words[k + 1], render::ElementRole::Account, "aws --profile");
        else if (t.starts_with("--profile=")) fills(*words[k], render::ElementRole::Account, "aws --profile");
        if (t.find('=') != std::string::npos) parameter(*words[k]);
        else if (k + 1 < words.size()) parameter(*words[k + 1]);
      }
    }
    if (!one_of(name, {"ansible-playbook", "ansible-pull", "argo", "sky", "tmuxp", "tmuxinator", "nomad", "skaffold",
                       "kubectl", "oc", "helm", "podman", "docker", "kind", "k3d", "minikube", "maestro", "merlin", "ray",
                       "jube", "lpad", "singularity-compose", "dstack", "mprocs", "circusd", "pm2", "serve", "hq", "flux",
                       "supervisord", "honcho", "foreman", "overmind", "docker-compose", "podman-compose", "nnictl", "det",
                       "polyaxon", "smug", "act", "ploomber", "guild"}))
      return;
    // docker and podman: only what they deploy (docker stack deploy,
    // compose, buildx bake, podman kube play), not a container's arguments.
    std::size_t from = i + 1;
    if (one_of(name, {"docker", "podman"})) {
      while (from < words.size() && !one_of(words[from]->text, {"stack", "compose", "bake", "kube", "play"})) ++from;
      if (from < words.size() && in_container(words, i, from, name)) return;
    }
    // kubectl exec POD -- CMD, kubectl cp: files a container or a copy gets.
    if (one_of(name, {"kubectl", "oc"}) &&
        std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
          return one_of(w->text, {"exec", "cp", "run", "debug", "attach", "--"});
        }))
      return;
    for (std::size_t k = from; k < words.size(); ++k) {
      std::string_view file = words[k]->text;
      if (file.rfind("--", 0) == 0 && file.find('=') != std::string_view::npos) file.remove_prefix(file.find('=') + 1);
      const auto base = basename_of(file);
      const auto dot = base.rfind('.');
      if (dot == std::string_view::npos) continue;
      if (one_of(base.substr(dot), {".yaml", ".yml", ".json", ".hcl", ".nomad", ".j2", ".toml", ".ini", ".conf", ".xml"}))
        read_list_file(file, by, true);
    }
  }

  // Programs that put what configuration files hold into shell commands
  // they run: snakemake (a Snakefile's configfile: config/config.yaml,
  // {config[run_name]} in a rule's shell), dvc repro and exp run
  // (params.yaml's values in a stage's cmd): every JSON, YAML or TOML file
  // the template wrote is code then. And task farms that run each line of
  // the file they are given (disBatch, staskfarm).
  void configuration_into_commands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto sub = [&](std::size_t k) { return k < words.size() ? std::string_view(words[k]->text) : std::string_view(); };
    const bool dvc = name == "dvc"sv && (sub(i + 1) == "repro"sv || (sub(i + 1) == "exp"sv && sub(i + 2) == "run"sv));
    if (name == "snakemake"sv || dvc) {
      const std::string by = name + " (it puts the values of the configuration it reads into shell commands)";
      for (const auto& key : *written_)
        if (key.rfind("file:", 0) == 0 && data_format(std::string_view(key).substr(5)) != DataFormat::Other)
          uses_.push_back({key, Use::Code, by});
    }
    if (one_of(name, {"disBatch", "disbatch", "staskfarm", "taskfarm", "mpi-tasks", "pylauncher", "launcher"}) ||
        (name == "hq"sv && std::any_of(words.begin(), words.end(), [](const ShellWord* w) { return w->text.rfind("--each-line", 0) == 0; })))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        std::string_view file = words[k]->text;
        if (file.rfind("--each-line=", 0) == 0) file.remove_prefix(12);  // hq submit --each-line=F
        if (!file.empty() && file[0] != '-') read_list_file(file, name + " (it runs each line of the file)", true);
      }
  }

  // Where a program fetches code it builds or runs: a package index or
  // channel (pip -i, --extra-index-url, --find-links; conda -c), a project
  // or template whose commands or hooks run (mlflow run URI, ansible-pull
  // -U, copier, cookiecutter), a sweep whose command its creator chose
  // (wandb agent ID): a task's value there would choose the code (the
  // glue's configuration may: agent.package_manager.extra_index_url).
  void code_sources(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const std::string by = name + " (it fetches code from there and builds or runs it)";
    const auto source = [&](const ShellWord& w) {
      for (auto k : w.placeholders)
        if (t_.placeholders[k].name != "CONFIG"sv) reparse_placeholder(k, by);
      for (const auto& r : w.refs) uses_.push_back({r, Use::Code, by});
    };
    static constexpr ProgramOptions kSources[] = {
        {"pip pip3 uv", "-i --index-url --extra-index-url -f --find-links"},
        {"conda mamba micromamba", "-c --channel"},
        {"ansible-pull", "-U --url"},
    };
    option_values(words, i, name, kSources, [&](std::size_t k, std::string_view) { source(*words[k]); });
    // conda config --add channels URL; mlflow run URI; wandb agent ID;
    // copier copy SRC DST; cookiecutter TEMPLATE: the operand.
    const auto sub = [&](std::size_t k) { return k < words.size() ? std::string_view(words[k]->text) : std::string_view(); };
    for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
      if (one_of(name, {"conda", "mamba", "micromamba"}) && one_of(sub(k), {"--add", "--append", "--prepend"}) &&
          sub(k + 1) == "channels"sv && k + 2 < words.size())
        source(*words[k + 2]);
    // (valued: their options that take a value, which may stand before
    // the operand; bare: the operand may follow the program itself.)
    static constexpr struct {
      std::string_view program, subcommands, valued;
      bool bare;
    } kFetchers[] = {
        {"mlflow", "run",
         "-e --entry-point -v --version -P --param-list -A --docker-args -b --backend -c --backend-config "
         "--experiment-name --experiment-id --run-name --env-manager --storage-dir --run-id",
         false},
        {"wandb", "agent", "-p --project -e --entity --count", false},
        {"copier", "copy recopy update", "-a --answers-file -d --data -r --vcs-ref -x --exclude -s --skip", true},
        {"cookiecutter", "", "-o --output-dir --config-file --directory --checkout --replay-file", true},
    };
    for (const auto& f : kFetchers) {
      if (f.program != name) continue;
      const bool subcommand = !f.subcommands.empty() && listed(f.subcommands, sub(i + 1));
      if (!subcommand && !f.bare) return;
      for (std::size_t k = subcommand ? i + 2 : i + 1; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
          if (w.find('=') == std::string_view::npos && listed(f.valued, w)) ++k;
          continue;
        }
        source(*words[k]);
        break;
      }
    }
  }

  // A file of command lines the template writes (echo "python3 e.py --run
  // $N" >> jobs.txt), given to a program the compiler does not know (a
  // task farm: ParaFly -c jobs.txt, xjobs < jobs.txt): it may run each line.
  void command_line_files(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const std::string by = name + " (a program the compiler does not know, given a file of command lines: it may run them)";
    const auto given = [&](std::string_view file) {
      // (A JSON, YAML or TOML file's command keys have their own rule.)
      if (file.empty() || data_format(file) != DataFormat::Other) return;
      if (const auto key = file_key_of(file); written_->count(key) && writes_command_lines(key)) read_list_file(file, by, true);
    };
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const std::string_view w = words[k]->text;
      given(w.starts_with('-') && w.find('=') != std::string_view::npos ? w.substr(w.find('=') + 1) : w);
    }
    if (c >= t_.commands.size()) return;
    for (const auto& w : t_.commands[c].words)
      if (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos) given(w.text);
    // cat jobs.txt | xjobs: the file is its input too.
    for (const auto d : upstream_of(c)) {
      const auto* cat = program_word(t_.commands[d]);
      if (!cat || !one_of(basename_of(cat->text), {"cat", "tac", "shuf", "sort"})) continue;
      for (const auto& w : t_.commands[d].words)
        if (&w != cat && (w.role == ShellWord::Role::Word || (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos)))
          given(w.text);
    }
  }
  // Whether what the template writes into `key` holds a command line (see
  // is_command_line): what here-documents, here-strings, echo and printf
  // (through variables only given text) write, also inside a loop or group
  // whose output goes there and in pipeline stages before tee.
  // (The writers are all known before any command is read, files():
  // each file's answer is found once, however many commands read it.)
  bool writes_command_lines(const std::string& key) {
    const auto writers = file_writers_.find(key);
    if (writers == file_writers_.end()) return false;
    if (const auto known = command_lines_.find(key); known != command_lines_.end()) return known->second;
    std::string text;
    std::set<std::size_t> seen;
    const std::function<void(std::size_t)> add = [&](std::size_t c) {
      if (c >= t_.commands.size() || !seen.insert(c).second) return;
      const auto& cmd = t_.commands[c];
      for (const auto h : cmd.heredocs)
        text += text_.substr(t_.heredocs[h].body_begin, t_.heredocs[h].body_end - t_.heredocs[h].body_begin) + "\n";
      for (const auto& w : cmd.words)
        if (w.role == ShellWord::Role::HereString) text += w.text + "\n";
      const auto* program = program_word(cmd);
      if (program && one_of(basename_of(program->text), {"echo", "printf"})) {
        for (const auto& w : cmd.words) {
          if (&w == program || w.role != ShellWord::Role::Word) continue;
          const auto var = single_variable(w.text);
          const auto texts = var.empty() ? assigned_texts_.end() : assigned_texts_.find(var);
          if (texts != assigned_texts_.end())
            for (const auto& t : texts->second) text += t + "\n";
          text += w.text + " ";
        }
        text += "\n";
      }
      if (cmd.kind == ShellCommand::Kind::Group)
        for (const auto m : members_of(c)) add(m);
      for (const auto d : upstream_of(c)) add(d);
    };
    for (const auto c : writers->second) add(c);
    bool found = false;
    for (std::size_t begin = 0; begin < text.size() && !found;) {
      const auto end = std::min(text.find('\n', begin), text.size());
      found = is_command_line(std::string_view(text).substr(begin, end - begin));
      begin = end + 1;
    }
    return command_lines_[key] = found;
  }
  // The words of a line of text split at any of `separators` (a rough
  // reading, for lines the template writes and #! lines).
  static std::vector<std::string_view> line_words(std::string_view line, std::string_view separators) {
    std::vector<std::string_view> words;
    for (std::size_t k = 0; k < line.size();) {
      k = line.find_first_not_of(separators, k);
      if (k == std::string_view::npos) break;
      const auto e = std::min(line.find_first_of(separators, k), line.size());
      words.push_back(line.substr(k, e - k));
      k = e;
    }
    return words;
  }
  // A line of a task farm's file that is a command: one that joins commands
  // (&&, ||, ';', '|'), names a shell, an interpreter, a launcher or a
  // script anywhere, or starts (after NAME=VALUE words and MPMD counts such
  // as -n 4) with a program the compiler knows or a program name followed
  // by an option (eval_model --run x).
  static bool is_command_line(std::string_view line) {
    if (one_of_found(line, {"&&", "||", ";", "|"})) return true;
    const auto words = line_words(line, " \t\"'");
    std::size_t first = 0;
    while (first < words.size() && (words[first].starts_with('-') || words[first].find('=') != std::string_view::npos ||
                                     words[first].find_first_not_of("0123456789") == std::string_view::npos))
      ++first;
    for (std::size_t k = first; k < words.size(); ++k) {
      const auto base = basename_of(words[k]);
      // (eval, exec, sbatch and salloc only first: "resnet eval 0.93" is a result.)
      if (is_shell(base) || is_interpreter(base) || find_runner(base) ||
          one_of(base, {"srun", "torchrun", "deepspeed", "accelerate"}) ||
          (k == first && (programs::runs_a_command(base) || render::is_code_file(base) || is_well_known_program(base))))
        return true;
    }
    return first + 1 < words.size() && words[first + 1].starts_with('-') && !words[first].starts_with('$') &&
           words[first].find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-") ==
               std::string_view::npos;
  }

  // A file a program reads as a list (pip -r, conda --file, mpirun
  // --hostfile): a value written into it is one word of a line, whatever
  // the file's name; srun --multi-prog's lines are commands (code).
  // (`packages`: a list of packages an installer reads, pip -r, conda
  // --file: a line is one package, which may not say where it comes from.)
  void read_list_file(std::string_view name, const std::string& by, bool code, bool packages = false) {
    const auto key = file_key(name);
    std::vector<std::string> keys = in_place_copies(key);
    for (auto& tree : trees_holding(name)) keys.push_back(std::move(tree));
    if (is_pattern_key(key) && !written_->empty()) keys.emplace_back(kEveryFile);
    for (const auto& written : written_pattern_keys())
      if (may_be(written, key)) keys.push_back(written);
    for (const auto& k : keys)
      if (code || tree_dirs_->count(k)) uses_.push_back({k, Use::Code, by});  // (a list a value's tree holds is the value's)
      else uses_.push_back({k, Use::Role, by, render::ElementRole::DataWord});
    if (!code && packages)
      for (const auto& k : keys) {
        uses_.push_back({k, Use::Role, by, render::ElementRole::PackageSpec});
        // (A list a download fills: the URL chooses the packages; attack 221.)
        if (filled_by_downloads(k, false))
          uses_.push_back({k, Use::Code, by + " (a list a download fills: where it comes from chooses the packages)"});
      }
  }

  // aws s3 cp, gsutil cp, rclone copy, wandb save, hf upload, clearml-data
  // add: commands that send files' bytes to storage as they are, parsing
  // none (hunt 49: a log uploaded is text).
  static bool uploads_files(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> kUploads[] = {
        {"aws", "s3 cp|s3 mv|s3 sync"},       {"gsutil", "cp|mv|rsync"},
        {"gcloud", "storage cp|storage mv|storage rsync"}, {"rclone", "copy|copyto|sync|move|moveto"},
        {"azcopy", "copy|cp|sync"},           {"s3cmd", "put|sync"},
        {"wandb", "save"},                    {"huggingface-cli", "upload"},
        {"hf", "upload"},                     {"clearml-data", "add"}};
    // The subcommand: the first words after the program that are no options.
    std::string sub;
    for (std::size_t k = i + 1, n = 0; k < words.size() && n < 2; ++k) {
      if (words[k]->text.starts_with("-")) continue;
      sub += (n++ ? " " : "") + words[k]->text;
    }
    for (const auto& [program, subcommands] : kUploads) {
      if (name != program) continue;
      for (std::size_t b = 0; b <= subcommands.size();) {
        const auto e = std::min(subcommands.find('|', b), subcommands.size());
        const auto s = subcommands.substr(b, e - b);
        if (sub == s || sub.starts_with(std::string(s) + " ")) return true;
        b = e + 1;
      }
    }
    return false;
  }
  // jq -R (--raw-input) reads each line, or with -s the whole input, as
  // one string: its input files are text, whose structure no value changes
  // (fr hunt 69), unless the filter parses them again (fromjson).
  static bool jq_reads_raw_text(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view name) {
    if (!one_of(name, {"jq", "gojq", "jaq"})) return false;
    bool raw = false;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const std::string_view t = words[k]->text;
      if (t == "--raw-input"sv || (t.size() > 1 && t[0] == '-' && t[1] != '-' && t.find('R') != std::string_view::npos &&
                                   t.find_first_not_of("nacCMSseRhrj", 1) == std::string_view::npos))
        raw = true;
      if (t.find("fromjson") != std::string_view::npos || t.find("$__loc__") != std::string_view::npos) return false;
      if (one_of(t, {"-f", "--from-file"}) || t.starts_with("--from-file=")) return false;  // (a filter not read here)
    }
    return raw;
  }
  // A file the template wrote, or a process substitution, that a program
  // reads while the template does not say its format (python3 train.py
  // --config run_config, --config <(printf 'lr: %s' ...)): the program may
  // parse it as YAML or JSON (a YAML tag builds an object, a ': ' adds a
  // key), so a value there stays one scalar, as in a data file known by name.
  void structured_reads(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    if (programs::moves_bytes_only(name) || is_shell(name) || is_bash_builtin(name)) return;
    if (jq_reads_raw_text(words, i, name)) return;
    // (An upload's options may still name a file it parses: gcloud
    // --flags-file, rclone --config, s3cmd -c.)
    const bool uploads = uploads_files(words, i, name);
    const std::string by = name + " reading a file of a format the template does not say (YAML or JSON, maybe)";
    const auto named = output_names_.find(current_);
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& w = *words[k];
      if (w.role != ShellWord::Role::Word) continue;
      if (uploads && !w.text.starts_with("-") && !words[k - 1]->text.starts_with("-")) continue;
      // (curl -o shard.tar URL: the file it writes, not one it reads.)
      if (named != output_names_.end() && named->second.count(&w)) continue;
      if (std::string_view(text_).substr(w.begin, w.end - w.begin).find("<(") != std::string_view::npos) {
        fills(w, render::ElementRole::DataField, by);
        continue;
      }
      std::string_view file = w.text;
      if (file.starts_with("-") && file.find('=') != std::string_view::npos) file.remove_prefix(file.find('=') + 1);
      if (file.empty() || data_file_role(file) != render::ElementRole::None || render::is_code_file(file)) continue;
      const auto key = file_key(file);
      if (is_pattern_key(key)) continue;
      for (const auto& written : in_place_copies(key))
        if (!filled_by_downloads(written)) uses_.push_back({written, Use::Role, by, render::ElementRole::DataField});
    }
  }
  // Whether every write of file `key` (`every` false: any) is a download
  // (curl -o F URL) or tar extracting an archive so filled. Filled only so,
  // it holds what the server sent, never the URL's text, so no data rule
  // holds the URL (fr90/01: a presigned URL's '&'); filled so once, the URL
  // chose its bytes (a package list: attack 221), and code it names is
  // still code.
  bool filled_by_downloads(const std::string& key, bool every = true, int depth = 0) const {
    const auto writers = file_writers_.find(key);
    if (writers == file_writers_.end() || writers->second.empty() || depth > 3) return false;
    const auto downloads = [&](std::size_t c) {
      if (downloads_.count({key, c})) return true;
      const auto archives = c < t_.commands.size() ? extracted_archive_words(c) : std::vector<const ShellWord*>{};
      return archives.size() == 1 && filled_by_downloads(file_key_of(archives.front()->text), every, depth + 1);
    };
    return every ? std::all_of(writers->second.begin(), writers->second.end(), downloads)
                 : std::any_of(writers->second.begin(), writers->second.end(), downloads);
  }


  // Packages a value names to an installer beyond pip (attack 220): uv add,
  // uv run --with, uv tool install and run, pixi, poetry, pdm, rye and
  // hatch add, conda, mamba and micromamba install, create and update: a
  // spec may say where the package comes from (NAME @ URL, git+https://,
  // CHANNEL::NAME), whose code then builds and runs. uv pip sync and
  // compile read requirements files as operands; the tool uv tool run and
  // pixi exec run is a command.
  void installer_packages(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto at = [&](std::size_t k) { return k < words.size() ? std::string_view(words[k]->text) : std::string_view(); };
    const std::string by = name + " (a package it installs, builds and runs)";
    if (name == "uv"sv && at(i + 1) == "pip"sv && one_of(at(i + 2), {"sync", "compile"})) {
      for (std::size_t k = i + 3; k < words.size(); ++k)
        if (!at(k).starts_with("-"))
          read_list_file(at(k), name + " pip " + std::string(at(i + 2)) + " (a requirements file)", false, true);
      return;
    }
    // uv build DIR, hatch build, conda build RECIPE, and the project any of
    // them works in (--project, --directory, -C, --manifest-path): its
    // build backend, setup.py or recipe runs (attack 226).
    if (one_of(name, {"uv", "conda", "mamba", "micromamba", "poetry", "pipenv", "pixi", "hatch", "pdm", "rye"})) {
      const std::string project = name + " (the project or recipe it builds or installs: its build code runs)";
      const bool builds = one_of(at(i + 1), {"build", "mambabuild"});
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto w = at(k);
        if (one_of(w, {"--project", "--directory", "-C", "--manifest-path", "--recipe"}) && k + 1 < words.size())
          names_code(*words[++k], project);
        else if (w.starts_with("--project=") || w.starts_with("--directory=") || w.starts_with("--manifest-path="))
          names_code(*words[k], project);
        else if (builds && k > i + 1 && !w.starts_with("-"))
          names_code(*words[k], project);
      }
    }
    std::size_t first = kNone;
    bool specs = true;  // the operands are packages (else the first is a command)
    if (name == "uv"sv && at(i + 1) == "add"sv) first = i + 2;
    else if (name == "uv"sv && at(i + 1) == "tool"sv && one_of(at(i + 2), {"install", "upgrade"})) first = i + 3;
    else if (name == "uv"sv && at(i + 1) == "tool"sv && at(i + 2) == "run"sv) first = i + 3, specs = false;
    else if (name == "uv"sv && at(i + 1) == "run"sv) first = i + 2, specs = false;
    else if (name == "pixi"sv && at(i + 1) == "exec"sv) first = i + 2, specs = false;
    else if (one_of(name, {"pixi", "poetry", "pdm", "rye", "hatch"}) && at(i + 1) == "add"sv) first = i + 2;
    else if (one_of(name, {"conda", "mamba", "micromamba"}) && one_of(at(i + 1), {"install", "create", "update", "upgrade"}))
      first = i + 2;
    if (first == kNone) return;
    for (std::size_t k = first; k < words.size(); ++k) {
      const auto w = at(k);
      // --with SPEC, --from SPEC, pixi exec -s SPEC: packages for the run.
      if (one_of(w, {"--with", "-w", "--with-editable", "--from", "-s", "--spec"}) && k + 1 < words.size()) {
        fills(*words[++k], render::ElementRole::PackageSpec, by);
        continue;
      }
      if (w.starts_with("--with=") || w.starts_with("--from=") || w.starts_with("--spec=")) {
        fills(*words[k], render::ElementRole::PackageSpec, by);
        continue;
      }
      if (w.starts_with("-")) {
        // (Options whose values are paths or names with rules of their own.)
        if (one_of(w, {"-p", "--prefix", "--directory", "--project", "--manifest-path", "--env-file", "-f", "--file",
                       "--python", "-n", "--name"}))
          ++k;
        continue;
      }
      if (!specs) {
        // uv run CMD is read as the runner it is; uv tool run TOOL, pixi exec TOOL: a package's program.
        if (name != "uv"sv || at(i + 1) != "run"sv) chooses_program(*words[k], name + " (the tool it runs)");
        break;
      }
      fills(*words[k], render::ElementRole::PackageSpec, by);
    }
  }

  // Options and operands naming the account or group a program runs as
  // (sudo -u root, su other -c, chroot --userspec=0:0, setpriv --reuid): a
  // value there would choose whose privileges the job's commands get.
  // Read up to the program a runner runs (sudo python -u x.py: python's -u).
  void account_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    static constexpr ProgramOptions kAccounts[] = {
        {"sudo", "-u --user -g --group -U --other-user"},
        {"doas", "-u"},
        {"runuser su", "-u --user -g --group -G --supp-group"},
        {"chroot", "--userspec --groups"},
        {"setpriv", "--reuid --regid --ruid --euid --rgid --egid --groups"},
        {"chpst", "-u -U"},
        {"unshare", "--map-user --map-group"},
        {"nsenter", "-S --setuid -G --setgid"},
        {"pkexec", "--user"},
        {"srun salloc sbatch", "--uid --gid"},
        {"systemd-run", "--uid --gid"},
        {"start-stop-daemon", "-c --chuid -u --user -g --group"},
        {"capsh", "--user --uid --gid --groups"},
        {"s6-applyuidgid", "-u -g -G"},
        // Before the image (the words after it are the container's command's):
        // the user, and the host's namespaces, capabilities and devices.
        // (--volumes-from: another container's volumes, the agent's too;
        // --device-cgroup-rule: the host's devices, its disks.)
        {"docker podman", "-u --user --pid --userns --uts --ipc --cgroupns --network --net --cap-add --security-opt "
                          "--device --group-add --volumes-from --device-cgroup-rule --cgroup-parent --runtime"},
        {"singularity apptainer", "--security --add-caps"},  // uid:0,gid:0
        {"machinectl", "--uid"},
        {"ssh", "-l"},
    };
    if (!listed("sudo doas runuser su chroot setpriv chpst unshare nsenter pkexec sg newgrp setuidgid gosu su-exec "
                "s6-setuidgid srun salloc sbatch systemd-run start-stop-daemon capsh s6-applyuidgid docker podman "
                "singularity apptainer machinectl ssh",
                name))
      return;
    // (runuser USER -c CMD, without -u, runs no program of its own words.)
    const bool runs_program = !listed("su runuser", name) || std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
      return w->text == "-u"sv || w->text.rfind("--user", 0) == 0;
    });
    const std::size_t end = runs_program ? program_run_by(words, i) : words.size();
    const std::vector<const ShellWord*> own(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(end));
    const std::string by = name + " (the account it runs as)";
    option_values(own, i, name, kAccounts, [&](std::size_t k, std::string_view) {
      if (k < own.size()) fills(*own[k], render::ElementRole::Account, by);
    });
    // systemd-run -p User=NAME, --property=Group=NAME.
    if (name == "systemd-run"sv)
      option_values(own, i, name, {ProgramOptions{"", "-p --property"}}, [&](std::size_t k, std::string_view joined) {
        const std::string_view property = joined.empty() ? std::string_view(own[k]->text) : joined;
        for (std::string_view key : {"User=", "Group=", "SupplementaryGroups=", "DynamicUser="})
          if (property.rfind(key, 0) == 0) fills(*own[k], render::ElementRole::Account, by);
      });
    // machinectl shell USER@MACHINE.
    if (name == "machinectl"sv)
      for (std::size_t k = i + 1; k + 1 < own.size(); ++k)
        if (one_of(own[k]->text, {"shell", "login"})) {
          for (std::size_t m = k + 1; m < own.size(); ++m)
            if (own[m]->text.rfind('-', 0) != 0 || !own[m]->placeholders.empty()) {
              fills(*own[m], render::ElementRole::Account, by);
              break;
            }
          break;
        }
    // su USER, runuser USER, sg GROUP, newgrp GROUP, setuidgid USER, gosu
    // USER, su-exec USER: the first operand (after the options that take a value).
    if (!listed("su runuser sg newgrp setuidgid gosu su-exec s6-setuidgid", name)) return;
    for (std::size_t k = i + 1; k < own.size(); ++k) {
      const auto& w = own[k]->text;
      if (w == "--"sv) {
        if (k + 1 < own.size()) fills(*own[k + 1], render::ElementRole::Account, by);
        return;
      }
      if (w.empty() || w[0] != '-' || w == "-"sv) {
        if (w != "-"sv) {
          fills(*own[k], render::ElementRole::Account, by);
          return;
        }
        continue;
      }
      if (one_of(w, {"-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group", "-u", "--user",
                     "-w", "--whitelist-environment", "--session-command", "-C", "--command"}))
        ++k;
    }
  }

  // python3 -m${V}, ruby -r${V}, lua -l ${V}, node --require=${V}: among an
  // interpreter's own options, a value naming the module or library it
  // loads, or where it looks for them, chooses the code that runs, as
  // python -m ${V} does (attack 170).
  void code_loading_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto options = programs::code_loading_options(name);
    if (options.empty()) return;
    const auto own_end = std::min(own_options_end(words, i, name) + 1, words.size());  // (and a last option's value)
    const std::vector<const ShellWord*> own(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(own_end));
    each_option_value(own, i, options, [&](std::size_t k, std::string_view, std::string_view option) {
      chooses_program(*own[k], name + " " + std::string(option) + " (the code it loads)");
    });
  }
  // The application a Python server or task queue imports and calls
  // (gunicorn MODULE:app, gunicorn 'MODULE:make_app("x")', celery -A
  // MODULE): a value there chooses, or is, the code that runs, as with
  // python -m. An operand is every word that is no option and no value of
  // an option known to take one (an unknown option is taken for a flag, so
  // that the application after it is still found).
  void application_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto application = [&](const ShellWord& w) { chooses_program(w, name + " (the application it imports)"); };
    static constexpr std::string_view kValueOptions =
        "-b --bind -w --workers -k --worker-class --threads --worker-connections --max-requests --max-requests-jitter "
        "-t --timeout --graceful-timeout --keep-alive --limit-request-line --limit-request-fields "
        "--limit-request-field_size -c --config --chdir --pid -p -u --user -g --group -m --umask --log-level "
        "--access-logfile --error-logfile --log-file --access-logformat --log-config --log-syslog-to -n --name "
        "--forwarded-allow-ips -e --env --host --port --uds --fd --loop --http --ws --lifespan --env-file --root-path "
        "--limit-concurrency --limit-max-requests --backlog --timeout-keep-alive --ssl-keyfile --ssl-certfile "
        "--ssl-ca-certs --app-dir --header --reload-dir --reload-include --reload-exclude --reload-delay "
        "--interface --certfile --keyfile --ca-certs --statsd-host --statsd-prefix --worker-tmp-dir --listen "
        "--processes --queues -Q --insecure-bind --quic-bind --server-name --application-close-timeout "
        "--websocket-timeout --ping-interval --ping-timeout";
    if (one_of(name, {"gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve", "dramatiq", "granian"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && w[0] == '-') continue;
        const auto& before = words[k - 1]->text;
        if (k > i + 1 && !before.empty() && before[0] == '-' && listed(kValueOptions, before)) continue;
        application(*words[k]);
      }
    if (one_of(name, {"celery", "flask", "faust"}))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if ((w == "-A"sv || w == "--app"sv) && k + 1 < words.size()) application(*words[k + 1]);
        else if (w.rfind("--app=", 0) == 0 || (w.size() > 2 && w.rfind("-A", 0) == 0)) application(*words[k]);
      }
    // Options naming a module (or a dotted class in one) that the program
    // imports: dask's preloads (a module, a file or a URL, attack 137),
    // rq's settings and classes, luigi's and dagster's modules.
    static constexpr std::pair<std::string_view, std::string_view> kModuleOptions[] = {
        {"dask dask-worker dask-scheduler", "--preload --preload-nanny"},
        {"rq", "-c --config -w --worker-class -j --job-class -q --queue-class --exception-handler -S --serializer"},
        {"luigi", "--module"},
        {"dagster dagster-daemon dagster-webserver dagit", "-m --module-name --package-name -a --attribute"},
    };
    for (const auto& [programs, options] : kModuleOptions)
      if (listed(programs, name))
        each_option_value(words, i, options, [&](std::size_t k, std::string_view, std::string_view) { application(*words[k]); });
    // IPython's and Jupyter's --Class.trait=VALUE (a Type trait imports
    // the class a dotted value names) and nbconvert --to a.b (an exporter
    // class; attack 145).
    if (name == "ipython"sv || name == "ipython3"sv || name.rfind("jupyter", 0) == 0)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string_view w = words[k]->text;
        const auto eq = w.find('=');
        const bool trait = w.rfind("--", 0) == 0 && w.substr(0, eq).find('.') != std::string_view::npos;
        if (trait && eq != std::string_view::npos) application(*words[k]);
        else if ((trait || w == "--to"sv) && k + 1 < words.size()) application(*words[++k]);
        else if (w.rfind("--to=", 0) == 0) application(*words[k]);
      }
    // huey_consumer MODULE.huey, arq MODULE.WorkerSettings: the operand.
    if (one_of(name, {"huey_consumer", "huey_consumer.py", "arq"}))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-') {
          application(*words[k]);
          break;
        }
  }

  // What git runs: its global -c and --config-env set configuration
  // (core.sshCommand, alias.x=!cmd), and each subcommand has options whose
  // value is a command line. An option letter means that only in its
  // subcommand (git rebase -x CMD, but git switch -c BRANCH).
  void git_commands(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i) {
    const auto sub = subcommand_at(words, i, "git");
    const std::vector<const ShellWord*> global(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min(sub, words.size())));
    each_option_value(global, i, "-c --config-env", [&](std::size_t k, std::string_view, std::string_view option) {
      // (-c user.name=VALUE: the author's name, as git config user.name's.)
      const auto& text = global[k]->text;
      if (option == "-c"sv && (text.rfind("user.name=", 0) == 0 || text.rfind("user.email=", 0) == 0)) return;
      reparse_word(*global[k], "git " + std::string(option) + " (configuration that may name a command)");
    });
    if (sub >= words.size()) return;
    const auto& subcommand = words[sub]->text;
    const std::string by = "git " + subcommand;
    static constexpr std::pair<std::string_view, std::string_view> kCommandOptions[] = {
        {"clone", "-u --upload-pack --config -c"},  // clone -c sets the new repository's configuration
        {"fetch pull ls-remote archive", "--upload-pack --exec"},
        {"push", "--receive-pack --exec"},
        {"rebase", "-x --exec"},
        {"difftool", "-x --extcmd"},
        {"grep", "-O --open-files-in-pager"},
        {"send-email", "--to-cmd --cc-cmd --sendmail-cmd --smtp-server"},
        {"filter-branch", "--env-filter --tree-filter --index-filter --parent-filter --msg-filter --commit-filter "
                          "--tag-name-filter"},
        {"instaweb", "-d --httpd -b --browser"},
    };
    for (const auto& [subcommands, options] : kCommandOptions)
      if (listed(subcommands, subcommand))
        each_option_value(words, sub, options, [&](std::size_t k, std::string_view, std::string_view option) {
          reparse_word(*words[k], by + " " + std::string(option) + " (a command it runs)");
        });
    // git config NAME VALUE: any key may name a command (core.pager,
    // alias.x=!cmd, a filter's clean command) but the author's name and
    // address, written literally, which are data.
    if (subcommand == "config"sv) {
      std::size_t key = sub + 1;
      while (key < words.size() && one_of(words[key]->text, {"--global", "--system", "--local", "--worktree", "--add", "--replace-all"}))
        ++key;
      const bool data_key = key < words.size() && one_of(words[key]->text, {"user.name", "user.email"});
      for (std::size_t k = sub + 1; k < words.size(); ++k)
        if (!data_key || k <= key) reparse_word(*words[k], by);
    }
    // git bisect run CMD ARGS: a command; git submodule foreach CMD: a shell
    // command line.
    if (subcommand == "bisect"sv && sub + 2 < words.size() && words[sub + 1]->text == "run"sv) invocation(c, words, sub + 2);
    if (subcommand == "submodule"sv)
      for (std::size_t k = sub + 1; k < words.size(); ++k)
        if (words[k]->text == "foreach"sv) {
          for (std::size_t j = k + 1; j < words.size(); ++j)
            if (words[j]->text != "--recursive"sv || !words[j]->placeholders.empty()) reparse_word(*words[j], "git submodule foreach");
          break;
        }
  }

  // Whether `w` is one of `options` as argparse reads it: whole, or cut
  // short to a prefix that still names it (--no-py for --no-python).
  static bool argparse_option(std::string_view w, std::initializer_list<std::string_view> options) {
    w = w.substr(0, w.find('='));
    return w.size() > 4 && w.rfind("--", 0) == 0 &&
           std::any_of(options.begin(), options.end(), [&](std::string_view o) { return o.rfind(w, 0) == 0; });
  }
  // The program a python module is (python -m MODULE), or "".
  static std::string_view module_program(std::string_view module) {
    if (one_of(module, {"pip", "pip3", "pytest", "ninja", "cmake", "uv", "streamlit", "jupyter", "papermill", "memray",
                        "scalene", "coverage", "accelerate", "nextflow", "snakemake", "mlflow", "panel", "voila",
                        "marimo", "sqlite3", "invoke", "doit", "dvc", "twine", "fabric", "colossalai", "poethepoet"}))
      return module == "fabric"sv ? "fab" : module == "poethepoet"sv ? "poe" : module;
    if (module == "build"sv) return "pyproject-build";
    if (module == "ensurepip"sv) return "pip";  // --root, --prefix: where it installs pip
    if (module == "horovod.runner.launch"sv || module == "horovod.runner"sv) return "horovodrun";
    return module == "IPython"sv ? "ipython" : "";
  }
  // Words that name code the program runs: a shell's or interpreter's
  // script, a launcher's training script, modules and environments that
  // are activated, image overlays and files of variables. A value there
  // must stay inside the template's directory or the program's search
  // path (ElementRole::CodePath).
  // Whether the command at words[i] climbs from the working directory
  // (../x, a/../../x) or clears it (rm -r ./*, rm *, find . -delete): then
  // a directory a value chose to enter may not be the one around it.
  void note_relative_climb_or_clear(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const bool deletes = one_of(name, {"rm", "rmdir", "shred", "unlink"}) ||
                         (name == "find"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                                          [](const ShellWord* w) { return w->text == "-delete"sv; })) ||
                         (name == "rsync"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                                           [](const ShellWord* w) { return w->text.rfind("--delete", 0) == 0; }));
    for (std::size_t k = i; k < words.size(); ++k) {
      const std::string_view w = words[k]->text;
      if (w.empty() || w[0] == '/' || w[0] == '$' || w[0] == '~') continue;
      const bool climbs = w == ".."sv || w.starts_with("../") || w.find("/../") != std::string_view::npos ||
                          w.ends_with("/..") || w.find("=../") != std::string_view::npos;
      const bool clears = deletes && k > i && one_of(w, {"*", "./*", ".", "./", ".*", "./.*"});
      if (climbs || clears) climbs_or_clears_relative_ = true;
    }
  }
  void code_file_operands(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto mark = [&](std::size_t k) {
      if (k < words.size()) names_code(*words[k], name);
    };
    tree_code_files(words, i, name);
    if (name == "chmod"sv || name == "install"sv) return executable_files(words, i, name);
    // run-parts DIR: every executable file of the directory runs.
    if (name == "run-parts"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty()) mark(k);
      uses_.push_back({std::string(kEveryFile), Use::Code, "run-parts (it runs the files of its directory)"});
      return;
    }
    // R CMD BATCH FILE, R CMD INSTALL PKG: R code it runs (R's script
    // would otherwise be taken to be "CMD").
    if (name == "R"sv && i + 2 < words.size() && words[i + 1]->text == "CMD"sv) {
      for (std::size_t k = i + 3; k < words.size(); ++k)
        if (words[k]->text.empty() || words[k]->text[0] != '-' || !words[k]->placeholders.empty()) mark(k);
      return;
    }
    // cd DIR, pushd DIR: the directory the template's relative names (and
    // python's module path) resolve in.
    if (one_of(name, {"cd", "pushd"})) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        for (std::string_view dir : {"/tmp", "/var/tmp", "/dev/shm"})
          if (words[k]->text.rfind(dir, 0) == 0 && (words[k]->text.size() == dir.size() || words[k]->text[dir.size()] == '/'))
            shared_directory_ = std::string(dir);
      std::size_t operand = i + 1;
      while (operand < words.size() && words[operand]->text.rfind('-', 0) == 0 && words[operand]->text != "-"sv) ++operand;
      // cd, cd ~, cd "$H".
      if (operand == words.size() || names_home(words[operand]->text)) home_directory_ = true;
      // pushd "+1" turns the directory stack (attack 181); cd -- "-" is
      // $OLDPWD (attack 183).
      if (operand < words.size() && words[operand]->text == "--"sv) ++operand;
      if (operand < words.size()) {
        fills(*words[operand], render::ElementRole::EnteredDirectory, name + " (- is the directory before, +N turns pushd's stack)", true);
        fills(*words[operand], render::ElementRole::EnteredPath, name);
      }
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text.rfind('-', 0) != 0 || words[k]->text == "-"sv || !words[k]->placeholders.empty()) return mark(k);
      return;
    }
    // bc, dc and m4 read every file they are named as their program (dc's
    // !, m4's syscmd run commands), dc -f F and m4 -I DIR too; octave runs
    // the first; a patch becomes code of the tree it applies to (git apply,
    // git am, patch -i, patch FILE PATCH).
    if (one_of(name, {"bc", "dc", "m4", "octave"})) {
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if ((w == "-f"sv || w == "--file"sv || w == "-I"sv || w == "--include"sv) && name != "bc"sv) {
          mark(k + 1);
          ++k;
        } else if (w.empty() || w[0] != '-' || !words[k]->placeholders.empty()) {
          mark(k);
          if (name == "octave"sv) break;
        }
      }
    }
    if (name == "patch"sv) {
      std::size_t operand = 0;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if ((w == "-i"sv || w == "--input"sv) && k + 1 < words.size()) mark(++k);
        else if (w.rfind("--input=", 0) == 0 || (w.size() > 2 && w.rfind("-i", 0) == 0)) mark(k);
        else if ((w.empty() || w[0] != '-') && ++operand == 2) mark(k);
      }
    }
    if (name == "git"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (one_of(words[k]->text, {"apply", "am"})) {
          for (std::size_t j = k + 1; j < words.size(); ++j)
            if (words[j]->text.empty() || words[j]->text[0] != '-' || !words[j]->placeholders.empty()) mark(j);
          break;
        }
    // Options whose value is such a file or the directory a program runs
    // in (where its relative names resolve): singularity --overlay,
    // --env-file, srun --container (an OCI bundle); env -C, mpirun --wdir,
    // docker -w, git -C (a repository's config runs hooks and monitors).
    static constexpr ProgramOptions kOptions[] = {
        {"", "--overlay --env-file --container --container-workdir"},
        // The project whose code, tasks or configuration they run.
        {"dotnet", "--project"}, {"hatch", "-p --project"}, {"julia", "--project"}, {"deno", "--cwd --config -c --import-map"},
        // The directories an interpreter loads modules from first.
        {"perl ruby", "-I"}, {"node", "-r --require --import"},
        {"pytest py.test", "--rootdir -c --confcutdir"},
        // A test tree's CTestTestfile.cmake (its add_test commands) or a
        // ctest script; a locustfile; mkdocs' hooks and plugins; the task
        // modules lm-eval and torchtune instantiate from a directory or config.
        {"ctest", "--test-dir -S -SP -SR --script"}, {"locust", "-f --locustfile"}, {"mkdocs", "-f --config-file"},
        {"lm_eval lm-eval", "--include_path --include-path"}, {"tune", "--config"},
        {"docker podman nerdctl buildah", "-f --file"},
        {"env", "-C --chdir"},
        {"unshare nsenter", "-w --wd"},
        {"mpirun mpiexec orterun prterun mpiexec.hydra", "-wdir --wdir -wd -dir --dir --path"},
        // (--home: also $HOME there, whose site-packages python loads.)
        {"singularity apptainer", "--pwd --cwd --home -H"},
        {"docker podman nerdctl", "-w --workdir"},
        {"git", "-C --git-dir --work-tree --exec-path"},
        {"make gmake", "-f --file --makefile -C --directory -I --include-dir"},
        {"ninja samu", "-f -C"},
        {"git", "--template"},
        // What a compiler builds from: headers, include and library
        // directories, linker scripts (the built program runs them).
        {"nvcc", "-ccbin --compiler-bindir --options-file -optf -I --include-path -include --pre-include -L "
                 "--library-path -isystem --system-include"},
        {"gcc g++ cc c++ clang clang++ gfortran mpicc mpicxx mpif90 icx icpx",
         "-B -specs --specs -wrapper -fplugin --config --gcc-toolchain -fuse-ld -fpass-plugin --sysroot -isysroot "
         "-include -imacros -I -isystem -iquote -idirafter -iprefix -iwithprefix -L -T --include-directory "
         "--library-directory"},
        {"ld ld.bfd ld.gold ld.lld", "-T --script -L --library-path -rpath -dynamic-linker --dynamic-linker --plugin"},
        // javac runs the annotation processors it finds on its class path.
        {"javac", "-cp -classpath --class-path -processorpath --processor-path --module-path -p "
                  "--processor-module-path --upgrade-module-path -sourcepath --source-path"},
        // Shared objects a program loads: an OpenSSL engine or provider, a
        // PKCS#11 provider of ssh's.
        {"openssl", "-engine -provider-path"},
        {"ssh-keygen", "-D"},
        {"ssh-add", "-s -S"},
        {"ssh scp sftp", "-I"},
        {"spark-submit pyspark", "--jars --py-files --files --packages --repositories --driver-class-path"},
        {"pixi", "--manifest-path"},
        {"tox", "-c --conf"},
        {"nox", "-f --noxfile"},
        {"conda mamba micromamba", "-c --channel"},
        {"cmake", "-S -B -C -P"},
        {"systemd-run", "--working-directory"},
        {"bwrap sudo", "--chdir -D"},
        {"tmux", "-c"},
        {"parallel", "--wd --workdir"},
        {"uvicorn gunicorn hypercorn", "--app-dir --chdir --config -c"},
        {"pip pip3", "-e --editable -r --requirement -c --constraint"},
        {"uv", "--python -p --directory --project --with-requirements"},
        {"conda mamba micromamba", "-p --prefix -f --file"},
        {"jupyter papermill", "--cwd --config"},
        // The interpreter a tool runs or builds environments from (pip's
        // global --python stands before or after the subcommand).
        {"pip pip3", "--python"},
        {"virtualenv", "-p --python"},
        {"pipenv hatch", "--python"},
        {"nox", "--force-python --extra-python -P"},
        // accelerate's configuration sets every launch argument (its
        // deepspeed_config the script too); the hostfiles it passes on.
        {"accelerate", "--config_file --config-file --deepspeed_config_file --deepspeed-config-file --deepspeed_hostfile "
                       "--deepspeed-hostfile --mpirun_hostfile --mpirun-hostfile"},
    };
    // (git -C DIR: a repository's configuration and hooks are its own, never
    // fetched or cloned: a tree git brought there runs nothing of its own.)
    option_values(words, i, name, kOptions, [&](std::size_t k, std::string_view joined) {
      if (name == "git"sv) return fills(*words[k], render::ElementRole::CodePath, name);
      mark(k);
      for (const auto& key : trees_at(joined))  // --rootdir=src
        uses_.push_back({key, Use::Code, fmt::format("{} (a file in {})", name, describe_file(key))});
    });
    const bool script_first = is_shell(name) || one_of(name, {"torchrun", "deepspeed", "horovodrun"}) ||
                              (is_interpreter(name) && !one_of(name, {"jq", "make", "gmake", "cmake", "gdb", "lldb",
                                                                      "matlab", "octave", "bc", "dc", "m4"}));
    // deepspeed's hostfile (the hosts it starts the script on) and the
    // venv script it sources on each of them.
    if (name == "deepspeed"sv)
      each_option_value(words, i, "-H --hostfile --venv_script --venv-script",
                        [&](std::size_t k, std::string_view, std::string_view) { mark(k); });
    if (script_first) {
      // bash step, python3 job: a file the template wrote from a
      // here-document is the code that runs, with its exported variables.
      const auto script = [&](std::size_t k) {
        mark(k);
        if (k >= words.size()) return;
        runs_written_text(*words[k], name, words, k);
        // (torchrun "$ENTRY" of a file the template wrote: its code; attack 218.)
        if (!is_shell(name)) runs_script_word(*words[k], name);
        // bash /dev/fd/3 3<<<"...": the script is what the command's own
        // here-strings, here-documents and input redirections hold.
        if (names_a_descriptor(words[k]->text) && current_ < t_.commands.size())
          for (const auto& w : t_.commands[current_].words)
            if (w.role == ShellWord::Role::HereString ||
                (w.role == ShellWord::Role::Redirect && w.redirect.find('<') != std::string::npos))
              reparse_word(w, name + " running " + words[k]->text);
        if (names_a_descriptor(words[k]->text) && current_ < t_.commands.size())
          for (auto h : t_.commands[current_].heredocs) reparse_heredoc(h, name + " running " + words[k]->text);
        // bash /dev/stdin "$X" < launch.sh: the words after it are the
        // positional parameters of the script on its input.
        if (is_shell(name) && words[k]->text != "-"sv && names_stdin(words[k]->text))  // (bash - F: '-' ends options)
          input_script_arguments(current_, words, i, k + 1, name + " running " + words[k]->text);
      };
      const bool python = name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0;
      if (!python) {
        // Any word that may be the script is one: after an option the
        // program's flags do not list, the next word may be its value or
        // the script (perl -I lib X, node -r ./setup.js X, bash +O nullglob X,
        // torchrun --nproc_per_node $N X).
        for (auto k : launcher_script_words(words, i + 1, name)) script(k);
        return;
      }
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "--"sv) return script(k + 1);
        if (w == "-"sv) return;  // its input (python3 - "$N" <<'PY'): read elsewhere
        if (w.size() < 2 || w[0] != '-' || !words[k]->placeholders.empty()) return script(k);
        // python -m cProfile SCRIPT, -m torch.distributed.run SCRIPT: modules
        // that run a script named after their own options.
        if (w == "-m"sv && k + 1 < words.size() && listed(kScriptModules, words[k + 1]->text))
          return script_operand(words, k + 2, words[k + 1]->text, name + " -m " + words[k + 1]->text, true);
        if (python) {
          // python's own options: -c and -m end them (code, a module: read
          // elsewhere); -W and -X take a value; every other is a flag (-O, -E, -s, -u).
          if (w[1] == '-') {
            if (w == "--check-hash-based-pycs"sv) ++k;
            continue;
          }
          for (std::size_t j = 1; j < w.size(); ++j) {
            // python -m src.train: the package src (its directory in the
            // working directory, first on the module path) is code.
            if (w[j] == 'm' && (j + 1 < w.size() || k + 1 < words.size())) {
              const std::string_view module = j + 1 < w.size() ? std::string_view(w).substr(j + 1) : std::string_view(words[k + 1]->text);
              for (const auto& key : trees_at(module.substr(0, module.find('.'))))
                uses_.push_back({key, Use::Code, fmt::format("{} -m {} (a package in {})", name, module, describe_file(key))});
            }
            if (w[j] == 'c' || w[j] == 'm') return;
            if (w[j] == 'W' || w[j] == 'X') {
              if (j + 1 == w.size()) ++k;  // -W VALUE; -Wignore holds its value
              break;
            }
          }
          continue;
        }
      }
      return;
    }
    // module load A B, ml A, conda activate E, spack load P, spack env activate E.
    std::size_t from = words.size();
    // module use DIR: the modulefiles later loads run come from DIR;
    // module save C: the collection module restore loads.
    if (one_of(name, {"module", "spack"}) && i + 1 < words.size() &&
        one_of(words[i + 1]->text, {"load", "add", "try-load", "load-any", "try-add", "swap", "switch", "use", "restore", "save"}))
      from = i + 2;
    if (name == "ml"sv) from = i + 1;
    if (name == "spack"sv && i + 2 < words.size() && words[i + 1]->text == "repo"sv && words[i + 2]->text == "add"sv)
      from = i + 3;
    if (one_of(name, {"conda", "mamba", "micromamba"}) && i + 1 < words.size() && words[i + 1]->text == "activate"sv)
      from = i + 2;
    if (name == "spack"sv && i + 2 < words.size() && words[i + 1]->text == "env"sv && words[i + 2]->text == "activate"sv)
      from = i + 3;
    for (std::size_t k = from; k < words.size(); ++k) mark(k);
    // Tools that run a script, notebook, test tree or package they are named
    // (coverage run S, streamlit run S, papermill NB, pytest DIR, pip install DIR).
    for (const auto& [programs, subcommands] : kScriptTools) {
      if (!listed(programs, name)) continue;
      std::size_t first = i + 1;
      if (!subcommands.empty()) {
        while (first < words.size() && !words[first]->text.empty() && words[first]->text[0] == '-') ++first;
        if (first >= words.size() || !listed(subcommands, words[first]->text)) break;
        ++first;
      }
      // Every operand: test trees, packages (uv pip install as pip install).
      // (meson setup BUILD SRC; docker build's context, whose Dockerfile
      // runs; behave's feature trees and their steps; conda develop's packages.)
      if (one_of(name, {"meson", "docker", "podman", "nerdctl", "buildah", "behave", "conda"})) {
        for (std::size_t k = first; k < words.size(); ++k)
          if (!words[k]->text.empty() && words[k]->text[0] != '-') mark(k);
        break;
      }
      if (one_of(name, {"pytest", "py.test", "pip", "pip3", "pyproject-build"}) || (name == "uv"sv && words[first - 1]->text == "pip"sv))
        for (std::size_t k = first; k < words.size(); ++k) {
          // pip install --editable=src, -esrc: the tree is built.
          const std::string& t = words[k]->text;
          if (t.rfind("--editable=", 0) == 0 || (t.size() > 2 && t.rfind("-e", 0) == 0 && t[2] != '-'))
            for (const auto& key : trees_at(std::string_view(t).substr(t[1] == '-' ? 11 : 2)))
              uses_.push_back({key, Use::Code, fmt::format("{} building {}", name, describe_file(key))});
          if (!(t.empty() || t[0] != '-' || !words[k]->placeholders.empty())) continue;
          const auto after = [&](std::initializer_list<std::string_view> options) {
            return k > first && one_of(words[k - 1]->text, options);
          };
          // pip install NAME @ URL, git+https://...: where the code it
          // builds and runs comes from. (An index's URL is an option's
          // value, which the glue's configuration may give.)
          const bool index = after({"-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host"});
          // Where it writes (a directory that code may later load from), or
          // a setting: no package.
          if (after({"-t", "--target", "--prefix", "--root", "--src", "-d", "--dest", "-w", "--wheel-dir", "--cache-dir",
                     "--log", "--report", "-o", "--outdir", "-C", "--config-setting", "--installer"})) {
            fills(*words[k], render::ElementRole::CodePath, name + " (where it installs or builds)");
            continue;
          }
          // pip install -e src, pip install . after cd src, pytest src,
          // -r src/requirements.txt: a tree a value chose is built (its
          // setup.py runs) or its tests run (names_code).
          mark(k);
          if (name != "pytest"sv && name != "py.test"sv && !index && t.rfind("-", 0) != 0)
            fills(*words[k], render::ElementRole::PackageSpec, name + " (a package it installs, builds and runs)");
          if (!index && !after({"-r", "--requirement", "-c", "--constraint"}))
            for (const auto& r : words[k]->refs)
              if (tree_dirs_->count(r) && !is_pattern_key(r))
                uses_.push_back({r, Use::Code, fmt::format("{} building or running {}", name, describe_file(r))});
        }
      if (name == "java"sv) {
        // java [options] CLASS ARGS, java [options] -jar JAR ARGS: the jar
        // is code, the class (or -m MODULE/CLASS) chooses the program, as
        // python -m does; the arguments after them are the program's.
        for (std::size_t k = first; k < words.size(); ++k) {
          const auto& w = words[k]->text;
          if (one_of(w, {"-jar", "-cp", "-classpath", "--class-path", "-p", "--module-path"})) {
            mark(k + 1);
            if (w == "-jar"sv) break;
            ++k;
          } else if (w == "-m"sv || w == "--module"sv || w.empty() || w[0] != '-') {
            const auto main = w == "-m"sv || w == "--module"sv ? k + 1 : k;
            if (main < words.size()) chooses_program(*words[main], "java (the main class it runs)");
            break;
          }
        }
        break;
      }
      script_operand(words, first, name, name);
      break;
    }
    // cmake -DNAME=VALUE: prefixes, package directories, toolchain files,
    // compilers and includes cmake runs or loads (CMAKE_PREFIX_PATH,
    // Torch_DIR, CMAKE_TOOLCHAIN_FILE, CMAKE_PROJECT_INCLUDE, CMAKE_C_COMPILER).
    // cmake -E env|chdir|time ... runs a program.
    // (A compiler's or linker's flags, CMAKE_CXX_FLAGS, and the programs
    // it starts, *_COMPILER, *_LAUNCHER: options and commands, as CXXFLAGS
    // and CC are; round 121: -wrapper sh,-c,CODE.)
    const auto definition = [&](std::size_t k, std::string_view d) {
      const auto variable = d.substr(0, std::min(d.find_first_of(":="), d.size()));
      if (one_of_found(variable, {"FLAGS", "COMPILER", "LAUNCHER", "LINKER"}))
        code_variable_word(*words[k], std::string(variable));
      else
        mark(k);
    };
    if (name == "cmake"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w.size() > 2 && w.rfind("-D", 0) == 0) {
          definition(k, std::string_view(w).substr(2));
        } else if (w == "-D"sv && k + 1 < words.size()) {
          ++k;
          definition(k, words[k]->text);
        } else if (w == "-E"sv && k + 1 < words.size() && one_of(words[k + 1]->text, {"env", "chdir", "time"})) {
          for (std::size_t j = k + 2; j < words.size(); ++j) {
            reparse_word(*words[j], "cmake -E " + words[k + 1]->text + " (it runs a program)");
            if (is_make(basename_of(words[j]->text))) make_reads_environment("cmake -E " + words[k + 1]->text, "it runs make");
          }
          break;
        }
      }
    // cmake --build DIR runs the build tree's generator, make by default.
    if (name == "cmake"sv && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                         [](const ShellWord* w) { return w->text.rfind("--build", 0) == 0; }))
      make_reads_environment("cmake --build", "it runs make, the default generator");
    // cmake SRC, cmake -S SRC -B BUILD: CMakeLists.txt and a build tree's cache are code.
    if (name == "cmake"sv)
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (!words[k]->text.empty() && words[k]->text[0] != '-' &&
            !one_of(words[k - 1]->text, {"-D", "-U", "-G", "-T", "-A", "-E", "--target", "-t", "-j", "--parallel",
                                         "--config", "--preset", "--install-prefix", "--prefix", "--component"}))
          mark(k);
    // spark-submit --class chooses the program, as python -m does.
    if (one_of(name, {"spark-submit", "pyspark", "spark-shell"}))
      each_option_value(words, i, "--class", [&](std::size_t k, std::string_view, std::string_view) {
        chooses_program(*words[k], name + " --class (the main class it runs)");
      });
    // A compiler's operands are sources, objects and libraries of the
    // program it builds (-o names the output, -x a language, -D/-U macros).
    if (is_compiler(name))
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
          if (one_of(w, {"-o", "-x", "-D", "-U", "-MF", "-MT", "-MQ", "--output-file", "--output"})) ++k;
          continue;
        }
        mark(k);
      }
    // poetry env use X, pdm use X, pdm venv create X, workon X: the
    // interpreter or environment that runs the project's code.
    const auto operand_after = [&](std::initializer_list<std::string_view> verbs) {
      std::size_t k = i + 1;
      for (auto verb : verbs) {
        while (k < words.size() && words[k]->text.rfind('-', 0) == 0 && words[k]->placeholders.empty()) ++k;
        if (k >= words.size() || words[k]->text != verb) return;
        ++k;
      }
      while (k < words.size() && words[k]->text.rfind('-', 0) == 0 && words[k]->placeholders.empty()) ++k;
      if (k < words.size()) mark(k);
    };
    if (name == "poetry"sv) operand_after({"env", "use"});
    if (name == "pdm"sv) {
      operand_after({"use"});
      operand_after({"venv", "create"});
    }
    if (name == "workon"sv) operand_after({});
  }

  // A file the template writes under this literal name runs as code,
  // whatever its name says (jq ... > run.json; jupyter nbconvert --execute
  // run.json): what a command other than a here-document or echo (whose
  // text is read as the code it is) carries into it is code.
  void runs_file_named(const ShellWord& w, const std::string& by) {
    if (!w.placeholders.empty() || w.text.empty() || w.text.find_first_of("$`*?[{") != std::string::npos) return;
    const auto key = file_key_of(w.text);
    if (is_pattern_key(key) || !written_->count(key)) return;
    const auto writers = file_writers_.find(key);
    const auto texts = text_writers_.find(key);
    if (writers != file_writers_.end() && texts != text_writers_.end() &&
        std::all_of(writers->second.begin(), writers->second.end(), [&](std::size_t c) {
          return std::find(texts->second.begin(), texts->second.end(), c) != texts->second.end();
        }))
      return;
    uses_.push_back({key, Use::Code, by + " (the file " + std::string(basename_of(w.text)) + ")"});
  }
  void runs_written_text(const ShellWord& w, const std::string& program, const std::vector<const ShellWord*>& words,
                         std::size_t at) {
    runs_file_named(w, (program.empty() ? std::string("a run of") : program + " running") + " a file the template writes");
    std::set<std::string> keys(w.refs.begin(), w.refs.end());
    const auto named = file_key_of(w.text);  // (LAUNCHER=launch.sh; bash "$LAUNCHER")
    keys.insert(named);
    // find ... -exec bash {} "$X" \;, bash "$step", "${L:-launch.sh}",
    // steps/*.sh: a name read only at run time may be any file the
    // template writes; and a file written under a name chosen at run time
    // (python3 -c 'open(...).write(...)') may be the one named.
    // ("$VENV/bin/python": only the directory is read at run time.)
    // (ENTRY="$RUN_DIR/entry.py"; python3 "$ENTRY": the one name it is given; fr91/01.)
    const bool resolved = !is_pattern_key(named) && named != file_key(w.text);
    const auto base = resolved ? basename_of(std::string_view(named).substr(5)) : basename_of(w.text);
    const bool any = !resolved && (w.text == "{}"sv || base.empty() || base.find_first_of("$`*?[") != std::string_view::npos);
    for (const auto& key : *written_)
      if (key.rfind("file:", 0) == 0 &&
          (any || (is_pattern_key(key) && may_be(key, named) && writer_names(key, base)) ||
           (!is_pattern_key(key) && basename_of(std::string_view(key).substr(5)) == base)))
        keys.insert(key);
    for (const auto& key : std::set<std::string>(keys))
      if (const auto a = file_aliases_.find(key); a != file_aliases_.end()) keys.insert(a->second.begin(), a->second.end());
    for (const auto& r : keys) {
      // (A word's refs name the files written under run-time names too.)
      if (!any && is_pattern_key(r) && !writer_names(r, base)) continue;
      const auto it = text_writers_.find(r);
      const bool unread = r.rfind("file:", 0) == 0 && written_->count(r) && !text_known(r) && holds_template_text(r);
      if (it == text_writers_.end() && !unread) continue;
      const auto by = (program.empty() ? std::string("a run of ") : program + " running ") + describe_file(r);
      if (it != text_writers_.end())
        for (const auto c : it->second)
          written_code(c, is_shell(program) || program == "source"sv || program == "."sv, by, words, at, program.empty());
      // A script the template writes in a way whose text is not read here
      // (mv, cp, install, sed or printf into it, an unquoted here-document)
      // may run its arguments: they must be code-safe words.
      // (echo "make train" > step.sh: a line the script runs may be make's,
      // which reads every environment variable.)
      if (unread)
        if (const auto writers = file_writers_.find(r); writers != file_writers_.end())
          for (const auto writer : writers->second)
            for (const auto& word : t_.commands[writer].words)
              if (word.role == ShellWord::Role::Word && one_of_found(" " + word.text + " ", {" make ", " gmake ", "/make "}))
                make_reads_environment(by, "a script that runs make");
      if (unread)
        for (std::size_t k = at + 1; k < words.size(); ++k)
          reparse_word(*words[k], by + " (a script the template writes in a way this reading does not follow: it may "
                                       "run its arguments; write it with cat > FILE <<'EOF')");
    }
  }
  // Files of code the template writes that a program runs with the words
  // after them: sbatch --wait step.sbatch "$X" (the batch script, by its
  // #! line), python3 -m launcher "$X" (launcher.py), awk -f prog.awk
  // "$X" (a program that runs commands runs what it reads, too).
  void written_program_files(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i,
                             const std::string& name) {
    const auto written = [&](std::string_view file) { return written_->count(file_key_of(file)) > 0; };
    if (name == "sbatch"sv || name == "salloc"sv) {
      // (Where the script is not certain, any written file may be it.)
      const auto script = batch_script(words, i);
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if ((!script.certain || k == script.at) && written(words[k]->text)) runs_written_text(*words[k], "", words, k);
      return;
    }
    if (const auto module = module_of(words, i, name); !module.empty()) {
      std::string file(module);
      std::replace(file.begin(), file.end(), '.', '/');
      for (const auto& candidate : {file + ".py", file + "/__main__.py"})
        if (written(candidate)) {
          auto& word = renamed_words_.emplace_back(*words[i + 2]);
          word.text = candidate;
          word.refs.clear();
          runs_written_text(word, name, words, i + 2);
        }
      return;
    }
    if (!is_awk(name)) return;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      // -f F, -fF, --file=F
      const bool separate = (w == "-f"sv || w == "--file"sv) && k + 1 < words.size();
      const std::string file = separate ? words[k + 1]->text
                               : w.rfind("--file=", 0) == 0 ? w.substr(7)
                               : w.size() > 2 && w.rfind("-f", 0) == 0 ? w.substr(2)
                                                                       : std::string();
      if (file.empty()) continue;
      if (separate) ++k;
      const auto key = file_key_of(file);
      if (!written_->count(key)) continue;
      bool code = !text_known(key);
      if (const auto it = text_writers_.find(key); it != text_writers_.end())
        for (const auto writer : it->second)
          for (const auto& body : written_texts(writer)) code = code || runs_code(body);
      if (!code) continue;
      const std::string by = name + " -f " + file + " (a program of the template's that runs commands)";
      for (std::size_t a = k + 1; a < words.size(); ++a) reparse_word(*words[a], by);
      reparse_stdin(c, by, name);
    }
  }
  // Whether every command that writes `key` is inline code writing files
  // under names of its own (python3 - <<'PY' ... open("meta.json", "w")).
  // Whether a file written under the run-time name `key` may be one named
  // `base`: code that spells each file it opens writes only those (fr hunt 62).
  bool may_write(const std::string& key, std::string_view base) const {
    return !written_by_code_only(key) || writer_names(key, base);
  }
  bool written_by_code_only(const std::string& key) const {
    const auto writers = file_writers_.find(key);
    return writers != file_writers_.end() && std::all_of(writers->second.begin(), writers->second.end(),
                                                         [&](std::size_t c) { return code_file_writers_.count(c) > 0; });
  }
  // Whether a command that writes `key` (a file named at run time: python3
  // -c 'open("launch.sh", "w")...') spells the name `base` in its words or
  // here-documents.
  bool writer_names(const std::string& key, std::string_view base) const {
    const auto writers = file_writers_.find(key);
    if (writers == file_writers_.end()) return true;  // (written in a code string)
    // (As a whole name: "launch.sh" in open("launch.sh", "w"), not python in python3.)
    const auto spells = [&](std::string_view text) {
      const auto part = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-'; };
      for (auto at = text.find(base); at != std::string_view::npos; at = text.find(base, at + 1))
        if ((at == 0 || !part(text[at - 1])) && (at + base.size() == text.size() || !part(text[at + base.size()])))
          return true;
      return false;
    };
    for (const auto c : writers->second) {
      const auto* program = program_word(t_.commands[c]);
      // (open(stage + ".sh", "w"): code that computes a name may write any.)
      // (Code that names every file it opens writes those: not a name it
      // only holds as data, {"entry_point": "train.py"}; fr hunt 60.)
      if (code_file_writers_.count(c)) {
        bool opens = false, named = false;
        const auto read = [&](std::string_view code) {
          if (!writes_files(code)) return false;
          const auto names = names_of_files_it_opens(code);
          if (!names) return true;
          named = true;
          opens = opens || std::find(names->begin(), names->end(), base) != names->end();
          return false;
        };
        for (const auto& w : t_.commands[c].words)
          if (&w != program && read(w.text)) return true;
        for (const auto h : t_.commands[c].heredocs)
          if (read(std::string_view(text_).substr(t_.heredocs[h].body_begin, t_.heredocs[h].body_end - t_.heredocs[h].body_begin)))
            return true;
        if (opens) return true;
        if (named) continue;  // (else awk's print > f, SQL's writefile(): the names it spells)
      }
      for (const auto& w : t_.commands[c].words)
        if (&w != program && spells(w.text)) return true;
      for (const auto h : t_.commands[c].heredocs) {
        const auto& doc = t_.heredocs[h];
        if (spells(std::string_view(text_).substr(doc.body_begin, doc.body_end - doc.body_begin))) return true;
      }
    }
    return false;
  }
  // Whether file `key` may hold text the template wrote, in a way
  // text_known() does not read: a writer that writes text (echo, printf, an
  // unquoted here-document), also inside a group or before it in a pipe
  // (cat <<'EOF' | tee F), or one that names another file the template
  // writes (mv, cp, install, dd if=, ln of a file it wrote first). Files
  // made of the project's own files (tar xf, sed ... F.in > F) hold what
  // the project's scripts do, which the template trusts as it trusts them.
  bool holds_template_text(const std::string& key) {
    const auto writers = file_writers_.find(key);
    if (writers == file_writers_.end()) return true;  // (written in a code string)
    for (const auto c : writers->second) {
      for (const auto s : output_sources(c)) {
        if (writes_text(s)) return true;
        // python3 -c 'open("launch.sh", "w").write(...)', perl -e: inline code.
        const auto* program = program_word(t_.commands[s]);
        if (program && (is_interpreter(basename_of(program->text)) || is_shell(basename_of(program->text))) &&
            std::any_of(t_.commands[s].words.begin(), t_.commands[s].words.end(), [](const ShellWord& w) {
              return one_of(w.text, {"-c", "-e", "-E", "-", "--eval", "-r"});
            }))
          return true;
        for (const auto& w : t_.commands[s].words) {
          if (w.role != ShellWord::Role::Word) continue;  // (its own output, 2> err.log: not a source)
          const auto eq = w.text.find('=');
          const auto named = file_key_of(eq == std::string::npos ? std::string_view(w.text) : std::string_view(w.text).substr(eq + 1));
          if (named != key && !is_pattern_key(named) && written_->count(named)) return true;
        }
      }
    }
    return false;
  }
  // Whether every write of file `key` is a quoted here-document fed to
  // cat or tee, or to cp, install or dd from the input (install -m 755
  // /dev/stdin run.sh <<'EOF'), whose text written_texts() holds as it is.
  bool text_known(const std::string& key) const {
    const auto writers = file_writers_.find(key);
    if (writers == file_writers_.end()) return false;
    for (const auto c : writers->second) {
      const auto& cmd = t_.commands[c];
      const auto* program = program_word(cmd);
      if (!program || cmd.heredocs.empty()) return false;
      const auto name = basename_of(program->text);
      const bool from_input = std::any_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
        return names_stdin(w.text) || w.text == "if=/dev/stdin"sv;
      });
      if (!(name == "cat"sv || name == "tee"sv || (one_of(name, {"cp", "install", "dd"}) && from_input))) return false;
      for (const auto h : cmd.heredocs)
        if (!t_.heredocs[h].quoted) return false;
    }
    return true;
  }
  // Whether a file run by its path (./launch.sh) is shell code: its #! line
  // names a shell (also through env), or it has none (bash then runs it).
  static bool runs_as_shell(std::string_view body) {
    if (!body.starts_with("#!")) return true;
    return is_shell(shebang_program(body));
  }
  // The program a #! line runs (through env too), or "".
  static std::string_view shebang_program(std::string_view body) {
    if (!body.starts_with("#!")) return {};
    const auto words = line_words(body.substr(2, body.find('\n') - 2), " \t");
    std::size_t k = 0;
    if (k < words.size() && basename_of(words[k]) == "env"sv)
      for (++k; k < words.size() && (words[k].starts_with('-') || words[k].find('=') != std::string_view::npos);) ++k;
    return k < words.size() ? basename_of(words[k]) : std::string_view();
  }
  // Whether command c writes text of the template (a here-document, what
  // echo or printf print): written_texts() without making it.
  bool writes_text(std::size_t c) const {
    const auto* program = program_word(t_.commands[c]);
    return !t_.commands[c].heredocs.empty() || (program && (program->text == "echo"sv || program->text == "printf"sv));
  }
  // The text of the template command c writes: its here-documents' bodies,
  // and the words echo or printf print (echo 'python3 $ENTRY' > run.sh);
  // not those holding placeholders (refused where they are).
  std::vector<std::string> written_texts(std::size_t c) const {
    std::vector<std::string> texts;
    for (auto h : t_.commands[c].heredocs) {
      const auto& doc = t_.heredocs[h];
      if (doc.body_end > doc.body_begin && doc.placeholders.empty())
        texts.push_back(text_.substr(doc.body_begin, doc.body_end - doc.body_begin));
    }
    const auto* program = program_word(t_.commands[c]);
    if (!program || (program->text != "echo"sv && program->text != "printf"sv)) return texts;
    std::string printed;
    bool options = true;
    for (const auto& w : t_.commands[c].words) {
      if (&w == program || w.role != ShellWord::Role::Word || !w.placeholders.empty()) continue;
      // echo -n -e, printf -v NAME: options, not text.
      if (options && w.text.size() > 1 && w.text[0] == '-' && w.text.find_first_not_of("neEv", 1) == std::string::npos)
        continue;
      options = false;
      printed += w.text + (program->text == "echo"sv ? " " : "\n");
    }
    if (printed.find_first_of("$`") != std::string::npos) texts.push_back(printed);
    return texts;
  }
  // The text command c writes into a file that runs later, read as shell
  // code or as code of another language (placeholders in them are refused
  // as they are).
  // (by_path: run by its path, its #! line says which.) A shell script
  // run with words (bash launch.sh "$X", ./launch.sh "$X") has them as its
  // positional parameters: exec srun "$@" in it makes them a command.
  void written_code(std::size_t c, bool shell, const std::string& by, const std::vector<const ShellWord*>& run_with = {},
                    std::size_t script_at = 0, bool by_path = false) {
    if (c >= t_.commands.size()) return;
    for (const auto& body : written_texts(c)) {
      if (by_path ? runs_as_shell(body) : shell) {
        std::vector<const ShellWord*> args;
        if (script_at < run_with.size()) {
          args = {run_with[script_at], run_with[script_at]};  // the code, and its $0
          args.insert(args.end(), run_with.begin() + static_cast<std::ptrdiff_t>(script_at) + 1, run_with.end());
        }
        nested_code(body, args);
      } else {
        environment_reaches_code(body, by);
        imports_reach_trees(body, by);
        // python3 tag.py "$X": the script's arguments.
        if (!run_with.empty()) arguments_reach_code(body, run_with, script_at, by);
        // ./train.mk train LR="$X" (#!/usr/bin/make -f): make's variables
        // are read in its recipes, which a shell runs.
        if (by_path && is_make(shebang_program(body)))
          for (std::size_t k = script_at + 1; k < run_with.size(); ++k)
            reparse_word(*run_with[k], by + " (a makefile, whose variables its recipes' shell reads)");
      }
    }
  }

  // Modules and tools that run a script they are given (python -m cProfile
  // S, coverage run S): the script, the first word after their options.
  static constexpr std::string_view kScriptModules =
      "cProfile profile pdb trace timeit runpy torch.distributed.run torch.distributed.launch coverage "
      "memory_profiler line_profiler kernprof scalene viztracer debugpy pyinstrument memray py_spy ipdb pudb "
      "IPython pytest unittest doctest accelerate.commands.launch deepspeed.launcher.runner mpi4py "
      "mpi4py.run jupyter nbconvert pickle pydoc inspect torch.utils.bottleneck torch.backends.xeon.run_cpu "
      "intel_extension_for_pytorch.cpu.launch mpi4py.futures";
  struct ScriptTool {
    std::string_view programs, subcommands;
  };
  static constexpr ScriptTool kScriptTools[] = {
      {"coverage", "run"},   {"kernprof", ""},     {"streamlit", "run"},   {"jupyter", "nbconvert execute run"},
      {"papermill", ""},     {"pytest py.test", ""}, {"ipython", ""},       {"memray", "run"},
      {"scalene viztracer pyinstrument", ""},     {"pip pip3", "install download wheel"}, {"pyproject-build", ""},
      // A project a tool builds or runs code of: sphinx's conf.py, quarto's
      // cells, a Go package, meson's meson.build (its source is the second).
      {"sphinx-build", ""}, {"quarto", "render preview run"}, {"go", "run build test generate"}, {"meson", "setup configure"},
      {"docker podman nerdctl", "build buildx"}, {"buildah", "bud build"}, {"behave", ""}, {"conda", "develop"},
      {"uv", "run pip"},     {"marimo", "run edit"}, {"panel", "serve"},     {"voila", ""},
      {"accelerate", "launch"}, {"composer", ""},   {"java", ""},           {"nextflow", "run"},
      {"mlflow", "run"},     {"spark-submit", ""},  {"dvc", "repro"},
  };
  // The script among words[from...]: every word up to and including the
  // first that holds a placeholder or names a script or notebook (an
  // option's separate value on the way is named as code too: harmless for
  // the template's own words, and safe where the count is unknown).
  // A module runner's own -m (python -m torch.distributed.run -m MOD) names
  // the module that runs: a value there would choose the program.
  void script_operand(const std::vector<const ShellWord*>& words, std::size_t from, std::string_view launcher,
                      const std::string& by, bool module_runner = false) {
    for (std::size_t k = from; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      // (pytest -m EXPR selects tests by their marks, a grammar of its own;
      // those modules take no module to run; fr hunt 71.)
      if (module_runner && (w == "-m"sv || w == "--module"sv || w == "--module_name"sv) && k + 1 < words.size() &&
          !listed("pytest unittest doctest pickle pydoc inspect jupyter nbconvert timeit", launcher)) {
        chooses_program(*words[k + 1], by + " -m (the module it runs)");
        return;
      }
      // python -m unittest discover -s src [-t .] or discover src: the
      // tests it imports and runs.
      if (launcher == "unittest"sv && w == "discover"sv) {
        for (auto j = k + 1; j < words.size(); ++j)
          if (words[j]->text.empty() || words[j]->text[0] != '-' ||
              one_of(words[j - 1]->text, {"-s", "--start-directory", "-t", "--top-level-directory"}))
            names_code(*words[j], by + " discover (the tests it imports)");
        return;
      }
      // python -m mpi4py -c CODE runs CODE as python.
      if (launcher == "mpi4py"sv && w == "-c"sv && k + 1 < words.size()) {
        foreign_code_word(*words[k + 1], by + " -c");
        return;
      }
    }
    for (auto k : launcher_script_words(words, from, launcher)) {
      // python -m runpy MODULE runs a module, as python -m does.
      if (launcher == "runpy"sv) {
        chooses_program(*words[k], by + " (the module it runs)");
      } else {
        names_code(*words[k], by);
        // (pip's and uv pip's lists and packages have rules of their own.)
        if (!one_of(launcher, {"pip", "pip3"}) && !(launcher == "uv"sv && from > 0 && words[from - 1]->text == "pip"sv))
          runs_script_word(*words[k], by);
      }
      // A notebook under any name (not the file it writes: jupyter
      // nbconvert --output report).
      if (one_of(launcher, {"jupyter", "papermill"}) && (k == 0 || !one_of(words[k - 1]->text, {"--output", "--output-dir", "-o"})))
        runs_file_named(*words[k], by);
    }
  }
  // How a launcher's or an interpreter's options read (torchrun,
  // torch.distributed.run, deepspeed, accelerate, horovodrun, shells, perl,
  // ruby, any other interpreter).
  struct Family {
    std::string_view flags;    // whole words without a value
    std::string_view letters;  // letters a cluster of flags (-wT, +ex) may hold
    std::string_view stop;     // letters, or whole words, that give the code another way
    std::string_view values;   // options known to take the next word as their value
  };
  static constexpr Family kTorch{
      "--standalone --no-python --no_python --run-path --run_path --use-env --use_env -h --help", "", "-m --module",
      "--nnodes --nproc_per_node --nproc-per-node --rdzv_backend --rdzv-backend --rdzv_endpoint --rdzv-endpoint "
      "--rdzv_id --rdzv-id --rdzv_conf --rdzv-conf --master_addr --master-addr --master_port --master-port "
      "--node_rank --node-rank --max_restarts --max-restarts --monitor_interval --monitor-interval --start_method "
      "--start-method --role --log_dir --log-dir -r --redirects -t --tee --local_addr --local-addr"};
  static constexpr Family kDeepSpeed{
      "--no_python --no-python --no_local_rank --no-local-rank --force_multi --force-multi --no_ssh_check "
      "--no-ssh-check --no_ssh --no-ssh --save_pid --save-pid --elastic_training --elastic-training "
      "--bind_cores_to_rank --bind-cores-to-rank -h --help",
      "", "--module",
      "-H --hostfile -i --include -e --exclude --num_nodes --num-nodes --num_gpus --num-gpus --num_accelerators "
      "--master_port --master-port --master_addr --master-addr --launcher --launcher_args --launcher-args "
      "--min_elastic_nodes --max_elastic_nodes --venv_script --venv-script --ssh_port --autotuning "
      "--enable_each_rank_log --comment --account"};
  static constexpr Family kHorovod{
      "--verbose --disable-cache --gloo --mpi --jsrun --log-without-timestamp --log-with-timestamp --check-build "
      "-cb --tcp --autotune --hierarchical-allreduce --hierarchical-allgather --no-hierarchical-allreduce "
      "--no-hierarchical-allgather --timeline-mark-cycles --no-stall-check --mpi-threads-disable -h --help",
      "", "", ""};
  static constexpr Family kShell{"--login --norc --noprofile --posix --restricted --verbose --debugger --noediting "
                                 "--protected --dump-strings --dump-po-strings --help --version",
                                 "abefhkmnptuvxBCEHPTilr", "cs", ""};
  static constexpr Family kPerl{"", "wWXTtnpaslucS0123456789", "eE", ""};
  static constexpr Family kRuby{"--verbose --version --disable-gems --enable-frozen-string-literal --yjit --jit",
                                "wWvdacnpslyU0123456789", "e", ""};
  static constexpr Family kOther{"", "", "ceEp", ""};
  static constexpr Family kCodeThenFiles{"", "", "", "-c -e -E --eval"};
  static constexpr Family kAccelerate{
      "--multi_gpu --multi-gpu --cpu --tpu --use_deepspeed --use-deepspeed --use_fsdp --use-fsdp --use_megatron_lm "
      "--use-megatron-lm --use_xpu --use-xpu --no_python --no-python --debug -q --quiet --same_network --same-network "
      "--downcast_bf16 --downcast-bf16 --enable_cpu_affinity --enable-cpu-affinity --tpu_use_cluster --tpu-use-cluster "
      "--tpu_use_sudo --tpu-use-sudo --dynamo_use_fullgraph --dynamo_use_dynamic -h --help",
      "", "-m --module",
      "--config_file --config-file --num_processes --num-processes --num_machines --num-machines --machine_rank "
      "--machine-rank --main_process_ip --main-process-ip --main_process_port --main-process-port --mixed_precision "
      "--mixed-precision --gpu_ids --gpu-ids --dynamo_backend --dynamo-backend --deepspeed_config_file --zero_stage "
      "--gradient_accumulation_steps --rdzv_backend --rdzv_conf --max_restarts --monitor_interval "
      "--num_cpu_threads_per_process --deepspeed_hostfile --deepspeed_multinode_launcher --mpirun_hostfile"};
  static const Family& launcher_family(std::string_view program) {
    static constexpr Family kUnknown{"", "", "", ""};
    return program.rfind("torch", 0) == 0 ? kTorch
                      : program.rfind("deepspeed", 0) == 0 ? kDeepSpeed
                      : program == "horovodrun"sv ? kHorovod
                      : is_shell(program) ? kShell
                      : program.rfind("perl", 0) == 0 ? kPerl
                      : program.rfind("ruby", 0) == 0 ? kRuby
                      : program.rfind("accelerate", 0) == 0 ? kAccelerate
                      : programs::code_options_keep_operands(program) ? kCodeThenFiles
                      : is_interpreter(program) ? kOther
                                                : kUnknown;
  }
  // The words of an interpreter's or launcher's command line (bash, perl,
  // node, torchrun, python -m cProfile ...) that may be the script it runs:
  // the first operand that is no option's value, and before it each word
  // that follows an option the program's flags do not list (--nproc_per_node
  // $N ${SCRIPT}: $N or the next word may be the script, as the option takes
  // a value or not). None after an option that gives the code another way
  // (-c, -e, -m, -s: read elsewhere).
  static std::vector<std::size_t> launcher_script_words(const std::vector<const ShellWord*>& words, std::size_t from,
                                                        std::string_view program) {
    const bool shell = is_shell(program);
    const Family& f = launcher_family(program);
    // (argparse takes a long option cut short: --mod is --module.)
    const auto stops = [&](std::string_view w) {
      if (!f.stop.empty() && listed(f.stop, w)) return true;
      if (w.rfind("--", 0) == 0) {
        const auto name = w.substr(0, w.find('='));
        for (auto rest = f.stop; !rest.empty();) {
          const auto word = rest.substr(0, rest.find(' '));
          rest.remove_prefix(std::min(rest.size(), word.size() + 1));
          if (word.rfind("--", 0) == 0 && name.size() > 4 && word.rfind(name, 0) == 0) return true;
        }
        return false;
      }
      // A cluster holding a letter that gives the code (-ec, -lc, -pe).
      const bool letter_set = f.stop.find(' ') == std::string_view::npos && f.stop.rfind('-', 0) != 0;
      return letter_set && !f.stop.empty() && w.find_first_of(f.stop, 1) != std::string_view::npos &&
             w.find_first_not_of(std::string(f.letters) + std::string(f.stop), 1) == std::string_view::npos;
    };
    std::vector<std::size_t> out;
    bool option_value = false;  // the word may be the value of the option before it
    std::size_t k = from;
    // deno run X, bun run X: the subcommand first.
    if (one_of(program, {"deno", "bun"}) && k < words.size() && words[k]->text == "run"sv) ++k;
    for (; k < words.size(); ++k) {
      const auto& w = words[k]->text;
      // bash - X: '-' ends a shell's options as "--" does; elsewhere it is
      // standard input (read elsewhere).
      if (w == "--"sv || w == "-"sv) {
        if ((w == "--"sv || shell) && k + 1 < words.size()) out.push_back(k + 1);
        break;
      }
      // (A distributed launcher's --num_gpus=${...}: an option, whose value
      // the placeholder is; an interpreter's may load code, node --import=.)
      const bool launcher = &f == &kTorch || &f == &kDeepSpeed || &f == &kAccelerate || &f == &kHorovod;
      const bool valued = launcher && w.rfind("--", 0) == 0 && w.find('=') < w.find_first_of("$`");
      const bool option = w.size() > 1 && (w[0] == '-' || (shell && w[0] == '+')) &&
                          ((words[k]->placeholders.empty() && words[k]->refs.empty()) || valued);
      if (option) {
        if (stops(w)) return {};
        const bool cluster = w[1] != '-' && !f.letters.empty() &&
                             w.find_first_not_of(f.letters, 1) == std::string::npos;
        // (deepspeed -H hostfile train.py: the hostfile is -H's, never the script.)
        if (w.find('=') == std::string::npos && listed(f.values, w)) {
          ++k;
          option_value = false;
          continue;
        }
        option_value = w.find('=') == std::string::npos && !cluster && (f.flags.empty() || !listed(f.flags, w));
        continue;
      }
      out.push_back(k);
      if (!option_value) break;
      option_value = false;
    }
    return out;
  }

  // A variable expanded in the value of an srun, sbatch or salloc option
  // (--export=ALL,LR="$LR", --chdir="$WORKDIR", --container-mounts="$D:/d")
  // fills the part of it a placeholder standing there would: the same rules.
  // What a substitution prints ("$(IFS=,; echo "${ITEMS[*]}")", a join
  // function's output) stands where the substitution is, as a variable
  // would: the word's references that no variable of it names (`xs`), and
  // the placeholders written inside the substitution (placeholders_in).
  static bool is_substitution(std::string_view value, const Expansion& x) {
    return value.compare(x.begin, 2, "$(") == 0 || value[x.begin] == '`';
  }
  static std::vector<std::string> printed_by_substitutions(const ShellWord& w, const std::vector<Expansion>& xs) {
    std::vector<std::string> out;
    for (const auto& r : w.refs)
      if (std::none_of(xs.begin(), xs.end(), [&](const Expansion& x) { return x.name == r; })) out.push_back(r);
    return out;
  }
  std::vector<std::size_t> placeholders_in(const ShellWord& w, std::size_t from, std::size_t to) const {
    std::vector<std::size_t> out;
    for (auto ph : w.placeholders)
      if (const auto at = t_.placeholders[ph].begin; at >= w.begin + from && at < w.begin + to) out.push_back(ph);
    return out;
  }
  void slurm_option_refs(const std::vector<const ShellWord*>& words, std::size_t from, std::size_t to,
                         const std::string& runner) {
    const auto unquoted = [](std::string_view v) {
      std::string out;
      for (char ch : v)
        if (ch != '"' && ch != '\'') out += ch;
      return out;
    };
    for (std::size_t k = from; k < to; ++k) {
      const auto& w = *words[k];
      if (w.refs.empty() && w.placeholders.empty()) continue;
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      std::string option;
      std::size_t value_at = 0;
      const std::string_view previous = k > from ? std::string_view(words[k - 1]->text) : std::string_view();
      // (Quotes anywhere in the option: "--export=ALL,LR=$LR", '--chdir'="$W", -"D$W".)
      const auto head = unquoted(raw.substr(0, std::min(raw.find('='), raw.size())));
      std::size_t letter_at = 0;
      while (letter_at < raw.size() && (raw[letter_at] == '"' || raw[letter_at] == '\'' || raw[letter_at] == '-')) ++letter_at;
      if (head.starts_with("--") && raw.find('=') != std::string_view::npos) {
        option = head.substr(2);
        value_at = raw.find('=') + 1;
      } else if (head.size() > 2 && head[0] == '-' && head[1] != '-' && letter_at < raw.size()) {
        if (const auto* info = sbatch_.find_short(head[1])) option = info->name;
        value_at = letter_at + 1;
      } else if (!head.starts_with("-") && previous.starts_with("--") && previous.find('=') == std::string_view::npos) {
        option = std::string(previous.substr(2));
      } else if (!head.starts_with("-") && previous.size() == 2 && previous[0] == '-') {
        if (const auto* info = sbatch_.find_short(previous[1])) option = info->name;
      }
      if (option.empty()) continue;
      // srun takes an unambiguous prefix of a long option (--expo=).
      if (const auto m = sbatch_.find_long(option); m.option) option = m.option->name;
      const auto value = raw.substr(value_at);
      const auto cuts = cut_in(w);
      const auto xs = expansions(value);
      const auto printed = printed_by_substitutions(w, xs);
      for (const auto& x : xs) {
        const bool substitution = is_substitution(value, x);
        if (x.name.empty() && !substitution) continue;  // a placeholder is checked where it stands
        const auto before = unquoted(value.substr(0, x.begin));
        const auto part = slurm_option_part(sbatch_, option, before, before.empty() && unquoted(value.substr(x.end)).empty(),
                                            x.end < value.size() && value[x.end] == '=', percent_x());
        const auto by = runner + " --" + option;
        const auto code_by = by + (part.names_variable ? " (the name of the variable it sets)"
                                                       : " (it sets " + part.code_variable + ")");
        for (const auto& name : substitution ? printed : std::vector<std::string>{x.name}) {
          const auto it = cuts.find(name);
          const auto cut = it != cuts.end() ? it->second : render::ValueCut{};
          for (const auto role : part.roles) uses_.push_back({name, Use::Role, by, role, cut});
          if (!part.code.empty()) uses_.push_back({name, Use::Code, by + " (" + part.code + ")"});
          if (part.names_variable || !part.code_variable.empty()) uses_.push_back({name, Use::Code, code_by});
        }
        if (!substitution) continue;
        for (auto ph : placeholders_in(w, value_at + x.begin, value_at + x.end)) {
          for (const auto role : part.roles) t_.placeholders[ph].roles.add(role);
          if (!part.code.empty()) reparse_placeholder(ph, by + " (" + part.code + ")");
          if (part.names_variable || !part.code_variable.empty()) reparse_placeholder(ph, code_by);
        }
      }
    }
  }

  // The names a container runner's environment options set (docker -e
  // NAME=V, singularity --env A=1,B=2, enroot -e NAME): a value there,
  // written or through a variable, names no variable that loads code.
  void environment_names(const std::vector<const ShellWord*>& words, std::size_t from, std::size_t to,
                         const RunnerSpec& spec) {
    const auto runner = options_of(&spec)->name;
    if (runner != "docker"sv && runner != "singularity"sv && runner != "enroot"sv) return;
    const bool comma_list = runner == "singularity"sv;
    const auto is_env_option = [&](std::string_view o) { return o == "--env"sv || (runner != "singularity"sv && o == "-e"sv); };
    for (std::size_t k = from; k < std::min(to, words.size()); ++k) {
      const auto& w = *words[k];
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      std::size_t value_at = std::string_view::npos;
      if (raw.starts_with("--env=")) value_at = 6;
      else if (k > from && is_env_option(words[k - 1]->text)) value_at = 0;
      if (value_at == std::string_view::npos) continue;
      const auto value = raw.substr(value_at);
      const auto cuts = cut_in(w);
      const auto xs = expansions(value);
      for (const auto& x : xs) {
        const auto item = comma_list ? value.rfind(',', x.begin) : std::string_view::npos;
        const auto item_begin = item == std::string_view::npos ? 0 : item + 1;
        const auto eq = value.find('=', item_begin);
        if (eq != std::string_view::npos && eq < x.begin) continue;  // in the variable's value
        const auto by = std::string(runner) + " " + std::string(value_at ? "--env" : words[k - 1]->text) +
                        " (the name of the variable it sets)";
        if (value.compare(x.begin, 10, "${CLEARML_") == 0) {
          for (auto p : w.placeholders)
            if (t_.placeholders[p].begin == w.begin + value_at + x.begin) t_.placeholders[p].roles.add(render::ElementRole::Name);
        } else if (!x.name.empty()) {
          const auto it = cuts.find(x.name);
          uses_.push_back({x.name, Use::Role, by, render::ElementRole::Name, it != cuts.end() ? it->second : render::ValueCut{}});
        } else if (is_substitution(value, x)) {
          for (const auto& r : printed_by_substitutions(w, xs)) uses_.push_back({r, Use::Role, by, render::ElementRole::Name});
          for (auto p : placeholders_in(w, value_at + x.begin, value_at + x.end))
            t_.placeholders[p].roles.add(render::ElementRole::Name);
        }
      }
    }
  }

  // Options whose value is a comma-separated list: singularity --env A=1,B=2
  // (each item a variable), --bind a,b; docker --mount type=bind,source=...
  // (a later source= wins); nsys --env-var A=B,C=D. A value inside one item
  // may not add another. And the options that mount a host path: its
  // source is checked as --container-mounts' is (no '..', no system
  // directory, however spelled).
  void comma_list_values(const std::vector<const ShellWord*>& words, std::size_t from, std::size_t to,
                         const RunnerSpec& spec) {
    static constexpr struct {
      std::string_view runner, lists, mounts;
    } kOptions[] = {
        {"singularity", "--env --bind -B --mount", "--bind -B --mount -H --home -W --workdir"},
        {"docker", "--mount", "--mount -v --volume"},
        {"sarus", "--mount", "--mount"},
        {"enroot", "", "-m --mount"},
        {"ch-run", "", "-b --bind"},
        {"shifter", "", "-V --volume"},
        {"nsys", "-e --env-var", ""},
    };
    const auto runner = options_of(&spec)->name;
    std::string_view lists, mounts;
    for (const auto& o : kOptions)
      if (o.runner == runner) std::tie(lists, mounts) = std::tie(o.lists, o.mounts);
    if (lists.empty() && mounts.empty()) return;
    const auto after = [&](std::size_t k, std::string_view options) {
      const std::string_view w = words[k]->text;
      for (std::string_view opts = options; !opts.empty();) {
        const auto end = std::min(opts.find(' '), opts.size());
        const auto opt = opts.substr(0, end);
        opts.remove_prefix(std::min(end + 1, opts.size()));
        const bool joined = opt.size() == 2 ? w.size() > 2 && w.substr(0, 2) == opt
                                            : w.size() > opt.size() && w.substr(0, opt.size()) == opt && w[opt.size()] == '=';
        if (joined || (k > from && words[k - 1]->text == opt)) return true;
      }
      return false;
    };
    // apptainer and singularity evaluate each --env value in the
    // container's shell (export NAME="VALUE", only '"' escaped) unless run
    // with --no-eval or --compat: code.
    const bool evaluates_env = runner == "singularity"sv && std::none_of(words.begin(), words.end(), [](const ShellWord* w) {
      return w->text == "--no-eval"sv || w->text == "--compat"sv;
    });
    // (A variable expanded there fills the same part.)
    for (std::size_t k = from; k < std::min(to, words.size()); ++k) {
      if (evaluates_env && after(k, "--env"))
        reparse_word(*words[k], std::string(runner) + " --env (it evaluates the value in the container's shell; "
                                                      "add --no-eval to pass it as data)");
      if (after(k, lists)) fills(*words[k], render::ElementRole::ListItem, std::string(runner) + " (an item of a comma-separated option)");
      // (A value that is not the whole mount, /data/${V} or "$D:/data",
      // may not write its ':' or ',': it would choose the target or flags.)
      if (after(k, mounts))
        fills(*words[k], whole_item(*words[k]) ? render::ElementRole::MountSource : render::ElementRole::Mount,
              std::string(runner) + " (a host path it mounts)");
    }
  }
  // Whether an option's value (the word, or what follows --opt= or -X in
  // it) is one expansion: "${V}", --bind="$M", -B$M.
  bool whole_item(const ShellWord& w) const {
    std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    if (raw.size() > 2 && raw[0] == '-') raw.remove_prefix(raw[1] == '-' ? std::min(raw.find('='), raw.size() - 1) + 1 : 2);
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
    const auto xs = expansions(raw);
    return xs.size() == 1 && xs[0].begin == 0 && xs[0].end == raw.size();
  }

  // Shells, interpreters, awk, sed, su: options that take a program text,
  // and what stands after them.
  // Programs with a language of their own whose text a value may not be:
  // Miller's put and filter expressions (system() runs commands), jsonnet's
  // code arguments (import reads any file), ansible's module arguments and
  // extra variables (templated), helm's --set lists (a ',' adds a key).
  void query_language_code(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto at = [&](std::size_t k) -> std::string_view { return k < words.size() ? std::string_view(words[k]->text) : ""; };
    if (name == "mlr"sv) {
      bool verb = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto w = at(k);
        if (one_of(w, {"put", "filter"})) {
          verb = true;
        } else if (verb && one_of(w, {"-f", "-e", "-s"}) && k + 1 < words.size()) {
          if (w == "-f"sv) names_code(*words[k + 1], "mlr " + std::string(w));
          else if (w == "-e"sv) foreign_code_word(*words[k + 1], "mlr -e (a Miller expression)");
          ++k;
        } else if (verb && (w.empty() || w[0] != '-' || !words[k]->placeholders.empty())) {
          foreign_code_word(*words[k], "mlr put/filter (a Miller expression; system() runs commands)");
          verb = false;
        } else if (w == "then"sv) {
          verb = false;
        }
      }
    } else if (name == "jsonnet"sv || name == "jrsonnet"sv || name == "gojsonnet"sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k) {
        const auto w = at(k);
        if (one_of(w, {"--tla-code", "--ext-code", "-e", "--exec"})) foreign_code_word(*words[k + 1], name + " " + std::string(w));
        else if (one_of(w, {"--tla-code-file", "--ext-code-file", "-J", "--jpath"})) names_code(*words[k + 1], name + " " + std::string(w));
        else continue;
        ++k;
      }
      if (std::none_of(words.begin(), words.end(), [](const ShellWord* w) { return w->text == "-e"sv || w->text == "--exec"sv; }))
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (at(k).empty() || at(k)[0] != '-') {
            // The program file, unless an option's value (taken above).
            if (k > i + 1 && at(k - 1).size() > 1 && at(k - 1)[0] == '-') continue;
            names_code(*words[k], name + " (the program it evaluates)");
            break;
          }
    } else if (name == "ansible"sv || name == "ansible-playbook"sv) {
      for (std::size_t k = i + 1; k + 1 < words.size(); ++k)
        if (one_of(at(k), {"-a", "--args", "-e", "--extra-vars"})) {
          reparse_word(*words[k + 1], name + " " + std::string(at(k)) + " (templated, and run by shell modules)");
          ++k;
        }
    } else if (name == "helm"sv) {
      // (HELM_ARGS+=(--set "lr=${...}"); helm install "${HELM_ARGS[@]}": the
      // elements of an array the template writes out are words too; attack 135.)
      std::vector<std::optional<std::vector<ShellWord>>> elements;
      std::vector<const ShellWord*> all;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const std::string_view raw = std::string_view(text_).substr(words[k]->begin, words[k]->end - words[k]->begin);
        if (raw.size() > 8 && raw.starts_with("\"${") && raw.ends_with("[@]}\""))
          if (auto e = array_elements(std::string(raw.substr(3, raw.size() - 8))); e) {
            elements.push_back(std::move(e));
            continue;
          }
        all.push_back(words[k]);
      }
      for (const auto& e : elements)
        for (const auto& w : *e) all.push_back(&w);
      for (std::size_t k = 0; k < all.size(); ++k) {
        const std::string_view w = all[k]->text;
        if (one_of(w, {"--set", "--set-string", "--set-json", "--set-literal"}) && k + 1 < all.size())
          fills(*all[++k], render::ElementRole::ListItem, "helm " + std::string(w) + " (a ',' adds a key)");
        else if (w.rfind("--set=", 0) == 0 || w.rfind("--set-string=", 0) == 0)
          fills(*all[k], render::ElementRole::ListItem, "helm --set (a ',' adds a key)");
      }
    }
  }

  // The files the script word `word` of program `name` may be are code.
  void runs_script_word(const ShellWord& word, const std::string& name) {
    // (scalene --outfile x S: a file the command writes is not its script.)
    if (const auto out = output_names_.find(current_); out != output_names_.end() && out->second.count(&word)) return;
    const auto base = basename_of(word.text);
    const bool any = base.empty() || base.find_first_of("$`*?[{") != std::string_view::npos;
    for (const auto& r : word.refs)
      if (r.rfind("file:", 0) == 0 && (any || !is_pattern_key(r) || !written_by_code_only(r) || writer_names(r, base)))
        uses_.push_back({r, Use::Code, fmt::format("{} running {}", name, describe_file(r))});
    // A script word written out (train.py) may be a file the template
    // writes under a name chosen at run time (CFG+="$EXT"; cat > "$CFG"):
    // the launchers (torchrun, deepspeed, accelerate launch, uv run,
    // coverage run; attack 214) and words run in place ("${CMD[@]}" of
    // CMD=(python3 train.py)) were never linked to those files.
    if (any || word.text.find_first_of("$`") != std::string::npos) return;
    const auto key = file_key_of(word.text);
    for (const auto& pattern : written_pattern_keys())
      if (may_be(pattern, key) && may_write(pattern, base) &&
          std::find(word.refs.begin(), word.refs.end(), pattern) == word.refs.end())
        uses_.push_back({pattern, Use::Code, fmt::format("{} running {}", name, describe_file(pattern))});
  }
  void program_with_code_options(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    const auto code_word = [&](const ShellWord& w, const std::string& by) {
      if (is_shell(name) || one_of(name, {"su", "runuser", "sudo"})) {
        reparse_word(w, by);
        return;
      }
      foreign_code_word(w, by);
      const auto at = static_cast<std::size_t>(std::find(words.begin(), words.end(), &w) - words.begin());
      arguments_reach_code(w.text, words, at, by);
    };
    if (name.rfind("perl", 0) == 0) {
      // perl -n/-p read their file operands with <>, which opens "cmd|" as a
      // pipe from a shell: each operand must be a plain word.
      // (Under -n or -p, with code that runs what it reads or no -e code,
      // the lines of each file become code: every operand is.)
      bool loop = false, runs = false, inline_code = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w.size() > 1 && w[0] == '-' && w[1] != '-' && words[k]->placeholders.empty()) {
          loop = loop || w.substr(1, std::min(w.find_first_of("eE"), w.size()) - 1).find_first_of("np") != std::string::npos;
          if ((w.back() == 'e' || w.back() == 'E') && k + 1 < words.size()) {
            inline_code = true;
            runs = runs || runs_code(words[k + 1]->text);
            ++k;
          }
        }
      }
      loop = loop && (runs || !inline_code);
      // A script or -e program may read them with <> too: then no operand
      // may be a mode or a pipe.
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (!w.empty() && w[0] == '-' && words[k]->placeholders.empty()) {
          if (one_of(w, {"-e", "-E", "-I"})) ++k;  // takes the next word
          continue;
        }
        if (loop) code_word(*words[k], name + " -n/-p (<> opens 'cmd|' as a pipe)");
        else fills(*words[k], render::ElementRole::PerlOperand, name + "'s operand (<> opens 'cmd|' as a pipe)");
      }
    }
    // awk takes an input file operand NAME=VALUE as an assignment to a
    // variable of its program.
    // It decodes the escapes of a value it assigns (-v d="$D", d="$D"):
    // \n makes a line of what it prints (round 112).
    if (is_awk(name)) {
      const auto read = awk_sed_words(words, i + 1, name);
      for (std::size_t k = read.program_given ? 0 : 1; k < read.operands.size(); ++k) {
        fills(*read.operands[k], render::ElementRole::AwkOperand, name + "'s input file (NAME=VALUE there assigns a variable)");
        if (const auto& t = read.operands[k]->text; t.find('=') < t.find('/')) decoded(*read.operands[k]);
      }
      // A program that writes files (print > out, | cmd; one from -f, unread)
      // may write to the file a variable's value names (round 114).
      bool writes = read.program_given && read.program_texts.empty();
      for (const auto* t : read.program_texts) writes = writes || t->text.find_first_of(">|") != std::string::npos;
      if (!read.program_given && !read.operands.empty())
        writes = writes || read.operands.front()->text.find_first_of(">|") != std::string::npos;
      const auto assigns = [&](const ShellWord& word) {
        decoded(word);
        if (writes) fills(word, render::ElementRole::Path, name + " (a file its program may write: print > VAR)");
      };
      if (writes)
        for (std::size_t k = read.program_given ? 0 : 1; k < read.operands.size(); ++k)
          if (const auto& t = read.operands[k]->text; t.find('=') < t.find('/'))
            fills(*read.operands[k], render::ElementRole::Path, name + " (a file its program may write: print > VAR)");
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if ((w == "-v"sv || w == "--assign"sv) && k + 1 < words.size()) assigns(*words[++k]);
        else if ((w.rfind("-v", 0) == 0 && w.find('=') != std::string::npos) || w.rfind("--assign=", 0) == 0) assigns(*words[k]);
        else if (one_of(w, {"-F", "--field-separator", "-f", "--file", "-i", "--include", "-E", "--exec", "-e", "--source",
                            "-l", "--load", "-W"}))
          ++k;  // (-F /: the option's word, then more options)
        else if (w == "--"sv || w.empty() || w[0] != '-') break;
      }
    }
    if (is_jq_like(name)) {
      // jq's program is its first operand (or -f FILE); --arg NAME VALUE and
      // the like pass values in as data. jq reads its options anywhere on
      // its line, after operands and --args too (jq -f p.jq -L DIR in.json;
      // attack 165): -f and -L name code wherever they stand.
      std::size_t program = kNone;
      bool from_file = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (one_of(w, {"--arg", "--argjson", "--slurpfile", "--rawfile"})) {
          k += 2;
        } else if (one_of(w, {"-f", "--from-file", "-L", "--library-path"}) && k + 1 < words.size()) {
          code_word(*words[++k], name);
          from_file = from_file || w == "-f"sv || w == "--from-file"sv;
        } else if (w == "--indent"sv) {
          ++k;
        } else if (w.size() > 2 && (w.rfind("-L", 0) == 0 || w.rfind("--library-path=", 0) == 0 || w.rfind("--from-file=", 0) == 0)) {
          code_word(*words[k], name);  // -LDIR
          from_file = from_file || w.rfind("--from-file=", 0) == 0;
        } else if (w == "--"sv) {
          if (program == kNone && k + 1 < words.size()) program = k + 1;
          break;
        } else if ((w.empty() || w[0] != '-' || !words[k]->placeholders.empty()) && program == kNone) {
          program = k;
        }
      }
      if (!from_file && program != kNone) code_word(*words[program], name + " (its program)");
      return;
    }
    if (is_awk_or_sed(name)) {
      // The program text (-e, --expression, or the first operand when no -e
      // or -f gives one) and program files are code; awk's -v NAME=value,
      // -F, and the operands after the program (files, NAME=value) are data.
      const bool sed = name == "sed"sv || name == "gsed"sv;
      // GNU sed's e command and s///e flag run the pattern space (the
      // input's text) as a shell command: its input files and standard
      // input are code.
      if (sed && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                             [](const ShellWord* w) { return sed_runs_commands(w->text); })) {
        for (std::size_t k = i + 1; k < words.size(); ++k) code_word(*words[k], name + " (its e command runs its input)");
        return;  // (standard input: reads_code_from_stdin)
      }
      // An awk program that runs commands (system(), print | "cmd", "cmd" | getline)
      // can put any variable or input into a command line.
      if (!sed)
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (awk_runs_commands(words[k]->text)) {
            for (std::size_t j = i + 1; j < words.size(); ++j) code_word(*words[j], name + " (its program runs commands)");
            return;
          }
      bool program_given = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        const bool code_option = sed ? one_of(w, {"-e", "--expression"}) : one_of(w, {"--source", "-e"});
        // (gawk -E/--exec: a program file, then no more options.)
        const bool file_option = one_of(w, {"-f", "--file"}) || (!sed && one_of(w, {"-E", "--exec"}));
        const bool data_option = sed ? one_of(w, {"-l", "--line-length"}) : one_of(w, {"-v", "--assign", "-F", "--field-separator"});
        if (!sed && one_of(w, {"-i", "--include"}) && k + 1 < words.size()) {
          code_word(*words[++k], name + " -i (a library of awk code it loads)");  // gawk -i inplace: still a program after it
        } else if ((code_option || file_option) && k + 1 < words.size()) {
          if (sed && code_option) sed_replacement_placeholders(*words[k + 1]);
          code_word(*words[++k], name);
          program_given = true;
        } else if (data_option && k + 1 < words.size()) {
          ++k;
        } else if (w == "--"sv || (!w.empty() && w[0] != '-') || !words[k]->placeholders.empty()) {
          const auto from = w == "--"sv ? k + 1 : k;
          if (!program_given && from < words.size()) {
            if (sed) sed_replacement_placeholders(*words[from]);
            code_word(*words[from], name);
          }
          // GNU sed reads options after its operands too (sed -n S in.log
          // -f F; attack 165): read on, the rest being input files.
          if (!sed || w == "--"sv) return;
          program_given = true;
        } else if (w.rfind("-e", 0) == 0 || w.rfind("--expression=", 0) == 0 || w.rfind("-f", 0) == 0 ||
                   w.rfind("--file=", 0) == 0 || w.rfind("--source=", 0) == 0 || (sed && w.find('e') != std::string::npos && w.rfind("--", 0) != 0)) {
          code_word(*words[k], name);  // -eCODE, -ne..., --expression=CODE
          program_given = true;
        }
      }
      return;
    }
    if (one_of(name, {"su", "runuser", "script"})) {
      // The user (or typescript file) may come before -c: -c anywhere takes a command line.
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        const bool cluster_c = w.size() > 2 && w[0] == '-' && w[1] != '-' && w.back() == 'c';
        if ((w == "-c"sv || cluster_c || w == "--command"sv || w == "--session-command"sv) && k + 1 < words.size()) {
          code_word(*words[k + 1], name + " -c");
          nested_code(*words[k + 1]);
        }
        if (w.rfind("--command=", 0) == 0 || w.rfind("--session-command=", 0) == 0) code_word(*words[k], name + " -c");
      }
      return;
    }
    const bool shell_like = is_shell(name) || one_of(name, {"su", "runuser", "script"});
    // (lua -e STAT SCRIPT: the operands after the code are still files of code; attack 164.)
    const bool operands_stay_code = programs::code_options_keep_operands(name);
    const bool perl = name.rfind("perl", 0) == 0;
    const bool python = name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0;
    const std::string by = is_shell(name) ? "a shell's -c" : shell_like ? name + " -c" : "an interpreter's code option";
    const std::string_view letters = shell_like ? "c" : code_option_letters(name);
    // Options of their own that take an argument (not code).
    auto takes_argument = [&](std::string_view w) {
      // -euo pipefail: a cluster ending in o or O takes the next word.
      if (shell_like)
        return one_of(w, {"-o", "-O", "+o", "+O"}) || (w.size() > 2 && (w.back() == 'o' || w.back() == 'O')) ||
               (one_of(w, {"-u", "-s", "-g", "-w"}) && !is_shell(name));
      if (python) return one_of(w, {"-Q", "--check-hash-based-pycs"});
      // (-W and -X are switches of perl, ruby, lua and octave: perl -W -e CODE.)
      return one_of(w, {"-I", "-r"});
    };
    // Options known to take no argument (python's switches, clustered or
    // not); after any other option the next word may be its argument, so the
    // words after it are still read for code options (julia -t 4 -e CODE,
    // node --title x -e CODE).
    const auto known_switch = [&](std::string_view w) {
      return python && w.size() > 1 && w[0] == '-' && w[1] != '-' &&
             w.find_first_not_of("bBdEhiIOPqsSuvVxR", 1) == std::string_view::npos;
    };
    bool maybe_value = false;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const ShellWord& word = *words[k];
      const std::string& w = word.text;
      if (w.rfind("<(", 0) == 0) code_word(word, name + " reading a program from <(...)");
      // Code options spelled as words (erl -eval, pwsh -Command) and eval
      // subcommands (deno eval CODE, crystal eval CODE).
      // ROOT runs each operand as a macro call (macro.C("arg")), NCL each
      // NAME=VALUE operand as a statement.
      if (one_of(name, {"root", "root.exe", "ncl"}) && !w.empty() && w[0] != '-') {
        code_word(word, name + " (it runs its operands as code)");
        continue;
      }
      if ((one_of(w, {"-eval", "-Command", "-command", "-EncodedCommand", "-ec", "-enc", "-code", "--batch-string",
                      "-batch-string"}) ||
           (one_of(name, {"math", "wolfram", "WolframKernel", "MathKernel", "wolframscript"}) && one_of(w, {"-run", "-runfirst"})) ||
           (one_of(name, {"pwsh", "powershell"}) && one_of(w, {"-c", "-C", "-e", "-E"})) ||
           (k == i + 1 && w == "eval"sv && one_of(name, {"deno", "crystal", "bun"}))) && k + 1 < words.size()) {
        code_word(*words[k + 1], name + " " + w);
        return;
      }
      // Options an interpreter turns into code or an import: perl -MMOD
      // ("use MOD;"), -mMOD, -d:MOD, -F/PATTERN/ (compiled into the loop);
      // python -W ACTION::CATEGORY imports a dotted category's module.
      if (w.size() >= 2 && w[0] == '-' && w[1] != '-' && (perl || python)) {
        // (python -uW FILTER, -OWFILTER: switches that take no value may
        // come first in the word; attack 144.)
        std::size_t wx = 1;
        while (python && wx + 1 < w.size() && std::string_view("bBdEhiIOPqsSuvVxR").find(w[wx]) != std::string_view::npos) ++wx;
        const bool apart = (python ? wx + 1 : 2) == w.size() && k + 1 < words.size();
        // A cluster of switches (-lanF,): the first of M m d F takes the
        // rest of the word; i, I, x, e and E take the rest as theirs.
        std::size_t at = 1;
        while (perl && at < w.size() && std::string_view("MmdFiIxeE").find(w[at]) == std::string_view::npos &&
               std::isalnum(static_cast<unsigned char>(w[at])))
          ++at;
        if (perl && at < w.size() && std::string_view("MmdF").find(w[at]) != std::string_view::npos) {
          const std::string by_perl = name + " -" + w[at] + " (perl compiles it into the program)";
          if (at + 1 == w.size() && k + 1 < words.size() && (w[at] == 'M' || w[at] == 'm')) code_word(*words[++k], by_perl);
          else code_word(word, by_perl);
          continue;
        }
        if (python && w[wx] == 'W') {
          if (apart) after_option(*words[k + 1], true);
          warning_filter(apart ? *words[++k] : word, name + " -W");
          continue;
        }
        if (python && w[wx] == 'X') {
          // -X pycache_prefix=DIR: python loads compiled modules from DIR;
          // a value choosing the option itself could choose that one.
          const ShellWord& option = apart ? *words[++k] : word;
          const auto text = std::string_view(option.text).substr(apart ? 0 : wx + 1);
          if (text.rfind("pycache_prefix=", 0) == 0) names_code(option, name + " -X pycache_prefix (where it loads compiled code)");
          else reparse_word(option, name + " -X (an option that may name where it loads compiled code)");
          continue;
        }
      }
      if (!shell_like && w.size() > 2 && w[0] == '-' && w[1] != '-') {
        // -c"CODE", -uc"CODE", -le"CODE": code attached to a cluster of flags.
        // (node -pe CODE: the letters after the first code letter are code
        // options too, and the code is the next word.)
        bool attached = false;
        for (std::size_t j = 1; j < w.size() && std::isalpha(static_cast<unsigned char>(w[j])); ++j)
          if (letters.find(w[j]) != std::string_view::npos) {
            attached = j + 1 < w.size() && w.find_first_not_of(letters, j) != std::string::npos;
            break;
          }
        if (attached) {
          code_word(word, by);
          if (operands_stay_code) continue;
          return;
        }
      }
      if (w.rfind("--", 0) == 0 && w.find('=') != std::string::npos &&
          one_of(std::string_view(w).substr(0, w.find('=')), {"--command", "--eval", "--exec", "--execute", "--print", "--init-command",
                                                              "--batch-string"})) {
        code_word(word, by);  // --eval=CODE
        if (operands_stay_code) continue;
        return;
      }
      if (!word.placeholders.empty() || w.empty() || (w[0] != '-' && !(shell_like && w[0] == '+' && w.size() > 1))) {
        // The first operand: the script, the code's $0, or a value in option
        // position, which then must not start with '-' (python3 -u ${X}).
        // (A file that code of another language writes under a name of its
        // own, open("meta.json", "w"), is the script only when the code
        // spells the script's name.)
        runs_script_word(word, name);
        after_option(word, false);
        // Perhaps the argument of the option before: code options may follow.
        if (maybe_value && !shell_like) {
          maybe_value = false;
          continue;
        }
        return;  // the rest are the script's own arguments: their options are the script's business
      }
      if (w == "--"sv || w == "-"sv) {
        for (std::size_t j = k + 1; j < words.size(); ++j) after_option(*words[j], true);
        return;
      }
      if (w.rfind("--", 0) == 0) {
        if (one_of(w, {"--command", "--eval", "--exec", "--execute", "--print", "--init-command"}) && k + 1 < words.size())
          code_word(*words[++k], by);
        else if (one_of(w, {"--require", "--import", "--loader", "--experimental-loader", "--env-file"}) && k + 1 < words.size())
          ++k;
        else if (one_of(w, {"--rcfile", "--init-file"}) && k + 1 < words.size())
          code_word(*words[++k], name + " " + w);
        else if (takes_argument(w) && k + 1 < words.size())
          ++k;
        else
          maybe_value = w.find('=') == std::string::npos;
        continue;
      }
      if (w == "-m"sv && !shell_like) {
        // python -m MODULE: the rest are the module's arguments; timeit's are statements it runs.
        // The module is a program to run (pwnmod.py in the working directory): a value may not choose it.
        if (k + 1 < words.size()) {
          chooses_program(*words[k + 1], name + " -m (the module it runs)");
        }
        if (k + 1 < words.size() && words[k + 1]->text == "timeit"sv)
          for (std::size_t j = k + 2; j < words.size(); ++j) code_word(*words[j], name + " -m timeit");
        // python -m pdb -c CMD: debugger commands, '!' runs python.
        if (k + 1 < words.size() && one_of(words[k + 1]->text, {"pdb", "ipdb", "pudb"}))
          for (std::size_t j = k + 2; j + 1 < words.size() && !words[j]->text.empty() && words[j]->text[0] == '-'; ++j)
            if (words[j]->text == "-c"sv || words[j]->text == "--command"sv) code_word(*words[++j], name + " -m pdb -c");
        return;
      }
      bool code = false;
      for (char ch : std::string_view(w).substr(1)) code = code || letters.find(ch) != std::string_view::npos;
      if (code) {
        // -c CODE; an interpreter's "-cCODE" holds it in the same word.
        if (shell_like || letters.find(w.back()) != std::string_view::npos) {
          // Options may stand between -c and the code (-c -o pipefail, -c --).
          while (shell_like && k + 2 < words.size() && words[k + 1]->placeholders.empty() &&
                 (words[k + 1]->text == "--"sv || (words[k + 1]->text.size() > 1 && (words[k + 1]->text[0] == '-' || words[k + 1]->text[0] == '+')))) {
            const bool with_argument = takes_argument(words[k + 1]->text);
            k += with_argument ? 2 : 1;
          }
          // node -p -e CODE: -p prints what -e evaluates.
          while (!shell_like && k + 2 < words.size() && words[k + 1]->placeholders.empty() &&
                 words[k + 1]->text.size() > 1 && words[k + 1]->text[0] == '-')
            ++k;
          if (k + 1 < words.size()) {
            code_word(*words[++k], by);
            if (shell_like) nested_code(*words[k], std::vector<const ShellWord*>(words.begin() + k, words.end()));
          }
          if (operands_stay_code) continue;
          return;
        }
        code_word(word, by);
        continue;
      }
      // (A word starting with '-' after it is read as an option too: it may
      // be a code option, ruby -I -e CODE.)
      if (takes_argument(w) && k + 1 < words.size() && (words[k + 1]->text.rfind('-', 0) != 0 || !words[k + 1]->placeholders.empty()))
        after_option(*words[++k], true);
      else maybe_value = !known_switch(w);
    }
  }

  void declaration(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& name) {
    bool integer = false, nameref = false, functions = false, array = false, exports = name == "export"sv;
    std::string case_change;  // declare -l NAME, -u NAME: each value NAME is given, lowered or raised
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const ShellWord& w = *words[k];
      // declare -$ATTR NAME: attributes chosen at run time may be any.
      if (w.text.size() > 1 && w.text[0] == '-' && w.text.find('$') != std::string::npos) {
        integer = exports = true;
        continue;
      }
      if (w.text.size() > 1 && w.text[0] == '-' && w.placeholders.empty() && w.refs.empty()) {
        integer = integer || w.text.find('i') != std::string::npos;
        nameref = nameref || w.text.find('n') != std::string::npos;
        functions = functions || w.text.find('f') != std::string::npos;
        array = array || w.text.find_first_of("aA") != std::string::npos;
        exports = exports || w.text.find('x') != std::string::npos;
        if (w.text.find('l') != std::string::npos) case_change += 'L';
        if (w.text.find('u') != std::string::npos) case_change += 'U';
        continue;
      }
      // (As bash makes the case of a UTF-8 value, some letters beyond ASCII
      // become ASCII ones: İnstance:// lowered is instance://; attack 203.)
      if (!case_change.empty() && !w.text.empty() && is_name_start(w.text[0]) &&
          w.text.substr(0, w.text.find('=')).find_first_of("$`") == std::string::npos) {
        auto& cut = cuts_[assigned_name(w.text)];
        cut.merge(kWholeValue);
        for (const char how : case_change) {
          render::ValueCut changed;
          changed.ways = {{{std::string(1, how), "", 'c'}}};
          cut.merge(changed);
        }
      }
      if (exports && !functions && !w.text.empty() && is_name_start(w.text[0])) exported_.insert(assigned_name(w.text));
      // export "$v", declare -x $(echo N), export ${!P@}: any name may be the one exported.
      if (exports && !functions) {
        const std::string_view written = std::string_view(text_).substr(w.begin, w.end - w.begin);
        if (written.substr(0, written.find('=')).find_first_of("$`") != std::string_view::npos) allexport_ = true;
        // export {A,B}, export PERL5{LIB,}, export "A"B: names brace
        // expansion or quoting makes are not what the word says.
        const auto name_part = written.substr(0, written.find('='));
        if (!name_part.empty() && name_part.front() != '-' &&
            !std::all_of(name_part.begin(), name_part.end(), [](char ch) { return is_name_char(ch) || ch == '[' || ch == ']'; }))
          names_exported_at_run_time_ = true;
      }
      // export -f NAME, declare -fx NAME, declare -f NAME (printed, e.g. into
      // bash -c "$(declare -f NAME); NAME"): the body leaves this shell.
      if (functions) {
        function_text_leaves(w.text);
        continue;
      }
      // A declaration builtin reads each argument as NAME=value, quoted or
      // not: a value before the '=' (or in a word without one) names the
      // variable and can set BASH_ENV, PATH, or an array with $(...) in it.
      const auto eq = w.text.find('=');
      const std::size_t name_end = w.begin + (eq == std::string::npos ? w.text.size() : eq);
      for (auto p : w.placeholders)
        if (t_.placeholders[p].begin < name_end || eq == std::string::npos)
          reparse_placeholder(p, name + " (it reads NAME=value)");
      // declare "A[$K]=v", local "seen[$1]=1": the name part, subscript
      // included, is expanded and then read again (a subscript runs $(...)).
      const std::string_view whole = std::string_view(text_).substr(w.begin, w.end - w.begin);
      if (const auto raw_eq = whole.find('='); raw_eq != std::string_view::npos && eq != std::string::npos) {
        for (const auto& n : names_in(whole.substr(0, raw_eq)))
          uses_.push_back({n, Use::Code, name + " (it reads NAME=value, its subscript too)"});
        // export "$1=$2", declare -g "$N=$V", export {A,B}=V: the variable
        // is named at run time (or by a brace expansion).
        if (whole.substr(0, raw_eq).find_first_of("$`{") != std::string_view::npos) assign(kNamedAtRunTime, {&w}, 0);
      }
      if (eq == std::string::npos) {
        for (const auto& r : w.refs) uses_.push_back({r, Use::Code, name + " (it reads NAME=value)"});
        // Later NAME=... is arithmetic; declare -i "$v", declare -i $VARS:
        // any variable may be the one made an integer.
        const bool named_at_run_time = !w.refs.empty() || w.text.find('$') != std::string::npos;
        if (integer) uses_.push_back({named_at_run_time ? std::string(kEnvironment) : w.text, Use::Arithmetic, name + " -i"});
        integer_variables_ = integer_variables_ || integer;
        continue;
      }
      // declare "a=(...)": a quoted list is parsed as words again (an
      // unquoted NAME=(...) was read by the lexer as the list it is).
      const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
      if (w.text.compare(eq + 1, 1, "(") == 0 && raw.find("=(") != eq) reparse_word(w, "declare NAME=(...)");
      // declare -a NAME="$v" (also on a name already an array): bash reads a
      // value that expands to "(...)" as a list of words again, $(...) in it too.
      // (A placeholder is written "${CLEARML_...}": its '$' counts too.)
      const bool expanded_value = raw.find_first_of("$`", raw.find('=')) != std::string_view::npos;
      if ((array || may_be_array(assigned_name(w.text))) && raw.find("=(") == std::string_view::npos && expanded_value)
        reparse_word(w, name + " -a (it reads a value \"(...)\" as a list of words again)");
      // (declare -ai A=(...): each element is evaluated; the list stays one.)
      assignment(w, integer && w.text.compare(eq + 1, 1, "(") != 0);
      if (integer) arithmetic_word(w);
      integer_variables_ = integer_variables_ || integer;
      if (nameref) {
        // declare -n REF=NAME: REF is NAME.
        name_position(w, name + " -n");
        const auto ref = assigned_name(w.text);
        const auto target = w.text.substr(eq + 1);
        if (!target.empty() && is_name_start(target[0])) {
          edges_[ref].insert(assigned_name(target));
          edges_[assigned_name(target)].insert(ref);
        } else {
          edges_[ref].insert(kAnyVariable);  // local -n REF=$1: whichever variable the caller names
          runtime_namerefs_.insert(ref);
        }
      }
      const auto target = assigned_name(w.text);
      if (integer) uses_.push_back({target, Use::Arithmetic, name + " -i"});
    }
  }

  // Names the template binds to a program file: hash -p FILE NAME,
  // BASH_CMDS[NAME]=FILE, and links or copies of a program (ln -s FILE
  // NAME, cp, install). The program is FILE's base name, or X of
  // $(command -v X), $(which X); unknown ("") otherwise.
  // Whether NAME may be an array when a declaration assigns it: made one by
  // NAME=(...), declare -a or -A, declare -n (a nameref may name one), read
  // -a, mapfile, an element written or read anywhere (NAME[0]=v,
  // ${NAME[0]:=v}), or one of bash's own.
  bool may_be_array(const std::string& name) const {
    if (arrays_.count(name) || split_arrays_.count(name) || runtime_namerefs_.count(name)) return true;
    if (one_of(name, {"BASH_REMATCH", "BASH_ARGV", "BASH_ARGC", "BASH_LINENO", "BASH_SOURCE", "BASH_VERSINFO",
                      "DIRSTACK", "FUNCNAME", "GROUPS", "PIPESTATUS", "COMP_WORDS", "COPROC", "MAPFILE", "BASH_ALIASES",
                      "BASH_CMDS"}))
      return true;
    if (!indexed_names_) {
      // Every NAME[ of the text, found once.
      indexed_names_.emplace();
      for (auto at = text_.find('['); at != std::string::npos; at = text_.find('[', at + 1)) {
        auto b = at;
        while (b > 0 && is_name_char(text_[b - 1])) --b;
        if (b < at && is_name_start(text_[b])) indexed_names_->insert(text_.substr(b, at - b));
      }
    }
    return indexed_names_->count(name) > 0;
  }
  static std::string program_of(const ShellWord& w) {
    for (std::string_view finder : {"$(command -v ", "$(which ", "$(type -P ", "`which ", "`command -v "}) {
      const auto at = w.text.find(finder);
      if (at == std::string::npos) continue;
      const auto b = at + finder.size();
      const auto e = w.text.find_first_of(")` ", b);
      const auto x = w.text.substr(b, e == std::string::npos ? std::string::npos : e - b);
      return x.find_first_of("$`\"'") == std::string::npos ? std::string(basename_of(x)) : "";
    }
    if (!w.placeholders.empty() || w.text.find_first_of("$`") != std::string::npos) return "";
    return std::string(basename_of(w.text));
  }
  void renames(const std::vector<const ShellWord*>& words, std::size_t i, const std::string& program) {
    for (const auto* w : words)
      if (w->text.rfind("BASH_CMDS[", 0) == 0)
        if (const auto close = w->text.find("]="); close != std::string::npos) {
          ShellWord file = *w;
          file.text = w->text.substr(close + 2);
          renamed_[w->text.substr(10, close - 10)] = program_of(file);
        }
    if (program == "hash"sv)
      for (std::size_t k = i + 1; k + 2 < words.size(); ++k)
        if (words[k]->text == "-p"sv) {
          for (std::size_t n = k + 2; n < words.size(); ++n)
            renamed_[std::string(basename_of(words[n]->text))] = program_of(*words[k + 1]);
          return;
        }
    if (!one_of(program, {"ln", "cp", "install"})) return;
    std::vector<const ShellWord*> operands;
    for (std::size_t k = i + 1; k < words.size(); ++k) {
      const auto& t = words[k]->text;
      if (t.size() > 1 && t[0] == '-' && words[k]->placeholders.empty()) {
        if (program == "install"sv && one_of(t, {"-m", "-o", "-g", "--mode", "--owner", "--group"})) ++k;
        if (one_of(t, {"-t", "--target-directory", "-S", "--suffix"})) ++k;
        continue;
      }
      operands.push_back(words[k]);
    }
    if (operands.size() != 2 || operands[1]->text.empty() || operands[1]->text.back() == '/') return;
    // install -m 755 /dev/stdin launch.sh <<'EOF': the file holds what the
    // input did, not /dev/stdin's program (read as a written file).
    if (names_stdin(operands[0]->text) || operands[0]->text == "/dev/tty"sv ||
        operands[0]->text.starts_with("/dev/fd/") || operands[0]->text.starts_with("/proc/self/fd/"))
      return;
    const std::string name(basename_of(operands[1]->text));
    if (!name.empty() && name.find_first_of("$`") == std::string::npos) renamed_[name] = program_of(*operands[0]);
  }

  static bool is_bash_builtin(std::string_view n) {
    return one_of(n, {":", ".", "[", "alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen",
                      "complete", "compopt", "continue", "declare", "dirs", "disown", "echo", "enable", "eval", "exec",
                      "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill",
                      "let", "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd", "read", "readarray",
                      "readonly", "return", "set", "shift", "shopt", "source", "suspend", "test", "times", "trap",
                      "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "wait"});
  }

  // ---- standard input ----------------------------------------------------

  std::string reads_code_from_stdin(std::size_t c) {
    const auto words = words_of(c);
    std::size_t i = 0;
    while (i < words.size() && is_assignment_word(words[i]->text)) ++i;
    if (i >= words.size() || t_.commands[c].header == "function"sv || t_.commands[c].header == "case"sv ||
        !t_.commands[c].header.empty())
      return {};
    return reads_code_from_stdin(c, words, i);
  }

  // Whether a sed script has an e command or an s command with the e flag.
  static bool sed_runs_commands(std::string_view s) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      // Where a command may start: the beginning, after ';', '{', '}' or a
      // line break, past blanks and an address (digits, $, ',', '!', /re/).
      if (k == 0 || std::string_view(";{}\n").find(s[k - 1]) != std::string_view::npos) {
        std::size_t j = k;
        while (j < s.size() && std::string_view(" \t0123456789$,!~").find(s[j]) != std::string_view::npos) ++j;
        if (j < s.size() && s[j] == 'e' && (j + 1 == s.size() || std::string_view(" \t;}\n").find(s[j + 1]) != std::string_view::npos))
          return true;
      }
      if (s[k] != 's' || k + 1 >= s.size() || (k > 0 && is_name_char(s[k - 1])) || is_name_char(s[k + 1]) ||
          s[k + 1] == ' ' || s[k + 1] == '\n' || s[k + 1] == '\\')
        continue;
      const char delim = s[k + 1];
      std::size_t j = k + 2;
      for (int parts = 0; j < s.size() && parts < 2; ++j) {
        if (s[j] == '\\') ++j;
        else if (s[j] == delim) ++parts;
      }
      while (j < s.size() && std::string_view("gpiImMe0123456789w").find(s[j]) != std::string_view::npos) {
        if (s[j] == 'e') return true;
        if (s[j] == 'w') break;  // w FILE: the rest is the file's name
        ++j;
      }
    }
    return false;
  }
  // Shell code that may run its standard input: it sources or names it, or
  // reads a line and evaluates or runs something.
  static bool runs_its_input(std::string_view code) {
    if (one_of_found(code, {"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})) return true;  // as names_stdin
    return one_of_found(code, {"read ", "mapfile", "readarray", "$(cat"}) &&
           one_of_found(code, {"eval", "source", ". ", "bash", "sh ", "$l"});
  }

  // Whether the program at words[i] (through runners) runs what it reads on
  // standard input: the description of who does, or "".
  // Whether one of `options` (short ones clustered or attached too: -f-,
  // -sSfK-, --file=-, -K/dev/stdin) names standard input.
  static bool option_names_stdin(const std::vector<const ShellWord*>& words, std::size_t i, std::string_view options) {
    bool stdin = false;
    each_option_value(words, i, options, [&](std::size_t k, std::string_view value, std::string_view) {
      stdin = stdin || names_stdin(value.empty() ? std::string_view(words[k]->text) : value);
    });
    return stdin;
  }
  std::string reads_code_from_stdin(std::size_t c, const std::vector<const ShellWord*>& words, std::size_t i) {
    const std::string name(basename_of(words[i]->text));
    if (functions_.count(name)) return code_functions_.count(name) ? "the function " + name : "";
    // A command chosen at run time ("$@", $CMD, "$(command -v python3)",
    // `which bash`) may be a shell.
    const auto unquoted = std::string_view(words[i]->text).substr(std::min(words[i]->text.find_first_not_of("\"'"), words[i]->text.size()));
    if (!unquoted.empty() && (unquoted[0] == '$' || unquoted[0] == '`')) return "a command chosen at run time";
    // Container shells, and images started without a command (whose
    // default command may be a shell), read their input as code.
    const auto sub = [&](std::size_t k) { return k < words.size() ? std::string_view(words[k]->text) : std::string_view(); };
    const auto interactive = [&] {
      return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i), words.end(), [](const ShellWord* w) {
        return one_of(w->text, {"-i", "--interactive", "-it", "-ti", "--stdin", "--stdin=true", "-i=true"});
      });
    };
    // (kubectl run -i IMAGE, debug -i: the image's shell; attach -i: a running one.)
    if (((name == "singularity"sv || name == "apptainer"sv) && (sub(i + 1) == "shell"sv || sub(i + 1) == "run"sv)) ||
        (name == "enroot"sv && sub(i + 1) == "start"sv) ||
        (one_of(name, {"docker", "podman", "nerdctl"}) && sub(i + 1) == "run"sv && interactive()) ||
        (one_of(name, {"kubectl", "oc"}) && one_of(sub(i + 1), {"run", "debug", "attach"}) && interactive()))
      return name + " " + std::string(sub(i + 1)) + " (a container's shell or default command reads its input)";
    for (std::size_t k = i + 1; k < words.size(); ++k)
      if (names_stdin(words[k]->text) && words[k]->text != "-"sv &&
          (is_shell(name) || is_interpreter(name) || is_awk_or_sed(name) ||
           one_of(name, {"source", ".", "at", "crontab", "scrontab", "batch", "sbatch"})))
        return name + " reading /dev/stdin";
    if (one_of(name, {"ed", "ex"})) return name + " (it runs what it reads on standard input)";
    // jupyter nbconvert --stdin --execute, jupyter execute/run -, papermill
    // - OUT: the cells of a notebook read from standard input run.
    {
      const auto rest = std::vector<const ShellWord*>(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
      const auto any_word = [&](auto&& pred) { return std::any_of(rest.begin(), rest.end(), pred); };
      // (Also jupyter-nbconvert, jupyter-execute, python -m nbconvert and
      // /dev/stdin for its input.)
      const bool module_runs = (name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0) && i + 2 < words.size() &&
                               words[i + 1]->text == "-m"sv &&
                               one_of(words[i + 2]->text, {"nbconvert", "jupyter", "papermill", "nbclient", "jupyter_client"});
      const bool notebook_runner = one_of(name, {"jupyter", "jupyter-nbconvert", "jupyter-execute", "papermill"}) || module_runs;
      const bool executes =
          notebook_runner && (name == "papermill"sv || name == "jupyter-execute"sv || one_of(sub(i + 1), {"execute", "run"}) ||
                              (module_runs && words[i + 2]->text == "papermill"sv) ||
                              any_word([](const ShellWord* w) { return w->text.find("xecute") != std::string::npos; }));
      if (executes && any_word([](const ShellWord* w) { return w->text == "--stdin"sv || names_stdin(w->text); }))
        return name + " (it runs the cells of a notebook it reads on standard input)";
    }
    // mail and mailx run a message line starting ~! as a shell command (~|
    // pipes the message through one) once tilde escapes are on for input
    // that is not a terminal: -~, -# (batch mode), -I or -S interactive.
    if (one_of(name, {"mail", "mailx", "Mail", "s-nail", "nail", "bsd-mailx", "heirloom-mailx"}) &&
        std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(), [](const ShellWord* w) {
          const std::string_view t = w->text;
          return (t.size() > 1 && t[0] == '-' && t[1] != '-' && t.find_first_of("~#I") != std::string_view::npos) ||
                 t.find("interactive") != std::string_view::npos || t.find("tilde") != std::string_view::npos;
        }))
      return name + " with tilde escapes (a line starting ~! runs a shell command)";
    // Container recipes and manifests read from standard input (docker
    // build -, podman build -f -, apptainer build x.sif /dev/stdin, kubectl
    // apply -f -): their RUN lines, %post sections and commands run.
    if (one_of(name, {"docker", "podman", "nerdctl", "buildah", "buildctl", "kaniko", "img", "singularity", "apptainer",
                      "kubectl", "oc", "helm", "docker-compose", "podman-compose", "nomad", "skaffold"}) &&
        (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                     [](const ShellWord* w) { return names_stdin(w->text); }) ||
         option_names_stdin(words, i, "-f --file --filename -c --compose-file -k --kustomize")))
      return name + " reading a recipe or manifest on standard input (its RUN lines and commands run)";
    // flux bulksubmit runs a command for each line it reads.
    if (name == "flux"sv && sub(i + 1) == "bulksubmit"sv) return "flux bulksubmit (a command for each line it reads)";
    // deno run -, bun run -: the program is what they read.
    if (one_of(name, {"deno", "bun"}) && std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                                                     [](const ShellWord* w) { return w->text == "-"sv; }))
      return name + " - (it runs the program it reads on standard input)";
    // Command interpreters with a shell escape (.shell, \!, !cmd) or code of their own.
    if (one_of(name, {"sqlite3", "sqlite", "duckdb", "psql", "mysql", "mariadb", "clickhouse-client", "mongosh",
                      "mongo", "redis-cli", "spark-shell", "pyspark", "spark-sql", "beeline", "hive", "vim", "vi",
                      "nvim", "view", "emacs", "lftp", "ftp", "sftp", "telnet", "script", "clisp", "gp",
                      "wolframscript", "math", "micropython", "rc", "es", "osh", "chronic", "bwrap", "firejail",
                      "nsjail", "proot", "fakeroot", "fakechroot", "chroot", "flatpak-spawn", "sqlplus", "usql",
                      "cockroach", "snowsql", "impala-shell", "sqlcmd", "swipl", "groovysh", "matlab", "octave",
                      "ansible-playbook", "bpftrace", "smbclient", "rpcclient", "sas", "mapdl", "ansys", "fluent",
                      "ferret", "grads", "visit", "lmp", "lmp_serial", "lmp_mpi", "stata", "stata-mp", "stata-se",
                      "abaqus", "comsol", "gams", "xfoil", "vmd", "pymol", "nrniv", "tleap"}) ||
        one_of(programs::unversioned(name), {"ansys", "mapdl", "fluent", "stata", "sas"}))
      return name + " (it runs what it reads on standard input)";
    // curl -K - reads options (-o FILE, --config), wget -i - the addresses
    // to fetch (also -sSfK-, --config=-, -K/dev/fd/0).
    if ((name == "curl"sv && option_names_stdin(words, i, "-K --config")) ||
        (name == "wget"sv && option_names_stdin(words, i, "-i --input-file")))
      return name + " reading its options or addresses from standard input";
    if (name == "envsubst"sv) return "envsubst (it expands $NAME in what it reads: the job's secrets too)";
    // xargs without a command runs echo: it prints its input's words, as a
    // filter does (what it prints is followed as split words, not code).
    if (name == "xargs"sv) {
      const auto s = scan_options(words, i + 1, runner_counts(*find_runner("xargs")));
      if (s.operand == kNone && s.unknown == kNone) return {};
      if (s.operand != kNone && s.unknown == kNone && xargs_gives_operands(c, words, i, s.operand)) return {};
    }
    if (one_of(name, {"ssh", "slogin", "autossh", "rsh", "krsh", "remsh", "dbclient", "xdsh", "ds_ssh", "qrsh", "blaunch",
                      "oarsh", "mrsh", "at", "batch", "xargs",
                      "parallel", "su", "runuser", "sbatch", "salloc", "crontab", "qsub", "bsub", "msub", "condor_submit"})) {
      if (name == "sbatch"sv) {
        // sbatch reads the script from standard input when no file is named.
        if (const auto script = batch_script(words, i); script.certain && words[script.at]->text != "-"sv) return {};
        bool wrap = false;
        for (std::size_t k = i + 1; k < words.size(); ++k) wrap = wrap || words[k]->text.rfind("--wrap", 0) == 0;
        if (wrap) return {};
      }
      if (name == "crontab"sv) {
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (words[k]->text[0] != '-' || words[k]->text == "-"sv) return words[k]->text == "-"sv ? "crontab -" : "";
      }
      if ((name == "su"sv || name == "runuser"sv)) {
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (words[k]->text == "-c"sv || words[k]->text.rfind("--command", 0) == 0) return {};
      }
      return name + " (it runs what it reads on standard input)";
    }
    if (name == "sudo"sv || name == "doas"sv) {
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text == "-s"sv || words[k]->text == "-i"sv || words[k]->text == "--shell"sv ||
            words[k]->text == "--login"sv)
          return name + " -s";
    }
    if (name == "gnuplot"sv) {
      // gnuplot runs -e's commands, then each file operand in turn, '-'
      // being standard input, and standard input when no file is named;
      // its options are words (-persist, -geometry WxH), -c runs a script.
      bool file = false;
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "-"sv) return "gnuplot - (it runs the commands it reads on standard input)";
        if (w == "-c"sv || w == "--call"sv) return {};
        if (one_of(w, {"-e", "--e", "-geometry", "-bg", "-background", "-fg", "-foreground", "-font", "-fn", "-name",
                       "-title", "-xrm", "-bd", "-bordercolor", "-borderwidth", "-bw", "-display"}))
          ++k;
        else if (!w.empty() && w[0] != '-')
          file = true;
      }
      return file ? "" : "gnuplot (it reads its commands from standard input)";
    }
    // torchrun -, deepspeed -, accelerate launch -, python3 -m
    // torch.distributed.run -: the launcher's python reads its program
    // from standard input.
    if (one_of(name, {"torchrun", "deepspeed", "accelerate", "horovodrun", "composer", "colossalai"}) ||
        launches_module(module_of(words, i, name)))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (words[k]->text == "-"sv) return name + " - (the launcher runs the program it reads on standard input)";
    if (is_shell(name) || (is_interpreter(name) && !one_of(name, {"make", "gmake", "cmake", "m4", "jq"}))) {
      bool code_option = false, operand = false, stdin_option = false;
      const std::string_view letters = code_option_letters(name);
      for (std::size_t k = i + 1; k < words.size(); ++k) {
        const auto& w = words[k]->text;
        if (w == "-s"sv) stdin_option = true;
        // python3 -i train.py, node -i: after the script (or none) the
        // interpreter reads more code from its input.
        // (perl -i and ruby -i edit files in place.)
        const bool interactive_i = name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0 || name == "node"sv ||
                                   name == "nodejs"sv;
        if (w == "--interactive"sv && interactive_i) stdin_option = true;
        if (w.size() > 1 && w[0] == '-' && w[1] != '-' && interactive_i)
          for (char ch : std::string_view(w).substr(1)) {
            if (std::string_view("WXmcQeEr").find(ch) != std::string_view::npos) break;  // the rest is its argument
            if (ch == 'i') stdin_option = true;
          }
        if (w.size() > 1 && w[0] == '-' && w[1] != '-') {
          bool code_letter = false;
          for (char ch : std::string_view(w).substr(1)) code_letter = code_letter || letters.find(ch) != std::string_view::npos;
          code_option = code_option || code_letter;
          // python -m code (an interactive console) runs what it reads.
          if (w == "-m"sv && k + 1 < words.size() && one_of(words[k + 1]->text, {"code", "pdb", "IPython", "ptpython", "bpython"}))
            return name + " -m " + words[k + 1]->text + " (it runs what it reads on standard input)";
          if (one_of(w, {"-m", "-W", "-X"})) ++k;  // python -m MODULE runs a module, not stdin
          if (w == "-m"sv) operand = true;
          // The next word may be the argument of an option whose argument
          // count is not known (julia -t 4 -, python -Q new -): not a script.
          const bool python = name.rfind("python", 0) == 0 || name.rfind("pypy", 0) == 0;
          const bool no_argument = python ? w.find_first_not_of("bBdEhiIOPqsSuvVxR", 1) == std::string::npos
                                          : is_shell(name) && w.find_first_of("oO") == std::string::npos;
          if (!code_letter && !no_argument && w != "-m"sv && w != "-W"sv && w != "-X"sv) ++k;
          continue;
        }
        // --check-hash-based-pycs always -: a long option's argument is no script either.
        if (w.size() > 2 && w.rfind("--", 0) == 0 && w.find('=') == std::string::npos) {
          ++k;
          continue;
        }
        if (w == "-"sv) break;
        // An expansion may be empty ("$@", $ARGS): then there is no script.
        if (!w.empty() && w[0] != '-' && w[0] != '$') {
          operand = true;
          break;
        }
      }
      if (stdin_option || (!code_option && !operand)) return name + " (it reads a program from standard input)";
      // python3 -c '...os.system(input())', or a script the template wrote
      // that does so (echo "$X" | python3 prep.py): its input is code.
      if (!is_shell(name))
        for (std::size_t k = i + 1; k < words.size(); ++k) {
          if (code_option && input_reaches_code(words[k]->text))
            return name + " code that runs commands and reads standard input";
          if (const auto writers = text_writers_.find(file_key_of(words[k]->text)); writers != text_writers_.end())
            for (const auto w : writers->second)
              for (const auto& body : written_texts(w))
                if (input_reaches_code(body)) return name + " running " + words[k]->text + " (it runs commands and reads standard input)";
        }
      // sh -c 'source /dev/stdin', sh -c 'read l; eval "$l"': the code
      // string may run what it reads.
      if (code_option && is_shell(name))
        for (std::size_t k = i + 1; k < words.size(); ++k)
          if (runs_its_input(words[k]->text)) return name + " -c code that runs what it reads on standard input";
      return {};
    }
    if (is_sed(name))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        if (sed_runs_commands(words[k]->text)) return name + " (its e command runs its input as commands)";
    if (is_awk_or_sed(name) && !is_sed(name))
      for (std::size_t k = i + 1; k < words.size(); ++k)
        // The program, not -F| or -v values: system(), cmd | getline, print | cmd.
        if (words[k]->text.rfind("-", 0) != 0 && words[k - 1]->text != "-F"sv && words[k - 1]->text != "-v"sv &&
            awk_runs_commands(words[k]->text))
          return name + " (its program runs commands, which may come from its input: system(), | getline, print |)";
    if (one_of(name, {"awk", "gawk", "mawk", "nawk", "sed", "gsed", "gdb", "make", "m4", "at", "mlr"}) || is_jq_like(name)) {
      // (-f -, -f-, --file=/dev/stdin, --from-file=-.)
      // (gawk's -E/--exec and -i/--include read program files too.)
      if (option_names_stdin(words, i, "-f -x --file --from-file --command") ||
          (is_awk_or_sed(name) && !is_sed(name) && option_names_stdin(words, i, "-E --exec -i --include")))
        return name + " reading its program from standard input";
      if (one_of(name, {"bc", "dc", "m4"})) return name;
      return {};
    }
    if (const auto k = program_run_by(words, i); k < words.size()) return reads_code_from_stdin(c, words, k);
    // A here-document or here-string given to a program no list here knows
    // is most often its program (gdl <<EOF, sas -stdio <<EOF, a solver's
    // input deck): read as code, unless the program is a script the
    // template names (train.py <<EOF) or a builtin.
    const auto& cmd = t_.commands[c];
    const bool fed_text = !cmd.heredocs.empty() || std::any_of(cmd.words.begin(), cmd.words.end(), [](const ShellWord& w) {
      return w.role == ShellWord::Role::HereString;
    });
    if (fed_text && !programs::reads_input_as_data(name) && !is_bash_builtin(name) && !render::is_code_file(name))
      return name + " (given a here-document or here-string; a program slurmglue does not know to read it as data "
                    "may run it as its program, as gdl, sas and solvers' input decks do)";
    return {};
  }

  // ---- variables ---------------------------------------------------------

  // Whether every element of a compound value "(...)" (as written) is
  // [KEY]=VALUE, which bash assigns without splitting ("[x" is no key). Words are split at blanks outside quotes, ${...},
  // $(...) and [...].
  static bool keyed_elements(std::string_view value) {
    if (value.size() < 2 || value.front() != '(') return false;
    value = value.substr(1, value.size() - (value.back() == ')' ? 2 : 1));
    bool any = false, keyed = true, word_start = true;
    char quote = 0;
    int depth = 0;
    for (std::size_t k = 0; k < value.size(); ++k) {
      const char c = value[k];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"') ++k;
        continue;
      }
      if (depth == 0 && (c == ' ' || c == '\t' || c == '\n')) {
        word_start = true;
        continue;
      }
      if (word_start && depth == 0) {
        any = true;
        keyed = keyed && c == '[';
        word_start = false;
      }
      if (c == '\\') ++k;
      else if (c == '\'' || c == '"') quote = c;
      else if (c == '{' || c == '(' || c == '[') ++depth;
      else if ((c == '}' || c == ')' || c == ']') && depth > 0) --depth;
    }
    return any && keyed;
  }

  // A copy that code reads, through any chain of files: the values naming
  // its sources name code.
  void copies_run_as_code() {
    std::set<std::string> reached;
    std::vector<std::string> open;
    for (const auto& use : uses_)
      if (use.kind == Use::Code && reached.insert(use.name).second) open.push_back(use.name);
    while (!open.empty()) {
      const auto name = std::move(open.back());
      open.pop_back();
      if (const auto e = edges_.find(name); e != edges_.end())
        for (const auto& s : e->second)
          if (reached.insert(s).second) open.push_back(s);
    }
    for (const auto& name : reached)
      if (name.rfind("file:", 0) == 0 && (direct_.count("copy:" + name) || edges_.count("copy:" + name)))
        uses_.push_back({"copy:" + name, Use::Role, "the source of a copy that runs as code", render::ElementRole::CodePath});
  }
  void solve() {
    // cd "runs/${X}" with '.', then rm -rf ./* or python3 ../../train.py:
    // the directory entered is then one the template writes in or climbs
    // from, and a value may not name the directory around it (attack 182).
    if (climbs_or_clears_relative_)
      uses_.push_back({kCwd, Use::Role, "the directory cd enters, where the template then climbs with '..' or "
                                        "deletes by relative names",
                       render::ElementRole::Path});
    // NAME=FILE of a startup or command file counts where NAME reaches a
    // program's environment.
    for (auto& [name, uses] : startup_uses_)
      if (in_environment(name)) uses_.insert(uses_.end(), uses.begin(), uses.end());
    // Options with their value in an array that stands where a command may
    // be read: options of srun, salloc or sbatch (SlurmOption), whose rules
    // they keep, else possibly the command (env --chdir=DIR, sudo --user=U
    // would be read without their own rules).
    std::set<std::size_t> option_elements;
    // taint[name]: the placeholders whose values reach the variable.
    std::map<std::string, std::set<std::size_t>> taint = direct_;
    const bool nocasematch = text_.find("nocasematch") != std::string::npos;
    // GIT_BRANCH=${...}: code only where programs see it, in their
    // environment. (Decided here: an export may follow the assignment.)
    for (const auto& [w, name] : environment_only_assignments_)
      if (in_environment(name)) code_variable_word(w, name);
    // Only what a use or a variable's own rule below asks about is solved,
    // with what it takes from: a name nothing reads (the output of each of
    // thousands of functions, each holding the values of every call) was
    // thousands of sets of thousands.
    copies_run_as_code();
    // (jq's JSON of a value decodes and cuts nothing: each character stays,
    // in order, escaped where JSON needs it; attack 192's facebook/opt-1.3b.)
    // A name chosen at run time (printf -v "$n", declare "$n=...") may be
    // any variable: then no variable holds only JSON.
    const bool json_holds = !direct_.count(kNamedAtRunTime) && !edges_.count(kNamedAtRunTime);
    if (json_holds)
      for (const auto& n : json_texts()) {
        decoded_outputs_.erase(n);
        program_outputs_.erase(n);
      }
    std::set<std::string> wanted{std::string(kNamedAtRunTime)};
    for (const auto& use : uses_) wanted.insert(use.name);
    for (const auto* names : {&direct_, &taint})
      for (const auto& [name, from] : *names)
        if (name.find(':') == std::string::npos) wanted.insert(name);
    for (const auto& [name, sources] : edges_)
      if (name.find(':') == std::string::npos) wanted.insert(name);
    for (std::vector<std::string> open(wanted.begin(), wanted.end()); !open.empty();) {
      const auto name = std::move(open.back());
      open.pop_back();
      if (const auto e = edges_.find(name); e != edges_.end())
        for (const auto& s : e->second)
          if (wanted.insert(s).second) open.push_back(s);
    }
    // Each round follows the edges whose source changed in the round
    // before (the first, every edge): following all of them again, with
    // sets of thousands of placeholders, was quadratic in the template.
    std::set<std::string> changed_before;
    // What each name holds but by its own once-made cuts (OUT="${OUT%/}"),
    // which are made, in the template's order, on that alone.
    std::map<std::string, render::ValueCut> before_own_cuts = cuts_;
    for (bool first = true, changed = true; changed; first = false) {
      changed = false;
      std::set<std::string> changed_now;
      const auto mark = [&](const std::string& n) {
        changed = true;
        changed_now.insert(n);
      };
      for (const auto& [name, sources] : edges_)
        for (const auto& s : sources) {
          if (!wanted.count(name) || (!first && !changed_before.count(s))) continue;
          auto it = taint.find(s);
          if (it == taint.end() || s == name) continue;
          auto& into = taint[name];  // (a std::map: it stays valid)
          const auto before = into.size();
          into.insert(it->second.begin(), it->second.end());
          if (into.size() != before) mark(name);
          // What a program made of a value stays that in every copy.
          if (program_outputs_.count(s) && program_outputs_.insert(name).second) mark(name);
          if (const auto c = cuts_.find(s); c != cuts_.end()) {
            const auto from_cut = c->second;  // (a copy: name and s may be one entry's neighbours)
            before_own_cuts[name].merge(from_cut);
            if (cuts_[name].merge(from_cut)) mark(name);
          }
          if (auto d = decoded_outputs_.find(s); d != decoded_outputs_.end() && decoded_outputs_.emplace(name, d->second).second)
            mark(name);
        }
      // W=${V#x}: W holds what this cut makes of what V holds (a part of
      // a part: N=${V##*/}; S=${N%.py}, each way of V's cuts then W's).
      std::map<std::string, render::ValueCut> own_cuts;  // (those names' cuts made once, in order)
      for (const auto& e : cut_edges_) {
        if (e.once) {
          auto [made, added] = own_cuts.try_emplace(e.name);
          if (added) made->second = before_own_cuts[e.name];
          auto cut = made->second.then(e.cut);
          if (!keeps_start(e.cut) && holds_values_after_text(e.source)) cut.merge(kWholeValue);
          made->second.merge(cut);
          continue;
        }
        const auto c = cuts_.find(e.source);
        auto cut = c != cuts_.end() ? c->second.then(e.cut) : e.cut;
        // S=${OUT#*/} of OUT="scripts/$V": the cut may end in the
        // template's own text and leave V whole (attack 167).
        if (!keeps_start(e.cut) && holds_values_after_text(e.source)) cut.merge(kWholeValue);
        before_own_cuts[e.name].merge(cut);
        if (cuts_[e.name].merge(cut)) mark(e.name);
      }
      for (const auto& [name, cut] : own_cuts)
        if (cuts_[name].merge(cut)) mark(name);
      changed_before = std::move(changed_now);
    }
    // A value that reaches a variable programs load code from, by any way
    // of assigning it (read, printf -v, ${N:=...}, for N in, a nameref, a
    // name chosen at run time), is refused as N=value is; a switch's value
    // is a setting.
    std::vector<std::string> shell_only;
    for (const auto& [name, sources] : taint) {
      const bool runtime = name == kNamedAtRunTime;
      if (!runtime && (name.empty() || name.find(':') != std::string::npos)) continue;
      // (Exported where deepspeed's runner forwards it: plain words only,
      // whatever else the name is; round 117.)
      if (!runtime && runs_deepspeed_ && render::is_forwarded_by_deepspeed(name) && in_environment(name))
        for (auto k : sources) t_.placeholders[k].roles.add(render::ElementRole::ForwardedVariable);
      if (const auto role = runtime ? std::nullopt : setting_role(name)) {
        for (auto k : sources) t_.placeholders[k].roles.add(*role);
        continue;
      }
      const bool in_shell = !runtime && is_name_start(name[0]) &&
                            std::all_of(name.begin(), name.end(), [](char ch) { return is_name_char(ch); }) &&
                            ((render::is_environment_only_variable(name) && !in_environment(name)) ||
                             (render::is_slurm_input_variable(name) && only_ever_an_array(name)));
      if (in_shell && !sources.empty()) shell_only.push_back(name);
      if (!runtime && (!is_code_variable(name) || in_shell)) {
        if (const auto role = render::environment_file_role(name))
          for (auto k : sources) t_.placeholders[k].roles.add(*role);
        if ((allexport_ || modes_.allexport || exported_.count(name)) && is_name_start(name[0]) &&
            !render::is_data_variable(name))
          for (auto k : sources) {
            t_.placeholders[k].roles.add(render::ElementRole::Environment);
            if (render::is_options_variable(name)) t_.placeholders[k].roles.add(render::ElementRole::EnvironmentOptions);
            if (render::is_path_list_variable(name)) t_.placeholders[k].roles.add(render::ElementRole::EnvironmentPathList);
          }
        continue;
      }
      const std::string by = runtime ? "a variable named at run time (printf -v \"$1\", read \"$1\", export \"$1=$2\", "
                                       "a nameref to $1, export {A,B}=...), which may be BASH_ENV or PATH; assign the "
                                       "variable by its name in the template"
                                     : why_code_variable(name);
      for (auto k : sources) {
        // (SBATCH_NODELIST holds what #SBATCH --nodelist=${...} gave sbatch:
        // the option's own rules apply.)
        if (set_by_sbatch_.count({name, k})) continue;
        reparse_placeholder(k, by);
        t_.placeholders[k].roles.add(render::ElementRole::CodeVariable);
      }
    }
    t_.shell_only_variables = std::move(shell_only);
    // A use met again (a function's body, read at each of thousands of
    // calls) changes nothing more: each counts once.
    std::unordered_map<std::string, std::vector<const Use*>> seen;
    for (const auto& use : uses_) {
      auto& same = seen[use.name + '\n' + use.by];
      if (std::any_of(same.begin(), same.end(), [&](const Use* u) { return *u == use; })) continue;
      same.push_back(&use);
      auto it = taint.find(use.name);
      if (it == taint.end()) continue;
      // (Its words are the script's: checked as its arguments; word_lists.)
      if ((use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown) && script_argument_arrays_.count(use.name))
        continue;
      const bool words_or_options = use.kind == Use::Split || use.kind == Use::SplitAnywhere ||
                                    use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown ||
                                    use.kind == Use::DashAnywhere;
      const auto decoded = decoded_outputs_.find(use.name);
      const bool rewritten = program_outputs_.count(use.name) > 0;
      // (The word cuts what the variable holds again: each way of the
      // variable's cuts, then the word's.)
      auto cut = use.cut;
      if (const auto c = cuts_.find(use.name); c != cuts_.end()) cut = c->second.then(use.cut);
      if ((!keeps_start(use.cut) || use.start_cut_here) && holds_values_after_text(use.name)) cut.merge(kWholeValue);
      if (rewritten) cut.anywhere = cut.deletes = true;
      // shopt -s nocasematch: ${V//x/:} replaces 'X' too, which no way
      // lists: any part, starting with any character a replacement writes.
      if (nocasematch && case_blind_replacement(cut)) {
        cut.too_many = true;
        cut.merge(render::ValueCut{});  // (too many: its ways become any_written_first's)
      }
      // Where an argument begins, only values that may begin the
      // variable's value (not V of OUT="outputs/${V}"), unless a cut of it
      // (${OUT#outputs/}) may put any part first.
      const bool option_start = (use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown || use.kind == Use::DashAnywhere) &&
                                keeps_start(use.cut) && !use.start_cut_here && !rewritten && !start_may_be_cut(use.name);
      const auto* starting = option_start ? &starting_placeholders(use.name, taint) : nullptr;
      // ("$CFG" of jq's JSON begins with the filter's bracket.)
      if (json_holds && ((json_texts().count(use.name) && (use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown ||
                                                          use.kind == Use::DashAnywhere)) ||
                         use.json_escaped))
        continue;
      if (use.kind == Use::Role && (use.role == render::ElementRole::Path || use.role == render::ElementRole::CodePath ||
                                    use.role == render::ElementRole::CreatedName))
        for (auto site : use.sites) {
          site.created = use.role == render::ElementRole::CreatedName && site.created;
          spread_path_sites(use.name, site, taint, 0);
        }
      for (auto k : it->second) {
        if (starting && !starting->count(k)) continue;
        auto& ph = t_.placeholders[k];
        if ((words_or_options || (use.kind == Use::Role && use.role != render::ElementRole::DataField)) &&
            decoded != decoded_outputs_.end() && ph.decoded_by.empty())
          ph.decoded_by = fmt::format("{} (filling ${}, then {})", decoded->second, use.name, use.by);
        if (words_or_options && rewritten) {
          // Checked on the value as written: no character a rewrite could
          // make a blank, and no '-' that could come first.
          if (use.kind == Use::Split) {
            ph.context.split_later = true;
            split_at(ph.context, kAnyPunctuation);
          }
          if (use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown) ph.context.dash_anywhere = true;
        }
        // A part of the value stands where an argument begins or fills a part.
        const bool option = use.kind == Use::OptionStart || use.kind == Use::OptionAfterUnknown || use.kind == Use::DashAnywhere;
        if (cut.anywhere && option) ph.context.dash_anywhere = true;
        // ${X//_/-}: what the replacements make of the value begins the
        // argument (one list per way; where the value itself began one
        // already, that way is the empty list). ${TAG#v}: a literal start
        // cut is one more replacement at the start, before or after the
        // others, or none where the value lacks it (fr hunt 66).
        if (option) {
          auto& starts = ph.context.start_replacements;
          const auto add = [&](const render::ValueCut::Way& way) {
            if (std::find(starts.begin(), starts.end(), way) == starts.end()) starts.push_back(way);
          };
          if (starts.empty() && ph.context.begins_argument) starts.emplace_back();
          const auto ways = cut.ways.empty() ? std::vector<render::ValueCut::Way>{{}} : cut.ways;
          for (const auto& way : ways) add(way);
          for (const auto& way : ways)
            for (const auto& prefix : cut.prefixes) {
              const render::ValueCut::Replacement start{prefix, "", '#'};
              auto first = way, last = way;
              first.insert(first.begin(), start);
              last.push_back(start);
              add(first);
              add(last);
            }
        }
        // (A role about the whole word, a launcher's ':' or a script's
        // KEY=VALUE, brings no cut to the placeholder's other roles.)
        if (!cut.empty() && use.kind == Use::Role && use.role != render::ElementRole::LaunchWord &&
            use.role != render::ElementRole::ScriptArgument)
          ph.roles.add_cut(cut);
        if (use.kind == Use::Role && (use.role == render::ElementRole::Path || use.role == render::ElementRole::CodePath ||
                                      use.role == render::ElementRole::CreatedName))
          for (auto site : use.sites) {
            // (The variable's own site is the value's only where no
            // assignment's text says where the value stands in it: those
            // spread_path_sites reads, with the text around; O="${V}.log".)
            // (read -r M <<< "$V", mapfile, for: the value as it is, whatever
            // their cuts; attack 210.)
            site.created = use.role == render::ElementRole::CreatedName &&
                           (use.name.find(':') != std::string::npos || !set_only_by_assignments(use.name) ||
                            !assigned_sites_.count(use.name));
            render::add_path_site(ph.path_sites, site);
          }
        switch (use.kind) {
          case Use::Code: reparse_placeholder(k, fmt::format("{} (through {})", use.by, shown_variable(use.name))); break;
          case Use::Command:
            // "--ntasks=${...}" as an element of OPTS in srun "${OPTS[@]}"
            // cmd: whatever words the array has, an option with its value
            // in the same word is never the command and takes no word
            // after it; it is an option of the runner.
            if (cut.empty() && !rewritten && is_option_with_value(word_before(text_, ph.begin))) {
              option_elements.insert(k);
              break;
            }
            ph.command_word = true;
            break;
          case Use::SlurmOption:
            if (is_option_with_value(word_before(text_, ph.begin))) ph.slurm_option = true;
            break;
          case Use::Split:
            ph.context.split_later = true;
            // IFS=,; S=${V//:/,}; cmd $S: what a replacement makes a blank,
            // a separator or a glob splits too.
            for (const auto& way : cut.ways)
              for (const auto& r : way)
                if (r.replacement.find_first_of(std::string(" \t\n*?[") + ifs_chars_) != std::string::npos)
                  split_at(ph.context, r.pattern.front() == '[' ? kAnyPunctuation : std::string_view(r.pattern));
            break;
          case Use::SplitLines: ph.context.split_lines = true; break;
          case Use::DashAnywhere:
            // (What exact replacements make begins the argument: checked
            // through start_replacements.)
            // (A literal start cut is one more exact replacement: above.)
            if (cut.anywhere || cut.deletes || (cut.ways.empty() && cut.prefixes.empty()))
              ph.context.dash_anywhere = true;
            break;
          case Use::Decoded: ph.context.escapes_decoded = true; break;
          case Use::Resplit:
            if (use.only_if_remote) ph.context.resplit_if_remote = true;
            else ph.context.resplit = true;
            break;
          case Use::Role:
            // ARCHIVE="${URL##*/}"; tar -xf "$ARCHIVE": only what the exact
            // cut made fills the role, where the variable never holds the
            // value as it is (fr hunts, attacks 196, 197).
            if (cut_reaches_only(use, cut, taint)) ph.roles.add_after_cut(data_line_role_of(use, k));
            else ph.roles.add(data_line_role_of(use, k));
            break;
          case Use::SplitAnywhere:
            ph.context.split_later = true;
            split_at(ph.context, kAnyPunctuation);
            for (const auto& way : use.cut.ways)
              for (const auto& r : way)
                if (r.replacement.find_first_of(std::string(" \t\n*?[") + ifs_chars_) != std::string::npos)
                  split_at(ph.context, r.pattern == "[!]"sv ? kLettersAndDigits : r.pattern.front() == '[' ? kAnyPunctuation
                                                                                                         : std::string_view(r.pattern));
            break;
          case Use::OptionStart:
          case Use::OptionAfterUnknown:
            // What replacements made of the value begins the argument: its
            // list in start_replacements is checked; the rules of where the
            // value itself stands (printf's operand) stay.
            if (!cut.ways.empty() && !cut.anywhere && cut.prefixes.empty()) {
              ph.context.begins_argument = true;
              break;
            }
            // The value is read back where an argument begins: the leading-'-'
            // rule of that place applies to it.
            if (!ph.context.begins_argument) {
              ph.context.begins_argument = true;
              ph.context.after_option = use.kind == Use::OptionAfterUnknown;
            } else {
              ph.context.after_option = ph.context.after_option && use.kind == Use::OptionAfterUnknown;
            }
            ph.context.option_takes_value = false;
            break;
          case Use::Arithmetic:
            // The value reaches arithmetic through $NAME: it must be an integer
            // (what exact cuts make of it, where only they lead there).
            if (!cut.ways.empty() && cut.only_replaces() &&
                cut.prefixes.empty() && !render::is_directive(ph.context.quoting) &&
                ph.context.quoting != render::Quoting::Comment) {
              auto& after = ph.context.integer_after;
              for (const auto& way : cut.ways)
                if (std::find(after.begin(), after.end(), way) == after.end()) after.push_back(way);
            } else if (!render::is_directive(ph.context.quoting) && ph.context.quoting != render::Quoting::Comment)
              ph.context.quoting = render::Quoting::Arithmetic;
            else if (render::is_directive(ph.context.quoting))
              reparse_placeholder(k, fmt::format("{} (through {})", use.by, shown_variable(use.name)));  // plain words only
            break;
        }
      }
    }
    for (const auto k : option_elements)
      if (!t_.placeholders[k].slurm_option) t_.placeholders[k].command_word = true;
  }

  const std::string& text_;
  Template& t_;
  const render::OptionTable& sbatch_;
  int depth_ = 0;
  const bool percent_x_;  // writes_job_name_pattern(text_), read for every srun option
  std::map<std::string, std::size_t> functions_;
  std::set<std::string> code_functions_;
  std::set<std::size_t> sed_replacements_;  // placeholders in an s command's replacement
  // NAME -> (a variable its assignments read, where that one's value stands in NAME's text)
  // NAME: each variable NAME's text reads and where (PathSite::created: the
  // expansion keeps the end of what it reads).
  std::map<std::string, std::vector<std::pair<std::string, render::PathSite>>> assigned_sites_;
  std::optional<std::set<std::string>> json_texts_;  // variables holding only a serializer's JSON (json_texts)
  std::map<std::string, std::set<std::size_t>> direct_;
  std::set<std::string> runtime_namerefs_;  // local -n R=$1: R writes the variable the caller names
  std::set<std::pair<std::string, std::size_t>> set_by_sbatch_;  // SLURM_JOB_NAME from #SBATCH --job-name=${...}
  std::map<std::string, std::set<std::string>> edges_;
  std::vector<Use> uses_;
  // What the template assigns (variables()).
  std::map<std::string, std::vector<std::string>> literal_values_;
  std::map<std::string, std::vector<std::string>> assigned_texts_;  // every text a variable is assigned
  std::map<std::string, std::vector<std::size_t>> defaulted_at_;     // where NAME of ${NAME:=text} stands, per name
  std::map<std::string, std::vector<StartSource>> value_starts_;  // what may begin each variable's value (value_starts)
  std::set<std::string> starts_unknown_;                          // variables some assignment of which is not read so
  std::map<std::string, const std::set<std::size_t>*> starting_;  // starting_placeholders, once per name
  std::set<std::string> script_argument_arrays_;                  // word_lists: arrays of a script's arguments
  std::deque<std::set<std::size_t>> starting_sets_;               // (those made of more than one source)
  std::set<std::string> starting_open_;                           // names being resolved (a cycle reads as all)
  std::map<std::string, bool> start_cut_;                         // start_may_be_cut, once per name
  std::map<std::string, bool> after_text_;                        // holds_values_after_text, once per name
  std::set<std::string> after_text_open_;
  std::set<std::string> start_cut_open_;
  std::map<std::string, std::vector<std::size_t>> text_writers_;
  std::map<std::string, std::vector<std::size_t>> file_writers_;  // every command that writes a file, by its key
  std::map<std::string, bool> command_lines_;  // writes_command_lines, by file key
  std::vector<bool> feeds_;  // by command: whether a later pipeline stage reads what it prints
  std::vector<std::size_t> stdin_execs_;            // exec < F, exec 0<&3, exec <<< W: commands that set the script's input
  std::map<std::string, std::vector<std::size_t>> calls_;  // calls_of()
  std::vector<std::vector<std::size_t>> downstream_;  // copied_only(): the commands each one's output reaches by pipe
  std::vector<std::size_t> dynamic_calls_;
  std::vector<std::string> traced_prints_;  // traced_trap_prints(): what DEBUG, RETURN and ERR traps print  // commands whose program is named at run time ("$fn" args)
  std::map<std::string, bool> function_output_;             // function_output_goes_on()
  std::map<std::string, std::size_t> function_name_words_;  // words naming each function, but its definition
  std::map<std::string, std::size_t> trap_handlers_;        // `trap NAME SIG` words naming each function
  std::set<std::string> reparsing_functions_;               // reparse_all() through eval strings (once each)
  bool calls_built_ = false;
  std::vector<std::vector<std::size_t>> children_;  // children_of()
  std::set<std::string> stdin_of_calls_;            // functions whose calls' input is being collected (recursion)  // file key: commands writing text of the template into it
  std::size_t current_ = kNone;  // the command command() reads
  std::set<std::size_t> coprocess_members_;  // commands in a coprocess's body: they read what ${NAME[1]} gets
  std::set<std::string> nonliteral_;
  std::set<std::string> split_arrays_;
  std::set<std::string> word_list_arrays_;  // A=(${...|words}) and no other split: elements of one word each
  std::set<std::string> line_arrays_;  // of those, mapfile's without -d (not rewritten): split at line breaks only
  std::set<std::string> arrays_;  // assigned NAME=( ... ) somewhere
  std::map<std::string, std::vector<const ShellWord*>> array_lists_;  // NAME=(...) and NAME+=(...) words
  std::map<std::string, std::vector<const ShellWord*>> assignment_words_;  // every NAME=... word
  mutable std::map<std::string, bool> set_only_by_assignments_;  // read by set_only_by_assignments
  std::shared_ptr<const std::vector<std::string>> written_names_;  // read by written_names()
  std::size_t written_names_of_ = SIZE_MAX;                 // the size of written_ it was read at
  std::map<std::string, std::optional<std::vector<ShellWord>>> option_arrays_;  // read by option_array
  // Names the template exports (export, declare -x, NAME=v cmd, env, a
  // runner's --export or --env), or every name after set -a.
  std::set<std::string> exported_;
  bool allexport_ = false;
  // Assignments to is_environment_only_variable names, judged once all
  // exports are known.
  std::vector<std::pair<ShellWord, std::string>> environment_only_assignments_;
  // deepspeed's launcher runs (deepspeed, python -m deepspeed.launcher.runner):
  // its multi-node runners forward NCCL_*, PYTHON*, ... unquoted.
  bool runs_deepspeed_ = text_.find("deepspeed.launcher.runner") != std::string::npos;
  bool in_environment(const std::string& name) const {
    // (export R for a nameref R exports the variable R names.)
    return allexport_ || modes_.allexport || names_exported_at_run_time_ || namerefs_ || exported_.count(name) > 0;
  }
  bool names_exported_at_run_time_ = false;  // export {A,B}, export "A"B
  std::map<std::string, std::vector<Use>> startup_uses_;  // NAME=FILE alone: code only where NAME is exported
  bool namerefs_ = false;                    // declare -n, local -n
  bool integer_variables_ = false;  // declare -i, local -i, typeset -i somewhere
  bool traces_ = false;                          // set -x, set -v somewhere
  std::vector<std::string> shell_message_files_;  // the shell's standard error, a trace's file
  mutable std::optional<std::set<std::string>> indexed_names_;  // names written NAME[ (may_be_array)
  mutable std::vector<std::vector<std::size_t>> members_;       // members_of
  std::string shared_directory_;  // a directory anyone can write that the template changes into
  // cmake runs: every NAME_ROOT and NAME_DIR may name a package's code.
  // Any mention counts, not only a cmake command: cmake also runs from
  // builds the template starts (pip install of a scikit-build package,
  // make, a build script), where no word says "cmake".
  bool runs_cmake_ = text_.find("cmake") != std::string::npos;
  bool home_directory_ = false;   // the template changes into the glue's home (cd, cd ~, cd "$HOME")
  std::set<std::string> home_variables_;  // variables assigned a home (H=$HOME, D=~, OUT=${SCRATCH:-$HOME})
  // Placeholders and variables at the start of a relative name the job
  // writes, reads or runs: in the home after cd ~.
  std::vector<std::pair<std::optional<std::size_t>, Use>> relative_names_;
  std::set<std::string> transformed_arrays_;  // filled from a program's output
  std::set<std::string> program_outputs_;     // NAME=$(...) read a value (program_output)
  std::map<std::string, render::ValueCut> cuts_;  // NAME holds a part of a value (W=${V#*:}, read A B, BASH_REMATCH)
  std::vector<CutEdge> cut_edges_;                // NAME=... a word that cuts SOURCE
  std::optional<std::set<std::string>> whole_holders_;  // may_hold_whole's answers, made once
  std::map<std::string, std::string> decoded_outputs_;  // ... through a program that decodes: which
  std::string ifs_chars_;
  std::set<std::size_t> ifs_assignments_;  // where the IFS=... words assigned() read begin
  // Functions passing "$@" on: the body commands and where "$@" stands.
  std::map<std::string, std::vector<Forward>> forwarders_;
  std::set<std::size_t> forwarding_commands_;
  std::set<std::string> inherited_forwarders_;  // the enclosing template's, seen from a code string
  mutable std::optional<bool> reads_positional_parameters_;  // names_the_job_script
  int resolving_ = 0;                           // depth of commands read in place of others
  std::map<std::size_t, std::size_t> command_at_;  // command_starting_at
  std::set<std::pair<const ShellWord*, int>> restored_state_read_;  // assignments restored_state read (role, resuming)
  std::deque<std::vector<ShellWord>> synth_;    // the words of programs a variable names
  // Files (files()).
  std::set<std::string> own_written_;
  std::set<std::string>* written_ = &own_written_;  // the outermost template's
  std::vector<std::string> wrote_;                   // the keys this template or code string wrote
  std::set<std::string> read_with_written_;          // the keys written when files() linked the words
  std::vector<std::pair<std::string, std::size_t>> pending_writes_;
  bool climbs_or_clears_relative_ = false;  // a command climbs from or clears the working directory (../x, rm ./*)
  // Functions called by name and the command that holds what each prints
  // ("fn:NAME"): its body, or the call where the body is not in the template.
  std::set<std::pair<std::string, std::size_t>> called_functions_;
  std::set<std::pair<std::string, std::size_t>> same_format_backups_;  // (key, command): a backup in the file's format
  std::set<std::pair<std::string, std::size_t>> downloads_;            // (key, command): a file curl or wget fetched
  // literal_array_words: elements with their references, and before the words were linked, names only.
  mutable std::map<std::string, std::vector<ShellWord>> array_operands_, array_names_;
  bool words_linked_ = false;  // (key, command): a backup of a file of the same format
  std::map<std::pair<std::string, std::size_t>, std::string> carried_keys_;  // (file key, writer): what it carries
  std::map<std::string, std::vector<Use>> carried_uses_;
  std::vector<std::pair<std::string, std::string>> unresolved_writes_;  // (pattern key, what the write carries)  // by file key: the rules its writes hold what they carry by
  // (file, placeholder): where the line of a here-document that wrote the
  // file puts the placeholder (data_lines).
  std::map<std::pair<std::string, std::size_t>, render::ElementRole> data_line_roles_;
  // The words of a command that name a file it writes by an option (srun
  // --output=F): its name, not what it writes there.
  std::unordered_map<std::size_t, std::set<const ShellWord*>> output_names_;
  std::map<std::string, std::set<std::string>> fd_reads_;  // exec 3<F: descriptor 3 reads F (every file any exec opens on it)
  // What a command prints carries: ls and find the names the template
  // created, env and envsubst every variable, $(f) what f's body holds.
  std::map<std::size_t, std::vector<std::string>> outputs_;
  std::vector<std::vector<std::size_t>> upstream_;  // upstream_of(), for every command
  // The words set -- gives the script's "$@" (none at first: "" is that
  // empty list); nothing when some are not literal.
  std::optional<std::vector<std::string>> positional_values_ = std::vector<std::string>{""};
  bool path_changed_ = false;  // PATH=... anywhere: a bare command name may be a file the template wrote
  // The keys of directories written as a whole (cp -r, git clone), each
  // with how the template names it (/scratch/w/src, src, "$W"): an
  // absolute name elsewhere with the same last component (/opt/project/src)
  // is another directory. The outermost template's.
  std::map<std::string, std::set<std::string>> own_tree_dirs_;
  std::map<std::string, std::set<std::string>>* tree_dirs_ = &own_tree_dirs_;
  static inline const std::map<std::string, std::set<std::string>> kNoTrees;
  // Commands whose inline code writes files under names of its own.
  std::set<std::size_t> code_file_writers_;
  // NAME=value before a command, by NAME: the command, its program word
  // and where the assignment stands.
  struct Prefix {
    std::size_t command;
    std::string program;
    std::size_t at;
  };
  std::map<std::string, std::vector<Prefix>> prefixes_;
  std::set<std::size_t> runs_nested_code_;  // commands a string of whose shell code is read
  mutable std::map<std::string, std::pair<std::size_t, std::string>> file_keys_of_;  // by variable: (texts read, key or "")
  std::map<std::size_t, std::set<std::string>> prefixed_names_;  // by command: the names set before it
  std::map<std::string, std::vector<std::size_t>> mentions_;  // by prefixed name: where the text names it
  bool mentions_read_ = false;
  // Names of one file (ln -s A B): by key, the other keys.
  std::map<std::string, std::set<std::string>> file_aliases_;
  std::map<std::string, std::string> renamed_;  // NAME -> the program it runs ("": unknown)
  std::deque<ShellWord> renamed_words_;          // program words read as the program they run
  std::deque<ShellWord> cut_option_words_;       // long options cut short, written in full
  std::vector<const ShellWord*> cut_option_originals_;  // the word each of those was cut from
  mutable std::map<std::string, render::ElementRole, std::less<>> data_file_roles_;  // data_file_role's answers
  std::vector<std::vector<const ShellWord*>> expanded_words_;  // by command: its words with those, or empty
  // Shell modes the whole script is read under, found once: whether bash
  // may expand aliases (shopt -s expand_aliases; posix mode by set -o
  // posix, --posix, POSIXLY_CORRECT or a #!/bin/sh that is bash; an
  // interactive shell), whether it is interactive (#!/bin/bash -i also
  // reads ~/.bashrc and its aliases), whether echo decodes escapes
  // (shopt -s xpg_echo), and whether every variable is exported (#!/bin/bash
  // -a, set -o or shopt -so allexport; set -a is read where it stands).
  struct ShellModes {
    bool aliases = false, interactive = false, xpg_echo = false, allexport = false;
    explicit ShellModes(const std::string& text) {
      const Shebang shebang = read_shebang(text);
      interactive = shebang.short_option('i').has_value();
      aliases = interactive || text.find("expand_aliases") != std::string::npos ||
                text.find("POSIXLY_CORRECT") != std::string::npos || names_word(text, "posix") ||
                shebang.interpreter_name() == "sh"sv;
      xpg_echo = text.find("xpg_echo") != std::string::npos;
      allexport = shebang.short_option('a').has_value() || names_word(text, "allexport");
    }
    // `word` as a word anywhere ("posix": set -o posix, shopt -so posix,
    // set -euo posix, bash --posix; not posix_spawn or POSIX in prose).
    static bool names_word(const std::string& text, std::string_view word) {
      for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size()))
        if ((at == 0 || !is_name_char(text[at - 1])) &&
            (at + word.size() >= text.size() || !is_name_char(text[at + word.size()])))
          return true;
      return false;
    }
  };
  const ShellModes modes_{text_};
  // The words of alias NAME='WORD ...' when they are plain literal words
  // (no expansion, quote or operator, no blank at the end, which would
  // make bash expand the next word as an alias too).
  std::optional<std::vector<std::string>> literal_alias(const ShellWord& w, std::size_t eq) const {
    const std::string_view raw = std::string_view(text_).substr(w.begin, w.end - w.begin);
    const std::string value = w.text.substr(eq + 1);
    if (!w.placeholders.empty() || !w.refs.empty() || raw.find_first_of("$`\\") != std::string_view::npos ||
        value.empty() || value.back() == ' ' || value.front() == ' ' ||
        value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=+,@%- ") !=
            std::string::npos)
      return std::nullopt;
    std::vector<std::string> out;
    std::istringstream in(value);
    for (std::string t; in >> t;) out.push_back(t);
    return out;
  }
  std::map<std::string, std::vector<std::string>> alias_words_;  // NAME -> its literal words
  std::set<std::string> aliases_;  // alias NAME=...: with expand_aliases (or posix mode) a command
  bool unknown_aliases_ = false;
  std::string unread_code_;  // the first command bringing in code the compiler does not read   // aliases from eval, source, BASH_ALIASES=(...) or a value
  bool fd_code_ = false;                          // a coprocess or >(bash) runs what descriptors carry
};

}  // namespace

namespace {

// The quoting a line is in as it is read one character at a time: whether
// text[k] stands outside quotes (and is not escaped), moving k past an
// escaped character. Quotes are followed from the line's start, so a blank
// inside "..." or '...' does not end a word (--bb="stage_out destination=${...} ...").
struct LineQuotes {
  char quote = 0;
  bool unquoted(std::string_view text, std::size_t& k) {
    const char c = text[k];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++k;
      return false;
    }
    if (c == '\\') {
      ++k;
      return false;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      return false;
    }
    return true;
  }
};
bool ends_word(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '('; }

// Where the word holding text[begin] begins, and the quoting there.
std::size_t word_start(std::string_view text, std::size_t begin, LineQuotes& q) {
  const auto line = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
  std::size_t start = line == std::string_view::npos ? 0 : line + 1;
  for (std::size_t k = start; k < begin; ++k)
    if (q.unquoted(text, k) && ends_word(text[k])) start = k + 1;
  return start;
}

}  // namespace

WordSpan word_around(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  LineQuotes q;
  WordSpan span{word_start(text, begin, q), end};
  std::size_t k = end;
  for (; k < text.size() && text[k] != '\n'; ++k) {
    const char c = text[k];
    if (q.unquoted(text, k) && (ends_word(c) || c == ')' || c == ';' || c == '&' || c == '|')) break;
  }
  span.end = std::min(k, text.size());
  return span;
}

std::string word_before(std::string_view text, std::size_t begin) {
  begin = std::min(begin, text.size());
  LineQuotes q;
  const std::size_t k = word_start(text, begin, q);
  std::string word;
  for (char c : text.substr(k, begin - k))
    if (c != '"' && c != '\'') word += c;
  if (is_assignment_word(word)) word.erase(0, word.find('=') + 1);
  return word;
}

bool is_assignment_word(std::string_view w) {
  if (w.empty() || !is_name_start(w[0])) return false;
  std::size_t k = 1;
  while (k < w.size() && is_name_char(w[k])) ++k;
  if (k < w.size() && w[k] == '[') {
    const auto close = w.find(']', k);
    if (close == std::string_view::npos) return false;
    k = close + 1;
  }
  if (k < w.size() && w[k] == '+') ++k;
  return k < w.size() && w[k] == '=';
}

const ShellWord* program_word(const ShellCommand& command) {
  if (command.kind != ShellCommand::Kind::Simple || !command.header.empty()) return nullptr;
  for (const auto& w : command.words)
    if (w.role == ShellWord::Role::Word && !is_assignment_word(w.text)) return &w;
  return nullptr;
}

void analyze_value_flow(const Source& source, Template& tpl, const render::OptionTable& sbatch_options) {
  // The pass gives placeholders their roles: a script without any (a plain
  // Slurm script linted with --profile sbatch) has nothing to learn from it.
  if (tpl.placeholders.empty()) return;
  // A second run starts from the template as the lexer left it. The pass
  // changes only placeholders and appends to words' variable lists, so those
  // are what is kept (a copy of every command cost an eighth of the lint).
  const std::vector<PlaceholderNode> placeholders = tpl.placeholders;
  std::vector<std::size_t> ref_counts;
  for (const auto& command : tpl.commands)
    for (const auto& word : command.words) ref_counts.push_back(word.refs.size());
  std::set<std::string> late;
  {
    Flow flow(source.text(), tpl, sbatch_options);
    flow.run();
    late = flow.written_late();
  }
  if (late.empty()) return;
  tpl.placeholders = placeholders;
  auto count = ref_counts.begin();
  for (auto& command : tpl.commands)
    for (auto& word : command.words) word.refs.resize(*count++);
  Flow again(source.text(), tpl, sbatch_options);
  again.written_before(std::move(late));
  again.run();
}

}  // namespace slurmglue::compiler
