#include "runtime/render/values.hpp"

#include <charconv>

#include <fmt/format.h>

namespace slurmglue::render {
namespace {

const nlohmann::json* object_of(const Values& v, Variable var) {
  switch (var) {
    case Variable::Task: return &v.task;
    case Variable::User: return &v.user;
    case Variable::Config: return &v.config;
    case Variable::UserVaults: return &v.user_vaults;
    case Variable::ProvidersInfo: return &v.providers_info;
    default: return nullptr;
  }
}

const std::optional<std::string>* single_of(const Values& v, Variable var) {
  switch (var) {
    case Variable::QueueName: return &v.queue_name;
    case Variable::QueueId: return &v.queue_id;
    case Variable::WorkerId: return &v.worker_id;
    case Variable::ProjectName: return &v.project_name;
    case Variable::ProjectId: return &v.project_id;
    default: return nullptr;
  }
}

// A scalar as text. Numbers print as JSON writes them (ClearML stores
// hyperparameters as strings; other numeric fields are integers).
std::optional<std::string> scalar_text(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_number()) return j.dump();
  return std::nullopt;
}

const char* kind_name(const nlohmann::json& j) {
  if (j.is_object()) return "an object";
  if (j.is_array()) return "a list";
  return "not text";
}

}  // namespace

std::string_view variable_name(Variable v) {
  switch (v) {
    case Variable::Task: return "TASK";
    case Variable::User: return "USER";
    case Variable::Config: return "CONFIG";
    case Variable::UserVaults: return "USER_VAULTS";
    case Variable::ProvidersInfo: return "PROVIDERS_INFO";
    case Variable::QueueName: return "QUEUE_NAME";
    case Variable::QueueId: return "QUEUE_ID";
    case Variable::WorkerId: return "WORKER_ID";
    case Variable::ProjectName: return "PROJECT_NAME";
    case Variable::ProjectId: return "PROJECT_ID";
    case Variable::PreSetup: return "PRE_SETUP";
    case Variable::AgentExecute: return "AGENT_EXECUTE";
    case Variable::PostSetup: return "POST_SETUP";
  }
  return "?";
}

bool is_compound(Variable v) { return v <= Variable::ProvidersInfo; }
bool is_code_slot(Variable v) { return v >= Variable::PreSetup; }

const nlohmann::json* find_node(const Values& values, Variable variable, const std::vector<std::string>& path) {
  const nlohmann::json* node = object_of(values, variable);
  if (!node) return nullptr;
  for (const auto& key : path) {
    if (node->is_object()) {
      // The map itself: json's own iterators cost more than the lookup.
      const auto& object = node->get_ref<const nlohmann::json::object_t&>();
      const auto it = object.find(key);
      if (it == object.end()) return nullptr;
      node = &it->second;
    } else if (node->is_array()) {
      // A numeric field indexes a list: ${CLEARML_TASK.tags.0}
      std::size_t index = 0;
      auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), index);
      if (ec != std::errc{} || p != key.data() + key.size() || index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

Lookup lookup(const Values& values, Variable variable, const std::vector<std::string>& path) {
  Lookup out;
  if (const auto* single = single_of(values, variable)) {
    if (*single) {
      out.kind = Lookup::Kind::Text;
      out.text = **single;
    }
    return out;
  }
  const nlohmann::json* node = find_node(values, variable, path);
  if (!node || node->is_null()) return out;
  if (auto text = scalar_text(*node)) {
    out.kind = Lookup::Kind::Text;
    out.text = std::move(*text);
    return out;
  }
  if (node->is_array()) {
    out.from_list = true;
    for (const auto& item : *node) {
      if (item.is_null()) continue;
      auto text = scalar_text(item);
      if (!text) {
        out.kind = Lookup::Kind::Unusable;
        out.why = fmt::format("a list whose items are {}", kind_name(item));
        return out;
      }
      if (!out.items.empty()) out.text += ',';
      out.text += *text;
      out.items.push_back(std::move(*text));
    }
    out.kind = Lookup::Kind::Text;
    return out;
  }
  out.kind = Lookup::Kind::Unusable;
  out.why = kind_name(*node);
  return out;
}

}  // namespace slurmglue::render
