// The compiler's shell model against a real bash parser: mvdan/sh, as the
// Debian package shfmt prints its syntax tree (shfmt --to-json). For every
// shipped template and for templates drawn from a small shell grammar (quotes,
// expansions, here-documents, arithmetic, functions, case, nested $(...)),
// each placeholder's context must be the one the oracle's tree gives, or the
// compiler must refuse the template. The model may be stricter (arithmetic,
// which takes only integers), never looser.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "compiler/compile.hpp"
#include "tests/support/temp_pattern.hpp"

namespace sg = slurmglue;
namespace fs = std::filesystem;
using sg::render::Quoting;

namespace {

// A marker the oracle sees where a placeholder stands: a plain word.
std::string marker(std::size_t k) { return "SGPH" + std::to_string(1000 + k) + "Z"; }

// What `program` prints for the script on its standard input, or nothing
// when it fails.
std::optional<std::string> run_on(const char* program, const std::string& script) {
  auto path = slurmglue::test::temp_pattern("slurmglue-shfmt");
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return std::nullopt;
  { std::ofstream(path, std::ios::binary) << script; }
  ::close(fd);
  const std::string command = std::string(program) + " < '" + path + "' 2>/dev/null";
  FILE* p = ::popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while (p && (n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = p ? ::pclose(p) : -1;
  fs::remove(path);
  if (status != 0) return std::nullopt;
  return out;
}
std::optional<std::string> shfmt_json(const std::string& script) { return run_on("shfmt --to-json", script); }

// The oracle's context for each marker, from its ancestors in the tree.
struct Frame {
  std::string type;  // node type
  std::string key;   // the field of it the path goes through
  bool dollar = false;
  bool quoted_heredoc = false;
};

Quoting classify(const std::vector<Frame>& path) {
  for (std::size_t k = path.size(); k-- > 0;) {
    const auto& f = path[k];
    if (f.type == "SglQuoted") {
      // bash keeps ' and $' literal inside "${...}" and in an unquoted
      // here-document's ${...} (checked with bash 5.2); mvdan/sh's tree has
      // quotes there, so the oracle follows bash.
      for (std::size_t j = k; j-- > 0;) {
        if (path[j].type == "CmdSubst") break;
        if (path[j].type == "DblQuoted") return Quoting::DoubleQuoted;
        if (path[j].key == "Hdoc" && !path[j].quoted_heredoc) return Quoting::DoubleQuoted;
      }
      return f.dollar ? Quoting::DollarSingleQuoted : Quoting::SingleQuoted;
    }
    if (f.type == "DblQuoted") return Quoting::DoubleQuoted;
    if (f.type == "ArithmExp" || f.type == "ArithmCmd" || f.type == "LetClause" || f.type == "CStyleLoop")
      return Quoting::Arithmetic;
    if (f.type == "ParamExp" && (f.key == "Index" || f.key == "Slice")) return Quoting::Arithmetic;
    if (f.key == "Hdoc")
      return f.quoted_heredoc ? Quoting::HeredocQuoted : Quoting::HeredocUnquoted;
    if (f.type == "CmdSubst") return Quoting::Unquoted;
    if (f.type == "ParamExp") {
      for (std::size_t j = k; j-- > 0;) {
        if (path[j].type == "CmdSubst") break;
        if (path[j].type == "DblQuoted") return Quoting::DoubleQuoted;
        if (path[j].key == "Hdoc")
          return path[j].quoted_heredoc ? Quoting::HeredocQuoted : Quoting::DoubleQuoted;
      }
      return Quoting::Unquoted;
    }
  }
  return Quoting::Unquoted;
}

bool word_is_quoted(const nlohmann::json& word) {
  if (!word.is_object() || !word.contains("Parts")) return false;
  for (const auto& part : word["Parts"]) {
    const auto type = part.value("Type", "");
    if (type == "SglQuoted" || type == "DblQuoted") return true;
    if (type == "Lit" && part.value("Value", "").find('\\') != std::string::npos) return true;
  }
  return false;
}

void walk(const nlohmann::json& node, std::vector<Frame>& path, std::vector<std::optional<Quoting>>& found,
          std::size_t markers) {
  if (node.is_object()) {
    const std::string type = node.value("Type", "");
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string& key = it.key();
      if (key == "Pos" || key == "End" || key == "Type") continue;
      Frame f{type, key, type == "SglQuoted" && node.value("Dollar", false), false};
      if (key == "Hdoc") f.quoted_heredoc = word_is_quoted(node.value("Word", nlohmann::json()));
      path.push_back(f);
      walk(it.value(), path, found, markers);
      path.pop_back();
    }
  } else if (node.is_array()) {
    for (const auto& item : node) walk(item, path, found, markers);
  } else if (node.is_string()) {
    const std::string& s = node.get_ref<const std::string&>();
    bool comment = false;
    for (const auto& f : path) comment = comment || f.key == "Comments";
    for (std::size_t k = 0; k < markers; ++k) {
      if (s.find(marker(k)) == std::string::npos) continue;
      found[k] = comment ? Quoting::Comment : classify(path);
    }
  }
}

std::string replace_markers(std::string text, const std::string& with_placeholder) {
  // '@' stands for a placeholder in the generated text.
  std::string out;
  std::size_t k = 0;
  for (char c : text) {
    if (c == '@') out += with_placeholder.empty() ? marker(k++) : with_placeholder;
    else out += c;
  }
  return out;
}

Quoting comparable(Quoting q) {
  return sg::render::is_directive(q) ? Quoting::Comment : q;
}

// Compares the model with the oracle on `text` ('@' marks placeholders).
// Returns "" when they agree (or the compiler refuses), else the disagreement.
std::string compare(const std::string& text, bool& compared) {
  compared = false;
  const auto json = shfmt_json(replace_markers(text, ""));
  if (!json) return "";  // the oracle rejects it: nothing to compare
  const auto tree = nlohmann::json::parse(*json, nullptr, false);
  if (tree.is_discarded()) return "shfmt printed no JSON";
  std::size_t markers = 0;
  for (char c : text) markers += c == '@';
  std::vector<std::optional<Quoting>> oracle(markers);
  std::vector<Frame> path;
  walk(tree, path, oracle, markers);
  const sg::compiler::Source source("t.tpl", replace_markers(text, "${CLEARML_TASK.name}"));
  const auto compiled = sg::compiler::compile(source);
  // Refusing is allowed, but not for a syntax error the bash parser does not
  // see. (A warning is no such claim: an extglob pattern with no shopt -s
  // extglob before it, which the oracle parses whatever the options. Nor is
  // a here-document body cut at its delimiter line while a $( or ` in it is
  // open: bash reads bodies line by line, as the model does, where the
  // oracle parses a here-document nested in the body as a whole; what
  // follows such a cut is read as bash reads it, and bash -n judges the
  // errors found there.)
  for (const auto& d : compiled.diagnostics)
    if (d.rule == "shell-syntax" && d.severity == sg::compiler::Severity::Error &&
        d.message.find("before the here-document's line") == std::string::npos &&
        run_on("bash -n", replace_markers(text, "")))
      return "the model reports a syntax error the bash parser accepts: " + d.message;
  if (!compiled.renderer) return "";  // refused
  const auto& placements = compiled.renderer->program().placements;
  compared = true;
  for (std::size_t k = 0; k < markers && k < placements.size(); ++k) {
    if (!oracle[k]) continue;  // e.g. a here-document delimiter the oracle keeps elsewhere
    const auto ours = comparable(placements[k].context.quoting);
    if (ours == Quoting::Arithmetic) continue;  // stricter is allowed
    if (ours != *oracle[k])
      return "placeholder " + std::to_string(k + 1) + ": model says " + std::string(sg::render::to_string(ours)) +
             ", bash parser says " + std::string(sg::render::to_string(*oracle[k]));
  }
  return "";
}

// A small shell grammar; '@' is a placeholder. Bounded depth and size.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : seed_(seed) {}
  std::string script() {
    std::string s = "#!/bin/bash\n";
    if (pick(2)) s += "#SBATCH --comment=" + std::string(pick(2) ? "@" : "\"x @\"") + "\n";
    for (int k = 0, n = 1 + pick(4); k < n; ++k) s += statement(0) + "\n";
    return s;
  }

 private:
  int pick(int n) {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((seed_ >> 33) % static_cast<std::uint64_t>(n));
  }
  std::string word(int depth) {
    std::string w;
    for (int k = 0, n = 1 + pick(2); k < n; ++k) w += piece(depth);
    return w;
  }
  std::string piece(int depth) {
    const int limit = depth > 2 ? 5 : 14;
    switch (pick(limit)) {
      case 0: return "x";
      case 1: return "@";
      case 2: return "\"a @ b\"";
      case 3: return "'s @'";
      case 4: return "$'d @'";
      case 5: return "${V:-" + word(depth + 1) + "}";
      case 6: return "\"${V:-" + word(depth + 1) + "}\"";
      case 7: return "$(" + statement(depth + 1) + ")";
      case 8: return "\"$(" + statement(depth + 1) + ")\"";
      case 9: return "$(( @ + 1 ))";
      case 10: return "${a[@]:-y}";
      case 11: return "\"${V#@}\"";
      case 13: return "\"${V/@/r}\"";
      default: return "${V:-/p:@}";
    }
  }
  std::string statement(int depth) {
    const int limit = depth > 1 ? 3 : 15;
    switch (pick(limit)) {
      case 0: return "echo " + word(depth) + " " + word(depth);
      case 1: return "v=" + word(depth);
      case 2: return "printf '%s\\n' " + word(depth) + " # note @";
      case 3: return "cat <<EOF\nbody " + word(depth) + "\nEOF";
      case 4: return "cat <<'EOF'\nbody @ $(x)\nEOF";
      case 5: return "f() { echo " + word(depth) + "; }";
      case 6: return "case " + word(depth) + " in a) echo " + word(depth) + " ;; esac";
      case 7: return "if [[ " + word(depth) + " == x ]]; then echo " + word(depth) + "; fi";
      case 8: return "(( n = @ + 1 ))";
      case 9: return "cat <<-EOF\n\tbody " + word(depth) + "\n\tEOF";
      case 10: return "cat <<EOF\nline \\\nEOF\n" + word(depth) + "\nEOF";
      case 11: return "x=$(case " + word(depth) + " in a) echo " + word(depth) + " ;; esac)";
      case 12: return "x=`echo @ \"a @\"`";
      case 13: return "ls !(#x|y z;<w>) " + word(depth);  // extglob: one word to its ')'
      default: return "x=$(\ncat <<EOF\n" + word(depth + 1) + "\nEOF\n)";
    }
  }
  std::uint64_t seed_;
};

bool have_shfmt() { return std::system("shfmt --version >/dev/null 2>&1") == 0; }

TEST(ShellModelDifferential, ShippedTemplatesAgreeWithABashParser) {
  ASSERT_TRUE(have_shfmt()) << "shfmt is missing: run tools/setup-debian.sh";
  int compared_count = 0;
  for (const auto& dir : {"templates", "tests/golden/templates"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".tpl") continue;
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      // Placeholders become '@' (the templates write none).
      std::string text = ss.str(), marked;
      for (std::size_t at = 0; at < text.size();) {
        const auto b = text.find("${CLEARML_", at);
        if (b == std::string::npos) {
          marked += text.substr(at);
          break;
        }
        marked += text.substr(at, b - at);
        const auto e = text.find('}', b);
        const std::string name = text.substr(b, e - b + 1);
        // Code slots are code, not values: a plain command stands in for them.
        marked += name.find("_SETUP}") != std::string::npos || name.find("AGENT_EXECUTE") != std::string::npos
                      ? "true"
                      : "@";
        at = e + 1;
      }
      bool compared = false;
      EXPECT_EQ(compare(marked, compared), "") << entry.path() << ":\n" << marked;
      compared_count += compared;
    }
  }
  EXPECT_GE(compared_count, 5);
}

TEST(ShellModelDifferential, GeneratedTemplatesAgreeWithABashParser) {
  ASSERT_TRUE(have_shfmt()) << "shfmt is missing: run tools/setup-debian.sh";
  int compared_count = 0;
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    Generator g(seed * 0x9e3779b97f4a7c15ULL);
    const std::string text = g.script();
    bool compared = false;
    const auto why = compare(text, compared);
    EXPECT_EQ(why, "") << "seed " << seed << ":\n" << text;
    compared_count += compared;
  }
  std::printf("compared %d generated templates with shfmt\n", compared_count);
  EXPECT_GE(compared_count, 1000);
}

}  // namespace
