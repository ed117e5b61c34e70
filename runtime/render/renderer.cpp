#include "runtime/render/renderer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "grammar/sbatch_directive.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/script_checks.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::render {
namespace {

const std::string& code_slot(const Values& v, Variable var) {
  switch (var) {
    case Variable::PreSetup: return v.pre_setup;
    case Variable::AgentExecute: return v.agent_execute;
    default: return v.post_setup;
  }
}

std::string field_name(const Placement& p) {
  std::string name = std::string(variable_name(p.variable));
  for (const auto& part : p.path) name += "." + part;
  return name;
}

// The value of one placement after defaults and filters: what --explain shows
// and what the escapers receive.
struct Resolved {
  Resolution::Origin origin = Resolution::Origin::Missing;
  std::string value;
  std::vector<std::string> items;  // a list value's items, filtered, for word lists
  bool from_list = false;
  std::string why;                 // for Unusable
};

Resolved resolve(const Placement& p, const Values& values) {
  Resolved r;
  if (is_code_slot(p.variable)) {
    r.origin = Resolution::Origin::Glue;
    r.value = code_slot(values, p.variable);
    return r;
  }
  Lookup found = lookup(values, p.variable, p.path);
  if (found.kind == Lookup::Kind::Unusable) {
    r.origin = Resolution::Origin::Unusable;
    r.why = std::move(found.why);
    return r;
  }
  // An empty value takes the default too: an empty user property is how the
  // ClearML UI says "not set".
  const bool missing = found.kind == Lookup::Kind::Missing || found.text.empty();
  if (missing && !p.default_value) {
    r.origin = found.kind == Lookup::Kind::Missing ? Resolution::Origin::Missing : Resolution::Origin::Field;
    if (r.origin == Resolution::Origin::Missing) return r;
  } else if (missing) {
    r.origin = Resolution::Origin::Default;
    r.value = apply_filters(*p.default_value, p.filters);
    return r;
  }
  r.origin = is_compound(p.variable) ? Resolution::Origin::Field : Resolution::Origin::Glue;
  r.value = apply_filters(std::move(found.text), p.filters);
  r.from_list = found.from_list;
  for (auto& item : found.items) r.items.push_back(apply_filters(std::move(item), p.filters));
  return r;
}

bool has_parent_component(std::string_view v) {
  std::size_t start = 0;
  while (start <= v.size()) {
    auto end = v.find('/', start);
    if (end == std::string_view::npos) end = v.size();
    if (v.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

bool is_name(std::string_view v) {
  if (v.empty() || (v[0] >= '0' && v[0] <= '9')) return false;
  for (char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

class Run {
 public:
  Run(const Program& p, const Values& v, std::string& out, std::vector<RenderError>& errors)
      : p_(p), values_(v), out_(out), errors_(errors) {}

  void value(std::uint32_t index) {
    const Placement& pl = p_.placements[index];
    Resolved r = resolve(pl, values_);
    switch (r.origin) {
      case Resolution::Origin::Missing:
        return fail(pl, fmt::format("no value: the {} has no field {}; set it, or give the placeholder a "
                                    "default with ':'",
                                    pl.variable == Variable::Task ? "task" : "input", field_name(pl)));
      case Resolution::Origin::Unusable:
        return fail(pl, fmt::format("{} is {}, not text; name one of its fields", field_name(pl), r.why));
      default:
        break;
    }
    if (is_code_slot(pl.variable)) {
      out_ += r.value;  // code written by the glue itself, placed where the compiler allowed code
      return;
    }
    std::string name = std::string(kDataVariablePrefix) + std::to_string(index + 1);
    if (pl.split_words) return words(pl, name, r);
    // The same value a second time reuses its variable.
    for (const auto& [value, variable] : assigned_)
      if (value == r.value) name = variable;
    if (pl.kind != ValueKind::Any) {
      if (auto expected = check_value(pl.kind, r.value); !expected.empty())
        return fail(pl, fmt::format("'{}' is not {}", printable(r.value), expected));
    }
    if (const char* why = check_element(pl.role, r.value))
      return fail(pl, fmt::format("{}: '{}'", why, printable(r.value)));
    if (r.value.empty() && is_directive(pl.context.quoting)) empty_in_directive_ = true;
    bool referenced = false;
    if (const char* why = place_value(r.value, pl.context, name, out_, referenced)) return fail(pl, why);
    if (referenced && std::none_of(assigned_.begin(), assigned_.end(),
                                   [&](const auto& a) { return a.second == name; })) {
      assigned_.emplace_back(r.value, name);
      data_ += name + "=";
      append_ansi_c_quoted(r.value, data_);
      data_ += '\n';
    }
  }

  // The data block's assignments, one line each, in the order of use.
  const std::string& data() const { return data_; }

  void directive(const DirectivePlan& plan, std::size_t start) {
    std::string_view line(out_);
    line.remove_prefix(start);
    line.remove_prefix(grammar::sbatch::directive_prefix(line));
    auto split = grammar::sbatch::split(line);
    std::vector<std::string> words;
    words.reserve(split.words.size());
    for (auto& w : split.words) words.push_back(std::move(w.text));
    const auto items = read_directive_words(words, p_.options);
    bool same = grammar::sbatch::shape_flags(split) == plan.expected_shape && words.size() == plan.expected_words &&
                items.size() == plan.expected.size();
    for (std::size_t k = 0; same && k < items.size(); ++k) same = items[k].is(plan.expected[k]);
    if (!same && empty_in_directive_) {
      empty_in_directive_ = false;
      return fail_line(plan.line, fmt::format("an empty value leaves this #SBATCH line without a word it needs "
                                              "(expected {}); set the field, or give the placeholder a default "
                                              "with ':'",
                                              fmt::join(plan.expected, " ")));
    }
    empty_in_directive_ = false;
    if (!same) {
      std::vector<std::string> got;
      for (const auto& item : items) got.push_back(item.canonical());
      return fail_line(plan.line, fmt::format("a value changes how sbatch reads this #SBATCH line: expected "
                                              "{}, got {}",
                                              fmt::join(plan.expected, " "), fmt::join(got, " ")));
    }
    for (const auto& slot : plan.slots) {
      for (const auto& item : items) {
        if (!item.has_value || item.value_word != slot.word || !item.option) continue;
        const auto value = std::string_view(words[slot.word]).substr(item.value_offset);
        if (auto expected = check_value(item.option->value, value); !expected.empty())
          fail(p_.placements[slot.placement],
               fmt::format("{} '{}' is not {}", item.canonical(), printable(value), expected));
      }
    }
  }

  void heredoc(const HeredocPlan& plan, std::size_t start) {
    std::string_view body(out_);
    body.remove_prefix(start);
    std::size_t line = plan.line;
    std::string joined;
    while (!body.empty()) {
      auto nl = body.find('\n');
      std::string_view text = body.substr(0, nl);
      // bash joins a line ending in an unescaped '\\' with the next before it
      // compares the line with the delimiter.
      auto odd_backslashes = [](std::string_view l) {
        std::size_t n = 0;
        while (n < l.size() && l[l.size() - 1 - n] == '\\') ++n;
        return n % 2 == 1;
      };
      if (plan.joins_lines && odd_backslashes(text) && nl != std::string_view::npos) {
        joined.assign(text);
        while (odd_backslashes(joined) && nl != std::string_view::npos) {
          joined.pop_back();
          const auto next = body.find('\n', nl + 1);
          joined.append(body.substr(nl + 1, next == std::string_view::npos ? std::string_view::npos : next - nl - 1));
          line += 1;
          nl = next;
        }
        text = joined;
      }
      if (plan.strip_tabs) text.remove_prefix(std::min(text.size(), text.find_first_not_of('\t')));
      if (text == plan.delimiter || (plan.in_command_substitution && text.substr(0, plan.delimiter.size()) == plan.delimiter))
        fail_line(static_cast<std::uint32_t>(line),
                  fmt::format("a value makes a line '{}' that would end the here-document early",
                              plan.delimiter));
      if (nl == std::string_view::npos) break;
      body.remove_prefix(nl + 1);
      ++line;
    }
  }

  void script() {
    if (!errors_.empty()) return;
    if (auto why = script_rejection(out_); !why.empty()) fail_line(0, why);
    if (directive_lines(out_).size() != p_.directive_lines)
      fail_line(0, "the rendered script has a different set of #SBATCH directives than the template "
                   "(an empty code slot on its own line before a directive?)");
  }

 private:
  void words(const Placement& pl, const std::string& name, const Resolved& r) {
    std::vector<std::string> list = r.items;
    if (!r.from_list) {
      if (const char* why = split_words(r.value, list)) return fail(pl, why);
    }
    bool referenced = false;
    std::string option_why;
    if (const char* why = check_option_words(list, pl.option_words, option_why)) return fail(pl, why);
    if (const char* why = place_words(list, pl.context, name, out_, referenced)) return fail(pl, why);
    if (!referenced) return;
    data_ += name + "=(";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) data_ += ' ';
      append_ansi_c_quoted(list[i], data_);
    }
    data_ += ")\n";
  }

  static std::string printable(std::string_view v) {
    std::string s;
    for (char c : v) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        s += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      else
        s += c;
      if (s.size() > 200) {
        s += "...";
        break;
      }
    }
    return s;
  }

  void fail(const Placement& pl, std::string message) {
    errors_.push_back({pl.line, pl.column, pl.text, std::move(message)});
  }
  void fail_line(std::uint32_t line, std::string message) {
    errors_.push_back({line, 0, {}, std::move(message)});
  }

  const Program& p_;
  const Values& values_;
  std::string& out_;
  std::vector<RenderError>& errors_;
  std::string data_;
  bool empty_in_directive_ = false;  // on the #SBATCH line being rendered
  std::vector<std::pair<std::string, std::string>> assigned_;  // value, variable
};

}  // namespace

const char* check_element(ElementRole role, std::string_view v) {
  switch (role) {
    case ElementRole::None: return nullptr;
    case ElementRole::Mount:
      if (v.find_first_of(",:") != std::string_view::npos)
        return "a value in --container-mounts cannot hold ',' or ':': it would add a mount or change this one's "
               "target or flags";
      if (has_parent_component(v)) return "a value in --container-mounts cannot hold a '..' path component";
      return nullptr;
    case ElementRole::ExportName:
      return is_name(v) ? nullptr : "a value naming an --export variable must be a plain name (letters, digits, _)";
    case ElementRole::ExportValue:
      return v.find(',') == std::string_view::npos ? nullptr
                                                    : "a value in --export cannot hold ',': it would add a variable";
    case ElementRole::Name:
      return is_name(v) ? nullptr : "a value in --container-env must be a plain variable name (letters, digits, _)";
    case ElementRole::Path:
      return has_parent_component(v) ? "a path value cannot hold a '..' component" : nullptr;
    case ElementRole::JobName:
      return v.find('/') == std::string_view::npos
                 ? nullptr
                 : "a job name cannot hold '/': %x in --output or --error would put it in the log file's path";
  }
  return nullptr;
}

Renderer::Renderer(Program program) : program_(std::move(program)) {}

bool Renderer::render(const Values& values, std::string& out, std::vector<RenderError>& errors) const {
  out.clear();
  out.reserve(program_.literal_bytes + 64 * program_.placements.size());
  const auto errors_before = errors.size();
  std::vector<RenderError> local;
  Run run(program_, values, out, local);
  std::size_t directive_start = 0, heredoc_start = 0, data_at = std::string::npos;
  for (const Op& op : program_.ops) {
    switch (op.kind) {
      case Op::Kind::Literal:
        out.append(program_.text, op.a, op.b);
        break;
      case Op::Kind::Value:
        run.value(op.a);
        break;
      case Op::Kind::DataBlock:
        data_at = out.size();
        break;
      case Op::Kind::DirectiveBegin:
        directive_start = out.size();
        break;
      case Op::Kind::DirectiveEnd:
        run.directive(program_.directives[op.a], directive_start);
        break;
      case Op::Kind::HeredocBegin:
        heredoc_start = out.size();
        break;
      case Op::Kind::HeredocEnd:
        run.heredoc(program_.heredocs[op.a], heredoc_start);
        break;
    }
  }
  if (!run.data().empty()) {
    // Every reference follows the block: it stands before the first command,
    // after the last #SBATCH line sbatch reads (see codegen).
    if (data_at == std::string::npos) {
      local.push_back({0, 0, {}, "the program has no place for the data block"});
    } else {
      std::string block = program_.data_block_needs_newline ? "\n" : "";
      block += run.data();
      out.insert(data_at, block);
    }
  }
  run.script();
  errors.insert(errors.end(), local.begin(), local.end());
  return errors.size() == errors_before;
}

std::vector<Resolution> Renderer::explain(const Values& values) const {
  std::vector<Resolution> out;
  for (const auto& pl : program_.placements) {
    Resolved r = resolve(pl, values);
    out.push_back({&pl, r.origin, std::move(r.value)});
  }
  return out;
}

}  // namespace slurmglue::render
