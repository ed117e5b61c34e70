// srun wrapper family: the Pyxis srun-wrapper style of template defines a
// shell function srun() that adds the container options and hands the
// arguments to the real srun; the glue then runs "srun <agent>" through it
// (--srun-delegation).
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"
#include "compiler/value_flow.hpp"

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
  std::size_t at = 0;  // the function's name in its definition
  std::uint32_t line = 0;
  std::size_t group = 0;  // its body, in the shell model
};

std::optional<Wrapper> find_wrapper(const Context& c) {
  const auto& commands = c.ast.commands;
  for (std::size_t g = 0; g < commands.size(); ++g)
    if (commands[g].kind == compiler::ShellCommand::Kind::Group && commands[g].function == "srun")
      return Wrapper{commands[g].function_at, c.source.position(commands[g].function_at).line, g};
  return std::nullopt;
}

// Whether command k runs inside group g (directly, in a nested group, or in a
// substitution in one of its words).
bool inside(const compiler::Template& t, std::size_t k, std::size_t g) {
  for (std::size_t at = k; at != SIZE_MAX;) {
    const auto& cmd = t.commands[at];
    for (auto up = cmd.group; up != SIZE_MAX; up = t.commands[up].group)
      if (up == g) return true;
    at = cmd.parent;
  }
  return false;
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
  // (The agent's contract: a plain Slurm script wraps srun for itself; lint hunt 59.)
  if (!c.options.srun_delegation && !has_execute && c.options.profile == Profile::ClearML)
    c.report("srun-wrapper-without-delegation", w->at, 4,
             "this template wraps srun but has no ${CLEARML_AGENT_EXECUTE}: the agent only runs through it with "
             "--srun-delegation; lint and run the glue with --srun-delegation");
  const auto& t = c.ast;
  bool passes_arguments = false, has_image = false;
  std::optional<std::size_t> unquoted_arguments;
  for (std::size_t k = 0; k < t.commands.size(); ++k) {
    const auto* program = compiler::program_word(t.commands[k]);
    const bool in_body = inside(t, k, w->group);
    if (program && program->text == "srun") {
      if (in_body)
        c.report("srun-wrapper-recursion", program->begin, 4,
                 "inside the srun() wrapper, 'srun' calls the wrapper again (infinite recursion): write 'command "
                 "srun'",
                 "command srun");
      else if (program->begin < w->at && !c.in_heredoc(program->begin))
        c.report("srun-wrapper-after-use", program->begin, 4,
                 fmt::format("srun is used before the wrapper is defined (line {}), so this runs the plain srun: "
                             "define the wrapper first",
                             w->line));
    }
    if (!in_body) continue;
    for (const auto& word : t.commands[k].words) {
      const std::string_view raw = std::string_view(c.text()).substr(word.begin, word.end - word.begin);
      if (raw.find("\"$@\"") != std::string_view::npos) passes_arguments = true;
      for (std::string_view bare : {"$@", "$*"})
        if (const auto at = raw.find(bare); at != std::string_view::npos && !unquoted_arguments &&
                                            raw.find("\"$@\"") == std::string_view::npos)
          unquoted_arguments = word.begin + at;
      if (word.text.starts_with("--container-image") || word.text.starts_with("--container-name")) has_image = true;
    }
  }
  if (!passes_arguments) {
    if (unquoted_arguments)
      c.report("srun-wrapper-arguments", *unquoted_arguments, 2,
               "the wrapper passes its arguments unquoted, so they are split and globbed: write \"$@\"", "\"$@\"");
    else
      c.report("srun-wrapper-arguments", w->at, 4,
               "the srun() wrapper drops its arguments (the agent command): pass them on as \"$@\"");
  }
  if (!has_image)
    c.report("srun-wrapper-without-image", w->at, 4,
             "the srun() wrapper adds no --container-image, so steps run outside any container: add "
             "--container-image=\"${CLEARML_TASK.container.image}\"");
  for (const auto* p : c.placeholders("AGENT_EXECUTE"))
    if (c.options.srun_delegation && p->begin < w->at)
      c.report("srun-wrapper-after-use", p->begin, p->end - p->begin,
               fmt::format("the agent runs here, before the srun() wrapper is defined (line {}): define the wrapper "
                           "first",
                           w->line));
}

}  // namespace slurmglue::lint
