// The structured formats: JSON (one object per diagnostic) and SARIF 2.1.0.
#include <ostream>

#include <nlohmann/json.hpp>

#include "compiler/formats/formats.hpp"

namespace slurmglue::lint {

namespace {
using nlohmann::json;

std::string id_of(const Diagnostic& d) {
  const RuleInfo* r = find_rule(d.rule);
  return r ? std::string(r->id) : std::string();
}

// Source text can hold any bytes; JSON wants UTF-8.
std::string valid_utf8(std::string_view s) {
  return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string text(std::string_view s) { return json::parse(valid_utf8(s)).get<std::string>(); }

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}
}  // namespace

void print_json(std::ostream& out, const std::vector<FileResult>& files) {
  json all = json::array();
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      json j{{"file", text(f.source.name())},
             {"line", d.position.line},
             {"column", d.position.column},
             {"length", d.length},
             {"severity", std::string(to_string(d.severity))},
             {"rule", d.rule},
             {"id", id_of(d)},
             {"message", text(d.message)}};
      if (d.fix) j["fix"] = text(*d.fix);
      all.push_back(std::move(j));
    }
  }
  out << all.dump(2) << '\n';
}

void print_sarif(std::ostream& out, const std::vector<FileResult>& files, std::string_view tool_version) {
  json rules_json = json::array();
  for (const auto& r : rules()) {
    rules_json.push_back({{"id", std::string(r.name)},
                          {"name", std::string(r.id)},
                          {"shortDescription", {{"text", std::string(r.summary)}}},
                          {"fullDescription", {{"text", std::string(r.explanation)}}},
                          {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
                          {"properties", {{"family", std::string(to_string(r.family))}}}});
  }
  json results = json::array();
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      // (Characters, as the run's columnKind says, not bytes; lint hunt 53.)
      const auto line = f.source.line_text(d.position.line);
      const auto before = line.substr(0, std::min<std::size_t>(d.position.column - 1, line.size()));
      const auto marked = line.substr(before.size(), std::min<std::size_t>(d.length, line.size() - before.size()));
      const auto start = compiler::code_points(before) + 1;
      json region{{"startLine", d.position.line},
                  {"startColumn", start},
                  {"endColumn", start + std::max<std::size_t>(marked.empty() ? d.length : compiler::code_points(marked), 1)}};
      results.push_back({{"ruleId", d.rule},
                         {"level", sarif_level(d.severity)},
                         {"message", {{"text", text(d.message)}}},
                         {"locations",
                          json::array({{{"physicalLocation",
                                         {{"artifactLocation", {{"uri", text(f.source.name())}}},
                                          {"region", region}}}}})}});
    }
  }
  json sarif{{"version", "2.1.0"},
             {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"runs", json::array({{{"tool",
                                     {{"driver",
                                       {{"name", "slurmglue-lint"},
                                        {"version", std::string(tool_version)},
                                        {"rules", rules_json}}}}},
                                    {"columnKind", "unicodeCodePoints"},
                                    {"results", results}}})}};
  out << sarif.dump(2) << '\n';
}

}  // namespace slurmglue::lint
