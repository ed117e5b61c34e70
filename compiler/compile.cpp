#include "compiler/compile.hpp"

#include <fmt/format.h>

#include "compiler/catalog/variables.hpp"
#include "compiler/codegen.hpp"
#include "compiler/parse.hpp"
#include "compiler/path_site.hpp"
#include "compiler/shebang.hpp"
#include "compiler/shell_lexer.hpp"
#include "compiler/slurm_option_part.hpp"
#include "compiler/value_flow.hpp"
#include "runtime/render/code_variables.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/task_values.hpp"

namespace slurmglue::compiler {
namespace {

using render::Quoting;
using render::Variable;

class Checker {
 public:
  Checker(const Source& s, const render::OptionTable& table, std::vector<Diagnostic>& d)
      : src_(s), table_(table), diags_(d), job_name_in_path_(writes_job_name_pattern(s.text())) {}

  render::Placement check(const PlaceholderNode& ph) {
    render::Placement pl;
    const auto pos = src_.position(ph.begin);
    pl.line = pos.line;
    pl.column = pos.column;
    pl.text = std::string(ph.text(src_));
    pl.context = ph.context;
    pl.path = ph.path;
    pl.default_value = ph.default_value;

    const auto variable = catalog::find_variable(ph.name);
    if (!variable) {
      unknown_variable(ph);
      return pl;
    }
    pl.variable = *variable;
    if (render::is_compound(pl.variable) && ph.path.empty())
      error("placeholder-path", ph, fmt::format("${{CLEARML_{}}} needs a field, e.g. ${{CLEARML_{}.{}}}", ph.name,
                                                ph.name, pl.variable == Variable::Task ? "id" : "name"));
    if (!render::is_compound(pl.variable) && !ph.path.empty())
      error("placeholder-path", ph, fmt::format("CLEARML_{} is a single value and has no field '{}'", ph.name,
                                                ph.path.front()));
    for (const auto& f : ph.filters) pl.filters.push_back(filter(f));
    if (render::is_code_slot(pl.variable)) {
      code_slot(ph);
      pl.command_position = ph.command_word;
    } else {
      secret(ph, pl);
      sinks(ph, pl);
    }
    if (pl.variable == Variable::Task && !ph.path.empty()) task_path(ph);
    const bool words = render::splits_words(pl.filters);
    if (words && !ph.context.argument_word)
      error("words-position", ph,
            fmt::format("|words makes the value a list of arguments: it must stand as a whole unquoted word among a "
                        "command's arguments, after the script a program runs (python3 train.py ${{...|words}}), or "
                        "as an element of an array's list (A=(${{...|words}})); here: {}",
                        render::describe(ph.context)));
    else if (words && !ph.words_refused.empty())
      error("words-position", ph, ph.words_refused);
    pl.split_words = (catalog::is_argument_list(pl.variable, pl.path) || words) && ph.context.argument_word;
    if (pl.split_words) pl.option_words = ph.option_words;
    pl.kind = shell_word_kind(ph);
    pl.roles = ph.roles;
    pl.written_names = ph.written_names;
    element_roles(ph, pl.roles);
    if (pl.roles.has(render::ElementRole::Path) || pl.roles.has(render::ElementRole::CodePath)) {
      pl.path_sites = ph.path_sites;
      auto own = path_site(src_.text(), ph.begin, ph.end);
      own.created = ph.creates_here;
      render::add_path_site(pl.path_sites, own);
    }
    return pl;
  }

 private:
  void unknown_variable(const PlaceholderNode& ph) {
    std::string message = fmt::format("unknown variable CLEARML_{}", ph.name);
    if (auto guess = catalog::closest(ph.name, catalog::variable_names()))
      message += fmt::format("; did you mean CLEARML_{}?", *guess);
    message += fmt::format(" (for the shell variable, write $CLEARML_{} or $${{CLEARML_{}...}})", ph.name, ph.name);
    error("unknown-variable", ph, std::move(message));
  }

  void code_slot(const PlaceholderNode& ph) {
    if (ph.default_value || !ph.filters.empty())
      error("code-slot-default", ph,
            fmt::format("${{CLEARML_{}}} is code the glue writes: it takes no default and no filter", ph.name));
    const auto& c = ph.context;
    if (c.quoting != Quoting::Unquoted || c.backtick_depth || c.in_parameter_expansion || c.in_double_brackets)
      error("code-slot-context", ph,
            fmt::format("${{CLEARML_{}}} inserts shell code and must stand where a command can (here: {})",
                        ph.name, render::describe(c)));
  }

  // A secret is never a value: a script is readable by the cluster's admins,
  // lands in logs and spool directories, and outlives the task.
  // The task's own fields are its owner's data (a hyperparameter "max_tokens"
  // is no secret); the glue's configuration and vaults hold real ones.
  void secret(const PlaceholderNode& ph, const render::Placement& pl) {
    if (pl.variable == Variable::Task) return;
    for (const auto& part : ph.path) {
      if (!render::names_a_secret(part)) continue;
      error("secret-value", ph,
            fmt::format("${{CLEARML_{}...}} names '{}', a secret: secrets never go into a batch script (it is "
                        "readable by the cluster's admins and kept in Slurm's spool); give the job a credentials "
                        "file or an environment the cluster provides",
                        ph.name, part));
      return;
    }
  }

  // Values never become code: not the command, not a string parsed again.
  void sinks(const PlaceholderNode& ph, const render::Placement& pl) {
    if (ph.command_word)
      error("placeholder-command", ph,
            "a placeholder here would choose the command that runs; write the command in the template and pass "
            "the value as an argument");
    else if (!ph.ambiguous_after.empty())
      error("placeholder-command", ph,
            fmt::format("after '{}' (an option this compiler does not know the argument count of) a value could "
                        "be the command that runs; write the option's value in the same word (--opt=value) or put "
                        "the placeholder after the command",
                        ph.ambiguous_after));
    if (!ph.decoded_by.empty() && !is_typed_plain_word(pl))
      error("value-parsed-as-code", ph,
            fmt::format("{} turns this value into text no check of the value sees, which is then split into words, "
                        "read as options or named as a file or code: quote the variable (\"$NAME\") and pass it after "
                        "the option it belongs to (--opt=\"$NAME\") or after --; to map characters in a path, use "
                        "${{NAME//./\\/}}, which the renderer checks exactly",
                        ph.decoded_by));
    if (!ph.names_variable.empty())
      error("value-parsed-as-code", ph,
            fmt::format("{} would set the variable this value names: a value may not choose which variable is "
                        "assigned (PATH, IFS, BASH_ENV...); write the name in the template",
                        ph.names_variable));
    if (!ph.shared_directory.empty() && !is_typed_plain_word(pl))
      error("value-parsed-as-code", ph,
            fmt::format("this value names code that runs (a script, a module, an environment), and the template "
                        "changes into {}, where anyone can put files: the value could name one of theirs; run from a "
                        "directory of the job's own ($SLURM_SUBMIT_DIR, a mktemp -d under it)",
                        ph.shared_directory));
    // Any entry of a home may be what its account runs or reads as its
    // configuration (bin/, clearml.conf, miniconda3/): no value names one.
    if (ph.roles.has(render::ElementRole::HomeEntry) && !is_typed_plain_word(pl))
      error("value-parsed-as-code", ph,
            "this value would name an entry directly in a home ($HOME/..., ~/..., a variable holding a home, or a "
            "relative name after cd ~), where every name may be what the account runs or reads as its "
            "configuration (.bashrc, bin/, clearml.conf, miniconda3/): root the path in a directory of its own "
            "($HOME/runs/${...})");
    if (ph.roles.has(render::ElementRole::Account) && !is_typed_plain_word(pl))
      error("value-chooses-account", ph,
            "this value would choose the account, group or privileges a command runs with (sudo -u, runuser -u, "
            "su USER, chroot --userspec, setpriv --reuid, docker -u, --pid, --cap-add): a task may not choose whose "
            "privileges its commands get; write the account in the template");
    if (!ph.exported_function.empty() && !is_typed_plain_word(pl))
      error("value-in-exported-function", ph,
            fmt::format("the function {} leaves this shell (export -f, declare -f) and a child shell that runs it "
                        "has none of the script's own variables, so this value would be empty there; assign it "
                        "to a variable the template exports (export NAME=${{CLEARML_...}}) and use \"$NAME\" in "
                        "the function",
                        ph.exported_function));
    // A number is one plain word wherever it is parsed again; it still may
    // not set a variable programs load code from (BASH_ENV=1 reads ./1).
    const bool number = render::requires_number(pl.filters) && !ph.roles.has(render::ElementRole::CodeVariable);
    // (WANDB_BASE_URL=${...}, also through a variable: the reason names it first.)
    const auto server = render::credential_server_in(ph.reparsed_by);
    if (ph.context.reparsed && !is_typed_plain_word(pl) && !server.empty())
      error("value-chooses-server", ph,
            fmt::format("{} names the server a client sends the job's credentials to (its API key or token) and "
                        "downloads from (models, artifacts), so a task value would choose who receives the keys and "
                        "what the job loads; write the server in the template, or map a "
                        "task's choice to servers the template names (case \"${{CLEARML_...}}\" in eu) export "
                        "{}=https://...;; esac)",
                        server, server));
    else if (ph.context.reparsed && !is_typed_plain_word(pl) && !number &&
             ph.reparsed_by.find("option letters or names") != std::string::npos)
      // (-u${V}, "${V/#/-}": the value is part of an option's name, not a
      // string parsed again; fr hunt 84.)
      error("value-parsed-as-code", ph,
            fmt::format("{}. Only ids (${{CLEARML_TASK.id}}, ${{CLEARML_QUEUE_ID}}, ...) and numbers typed with "
                        "|number (digits only) may stand there",
                        ph.reparsed_by));
    else if (ph.context.reparsed && !is_typed_plain_word(pl) && !number)
      error("value-parsed-as-code", ph,
            fmt::format("{} parses this string again as code, so a task value here would run; pass the value as "
                        "data instead: an environment variable (NAME=${{CLEARML_...}} before the command, then "
                        "\"$NAME\" inside the string) or a positional parameter (sh -c '... \"$1\"' sh "
                        "${{CLEARML_...}}). Only ids (${{CLEARML_TASK.id}}, ${{CLEARML_QUEUE_ID}}, ...) may stand "
                        "there, and numbers typed with |number (${{CLEARML_...:0.1|number}}) outside variables "
                        "that load code",
                        ph.reparsed_by));
  }

  // Values written by the server (ids) or by the glue's own configuration
  // (the queue it serves, its worker id); the renderer still requires a
  // plain word there.
  static bool is_typed_plain_word(const render::Placement& pl) {
    switch (pl.variable) {
      case Variable::QueueName:
      case Variable::QueueId:
      case Variable::ProjectId:
      case Variable::WorkerId: return pl.filters.empty();
      case Variable::Task: return pl.filters.empty() && pl.path.size() == 1 && (pl.path[0] == "id" || pl.path[0] == "project");
      default: return false;
    }
  }

  void task_path(const PlaceholderNode& ph) {
    const auto fields = catalog::task_fields();
    const auto& first = ph.path.front();
    if (std::find(fields.begin(), fields.end(), first) == fields.end()) {
      std::string message = fmt::format("the task object has no field '{}'", first);
      if (auto guess = catalog::closest(first, fields)) message += fmt::format("; did you mean '{}'?", *guess);
      warning("unknown-task-field", ph.path_offsets.front(), first.size(), std::move(message));
    } else if (first == "container" && ph.path.size() > 1) {
      const auto sub = catalog::container_fields();
      if (std::find(sub.begin(), sub.end(), ph.path[1]) == sub.end()) {
        std::string message = fmt::format("the task's container has no field '{}'", ph.path[1]);
        if (auto guess = catalog::closest(ph.path[1], sub)) message += fmt::format("; did you mean '{}'?", *guess);
        warning("unknown-task-field", ph.path_offsets[1], ph.path[1].size(), std::move(message));
      }
    }
  }

  render::Filter filter(const FilterNode& f) {
    using K = render::Filter::Kind;
    static constexpr std::pair<std::string_view, K> kFilters[] = {
        {"strip", K::Strip}, {"capitalize", K::Capitalize}, {"lower", K::Lower},
        {"remove_newlines", K::RemoveNewlines}, {"raw", K::Raw}, {"number", K::Number}, {"words", K::Words}};
    render::Filter out;
    for (const auto& [name, kind] : kFilters) {
      if (name != f.name) continue;
      out.kind = kind;
      if (f.argument && kind != K::Strip)
        error_at("filter-argument", f.offset, f.name.size(), fmt::format("the filter '{}' takes no argument", f.name));
      if (f.argument) {
        out.argument = *f.argument;
        out.has_argument = !f.argument->empty();
      }
      return out;
    }
    static constexpr std::string_view kNames[] = {"strip", "capitalize", "lower", "remove_newlines", "raw", "number", "words"};
    std::string message = fmt::format("unknown filter '{}'", f.name);
    if (auto guess = catalog::closest(f.name, kNames)) message += fmt::format("; did you mean '{}'?", *guess);
    message += " (filters: strip, strip(chars), capitalize, lower, remove_newlines, raw, number, words)";
    error_at("unknown-filter", f.offset, f.name.size(), std::move(message));
    return out;
  }

  // The option a placeholder is part of the value of, on an #SBATCH line or
  // an srun, sbatch or salloc command line ("--export=ALL,N=${...}",
  // "-o ${...}"), and the part of that value it fills.
  void element_roles(const PlaceholderNode& ph, render::ElementRoles& roles) {
    const bool directive = ph.context.quoting == Quoting::DirectiveUnquoted ||
                           ph.context.quoting == Quoting::DirectiveDoubleQuoted ||
                           ph.context.quoting == Quoting::DirectiveSingleQuoted;
    if (!directive && !ph.slurm_option) return;
    const std::string& t = src_.text();
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    auto strip_quotes = [](std::string_view w) {
      std::string out;
      for (char c : w)
        if (c != '"' && c != '\'') out += c;
      return out;
    };
    const auto span = word_around(t, ph.begin, ph.end);
    const std::size_t k = span.begin;
    // On a command line, also an element of an array of options.
    std::string word = directive ? strip_quotes(std::string_view(t).substr(k, ph.begin - k)) : word_before(t, ph.begin);
    std::string option, before;  // the option's name, and its value up to the placeholder
    if (word.rfind("#SBATCH", 0) == 0 || word.rfind("#SLURM", 0) == 0) return;
    if (word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
      option = word.substr(2, word.find('=') - 2);
      before = word.substr(word.find('=') + 1);
    } else if (word.size() >= 2 && word[0] == '-' && word[1] != '-') {
      if (const auto* o = table_.find_short(word[1])) option = o->name;
      before = word.substr(2);
    } else if (word.empty() || word[0] != '-') {
      // "--export VALUE", "-o VALUE": the word before names the option.
      std::size_t e = k;
      while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
      std::size_t b = e;
      while (b > 0 && !is_space(t[b - 1])) --b;
      const std::string prev = strip_quotes(std::string_view(t).substr(b, e - b));
      if (prev.rfind("--", 0) == 0 && prev.find('=') == std::string::npos) option = prev.substr(2);
      else if (prev.size() == 2 && prev[0] == '-') {
        if (const auto* o = table_.find_short(prev[1])) option = o->name;
      }
      before = word;
    }
    if (option.empty()) return;
    const bool whole = before.empty() && strip_quotes(std::string_view(t).substr(ph.end, span.end - ph.end)).empty();
    const auto part = slurm_option_part(table_, option, before, whole, ph.end < t.size() && t[ph.end] == '=',
                                        job_name_in_path_);
    if (part.names_variable)
      error("value-parsed-as-code", ph,
            "a value here names the variable --export sets: it could choose BASH_ENV, LD_PRELOAD or PATH; "
            "write the variable's name in the template");
    // (sbatch --wrap="...${...}" on a command line is reported as a string parsed again.)
    if (!part.code.empty() && (directive || !ph.context.reparsed))
      error("value-parsed-as-code", ph,
            fmt::format("--{}: {}; write it in the template", option, part.code));
    if (std::find(part.roles.begin(), part.roles.end(), render::ElementRole::Account) != part.roles.end())
      error("value-chooses-account", ph,
            fmt::format("--{}: sbatch, run as root, submits the job as the account or group this names: a task may "
                        "not choose whose privileges its job gets; write it in the template",
                        option));
    if (!part.code_variable.empty())
      error("value-parsed-as-code", ph,
            fmt::format("--export gives the job {}, a variable programs run or load as code or read as options: a task value may "
                        "not set it",
                        part.code_variable));
    for (const auto role : part.roles) roles.add(role);
  }

  // "--container-image=${...}" on a command line (srun in a wrapper, say):
  // the value gets the option's format check too.
  render::ValueKind shell_word_kind(const PlaceholderNode& ph) {
    const auto q = ph.context.quoting;
    if (q != Quoting::Unquoted && q != Quoting::DoubleQuoted && q != Quoting::SingleQuoted)
      return render::ValueKind::Any;
    const std::string& t = src_.text();
    std::size_t k = ph.begin;
    while (k > 0 && (t[k - 1] == '"' || t[k - 1] == '\'')) --k;
    if (k == 0 || t[k - 1] != '=') return render::ValueKind::Any;
    const std::size_t eq = --k;
    while (k > 0 && ((t[k - 1] >= 'a' && t[k - 1] <= 'z') || (t[k - 1] >= '0' && t[k - 1] <= '9') || t[k - 1] == '-'))
      --k;
    if (eq - k < 3 || t.compare(k, 2, "--") != 0) return render::ValueKind::Any;
    if (k > 0 && t[k - 1] != ' ' && t[k - 1] != '\t' && t[k - 1] != '\n' && t[k - 1] != '"' && t[k - 1] != '\'')
      return render::ValueKind::Any;
    const auto match = table_.find_long(std::string_view(t).substr(k + 2, eq - k - 2));
    return match.option && !match.abbreviated ? match.option->value : render::ValueKind::Any;
  }

  void error(const char* rule, const PlaceholderNode& ph, std::string message) {
    error_at(rule, ph.begin, ph.end - ph.begin, std::move(message));
  }
  void error_at(const char* rule, std::size_t at, std::size_t length, std::string message) {
    add(rule, Severity::Error, at, length, std::move(message));
  }
  void warning(const char* rule, std::size_t at, std::size_t length, std::string message) {
    add(rule, Severity::Warning, at, length, std::move(message));
  }
  void add(const char* rule, Severity severity, std::size_t at, std::size_t length, std::string message) {
    diags_.push_back(diagnostic_at(src_, rule, severity, at, length, std::move(message)));
  }

  const Source& src_;
  const render::OptionTable& table_;
  std::vector<Diagnostic>& diags_;
  const bool job_name_in_path_;  // the template writes %x (once: read for every directive placeholder)
};

}  // namespace

// What the renderer's data block needs of the whole template: bash as the
// interpreter (it writes $'...' and arrays), no placeholder on the #! line,
// and no use of the data variables' prefix.
static void check_script_frame(const Source& source, const Template& tpl, std::vector<Diagnostic>& diagnostics) {
  const std::string& t = source.text();
  const auto first_end = std::min(t.find('\n'), t.size());
  const Shebang shebang = read_shebang(t);
  if (t.compare(0, 2, "#!") == 0) {
    for (const auto& ph : tpl.placeholders) {
      if (ph.begin >= first_end) break;
      diagnostics.push_back(diagnostic_at(source, "placeholder-shebang", Severity::Error, ph.begin,
                                          ph.end - ph.begin,
                                          "a placeholder cannot be on the #! line: the task would choose the "
                                          "interpreter"));
    }
    // The interpreter: its path (or env's first operand) must be bash.
    if (shebang.interpreter_name() != "bash")
      diagnostics.push_back(diagnostic_at(
          source, "interpreter-not-bash", Severity::Error, 0, first_end,
          "the batch script must run under bash (#!/bin/bash): task values are passed in bash's $'...' quoting"));
  }
  // #PBS and #BSUB lines: sbatch reads them as options too.
  for (const auto& ph : tpl.placeholders) {
    const auto from = t.find_first_not_of(" \t", source.line_offset(source.position(ph.begin).line));
    if (from < ph.begin && (t.compare(from, 4, "#PBS") == 0 || t.compare(from, 5, "#BSUB") == 0))
      diagnostics.push_back(diagnostic_at(source, "placeholder-in-translated-directive", Severity::Error, ph.begin,
                                          ph.end - ph.begin,
                                          "sbatch translates #PBS and #BSUB lines into its options, split at "
                                          "blanks: a value here could add options; write this option as an "
                                          "#SBATCH line"));
  }
  // set -k: every NAME=value word becomes an assignment, not only leading ones.
  const bool values = std::any_of(tpl.placeholders.begin(), tpl.placeholders.end(), [](const PlaceholderNode& ph) {
    const auto v = catalog::find_variable(ph.name);
    return !v || !render::is_code_slot(*v);
  });
  for (const auto& cmd : tpl.commands) {
    if (!values || cmd.words.empty() || (cmd.words[0].text != "set" && cmd.words[0].text != "shopt")) continue;
    for (std::size_t k = 1; k < cmd.words.size(); ++k) {
      const auto& w = cmd.words[k].text;
      if (w == "--" || w.size() < 2 || (w[0] != '-' && w[0] != '+')) break;  // positional parameters follow
      const bool letters = w[0] == '-' && cmd.words[0].text == "set" && w.find('k') != std::string::npos &&
                           w.find('o') == std::string::npos;
      const bool named = w == "-okeyword" || (w[0] == '-' && w.back() == 'o' && k + 1 < cmd.words.size() &&
                                              cmd.words[k + 1].text == "keyword");
      if (letters || named)
        diagnostics.push_back(diagnostic_at(source, "keyword-mode", Severity::Error, cmd.words[k].begin,
                                            cmd.words[k].end - cmd.words[k].begin,
                                            "set -k makes every NAME=value word of a command an assignment of its "
                                            "environment, which the compiler does not read that way: write "
                                            "assignments before the command instead"));
    }
  }
  // Shell options that make bash read values in ways the compiler does not
  // model: an older release's quoting (compatNN, BASH_COMPAT), cd taking a
  // variable's name for its directory (cdable_vars).
  const auto unmodeled = [&](std::size_t at, std::size_t length, std::string_view what) {
    diagnostics.push_back(diagnostic_at(
        source, "unmodeled-shell-option", Severity::Error, at, length,
        fmt::format("{} changes how bash reads values in ways the compiler does not model ({}); remove it", what,
                    what.find("cdable") != std::string_view::npos
                        ? "cd would take a value naming a variable for that variable's directory"
                        : "an older release's quoting: a quoted value in [[ =~ ]] is a regular expression again, "
                          "quotes in ${X/P/R} stay")));
  };
  for (const auto& cmd : tpl.commands) {
    if (!values || cmd.words.empty()) continue;
    const bool shopt = cmd.words[0].text == "shopt";
    for (std::size_t k = 0; k < cmd.words.size(); ++k) {
      const auto& w = cmd.words[k];
      if (w.text.rfind("BASH_COMPAT", 0) == 0 && (w.text.size() == 11 || w.text[11] == '=' || w.text[11] == '+'))
        unmodeled(w.begin, w.end - w.begin, "BASH_COMPAT");
      else if (shopt && k > 0 && (w.text.rfind("compat", 0) == 0 || w.text == "cdable_vars") &&
               std::any_of(cmd.words.begin() + 1, cmd.words.begin() + static_cast<std::ptrdiff_t>(k),
                           [](const ShellWord& o) { return o.text == "-s"; }))
        unmodeled(w.begin, w.end - w.begin, "shopt -s " + w.text);
    }
  }
  // The same options given to bash on the #! line (bash -O compat31, bash -k).
  if (values && shebang.interpreter_name() == "bash") {
    for (std::string_view option : {"compat", "cdable_vars"})
      if (const auto w = shebang.named_option('O', option))
        unmodeled(w->offset, w->text.size(), "bash -O " + std::string(option));
    auto keyword = shebang.short_option('k');
    if (!keyword) keyword = shebang.named_option('o', "keyword");
    if (keyword)
      diagnostics.push_back(diagnostic_at(source, "keyword-mode", Severity::Error, keyword->offset,
                                          keyword->text.size(),
                                          "bash -k makes every NAME=value word of a command an assignment of its "
                                          "environment, which the compiler does not read that way"));
  }
  for (auto at = t.find(render::kDataVariablePrefix); at != std::string::npos;
       at = t.find(render::kDataVariablePrefix, at + 1))
    diagnostics.push_back(diagnostic_at(source, "reserved-name", Severity::Error, at,
                                        render::kDataVariablePrefix.size(),
                                        fmt::format("names starting with {} are the renderer's own (its task value "
                                                    "variables); choose another name",
                                                    render::kDataVariablePrefix)));
}

Compiled compile(const Source& source, const CompileOptions& options) {
  Compiled c;
  // A NUL byte: no text file (a binary or UTF-16 file given by mistake), and
  // sbatch refuses any script holding one. That one error is all that is
  // said: read as a template, such bytes only give pages of noise.
  if (const auto nul = source.text().find('\0'); nul != std::string::npos) {
    c.diagnostics.push_back(diagnostic_at(source, "nul-byte", Severity::Error, nul, 1,
                                          "the template holds a NUL byte, which sbatch refuses; remove it"));
    return c;
  }
  c.ast = parse_placeholders(source, c.diagnostics);
  analyze_shell(source, c.ast, c.diagnostics);
  check_script_frame(source, c.ast, c.diagnostics);
  auto table = catalog::sbatch_option_table(options.slurm, options.pyxis);
  analyze_value_flow(source, c.ast, table);
  std::vector<render::Placement> placements;
  placements.reserve(c.ast.placeholders.size() + 1);  // and the agent's own line codegen may add
  Checker checker(source, table, c.diagnostics);
  for (const auto& ph : c.ast.placeholders) placements.push_back(checker.check(ph));
  auto program = generate(source, c.ast, std::move(placements), std::move(table),
                          CodegenOptions{options.srun_delegation}, c.diagnostics);
  std::stable_sort(c.diagnostics.begin(), c.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.position.line != b.position.line ? a.position.line < b.position.line
                                              : a.position.column < b.position.column;
  });
  if (!has_errors(c.diagnostics)) c.renderer = std::make_shared<const render::Renderer>(std::move(program));
  return c;
}

}  // namespace slurmglue::compiler
