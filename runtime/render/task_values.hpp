// Everything a template can refer to for one task, assembled the same way by
// the agent (slurmglue-run) and the dry run (slurmglue-render), so that a dry
// run shows exactly what the agent submits.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/render/values.hpp"

namespace slurmglue::render {

struct TaskInput {
  nlohmann::json task = nlohmann::json::object();    // as the API returns it
  nlohmann::json config = nlohmann::json::object();  // the clearml.conf tree
  std::optional<std::string> queue_name, queue_id, worker_id, project_name, project_id;
  bool srun_delegation = false;
  // --singularity-mode: ${CLEARML_AGENT_EXECUTE} starts with the task's image,
  // else this default (agent.default_docker.image).
  bool singularity_mode = false;
  std::string default_image;
  // The task's private directory (holding the inner agent's clearml.conf);
  // empty when there is none (a dry run from a task file).
  std::string task_directory;
};

// The task's id as text ("" when it has none).
std::string task_id_of(const nlohmann::json& task);

// The config tree as templates may see it: without api.credentials and any
// key that names a secret (secret, pass, token, key, credential, auth), so that no
// template can render a credential into a script.
// Whether a configuration key names a secret (credentials, a password, a
// token, a key, a webhook, an SSH identity: GITHUB_PAT, REDIS_PW, s3.sk).
bool names_a_secret(std::string_view key);

// Whether a value holds a secret: a password or a token in a URL
// (scheme://user:password@host, https://TOKEN@host, as clearml.conf puts
// index and storage credentials there), or NAME=VALUE with NAME a secret's
// (--env=HF_TOKEN=... in extra_docker_arguments).
bool holds_embedded_secret(std::string_view value);

nlohmann::json config_without_secrets(const nlohmann::json& config);

// The values for `input`, code slots filled. Throws std::invalid_argument
// with a message for the task's owner when the task cannot be run this way
// (singularity mode without any image, an image that is not one).
Values task_values(const TaskInput& input);

}  // namespace slurmglue::render
