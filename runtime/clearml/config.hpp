// The ClearML settings slurmglue needs, as ClearML users already have them:
// ~/clearml.conf (or the file CLEARML_CONFIG_FILE names), then the environment,
// which wins: CLEARML_API_HOST, CLEARML_API_ACCESS_KEY, CLEARML_API_SECRET_KEY,
// CLEARML_WORKER_ID.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/clearml/hocon.hpp"
#include "runtime/clearml/session.hpp"

namespace slurmglue::clearml {

// The environment is a parameter, so that tests need not change the process's.
using Environment = std::map<std::string, std::string, std::less<>>;
Environment process_environment();

struct Config {
  std::string api_server;        // api.api_server
  Credentials credentials;       // api.credentials.access_key / secret_key
  std::string worker_id;         // agent.worker_id
  std::string worker_name;       // agent.worker_name
  std::string default_image;     // agent.default_docker.image
  std::vector<std::string> default_image_arguments;  // agent.default_docker.arguments
  TlsOptions tls;                // api.verify_certificate: true, false, or a CA bundle's path
  std::string source;            // the file read; empty when there was none
  nlohmann::json tree = nlohmann::json::object();  // the whole file
};

// The largest clearml.conf read: clearml-init writes a few KiB.
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;

// Reads CLEARML_CONFIG_FILE (which must exist) or else $HOME/clearml.conf (if
// it exists), then applies the environment. Throws ConfigError.
Config load_config(const Environment& environment);

// The same from text already read; `source_name` is used in error messages.
Config config_from_text(std::string_view text, const std::string& source_name, const Environment& environment);

// `environment` ("NAME=value" entries) without the ClearML credentials
// (CLEARML_API_ACCESS_KEY, CLEARML_API_SECRET_KEY), for programs the agent
// runs: they never need them, and a job would inherit them.
std::vector<std::string> without_credentials(std::vector<std::string> environment);

// A session to the configured server; throws ConfigError when the server or
// the credentials are missing.
SessionOptions session_options(const Config& config);

}  // namespace slurmglue::clearml
