#include "compiler/lint.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <iterator>
#include <memory>
#include <sstream>

#include "compiler/compile.hpp"
#include "compiler/directive_reader.hpp"
#include "compiler/rules/context.hpp"
#include "compiler/shebang.hpp"

namespace slurmglue::lint {

std::string_view to_string(Family f) {
  switch (f) {
    case Family::Template: return "Template";
    case Family::Script: return "Script";
    case Family::Directives: return "Directives";
    case Family::Pyxis: return "Pyxis";
    case Family::Images: return "Images";
    case Family::AgentContract: return "Agent contract";
    case Family::SrunWrapper: return "srun wrapper";
    case Family::Security: return "Security";
  }
  return "?";
}

std::optional<EnrootVersion> parse_enroot_version(std::string_view text) {
  EnrootVersion v;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  auto r = std::from_chars(p, end, v.major);
  if (r.ec != std::errc() || r.ptr == end || *r.ptr != '.') return std::nullopt;
  r = std::from_chars(r.ptr + 1, end, v.minor);
  if (r.ec != std::errc()) return std::nullopt;
  if (r.ptr != end) {  // an optional patch level
    int patch = 0;
    if (*r.ptr != '.') return std::nullopt;
    r = std::from_chars(r.ptr + 1, end, patch);
    if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
  }
  if (v.major < 1) return std::nullopt;
  return v;
}

std::string to_string(EnrootVersion v) { return std::to_string(v.major) + "." + std::to_string(v.minor); }

std::span<const RuleInfo> rules() {
  static const std::vector<RuleInfo> all = [] {
    std::vector<RuleInfo> v;
    for (auto family : {template_rules(), script_rules(), shell_syntax_rules(), directive_rules(), directive_set_rules(), pyxis_rules(), image_rules(),
                        agent_contract_rules(), srun_wrapper_rules(), security_rules()})
      v.insert(v.end(), family.begin(), family.end());
    return v;
  }();
  return all;
}

const RuleInfo* find_rule(std::string_view id_or_name) {
  for (const auto& r : rules())
    if (r.id == id_or_name || r.name == id_or_name) return &r;
  return nullptr;
}

std::optional<Profile> parse_profile(std::string_view name) {
  if (name == "clearml") return Profile::ClearML;
  if (name == "sbatch") return Profile::Sbatch;
  return std::nullopt;
}

std::string_view to_string(Profile p) { return p == Profile::Sbatch ? "sbatch" : "clearml"; }

std::string apply_setting(std::string_view key, std::string_view value, LintOptions& options) {
  const std::string v(value);
  if (key == "slurm-version") {
    auto r = catalog::parse_slurm_version(v);
    if (!r) return "'" + v + "' is not a Slurm release (22.05 .. 26.05)";
    options.slurm = *r;
  } else if (key == "pyxis-version") {
    if (value == "none") {
      options.pyxis.reset();
      return {};
    }
    auto r = catalog::parse_pyxis_version(v);
    if (!r) return "'" + v + "' is not a Pyxis release (e.g. 0.20) or none";
    options.pyxis = *r;
  } else if (key == "enroot-version") {
    auto r = parse_enroot_version(v);
    if (!r) return "'" + v + "' is not an Enroot release (e.g. 3.5)";
    options.enroot = *r;
  } else if (key == "profile") {
    auto r = parse_profile(v);
    if (!r) return "'" + v + "' is not a profile: clearml or sbatch";
    options.profile = *r;
  } else {
    return "unknown setting '" + std::string(key) + "'";
  }
  return {};
}

std::string apply_option_words(std::string_view words, LintOptions& options) {
  std::istringstream in{std::string(words)};
  std::string w;
  while (in >> w) {
    if (w == "--srun-delegation" || w == "--shellcheck") {
      (w == "--shellcheck" ? options.shellcheck : options.srun_delegation) = true;
      continue;
    }
    std::string value;
    if (!w.starts_with("--") || !(in >> value)) return "option " + w + " needs a value";
    if (auto error = apply_setting(w.substr(2), value, options); !error.empty()) return w + ": " + error;
  }
  return {};
}

// ---------------------------------------------------------------------------
// Context

Context::Context(const Source& s, const compiler::Template& t, const LintOptions& o, std::vector<Diagnostic>& out)
    : source(s),
      ast(t),
      options(o),
      slurm_table(catalog::sbatch_option_table(o.slurm, std::nullopt)),
      table(catalog::sbatch_option_table(o.slurm, o.pyxis)),
      out_(out) {
  for (const auto& h : t.heredocs)
    if (h.body_begin < h.body_end) heredoc_reach_.emplace_back(h.body_begin, h.body_end);
  std::sort(heredoc_reach_.begin(), heredoc_reach_.end());
  for (std::size_t k = 1; k < heredoc_reach_.size(); ++k)
    heredoc_reach_[k].second = std::max(heredoc_reach_[k].second, heredoc_reach_[k - 1].second);
  const std::string& txt = s.text();
  const auto escapes =
      o.slurm < catalog::SlurmVersion{24, 5} ? grammar::sbatch::Escapes::Separate : grammar::sbatch::Escapes::KeepSpace;
  directives.reserve(t.directives.size());
  for (const auto& line : t.directives) {
    DirectiveView view;
    view.line = &line;
    view.read = compiler::read_directive(s, t, line, table, escapes);
    for (const auto& item : view.read.items) {
      DirectiveOption opt;
      opt.item = item;
      const auto& word = view.split().words[item.word];
      opt.at = view.source_offset(word.begin);
      opt.length = view.source_offset(word.end) - opt.at;
      opt.written = txt.substr(opt.at, opt.length);
      if (item.has_value) {
        const auto& value_word = view.read.words[item.value_word];
        opt.value = value_word.substr(std::min(item.value_offset, value_word.size()));
        opt.value_has_placeholder = opt.value->find(kStandIn) != std::string::npos;
        const auto& vw = view.split().words[item.value_word];
        const std::size_t vw_end = view.source_offset(vw.end);
        if (item.value_word != item.word) {
          opt.value_separate = true;
          opt.value_at = view.source_offset(vw.begin);
        } else {
          const auto eq = opt.written.find('=');
          opt.value_at = eq == std::string::npos ? opt.at + std::min(item.value_offset, opt.length) : opt.at + eq + 1;
        }
        opt.value_length = vw_end > opt.value_at ? vw_end - opt.value_at : 0;
      }
      view.options.push_back(std::move(opt));
    }
    directives.push_back(std::move(view));
  }
  // An option left without its value (missing-value) takes the first word
  // of the next #SBATCH line, as sbatch reads all of them as one argv: that
  // word is then no option of its own, and no rule reads it as one.
  for (std::size_t k = 0; k + 1 < directives.size(); ++k) {
    if (directives[k].options.empty()) continue;
    const auto& last = directives[k].options.back();
    if (!last.item.option || last.item.has_value || last.item.option->arg != render::ArgKind::Required) continue;
    for (auto next = k + 1; next < directives.size(); ++next) {
      if (directives[next].split().hetjob_separator) break;
      if (directives[next].options.empty()) continue;
      auto& opts = directives[next].options;
      const auto word = opts.front().item.word;  // (-vN: one word, several items)
      std::erase_if(opts, [&](const DirectiveOption& opt) { return opt.item.word == word; });
      break;
    }
  }
}

void Context::report(std::string_view rule, std::size_t at, std::size_t length, std::string message,
                     std::optional<std::string> fix) {
  // Another rule's finding over a placeholder that failed to parse reads
  // the placeholder's text as literal (its '$', its uppercase name): the
  // placeholder's own error says what is wrong, and its fix would break it.
  if (rule != "placeholder-syntax") {
    const auto end = at + std::max<std::size_t>(length, 1);
    const auto it = std::lower_bound(ast.broken.begin(), ast.broken.end(), at,
                                     [](const auto& span, std::size_t offset) { return span.second <= offset; });
    if (it != ast.broken.end() && it->first < end) return;
  }
  Diagnostic d;
  d.rule = std::string(rule);
  const RuleInfo* info = find_rule(rule);
  d.severity = info ? info->severity : Severity::Error;
  d.position = source.position(std::min(at, source.text().size()));
  d.length = static_cast<std::uint32_t>(std::max<std::size_t>(length, 1));
  d.message = std::move(message);
  d.fix = std::move(fix);
  out_.push_back(std::move(d));
}

std::vector<const DirectiveOption*> Context::all_options() const {
  std::vector<const DirectiveOption*> v;
  for (const auto& d : directives)
    for (const auto& o : d.options) v.push_back(&o);
  return v;
}

std::vector<const compiler::PlaceholderNode*> Context::placeholders(std::string_view name) const {
  std::vector<const compiler::PlaceholderNode*> v;
  for (const auto& p : ast.placeholders)
    if (p.name == name) v.push_back(&p);
  return v;
}

const compiler::PlaceholderNode* Context::placeholder_at(std::size_t at) const {
  const auto k = compiler::first_placeholder_from(ast, at);
  return k < ast.placeholders.size() && ast.placeholders[k].begin == at ? &ast.placeholders[k] : nullptr;
}

std::optional<std::pair<std::string, std::size_t>> Context::literal_default(std::string_view value,
                                                                            std::size_t at) const {
  if (value != std::string_view(&kStandIn, 1)) return std::nullopt;
  // The value may start with a quote in the source ("${...}").
  const std::string& t = text();
  while (at < t.size() && (t[at] == '"' || t[at] == '\'')) ++at;
  const auto* p = placeholder_at(at);
  if (!p || !p->default_value || !p->filters.empty()) return std::nullopt;
  const auto colon = p->text(source).find(':');
  return std::make_pair(*p->default_value, p->begin + (colon == std::string_view::npos ? 0 : colon + 1));
}

bool Context::in_heredoc(std::size_t at) const {
  const auto after = std::upper_bound(heredoc_reach_.begin(), heredoc_reach_.end(), at,
                                      [](std::size_t a, const auto& reach) { return a < reach.first; });
  return after != heredoc_reach_.begin() && std::prev(after)->second > at;
}

// ---------------------------------------------------------------------------
// Suppression comments:
//   # slurmglue-lint disable=RULE[,RULE...]       alone on a line: the next line;
//                                                  after code on a line: that line
//   # slurmglue-lint disable-file=RULE[,RULE...]  the whole file
// RULE is a name or an id; "all" means every rule.

namespace {

struct Suppressions {
  std::vector<std::pair<std::uint32_t, std::string>> lines;
  std::vector<std::string> file;

  static bool matches(const std::string& wanted, const std::string& rule) {
    if (wanted == "all" || wanted == rule) return true;
    const RuleInfo* r = find_rule(wanted);
    return r && r->name == rule;
  }
  bool suppressed(const Diagnostic& d) const {
    for (const auto& f : file)
      if (matches(f, d.rule)) return true;
    for (const auto& [line, rule] : lines)
      if (line == d.position.line && matches(rule, d.rule)) return true;
    return false;
  }
};

void split_rules(std::string_view list, std::vector<std::string>& out) {
  std::size_t k = 0;
  while (k <= list.size()) {
    auto comma = list.find(',', k);
    if (comma == std::string_view::npos) comma = list.size();
    if (comma > k) out.emplace_back(list.substr(k, comma - k));
    k = comma + 1;
  }
}

Suppressions read_suppressions(const Source& s) {
  Suppressions sup;
  constexpr std::string_view kMarker = "slurmglue-lint ";
  for (std::uint32_t n = 1; n <= s.line_count(); ++n) {
    const auto line = s.line_text(n);
    const auto at = line.find(kMarker);
    if (at == std::string_view::npos) continue;
    auto hash = line.rfind('#', at);
    if (hash == std::string_view::npos || line.find_first_not_of(" \t", hash + 1) != at) continue;
    auto rest = line.substr(at + kMarker.size());
    rest = rest.substr(0, rest.find_first_of(" \t\r"));
    const bool standalone = line.find_first_not_of(" \t") == hash;
    std::vector<std::string> names;
    if (rest.starts_with("disable-file=")) {
      split_rules(rest.substr(13), sup.file);
    } else if (rest.starts_with("disable=")) {
      split_rules(rest.substr(8), names);
      for (auto& name : names) sup.lines.emplace_back(standalone ? n + 1 : n, name);
    }
  }
  return sup;
}

}  // namespace

namespace {

// Rules that are about placeholders: in a plain sbatch script there are none,
// and a "${CLEARML_...}" there is placeholder-in-script, once.
bool about_placeholders(const std::string& rule) {
  const RuleInfo* r = find_rule(rule);
  return r && r->family == Family::Template && rule != "heredoc-delimiter" && rule != "heredoc-unterminated" &&
         rule != "shell-syntax" && rule != "placeholder-in-script";
}

// A batch script that another language runs (#!/usr/bin/env python3, perl,
// Rscript, tcsh): sbatch still reads its #SBATCH lines, but what bash
// would make of the rest says nothing. Kept: the file's frame, the
// directives and their Pyxis options and images.
bool runs_under_a_bourne_shell(const Source& source) {
  const auto name = compiler::read_shebang(source.text()).interpreter_name();
  return name.empty() || name.starts_with("bash") || name == "rbash" || name == "sh" || name == "dash" ||
         name == "ksh" || name == "mksh" || name == "ash" || name == "zsh" || name == "busybox";
}
bool shellcheck_reads(const Source& source) {
  const auto name = compiler::read_shebang(source.text()).interpreter_name();
  return name.empty() || name.starts_with("bash") || name == "rbash" || name == "sh" || name == "dash" || name == "ksh";
}
bool about_the_file_or_directives(const std::string& rule) {
  const RuleInfo* r = find_rule(rule);
  if (!r) return true;
  return r->family == Family::Directives || r->family == Family::Pyxis || r->family == Family::Images ||
         rule == "missing-shebang" || rule == "misplaced-shebang" || rule == "crlf-line-endings" || rule == "nul-byte" ||
         rule == "script-too-large" || rule == "empty-script" || rule == "placeholder-in-script";
}

// One file while it is linted: the compiler's output and the rules' context.
struct Linting {
  const Source& source;
  const LintOptions& options;
  std::vector<Diagnostic> out;
  std::optional<compiler::Compiled> compiled;
  std::optional<Context> context;

  Linting(const Source& s, const LintOptions& o) : source(s), options(o) {
    compiler::CompileOptions co;
    co.slurm = o.slurm;
    co.pyxis = o.pyxis;
    co.srun_delegation = o.srun_delegation;
    try {
      compiled = compiler::compile(source, co);
      out = std::move(compiled->diagnostics);
      // Not a text file (the compiler's nul-byte error): the rules have nothing to read.
      if (!out.empty() && out.front().rule == "nul-byte") return;
      if (o.profile == Profile::Sbatch)
        std::erase_if(out, [](const Diagnostic& d) { return about_placeholders(d.rule); });
      const auto compiler_findings = out.size();
      context.emplace(source, compiled->ast, o, out);
      for (auto check : {check_template, check_script, check_shell_syntax, check_directives, check_directive_set,
                         check_pyxis, check_images, check_srun_wrapper, check_security})
        check(*context);
      if (o.profile == Profile::ClearML) check_agent_contract(*context);
      if (o.profile == Profile::Sbatch && !runs_under_a_bourne_shell(source))
        std::erase_if(out, [](const Diagnostic& d) { return !about_the_file_or_directives(d.rule); });
      // The compiler refuses a value parsed as code or chosen as the command;
      // where the security rule says so too (naming the field), one finding is enough.
      std::vector<std::pair<std::uint32_t, std::uint32_t>> said;
      for (std::size_t k = compiler_findings; k < out.size(); ++k)
        if (out[k].rule == "task-value-as-code") said.emplace_back(out[k].position.line, out[k].position.column);
      std::erase_if(out, [&](const Diagnostic& d) {
        return (d.rule == "value-parsed-as-code" || d.rule == "placeholder-command") &&
               std::find(said.begin(), said.end(), std::pair(d.position.line, d.position.column)) != said.end();
      });
    } catch (const std::exception& e) {
      failed(e);
    }
  }

  void failed(const std::exception& e) {
    context.reset();
    Diagnostic d;
    d.rule = "internal-error";
    d.message = std::string("the linter failed on this file: ") + e.what();
    out.push_back(std::move(d));
  }

  // Suppression comments, disabled rules and severities applied; sorted.
  std::vector<Diagnostic> finish() {
    const auto sup = read_suppressions(source);
    std::vector<Diagnostic> kept;
    for (auto& d : out) {
      if (sup.suppressed(d)) continue;
      const RuleInfo* info = find_rule(d.rule);
      auto disabled = [&](const std::string& name) {
        return options.disabled.count(name) > 0 || (info && options.disabled.count(std::string(info->id)) > 0);
      };
      if (disabled(d.rule)) continue;
      if (auto it = options.severity.find(d.rule); it != options.severity.end()) d.severity = it->second;
      if (info)
        if (auto it = options.severity.find(std::string(info->id)); it != options.severity.end())
          d.severity = it->second;
      kept.push_back(std::move(d));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.position.line != b.position.line ? a.position.line < b.position.line
                                                : a.position.column < b.position.column;
    });
    kept.erase(std::unique(kept.begin(), kept.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.rule == b.rule && a.position.line == b.position.line &&
                                    a.position.column == b.position.column && a.message == b.message;
                           }),
               kept.end());
    return kept;
  }
};

}  // namespace

std::vector<std::vector<Diagnostic>> lint_all(std::span<const Source> sources, std::span<const LintOptions> options,
                                              const std::function<void(std::size_t done)>& progress) {
  std::vector<std::unique_ptr<Linting>> files;
  files.reserve(sources.size());
  std::vector<Context*> shellchecked;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    files.push_back(std::make_unique<Linting>(sources[k], options[k]));
    // (ShellCheck reads sh, bash, dash and ksh only.)
    if (options[k].shellcheck && files.back()->context && shellcheck_reads(sources[k]))
      shellchecked.push_back(&*files.back()->context);
    if (progress) progress(k + 1);
  }
  if (!shellchecked.empty()) {
    try {
      check_shellcheck(shellchecked);
    } catch (const std::exception& e) {
      for (auto& f : files)
        if (f->options.shellcheck) f->failed(e);
    }
  }
  std::vector<std::vector<Diagnostic>> results;
  results.reserve(files.size());
  for (auto& f : files) results.push_back(f->finish());
  return results;
}

std::vector<Diagnostic> lint(const Source& source, const LintOptions& options) {
  return std::move(lint_all(std::span(&source, 1), std::span(&options, 1)).front());
}

}  // namespace slurmglue::lint
