// Where a value would become code, a command, an option or an element of a
// list: the compiler refuses the template (or types the placeholder) before
// any task is rendered. Issue classes A-D and F.
#include <gtest/gtest.h>

#include "compiler/compile.hpp"

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
  EXPECT_TRUE(refused(with("x=$((echo 1) ) @"), "ambiguous-arithmetic"));
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
  EXPECT_EQ(placement("#SBATCH --container-mounts=/datasets/${CLEARML_TASK.name}:/data:ro\necho\n").role, R::Mount);
  EXPECT_EQ(placement("#SBATCH --export=ALL,N=${CLEARML_TASK.name}\necho\n").role, R::ExportValue);
  EXPECT_EQ(placement("#SBATCH --export=ALL,${CLEARML_TASK.name}=1\necho\n").role, R::ExportName);
  EXPECT_EQ(placement("#SBATCH --container-env=${CLEARML_TASK.name}\necho\n").role, R::Name);
  EXPECT_EQ(placement("#SBATCH --output=logs/${CLEARML_TASK.name}.log\necho\n").role, R::Path);
  EXPECT_EQ(placement("#SBATCH -o logs/${CLEARML_TASK.name}.log\necho\n").role, R::Path);
  EXPECT_EQ(placement("#SBATCH --chdir ${CLEARML_TASK.name}\necho\n").role, R::Path);
  EXPECT_EQ(placement("srun --container-mounts=\"/d/${CLEARML_TASK.name}:/data\" true\n").role, R::Mount);
  EXPECT_EQ(placement("#SBATCH --comment=${CLEARML_TASK.name}\necho\n").role, R::None);
}

}  // namespace
