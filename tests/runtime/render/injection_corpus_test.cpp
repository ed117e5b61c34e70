// The safety promise, tested the hard way: hostile task values in every
// context the compiler knows are rendered, checked with `bash -n`, then run
// by bash with a canary command inside the value. The canary must never run,
// the shell must read the value back byte for byte (after the language's
// newline filter), and every #SBATCH line must split, by sbatch's rules, into
// the same options as with a benign value.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "compiler/compile.hpp"
#include "grammar/sbatch_directive.hpp"
#include "runtime/render/escape.hpp"
#include "runtime/render/filters.hpp"
#include "tests/support/temp_pattern.hpp"

namespace sg = slurmglue;
namespace fs = std::filesystem;

namespace {

struct Context {
  std::string name;
  std::string body;       // shell lines; @ stands for the placeholder; $OUT is the read-back file
  bool reads_back;        // the lines write "<value>\n" to $OUT
  bool accepts_any_text;  // every value without NUL must render here
};

// Each context writes what the shell made of the value between < and >.
const std::vector<Context>& contexts() {
  static const std::vector<Context> k{
      {"unquoted", "printf '<%s>\\n' @ >> \"$OUT\"", true, true},
      {"unquoted-assignment", "v=@\nprintf '<%s>\\n' \"$v\" >> \"$OUT\"", true, true},
      {"double-quoted", "printf '<%s>\\n' \"@\" >> \"$OUT\"", true, true},
      {"single-quoted", "printf '<%s>\\n' '@' >> \"$OUT\"", true, true},
      {"dollar-single-quoted", "printf '<%s>\\n' $'@' >> \"$OUT\"", true, true},
      {"comment", "# a comment with @ in it\nprintf '<%s>\\n' after-comment >> \"$OUT\"", false, true},
      {"heredoc", "cat >> \"$OUT\" <<EOF\n<@>\nEOF", true, true},
      {"heredoc-quoted", "cat >> \"$OUT\" <<'EOF'\n<@>\nEOF", true, true},
      {"heredoc-strip-tabs", "cat >> \"$OUT\" <<-EOF\n\t<@>\n\tEOF", true, true},
      {"heredoc-alone-on-line", "cat > /dev/null <<EOF\n@\nEOF\nprintf '<%s>\\n' after-heredoc >> \"$OUT\"", false,
       true},
      {"heredoc-parameter-default", "cat >> \"$OUT\" <<EOF\n<${UNSET_VARIABLE:-@}>\nEOF", true, true},
      {"heredoc-command-substitution", "cat >> \"$OUT\" <<EOF\n<$(printf '%s' \"@\")>\nEOF", true, true},
      {"command-substitution", "printf '<%s>\\n' \"$(printf '%s' \"@\")\" >> \"$OUT\"", true, true},
      {"command-substitution-unquoted", "x=$(printf '%s' @)\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      {"backticks", "x=`printf '%s' @`\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      {"parameter-default-quoted", "printf '<%s>\\n' \"${UNSET_VARIABLE:-@}\" >> \"$OUT\"", true, true},
      {"parameter-default-unquoted", "x=${UNSET_VARIABLE:-@}\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      // Places a security review found the lexer or the escapers got wrong.
      {"dollar-quote-in-parameter", "x=${UNSET_VARIABLE:-$'@'}\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      {"case-in-command-substitution",
       "x=\"$(case a in a) printf '%s' '@' ;; esac)\"\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      {"comment-in-backticks", "x=`# @\necho hi`\nprintf '<%s>\\n' \"$x\" >> /dev/null", false, false},
      {"heredoc-in-command-substitution", "x=$(cat <<EOF\n<@>\nEOF\n)\nprintf '%s\\n' \"$x\" >> \"$OUT\"", true,
       true},
      // Issue 8, class A: places the lexer once read differently from bash.
      // bash 5.2 puts the match for each unquoted '&' of a replacement.
      {"pattern-replacement-quoted", "s=abc\nprintf '<%s>\\n' \"${s/abc/@}\" >> \"$OUT\"", true, true},
      {"pattern-replacement-unquoted", "s=abc\nx=${s/abc/@}\nprintf '<%s>\\n' \"$x\" >> \"$OUT\"", true, true},
      {"default-word-with-colon", "x=\"${U1:-/s:${U2:-@}}\"\nprintf '<%s>\\n' \"${x#/s:}\" >> \"$OUT\"", true, true},
      {"default-word-url", "x=\"${U1:-http://@}\"\nprintf '<%s>\\n' \"${x#http://}\" >> \"$OUT\"", true, true},
      {"default-word-bracket", "x=\"${U1:-[@]}\"\nprintf '<%s>\\n' \"${x:1:${#x}-2}\" >> \"$OUT\"", true, true},
      {"heredoc-line-continuation", "cat > /dev/null <<EOF\n<@>\\\nEOF\nEOF\nprintf '<%s>\\n' after >> /dev/null", false,
       true},
      {"heredoc-in-multiline-substitution", "x=$(\ncat <<EOF\n<@>\nEOF\n)\nprintf '%s\\n' \"$x\" >> \"$OUT\"", true,
       true},
      {"single-quoted-in-export", "export V='@'\nprintf '<%s>\\n' \"$V\" >> \"$OUT\"", true, true},
      // Class B: a stored value reaching arithmetic, indirection and -v later.
      {"stored-then-arithmetic",
       "N=\"@\"\n( (( N > 0 )) ) 2>/dev/null || true\n( [[ $N -gt 0 ]] ) 2>/dev/null || true\n"
       "( declare -i M=0; M=$N ) 2>/dev/null || true\n( [[ -v $N ]] ) 2>/dev/null || true\n"
       "( echo \"${!N}\" ) >/dev/null 2>&1 || true\nprintf '<%s>\\n' \"$N\" >> \"$OUT\"",
       true, false},
      // Values that meet only once combined, or through a variable that names another.
      {"stored-concatenated-then-arithmetic",
       "A=\"@\"\nB=\"@\"\nV=\"${A}${B}\"\n( [[ $V -gt 1 ]] ) 2>/dev/null || true", false, false},
      {"stored-key-then-indirect",
       "KEY=\"R[@]\"\n( [[ -v $KEY ]] ) 2>/dev/null || true\n( echo \"${!KEY}\" ) >/dev/null 2>&1 || true", false,
       false},
      // Data paths that stay open to any text.
      {"environment-for-sh-c", "NAME=@ sh -c 'printf \"<%s>\\n\" \"$NAME\"' >> \"$OUT\"", true, true},
      {"heredoc-piped-to-cat", "cat <<'EOF' | cat >> \"$OUT\"\n<@>\nEOF", true, true},
      {"parameter-subscript", "arr=(1 2)\nx=${arr[ @ ]:-} 2>/dev/null || true", false, false},
      // An associative array's keys are strings, expanded once.
      // (One key, read back whole: "${!P[*]}" of a one-key array.)
      {"associative-key-assignment", "declare -A P\nP[@]=1\nIFS=\nprintf '<%s>\\n' \"${!P[*]}\" >> \"$OUT\"", true,
       true},
      {"associative-key-quoted", "declare -A P\nP['@']=1\nIFS=\nprintf '<%s>\\n' \"${!P[*]}\" >> \"$OUT\"", true, true},
      {"associative-key-double-quoted", "declare -A P\nP[\"@\"]=1\nIFS=\nprintf '<%s>\\n' \"${!P[*]}\" >> \"$OUT\"", true,
       true},
      {"associative-key-compound", "declare -A P=([@]=1)\nIFS=\nprintf '<%s>\\n' \"${!P[*]}\" >> \"$OUT\"", true,
       true},
      {"associative-key-lookup", "declare -A P=([k0]=v)\nx=${P[@]:-}\ny=\"${#P[@]}\"\nprintf '<%s>\\n' \"$x$y\" >> /dev/null",
       false, false},
      {"substring-offset", "s=hello\nx=${s: @ :2} 2>/dev/null || true", false, false},
      {"let", "let n=@ 2>/dev/null || true", false, false},
      {"declare-integer", "declare -i n\nn=@ 2>/dev/null || true", false, false},
      {"double-brackets-indirect", "tag=@\nif [[ tag -gt 0 ]] 2>/dev/null; then :; fi", false, false},
      {"arithmetic-for", "for (( i = 0; i < @; i++ )); do :; done", false, false},
      {"arithmetic", "x=$(( @ + 0 ))\nprintf '<%s>\\n' \"$x\" >> /dev/null", false, false},
      {"double-brackets", "if [[ \"@\" == x ]]; then :; fi\nif [[ @ -eq 1 ]]; then :; fi", false, false},
      {"case-word", "case @ in *) printf '<%s>\\n' ok >> /dev/null ;; esac", false, true},
      // Digits or {NAME} right before '>' would be the redirection's descriptor.
      {"before-redirection", "printf '<%s>\\n' @>>\"$OUT\"", true, true},
  };
  return k;
}

// #SBATCH forms: the value must stay one option value.
const std::vector<std::string>& directive_lines() {
  static const std::vector<std::string> k{
      "#SBATCH --job-name=@",
      "#SBATCH --comment=\"@\"",
      "#SBATCH --comment='@'",
      "#SBATCH --comment @",
      "#SBATCH -J @",
      "#SBATCH --comment=x # trailing comment @",
      "#SBATCH --comment=prefix-@-suffix --hold",
      "#SBATCH --container-mounts=/datasets/@:/data:ro",
      "#SBATCH --export=ALL,N=@",
      "#SBATCH --output=logs/@.log",
  };
  return k;
}

// The placeholder begins an argument of printf (not after an option).
bool begins_argument(const std::string& body) {
  for (const char* form : {" @", " \"@", " '@", " $'@"})
    if (body.find(form) != std::string::npos && body.find("printf") != std::string::npos) return true;
  return false;
}

std::vector<std::string> hostile_values(const std::string& canary) {
  const std::string t = "touch " + canary;
  return {
      "plain-value_1.0",
      "",
      "$(" + t + ")",
      "`" + t + "`",
      "'; " + t + "; '",
      "\"; " + t + "; \"",
      "\\\"; " + t + "; \\\"",
      "a\\",
      "\\",
      "\\'",
      "x\n" + t,
      "x\r\n" + t,
      "#; " + t,
      "; " + t,
      "a && " + t,
      "x&y\\&z&&",  // & in a pattern replacement is the match
      "a || " + t,
      "a | " + t,
      "a > " + canary,
      "$((1+1))",
      "${HOME}",
      "$HOME",
      "~",
      "~root",
      "*",
      "{a,b}",
      "-x --wrap=" + t,
      " --hold",
      "debug --partition=evil",
      "value --hold",
      "a\tb",
      "hetjob",
      "EOF",
      "EOF\n" + t + "\nEOF",
      "'",
      "\"",
      "$'",
      ")",
      "}",
      "]]",
      "a[$(" + t + ")]",
      "x[$(" + t + ")]",
      "LD_PRELOAD=/nonexistent.so",
      "ünïcödé 日本語",
      std::string(100000, 'A') + "$(" + t + ")",
      std::string("a\0b", 3),
      "\x01\x02\x7f",
      "--",
      "-",
      "=",
      "!",
      "!!",
      "%",
      "$",
      "a b  c",
      // Issue 8: classes B (subscripts without "$("), D (options), E
      // (multibyte lead bytes before a quote or backslash), F (list elements).
      "x[${Q:-\"$\"(" + t + ")}]",
      "x[$'\\x24'(" + t + ")]",
      "-c__import__('os').system('" + t + "')",
      "--output=" + canary,
      "\x81\"; " + t + "; \"",
      "\x81`" + t + "`",
      "\xa4\\\"; " + t + " #",
      "\x81'; " + t + "; '",
      "\xe6\x97\xa5$(" + t + ")",
      "x:/data:ro,/:/host",
      "1,BASH_FUNC_f%%=() { " + t + "; }",
      "../../..",
      "2",
      "{PATH}",
      "fd}",
  };
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What a ScriptBatch gives as the status of a script bash cannot parse.
constexpr int kDoesNotParse = 199;

// How one script of a ScriptBatch went.
struct ScriptRun {
  int status = -1;      // its exit status; kDoesNotParse when `bash -n` failed
  bool canary = false;  // the canary file was there after it ran
  std::string out;      // what it wrote to $OUT
};

// Scripts run by bash, each in a directory of its own with OUT naming its
// output file, all from one driver shell: the corpus runs thousands of
// scripts, and forking this (sanitized, large) process for each cost more
// than the scripts. A script that fails is then checked with `bash -n`; one
// that exits 0 without exit, exec or trap in its text was read to its end
// by a non-interactive bash, which exits 2 at a syntax error, so a second
// bash would only halve the corpus's speed (one with them is always checked).
// The driver looks for the canary after each script and removes it, so every
// script is judged alone.
class ScriptBatch {
 public:
  ScriptBatch(fs::path dir, std::string canary) : dir_(std::move(dir)), canary_(std::move(canary)) {}

  // `env`: assignments for both bash runs ("LC_ALL=zh_CN.GBK "). A script
  // added again with the same env (a value that the |raw filter leaves as
  // it is renders the same script) runs once and gives both its run.
  void add(const std::string& script, const std::string& env = "") {
    const auto [it, added] = run_of_.try_emplace(env + '\0' + script, envs_.size());
    runs_.push_back(it->second);
    if (!added) return;
    const auto at = dir_ / std::to_string(envs_.size());
    fs::create_directories(at);
    std::ofstream(at / "script.sh", std::ios::binary) << script;
    envs_.push_back(env);
    // ("exec " and "trap ": not clearml-agent execute.)
    may_stop_early_.push_back(script.find("exit") != std::string::npos || script.find("exec ") != std::string::npos ||
                              script.find("trap ") != std::string::npos);
  }

  std::vector<ScriptRun> run() const {
    std::ostringstream driver;
    driver << "exec </dev/null\n";
    for (std::size_t k = 0; k < envs_.size(); ++k) {
      const std::string at = (dir_ / std::to_string(k)).string();
      // A CPU-time limit instead of timeout(1): one program less to start
      // per script (a script that hangs idle is caught by the test's timeout).
      driver << "cd '" << at << "' && { (ulimit -t 20; OUT='" << at << "/out' " << envs_[k]
             << "exec bash script.sh >/dev/null 2>&1); s=$?; " << (may_stop_early_[k] ? "" : "[ $s = 0 ] || ") << envs_[k]
             << "bash -n script.sh 2>/dev/null || s="
             << kDoesNotParse << "; c=0; [ -e '" << canary_ << "' ] && { c=1; rm -f '" << canary_
             << "'; }; echo \"$s $c\" >status; }\n";
    }
    std::ofstream(dir_ / "driver.sh") << driver.str();
    EXPECT_EQ(::run("bash '" + (dir_ / "driver.sh").string() + "' >/dev/null 2>&1"), 0);
    std::vector<ScriptRun> runs(envs_.size());
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const auto at = dir_ / std::to_string(k);
      std::istringstream status(read_file(at / "status"));
      int canary = 0;
      // No status: the driver never got to it (a script killed it).
      EXPECT_TRUE(status >> runs[k].status >> canary) << "script " << k << " was not run";
      runs[k].canary = canary != 0;
      runs[k].out = read_file(at / "out");
    }
    std::vector<ScriptRun> added;
    for (const auto k : runs_) added.push_back(runs[k]);
    return added;
  }

 private:
  fs::path dir_;
  std::string canary_;
  std::vector<std::string> envs_;                 // of each script to run
  std::vector<bool> may_stop_early_;              // of each script to run: exit, exec or trap in its text
  std::map<std::string, std::size_t> run_of_;     // env and script -> the script's run
  std::vector<std::size_t> runs_;                 // of each add(): its script's run
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

std::string printable(const std::string& v) {
  std::string out;
  for (unsigned char c : v.substr(0, 80)) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return v.size() > 80 ? out + "..." : out;
}

class InjectionCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pattern = slurmglue::test::temp_pattern("slurmglue-injection");
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    canary_ = (dir_ / "canary").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Renders `tpl` with the task name set to `value`. Returns false on a render error.
  bool render(const std::string& tpl, const std::string& value, std::string& script, std::string& why) {
    const sg::compiler::Source source("corpus.tpl", tpl);
    const auto compiled = sg::compiler::compile(source);
    if (!compiled.renderer) {
      ADD_FAILURE() << "template does not compile:\n" << tpl << "\nfirst problem: "
                    << (compiled.diagnostics.empty() ? "" : compiled.diagnostics.front().message);
      return false;
    }
    sg::render::Values values;
    values.task = {{"id", "0123456789abcdef"}, {"name", value}};
    std::vector<sg::render::RenderError> errors;
    if (compiled.renderer->render(values, script, errors)) return true;
    why = errors.empty() ? "?" : errors.front().message;
    return false;
  }

  fs::path dir_;
  std::string canary_;
};

std::string expected_value(const std::string& raw_value, bool raw_filter) {
  std::vector<sg::render::Filter> filters;
  if (raw_filter) filters.push_back({sg::render::Filter::Kind::Raw, {}, false});
  return sg::render::apply_filters(raw_value, filters);
}

// A rendered script of a batch and what to expect of it.
struct Expectation {
  std::string trace;
  std::string script;
  bool reads_back = false;
  std::string expected_out;
};

// Runs the batch and checks each script: bash parses it, the canary never
// runs, and a context that reads the value back gets it exactly.
void check_runs(const ScriptBatch& batch, const std::vector<Expectation>& expectations, bool reads_back_succeeds) {
  const auto runs = batch.run();
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const auto& e = expectations[k];
    SCOPED_TRACE(e.trace);
    EXPECT_NE(runs[k].status, kDoesNotParse) << "bash -n fails on:\n" << e.script;
    EXPECT_FALSE(runs[k].canary) << "THE CANARY RAN. Script:\n" << e.script;
    if (!e.reads_back) continue;
    if (reads_back_succeeds) {
      EXPECT_EQ(runs[k].status, 0) << e.script;
    }
    EXPECT_EQ(runs[k].out, e.expected_out) << e.script;
  }
}

TEST_F(InjectionCorpus, ShellContextsNeverRunTheValueAndReadItBackExactly) {
  int rendered = 0, refused = 0;
  ScriptBatch batch(dir_ / "runs", canary_);
  std::vector<Expectation> expectations;
  for (const bool raw : {false, true}) {
    const std::string placeholder = raw ? "${CLEARML_TASK.name|raw}" : "${CLEARML_TASK.name}";
    for (const auto& ctx : contexts()) {
      for (const auto& value : hostile_values(canary_)) {
        SCOPED_TRACE("context " + ctx.name + (raw ? " |raw" : "") + ", value '" + printable(value) + "'");
        const std::string tpl = "#!/bin/bash\nset -u\n" + replace_all(ctx.body, "@", placeholder) + "\n";
        std::string script, why;
        const bool has_nul = value.find('\0') != std::string::npos;
        if (!render(tpl, value, script, why)) {
          ++refused;
          EXPECT_FALSE(why.empty());
          if (ctx.accepts_any_text && !has_nul) {
            // Only a line break that would end a comment or a here-document, or
            // that sbatch refuses, may be refused there.
            const auto expected = expected_value(value, raw);
            const bool has_line_break = expected.find('\n') != std::string::npos;
            const bool has_delimiter_line = expected == "EOF" || expected.find("\nEOF") != std::string::npos ||
                                            expected.rfind("EOF\n", 0) == 0;
            const bool has_dos_line_break = expected.find("\r\n") != std::string::npos;  // sbatch rejects those
            // a[$(...)], a[${...}], a[`...`] run code in any arithmetic: refused where bash expands.
            const auto bracket = expected.find('[');
            bool subscript_code = false;
            for (auto k = bracket; bracket != std::string::npos && k < expected.size(); ++k) {
              const char n = k + 1 < expected.size() ? expected[k + 1] : '\0';
              subscript_code = subscript_code || expected[k] == '`' ||
                               (expected[k] == '$' && n && (std::isalnum(static_cast<unsigned char>(n)) || n == '_' ||
                                                            std::string_view("({['\"@*#?-$!").find(n) != std::string_view::npos));
            }
            // A value starting with '-' where it begins a command's argument
            // (printf's, here) would be an option: refused there.
            const bool option_like = !expected.empty() && expected[0] == '-' && begins_argument(ctx.body);
            // An associative array has no empty key.
            const bool empty_key = expected.empty() && ctx.name.rfind("associative-key", 0) == 0;
            // Exported under a name no rule knows: no path from '/' or '~'
            // or climbing.
            const bool exported = ctx.name == "single-quoted-in-export" || ctx.name == "environment-for-sh-c";
            const bool path = (!expected.empty() && (expected[0] == '/' || expected[0] == '~')) || expected == ".." ||
                              expected.rfind("../", 0) == 0 || expected.find("/..") != std::string::npos;
            // In a URL's host ("${U1:-http://VALUE}"): nothing that would name
            // another server ('/', '\', '@', '?', '#', a blank or control
            // character, ':' but before a port).
            const auto colon = expected.find(':');
            const bool url_host =
                ctx.name == "default-word-url" &&
                (expected.find_first_of("/\\@?#") != std::string::npos ||
                 std::any_of(expected.begin(), expected.end(), [](char ch) { return static_cast<unsigned char>(ch) <= 0x20; }) ||
                 (colon != std::string::npos &&
                  (colon + 1 == expected.size() || expected.find_first_not_of("0123456789", colon + 1) != std::string::npos)));
            EXPECT_TRUE(has_dos_line_break || subscript_code || option_like || empty_key || (exported && path) || url_host ||
                        (has_line_break && ctx.name == "comment") ||
                        (ctx.name.rfind("heredoc", 0) == 0 && (has_delimiter_line)))
                << "refused an ordinary text value: " << why;
          }
          continue;
        }
        ++rendered;
        EXPECT_FALSE(has_nul) << "a NUL byte was rendered";
        batch.add(script);
        expectations.push_back({"context " + ctx.name + (raw ? " |raw" : "") + ", value '" + printable(value) + "'",
                                script, ctx.reads_back, "<" + expected_value(value, raw) + ">\n"});
      }
    }
  }
  check_runs(batch, expectations, /*reads_back_succeeds=*/true);
  EXPECT_GT(rendered, 500);
  EXPECT_GT(refused, 0);
}

// Issue class E: under GBK or Big5 a byte >= 0x80 can swallow the '\\' or
// quote after it. Values that are not plain words are references to pure-ASCII
// $'...' assignments, so no locale can reread the script: run each context with
// lead-byte values under C.UTF-8, GBK and Big5 (made by tools/setup-debian.sh
// with localedef).
TEST_F(InjectionCorpus, MultibyteLocalesCannotRereadTheScript) {
  const std::string t = "touch " + canary_;
  const std::vector<std::string> values = {
      "\x81\"; " + t + "; \"", "\x81`" + t + "`", "\xa4\\\"; " + t + " #", "\x81'; " + t + "; '",
      "\xa4\\$(" + t + ")", "\xe6\x97\xa5 $(" + t + ")", "\x81\\", "\xa4\\'"};
  ScriptBatch batch(dir_ / "runs", canary_);
  std::vector<Expectation> expectations;
  const std::string available = [] {
    std::string out;
    FILE* p = ::popen("locale -a", "r");
    char buf[256];
    while (p && std::fgets(buf, sizeof buf, p)) out += buf;
    if (p) ::pclose(p);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }();
  for (const std::string locale : {"C.UTF-8", "zh_CN.GBK", "zh_TW.BIG5"}) {
    std::string lower;
    for (char c : locale) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    lower = replace_all(lower, "utf-8", "utf8");
    ASSERT_NE(available.find(lower), std::string::npos) << "locale " << locale
                                                          << " is missing: run tools/setup-debian.sh";
    for (const auto& ctx : contexts()) {
      for (const auto& value : values) {
        SCOPED_TRACE("locale " + locale + ", context " + ctx.name + ", value '" + printable(value) + "'");
        const std::string tpl = "#!/bin/bash\nset -u\n" + replace_all(ctx.body, "@", "${CLEARML_TASK.name}") + "\n";
        std::string script, why;
        if (!render(tpl, value, script, why)) continue;
        const bool literal_context = ctx.name == "comment" || ctx.name == "heredoc-quoted" ||
                                     ctx.name == "heredoc-piped-to-cat" ||
                                     ctx.name == "comment-in-backticks";
        if (!literal_context) {
          for (unsigned char c : script) ASSERT_LT(c, 0x80) << "not pure ASCII:\n" << script;
        }
        batch.add(script, "LC_ALL=" + locale + " ");
        expectations.push_back({"locale " + locale + ", context " + ctx.name + ", value '" + printable(value) + "'",
                                script, ctx.reads_back, "<" + expected_value(value, false) + ">\n"});
      }
    }
  }
  check_runs(batch, expectations, /*reads_back_succeeds=*/false);
}

// Values drawn at random (fixed seed) from an alphabet of shell and sbatch
// metacharacters, in every context: the same promises as the corpus.
TEST_F(InjectionCorpus, RandomValuesKeepThePromise) {
  const std::string alphabet = "ab -=:,./'\"\\$`(){}[]<>|&;#*?~!%^\t\n\r\x01" + std::string("EOF") + "\xc3\xa9";
  std::uint64_t seed = 0x5eedf00d;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(seed >> 33);
  };
  int rendered = 0;
  for (int round = 0; round < 12; ++round) {
    for (const auto& ctx : contexts()) {
      std::string value;
      const std::size_t length = next() % 24;
      for (std::size_t k = 0; k < length; ++k) value += alphabet[next() % alphabet.size()];
      SCOPED_TRACE("context " + ctx.name + ", value '" + printable(value) + "'");
      const std::string tpl = "#!/bin/bash\nset -u\n" + replace_all(ctx.body, "@", "${CLEARML_TASK.name|raw}") + "\n";
      std::string script, why;
      if (!render(tpl, value + "$(touch " + canary_ + ")", script, why)) continue;
      ++rendered;
      write_file(dir_ / "script.sh", script);
      fs::remove(canary_);
      ASSERT_EQ(run("bash -n '" + (dir_ / "script.sh").string() + "' 2>/dev/null"), 0) << script;
      run("cd '" + dir_.string() + "' && OUT='" + (dir_ / "out").string() + "' timeout 20 bash script.sh >/dev/null 2>&1");
      EXPECT_FALSE(fs::exists(canary_)) << "THE CANARY RAN. Script:\n" << script;
    }
  }
  EXPECT_GT(rendered, 100);
}

// Templates nobody wrote: the shipped ones with random shell fragments
// inserted. The compiler must not crash on any of them, and where one
// compiles, a hostile value must leave the script exactly as parseable by
// bash as a benign value does.
TEST_F(InjectionCorpus, MutatedTemplatesParseTheSameWithHostileValues) {
  static const char* kFragments[] = {"\"", "'", "`", "$(", ")", "${", "}", "\\", "\n", "#", " # ", "<<EOF\n",
                                     "\nEOF\n", "<<'X'\n", "$((", "[[ ", " ]]", "$'", ";", "${CLEARML_TASK.name}",
                                     "\"${CLEARML_TASK.name}\"", "'${CLEARML_TASK.name}'", "#SBATCH --comment=",
                                     "$${CLEARML_", "${CLEARML_", "\t", "arr[", "]", "(( "};
  std::uint64_t seed = 0xfeedbeef;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(seed >> 33);
  };
  std::vector<std::string> bases;
  // Sorted, and each draw in its own statement: the sequence of templates
  // must not depend on the directory's order or on the compiler's order of
  // evaluating arguments (gcc and clang differ).
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator("templates")) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) bases.push_back(read_file(path));
  ASSERT_FALSE(bases.empty());
  const std::string hostile = "a'b\"c $(touch " + canary_ + ") `touch " + canary_ + "` \\ EOF } ) ]] # ;";
  int compared = 0;
  for (int round = 0; round < 1000; ++round) {
    std::string tpl = bases[next() % bases.size()];
    for (int m = 0, count = 1 + static_cast<int>(next() % 3); m < count; ++m) {
      const char* fragment = kFragments[next() % std::size(kFragments)];
      tpl.insert(next() % (tpl.size() + 1), fragment);
    }
    SCOPED_TRACE("template:\n" + tpl);
    const sg::compiler::Source source("mutated.tpl", tpl);
    const auto compiled = sg::compiler::compile(source);  // must not crash, whatever the input
    if (!compiled.renderer) continue;
    sg::render::Values values;
    std::string benign, evil;
    std::vector<sg::render::RenderError> errors;
    values.task = {{"id", "id1"}, {"name", "benign"}};
    if (!compiled.renderer->render(values, benign, errors)) continue;
    values.task["name"] = hostile;
    if (!compiled.renderer->render(values, evil, errors)) continue;
    write_file(dir_ / "benign.sh", benign);
    write_file(dir_ / "evil.sh", evil);
    const int benign_ok = run("bash -n '" + (dir_ / "benign.sh").string() + "' 2>/dev/null");
    const int evil_ok = run("bash -n '" + (dir_ / "evil.sh").string() + "' 2>/dev/null");
    EXPECT_EQ(benign_ok, evil_ok) << "benign:\n" << benign << "\nhostile:\n" << evil;
    ++compared;
  }
  // 119 with this seed and the shipped templates as they are (the draws
  // depend on their text); the bound catches mutations that stopped
  // producing templates that compile.
  EXPECT_GT(compared, 100);
  std::printf("compared %d mutated templates\n", compared);
}

// The options getopt would see on each #SBATCH line of `script`.
std::vector<std::vector<std::string>> directive_words(const std::string& script) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#SBATCH", 0) != 0) continue;
    auto split = sg::grammar::sbatch::split(std::string_view(line).substr(7));
    std::vector<std::string> words;
    for (auto& w : split.words) words.push_back(w.text);
    words.push_back("<shape " + std::to_string(sg::grammar::sbatch::shape_flags(split)) + ">");
    out.push_back(words);
  }
  return out;
}

TEST_F(InjectionCorpus, DirectiveValuesStayOneOptionValue) {
  int rendered = 0;
  for (const auto& form : directive_lines()) {
    const std::string tpl = "#!/bin/bash\n" + replace_all(form, "@", "${CLEARML_TASK.name}") + "\necho done\n";
    std::string benign_script, why;
    ASSERT_TRUE(render(tpl, "benign", benign_script, why)) << form << ": " << why;
    const auto benign = directive_words(benign_script);
    ASSERT_EQ(benign.size(), 1u);
    for (const auto& value : hostile_values(canary_)) {
      SCOPED_TRACE(form + " with '" + printable(value) + "'");
      std::string script;
      if (!render(tpl, value, script, why)) {
        EXPECT_FALSE(why.empty());
        continue;
      }
      ++rendered;
      const auto got = directive_words(script);
      ASSERT_EQ(got.size(), 1u) << script;
      ASSERT_EQ(got[0].size(), benign[0].size()) << script;
      const auto expected = expected_value(value, false);
      for (std::size_t w = 0; w < got[0].size(); ++w) {
        // Every word is what the benign line has, with the value in place of "benign".
        EXPECT_EQ(got[0][w], replace_all(benign[0][w], "benign", expected)) << script;
      }
      // Class F: the value stays inside its element of a list option, and
      // paths do not climb.
      if (form.find("--container-mounts") != std::string::npos) {
        EXPECT_EQ(expected.find_first_of(",:"), std::string::npos) << script;
      }
      if (form.find("--export") != std::string::npos) {
        EXPECT_EQ(expected.find(','), std::string::npos) << script;
      }
      if (form.find("--output") != std::string::npos || form.find("--container-mounts") != std::string::npos) {
        EXPECT_EQ(("/" + expected + "/").find("/../"), std::string::npos) << script;
      }
      write_file(dir_ / "script.sh", script);
      fs::remove(canary_);
      EXPECT_EQ(run("bash -n '" + (dir_ / "script.sh").string() + "'"), 0);
      run("cd '" + dir_.string() + "' && timeout 20 bash script.sh >/dev/null 2>&1");
      EXPECT_FALSE(fs::exists(canary_)) << "THE CANARY RAN. Script:\n" << script;
    }
  }
  EXPECT_GT(rendered, 100);
}

// |words after a script: hostile lists reach the script as exactly the
// words a shell would split them into, one argument each, and never run.
TEST_F(InjectionCorpus, WordListsReachTheScriptWordForWord) {
  // (A script the template does not write: one it writes may pass its arguments anywhere.)
  write_file(dir_ / "args.sh", "for a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n");
  const std::string tpl = "#!/bin/bash\nset -u\nbash '" + (dir_ / "args.sh").string() +
                          "' ${CLEARML_TASK.name|words} >> out\n";  // (out is $OUT: the script runs in its directory)
  const std::vector<std::string> values{
      "--lr 0.1 --name 'my run'", "$(touch " + canary_ + ")", "a;touch " + canary_ + " b", "`touch " + canary_ + "`",
      "\"x y\" 'z' \\w", "-c 'touch " + canary_ + "'", "*", "$HOME ${PATH} $((1+1))", "a\tb  c", "'$(x)' \"$(y)\"",
      "\xe9\x5c\x5c \x81\x5c\x5c", "", "-- -x --"};
  ScriptBatch batch(dir_ / "batch", canary_);
  std::vector<std::vector<std::string>> expected;
  for (const auto& value : values) {
    std::string script, why;
    if (!render(tpl, value, script, why)) continue;
    batch.add(script);
    std::vector<std::string> words;
    ASSERT_EQ(sg::render::split_words(value, words), nullptr) << value;
    expected.push_back(words);
  }
  ASSERT_EQ(expected.size(), values.size());  // every value here splits, so every one renders
  const auto runs = batch.run();
  for (std::size_t k = 0; k < runs.size(); ++k) {
    SCOPED_TRACE("value '" + printable(values[k]) + "'");
    EXPECT_EQ(runs[k].status, 0);
    EXPECT_FALSE(runs[k].canary) << "THE CANARY RAN";
    std::string out;
    for (const auto& w : expected[k]) out += "<" + w + ">\n";
    EXPECT_EQ(runs[k].out, out);
  }
}

}  // namespace
