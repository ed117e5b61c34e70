#include "runtime/clearml/hocon.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/hocon.hpp"

namespace slurmglue::clearml {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

json parse(std::string_view text) { return parse_hocon(text, "clearml.conf"); }

std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(HoconGrammar, HasNoRulesThatLoopWithoutConsuming) {
  EXPECT_EQ(tao::pegtl::analyze<grammar::hocon::document>(1), 0u);
}

// In the style clearml-init writes, with the edits users make by hand.
constexpr std::string_view kRealistic = R"conf(# ClearML SDK configuration file
api {
    # Notice: 'host' is the api server (default port 8008), not the web server.
    api_server: http://127.0.0.1:8008
    web_server: http://127.0.0.1:8080
    files_server: "http://127.0.0.1:8081"   // quoted this time
    # Credentials are generated using the webapp
    credentials {"access_key": "AK12345", "secret_key": "SK/with+odd=chars"}
}
agent {
    worker_id: ""
    worker_name: login-node-1
    git_user=""
    force_git_ssh_protocol: false
    docker_pip_cache = ~/.clearml/pip-cache
    cuda_version: 12.1
    reload_interval: 30
    package_manager: {
        type: pip,
        pip_version: ["<20.2 ; python_version < '3.10'", "<22.3 ; python_version >= '3.10'"],
        extra_index_url: [
            # one per line, trailing comma allowed
            "https://example.invalid/simple",
        ]
    }
    default_docker: {
        image: "nvidia/cuda:11.0.3-cudnn8-runtime-ubuntu20.04"
        arguments: ["--ipc=host", ]
    }
    extra_docker_shell_script: []
}
sdk.development.default_output_uri: ""
sdk {
    aws {
        s3 {
            credentials: [
                {
                    host: "my-minio:9000"
                    key: ""
                    multipart: false
                }
            ]
        }
    }
    storage.cache.default_base_dir: "~/.clearml/cache"
}
include "extra.conf"
)conf";

TEST(Hocon, ReadsARealisticClearmlConf) {
  const json tree = parse(kRealistic);
  EXPECT_EQ(tree["api"]["api_server"], "http://127.0.0.1:8008");
  EXPECT_EQ(tree["api"]["files_server"], "http://127.0.0.1:8081");
  EXPECT_EQ(tree["api"]["credentials"]["access_key"], "AK12345");
  EXPECT_EQ(tree["api"]["credentials"]["secret_key"], "SK/with+odd=chars");
  EXPECT_EQ(tree["agent"]["worker_id"], "");
  EXPECT_EQ(tree["agent"]["worker_name"], "login-node-1");
  EXPECT_EQ(tree["agent"]["git_user"], "");
  EXPECT_EQ(tree["agent"]["force_git_ssh_protocol"], false);
  EXPECT_EQ(tree["agent"]["docker_pip_cache"], "~/.clearml/pip-cache");
  EXPECT_EQ(tree["agent"]["cuda_version"], 12.1);
  EXPECT_EQ(tree["agent"]["reload_interval"], 30);
  EXPECT_EQ(tree["agent"]["package_manager"]["type"], "pip");
  EXPECT_EQ(tree["agent"]["package_manager"]["pip_version"][1], "<22.3 ; python_version >= '3.10'");
  EXPECT_EQ(tree["agent"]["package_manager"]["extra_index_url"], json({"https://example.invalid/simple"}));
  EXPECT_EQ(tree["agent"]["default_docker"]["image"], "nvidia/cuda:11.0.3-cudnn8-runtime-ubuntu20.04");
  EXPECT_EQ(tree["agent"]["default_docker"]["arguments"], json({"--ipc=host"}));
  EXPECT_EQ(tree["agent"]["extra_docker_shell_script"], json::array());
  EXPECT_EQ(tree["sdk"]["development"]["default_output_uri"], "");
  EXPECT_EQ(tree["sdk"]["aws"]["s3"]["credentials"][0]["host"], "my-minio:9000");
  EXPECT_EQ(tree["sdk"]["aws"]["s3"]["credentials"][0]["multipart"], false);
  EXPECT_EQ(tree["sdk"]["storage"]["cache"]["default_base_dir"], "~/.clearml/cache");
}

TEST(Hocon, DottedKeysAndRepeatedBlocksMerge) {
  const json tree = parse("a.b.c = 1\na { b { d = 2 } }\na.e: x\na.b.c = 3\n");
  EXPECT_EQ(tree, json::parse(R"({"a": {"b": {"c": 3, "d": 2}, "e": "x"}})"));
}

TEST(Hocon, OuterBracesAreOptional) {
  EXPECT_EQ(parse("{ api { api_server: \"x\" } }"), parse("api { api_server: \"x\" }"));
  EXPECT_EQ(parse("  \n# only a comment\n"), json::object());
}

TEST(Hocon, StringsQuotingAndConcatenation) {
  const json tree = parse(R"(
    plain = hello world   # trailing comment
    quoted = "tab\there \"q\" \u00e9"
    number_text = "42"
    joined = "a" b "c"
    path = ${HOME}/.clearml
    optional = ${?CLEARML_X}
    url = https://a.invalid/x//y
    "key.with.dots" = 1
    multi = """line one
line "two""""
  )");
  EXPECT_EQ(tree["plain"], "hello world");
  EXPECT_EQ(tree["quoted"], "tab\there \"q\" \u00e9");
  EXPECT_EQ(tree["number_text"], "42");
  EXPECT_EQ(tree["joined"], "a b c");
  EXPECT_EQ(tree["path"], "${HOME}/.clearml");
  EXPECT_EQ(tree["optional"], "${?CLEARML_X}");
  EXPECT_EQ(tree["url"], "https://a.invalid/x//y");
  EXPECT_EQ(tree["key.with.dots"], 1);
  EXPECT_EQ(tree["multi"], "line one\nline \"two\"");
}

TEST(Hocon, ScalarsAndLists) {
  const json tree = parse("t = true, f = false, n = null, i = -7, r = 2.5, l = [1, \"two\", [3], {k: v}]\n");
  EXPECT_EQ(tree, json::parse(R"({"t": true, "f": false, "n": null, "i": -7, "r": 2.5,
                                  "l": [1, "two", [3], {"k": "v"}]})"));
}

TEST(Hocon, IncludesAreAcceptedButNotFollowed) {
  EXPECT_EQ(parse("include \"a.conf\"\ninclude required(\"b.conf\")\nx = 1\n"), json({{"x", 1}}));
}

TEST(Hocon, MalformedFilesSayWhereAndWhat) {
  EXPECT_EQ(error_of("api {\n  api_server: \"http://x\n}\n"),
            "clearml.conf:2:24: expected '\"' to close the string (a \"...\" string ends on the line it starts on)");
  EXPECT_EQ(error_of("api {\n  api_server http://x\n}\n"), "clearml.conf:2:14: expected '=', ':' or '{' after the key");
  EXPECT_EQ(error_of("api {\n  x = 1\n"), "clearml.conf:3:1: expected a key (name = value) or '}' to close the block");
  EXPECT_EQ(error_of("a = \n"), "clearml.conf:2:1: expected a value after '=' or ':' (a string, number, list or block)");
  EXPECT_EQ(error_of("a = [1, 2\n"), "clearml.conf:2:1: expected a value, ',' or ']' to close the list");
  EXPECT_EQ(error_of("a = 1\n}\n"),
            "clearml.conf:2:1: expected a key (name = value, or name { ... }) or the end of the file");
  EXPECT_EQ(error_of("a = \"\\q\"\n"),
            "clearml.conf:1:7: expected an escape after '\\' (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
  EXPECT_EQ(error_of("a = ${\n"), "clearml.conf:1:7: expected a path after '${' (for example ${HOME})");
}

TEST(Hocon, ErrorsNeverQuoteTheFile) {
  const std::string message = error_of("api.credentials {\n  secret_key: \"TOPSECRET-123\n}\n");
  EXPECT_THAT(message, HasSubstr("clearml.conf:2:"));
  EXPECT_THAT(message, Not(HasSubstr("TOPSECRET")));
}

// The parser recurses once per level: a file of a hundred thousand '{' (or
// '[') was a stack overflow. Deeper than kMaxConfigDepth is an error.
TEST(Hocon, NestingDeeperThanTheBoundIsAnErrorNotAStackOverflow) {
  std::string objects, lists = "a = ";
  for (int k = 0; k < 100000; ++k) objects += "a {";
  for (int k = 0; k < 100000; ++k) lists += "[";
  EXPECT_EQ(error_of(objects), "clearml.conf:1:195: objects and lists nested deeper than 64 levels");
  EXPECT_EQ(error_of(lists), "clearml.conf:1:69: objects and lists nested deeper than 64 levels");
  std::string fine = "a = ";
  for (int k = 0; k < 60; ++k) fine += "[";
  for (int k = 0; k < 60; ++k) fine += "]";
  EXPECT_EQ(error_of(fine), "no error");
}

}  // namespace
}  // namespace slurmglue::clearml
