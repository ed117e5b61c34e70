// srun wrapper family: the Pyxis srun-wrapper style of template defines a
// shell function srun() that adds the container options and hands the
// arguments to the real srun; the glue then runs "srun <agent>" through it
// (--srun-delegation).
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::SrunWrapper;
#define DEL "--srun-delegation"

const RuleInfo kRules[] = {
    {"SG701", "srun-wrapper-recursion", F, Error, "The srun wrapper calls srun, that is itself.",
     "Inside a function named srun, a plain 'srun' calls the function again: infinite recursion. Call the real "
     "one with 'command srun'.",
     "#!/bin/bash\nsrun() {\n  srun --container-image=ubuntu \"$@\"\n}\n",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n", DEL},
    {"SG702", "srun-wrapper-arguments", F, Error, "The srun wrapper drops \"$@\" or leaves it unquoted.",
     "The wrapper must pass its arguments on as \"$@\": without it the agent command is lost; $@ or $* unquoted "
     "splits and globs every argument.",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu $@\n}\n",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n", DEL},
    {"SG703", "srun-wrapper-after-use", F, Error, "srun is used before the wrapper is defined.",
     "bash defines the function when it reaches it: srun lines (and the agent execution) before the definition "
     "run the plain srun, outside the container. Define the wrapper first.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n${CLEARML_AGENT_EXECUTE}\n", DEL},
    {"SG704", "srun-wrapper-without-image", F, Warning, "The srun wrapper adds no --container-image.",
     "A wrapper without --container-image (or --container-name) runs the steps outside any container. Add "
     "--container-image=\"${CLEARML_TASK.container.image}\".",
     "#!/bin/bash\nsrun() {\n  command srun \"$@\"\n}\n",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n", DEL},
    {"SG705", "srun-wrapper-without-delegation", F, Error,
     "An srun-wrapper template is linted (and would run) without --srun-delegation.",
     "Without ${CLEARML_AGENT_EXECUTE}, the agent runs through the wrapper only when the glue runs with "
     "--srun-delegation; otherwise it never runs. Lint and run the glue with --srun-delegation.",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n",
     "#!/bin/bash\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG706", "srun-delegation-without-wrapper", F, Warning,
     "--srun-delegation is given, but the template defines no srun wrapper.",
     "With --srun-delegation the glue runs 'srun <agent>'; without a wrapper that is plain srun, with no "
     "container options. Define srun() or lint without --srun-delegation.",
     "#!/bin/bash\n#SBATCH --time=10\n",
     "#!/bin/bash\n#SBATCH --time=10\nsrun() {\n  command srun --container-image=ubuntu \"$@\"\n}\n", DEL},
};
#undef DEL

struct Wrapper {
  std::size_t at = 0;          // the definition
  std::uint32_t line = 0;
  std::size_t body_begin = 0;  // after '{'
  std::size_t body_end = 0;    // at the matching '}'
};

bool word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-'; }

// The text of [begin, end) with comments and single-quoted strings blanked.
std::string code_only(std::string_view t) {
  std::string out(t);
  bool single = false, comment = false;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const char ch = out[k];
    if (ch == '\n') comment = false;
    if (comment) {
      out[k] = ' ';
      continue;
    }
    if (single) {
      if (ch == '\'') single = false;
      out[k] = ' ';
    } else if (ch == '\'') {
      single = true;
    } else if (ch == '#' && (k == 0 || std::isspace(static_cast<unsigned char>(out[k - 1])))) {
      comment = true;
      out[k] = ' ';
    }
  }
  return out;
}

std::optional<Wrapper> find_wrapper(const Context& c) {
  std::string code;  // made for the first candidate only: most templates have none
  for (std::uint32_t n = 1; n <= c.source.line_count(); ++n) {
    const auto start = c.source.line_offset(n);
    const auto line = c.source.line_text(n);
    auto k = line.find_first_not_of(" \t");
    if (k == std::string_view::npos) continue;
    auto rest = line.substr(k);
    if (rest.starts_with("function ")) rest = rest.substr(rest.find_first_not_of(' ', 9));
    if (!rest.starts_with("srun") || (rest.size() > 4 && word_char(rest[4]))) continue;
    auto after = rest.substr(4);
    after = after.substr(std::min(after.size(), after.find_first_not_of(" \t")));
    const bool parens = after.starts_with("()");
    if (!parens && !line.substr(k).starts_with("function ")) continue;
    if (c.in_heredoc(start)) continue;
    Wrapper w;
    w.at = start + k;
    w.line = n;
    if (code.empty()) code = code_only(c.text());
    const auto open = code.find('{', w.at);
    if (open == std::string::npos) return w;
    int depth = 0;
    std::size_t i = open;
    for (; i < code.size(); ++i) {
      if (code[i] == '{') ++depth;
      if (code[i] == '}' && --depth == 0) break;
    }
    w.body_begin = open + 1;
    w.body_end = i;
    return w;
  }
  return std::nullopt;
}

// Offsets of "srun" as a command word in code[begin, end).
std::vector<std::size_t> srun_words(std::string_view code, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> v;
  for (auto at = code.find("srun", begin); at != std::string_view::npos && at < end; at = code.find("srun", at + 4)) {
    if (at > 0 && (word_char(code[at - 1]) || code[at - 1] == '/' || code[at - 1] == '"' || code[at - 1] == '$'))
      continue;
    if (at + 4 < code.size() && (word_char(code[at + 4]) || code[at + 4] == '(')) continue;
    v.push_back(at);
  }
  return v;
}

bool preceded_by(std::string_view code, std::size_t at, std::string_view word) {
  auto k = code.find_last_not_of(" \t", at == 0 ? 0 : at - 1);
  if (k == std::string_view::npos || k + 1 < word.size()) return false;
  return code.substr(k + 1 - word.size(), word.size()) == word;
}

}  // namespace

bool defines_srun_wrapper(const Context& c) { return find_wrapper(c).has_value(); }

std::span<const RuleInfo> srun_wrapper_rules() { return kRules; }

void check_srun_wrapper(Context& c) {
  const auto w = find_wrapper(c);
  const bool has_execute = !c.placeholders("AGENT_EXECUTE").empty();
  if (!w) {
    if (c.options.srun_delegation && c.text().find_first_not_of(" \t\n\r") != std::string::npos)
      c.report("srun-delegation-without-wrapper", 0, 1,
               "--srun-delegation runs the agent with 'srun', but this template defines no srun() wrapper: the "
               "agent gets no container options; define srun() or drop --srun-delegation");
    return;
  }
  const std::string code = code_only(c.text());
  if (!c.options.srun_delegation && !has_execute)
    c.report("srun-wrapper-without-delegation", w->at, 4,
             "this template wraps srun but has no ${CLEARML_AGENT_EXECUTE}: the agent only runs through it with "
             "--srun-delegation; lint and run the glue with --srun-delegation");
  if (w->body_end > w->body_begin) {
    const std::string_view body = std::string_view(code).substr(w->body_begin, w->body_end - w->body_begin);
    for (auto at : srun_words(code, w->body_begin, w->body_end)) {
      if (preceded_by(code, at, "command") || preceded_by(code, at, "exec") || preceded_by(code, at, "env"))
        continue;
      c.report("srun-wrapper-recursion", at, 4,
               "inside the srun() wrapper, 'srun' calls the wrapper again (infinite recursion): write 'command srun'",
               "command srun");
    }
    if (body.find("\"$@\"") == std::string_view::npos) {
      auto bare = body.find("$@");
      if (bare == std::string_view::npos) bare = body.find("$*");
      if (bare != std::string_view::npos)
        c.report("srun-wrapper-arguments", w->body_begin + bare, 2,
                 "the wrapper passes its arguments unquoted, so they are split and globbed: write \"$@\"", "\"$@\"");
      else
        c.report("srun-wrapper-arguments", w->at, 4,
                 "the srun() wrapper drops its arguments (the agent command): pass them on as \"$@\"");
    }
    if (body.find("--container-image") == std::string_view::npos &&
        body.find("--container-name") == std::string_view::npos)
      c.report("srun-wrapper-without-image", w->at, 4,
               "the srun() wrapper adds no --container-image, so steps run outside any container: add "
               "--container-image=\"${CLEARML_TASK.container.image}\"");
  }
  // Uses before the definition: srun command words, and the agent execution.
  const std::size_t directives_end = c.ast.directives.empty() ? 0 : c.ast.directives.back().end;
  for (auto at : srun_words(code, directives_end, w->at)) {
    if (c.in_heredoc(at)) continue;
    c.report("srun-wrapper-after-use", at, 4,
             fmt::format("srun is used before the wrapper is defined (line {}), so this runs the plain srun: define "
                         "the wrapper first",
                         w->line));
  }
  for (const auto* p : c.placeholders("AGENT_EXECUTE"))
    if (c.options.srun_delegation && p->begin < w->at)
      c.report("srun-wrapper-after-use", p->begin, p->end - p->begin,
               fmt::format("the agent runs here, before the srun() wrapper is defined (line {}): define the wrapper "
                           "first",
                           w->line));
}

}  // namespace slurmglue::lint
