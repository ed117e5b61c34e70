// The lint engine on its own: suppression comments, options, and input that
// must never crash it.
#include <gtest/gtest.h>

#include "compiler/lint.hpp"

namespace slurmglue::lint {
namespace {

// The cases are minimal templates: without a job name line (missing-job-name
// has its own test).
LintOptions minimal(LintOptions o = {}) {
  o.disabled.insert("missing-job-name");
  return o;
}

std::vector<std::string> rules_of(const std::string& text, const LintOptions& options = {}) {
  std::vector<std::string> v;
  for (const auto& d : lint(Source("t.tpl", text), minimal(options))) v.push_back(d.rule);
  return v;
}

using V = std::vector<std::string>;
const std::string kHead = "#!/bin/bash\n";
const std::string kRun = "${CLEARML_AGENT_EXECUTE}\n";

TEST(Suppression, NextLine) {
  EXPECT_EQ(rules_of(kHead + "# slurmglue-lint disable=unknown-option\n#SBATCH --partion=x\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "# slurmglue-lint disable=SG306\n#SBATCH --partion=x\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "# slurmglue-lint disable=unknown-option\n#SBATCH --time=1\n#SBATCH --partion=x\n" + kRun),
            V{"unknown-option"});
}

TEST(Suppression, SameLineAndFile) {
  EXPECT_EQ(rules_of(kHead + "#SBATCH --partion=x # slurmglue-lint disable=unknown-option\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "# slurmglue-lint disable-file=all\n#SBATCH --partion=x\n"), V{});
  EXPECT_EQ(rules_of(kHead + "# slurmglue-lint disable=other-rule\n#SBATCH --partion=x\n" + kRun),
            V{"unknown-option"});
}

TEST(Options, DisabledAndSeverity) {
  LintOptions o;
  o.disabled.insert("unknown-option");
  EXPECT_EQ(rules_of(kHead + "#SBATCH --partion=x\n" + kRun, o), V{});
  LintOptions s;
  s.severity["abbreviated-option"] = Severity::Error;
  auto d = lint(Source("t.tpl", kHead + "#SBATCH --part=x\n" + kRun), minimal(s));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::Error);
}

TEST(Options, TargetVersions) {
  LintOptions o;
  EXPECT_EQ(apply_option_words("--slurm-version 22.05 --pyxis-version none --enroot-version 3.5", o), "");
  EXPECT_FALSE(o.pyxis);
  EXPECT_EQ(rules_of(kHead + "#SBATCH --container-image=ubuntu\n" + kRun, o), V{"pyxis-option-unavailable"});
  EXPECT_NE(apply_option_words("--slurm-version x", o), "");
  EXPECT_NE(apply_option_words("--enroot-version 4", o), "");
  EXPECT_EQ(parse_enroot_version("3.6.1"), (EnrootVersion{3, 6}));
}

TEST(Directives, ValuesAsSbatchReadsThem) {
  EXPECT_EQ(rules_of(kHead + "#SBATCH --partition debug -N 2 --time \"1:00\"\n" + kRun), V{});
  auto d = lint(Source("t.tpl", kHead + "#SBATCH --job-name=x_${CLEARML_TASK.id} --time='1h'\n" + kRun), minimal());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "invalid-value");
  EXPECT_EQ(d[0].position.column, 48u);  // the opening quote of the value
  // A task value is the renderer's to check; only a literal default is checked here.
  EXPECT_EQ(rules_of(kHead + "#SBATCH --time=${CLEARML_TASK.hyperparams.p.t.value}\n" + kRun), V{});
  const V twice{"job-name-without-task-id", "job-name-without-task-id"};  // the same value twice: no duplicate
  EXPECT_EQ(rules_of(kHead + "#SBATCH --job-name=a --job-name=a\n" + kRun), twice);
}

// A suggestion for an unknown option is one that means the same: other
// schedulers' words, close spellings, and a valued option for a value
// (lint hunt 60: --queue=gpu is no --requeue, --foo no --qos).
TEST(Directives, SuggestionsForUnknownOptions) {
  const auto fix_of = [](const std::string& line) -> std::string {
    for (const auto& d : lint(Source("t.tpl", kHead + line + "\n" + kRun), minimal()))
      if (d.rule == "unknown-option") return d.fix ? *d.fix : "(none)";
    return "(no finding)";
  };
  EXPECT_EQ(fix_of("#SBATCH --queue=gpu"), "--partition");
  EXPECT_EQ(fix_of("#SBATCH --name=myjob"), "--job-name");
  EXPECT_EQ(fix_of("#SBATCH --partion=gpu"), "--partition");
  EXPECT_EQ(fix_of("#SBATCH --exlusive"), "--exclusive");
  EXPECT_EQ(fix_of("#SBATCH --foo=1"), "(none)");
}

TEST(Options, SettingsAreReadWhole) {
  LintOptions o;
  EXPECT_NE(apply_setting("slurm-version", "23.11 --srun-delegation", o), "");
  EXPECT_FALSE(o.srun_delegation);
  EXPECT_EQ(apply_setting("slurm-version", "23.11", o), "");
  EXPECT_EQ(apply_setting("profile", "sbatch", o), "");
  EXPECT_EQ(o.profile, Profile::Sbatch);
  EXPECT_NE(apply_setting("profile", "slurm", o), "");
}

// The false findings of issue 9: prose is no directive, and '\ ' follows the target release.
TEST(Directives, ProseCommentsAreNoDirectives) {
  EXPECT_EQ(rules_of(kHead + "# SLURM settings\n#  sbatch -N 4 -t 00:20:00 run.sh\necho x\n# SLURM settings\n" + kRun),
            V{});
  EXPECT_EQ(rules_of(kHead + "echo x\n#SBATCH --time=10\n" + kRun), V{"directive-after-command"});
  EXPECT_EQ(rules_of(kHead + "# SBATCH --time=10\n" + kRun), V{"spaced-directive"});
}

TEST(Directives, EscapedBlankFollowsTheRelease) {
  LintOptions o;
  o.slurm = {24, 5};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --comment=a\\ b\n" + kRun, o), V{});
  o.slurm = {23, 11};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --comment=a\\ b\n" + kRun, o), (V{"escaped-blank", "positional-argument"}));
}

// %r (restart count) and %S (the job's SLUID) are patterns from Slurm 25.11
// on (lint hunt 67); before, slurmstepd leaves them as written.
TEST(Directives, FilenamePatternsFollowTheRelease) {
  LintOptions o;
  o.slurm = {25, 11};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --output=logs/%x_%j_%r_%S.out\n" + kRun, o), V{});
  o.slurm = {25, 5};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --output=logs/%x_%j_%r.out\n" + kRun, o), V{"filename-pattern"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --error=logs/%j_%S.err\n" + kRun, o), V{"filename-pattern"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --array=1-4 --error=logs/100%%_%j_%4a.err\n" + kRun, o), V{});
}

// --gres-flags: sbatch fails on a flag it does not know at the release and
// on srun's allow-task-sharing (lint hunt 67).
TEST(Directives, GresFlagsFollowTheRelease) {
  LintOptions o;
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=Enforce-Binding,one-task-per-sharing\n" + kRun, o), V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=allow-task-sharing\n" + kRun, o), V{"invalid-value"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=enforce_binding\n" + kRun, o), V{"invalid-value"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=multiple-tasks-per-sharing,one-task-per-sharing\n" + kRun, o),
            V{"conflicting-options"});
  o.slurm = {23, 2};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=one-task-per-sharing\n" + kRun, o), V{"invalid-value"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gres-flags=disable-binding\n" + kRun, o), V{});
}

// Lint hunt 71: sbatch fails on --nodes with --distribution=arbitrary from
// 23.11; a '--' ends the options of every later #SBATCH line too.
TEST(Directives, ArbitraryDistributionAndTheEndOfOptions) {
  LintOptions o;
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --distribution=arbitrary\n" + kRun, o), V{"conflicting-options"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --distribution=block\n" + kRun, o), V{});
  o.slurm = {23, 2};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --distribution=arbitrary\n" + kRun, o), V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --comment=x --\n#SBATCH --time=10\n#SBATCH --mem=1G\n" + kRun),
            V{"positional-argument"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --time=10\n#SBATCH --comment=x --\n" + kRun), V{});
}

// --gpu-bind and --mem-bind: the forms sbatch checks before it submits (lint hunt 69).
TEST(Directives, BindingValuesAreTheOnesSbatchTakes) {
  for (const char* ok : {"--gpu-bind=closest", "--gpu-bind=verbose,map:0,1", "--gpu-bind=mask_gpu:0x3,0xC",
                         "--gpu-bind=single:1", "--gpu-bind=None", "--gpu-bind=map_gpu:0*2,1*2", "--mem-bind=local",
                         "--mem-bind=verbose,map_mem:0,1", "--mem-bind=q,rank", "--mem-bind=mask_mem=0x1,0x2"})
    EXPECT_EQ(rules_of(kHead + "#SBATCH " + ok + "\n" + kRun), V{}) << ok;
  for (const char* bad : {"--gpu-bind=closet", "--gpu-bind=map:a,b", "--gpu-bind=mask:", "--mem-bind=locl",
                          "--mem-bind=map_mem", "--mem-bind=local,fast"})
    EXPECT_EQ(rules_of(kHead + "#SBATCH " + bad + "\n" + kRun), V{"invalid-value"}) << bad;
  LintOptions o;
  o.slurm = {23, 2};  // (closest and none by their first letter; no map: or mask: yet)
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gpu-bind=closet\n" + kRun, o), V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --gpu-bind=map:0\n" + kRun, o), V{"invalid-value"});
}

// --cpu-freq, --gpu-freq, --acctg-freq, --distribution and --array as Slurm
// reads them (lint hunt 70).
TEST(Directives, FrequencyDistributionAndArrayValuesAreTheOnesSlurmTakes) {
  for (const char* ok : {"--cpu-freq=2400000", "--cpu-freq=Performance", "--cpu-freq=high", "--cpu-freq=2400000:userspace",
                         "--cpu-freq=low-high:ondemand", "--cpu-freq=1000000-2000000:SchedUtil", "--gpu-freq=1500",
                         "--gpu-freq=high,memory=medium,verbose", "--acctg-freq=30", "--acctg-freq=task=30,Energy=60",
                         "--acctg-freq=network=0", "--distribution=plane=4", "--distribution=block:cyclic,Pack",
                         "--array=1-10:2%2,20", "--array=0-15%4", "--array=1,3,5-7"})
    EXPECT_EQ(rules_of(kHead + "#SBATCH " + ok + "\n" + kRun), V{}) << ok;
  for (const char* bad : {"--cpu-freq=fast", "--cpu-freq=userspace:high", "--cpu-freq=0", "--cpu-freq=2000-1000:performance",
                          "--cpu-freq=1000-2000", "--cpu-freq=1000-2000:userspace", "--cpu-freq=2000:performance",
                          "--gpu-freq=High", "--gpu-freq=ultra", "--gpu-freq=memory=fast", "--acctg-freq=task:30",
                          "--acctg-freq=cpu=30", "--acctg-freq=task=-1", "--distribution=plane", "--distribution=plane=0",
                          "--distribution=plane=4,Pack", "--array=1-5%2,9-7"})
    EXPECT_EQ(rules_of(kHead + "#SBATCH " + bad + "\n" + kRun), V{"invalid-value"}) << bad;
  // %0 is no limit at all.
  for (const char* none : {"--array=1-500%0", "--array=0-9%00,12"})
    EXPECT_EQ(rules_of(kHead + "#SBATCH " + none + "\n" + kRun), V{"array-limit-zero"}) << none;
}

TEST(DirectiveSet, NodesAboveNtasks) {
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --ntasks=1\n" + kRun), V{"nodes-above-ntasks"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH -N 2-4 -n 1\n" + kRun), V{"nodes-above-ntasks"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --ntasks=2\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --ntasks=1 --ntasks-per-node=1\n" + kRun), V{});
  // Each component of a heterogeneous job on its own.
  EXPECT_EQ(rules_of(kHead + "#SBATCH --nodes=2 --ntasks=2\n#SBATCH hetjob\n#SBATCH --ntasks=1\n" + kRun), V{});
}

TEST(Profiles, SbatchHasNoAgentContract) {
  LintOptions o;
  o.profile = Profile::Sbatch;
  EXPECT_EQ(rules_of(kHead + "#SBATCH --output=/logs/x.log\nsrun hostname\n", o), V{});
  EXPECT_EQ(rules_of(kHead + "echo ${CLEARML_TASK.nope}\n", o), V{"placeholder-in-script"});
}

TEST(ShellSyntax, TestsAndRedirections) {
  EXPECT_EQ(rules_of(kHead + "if [ -z \"$5\"]; then :; fi\n" + kRun), V{"test-bracket"});
  EXPECT_EQ(rules_of(kHead + "if [ -z \"$5\" ]; then :; fi\n[ -f x ] && echo '[ y'\necho \"a [ b\"\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "cat <<<X>>>\n" + kRun), V{"redirection-syntax"});
  EXPECT_EQ(rules_of(kHead + "cat <<< \"x\" >> log\necho '>>>'\n" + kRun), V{});
}

TEST(Images, EnrootReleases) {
  LintOptions old;
  old.enroot = {3, 5};
  EXPECT_EQ(rules_of(kHead + "#SBATCH --container-image=docker://nvcr.io\\#nvidia/pytorch:24.01\n" + kRun, old),
            V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --container-image=host:5000/x\n" + kRun, old), V{"image-slash-registry"});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --container-image=host:5000/x\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "#SBATCH --container-image=/scratch/x.sqsh\n" + kRun), V{});
}

TEST(SrunWrapper, DefinitionForms) {
  LintOptions o;
  o.srun_delegation = true;
  const std::string body = " {\n  command srun --container-image=x \"$@\"\n}\n";
  EXPECT_EQ(rules_of(kHead + "function srun()" + body, o), V{});
  EXPECT_EQ(rules_of(kHead + "function srun" + body, o), V{});
  EXPECT_EQ(rules_of(kHead + "srun ()" + body, o), V{});
  EXPECT_EQ(rules_of(kHead + "srun ()" + body + "srun hostname\n", o), V{});
  EXPECT_EQ(rules_of(kHead + "srun()" + body), V{"srun-wrapper-without-delegation"});
}

TEST(Security, DataPositionsAreFine) {
  EXPECT_EQ(rules_of(kHead + "bash train.sh \"${CLEARML_TASK.name}\"\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "eval \"echo ${CLEARML_TASK.id}\"\n" + kRun), V{});  // the server writes ids
  EXPECT_EQ(rules_of(kHead + "echo ok; eval \"x=${CLEARML_QUEUE_NAME}\"\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "echo ok && bash -c \"x ${CLEARML_TASK.comment}\"\n" + kRun), V{"task-value-as-code"});
}

TEST(Robustness, HostileInputNeverCrashes) {
  const std::string pieces[] = {"#SBATCH", " --", "=", "\"", "'", "\\", "#", "${CLEARML_", "TASK.", "}", "|", "\n",
                                ":", "srun() {", "}", "$@", "<<", "EOF", std::string(1, '\0'), "\r\n", "`", "$((",
                                "[[", "--container-image=", "nvcr.io#x", "@sha256:", "eval ", "srun ",
                                "command srun ", "--container-mounts ", "\\\n", "${", "function srun", "-c",
                                "--time=", " ", "hetjob", "'", "\t"};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text = round % 2 ? "#!/bin/bash\n" : "";
    const int n = 1 + round % 40;
    for (int k = 0; k < n; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += pieces[(seed >> 8) % std::size(pieces)];
    }
    EXPECT_NO_THROW((void)lint(Source("fuzz.tpl", text))) << text;
  }
}

// [ ... \] and [ ... "]" ]: '[' gets ']' after quote removal; [ x] is glued
// (lint hunt 63). ShellCheck cannot parse the first, so it is no ok script.
// bash -n's verdicts (lint hunt 65): a bare '!' before ';', a new line or
// the end is an empty negated pipeline; before '&&', '|', '&' or ';;' it is
// an error, as are assignments before a compound command, a word after
// for's variable and a redirection or coproc the script's end cuts short.
TEST(ShellSyntax, WhatBashNAcceptsAndRejectsAroundBangsAndEnds) {
  for (const char* ok : {"!\n", "! ;\n", "if !\nthen :; fi\n", "true && !\n", "while !; do :; done\n", "{ !; }\n",
                         "! ! true\n", "true || !\necho\n", "for s do echo; done\n", "X=1 [[ -n a ]]\n", "X=1 ! true\n",
                         "X=1; if :; then :; fi\n", "case x in a) !\n;; esac\n", "case $x\nin a) :;; esac\n",
                         "case $x # why\n  in\na) :;;\nesac\n",
                         // (lint hunt 69) for and select NAME, new lines, then in or do; in as a word elsewhere
                         "for x\nin a b\ndo echo; done\n", "for z\n\nin c; do :; done\n", "select y\nin a; do break; done\n",
                         "for x\ndo echo; done\n", "echo in\n", "case in in in) :;; esac\n", "for in in a; do :; done\n"})
    EXPECT_EQ(rules_of(kHead + kRun + ok), V{}) << ok;
  for (const char* bad : {"! && true\n", "! | cat\n", "! &\n", "case x in a) !;; esac\n", "X=1 if true; then :; fi\n",
                          "X=1 while false; do :; done\n", "X=1 { :; }\n", "for seed 1 2 3; do :; done\n",
                          "true 2>", "echo > # c", "coproc", "case $x a) :;; esac\n", "LC_ALL=C (( n > 2 ))\n",
                          "in \"$F\" ./p\n", "echo a; in x\n", "if true; then in; fi\n"})
    EXPECT_EQ(rules_of(kHead + kRun + bad), V{"shell-syntax"}) << bad;
  EXPECT_FALSE(rules_of(kHead + kRun + "for x\necho hi; done\n").empty());
}

TEST(ShellSyntax, AnEscapedOrQuotedBracketClosesATest) {
  EXPECT_EQ(rules_of(kHead + "if [ -n \"$1\" \\]; then echo; fi\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "if [ -n \"$1\" \"]\" ]; then echo; fi\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "if [ -n \"$1\"]; then echo; fi\n" + kRun), V{"test-bracket"});
}

// A line break inside $( ... ) starts only the substitution's own
// here-documents; one opened before it on the line waits for the line
// break after the substitution (lint hunt 71). Closed on the same line,
// bash 5.2 reads the substitution's first: heredoc-order.
TEST(ShellSyntax, HereDocumentsInsideASubstitutionSpanningLines) {
  EXPECT_EQ(rules_of(kHead + "cat <<EOF; echo \"$(cat <<EOG\ninner\nEOG\n)\"\nouter\nEOF\necho done\n" + kRun), V{});
  EXPECT_EQ(rules_of(kHead + "cat <<'A'; echo \"$(cat <<B)\"\na\nA\nb\nB\n" + kRun), V{"heredoc-order"});
  EXPECT_EQ(rules_of(kHead + "x=$(cat <<A\n$(cat <<B\nb\nB\n)\nA\n)\n" + kRun), V{});
}

}  // namespace
}  // namespace slurmglue::lint
