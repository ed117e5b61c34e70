// Security family: task values that users write (names, hyperparameters,
// container arguments, ...) where a second round of shell parsing turns
// them into code, or where the renderer can only refuse them; and secrets
// written into the template itself.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"
#include "runtime/render/code_variables.hpp"

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
     "A user-written task value reaches arithmetic.",
     "Bash evaluates an arithmetic expression's text, and the names in it, again ((( )), $(( )), let, "
     "declare -i, [[ -gt ]], a subscript, also through a variable the value was assigned to), so the renderer "
     "lets only an integer stand there and refuses any other value: the task fails. Keep a field that may hold "
     "other text out of arithmetic. (Inside [[ ]] and `...` any value is rendered as a reference.)",
     "#!/bin/bash\necho $(( ${CLEARML_TASK.name} + 1 ))" OK,
     "#!/bin/bash\nif [[ ${CLEARML_TASK.name} == x ]]; then :; fi" OK},
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

// Compiled on first use only: compiling a std::regex costs milliseconds (it
// was most of a cold lint run), and most templates never need these.
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
    // The compiler's value-flow pass found where the value is parsed again
    // (eval, sh -c, a here-document or pipe into a shell, a variable that
    // later reaches one, ...); this names the user-written field.
    // A value typed |number is one plain word wherever it is parsed
    // again, and the compiler accepts it there (outside variables that load
    // code, which it refuses itself).
    const bool number = std::any_of(p.filters.begin(), p.filters.end(), [](const auto& f) { return f.name == "number"; });
    // (A server that receives the job's credentials: the compiler's own
    // value-chooses-server says what to do.)
    if (p.context.reparsed && !render::credential_server_in(p.reparsed_by).empty()) continue;
    if (p.context.reparsed && !number) {
      // (-u${V}: the value would be part of an option's name.)
      const bool option_word = p.reparsed_by.find("option letters or names") != std::string::npos;
      c.report("task-value-as-code", p.begin, p.end - p.begin,
               option_word ? fmt::format("the {} is user-written and stands in {}", field, p.reparsed_by)
                           : fmt::format("the {} is user-written and {} parses it as code again: pass it as data (an "
                                         "argument or environment variable)",
                                         field, p.reparsed_by));
      continue;
    }
    if (q == Quoting::Arithmetic)
      c.report("task-value-restricted-context", p.begin, p.end - p.begin,
               fmt::format("the {} is user-written and reaches arithmetic, where bash evaluates it: any value but "
                           "an integer fails the task; keep a field that may hold other text out of arithmetic",
                           field));
  }
  credentials(c);
}

}  // namespace slurmglue::lint
