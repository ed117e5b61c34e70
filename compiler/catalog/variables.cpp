#include "compiler/catalog/variables.hpp"

#include <algorithm>
#include <array>

namespace slurmglue::catalog {
namespace {

using render::Variable;

struct Named {
  std::string_view name;
  Variable variable;
};

constexpr std::array kVariables{
    Named{"TASK", Variable::Task},
    Named{"USER", Variable::User},
    Named{"CONFIG", Variable::Config},
    Named{"USER_VAULTS", Variable::UserVaults},
    Named{"PROVIDERS_INFO", Variable::ProvidersInfo},
    Named{"QUEUE_NAME", Variable::QueueName},
    Named{"QUEUE_ID", Variable::QueueId},
    Named{"WORKER_ID", Variable::WorkerId},
    Named{"PROJECT_NAME", Variable::ProjectName},
    Named{"PROJECT_ID", Variable::ProjectId},
    Named{"PRE_SETUP", Variable::PreSetup},
    Named{"AGENT_EXECUTE", Variable::AgentExecute},
    Named{"POST_SETUP", Variable::PostSetup},
};

constexpr auto kVariableNames = [] {
  std::array<std::string_view, kVariables.size()> names{};
  for (std::size_t i = 0; i < kVariables.size(); ++i) names[i] = kVariables[i].name;
  return names;
}();

// The task object as tasks.get_by_id returns it (ClearML server schema).
constexpr std::string_view kTaskFields[]{
    "id", "name", "user", "company", "type", "status", "comment", "created", "started", "completed",
    "last_update", "last_change", "last_changed_by", "parent", "project", "output", "execution", "script",
    "tags", "system_tags", "status_changed", "status_message", "status_reason", "published",
    "active_duration", "hyperparams", "configuration", "runtime", "models", "container", "enqueue_status",
    "last_worker", "last_iteration", "last_metrics"};

constexpr std::string_view kContainerFields[]{"image", "arguments", "setup_shell_script"};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein with a swap of two neighbours as one edit (optimal string
  // alignment): 'nmae' is one typing slip from 'name'. Case is ignored.
  const auto same = [](char x, char y) { return (x | 0x20) == (y | 0x20); };
  std::vector<std::size_t> before(b.size() + 1), row(b.size() + 1), next(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) next[j] = std::min(next[j], before[j - 2] + 1);
    }
    before.swap(row);
    row.swap(next);
  }
  return row[b.size()];
}

}  // namespace

std::optional<Variable> find_variable(std::string_view name) {
  for (const auto& v : kVariables)
    if (v.name == name) return v.variable;
  return std::nullopt;
}

std::span<const std::string_view> variable_names() { return kVariableNames; }
std::span<const std::string_view> task_fields() { return kTaskFields; }
std::span<const std::string_view> container_fields() { return kContainerFields; }

bool is_argument_list(Variable v, const std::vector<std::string>& path) {
  return v == Variable::Task && path.size() == 2 && path[0] == "container" && path[1] == "arguments";
}

std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string> best;
  // (Two edits make another word of a short one: --foo is not --qos, --name
  // not --nice; lint hunt 60.)
  std::size_t best_distance = (word.size() <= 5 ? 1 : word.size() <= 9 ? 2 : word.size() / 3) + 1;
  for (auto c : candidates) {
    const auto d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace slurmglue::catalog
