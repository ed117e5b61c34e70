#include "runtime/render/directive_options.hpp"

#include <algorithm>

namespace slurmglue::render {

std::string_view to_string(ValueKind kind) {
  switch (kind) {
    case ValueKind::Any: return "text";
    case ValueKind::Time: return "time";
    case ValueKind::Memory: return "memory";
    case ValueKind::NodeCount: return "node count";
    case ValueKind::Integer: return "integer";
    case ValueKind::Count: return "count";
    case ValueKind::OpenMode: return "open mode";
    case ValueKind::MailTypes: return "mail types";
    case ValueKind::YesNo: return "yes or no";
    case ValueKind::Signal: return "signal";
    case ValueKind::ArrayIndexes: return "array indexes";
    case ValueKind::Hints: return "hints";
    case ValueKind::Distribution: return "distribution";
    case ValueKind::Dependency: return "dependency";
    case ValueKind::TimeSpec: return "time specification";
    case ValueKind::Priority: return "priority";
    case ValueKind::FilenamePattern: return "filename pattern";
    case ValueKind::ContainerImage: return "container image";
    case ValueKind::ContainerMounts: return "container mounts";
    case ValueKind::ContainerName: return "container name";
  }
  return "?";
}

OptionTable::OptionTable(std::vector<OptionInfo> options) : options_(std::move(options)) {
  std::sort(options_.begin(), options_.end(),
            [](const OptionInfo& a, const OptionInfo& b) { return a.name < b.name; });
}

OptionTable::LongMatch OptionTable::find_long(std::string_view name) const {
  LongMatch m;
  if (name.empty()) return m;
  auto it = std::lower_bound(options_.begin(), options_.end(), name,
                             [](const OptionInfo& o, std::string_view n) { return o.name < n; });
  if (it != options_.end() && it->name == name) {
    m.option = &*it;
    return m;
  }
  // getopt_long: a prefix is accepted when it names exactly one option.
  const OptionInfo* found = nullptr;
  for (; it != options_.end() && std::string_view(it->name).substr(0, name.size()) == name; ++it) {
    if (found) {
      m.ambiguous = true;
      return m;
    }
    found = &*it;
  }
  m.option = found;
  m.abbreviated = found != nullptr;
  return m;
}

const OptionInfo* OptionTable::find_short(char c) const {
  for (const auto& o : options_)
    if (o.short_name == c) return &o;
  return nullptr;
}

}  // namespace slurmglue::render

namespace slurmglue::render {

std::string DirectiveItem::canonical() const {
  switch (kind) {
    case Kind::Long: return "--" + (option ? option->name : name);
    case Kind::Short: return (option && !option->name.empty()) ? "--" + option->name : "-" + name;
    case Kind::Positional: return "(argument)";
  }
  return {};
}

bool DirectiveItem::is(std::string_view c) const {
  const bool long_form = kind == Kind::Long || (kind == Kind::Short && option && !option->name.empty());
  if (kind == Kind::Positional) return c == "(argument)";
  if (long_form) return c.size() > 2 && c.substr(0, 2) == "--" && c.substr(2) == (option ? option->name : name);
  return c.size() > 1 && c[0] == '-' && c.substr(1) == name;
}

std::vector<DirectiveItem> read_directive_words(const std::vector<std::string>& words,
                                                const OptionTable& table) {
  std::vector<DirectiveItem> items;
  bool options_ended = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    DirectiveItem item;
    item.word = i;
    if (options_ended || w.size() < 2 || w[0] != '-') {
      items.push_back(item);
      continue;
    }
    if (w == "--") {
      options_ended = true;
      continue;
    }
    if (w[1] == '-') {
      item.kind = DirectiveItem::Kind::Long;
      const auto eq = w.find('=');
      item.name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      item.option = table.find_long(item.name).option;
      if (eq != std::string::npos) {
        item.has_value = true;
        item.value_word = i;
        item.value_offset = eq + 1;
      } else if (item.option && item.option->arg == ArgKind::Required && i + 1 < words.size()) {
        item.has_value = true;
        item.value_word = ++i;
      }
      items.push_back(item);
      continue;
    }
    // A cluster of short options: flags until one that takes a value.
    for (std::size_t k = 1; k < w.size(); ++k) {
      DirectiveItem s;
      s.kind = DirectiveItem::Kind::Short;
      s.word = i;
      s.name = std::string(1, w[k]);
      s.option = table.find_short(w[k]);
      const bool takes_value = s.option && s.option->arg != ArgKind::None;
      if (takes_value && k + 1 < w.size()) {
        s.has_value = true;
        s.value_word = i;
        s.value_offset = k + 1;
        items.push_back(s);
        break;
      }
      if (takes_value && s.option->arg == ArgKind::Required && i + 1 < words.size()) {
        s.has_value = true;
        s.value_word = i + 1;
        items.push_back(s);
        ++i;
        break;
      }
      items.push_back(s);
    }
  }
  return items;
}

}  // namespace slurmglue::render
