#include "runtime/clearml/config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace slurmglue::clearml {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kFile = R"(api {
  api_server: http://127.0.0.1:8008
  credentials {"access_key": "FILEKEY", "secret_key": "FILESECRET"}
}
agent {
  worker_id: "glue-1"
  worker_name: "login one"
  default_docker {
    image: "nvcr.io/nvidia/pytorch:24.01-py3"
    arguments: ["--ipc=host", "-e", "X=1"]
  }
}
)";

// A scratch directory below the system's temporary directory, removed at the end.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "slurmglue-config-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    std::ofstream(path_ / name) << text;
    return path_ / name;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(Config, ReadsTheSettingsFromTheFile) {
  const Config config = config_from_text(kFile, "clearml.conf", {});
  EXPECT_EQ(config.api_server, "http://127.0.0.1:8008");
  EXPECT_EQ(config.credentials.access_key, "FILEKEY");
  EXPECT_EQ(config.credentials.secret_key, "FILESECRET");
  EXPECT_EQ(config.worker_id, "glue-1");
  EXPECT_EQ(config.worker_name, "login one");
  EXPECT_EQ(config.default_image, "nvcr.io/nvidia/pytorch:24.01-py3");
  EXPECT_EQ(config.default_image_arguments, (std::vector<std::string>{"--ipc=host", "-e", "X=1"}));
  EXPECT_EQ(config.tree["agent"]["worker_name"], "login one");
}

TEST(Config, ArgumentsMayBeOneString) {
  const Config config = config_from_text("agent.default_docker.arguments: \"--ipc=host  --rm\"", "c", {});
  EXPECT_EQ(config.default_image_arguments, (std::vector<std::string>{"--ipc=host", "--rm"}));
}

TEST(Config, TheEnvironmentWins) {
  const Environment environment = {{"CLEARML_API_HOST", "http://127.0.0.1:9999"},
                                   {"CLEARML_API_ACCESS_KEY", "ENVKEY"},
                                   {"CLEARML_API_SECRET_KEY", "ENVSECRET"},
                                   {"CLEARML_WORKER_ID", "env-worker"}};
  const Config config = config_from_text(kFile, "clearml.conf", environment);
  EXPECT_EQ(config.api_server, "http://127.0.0.1:9999");
  EXPECT_EQ(config.credentials.access_key, "ENVKEY");
  EXPECT_EQ(config.credentials.secret_key, "ENVSECRET");
  EXPECT_EQ(config.worker_id, "env-worker");
  EXPECT_EQ(config.worker_name, "login one");
}

TEST(Config, EmptyEnvironmentValuesDoNotOverride) {
  const Config config = config_from_text(kFile, "clearml.conf", {{"CLEARML_API_HOST", ""}});
  EXPECT_EQ(config.api_server, "http://127.0.0.1:8008");
}

TEST(Config, LoadsHomeClearmlConf) {
  ScratchDir home;
  home.write("clearml.conf", kFile);
  const Config config = load_config({{"HOME", home.path().string()}});
  EXPECT_EQ(config.source, (home.path() / "clearml.conf").string());
  EXPECT_EQ(config.worker_id, "glue-1");
}

TEST(Config, ClearmlConfigFileWinsOverHome) {
  ScratchDir dir;
  dir.write("clearml.conf", kFile);
  const auto other = dir.write("other.conf", "agent.worker_id: other\n");
  const Config config = load_config({{"HOME", dir.path().string()}, {"CLEARML_CONFIG_FILE", other.string()}});
  EXPECT_EQ(config.worker_id, "other");
  EXPECT_EQ(config.api_server, "");
}

TEST(Config, AMissingNamedFileIsAnError) {
  EXPECT_THROW(load_config({{"CLEARML_CONFIG_FILE", "no/such/clearml.conf"}}), ConfigError);
}

TEST(Config, NoFileAtAllLeavesTheEnvironment) {
  ScratchDir empty_home;
  const Config config =
      load_config({{"HOME", empty_home.path().string()}, {"CLEARML_API_HOST", "http://127.0.0.1:1"}});
  EXPECT_EQ(config.source, "");
  EXPECT_EQ(config.api_server, "http://127.0.0.1:1");
}

TEST(Config, AMalformedFileNamesItsLineAndColumn) {
  ScratchDir dir;
  const auto path = dir.write("bad.conf", "api {\n  api_server = [1,\n");
  try {
    load_config({{"CLEARML_CONFIG_FILE", path.string()}});
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), path.string() + ":3:1: expected a value, ',' or ']' to close the list");
  }
}

TEST(Config, SessionOptionsNeedServerAndCredentialsButNeverQuoteTheSecret) {
  Config config = config_from_text(kFile, "clearml.conf", {});
  const auto options = session_options(config);
  EXPECT_EQ(options.api_server, "http://127.0.0.1:8008");
  EXPECT_EQ(options.credentials.secret_key, "FILESECRET");
  config.credentials.access_key.clear();
  try {
    session_options(config);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_THAT(error.what(), HasSubstr("CLEARML_API_ACCESS_KEY"));
    EXPECT_THAT(error.what(), Not(HasSubstr("FILESECRET")));
  }
  config.api_server.clear();
  EXPECT_THROW(session_options(config), ConfigError);
}

TEST(Config, ProcessEnvironmentIsReadable) {
  EXPECT_FALSE(process_environment().empty());
}

}  // namespace
}  // namespace slurmglue::clearml
