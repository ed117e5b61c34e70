// Security family: task values that users write (names, hyperparameters,
// container arguments, ...) where a second round of shell parsing turns
// them into code, or where the renderer can only refuse them; and secrets
// written into the template itself.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Security;
#define OK "\n${CLEARML_AGENT_EXECUTE}\n"

const RuleInfo kRules[] = {
    {"SG801", "task-value-as-code", F, Error, "A user-written task value is parsed as shell code a second time.",
     "The renderer escapes a value for the place it stands, but eval, bash -c, sh -c, su -c, ssh, python -c and "
     "the like parse their argument again: a task name such as '$(rm -rf ~)' then runs. Pass the value as data "
     "(an argument or an environment variable) instead.",
     "#!/bin/bash\neval \"echo ${CLEARML_TASK.name}\"" OK,
     "#!/bin/bash\nname=\"${CLEARML_TASK.name}\"\necho \"$name\"" OK},
    {"SG802", "task-value-restricted-context", F, Warning,
     "A user-written task value stands inside `...`, [[ ]] or arithmetic.",
     "There the shell evaluates text again, so the renderer refuses any value that is not a plain word and the "
     "task fails. Assign the value to a variable first and use the variable.",
     "#!/bin/bash\nif [[ ${CLEARML_TASK.name} == x ]]; then :; fi" OK,
     "#!/bin/bash\nname=\"${CLEARML_TASK.name}\"\nif [[ $name == x ]]; then :; fi" OK},
    {"SG803", "literal-credential", F, Error, "A credential is written literally in the template.",
     "Templates live in git and every rendered script is readable on the cluster. Keep secrets out: read them "
     "from the agent's environment or a file only the user can read.",
     "#!/bin/bash\nexport CLEARML_API_SECRET_KEY=sk_live_0123456789abcdef" OK,
     "#!/bin/bash\nexport CLEARML_API_SECRET_KEY=\"$(cat ~/.clearml_secret)\"" OK},
};
#undef OK

// Task fields the ClearML server sets, not the user.
constexpr std::string_view kServerFields[] = {"id", "project", "status", "type", "created", "started",
                                               "completed", "last_update", "last_change", "company", "user",
                                               "parent", "last_worker", "last_iteration", "active_duration"};

bool user_written(const compiler::PlaceholderNode& p) {
  if (p.name == "USER_VAULTS" || p.name == "PROJECT_NAME") return true;
  if (p.name != "TASK" || p.path.empty()) return false;
  return std::find(std::begin(kServerFields), std::end(kServerFields), p.path[0]) == std::end(kServerFields);
}

// The command the placeholder is part of, up to the placeholder: the logical
// line (with '\' continuations), after the last ';', '&&', '||' or '|'.
std::string command_before(const Context& c, const compiler::PlaceholderNode& p) {
  const auto pos = c.source.position(p.begin);
  std::uint32_t first = pos.line;
  while (first > 1) {
    const auto prev = c.source.line_text(first - 1);
    if (prev.empty() || prev.back() != '\\') break;
    --first;
  }
  std::string s = c.text().substr(c.source.line_offset(first), p.begin - c.source.line_offset(first));
  for (std::string_view sep : {";", "&&", "||", "|", "$("}) {
    const auto k = s.rfind(sep);
    if (k != std::string::npos) s = s.substr(k + sep.size());
  }
  return s;
}

// Compiling a std::regex costs milliseconds (most of a cold lint run), so
// each is searched only when the text holds a word every match must contain:
// a necessary condition, so no match is missed.
bool mentions_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != text.npos; });
}

const std::regex& reparse_pattern() {
  static const std::regex r(
      R"((^|[\s(])(eval|(\S*/)?(ba|z|k|da)?sh\s+(-[-\w]+\s+)*-\w*c|su\s+.*-c|(\S*/)?ssh|(\S*/)?python3?\s+-c|perl\s+-e|ruby\s+-e|xargs|watch|trap|(\S*/)?(ba|z|k|da)?sh\s+(-[-\w]+\s+)*<<<)(\s|$))");
  return r;
}

// A command that reads shell code (or commands) from its standard input.
const std::regex& shell_reader() {
  static const std::regex r(R"((^|[\s(|])((\S*/)?(ba|z|k|da)?sh|(\S*/)?ssh|(\S*/)?python3?|perl|ruby)(\s+-[-\w]+)*\s*$)");
  return r;
}

// Builtins whose words name variables: a value there can set LD_PRELOAD or BASH_ENV.
const std::regex& variable_setter() {
  static const std::regex r(R"((^|[\s(])(env|export|declare|typeset|local|readonly)(\s+\S+)*\s+$)");
  return r;
}

bool reparses(const std::string& command) {
  return mentions_any(command, {"eval", "sh", "su", "python", "perl", "ruby", "xargs", "watch", "trap"}) &&
         std::regex_search(command, reparse_pattern());
}

bool reads_shell_code(const std::string& command) {
  return mentions_any(command, {"sh", "python", "perl", "ruby"}) && std::regex_search(command, shell_reader());
}

bool sets_variables(const std::string& command) {
  return mentions_any(command, {"env", "export", "declare", "typeset", "local", "readonly"}) &&
         std::regex_search(command, variable_setter());
}

// The here-document whose body holds `offset`, if any.
const compiler::Heredoc* heredoc_of(const Context& c, std::size_t offset) {
  for (const auto& h : c.ast.heredocs)
    if (offset >= h.body_begin && offset < h.body_end) return &h;
  return nullptr;
}

// The text after the placeholder on its line, for "... | bash".
bool piped_into_shell(const Context& c, const compiler::PlaceholderNode& p) {
  static const std::regex r(R"(\|\s*(\S*/)?(ba|z|k|da)?sh(\s|$))");
  const auto line = c.source.position(p.end).line;
  const auto end = c.source.line_offset(line) + c.source.line_text(line).size();
  const std::string rest = c.text().substr(p.end, end > p.end ? end - p.end : 0);
  return rest.find('|') != rest.npos && mentions_any(rest, {"sh"}) && std::regex_search(rest, r);
}

// Compiled on first use only: most templates never need them.
const std::regex& credential_assignment() {
  static const std::regex r(
      R"((^|[\s;])((CLEARML_API_(SECRET|ACCESS)_KEY|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|[A-Z0-9_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY))\s*=\s*['"]?([^'"$`\s][^'"\s]{5,})))");
  return r;
}

const std::regex& credential_token() {
  static const std::regex r(
      R"((AKIA[0-9A-Z]{16})|(gh[pousr]_[A-Za-z0-9]{30,})|(github_pat_[A-Za-z0-9_]{30,})|(hf_[A-Za-z0-9]{30,})|(xox[abpr]-[A-Za-z0-9-]{10,})|(-----BEGIN [A-Z ]*PRIVATE KEY-----))");
  return r;
}

void credentials(Context& c) {
  // The regular expressions only run on lines holding a word they need (a
  // cheap search first keeps large templates fast).
  auto has = [](std::string_view line, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return line.find(w) != line.npos; });
  };
  auto token_like = [&](std::string_view line) {
    if (has(line, {"AKIA", "github_pat_", "hf_", "xox", "-----BEGIN "})) return true;
    for (auto k = line.find("gh"); k != line.npos; k = line.find("gh", k + 1))
      if (k + 3 < line.size() && line[k + 3] == '_') return true;
    return false;
  };
  for (std::uint32_t n = 1; n <= c.source.line_count(); ++n) {
    const auto line = c.source.line_text(n);
    if (line.size() > 4096) continue;
    const bool assignment = line.find('=') != line.npos &&
                            has(line, {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "ACCESS_KEY"});
    if (!assignment && !token_like(line)) continue;
    const std::string s(line);
    std::smatch m;
    if (assignment && std::regex_search(s, m, credential_assignment()) && m.str(6).find("${CLEARML_") == std::string::npos) {
      c.report("literal-credential", c.source.line_offset(n) + m.position(2), m.length(2),
               fmt::format("{} is written literally in the template: read it from the environment or a private "
                           "file instead",
                           m.str(3)));
    } else if (std::regex_search(s, m, credential_token())) {
      c.report("literal-credential", c.source.line_offset(n) + m.position(0), m.length(0),
               "this looks like a credential written literally in the template: remove it and read it at run time");
    }
  }
}

}  // namespace

std::span<const RuleInfo> security_rules() { return kRules; }

void check_security(Context& c) {
  using render::Quoting;
  for (const auto& p : c.ast.placeholders) {
    if (!user_written(p)) continue;
    const auto q = p.context.quoting;
    if (q == Quoting::Comment || render::is_directive(q)) continue;
    const std::string field = p.name == "TASK" ? "task field '" + p.path[0] + "'" : "CLEARML_" + p.name;
    // A here-document fed to a shell: its body is code, quoted delimiter or not.
    if (const auto* h = heredoc_of(c, p.begin)) {
      const auto op_line = c.source.position(h->operator_offset).line;
      std::string before = c.text().substr(c.source.line_offset(op_line), h->operator_offset - c.source.line_offset(op_line));
      for (std::string_view sep : {";", "&&", "||", "|", "$("}) {
        const auto k = before.rfind(sep);
        if (k != std::string::npos) before = before.substr(k + sep.size());
      }
      if (reads_shell_code(before))
        c.report("task-value-as-code", p.begin, p.end - p.begin,
                 fmt::format("the {} is user-written and this here-document is read by a shell as code: pass the "
                             "value as data (an argument or environment variable)",
                             field));
      continue;
    }
    if (p.context.word_start && sets_variables(command_before(c, p))) {
      c.report("task-value-as-code", p.begin, p.end - p.begin,
               fmt::format("the {} is user-written and stands where a variable is named: a value like "
                           "LD_PRELOAD=... or BASH_ENV=... would run code; assign it to a fixed name (NAME=${{...}})",
                           field));
      continue;
    }
    if (reparses(command_before(c, p)) || piped_into_shell(c, p)) {
      c.report("task-value-as-code", p.begin, p.end - p.begin,
               fmt::format("the {} is user-written and this command parses it as shell code again: pass it as data "
                           "(an argument or environment variable)",
                           field));
      continue;
    }
    if (p.context.backtick_depth > 0 || p.context.in_double_brackets || q == Quoting::Arithmetic)
      c.report("task-value-restricted-context", p.begin, p.end - p.begin,
               fmt::format("the {} is user-written and stands in {}, where any value that is not a plain word fails "
                           "the task: assign it to a variable first",
                           field, render::describe(p.context)));
  }
  credentials(c);
}

}  // namespace slurmglue::lint
