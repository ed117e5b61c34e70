// clearml.conf (the HOCON subset of grammar/hocon.hpp, read by
// runtime/clearml/hocon.cpp and config.cpp). Checked: a bad file is a
// ConfigError naming the file, line and column, never another exception or a
// crash, and the message never quotes the file (it may hold a secret key).
#include <string>

#include "runtime/clearml/config.hpp"
#include "runtime/clearml/hocon.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;

SLURMGLUE_FUZZ_TARGET(clearml_conf) {
  try {
    const auto tree = sg::clearml::parse_hocon(input, "clearml.conf");
    SLURMGLUE_FUZZ_CHECK(tree.is_object());
  } catch (const sg::clearml::ConfigError& e) {
    const std::string_view message = e.what();
    SLURMGLUE_FUZZ_CHECK(message.starts_with("clearml.conf:"));
  }
  try {
    const sg::clearml::Environment environment{{"CLEARML_API_HOST", "http://127.0.0.1:8008"}};
    sg::clearml::config_from_text(input, "clearml.conf", environment);
  } catch (const sg::clearml::ConfigError& e) {
    SLURMGLUE_FUZZ_CHECK(*e.what() != '\0');
  }
}
