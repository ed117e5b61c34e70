#include "compiler/compile.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue;

namespace {

std::vector<sg::compiler::Diagnostic> diagnose(const std::string& text) {
  sg::compiler::Source source("t.tpl", text);
  return sg::compiler::compile(source).diagnostics;
}

const sg::compiler::Diagnostic* find(const std::vector<sg::compiler::Diagnostic>& ds, const std::string& rule) {
  for (const auto& d : ds)
    if (d.rule == rule) return &d;
  return nullptr;
}

TEST(Compile, CleanTemplateGivesARenderer) {
  sg::compiler::Source source("t.tpl", "#!/bin/bash\n#SBATCH --job-name=${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n");
  auto c = sg::compiler::compile(source);
  EXPECT_TRUE(c.diagnostics.empty());
  ASSERT_NE(c.renderer, nullptr);
  EXPECT_EQ(c.renderer->program().placements.size(), 2u);
}

TEST(Compile, UnknownVariableSuggestsAndMentionsTheShellForm) {
  auto ds = diagnose("#!/bin/bash\necho ${CLEARML_TAKS.id} ${CLEARML_AGENT__AGENT__VENVS_DIR}\n");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].rule, "unknown-variable");
  EXPECT_NE(ds[0].message.find("did you mean CLEARML_TASK?"), std::string::npos) << ds[0].message;
  EXPECT_EQ(ds[0].position.column, 6u);
  EXPECT_NE(ds[1].message.find("$CLEARML_AGENT__AGENT__VENVS_DIR"), std::string::npos) << ds[1].message;
}

TEST(Compile, PathRules) {
  EXPECT_NE(find(diagnose("#!/bin/bash\necho ${CLEARML_TASK}\n"), "placeholder-path"), nullptr);
  EXPECT_NE(find(diagnose("#!/bin/bash\necho ${CLEARML_QUEUE_NAME.x}\n"), "placeholder-path"), nullptr);
  auto ds = diagnose("#!/bin/bash\necho ${CLEARML_TASK.nmae}\n");
  auto d = find(ds, "unknown-task-field");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, sg::compiler::Severity::Warning);
  EXPECT_NE(d->message.find("did you mean 'name'?"), std::string::npos);
  EXPECT_EQ(d->position.column, 21u);
}

TEST(Compile, FilterRules) {
  auto ds = diagnose("#!/bin/bash\necho ${CLEARML_TASK.name|lowr} ${CLEARML_TASK.name|lower(x)}\n");
  auto d = find(ds, "unknown-filter");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("did you mean 'lower'?"), std::string::npos);
  EXPECT_NE(find(ds, "filter-argument"), nullptr);
}

TEST(Compile, CodeSlotRules) {
  EXPECT_NE(find(diagnose("#!/bin/bash\n${CLEARML_PRE_SETUP:echo}\n"), "code-slot-default"), nullptr);
  EXPECT_NE(find(diagnose("#!/bin/bash\necho \"${CLEARML_AGENT_EXECUTE}\"\n"), "code-slot-context"), nullptr);
  EXPECT_NE(find(diagnose("#!/bin/bash\n#SBATCH --comment=${CLEARML_POST_SETUP}\n"), "code-slot-context"), nullptr);
}

TEST(Compile, PlaceholderInAnOptionName) {
  EXPECT_NE(find(diagnose("#!/bin/bash\n#SBATCH --${CLEARML_TASK.name}=1\n"), "placeholder-in-option-name"), nullptr);
  EXPECT_NE(find(diagnose("#!/bin/bash\n#SBATCH --job-${CLEARML_TASK.name}\n"), "placeholder-in-option-name"),
            nullptr);
  EXPECT_EQ(find(diagnose("#!/bin/bash\n#SBATCH -J${CLEARML_TASK.name}\n"), "placeholder-in-option-name"), nullptr);
  EXPECT_EQ(find(diagnose("#!/bin/bash\n#SBATCH --job-name ${CLEARML_TASK.name}\n"), "placeholder-in-option-name"),
            nullptr);
}

TEST(Compile, ErrorsAreSortedByPosition) {
  auto ds = diagnose("#!/bin/bash\necho ${CLEARML_X}\necho ${CLEARML_TASK.\n");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_LT(ds[0].position.line, ds[1].position.line);
}

}  // namespace

TEST(Compile, SecretsOfTheGlueAreRefusedTheTasksOwnFieldsAreNot) {
  for (const char* path : {"CONFIG.api.credentials.secret_key", "CONFIG.agent.git_pass", "CONFIG.agent.vault_token"}) {
    const std::string text = std::string("#!/bin/bash\necho \"${CLEARML_") + path + "}\"\n${CLEARML_AGENT_EXECUTE}\n";
    EXPECT_NE(find(diagnose(text), "secret-value"), nullptr) << path;
  }
  for (const char* path : {"TASK.hyperparams.Args.max_tokens.value", "TASK.hyperparams.Args.num_passes.value",
                           "TASK.hyperparams.Args.author.value"}) {
    const std::string text = std::string("#!/bin/bash\necho \"${CLEARML_") + path + "}\"\n${CLEARML_AGENT_EXECUTE}\n";
    EXPECT_EQ(find(diagnose(text), "secret-value"), nullptr) << path;
  }
}

// A binary (or UTF-16) file read as a template gave pages of shell-syntax
// errors over bytes that are no text, none saying why. Now: one error.
TEST(Compile, ANulByteIsTheOneErrorOfAFileThatIsNoText) {
  std::string binary = "#!/bin/bash\necho \"${CLEARML_TASK.id} `$(";
  for (int k = 0; k < 4096; ++k) binary += static_cast<char>((k * 7919) % 256);
  const sg::compiler::Source source("binary.tpl", binary);
  const auto c = sg::compiler::compile(source);
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].rule, "nul-byte");
  EXPECT_EQ(c.diagnostics[0].message, "the template holds a NUL byte, which sbatch refuses; remove it");
  EXPECT_EQ(c.diagnostics[0].position.line, 2u);
  EXPECT_EQ(c.renderer, nullptr);
}
