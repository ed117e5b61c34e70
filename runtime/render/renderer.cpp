#include "runtime/render/renderer.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "runtime/render/task_values.hpp"

#include "grammar/sbatch_directive.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/script_checks.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::render {
namespace {

const std::string& code_slot(const Values& v, Variable var) {
  switch (var) {
    case Variable::PreSetup: return v.pre_setup;
    case Variable::AgentExecute: return v.agent_execute;
    default: return v.post_setup;
  }
}

// The start of a script whose template keeps `name` in the shell: the job
// fails if its environment exports `name` already (bash imports it so, and
// an assignment keeps it so), where the programs it runs would read the task
// value the template assigns it. (Without a subshell when `name` is unset;
// declare -p and =~ are bash 3's.)
std::string shell_only_check(const std::string& name) {
  return fmt::format(
      "if [[ -n ${{{0}+set}} && $(declare -p {0} 2>/dev/null) =~ ^declare\\ -[a-zA-Z]*x ]]; then echo 'slurmglue: "
      "{0} is in the environment of the job, so the programs it runs would read the task value the template "
      "assigns it: keep {0} out of the job environment or rename the variable in the template' >&2; exit 1; fi\n",
      name);
}

// And every assignment is exported where set -a is on when the script
// starts (SHELLOPTS or BASH_ENV in the job's environment, a login shell's
// profile).
constexpr std::string_view kAllexportCheck =
    "if [[ $- == *a* ]]; then echo 'slurmglue: set -a (allexport) is on where the script starts, so the programs "
    "it runs would read the task values the template keeps in shell variables: turn it off in the job "
    "environment (SHELLOPTS, BASH_ENV, the profile)' >&2; exit 1; fi\n";

std::string field_name(const Placement& p) {
  std::string name = std::string(variable_name(p.variable));
  for (const auto& part : p.path) name += "." + part;
  return name;
}

// The value of one placement after defaults and filters: what --explain shows
// and what the escapers receive. `value` views the task's own string when no
// filter changes it (the common case: no copy), else `owned`; so a Resolved
// is filled in place and never moved.
struct Resolved {
  Resolution::Origin origin = Resolution::Origin::Missing;
  std::string_view value;
  std::string owned;
  std::optional<Lookup> found;     // a value that is not a plain string (numbers, lists)
  std::vector<std::string> items;  // a list value's items, filtered, for word lists
  bool from_list = false;
  bool borrowed = false;  // `value` views the task's (or the glue's) own string
  bool plain = false;     // known to be a plain word (is_plain_word); false: not known
  Resolved() = default;
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;
};

bool has_line_break(std::string_view v) {
  return std::memchr(v.data(), '\n', v.size()) != nullptr || std::memchr(v.data(), '\r', v.size()) != nullptr;
}

// Whether writing `v` for `p` could make a #PBS or #BSUB line: a new line in
// it, a value at a line's start whose first non-blank is '#' or that leaves
// the line to a '#' after it, or one completing "#P", "#BS", ...
bool may_begin_translated_line(const Placement& p, std::string_view v) {
  switch (p.line_start) {
    case Placement::LineStart::AfterHash: return true;
    case Placement::LineStart::AtStart:
    case Placement::LineStart::AtStartBeforeHash: {
      const auto first = v.find_first_not_of(" \t");
      if (first == std::string_view::npos ? p.line_start == Placement::LineStart::AtStartBeforeHash : v[first] == '#')
        return true;
      break;
    }
    case Placement::LineStart::No: break;
  }
  // The glue's own code has lines of its own, none of them a directive (a
  // task id in it is quoted as one word, $'...' when it holds a line break).
  return !is_code_slot(p.variable) && has_line_break(v);
}

void resolve(const Placement& p, const Values& values, Resolved& r) {
  if (is_code_slot(p.variable)) {
    r.origin = Resolution::Origin::Glue;
    r.value = code_slot(values, p.variable);
    return;
  }
  Lookup::Kind kind = Lookup::Kind::Missing;
  std::string_view text;
  const nlohmann::json* node = is_compound(p.variable) ? find_node(values, p.variable, p.path) : nullptr;
  bool borrowed = false;
  if (node != nullptr && node->is_string()) {
    kind = Lookup::Kind::Text;
    text = node->get_ref<const std::string&>();
    borrowed = true;
  } else {
    r.found = lookup(values, p.variable, p.path);
    kind = r.found->kind;
    text = r.found->text;
  }
  if (kind == Lookup::Kind::Unusable) {
    r.origin = Resolution::Origin::Unusable;
    return;
  }
  // An empty value takes the default too: an empty user property is how the
  // ClearML UI says "not set".
  const bool missing = kind == Lookup::Kind::Missing || text.empty();
  if (missing && !p.default_value) {
    r.origin = kind == Lookup::Kind::Missing ? Resolution::Origin::Missing : Resolution::Origin::Field;
    if (r.origin == Resolution::Origin::Missing) return;
  } else if (missing) {
    r.origin = Resolution::Origin::Default;
    r.owned = apply_filters(*p.default_value, p.filters);
    r.value = r.owned;
    return;
  }
  r.origin = is_compound(p.variable) ? Resolution::Origin::Field : Resolution::Origin::Glue;
  // The default filter (remove_newlines) has nothing to remove from a plain
  // word, nor from text without line breaks: then the value is the text itself.
  if (p.filters.empty() && ((r.plain = is_plain_word(text)) || !has_line_break(text))) {
    r.value = text;
    r.borrowed = borrowed;
  } else {
    r.owned = apply_filters(std::string(text), p.filters);
    r.value = r.owned;
    // Emptiness is judged on what would be written: a value that filters or
    // line-break removal empty ("  " | strip, "\n") takes the default too.
    if (r.value.empty() && p.default_value) {
      r.origin = Resolution::Origin::Default;
      r.owned = apply_filters(*p.default_value, p.filters);
      r.value = r.owned;
      r.found.reset();
      return;
    }
  }
  if (!r.found) return;
  r.from_list = r.found->from_list;
  for (auto& item : r.found->items) r.items.push_back(apply_filters(std::move(item), p.filters));
}

// Whether a value placed on an #SBATCH line inside an option's value leaves
// the line as sbatch reads it exactly as the template planned: not empty, only
// characters that are plain in every position (no blank, quote, '\\', '#' or
// control character: the word boundaries stay), no leading ':' (fatal at the
// start of a word), and not a part of "hetjob" or "packjob" (a word that is
// all of one of them ends the line). Anything else goes through the full
// re-reading of the line.
bool keeps_directive_shape(std::string_view v, bool known_plain) {
  if (v.empty() || v[0] == ':' || !(known_plain || is_plain_word(v))) return false;
  if (v.size() > 7 || std::any_of(v.begin(), v.end(), [](char c) { return ((c | 0x20) < 'a' || (c | 0x20) > 'z'); }))
    return true;  // not only letters, or too long: no part of those words
  auto inside = [&](std::string_view word) {
    for (std::size_t at = 0; at + v.size() <= word.size(); ++at) {
      std::size_t k = 0;
      while (k < v.size() && (v[k] | 0x20) == word[at + k]) ++k;
      if (k == v.size()) return true;
    }
    return false;
  };
  return !inside("hetjob") && !inside("packjob");
}

class Run {
 public:
  Run(const Program& p, const Renderer::Plan& plan, const Values& v, std::string& out,
      std::vector<RenderError>& errors)
      : p_(p), plan_(plan), values_(v), out_(out), errors_(errors) {}

  void value(std::uint32_t index) {
    const Placement& pl = p_.placements[index];
    Resolved r;
    if (const auto first = plan_.same_value_as[index]; first != index && first < kKnown && (known_set_ >> first & 1u)) {
      // The same field as an earlier placeholder, read once per render.
      r.origin = known_[first].origin;
      r.value = known_[first].value;
      r.plain = known_[first].plain;
    } else {
      resolve(pl, values_, r);
      if (index < kKnown && r.borrowed) {
        known_[index] = {r.origin, r.plain, r.value};
        known_set_ |= 1u << index;
      }
    }
    switch (r.origin) {
      case Resolution::Origin::Missing:
        return fail(pl, fmt::format("no value: the {} has no field {}; set it, or give the placeholder a "
                                    "default with ':'",
                                    pl.variable == Variable::Task ? "task" : "input", field_name(pl)));
      case Resolution::Origin::Unusable:
        return fail(pl, fmt::format("{} is {}, not text; name one of its fields", field_name(pl), r.found->why));
      default:
        break;
    }
    if (!translated_scan_) translated_scan_ = may_begin_translated_line(pl, r.value);
    if (is_code_slot(pl.variable)) {
      if (pl.command_position && values_.agent_execute_starts_with_image && pl.variable == Variable::AgentExecute)
        return fail(pl, "with --singularity-mode this code starts with the task's container image, which would "
                        "run as the command here; write it after `singularity exec` or `apptainer exec`");
      out_ += r.value;  // code written by the glue itself, placed where the compiler allowed code
      return;
    }
    const std::string* name = &plan_.data_names[index];
    if (pl.split_words) return words(pl, *name, r);
    // The same value a second time reuses its variable.
    for (const auto& [value, variable] : assigned_)
      if (value == r.value) name = &variable;
    if (requires_number(pl.filters) && !is_number(r.value, !pl.context.sed_script))
      return fail(pl, pl.context.sed_script
                          ? fmt::format("'{}' is not a number without an exponent (the placeholder has |number and "
                                        "stands in a sed script, where the exponent's letter is a command: 1e0p "
                                        "runs a shell command with e; write 0.0003 for 3e-4)",
                                        printable(r.value))
                          : fmt::format("'{}' is not a number (the placeholder has |number: digits with an optional "
                                        "fraction and exponent, such as 8, 0.1 or 3e-4)",
                                        printable(r.value)));
    if (pl.kind != ValueKind::Any) {
      if (auto expected = check_value(pl.kind, r.value); !expected.empty())
        return fail(pl, fmt::format("'{}' is not {}", printable(r.value), expected));
    }
    if (pl.variable == Variable::Config && r.origin != Resolution::Origin::Default && holds_embedded_secret(r.value))
      return fail(pl, "this clearml.conf value holds a secret (a password or token in a URL, user:password@host, or "
                      "NAME=VALUE naming a secret); secrets never go into a batch script (the cluster's admins can read it, and Slurm keeps a copy): give jobs the "
                      "credential through the site instead (a pip.conf or netrc on the cluster, or a variable the "
                      "site's job environment sets)");
    // A default is the template's own text: the admin may name any path;
    // and a value that is the default's very text renders the very script
    // the default does (cd "repo/${...working_dir:.}" with '.').
    const bool admins_text =
        r.origin == Resolution::Origin::Default || (pl.default_value && pl.filters.empty() && r.value == *pl.default_value);
    // (A list's items, where no filter changed its text.)
    const auto* items = r.from_list && pl.filters.empty() ? &r.items : nullptr;
    if (const char* why = admins_text ? nullptr : pl.roles.check(r.value, items))
      return fail(pl, fmt::format("{}: '{}'", why, printable(r.value)));
    if (const char* why = admins_text ? nullptr : check_path_sites(pl.path_sites, r.value, pl.roles))
      return fail(pl, fmt::format("{}: '{}'", why, printable(r.value)));
    if (pl.written_names && !admins_text)
      if (const auto written = written_file_named(*pl.written_names, r.value); !written.empty())
        return fail(pl, fmt::format("this value names the file a program reads here, and the template writes files "
                                    "({}) that hold other values: it may not name one ('{}'), a descriptor under "
                                    "/dev/ or /proc/, or climb with '..': '{}'",
                                    fmt::join(*pl.written_names, ", "), written, printable(r.value)));
    if (is_directive(pl.context.quoting)) {
      // Read again later through the job's environment ($SLURM_JOB_NAME).
      if (const char* why = later_use_check(r.value, pl.context)) return fail(pl, why);
      if (r.value.empty()) empty_in_directive_ = true;
      if (plain_directive_value(index, r)) return;
    }
    if (const char* why = joined_word_check(pl.context, r.value)) return fail(pl, why);
    bool referenced = false;
    if (const char* why = place_value(r.value, pl.context, *name, out_, referenced)) return fail(pl, why);
    if (referenced && std::none_of(assigned_.begin(), assigned_.end(),
                                   [&](const auto& a) { return a.second == *name; })) {
      assigned_.emplace_back(std::string(r.value), *name);
      data_ += *name + "=";
      append_ansi_c_quoted(r.value, data_);
      data_ += '\n';
    }
  }

  // The word the values are joined into ("task[${...}]", "${A}${B}") may
  // reach arithmetic by name, where '[' then an expansion runs code: the
  // rule each value keeps holds for the word as a whole.
  const char* joined_word_check(const ShellContext& c, std::string_view v) {
    const bool expands = c.quoting == Quoting::Unquoted || c.quoting == Quoting::DoubleQuoted ||
                         c.quoting == Quoting::SingleQuoted || c.quoting == Quoting::DollarSingleQuoted ||
                         c.quoting == Quoting::HeredocUnquoted;
    if (!expands || c.assoc_key) return nullptr;
    const bool bracket = c.bracket_before || (c.joined && bracket_in_word_);
    if (bracket && holds_expansion(v))
      return "the word this value is joined into holds a '[' before it (the template's, or an earlier value's), "
             "and the value an expansion ('$' then a name, '(', '{', ... or '`'): together they run code "
             "wherever bash evaluates the word's text as arithmetic, which no quoting prevents";
    bracket_in_word_ = bracket || v.find('[') != std::string_view::npos;
    return nullptr;
  }

  // The data block's assignments, one line each, in the order of use.
  const std::string& data() const { return data_; }

  void begin_directive() {
    same_shape_ = true;
    written_count_ = 0;
  }

  // An #SBATCH line is read again after rendering (split as sbatch splits it,
  // its words read as getopt reads them) unless every value on it kept the
  // line's shape (keeps_directive_shape) inside an option's value: then only
  // the typed values are checked, on the value as written.
  void end_directive(const DirectivePlan& plan, std::size_t start) {
    const auto errors = errors_.size();
    check_directive(plan, start);
    // (Slurm's burst buffer plugins split a heterogeneous job's script at
    // any #SBATCH line holding "hetjob" or "packjob", anywhere in it: a
    // value there would move #BB and #DW lines to another component.)
    if (const std::string_view line = std::string_view(out_).substr(start, out_.find('\n', start) - start);
        errors_.size() == errors && !plan.marks_components &&
        (line.find("hetjob") != std::string_view::npos || line.find("packjob") != std::string_view::npos))
      fail_line(plan.line, "a value makes this #SBATCH line hold \"hetjob\" or \"packjob\", which Slurm's burst "
                           "buffer plugins read as a separator of heterogeneous job components wherever it stands");
  }
  void check_directive(const DirectivePlan& plan, std::size_t start) {
    if (!same_shape_ || written_count_ != plan.slots.size() || !errors_.empty()) return directive(plan, start);
    for (std::size_t k = 0; k < plan.slots.size(); ++k) {
      const auto& slot = plan.slots[k];
      if (!is_checked(slot.kind)) continue;
      const std::string_view value = std::string_view(out_).substr(written_[k].first, written_[k].second);
      if (auto expected = check_value(slot.kind, value); !expected.empty())
        fail(p_.placements[slot.placement],
             fmt::format("{} '{}' is not {}", plan.expected[slot.option_item], printable(value), expected));
    }
  }

  void directive(const DirectivePlan& plan, std::size_t start) {
    std::string_view line(out_);
    line.remove_prefix(start);
    line.remove_prefix(grammar::sbatch::directive_prefix(line));
    auto split = grammar::sbatch::split(line);
    std::vector<std::string> words;
    words.reserve(split.words.size());
    for (auto& w : split.words) words.push_back(std::move(w.text));
    const auto items = read_directive_words(words, p_.options);
    bool same = grammar::sbatch::shape_flags(split) == plan.expected_shape && words.size() == plan.expected_words &&
                items.size() == plan.expected.size();
    for (std::size_t k = 0; same && k < items.size(); ++k) same = items[k].is(plan.expected[k]);
    if (!same && empty_in_directive_) {
      empty_in_directive_ = false;
      return fail_line(plan.line, fmt::format("an empty value leaves this #SBATCH line without a word it needs "
                                              "(expected {}); set the field, or give the placeholder a default "
                                              "with ':'",
                                              fmt::join(plan.expected, " ")));
    }
    empty_in_directive_ = false;
    if (!same) {
      std::vector<std::string> got;
      for (const auto& item : items) got.push_back(item.canonical());
      // The same options, read another way: say how.
      const unsigned changed = grammar::sbatch::shape_flags(split) & ~plan.expected_shape;
      const char* how = (changed & 1u)   ? " (an unmatched quote)"
                        : (changed & 2u) ? " (the line ends early: an empty quoted word or a hetjob word)"
                        : (changed & 4u) ? " (a word starting with ':')"
                                         : "";
      return fail_line(plan.line, fmt::format("a value changes how sbatch reads this #SBATCH line: expected "
                                              "{}, got {}{}",
                                              fmt::join(plan.expected, " "), fmt::join(got, " "), how));
    }
    for (const auto& slot : plan.slots) {
      for (const auto& item : items) {
        if (!item.has_value || item.value_word != slot.word || !item.option) continue;
        const auto value = std::string_view(words[slot.word]).substr(item.value_offset);
        // (A value refused already is no value sbatch reads: one message.)
        const auto& pl = p_.placements[slot.placement];
        if (std::any_of(errors_.begin(), errors_.end(), [&](const RenderError& e) { return e.line == pl.line && e.column == pl.column; }))
          continue;
        if (auto expected = check_value(item.option->value, value); !expected.empty())
          fail(pl,
               fmt::format("{} '{}' is not {}", item.canonical(), printable(value), expected));
      }
    }
  }

  void heredoc(const HeredocPlan& plan, std::size_t start) {
    std::string_view body(out_);
    body.remove_prefix(start);
    std::size_t line = plan.line;
    std::string joined;
    while (!body.empty()) {
      auto nl = body.find('\n');
      std::string_view text = body.substr(0, nl);
      // bash joins a line ending in an unescaped '\\' with the next before it
      // compares the line with the delimiter.
      auto odd_backslashes = [](std::string_view l) {
        std::size_t n = 0;
        while (n < l.size() && l[l.size() - 1 - n] == '\\') ++n;
        return n % 2 == 1;
      };
      if (plan.joins_lines && odd_backslashes(text) && nl != std::string_view::npos) {
        joined.assign(text);
        while (odd_backslashes(joined) && nl != std::string_view::npos) {
          joined.pop_back();
          const auto next = body.find('\n', nl + 1);
          joined.append(body.substr(nl + 1, next == std::string_view::npos ? std::string_view::npos : next - nl - 1));
          line += 1;
          nl = next;
        }
        text = joined;
      }
      if (plan.strip_tabs) text.remove_prefix(std::min(text.size(), text.find_first_not_of('\t')));
      if (text == plan.delimiter || (plan.in_command_substitution && text.substr(0, plan.delimiter.size()) == plan.delimiter))
        fail_line(static_cast<std::uint32_t>(line),
                  fmt::format("a value makes a line '{}' that would end the here-document early",
                              plan.delimiter));
      if (nl == std::string_view::npos) break;
      body.remove_prefix(nl + 1);
      ++line;
    }
  }

  // `scan_from`: where the line of the first value that could change the
  // script's lines starts (see Renderer::Plan::scan); the lines before it are
  // the template's own. With a data block (a value that is not a plain word)
  // the whole script is scanned.
  void script(std::size_t scan_from) {
    if (!errors_.empty()) return;
    if (auto why = script_rejection(out_); !why.empty()) fail_line(0, why);
    const auto& scan = plan_.scan;
    const std::size_t count =
        !data_.empty()  ? count_directive_lines(out_)
        : scan.stopped ? scan.count
                       : scan.count + count_directive_lines(std::string_view(out_).substr(scan_from));
    if (count != p_.directive_lines)
      fail_line(0, "the rendered script has a different set of #SBATCH directives than the template "
                   "(an empty code slot on its own line before a directive?)");
    if (translated_scan_ && count_translated_directive_lines(out_) > p_.translated_directive_lines)
      fail_line(0, "a value makes a line starting with #PBS or #BSUB, which sbatch translates into options "
                   "of the job wherever it stands in the script, or a burst-buffer directive (#DW, #BB)");
  }

 private:
  void words(const Placement& pl, const std::string& name, const Resolved& r) {
    std::vector<std::string> list = r.items;
    if (!r.from_list) {
      if (const char* why = split_words(r.value, list)) return fail(pl, why);
    }
    bool referenced = false;
    std::string option_why;
    std::vector<bool> option_values;
    if (pl.option_words.script_arguments) {
      // python3 train.py ${...|words}: each word is one argument of the
      // script, and meets the rules the placeholder meets there.
      option_values.assign(list.size(), true);
      // python3 main.py ${...|words} with "fit ...": a LightningCLI, which
      // imports what a dotted name in any of its options names.
      const bool lightning = pl.option_words.python_script && !list.empty() && is_lightning_subcommand(list[0]);
      for (const auto& word : list) {
        if (const char* why = script_argument_check(pl, word)) return fail(pl, fmt::format("{}: '{}'", why, printable(word)));
        if (const char* why = lightning ? check_element(ElementRole::ImportPathFree, word) : nullptr)
          return fail(pl, fmt::format("{}: '{}'", why, printable(word)));
        if ((lightning || pl.roles.has(ElementRole::ImportPathFree)) &&
            (word == "--config" || word == "-c" || word.starts_with("--config=") || word.starts_with("-c=")))
          return fail(pl, fmt::format("LightningCLI's --config loads a file whose class_path entries it imports and "
                                      "calls: write the option in the template: '{}'",
                                      printable(word)));
      }
    } else if (pl.option_words.each_value) {
      option_values.assign(list.size(), true);
      for (const auto& word : list) {
        const bool control = std::any_of(word.begin(), word.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
        const char* why = control ? "a word of the list holds a line break or a control character, which would make "
                                    "another line where the template writes one a word"
                          : requires_number(pl.filters) && !is_number(word) ? "not a number (the placeholder has |number)"
                                                                             : later_use_check(word, pl.context);
        if (!why) why = pl.roles.check(word, nullptr);
        if (why) return fail(pl, fmt::format("{}: '{}'", why, printable(word)));
      }
    } else if (const char* why = check_option_words(list, pl.option_words, option_why, &option_values)) {
      return fail(pl, why);
    }
    if (const char* why = place_words(list, pl.context, name, out_, referenced, &option_values)) return fail(pl, why);
    if (!referenced) return;
    data_ += name + "=(";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) data_ += ' ';
      append_ansi_c_quoted(list[i], data_);
    }
    data_ += ")\n";
  }

  // One word of a script's argument list: an option of the script may
  // start with '-', but '@' (a file of arguments: argparse's
  // fromfile_prefix_chars) and '+' (Hydra's +key= adds any config node)
  // start none; KEY=VALUE is a Hydra or OmegaConf override; and what the
  // placeholder's place asks (a program that splits its arguments again,
  // a launcher's ':', a LightningCLI's dotted names) holds for each word.
  static const char* script_argument_check(const Placement& pl, const std::string& word) {
    if (requires_number(pl.filters) && !is_number(word))
      return "not a number (the placeholder has |number, so each word of the list must be one: digits with an "
             "optional fraction and exponent)";
    ShellContext one = pl.context;
    one.begins_argument = true;
    one.option_takes_value = true;  // ('-' is the script's; '@' and '+' are checked here)
    if (const char* why = later_use_check(word, one)) return why;
    if (!word.empty() && word[0] == '@')
      return "a word starting with '@' is a file of more arguments to argparse (fromfile_prefix_chars), gcc and "
             "java: the program would read the file it names";
    if (!word.empty() && word[0] == '+' && !is_override(word) && !is_number(std::string_view(word).substr(1)))
      return "a word starting with '+' is an option of some programs (and adds a node to Hydra's configuration): "
             "only a number, or a Hydra override +KEY=VALUE, may start with '+'";
    if (const char* why = check_element(ElementRole::ScriptArgument, word)) return why;
    const auto option = std::string_view(word).substr(0, word.find('='));
    for (std::string_view loads : {"--config-dir", "-cd", "--config-path", "-cp", "--experimental-rerun", "--flagfile"})
      if (option == loads)
        return "Hydra's --config-dir, --config-path and --experimental-rerun and absl's --flagfile load a file of "
               "configuration (with the callables it names) or a pickle: write them in the template";
    return pl.roles.check(word, nullptr);
  }

  static std::string printable(std::string_view v) {
    std::string s;
    for (char c : v) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        s += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      else
        s += c;
      if (s.size() > 200) {
        s += "...";
        break;
      }
    }
    return s;
  }

  // The fast path of a value on an #SBATCH line: one that keeps the line's
  // shape (keeps_directive_shape) inside an option's value is written as it
  // is, as the escaper would write it (a plain word: sbatch neither splits nor
  // unquotes anything in it). Any other value on the line goes through the
  // escaper, and then the whole line is read again after rendering.
  bool plain_directive_value(std::uint32_t index, const Resolved& r) {
    if (same_shape_ && plan_.fast_slot[index] == written_count_ && keeps_directive_shape(r.value, r.plain)) {
      written_[written_count_++] = {out_.size(), r.value.size()};
      out_ += r.value;
      return true;
    }
    same_shape_ = false;
    return false;
  }

  void fail(const Placement& pl, std::string message) {
    errors_.push_back({pl.line, pl.column, pl.text, std::move(message)});
  }
  void fail_line(std::uint32_t line, std::string message) {
    errors_.push_back({line, 0, {}, std::move(message)});
  }

  const Program& p_;
  const Renderer::Plan& plan_;
  const Values& values_;
  std::string& out_;
  std::vector<RenderError>& errors_;
  std::string data_;
  bool empty_in_directive_ = false;  // on the #SBATCH line being rendered
  bool bracket_in_word_ = false;      // the word of the last value holds a '[' up to its end
  bool translated_scan_ = false;      // a value could have made a #PBS/#BSUB line: scan the script
  // The #SBATCH line being rendered: whether its values kept its shape, and
  // where each was written (offset, length), by slot.
  bool same_shape_ = false;
  std::array<std::pair<std::size_t, std::size_t>, Renderer::Plan::kMaxSlots> written_;  // no need to clear
  std::size_t written_count_ = 0;
  // Values of the first placeholders that later ones with the same field reuse.
  // (Left uninitialised: known_set_ says which are set.)
  struct Known {
    Resolution::Origin origin;
    bool plain;
    std::string_view value;
  };
  static constexpr std::uint32_t kKnown = 32;
  std::uint32_t known_set_ = 0;
  std::array<Known, kKnown> known_;
  std::vector<std::pair<std::string, std::string>> assigned_;  // value, variable
};

}  // namespace


Renderer::Renderer(Program program) : program_(std::move(program)) {
  const auto n = program_.placements.size();
  plan_.data_names.reserve(n);
  for (std::size_t k = 0; k < n; ++k) plan_.data_names.push_back(fmt::format("{}{}", kDataVariablePrefix, k + 1));
  plan_.fast_slot.assign(n, Plan::kNoSlot);
  for (const auto& line : program_.directives) {
    const bool fast = std::all_of(line.slots.begin(), line.slots.end(), [&](const DirectivePlan::Slot& slot) {
      return slot.placement < n && slot.option_item < line.expected.size() &&
             (slot.whole_value || !is_checked(slot.kind));
    });
    if (!fast || line.slots.size() > Plan::kMaxSlots) continue;
    for (std::uint32_t k = 0; k < line.slots.size(); ++k) plan_.fast_slot[line.slots[k].placement] = k;
  }
  plan_.same_value_as.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    const auto& pl = program_.placements[k];
    plan_.same_value_as[k] = k;
    if (is_code_slot(pl.variable) || !pl.filters.empty()) continue;
    for (std::uint32_t j = 0; j < k; ++j) {
      const auto& earlier = program_.placements[j];
      if (earlier.variable == pl.variable && earlier.path == pl.path && earlier.filters.empty() &&
          earlier.default_value == pl.default_value) {
        plan_.same_value_as[k] = j;
        break;
      }
    }
  }
  // The lines before the first value that is not a fast #SBATCH value are the
  // template's own (those values are plain words inside a directive line), so
  // their part of sbatch's directive scan is known now.
  std::string prefix;
  plan_.scan.op = program_.ops.size();
  for (std::size_t k = 0; k < program_.ops.size(); ++k) {
    const Op& op = program_.ops[k];
    if (op.kind == Op::Kind::Literal) prefix.append(program_.text, op.a, op.b);
    if (op.kind != Op::Kind::Value) continue;
    if (plan_.fast_slot[op.a] == Plan::kNoSlot) {
      plan_.scan.op = k;
      break;
    }
    prefix += 'x';
  }
  if (plan_.scan.op < program_.ops.size()) {
    const auto line_start = prefix.rfind('\n');
    prefix.resize(line_start == std::string::npos ? 0 : line_start + 1);  // only whole lines
  }
  plan_.scan.count = count_directive_lines(prefix);
  // Whether the scan ended within the prefix: a line whose first non-blank
  // character is not '#' (the same test as count_directive_lines).
  for (std::size_t at = 0; at < prefix.size() && !plan_.scan.stopped;) {
    auto nl = prefix.find('\n', at);
    if (nl == std::string::npos) nl = prefix.size();
    const auto first = prefix.find_first_not_of(" \t\v\f\r", at);
    plan_.scan.stopped = first < nl && prefix[first] != '#';
    at = nl + 1;
  }
}

bool Renderer::render(const Values& values, std::string& out, std::vector<RenderError>& errors) const {
  out.clear();
  out.reserve(program_.literal_bytes + 64 * program_.placements.size());
  const auto errors_before = errors.size();
  std::vector<RenderError> local;
  Run run(program_, plan_, values, out, local);
  std::size_t directive_start = 0, heredoc_start = 0, data_at = std::string::npos, scan_from = 0;
  const Op* const ops = program_.ops.data();
  const std::size_t op_count = program_.ops.size();
  const char* const text = program_.text.data();
  for (std::size_t k = 0; k < op_count; ++k) {
    const Op& op = ops[k];
    if (k == plan_.scan.op) {
      const auto nl = std::string_view(out).rfind('\n');
      scan_from = nl == std::string_view::npos ? 0 : nl + 1;
    }
    switch (op.kind) {
      case Op::Kind::Literal:
        out.append(text + op.a, op.b);
        break;
      case Op::Kind::Value:
        run.value(op.a);
        break;
      case Op::Kind::DataBlock:
        data_at = out.size();
        break;
      case Op::Kind::DirectiveBegin:
        directive_start = out.size();
        run.begin_directive();
        break;
      case Op::Kind::DirectiveEnd:
        run.end_directive(program_.directives[op.a], directive_start);
        break;
      case Op::Kind::HeredocBegin:
        heredoc_start = out.size();
        break;
      case Op::Kind::HeredocEnd:
        run.heredoc(program_.heredocs[op.a], heredoc_start);
        break;
    }
  }
  if (!run.data().empty() || !program_.shell_only_variables.empty()) {
    // Every reference follows the block: it stands before the first command,
    // after the last #SBATCH line sbatch reads (see codegen).
    if (data_at == std::string::npos) {
      local.push_back({0, 0, {}, "the program has no place for the data block"});
    } else {
      std::string block = program_.data_block_needs_newline ? "\n" : "";
      if (!program_.shell_only_variables.empty()) block += kAllexportCheck;
      for (const auto& name : program_.shell_only_variables) block += shell_only_check(name);
      block += run.data();
      out.insert(data_at, block);
    }
  }
  run.script(plan_.scan.op < program_.ops.size() ? scan_from : out.size());
  errors.insert(errors.end(), local.begin(), local.end());
  return errors.size() == errors_before;
}

std::vector<Resolution> Renderer::explain(const Values& values) const {
  std::vector<Resolution> out;
  for (const auto& pl : program_.placements) {
    Resolved r;
    resolve(pl, values, r);
    out.push_back({&pl, r.origin, std::string(r.value)});
  }
  return out;
}

}  // namespace slurmglue::render
