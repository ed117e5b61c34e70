#include "runtime/render/task_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace slurmglue::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(TaskValues, TheConfigLosesEverySecret) {
  const auto config = nlohmann::json::parse(R"({
    "api": {"api_server": "http://s", "credentials": {"access_key": "A", "secret_key": "S"}},
    "sdk": {"aws": {"s3": {"key": "K", "secret": "S2", "region": "eu"}}},
    "agent": {"git_pass": "G", "git_user": "u", "vault_token": "T", "docker_password": "P", "list": [{"api_key": "X"}]}})");
  const auto clean = config_without_secrets(config);
  const std::string text = clean.dump();
  for (const char* secret : {"\"S\"", "\"A\"", "\"K\"", "S2", "\"T\"", "\"P\"", "\"X\"", "\"G\""}) {
    EXPECT_THAT(text, Not(HasSubstr(secret))) << secret;
  }
  EXPECT_EQ(clean["api"]["api_server"], "http://s");
  EXPECT_EQ(clean["sdk"]["aws"]["s3"]["region"], "eu");
  EXPECT_EQ(clean["agent"]["git_user"], "u");
}

TEST(TaskValues, APasswordInAUrlIsASecret) {
  for (const char* v : {"https://glue:s3cr3t@pypi.example.com/simple", "s3://u:p@minio:9000/models",
                        "git+https://x:y@host/r.git#egg=p", "see https://a:b@c", "https://glpat-abc@gitlab.example/simple",
                        "--env=HF_TOKEN=hf_x --ipc=host"})
    EXPECT_TRUE(holds_embedded_secret(v)) << v;
  for (const char* v : {"https://pypi.example.com/simple", "ssh://git@host/r.git", "https://host/a:b@c", "a:b@c",
                        "https://host/?q=a:b@c", "--ipc=host --env=WANDB_MODE=offline", "https://git@host/r.git"})
    EXPECT_FALSE(holds_embedded_secret(v)) << v;
}

TEST(TaskValues, FillsTheSingleValuesAndTheCodeSlots) {
  TaskInput input;
  input.task = {{"id", "abc123"}, {"project", "p9"}};
  input.queue_name = "gpu";
  input.worker_id = "glue";
  input.task_directory = "/shared/tasks/abc123";
  const auto values = task_values(input);
  EXPECT_EQ(values.project_id, "p9");
  EXPECT_THAT(values.pre_setup, HasSubstr("export CLEARML_WORKER_ID=glue:abc123"));
  EXPECT_THAT(values.pre_setup, HasSubstr("export CLEARML_CONFIG_FILE=/shared/tasks/abc123/clearml.conf"));
  EXPECT_THAT(values.pre_setup, HasSubstr("export CLEARML_AGENT__AGENT__VENVS_DIR=/shared/tasks/abc123"));
  EXPECT_EQ(values.agent_execute, "clearml-agent execute --full-monitoring --require-queue --id abc123");
}

TEST(TaskValues, SingularityModeStartsWithTheImage) {
  TaskInput input;
  input.task = {{"id", "t1"}, {"container", {{"image", "docker://nvcr.io/nvidia/pytorch:24.01-py3"}}}};
  input.singularity_mode = true;
  input.default_image = "docker://ubuntu";
  EXPECT_EQ(task_values(input).agent_execute,
            "docker://nvcr.io/nvidia/pytorch:24.01-py3 clearml-agent execute --full-monitoring --require-queue --id t1");
  input.task.erase("container");
  EXPECT_THAT(task_values(input).agent_execute, ::testing::StartsWith("docker://ubuntu clearml-agent"));
  // "srun IMAGE clearml-agent ..." would run the image as srun's command.
  input.srun_delegation = true;
  EXPECT_THROW(task_values(input), std::invalid_argument);
}

TEST(TaskValues, SingularityModeRefusesNoImageOrOneThatIsNotAnImage) {
  TaskInput input;
  input.task = {{"id", "t1"}};
  input.singularity_mode = true;
  EXPECT_THROW(task_values(input), std::invalid_argument);
  for (const char* image : {"--bind=/:/host", "docker://x; rm -rf /", "a b", "$(id)", "img\nnext", "BASH_ENV=/x/evil.sh",
                            "~root/img.sif", "instance://clearml_other_task", ".", "..", "../other/img.sif",
                            "imgs/../../x.sif", "/dev/stdin", "/proc/self/cwd/bin", "/sys/x", "//dev/stdin",
                            "//dev/fd/0", "/dev", "/./proc/self/cwd", "///sys/x"}) {
    input.task["container"]["image"] = image;
    EXPECT_THROW(task_values(input), std::invalid_argument) << image;
  }
  for (const char* image : {"./img.sif", "/images/pytorch..sif", "docker://ubuntu:22.04", "images/a.sif"}) {
    input.task["container"]["image"] = image;
    EXPECT_NO_THROW(task_values(input)) << image;
  }
}

// Found by the fuzz target of task files (tests/fuzz/task_file.cpp): a YAML
// task whose id was a map with a key that is not UTF-8 made task_values
// throw a JSON exception. Such an id is its JSON text, quoted as one word.
TEST(TaskValues, AnIdThatIsNotAStringIsOneQuotedWordWhateverItsBytes) {
  TaskInput input;
  input.task = {{"id", {{"0t\xd6name", {"x", "y"}}}}};
  const auto values = task_values(input);
  EXPECT_EQ(values.agent_execute,
            "clearml-agent execute --full-monitoring --require-queue --id $'{\"0t\\xef\\xbf\\xbdname\":[\"x\",\"y\"]}'");
}

}  // namespace
}  // namespace slurmglue::render
