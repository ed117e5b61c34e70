// Checks of what a value names in a path: the files the template writes
// that a value naming a file read may not name.
#include <gtest/gtest.h>

#include "runtime/render/element_role.hpp"

namespace {

using slurmglue::render::written_file_named;

TEST(WrittenFileNamed, AnyComponentNamingAWrittenFileOrPatternIsFound) {
  const std::vector<std::string> written{"job.log", "*.yaml", "data"};
  EXPECT_EQ(written_file_named(written, "job.log"), "job.log");
  EXPECT_EQ(written_file_named(written, "runs/exp1/job.log"), "job.log");
  EXPECT_EQ(written_file_named(written, "cfg/run.yaml"), "*.yaml");
  EXPECT_EQ(written_file_named(written, ".yaml"), "*.yaml");  // ("${ID}.yaml" with ID empty)
  EXPECT_EQ(written_file_named(written, "data/train.py"), "data");  // a tree the template wrote
  EXPECT_EQ(written_file_named(written, "runs/./job.log/"), "job.log");
  // Descriptors and climbing are refused whatever the template writes.
  EXPECT_EQ(written_file_named(written, "/dev/fd/63"), "/dev/");
  EXPECT_EQ(written_file_named(written, "/proc/self/fd/3"), "/proc/");
  EXPECT_EQ(written_file_named(written, "x/../../job"), "..");
  // Other names, and names that only contain a written one, are not theirs.
  for (const char* v : {"train.py", "job.log.py", "my-job.log.txt", "database/x", "JOB.LOG", ""})
    EXPECT_EQ(written_file_named(written, v), "") << v;
}

// Inside "..." of a JSON, YAML or TOML line a value may hold what a name
// holds (an apostrophe, a comma), never what ends the string or interpolates.
TEST(DataRoles, QuotedTextHoldsAnyTextButWhatEndsTheString) {
  using slurmglue::render::check_element;
  using slurmglue::render::ElementRole;
  for (const char* v : {"resnet50 lr=0.1 (John's baseline), v2", "a: b # c", "[1, 2]", "naïve", "", "it's ok - 1 -2",
                        "https://h/x?a=1"})
    EXPECT_EQ(check_element(ElementRole::DataQuotedText, v), nullptr) << v;
  for (const char* v : {"a\", x", "a\\", "a\nb", "a\tb", "${oc.env:TOKEN}", "{{ x }}", "`id`", "a\x7f",
                        "a\xe2\x80\xa8" "b"})
    EXPECT_NE(check_element(ElementRole::DataQuotedText, v), nullptr) << v;
  // Under a key naming prose (run_name, notes) no tool runs the text: what
  // would end or extend a command is text too; what ends the string is not.
  for (const char* v : {"Q&A fine-tune (R&D)", "a; b | c > d", "baseline - lr 0.1", "-0.5", "it's ok"})
    EXPECT_EQ(check_element(ElementRole::DataProseText, v), nullptr) << v;
  for (const char* v : {"a\", x", "a\\", "a\nb", "${oc.env:TOKEN}", "{{ x }}", "`id`", "a\x7f", "a\xe2\x80\xa8" "b", "a\xc2\x85",
                        "r --config=/tmp/x", "--x"})
    EXPECT_NE(check_element(ElementRole::DataProseText, v), nullptr) << v;
  // Under a key naming a note (description, notes), options are text too.
  for (const char* v : {"ablation: compare --fp16 vs --bf16", "-0.5 drop", "Q&A; a | b"})
    EXPECT_EQ(check_element(ElementRole::DataNoteText, v), nullptr) << v;
  for (const char* v : {"a\", x", "a\\", "a\nb", "${oc.env:TOKEN}", "`id`", "a\xe2\x80\xa8" "b", "module://evil"})
    EXPECT_NE(check_element(ElementRole::DataNoteText, v), nullptr) << v;
}

// As a YAML key's whole value a value is a plain scalar: quotes and commas
// inside are text; what starts a tag, an anchor, a flow collection or a
// comment, or adds a key, is refused.
TEST(DataRoles, YamlPlainTextHoldsQuotesAndCommasAfterItsStart) {
  using slurmglue::render::check_element;
  using slurmglue::render::ElementRole;
  for (const char* v : {"resnet50 lr=0.1 (John's baseline), v2", "say \"hi\"", "a [b]", "0.01", "-1", "/data/x"})
    EXPECT_EQ(check_element(ElementRole::YamlPlainText, v), nullptr) << v;
  for (const char* v : {"'a'", "\"a\"", "[a]", ",a", "!!python/object/apply:os.system", "&a", "*a", "a: b",
                        "a #b", "- x", "{a: 1}", "a\\b", " a", "a\nb: c", "${X}"})
    EXPECT_NE(check_element(ElementRole::YamlPlainText, v), nullptr) << v;
}

TEST(ValueCut, EchoOptionsAreTheWordsEchoPrintsNothingFor) {
  using slurmglue::render::ValueCut;
  for (const char* v : {"-n", "-e", "-E", "-neE", "-nnn"}) EXPECT_TRUE(ValueCut::is_echo_options(v)) << v;
  for (const char* v : {"", "-", "-x", "-n x", "n", "--n", "-nvidia"}) EXPECT_FALSE(ValueCut::is_echo_options(v)) << v;
}

// bash changes case with towlower and towupper: in a UTF-8 locale a few
// letters beyond ASCII become ASCII ones (attack 203).
TEST(ValueCut, CaseChangesMakeAsciiOfSomeLettersBeyondIt) {
  using slurmglue::render::ValueCut;
  EXPECT_EQ(ValueCut::case_changed("\u0130nstance://X", "L"), "instance://x");
  EXPECT_EQ(ValueCut::case_changed("\u212aEY", "L"), "key");
  EXPECT_EQ(ValueCut::case_changed("f\u0131le:\u017f", "U"), "FILE:S");
  EXPECT_EQ(ValueCut::case_changed("aBc", "S"), "AbC");
  EXPECT_EQ(ValueCut::case_changed("\u0130A", "l"), "iA");
  EXPECT_EQ(ValueCut::case_changed("\u0131a", "u"), "Ia");
  EXPECT_EQ(ValueCut::case_changed("\u00e9t\u00e9", "U"), "\u00e9T\u00e9");  // (the others stay as they are)
}

// A data file's text may become a tool's shell command (a config's command
// line, a launcher's setup list): in every data rule, nothing ends that
// command, redirects, pipes or starts an option after a blank.
TEST(DataRoles, NoValueEndsOrExtendsACommandADataFileHolds) {
  using slurmglue::render::check_element;
  using slurmglue::render::ElementRole;
  for (const auto role : {ElementRole::DataField, ElementRole::YamlPlainText, ElementRole::DataQuotedText,
                          ElementRole::YamlFlowItem}) {
    for (const char* v : {"r;touch x", "r & reboot", "r&reboot", "r && id", "r | sh", "r > x", "r --config=/tmp/x",
                          "r -rf", "a&b=1 id", "https://h/x?a=1&PATH=/tmp/e", "fast '--config=/tmp/e'", "x ''-c",
                          "x\t--evil"})
      EXPECT_NE(check_element(role, v), nullptr) << v;
    for (const char* v : {"resnet50 lr=0.1 (baseline)", "v2 - final", "lr -0.5", "https://h/x?a=1"})
      EXPECT_EQ(check_element(role, v), nullptr) << v;
  }
  // Quoted text pasted as a word of its own starts no option either.
  EXPECT_NE(check_element(ElementRole::DataQuotedText, "--resume-from=/tmp/x"), nullptr);
  EXPECT_EQ(check_element(ElementRole::DataQuotedText, "-0.5"), nullptr);
  // YAML reserves '@' and '`' to start a plain scalar.
  EXPECT_NE(check_element(ElementRole::DataField, "@alice baseline"), nullptr);
  EXPECT_NE(check_element(ElementRole::YamlPlainText, "@x"), nullptr);
}

}  // namespace
