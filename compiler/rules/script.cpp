// Script family: what makes sbatch reject the whole script before reading a
// single directive (empty, no "#!" first, NUL, DOS line breaks, size).
#include <fmt/format.h>

#include "compiler/rules/context.hpp"
#include "runtime/render/script_checks.hpp"

namespace slurmglue::lint {

namespace {
using namespace std::string_view_literals;
using enum Severity;
constexpr auto F = Family::Script;

const RuleInfo kRules[] = {
    {"SG201", "missing-shebang", F, Error, "The script does not start with #! and an interpreter.",
     "sbatch refuses a script whose first two bytes are not '#!'. Start the template with #!/bin/bash.",
     "#SBATCH --time=10\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\n#SBATCH --time=10\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG202", "misplaced-shebang", F, Error, "The #! line is not the very first bytes of the script.",
     "sbatch only looks at the first two bytes. A blank line, an indent or a comment before '#!' makes it refuse "
     "the script. Move the #! line to the top.",
     "\n#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\n\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG203", "crlf-line-endings", F, Error, "The script has DOS line breaks (\\r\\n).",
     "sbatch refuses any script with \\r\\n. Convert the file to Unix line endings (dos2unix).",
     "#!/bin/bash\r\n${CLEARML_AGENT_EXECUTE}\r\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG204", "nul-byte", F, Error, "The script holds a NUL byte.",
     "sbatch refuses any script with a NUL byte. Remove it (the file may be UTF-16 or binary).",
     "#!/bin/bash\n\0\n${CLEARML_AGENT_EXECUTE}\n"sv, "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG205", "script-too-large", F, Error, "The template alone is over sbatch's 4 MiB script limit.",
     "sbatch's default max_script_size is 4 MiB; the rendered script is even larger (an example would not fit here). Move data out of the "
     "script (into files the job reads).",
     "", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG206", "empty-script", F, Error, "The template is empty or only whitespace.",
     "sbatch refuses an empty script. Write at least #!/bin/bash and ${CLEARML_AGENT_EXECUTE}.",
     "\n  \n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG207", "shellcheck", F, Warning, "A ShellCheck finding in the shell part (with --shellcheck).",
     "With --shellcheck, the template is given to ShellCheck with every placeholder replaced by text of the "
     "same width (a code slot on its own line by the no-op ':'), and each finding is reported at the template's "
     "own line and column as 'SCnnnn: message', with ShellCheck's severity. ShellCheck's own '# shellcheck "
     "disable=SCnnnn' comments work as usual. The failing example is not shown because ShellCheck's wording "
     "depends on its release; a typical one is an unquoted $VAR (SC2086).",
     "", "#!/bin/bash\necho \"$HOME\"\n${CLEARML_AGENT_EXECUTE}\n"},
};
}  // namespace

std::span<const RuleInfo> script_rules() { return kRules; }

void check_script(Context& c) {
  const std::string& t = c.text();
  if (t.find_first_not_of(" \t\n\r\v\f") == std::string::npos) {
    c.report("empty-script", 0, 1, "the template is empty or only whitespace: sbatch refuses it; start with #!/bin/bash");
    return;
  }
  if (!t.starts_with("#!")) {
    std::size_t later = std::string::npos;
    for (std::uint32_t n = 1; n <= c.source.line_count() && n <= 20; ++n) {
      const auto line = c.source.line_text(n);
      const auto first = line.find_first_not_of(" \t");
      if (first != std::string_view::npos && line.substr(first).starts_with("#!")) {
        later = c.source.line_offset(n) + first;
        break;
      }
    }
    if (later != std::string::npos)
      c.report("misplaced-shebang", later, 2,
               "the #! line must be the first bytes of the script (sbatch refuses it otherwise); move it to the top");
    else
      c.report("missing-shebang", 0, 1, "the script must start with #! and an interpreter: add #!/bin/bash as line 1",
               "#!/bin/bash");
  }
  // A NUL byte (nul-byte) is reported by the compiler, which then stops.
  if (auto crlf = t.find("\r\n"); crlf != std::string::npos)
    c.report("crlf-line-endings", crlf, 1,
             "DOS line breaks (\\r\\n): sbatch refuses the script; convert the file to Unix line endings");
  if (t.size() > render::kMaxScriptBytes)
    c.report("script-too-large", 0, 1,
             fmt::format("the template is {} bytes, over sbatch's default limit of {}: move data out of the script",
                         t.size(), render::kMaxScriptBytes));
}

}  // namespace slurmglue::lint
