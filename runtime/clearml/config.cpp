#include "runtime/clearml/config.hpp"

#include <filesystem>
#include <initializer_list>

#include "runtime/files/read_file.hpp"

extern char** environ;

namespace slurmglue::clearml {

namespace {

const nlohmann::json* find(const nlohmann::json& tree, std::initializer_list<std::string_view> path) {
  const nlohmann::json* node = &tree;
  for (const std::string_view key : path) {
    if (!node->is_object()) return nullptr;
    const auto found = node->find(key);
    if (found == node->end()) return nullptr;
    node = &*found;
  }
  return node;
}

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  // (Bytes that are no UTF-8 in a file's text would make dump() throw.)
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void read_string(const nlohmann::json& tree, std::initializer_list<std::string_view> path, std::string& target) {
  if (const auto* value = find(tree, path); value != nullptr && !value->is_object() && !value->is_array()) {
    target = text_of(*value);
  }
}

// A list of arguments, or (as some files have it) one string of blank-separated ones.
std::vector<std::string> arguments_of(const nlohmann::json& value) {
  std::vector<std::string> arguments;
  if (value.is_array()) {
    for (const auto& item : value) arguments.push_back(text_of(item));
  } else {
    std::istringstream words(text_of(value));
    for (std::string word; words >> word;) arguments.push_back(word);
  }
  return arguments;
}

void override_from(const Environment& environment, std::string_view name, std::string& target) {
  if (const auto found = environment.find(name); found != environment.end() && !found->second.empty()) {
    target = found->second;
  }
}

std::string read_file(const std::filesystem::path& path) {
  try {
    return files::read_bounded(path.string(), kMaxConfigBytes, "a ClearML configuration");
  } catch (const files::FileError& e) {
    throw ConfigError(std::string("cannot read the ClearML configuration ") + e.what());
  }
}

}  // namespace

Environment process_environment() {
  Environment environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals != std::string_view::npos) environment.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return environment;
}

Config config_from_text(std::string_view text, const std::string& source_name, const Environment& environment) {
  Config config;
  config.source = source_name;
  config.tree = parse_hocon(text, source_name);
  const auto& tree = config.tree;
  read_string(tree, {"api", "api_server"}, config.api_server);
  read_string(tree, {"api", "credentials", "access_key"}, config.credentials.access_key);
  read_string(tree, {"api", "credentials", "secret_key"}, config.credentials.secret_key);
  read_string(tree, {"agent", "worker_id"}, config.worker_id);
  read_string(tree, {"agent", "worker_name"}, config.worker_name);
  read_string(tree, {"agent", "default_docker", "image"}, config.default_image);
  if (const auto* verify = find(tree, {"api", "verify_certificate"})) {
    const std::string setting = text_of(*verify);
    if (verify->is_boolean()) {
      config.tls.verify = verify->get<bool>();
    } else if (setting == "false" || setting == "False" || setting == "no" || setting == "0") {
      config.tls.verify = false;
    } else if (!setting.empty() && setting != "true" && setting != "True" && setting != "yes" && setting != "1") {
      config.tls.ca_file = setting;  // a CA bundle to check the server against
    }
  }
  if (const auto* arguments = find(tree, {"agent", "default_docker", "arguments"})) {
    config.default_image_arguments = arguments_of(*arguments);
  }
  override_from(environment, "CLEARML_API_HOST", config.api_server);
  override_from(environment, "CLEARML_API_ACCESS_KEY", config.credentials.access_key);
  override_from(environment, "CLEARML_API_SECRET_KEY", config.credentials.secret_key);
  override_from(environment, "CLEARML_WORKER_ID", config.worker_id);
  return config;
}

Config load_config(const Environment& environment) {
  std::filesystem::path path;
  if (const auto named = environment.find("CLEARML_CONFIG_FILE"); named != environment.end() && !named->second.empty()) {
    path = named->second;
    if (!std::filesystem::exists(path)) {
      throw ConfigError("CLEARML_CONFIG_FILE names " + path.string() + ", which does not exist");
    }
  } else if (const auto home = environment.find("HOME"); home != environment.end() && !home->second.empty()) {
    path = std::filesystem::path(home->second) / "clearml.conf";
    if (!std::filesystem::exists(path)) path.clear();
  }
  if (path.empty()) {
    Config config = config_from_text("", "", environment);
    config.source.clear();
    return config;
  }
  return config_from_text(read_file(path), path.string(), environment);
}

std::vector<std::string> without_credentials(std::vector<std::string> environment) {
  std::erase_if(environment, [](const std::string& entry) {
    return entry.rfind("CLEARML_API_ACCESS_KEY=", 0) == 0 || entry.rfind("CLEARML_API_SECRET_KEY=", 0) == 0;
  });
  return environment;
}

SessionOptions session_options(const Config& config) {
  const std::string where = config.source.empty() ? "no clearml.conf was found" : "read " + config.source;
  if (config.api_server.empty()) {
    throw ConfigError("no ClearML API server: set api.api_server in clearml.conf or CLEARML_API_HOST (" + where + ")");
  }
  if (config.credentials.access_key.empty() || config.credentials.secret_key.empty()) {
    throw ConfigError(
        "no ClearML credentials: set api.credentials.access_key and secret_key in clearml.conf, or "
        "CLEARML_API_ACCESS_KEY and CLEARML_API_SECRET_KEY (" + where + ")");
  }
  SessionOptions options;
  options.api_server = config.api_server;
  options.credentials = config.credentials;
  options.tls = config.tls;
  return options;
}

}  // namespace slurmglue::clearml
