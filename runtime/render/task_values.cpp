#include "runtime/render/task_values.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "runtime/render/code_slots.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::render {

namespace {

void drop_secrets(nlohmann::json& node) {
  if (node.is_array()) {
    for (auto& item : node) drop_secrets(item);
    return;
  }
  if (!node.is_object()) return;
  for (auto it = node.begin(); it != node.end();) {
    if (names_a_secret(it.key())) {
      it = node.erase(it);
    } else {
      drop_secrets(it.value());
      ++it;
    }
  }
}

std::string string_at(const nlohmann::json& task, const char* object, const char* key) {
  const auto o = task.find(object);
  if (o == task.end() || !o->is_object()) return {};
  const auto v = o->find(key);
  return v != o->end() && v->is_string() ? v->get<std::string>() : std::string();
}

// A Singularity/Apptainer image as the first word of a command: a URI
// (docker://, library://, shub://, oras://, ...) or a path to an image file.
// It must not look like an option, and holds no blank or shell character.
void check_singularity_image(const std::string& image) {
  if (image.empty()) {
    throw std::invalid_argument(
        "--singularity-mode needs a container image: set the task's container image, or "
        "agent.default_docker.image in the agent's clearml.conf");
  }
  // No '=' (BASH_ENV=/x before the agent's command is an assignment) and
  // no leading '~' (another user's home).
  const bool fits = image.size() <= 1024 && image.front() != '-' && image.front() != '~' &&
                    std::all_of(image.begin(), image.end(), [](unsigned char c) {
                      return std::isalnum(c) || std::string_view("._:/@#+~-").find(static_cast<char>(c)) !=
                                                    std::string_view::npos;
                    });
  if (!fits) {
    throw std::invalid_argument("the container image '" + image +
                                "' is not an image reference (a URI such as docker://repo/image:tag or a path)");
  }
  // '.' or a '..' component climbs to a directory the template did not
  // choose (the job's own directory, or above it, as a sandbox); /dev, /proc
  // and /sys are the node's (/dev/stdin, /proc/self/cwd: a directory of the node).
  bool climbs = image == ".";
  for (std::size_t k = 0; k <= image.size();) {
    const auto end = std::min(image.find('/', k), image.size());
    climbs = climbs || (end - k == 2 && image.compare(k, 2, "..") == 0);
    k = end + 1;
  }
  if (climbs || in_system_tree(image))
    throw std::invalid_argument("the container image '" + image +
                                "' is '.', holds a '..' component or names /dev, /proc or /sys: give an image file "
                                "or a URI such as docker://repo/image:tag");
  // instance://NAME runs the command inside a container already running,
  // which may be another job's.
  if (image.rfind("instance://", 0) == 0)
    throw std::invalid_argument("the container image '" + image +
                                "' names a running instance (perhaps another job's): give an image to start");
}

}  // namespace

std::string task_id_of(const nlohmann::json& task) {
  const auto id = task.find("id");
  if (id == task.end() || id->is_null()) return {};
  // Not a string (a task file may hold anything): its JSON text, whose bytes
  // that are not UTF-8 become U+FFFD rather than an exception.
  return id->is_string() ? id->get<std::string>() : id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool names_a_secret(std::string_view key) {
  std::string lower;
  std::vector<std::string> tokens(1);  // GITHUB_PAT, hfHubTok, s3.sk: github|pat, hf|hub|tok, s3|sk
  for (std::size_t k = 0; k < key.size(); ++k) {
    const auto c = static_cast<unsigned char>(key[k]);
    lower += static_cast<char>(std::tolower(c));
    const bool upper_after_lower = std::isupper(c) && k > 0 && std::islower(static_cast<unsigned char>(key[k - 1]));
    if (!std::isalnum(c) || upper_after_lower) {
      if (!tokens.back().empty()) tokens.emplace_back();
      if (!std::isalnum(c)) continue;
    }
    tokens.back() += static_cast<char>(std::tolower(c));
  }
  for (std::string_view part : {"secret", "pass", "token", "credential", "cred", "auth", "private", "apikey",
                                "api_key", "access_key", "webhook", "cookie", "session", "signature", "jwt", "bearer",
                                "id_rsa", "id_ed25519", "id_ecdsa"})
    if (lower.find(part) != std::string::npos) return true;
  for (const auto& t : tokens)
    for (std::string_view word : {"key", "keys", "pat", "pw", "pwd", "tok", "sk", "rsa", "dsa", "ecdsa", "ed25519",
                                  "otp", "pin", "salt", "pem", "p12", "pfx", "htpasswd", "netrc", "kubeconfig"})
      if (t == word) return true;
  return false;
}

bool holds_embedded_secret(std::string_view value) {
  for (auto at = value.find("://"); at != std::string_view::npos; at = value.find("://", at + 3)) {
    const auto authority = value.substr(at + 3, value.find_first_of("/?#", at + 3) - (at + 3));
    const auto userinfo_end = authority.rfind('@');
    if (userinfo_end == std::string_view::npos) continue;
    // user:password@, and a token as the user (https://glpat-...@host): only
    // ssh's and git's plain user names (git@host) are no secret.
    const auto scheme_start = value.find_last_of(" \t\"'=,;", at);
    const auto scheme = value.substr(scheme_start == std::string_view::npos ? 0 : scheme_start + 1,
                                     at - (scheme_start == std::string_view::npos ? 0 : scheme_start + 1));
    const auto user = authority.substr(0, userinfo_end);
    if (user.find(':') != std::string_view::npos || !(scheme == "ssh" || scheme == "git+ssh" || user == "git"))
      return true;
  }
  // NAME=VALUE where NAME names a secret (--env=HF_TOKEN=... in
  // extra_docker_arguments).
  for (auto eq = value.find('='); eq != std::string_view::npos; eq = value.find('=', eq + 1)) {
    auto start = value.find_last_of(" \t\"',=;", eq - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (eq > start && names_a_secret(value.substr(start, eq - start))) return true;
  }
  return false;
}

nlohmann::json config_without_secrets(const nlohmann::json& config) {
  nlohmann::json copy = config;
  drop_secrets(copy);
  return copy;
}

Values task_values(const TaskInput& input) {
  Values values;
  values.task = input.task;
  values.config = config_without_secrets(input.config);
  values.queue_name = input.queue_name;
  values.queue_id = input.queue_id;
  values.worker_id = input.worker_id;
  values.project_name = input.project_name;
  values.project_id = input.project_id;
  if (!values.project_id && input.task.contains("project") && input.task["project"].is_string()) {
    values.project_id = input.task["project"].get<std::string>();
  }
  CodeSlotInput slots;
  slots.task_id = task_id_of(input.task);
  slots.worker_id = input.worker_id.value_or("");
  slots.srun_delegation = input.srun_delegation;
  slots.task_directory = input.task_directory;
  if (input.singularity_mode) {
    // "srun IMAGE clearml-agent ..." would make the image srun's command.
    if (input.srun_delegation)
      throw std::invalid_argument("--singularity-mode and --srun-delegation cannot be combined: write "
                                  "`srun singularity exec ${CLEARML_AGENT_EXECUTE}` in the template instead");
    slots.singularity_image = string_at(input.task, "container", "image");
    if (slots.singularity_image.empty()) slots.singularity_image = input.default_image;
    check_singularity_image(slots.singularity_image);
  }
  fill_code_slots(slots, values);
  return values;
}

}  // namespace slurmglue::render
