#include "runtime/render/task_file.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace slurmglue::render {
namespace {

// Aliases let a small YAML file stand for a huge tree (each alias copies its
// anchor's whole subtree), and deep nesting costs stack: both are bounded.
struct Budget {
  std::size_t nodes = 0;
  const std::string& name;
};

void spend(Budget& b, std::size_t depth, std::size_t nodes = 1) {
  if (depth > kMaxTaskDepth)
    throw std::runtime_error(fmt::format("{}: nested deeper than {} levels", b.name, kMaxTaskDepth));
  b.nodes += nodes;
  if (b.nodes > kMaxTaskNodes)
    throw std::runtime_error(fmt::format("{}: has more than {} values (an alias counts every value it copies)", b.name, kMaxTaskNodes));
}

// The values and the depth below a value (0 for a scalar).
std::pair<std::size_t, std::size_t> size_of(const nlohmann::json& j) {
  std::size_t nodes = 1, height = 0;
  if (j.is_structured()) {
    for (const auto& item : j) {
      const auto [n, h] = size_of(item);
      nodes += n;
      height = std::max(height, h + 1);
    }
  }
  return {nodes, height};
}

// Builds the task from the parser's events, counting every value as it comes
// (aliases by the size of what they copy), so that reading stops at the
// bounds instead of first building the whole tree. YAML scalars stay text:
// every value a template prints is text anyway, and guessing types would
// turn "01:00:00" or "1e3" into something else.
class Builder : public YAML::EventHandler {
 public:
  explicit Builder(Budget& budget) : budget_(budget) {}
  std::optional<nlohmann::json> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(mark, nullptr, anchor, "null"); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    add(mark, value, anchor, value);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) fail(mark, "an alias inside the node it names");
    const auto& [value, size] = found->second;
    // What the copy adds below this place (the node itself is counted by add()).
    spend(budget_, open_.size() + size.second, size.first - 1);
    add(mark, value, 0, value.is_string() ? value.get<std::string>() : std::optional<std::string>());
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, nlohmann::json::array(), anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, nlohmann::json::object(), anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    nlohmann::json value;
    YAML::anchor_t anchor;
    std::optional<std::string> key;  // a map's key waiting for its value
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& what) const {
    throw std::runtime_error(fmt::format("{}:{}:{}: invalid YAML: {}", budget_.name, mark.line + 1, mark.column + 1, what));
  }
  void open(const YAML::Mark& mark, nlohmann::json value, YAML::anchor_t anchor) {
    if (!open_.empty() && open_.back().value.is_object() && !open_.back().key) fail(mark, "a map key must be text");
    spend(budget_, open_.size());
    open_.push_back({std::move(value), anchor, std::nullopt});
  }
  void close() {
    Open done = std::move(open_.back());
    open_.pop_back();
    if (done.anchor != 0) anchors_[done.anchor] = {done.value, size_of(done.value)};
    place(std::move(done.value));
  }
  // A finished scalar, null or alias; `text` is what it means as a map key.
  void add(const YAML::Mark& mark, nlohmann::json value, YAML::anchor_t anchor, std::optional<std::string> text) {
    if (!open_.empty() && open_.back().value.is_object() && !open_.back().key) {
      if (!text) fail(mark, "a map key must be text");
      open_.back().key = std::move(text);
      return;
    }
    spend(budget_, open_.size());
    if (anchor != 0) anchors_[anchor] = {value, size_of(value)};
    place(std::move(value));
  }
  void place(nlohmann::json value) {
    if (open_.empty()) {
      root = std::move(value);
    } else if (auto& top = open_.back(); top.value.is_array()) {
      top.value.push_back(std::move(value));
    } else {
      top.value[*top.key] = std::move(value);
      top.key.reset();
    }
  }

  Budget& budget_;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, std::pair<nlohmann::json, std::pair<std::size_t, std::size_t>>> anchors_;
};

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
      Budget budget{0, name};
      const nlohmann::json::parser_callback_t bounded = [&budget](int depth, nlohmann::json::parse_event_t event,
                                                                  nlohmann::json&) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::value || event == Event::object_start || event == Event::array_start) {
          spend(budget, static_cast<std::size_t>(depth));
        }
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
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    Builder builder(budget);
    parser.HandleNextDocument(builder);  // the first document, as YAML::Load reads it
    return unwrap(builder.root.value_or(nullptr), name);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(
        fmt::format("{}:{}:{}: invalid YAML: {}", name, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

}  // namespace slurmglue::render
