// The Renderer's fast path: a plain value inside an #SBATCH option's value is
// written without re-reading its line, and the directive scan starts at the
// first value that could change the script's lines. Every value that could
// change a line's shape must still take the full checks, so the fast path is
// compared here with the same program rendered without it (every slot marked
// as positional: each line is read again after rendering).
#include <gtest/gtest.h>

#include "compiler/compile.hpp"
#include "runtime/render/code_slots.hpp"
#include "runtime/render/renderer.hpp"
#include "runtime/render/script_checks.hpp"

namespace sg = slurmglue;

namespace {

const std::string kShebangLine = "#!/bin/bash\n";

std::shared_ptr<const sg::render::Renderer> renderer_of(const std::string& text) {
  sg::compiler::Source source("t.tpl", text);
  auto c = sg::compiler::compile(source);
  EXPECT_NE(c.renderer, nullptr) << text << (c.diagnostics.empty() ? "" : c.diagnostics.front().message);
  return c.renderer;
}

// The same program with no fast slot: the reference the fast path must match.
sg::render::Renderer without_fast_path(const sg::render::Renderer& renderer) {
  auto program = renderer.program();
  for (auto& line : program.directives)
    for (auto& slot : line.slots) slot.option_item = sg::render::DirectivePlan::kNoItem;
  return sg::render::Renderer(std::move(program));
}

struct Outcome {
  bool ok = false;
  std::string script;
  std::vector<std::string> errors;
};

Outcome run(const sg::render::Renderer& renderer, const std::string& value) {
  sg::render::Values v;
  v.task = {{"id", "4a5b6c"}, {"v", value}};
  sg::render::CodeSlotInput slots;
  slots.task_id = "4a5b6c";
  slots.worker_id = "glue";
  sg::render::fill_code_slots(slots, v);
  Outcome o;
  std::vector<sg::render::RenderError> errors;
  o.ok = renderer.render(v, o.script, errors);
  for (const auto& e : errors) o.errors.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message);
  if (!o.ok) o.script.clear();  // not to be used
  return o;
}

const std::vector<std::string> kValues = {
    "", "a", "2", "1-3", "two", "-x", "--hold", "--wrap=id", ":x", "x:y", "hetjob", "HetJob", "het", "job", "pack",
    "hetjobs", "x hetjob y", "a PackJob", "PACKJOBX",
    "PACKjob", "e", "a b", "a\tb", "a#b", "a\"b", "a'b", "a\\b", "a\nb", "a\rb", "$(id)", "x[$(id)]", "a,b", "../x",
    "docker://ubuntu:22.04", "nvcr.io#nvidia/pytorch:24.01-py3", "/sq/x.sqsh", std::string(300, 'a'), "\x01",
    "ünï", "UNLIMITED", "01:00:00", "4G", "x=y"};

const std::vector<std::string> kLines = {
    "#SBATCH --comment=${CLEARML_TASK.v}",
    "#SBATCH --comment ${CLEARML_TASK.v}",
    "#SBATCH --comment=x ${CLEARML_TASK.v}",
    "#SBATCH --comment ${CLEARML_TASK.v}job",
    "#SBATCH --comment=\"${CLEARML_TASK.v}\"",
    "#SBATCH --comment='${CLEARML_TASK.v}'",
    "#SBATCH --nodes=${CLEARML_TASK.v}",
    "#SBATCH --nodes=1${CLEARML_TASK.v}",
    "#SBATCH -N ${CLEARML_TASK.v}",
    "#SBATCH -N${CLEARML_TASK.v}",
    "#SBATCH --time=${CLEARML_TASK.v} --mem=${CLEARML_TASK.v}",
    "#SBATCH --container-image=${CLEARML_TASK.v}",
    "#SBATCH --output=${CLEARML_TASK.v}/x-%j.log",
    "#SBATCH --job-name=t_${CLEARML_TASK.id} --comment=${CLEARML_TASK.v}",
    "#SBATCH --export=ALL,A=${CLEARML_TASK.v}",
    "#SBATCH --container-mounts=/d/${CLEARML_TASK.v}:/data",
    "#SBATCH --comment=${CLEARML_TASK.v} # ${CLEARML_TASK.v}",
    "#SBATCH --exclusive ${CLEARML_TASK.v}",
};

TEST(RendererFastPath, MatchesTheFullReadingOfEveryLine) {
  for (const auto& line : kLines) {
    const std::string tpl = kShebangLine + "#SBATCH --job-name=j_${CLEARML_TASK.id}\n" + line +
                            "\n\n${CLEARML_PRE_SETUP}\necho \"${CLEARML_TASK.v}\"\n${CLEARML_AGENT_EXECUTE}\n";
    const auto fast = renderer_of(tpl);
    ASSERT_NE(fast, nullptr);
    const auto slow = without_fast_path(*fast);
    for (const auto& value : kValues) {
      const auto a = run(*fast, value);
      const auto b = run(slow, value);
      EXPECT_EQ(a.ok, b.ok) << line << " with '" << value << "'";
      EXPECT_EQ(a.script, b.script) << line << " with '" << value << "'";
      EXPECT_EQ(a.errors, b.errors) << line << " with '" << value << "'";
      if (a.ok) {
        EXPECT_EQ(sg::render::count_directive_lines(a.script), fast->program().directive_lines) << line;
      }
    }
  }
}

TEST(RendererFastPath, PlainValuesThatWouldChangeALineStillFail) {
  // "het" completes the template's "job" to a word that ends the line.
  const auto r = renderer_of(kShebangLine + "#SBATCH --comment ${CLEARML_TASK.v}job\n#SBATCH --hold\necho\n");
  ASSERT_NE(r, nullptr);
  for (const char* v : {"het", "HeT", "pack"}) {
    const auto o = run(*r, v);
    EXPECT_FALSE(o.ok) << v;
    ASSERT_FALSE(o.errors.empty());
    EXPECT_NE(o.errors[0].find("changes how sbatch reads"), std::string::npos) << o.errors[0];
  }
  EXPECT_TRUE(run(*r, "tiny").ok);
  // A checked value that is only part of the option's value is checked whole.
  const auto nodes = renderer_of(kShebangLine + "#SBATCH --nodes=1${CLEARML_TASK.v}\necho\n");
  ASSERT_NE(nodes, nullptr);
  EXPECT_TRUE(run(*nodes, "-3").ok);
  const auto o = run(*nodes, "-x");
  ASSERT_FALSE(o.ok);
  EXPECT_NE(o.errors[0].find("--nodes '1-x' is not a node count"), std::string::npos) << o.errors[0];
}

TEST(RendererFastPath, ACodeSlotAfterTheDirectivesIsStillScanned) {
  const auto r = renderer_of(kShebangLine + "#SBATCH --job-name=j_${CLEARML_TASK.id}\n${CLEARML_PRE_SETUP}\necho\n");
  ASSERT_NE(r, nullptr);
  sg::render::Values v;
  v.task = {{"id", "abc"}};
  v.pre_setup = "#SBATCH --hold";  // read by sbatch as one more directive
  std::string out;
  std::vector<sg::render::RenderError> errors;
  EXPECT_FALSE(r->render(v, out, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("different set of #SBATCH directives"), std::string::npos);
  errors.clear();
  v.pre_setup = "export A=1";
  EXPECT_TRUE(r->render(v, out, errors));
}

TEST(RendererFastPath, TheSameFieldTwiceIsReadOnceAndCheckedInEachPlace) {
  const auto r = renderer_of(kShebangLine + "#SBATCH --job-name=${CLEARML_TASK.v} --nodes=${CLEARML_TASK.v}\necho ${CLEARML_TASK.v}\n");
  ASSERT_NE(r, nullptr);
  auto o = run(*r, "2");
  ASSERT_TRUE(o.ok);
  EXPECT_EQ(o.script, kShebangLine + "#SBATCH --job-name=2 --nodes=2\necho 2\n");
  o = run(*r, "x");
  ASSERT_FALSE(o.ok);
  EXPECT_NE(o.errors[0].find("--nodes 'x' is not a node count"), std::string::npos) << o.errors[0];
  // A default makes it another placeholder: each resolves on its own.
  const auto d = renderer_of(kShebangLine + "#SBATCH --nodes=${CLEARML_TASK.n:1}\necho ${CLEARML_TASK.n}\n");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(run(*d, "2").ok);  // TASK.n is missing and the second has no default
}

}  // namespace

// Slurm's burst buffer plugins take any #SBATCH line holding "hetjob" or
// "packjob", even inside a word, for a separator of heterogeneous job
// components (attack 219): no value may put either on a line.
TEST(RendererFastPath, NoValueMakesALineABurstBufferSeparator) {
  const auto r = renderer_of(kShebangLine + "#SBATCH --comment=${CLEARML_TASK.v}\n#SBATCH --hold\necho\n");
  ASSERT_NE(r, nullptr);
  for (const char* v : {"run_hetjob_v2", "packjobs", "x-hetjob"}) {
    const auto o = run(*r, v);
    EXPECT_FALSE(o.ok) << v;
    ASSERT_FALSE(o.errors.empty()) << v;
    EXPECT_NE(o.errors[0].find("burst buffer"), std::string::npos) << o.errors[0];
  }
  EXPECT_TRUE(run(*r, "run_het_v2").ok);
  // Completed across the template's text too; a line the template marks stays its own.
  const auto joined = renderer_of(kShebangLine + "#SBATCH --comment=het${CLEARML_TASK.v}\necho\n");
  ASSERT_NE(joined, nullptr);
  EXPECT_FALSE(run(*joined, "job_v2").ok);
  const auto marked = renderer_of(kShebangLine + "#SBATCH --comment=hetjob_${CLEARML_TASK.v}\necho\n");
  ASSERT_NE(marked, nullptr);
  EXPECT_TRUE(run(*marked, "v2").ok);
}
