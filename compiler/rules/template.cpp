// Template family: the compiler's own diagnostics, registered here with ids
// and documentation. The checks themselves live in the compiler.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"
#include "compiler/value_flow.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Template;

const RuleInfo kRules[] = {
    {"SG101", "placeholder-syntax", F, Error, "A ${CLEARML_...} placeholder does not follow the template grammar.",
     "A placeholder is ${CLEARML_NAME[.path][:default][|filter|filter(arg)...]} on one line. Anything else after "
     "'${CLEARML_' cannot be compiled. To write a literal '${CLEARML_' for bash, double the dollar: '$${CLEARML_'.",
     "#!/bin/bash\necho ${CLEARML_TASK.id\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG102", "unknown-variable", F, Error, "The placeholder names a variable the template language does not have.",
     "The variables are TASK, USER, CONFIG, USER_VAULTS, PROVIDERS_INFO (with a path), QUEUE_NAME, QUEUE_ID, "
     "WORKER_ID, PROJECT_NAME, PROJECT_ID, and the code slots PRE_SETUP, AGENT_EXECUTE, POST_SETUP. A close name "
     "is suggested.",
     "#!/bin/bash\necho ${CLEARML_QUEUE}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_QUEUE_NAME}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG103", "placeholder-path", F, Error, "A compound variable lacks a field, or a single value is given one.",
     "TASK, USER, CONFIG, USER_VAULTS and PROVIDERS_INFO are objects: name a field (${CLEARML_TASK.id}). The other "
     "variables are single values and take no path.",
     "#!/bin/bash\necho ${CLEARML_TASK}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG104", "unknown-task-field", F, Warning, "The task object has no such field (did you mean ...?).",
     "Task paths start with a field of the task object as the ClearML API returns it (id, name, project, "
     "hyperparams, container, ...). An unknown field always renders its default or fails the task.",
     "#!/bin/bash\necho ${CLEARML_TASK.nmae}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG105", "unknown-filter", F, Error, "The placeholder uses a filter that does not exist.",
     "Filters are strip, strip(chars), capitalize, lower, remove_newlines, raw, number and words.",
     "#!/bin/bash\necho ${CLEARML_TASK.name|upper}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.name|lower}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG106", "filter-argument", F, Error, "A filter that takes no argument is given one.",
     "Only strip takes an argument (the characters to strip).",
     "#!/bin/bash\necho ${CLEARML_TASK.name|lower(x)}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.name|lower}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG107", "code-slot-default", F, Error, "A code slot is given a default or a filter.",
     "${CLEARML_PRE_SETUP}, ${CLEARML_AGENT_EXECUTE} and ${CLEARML_POST_SETUP} are code the glue writes; they "
     "take no default and no filter.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE:true}\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG108", "code-slot-context", F, Error, "A code slot stands where a command cannot.",
     "A code slot inserts shell code: it must stand unquoted where a command can, not inside quotes, "
     "backticks, ${...} or [[ ]].",
     "#!/bin/bash\necho \"${CLEARML_AGENT_EXECUTE}\"\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG109", "placeholder-in-option-name", F, Error, "A placeholder is part of an #SBATCH option name.",
     "The task would choose which sbatch option is set. Put placeholders in option values only.",
     "#!/bin/bash\n#SBATCH --${CLEARML_TASK.name}=1\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --comment=${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG110", "backslash-before-placeholder", F, Error, "A backslash stands right before a placeholder.",
     "The backslash would escape the first character of the value and undo its escaping. Remove it, or quote "
     "the placeholder.",
     "#!/bin/bash\necho \\${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho \"${CLEARML_TASK.name}\"\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG111", "heredoc-delimiter", F, Error, "A placeholder is part of a here-document delimiter.",
     "The end of the here-document would depend on a task value. Use a fixed delimiter word.",
     "#!/bin/bash\ncat <<${CLEARML_TASK.id}\nx\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\ncat <<'EOF'\nx\nEOF\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG112", "heredoc-unterminated", F, Error, "A here-document has no line that ends it.",
     "bash reads the rest of the script as the body: everything after it never runs as commands.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\ncat <<EOF\nx\n",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\ncat <<EOF\nx\nEOF\n"},
    {"SG113", "shell-syntax", F, Error,
     "A quote, $(, `, ${, $((, [[ or a compound command is never closed, or closed by the wrong word.",
     "The compiler must know the shell context of every placeholder; an unclosed construct makes the rest of "
     "the script one word, and bash rejects the script. The same for what bash -n reports of compound "
     "commands: if without then or fi, a loop without do or done, case without esac, { without }, a fi, "
     "done, esac, } or ) that closes nothing, a then, do, else or elif out of its place; between commands: an "
     "operator where no command stands (a && && b, a | | b, ; ; ), an &&, || or | with no command after it; a "
     "[[ ]] test ending in an operator without its operand ([[ $a == ]], [[ -f ]]); a NAME=( array never "
     "closed.",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\necho \"done\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\necho \"done\"\n"},
    {"SG114", "placeholder-never-set", F, Warning, "The task path can never hold a single value.",
     "A path below a field that is a single value (id.x, name.x) never exists, and a path that stops at an "
     "object (hyperparams.Args, container) renders no value: such a placeholder always falls back to its "
     "default or fails the task. Hyperparameters are hyperparams.SECTION.NAME.value.",
     "#!/bin/bash\necho ${CLEARML_TASK.hyperparams.Args.epochs}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho ${CLEARML_TASK.hyperparams.Args.epochs.value}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG115", "placeholder-in-script", F, Warning, "A ${CLEARML_...} placeholder in a plain sbatch script.",
     "With --profile sbatch the file is a batch script as sbatch runs it, not a template the glue renders: "
     "${CLEARML_TASK.id} reaches bash as is, which fails on it ('bad substitution') or expands an unset variable. "
     "Lint templates with --profile clearml (the default), or write a shell variable.",
     "#!/bin/bash\necho ${CLEARML_TASK.id}\n", "#!/bin/bash\necho \"$SLURM_JOB_ID\"\n", "--profile sbatch"},
    {"SG116", "placeholder-shebang", F, Error, "A placeholder stands on the #! line.",
     "The task would choose the interpreter of the batch script.",
     "#!/bin/${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG117", "interpreter-not-bash", F, Error, "The #! line does not run bash.",
     "The renderer passes task values in a data block written in bash's $'...' quoting and arrays, which other "
     "shells read differently. Start the template with #!/bin/bash (or #!/usr/bin/env bash).",
     "#!/bin/sh\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG118", "reserved-name", F, Error, "The template uses a name starting with __slurmglue_.",
     "Those are the variables of the renderer's data block, which hold task values; a template that sets or "
     "reads them could change a value or make one code.",
     "#!/bin/bash\n__slurmglue_1=x\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\nmy_value=x\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG119", "placeholder-command", F, Error, "A placeholder would choose the command that runs.",
     "A value in command position (or as the command of srun, env, timeout, singularity exec, sudo, exec, find "
     "-exec, ..., read by each runner's options and their argument counts; after an option the compiler does "
     "not know, the value could be either) picks any program. Write the command in the template and pass the "
     "value as an argument, or write the runner's option as --opt=value.",
     "#!/bin/bash\n${CLEARML_TASK.script.binary} train.py\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\npython3 train.py\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG120", "value-parsed-as-code", F, Error, "A placeholder is in a string that a command parses again as code.",
     "eval, sh -c, trap, ssh, sbatch/srun --wrap, alias, declare NAME=(...), python -c, awk, sed, variables "
     "that programs run or load (PS4, PROMPT_COMMAND, BASH_ENV, LD_PRELOAD, PATH, PYTHONPATH, GIT_SSH_COMMAND, "
     "...) or read as their options (SLURM_*, SBATCH_*, SRUN_*: srun and sbatch take options from them), and standard input read as code (a here-document, here-string or earlier pipeline stage feeding a "
     "shell, an interpreter, sbatch, at, xargs or a function that does) all run their text, so a task value "
     "there would run. The compiler follows values through shell variables and function parameters too "
     "(L=${...}; eval \"$L\"). Only ids may stand there, and numbers typed with |number outside "
     "variables that load code. Pass a value as data instead: an environment variable "
     "(NAME=${...} cmd, then \"$NAME\" in single quotes) or a positional parameter (sh -c '... \"$1\"' sh "
     "${...}).",
     "#!/bin/bash\nsbatch --wrap=\"echo ${CLEARML_TASK.status}\"\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nNAME=${CLEARML_TASK.name} sbatch --wrap='echo \"$NAME\"'\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG121", "secret-value", F, Error, "A placeholder names a secret (credentials, keys, tokens, passwords).",
     "A batch script is readable by the cluster's admins, kept in Slurm's spool and shown by scontrol: secrets "
     "never go into it. Give the job a credentials file or an environment the cluster provides.",
     "#!/bin/bash\nexport K=${CLEARML_CONFIG.api.credentials.secret_key}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG122", "prompt-expansion", F, Error, "The template uses ${...@P}.",
     "Prompt expansion runs $(...) in the variable's text, so a task value that reaches the variable would run.",
     "#!/bin/bash\nv=x\necho \"${v@P}\"\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\nv=x\necho \"$v\"\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG123", "ambiguous-arithmetic", F, Warning, "'((' or '$((' closes with ') )': bash reads a subshell, not arithmetic.",
     "bash reads '((' as arithmetic only when the ')' matching its second '(' is followed at once by another ')'; "
     "otherwise it reads the text again as a subshell ($((cd d && ls) | wc -l) is a command substitution). "
     "slurmglue reads it as bash does; write '$( (' or '( (' with a space so that readers do too.",
     "#!/bin/bash\nx=$((echo 1) )\n${CLEARML_AGENT_EXECUTE}\n", "#!/bin/bash\nx=$( (echo 1) )\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG124", "value-in-exported-function", F, Error,
     "A placeholder is in a function whose text another shell runs (export -f, declare -f).",
     "A task value that is not a plain word is rendered as a reference to a variable of the script's data block; "
     "a child shell (srun bash -c f, bash -c \"$(declare -f f); f\") gets the function's text but not that "
     "variable, so the value would silently be empty there. Export the value in a variable of the template's "
     "own and use that variable in the function.",
     "#!/bin/bash\ntrain() { python3 train.py --lr \"${CLEARML_TASK.hyperparams.Args.lr.value}\"; }\nexport -f train\n"
     "srun bash -c train\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nexport LR=${CLEARML_TASK.hyperparams.Args.lr.value}\ntrain() { python3 train.py --lr \"$LR\"; }\n"
     "export -f train\nsrun bash -c train\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG125", "backquote-escape", F, Error,
     "A `...` substitution that expands something holds \\$, \\`, \\\\ or (inside \"...\") \\\".",
     "Bash removes those backslashes before it runs the command of `...`: `echo \\$N` expands N, \\`...\\` is a "
     "nested substitution, \"`f \\\"$N\\\"`\" quotes N, so a value would get another context than the one it "
     "seems to have. $(...) has no such rule: write it instead.",
     "#!/bin/bash\nN=${CLEARML_TASK.name}\nLAST=\"`find . -name \\\"$N\\\" | tail -n 1`\"\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nN=${CLEARML_TASK.name}\nLAST=\"$(find . -name \"$N\" | tail -n 1)\"\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG126", "heredoc-order", F, Error,
     "A here-document opens inside $(...), <(...) or `...` after another one on the same line.",
     "Bash gives the lines that follow to the substitution's here-document first, against the order of the "
     "operators, so each body would be read as the other's. Start the substitution's here-document on a line of "
     "its own.",
     "#!/bin/bash\ncat <<'A'; echo \"$(cat <<B)\"\nline1 ${CLEARML_TASK.name}\nA\nline2\nB\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\ncat <<'A'\nline1 ${CLEARML_TASK.name}\nA\necho \"$(cat <<B\nline2\nB\n)\"\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG127", "value-chooses-account", F, Error,
     "A placeholder chooses the user or group a command runs as.",
     "sudo -u, sudo -g, doas -u, runuser -u, su USER, sg GROUP, chroot --userspec, setpriv --reuid and the like "
     "run the command with another account's privileges; a task value there would choose whose (root, the "
     "glue's own account, another user's). The compiler follows values through variables too. Only ids may "
     "stand there; write the account in the template.",
     "#!/bin/bash\nsudo -u ${CLEARML_TASK.hyperparams.Args.user.value} python3 train.py\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nsudo -u trainer python3 train.py\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG128", "placeholder-in-translated-directive", F, Error,
     "A placeholder stands on a #PBS or #BSUB line.",
     "sbatch translates #PBS (Torque) and #BSUB (LSF) lines into its own options, which override the #SBATCH "
     "block, and splits them into words: a task value with blanks there would add options (-A an account, -q "
     "a partition, -v variables of the job's environment). Write the option as an #SBATCH line, where values "
     "stay one option value.",
     "#!/bin/bash\n#PBS -N ${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --comment=${CLEARML_TASK.name}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG129", "keyword-mode", F, Error, "The template turns on set -k with placeholders in it.",
     "Under set -k (set -o keyword) bash takes every NAME=value word of a command as an environment "
     "assignment for it, not only the leading ones: python3 train.py PYTHONPATH=${...} would choose the "
     "code python loads. The compiler reads a template as bash does without it; write assignments before "
     "the command instead.",
     "#!/bin/bash\nset -k\npython3 train.py LR=${CLEARML_TASK.hyperparams.Args.lr.value}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nLR=${CLEARML_TASK.hyperparams.Args.lr.value} python3 train.py\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG130", "unmodeled-shell-option", F, Error,
     "The template turns on a bash option that changes how values are read (compatNN, BASH_COMPAT, cdable_vars).",
     "The compiler reads a template as bash 5 does by default. shopt -s compat31 (or BASH_COMPAT=3.1) makes a "
     "quoted value on the right of =~ a regular expression again, compat42 keeps quotes in ${X/P/R} "
     "replacements, and cdable_vars makes cd \"$DIR\" change into the directory of the variable a value names "
     "(HOME, TMPDIR): a value would match what the template meant to refuse, or choose where relative "
     "programs are found. Remove the option.",
     "#!/bin/bash\nshopt -s cdable_vars\ncd \"${CLEARML_TASK.hyperparams.Args.dir.value:runs}\"\nbash train.sh\n"
     "${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\ncd \"${CLEARML_TASK.hyperparams.Args.dir.value:runs}\"\nbash train.sh\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG131", "default-is-one-word", F, Warning,
     "A default with blanks stands unquoted where bash splits words: it renders as one word.",
     "A value never adds a word, and a default is a value: LRS=(${...:1e-3 3e-4}) makes an array of one element "
     "'1e-3 3e-4', and python3 t.py ${...:--fp16 --bs 32} passes one argument. Write the words in the template "
     "and give each its own placeholder, give a default of one word, or, among a script's arguments, split the "
     "value with |words (python3 t.py ${...:--fp16 --bs 32|words}).",
     "#!/bin/bash\nLRS=(${CLEARML_TASK.hyperparams.Args.lrs.value:1e-3 3e-4})\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\nLRS=(${CLEARML_TASK.hyperparams.Args.lr1.value:1e-3} ${CLEARML_TASK.hyperparams.Args.lr2.value:3e-4})\n"
     "${CLEARML_AGENT_EXECUTE}\n"},
    {"SG132", "words-position", F, Error,
     "A placeholder with |words stands where its words could be options, a script or a command.",
     "|words splits a value into arguments, each quoted on its own. It may stand only as a whole word after the "
     "script a program runs (an interpreter's or launcher's script or -m module, a shell's script file, a program "
     "named by its path), where every word is one argument of that script. Before the script a word could be an "
     "option of the program (python3 -c CODE) or the script itself; after a runner (srun, env, timeout) the "
     "command it runs.",
     "#!/bin/bash\npython3 ${CLEARML_TASK.hyperparams.Args.extra.value|words}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\npython3 train.py ${CLEARML_TASK.hyperparams.Args.extra.value|words}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG133", "placeholder-in-parameter-name", F, Error,
     "A placeholder stands in the name or operator part of ${...}.",
     "In ${RUN${...}} the value would finish the variable's name (${RUN_SECRET_TOKEN} reads another variable) or "
     "be the operator (@P expands the variable's text as a prompt, running $(...) in it). Put placeholders only in "
     "an operator's word (${RUN:-${...}}), or join them outside: \"${RUN}${...}\".",
     "#!/bin/bash\necho \"${RUN${CLEARML_TASK.hyperparams.Args.suffix.value:}}\"\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\necho \"${RUN}${CLEARML_TASK.hyperparams.Args.suffix.value:}\"\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG135", "shell-default-syntax", F, Warning,
     "A default written bash's way, ${...:-x}: the '-' is part of the default.",
     "A placeholder's default follows a single ':' (${CLEARML_TASK.hyperparams.Args.partition.value:gpu}); "
     "the ':-' of bash's ${VAR:-default} makes the default start with '-': #SBATCH --partition=-gpu, a run named "
     "\"-baseline\". Drop the '-'. (A default of options, --fp16 or -v 2, or a negative number is not reported.)",
     "#!/bin/bash\n#SBATCH --partition=${CLEARML_TASK.hyperparams.Args.partition.value:-gpu}\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\n#SBATCH --partition=${CLEARML_TASK.hyperparams.Args.partition.value:gpu}\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG134", "continued-token", F, Error,
     "A line continuation splits a token bash joins ('>' '&', '$' '(', '&' '&', ...).",
     "bash removes a backslash-newline before it reads tokens, so 2>\\<newline>&1 is 2>&1 and $\\<newline>(cmd) "
     "is $(cmd). slurmglue reads the pieces apart, so it cannot tell the context of what follows: a placeholder "
     "there could get the wrong quoting. The template is refused and nothing after the continuation is checked. "
     "Write the token on one line (split the line between words instead). Plain batch scripts (--profile "
     "sbatch) are not rendered, so the rule is a template rule only.",
     "#!/bin/bash\npython3 train.py --name \"${CLEARML_TASK.name}\" 2>\\\n&1 | tee log.txt\n${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\npython3 train.py --name \"${CLEARML_TASK.name}\" \\\n  2>&1 | tee log.txt\n${CLEARML_AGENT_EXECUTE}\n"},
    {"SG136", "value-chooses-server", F, Error,
     "A placeholder names the server a client sends the job's credentials to (WANDB_BASE_URL, MLFLOW_TRACKING_URI, "
     "HF_ENDPOINT, CLEARML_API_HOST).",
     "Tracking, model hub and storage clients send the job's API key or token to the server such a variable names, "
     "and load models and artifacts from it (pickles run code); a task value there would choose who receives the "
     "key and what the job loads. The compiler follows values through variables too. Write "
     "the server in the template, or let a task choose among servers the template names.",
     "#!/bin/bash\nexport WANDB_BASE_URL=${CLEARML_TASK.hyperparams.env.wandb_url.value:https://api.wandb.ai}\n"
     "${CLEARML_AGENT_EXECUTE}\n",
     "#!/bin/bash\ncase \"${CLEARML_TASK.hyperparams.env.wandb_site.value:cloud}\" in\n  onprem) export "
     "WANDB_BASE_URL=https://wandb.example.org ;;\n  *) export WANDB_BASE_URL=https://api.wandb.ai ;;\nesac\n"
     "${CLEARML_AGENT_EXECUTE}\n"},
};

// Task fields that are single values (strings, numbers, dates).
constexpr std::string_view kScalarFields[] = {
    "id", "name", "user", "company", "type", "status", "comment", "created", "started", "completed",
    "last_update", "last_change", "last_changed_by", "parent", "project", "status_changed", "status_message",
    "status_reason", "published", "active_duration", "last_worker", "last_iteration"};
constexpr std::string_view kHyperparamFields[] = {"value", "type", "description", "name", "section"};

std::string joined(const std::vector<std::string>& path, std::size_t n) {
  std::string s;
  for (std::size_t k = 0; k < n && k < path.size(); ++k) s += (k ? "." : "") + path[k];
  return s;
}

// Why the task path can never be a single value, or empty.
std::string never_set(const std::vector<std::string>& path) {
  const auto& first = path[0];
  const bool scalar = std::find(std::begin(kScalarFields), std::end(kScalarFields), first) != std::end(kScalarFields);
  if (scalar && path.size() > 1)
    return fmt::format("'{}' is a single value: '{}' below it never exists; write ${{CLEARML_TASK.{}}}", first,
                       joined(path, path.size()), first);
  if (first == "hyperparams") {
    if (path.size() < 4)
      return fmt::format("'{}' is an object, not a value: write hyperparams.SECTION.NAME.value", joined(path, 4));
    if (path.size() > 4 ||
        std::find(std::begin(kHyperparamFields), std::end(kHyperparamFields), path[3]) == std::end(kHyperparamFields))
      return fmt::format("a hyperparameter has value, type and description, not '{}': write {}.value",
                         joined(path, path.size()).substr(joined(path, 3).size() + 1), joined(path, 3));
  }
  if (first == "container" && path.size() == 1)
    return "'container' is an object: write container.image or container.arguments";
  if (first == "container" && path.size() > 2)
    return fmt::format("container.{} is a single value: '{}' never exists", path[1], joined(path, path.size()));
  return {};
}

}  // namespace

std::span<const RuleInfo> template_rules() { return kRules; }

void check_template(Context& c) {
  if (c.options.profile == Profile::Sbatch) {
    for (const auto& p : c.ast.placeholders)
      c.report("placeholder-in-script", p.begin, p.end - p.begin,
               "a template placeholder in a plain sbatch script reaches bash as is; lint templates with --profile "
               "clearml, or write a shell variable");
    return;
  }
  for (const auto& p : c.ast.placeholders) {
    // (An assignment's value is not split: A=${X:a b} holds "a b".)
    const bool words = std::any_of(p.filters.begin(), p.filters.end(), [](const compiler::FilterNode& f) { return f.name == "words"; });
    if (p.default_value && p.default_value->find_first_of(" \t") != std::string::npos && !words &&
        p.context.quoting == render::Quoting::Unquoted &&
        !compiler::is_assignment_word(
            std::string_view(c.text()).substr(compiler::word_around(c.text(), p.begin, p.end).begin)))
      c.report("default-is-one-word", p.begin, p.end - p.begin,
               fmt::format("the default '{}' has blanks, but a value is always one word: this renders one word, "
                           "not several; write the words in the template, give a default of one word, or, after "
                           "a script (python3 train.py ${{...|words}}), split the value with |words",
                           *p.default_value));
    // ${...:-gpu}: bash's spelling; a default of options (--fp16, -v 2) or
    // a negative number is meant.
    if (const auto& d = p.default_value;
        d && d->size() > 1 && (*d)[0] == '-' && std::isalpha(static_cast<unsigned char>((*d)[1])) &&
        d->size() > 2 && d->find_first_of(" \t") == std::string::npos)
      c.report("shell-default-syntax", p.begin, p.end - p.begin,
               fmt::format("the default is '{}': a placeholder's default follows a single ':', so ':-' keeps the "
                           "'-' (bash's ${{VAR:-x}} spelling); write :{}",
                           *d, d->substr(1)));
    if (p.name != "TASK" || p.path.empty()) continue;
    auto why = never_set(p.path);
    if (!why.empty()) c.report("placeholder-never-set", p.begin, p.end - p.begin, std::move(why));
  }
}

}  // namespace slurmglue::lint
