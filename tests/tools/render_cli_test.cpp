// slurmglue-render as a user runs it: exit codes, messages, --explain, -o,
// and --task ID against the ClearML test double.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/runtime/clearml/test_server.hpp"
#include "tests/support/temp_pattern.hpp"

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class RenderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pattern = slurmglue::test::temp_pattern("slurmglue-render-cli");
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path file(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }

  // Runs the tool with `args` (already shell-quoted) and `env` prefixed.
  Outcome run(const std::string& args, const std::string& env = "") {
    Outcome r;
    const auto out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = "env -u CLEARML_CONFIG_FILE -u CLEARML_API_HOST -u CLEARML_API_ACCESS_KEY "
                            "-u CLEARML_API_SECRET_KEY HOME='" + dir_.string() + "' " + env + " " +
                            SLURMGLUE_RENDER + " " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  fs::path dir_;
};

const char* kTemplate =
    "#!/bin/bash\n#SBATCH --job-name=t_${CLEARML_TASK.id}\necho \"${CLEARML_TASK.name} in ${CLEARML_PROJECT_NAME}\"\n";

TEST_F(RenderCli, RendersATaskFile) {
  auto tpl = file("t.tpl", kTemplate);
  auto task = file("task.json", R"({"id": "abc", "name": "my \"run\""})");
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' --project-name vision");
  EXPECT_EQ(r.status, 0) << r.err;
  // A name that is not a plain word is a reference to the data block.
  EXPECT_EQ(r.out, "#!/bin/bash\n#SBATCH --job-name=t_abc\n__slurmglue_2=$'my \"run\"'\n"
                   "echo \"${__slurmglue_2} in vision\"\n");
  EXPECT_EQ(r.err, "");
}

// The directive set with the task's values: more nodes than tasks is a
// warning (sbatch would run the job on fewer nodes), and the script is still rendered.
TEST_F(RenderCli, WarnsWhenTheTaskAsksForMoreNodesThanTasks) {
  auto tpl = file("t.tpl",
                  "#!/bin/bash\n#SBATCH --job-name=t_${CLEARML_TASK.id}\n#SBATCH --ntasks=1\n"
                  "#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\n");
  auto two = file("two.json", R"({"id": "abc", "hyperparams": {"properties": {"num_nodes": {"value": "2"}}}})");
  auto r = run("'" + tpl.string() + "' --task-file '" + two.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("#SBATCH --nodes=2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(" (rendered):4:9: warning: --nodes=2 asks for more nodes than --ntasks=1"), std::string::npos)
      << r.err;
  auto one = file("one.json", R"({"id": "abc", "hyperparams": {"properties": {"num_nodes": {"value": "1"}}}})");
  r = run("'" + tpl.string() + "' --task-file '" + one.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(RenderCli, UsageErrorsExitTwo) {
  auto tpl = file("t.tpl", kTemplate);
  EXPECT_EQ(run("'" + tpl.string() + "'").status, 2);
  EXPECT_EQ(run("'" + tpl.string() + "' --task-file a --task b").status, 2);
  EXPECT_EQ(run("'" + tpl.string() + "' --task-file a --slurm-version banana").status, 2);
  EXPECT_EQ(run("--help").status, 0);
}

TEST_F(RenderCli, MissingFilesAreFatal) {
  auto r = run("'" + (dir_ / "nope.tpl").string() + "' --task-file x.json");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("cannot read template"), std::string::npos);
  r = run("'" + dir_.string() + "' --task-file x.json");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
  auto tpl = file("t.tpl", kTemplate);
  r = run("'" + tpl.string() + "' --task-file '" + dir_.string() + "'");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("cannot read task file"), std::string::npos) << r.err;
}

TEST_F(RenderCli, TemplateErrorsShowTheLineAndACaret) {
  auto tpl = file("bad.tpl", "#!/bin/bash\necho ${CLEARML_TASK.nmae|lowr}\n");
  auto task = file("task.json", R"({"id": "abc"})");
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' --no-color");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bad.tpl:2:26: error: unknown filter 'lowr'; did you mean 'lower'?"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("  echo ${CLEARML_TASK.nmae|lowr}\n                           ^~~~\n"), std::string::npos)
      << r.err;
}

TEST_F(RenderCli, RenderErrorsNameThePlaceholderAndWriteNothing) {
  auto tpl = file("t.tpl", "#!/bin/bash\n#SBATCH --nodes=${CLEARML_TASK.n}\n");
  auto task = file("task.json", R"({"id": "abc", "n": "2 --hold"})");
  const auto out = dir_ / "script.sh";
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' -o '" + out.string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("t.tpl:2:17: error: ${CLEARML_TASK.n}: --nodes '2 --hold' is not a node count"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(RenderCli, WritesTheOutputFile) {
  auto tpl = file("t.tpl", kTemplate);
  auto task = file("task.yaml", "id: abc\nname: n\n");
  const auto out = dir_ / "script.sh";
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' --project-name p -o '" + out.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp(out), "#!/bin/bash\n#SBATCH --job-name=t_abc\necho \"n in p\"\n");
}

TEST_F(RenderCli, ExplainListsEveryPlaceholder) {
  auto tpl = file("t.tpl", "#!/bin/bash\n#SBATCH --nodes=${CLEARML_TASK.n:1}\n${CLEARML_AGENT_EXECUTE}\n");
  auto task = file("task.json", R"({"id": "abc"})");
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' --explain");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("t.tpl:2:17: ${CLEARML_TASK.n:1}\n    context: #SBATCH argument\n    origin:  default\n"
                       "    value:   1\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("origin:  glue\n    value:   clearml-agent execute --full-monitoring --require-queue --id abc"),
            std::string::npos)
      << r.out;
}

TEST_F(RenderCli, ExplainShowsControlCharactersOfAValueEscaped) {
  auto tpl = file("t.tpl", kTemplate);
  // ESC ] 0 ; ... BEL retitles a terminal; U+0085 is a C1 control; é and € stay.
  auto task = file("task.json", "{\"id\": \"abc\", \"name\": \"a\\u001b]0;x\\u0007b\\u0085c \u00e9\u20ac\"}");
  auto r = run("'" + tpl.string() + "' --task-file '" + task.string() + "' --explain");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("    value:   a\\x1b]0;x\\x07b\\xc2\\x85c \u00e9\u20ac\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(RenderCli, FetchesTheTaskFromTheServer) {
  using slurmglue::clearml::testing::TestServer;
  TestServer server(nlohmann::json::parse(R"({
    "projects": [{"id": "p1", "name": "Vision / ResNet"}],
    "tasks": [{"id": "t1", "name": "train", "project": "p1", "status": "queued"}]})"));
  auto tpl = file("t.tpl", kTemplate);
  const std::string env = "CLEARML_API_HOST='" + server.url() + "' CLEARML_API_ACCESS_KEY='" +
                          std::string(slurmglue::clearml::testing::kAccessKey) + "' CLEARML_API_SECRET_KEY='" +
                          std::string(slurmglue::clearml::testing::kSecretKey) + "'";
  auto r = run("'" + tpl.string() + "' --task t1", env);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "#!/bin/bash\n#SBATCH --job-name=t_t1\n__slurmglue_3=$'Vision / ResNet'\n"
                   "echo \"train in ${__slurmglue_3}\"\n");

  r = run("'" + tpl.string() + "' --task nope", env);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("task nope"), std::string::npos) << r.err;

  const std::string wrong = "CLEARML_API_HOST='" + server.url() +
                            "' CLEARML_API_ACCESS_KEY=wrong CLEARML_API_SECRET_KEY=TopSecretValue123";
  r = run("'" + tpl.string() + "' --task t1", wrong);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err.find("TopSecretValue123"), std::string::npos) << r.err;
  EXPECT_NE(r.err, "");
}

TEST_F(RenderCli, NoServerConfiguredIsAClearError) {
  auto tpl = file("t.tpl", kTemplate);
  auto r = run("'" + tpl.string() + "' --task t1");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err, "");
}

}  // namespace

namespace {

TEST_F(RenderCli, OddTaskShapesAreErrorsNotCrashes) {
  auto tpl = file("t.tpl", "#!/bin/bash\necho ${CLEARML_TASK.name:x} ${CLEARML_TASK.id:none}\n");
  auto r = run("'" + tpl.string() + "' --task-file '" + file("a.json", R"({"id": 42, "name": {"a": 1}})").string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("is an object"), std::string::npos) << r.err;
  r = run("'" + tpl.string() + "' --task-file '" + file("b.json", "[]").string() + "'");
  EXPECT_EQ(r.status, 1);
  r = run("'" + tpl.string() + "' --task-file '" + file("c.yaml", "- a\n- b\n").string() + "'");
  EXPECT_EQ(r.status, 1);
  r = run("'" + tpl.string() + "' --task-file '" + file("d.json", "{\"id\": \"a\"").string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("d.json:1:"), std::string::npos) << r.err;
  r = run("'" + tpl.string() + "' --task-file '" + file("e.json", R"({"id": 7})").string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "#!/bin/bash\necho x 7\n");
}

}  // namespace
