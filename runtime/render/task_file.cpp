#include "runtime/render/task_file.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace slurmglue::render {
namespace {

// Aliases let a small YAML file stand for a huge tree (each alias copies its
// anchor's whole subtree), and deep nesting costs stack: both are bounded.
struct Budget {
  std::size_t nodes = 0;
  const std::string& name;
};

void spend(Budget& b, std::size_t depth) {
  if (depth > kMaxTaskDepth)
    throw std::runtime_error(fmt::format("{}: nested deeper than {} levels", b.name, kMaxTaskDepth));
  if (++b.nodes > kMaxTaskNodes)
    throw std::runtime_error(fmt::format("{}: expands to more than {} values (YAML aliases?)", b.name, kMaxTaskNodes));
}

// YAML scalars stay text: every value a template prints is text anyway, and
// guessing types would turn "01:00:00" or "1e3" into something else.
nlohmann::json from_yaml(const YAML::Node& n, Budget& b, std::size_t depth) {
  spend(b, depth);
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      auto o = nlohmann::json::object();
      for (const auto& kv : n) o[kv.first.as<std::string>()] = from_yaml(kv.second, b, depth + 1);
      return o;
    }
    case YAML::NodeType::Sequence: {
      auto a = nlohmann::json::array();
      for (const auto& item : n) a.push_back(from_yaml(item, b, depth + 1));
      return a;
    }
    case YAML::NodeType::Scalar:
      return n.as<std::string>();
    default:
      return nullptr;
  }
}

// Accepts the API's envelope and reply shapes as well as a bare task.
nlohmann::json unwrap(nlohmann::json j, const std::string& name) {
  if (j.is_object() && j.contains("data") && j["data"].is_object()) j = j["data"];
  if (j.is_object() && j.contains("task") && j["task"].is_object()) j = j["task"];
  if (j.is_object() && j.contains("tasks") && j["tasks"].is_array()) {
    if (j["tasks"].size() != 1)
      throw std::runtime_error(fmt::format("{}: holds {} tasks; give a file with exactly one", name, j["tasks"].size()));
    j = j["tasks"][0];
  }
  if (!j.is_object()) throw std::runtime_error(fmt::format("{}: a task must be an object (a map)", name));
  return j;
}

}  // namespace

nlohmann::json parse_task(std::string_view text, const std::string& name) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    try {
      const nlohmann::json::parser_callback_t bounded = [&name](int depth, nlohmann::json::parse_event_t,
                                                                nlohmann::json&) {
        if (static_cast<std::size_t>(depth) > kMaxTaskDepth)
          throw std::runtime_error(fmt::format("{}: nested deeper than {} levels", name, kMaxTaskDepth));
        return true;
      };
      return unwrap(nlohmann::json::parse(text, bounded), name);
    } catch (const nlohmann::json::parse_error& e) {
      // Turn the byte offset into a line and column for the message.
      std::size_t line = 1, column = 1;
      for (std::size_t k = 0; k + 1 < e.byte && k < text.size(); ++k) {
        if (text[k] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      throw std::runtime_error(fmt::format("{}:{}:{}: invalid JSON: {}", name, line, column, e.what()));
    } catch (const nlohmann::json::exception& e) {
      // Not a syntax error but a value JSON allows and a double cannot hold
      // (1e999): out_of_range, with no position to report.
      throw std::runtime_error(fmt::format("{}: invalid JSON: {}", name, e.what()));
    }
  }
  try {
    Budget budget{0, name};
    return unwrap(from_yaml(YAML::Load(std::string(text)), budget, 0), name);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(
        fmt::format("{}:{}:{}: invalid YAML: {}", name, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

}  // namespace slurmglue::render
