// Where a line of a data file puts a placeholder: the rule its value gets.
#include "compiler/data_line.hpp"

#include <gtest/gtest.h>

namespace {

namespace C = slurmglue::compiler;
using R = slurmglue::render::ElementRole;

// The role of "${V}" written where "@" stands in `line`.
R role(C::DataFormat f, std::string_view line) {
  const auto at = line.find('@');
  return C::data_line_role(f, line.substr(0, at), line.substr(at + 1));
}

TEST(DataLine, ACallableKeyTakesOneName) {
  EXPECT_EQ(role(C::DataFormat::Yaml, "  _target_: torchvision.models.@"), R::CallableName);
  EXPECT_EQ(role(C::DataFormat::Yaml, "model: {_target_: m.@, depth: 50}"), R::CallableName);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"class_path": "m.@"})"), R::CallableName);
  EXPECT_NE(role(C::DataFormat::Yaml, "target: @"), R::CallableName);
  EXPECT_TRUE(C::names_a_callable("+model._target_"));
  EXPECT_TRUE(C::names_a_callable("--trainer.callbacks.class_path"));
  EXPECT_FALSE(C::names_a_callable("model.target"));
  EXPECT_TRUE(C::holds_callable(R"({\"_target_\": \"m.x\"})"));
  EXPECT_FALSE(C::holds_callable("name: _target_ notes"));
}

TEST(DataLine, CodeThatGivesACommandKeyAValue) {
  for (const char* code : {"{command: $n}", R"({"cmd": $n})", ".run = $n", ".steps[0].run |= $n", R"(c["entrypoint"] = x)",
                           "dict(command=sys.argv[1])", ".model.setup += [$n]"})
    EXPECT_TRUE(C::builds_command_key(code)) << code;
  for (const char* code : {"{name: $n}", "select(.run == 1)", ".command", "subprocess.run(x)", "a::run", "--arg"})
    EXPECT_FALSE(C::builds_command_key(code)) << code;
  EXPECT_TRUE(C::builds_callable_key(R"({"_target_": "m." + $m})"));
  EXPECT_FALSE(C::builds_callable_key("{name: $m}"));
}

TEST(DataLine, FormatsAreKnownByTheFileName) {
  EXPECT_EQ(C::data_format("run.json"), C::DataFormat::Json);
  EXPECT_EQ(C::data_format("out/EVENTS.JSONL"), C::DataFormat::Json);
  EXPECT_EQ(C::data_format("cfg/train.yml"), C::DataFormat::Yaml);
  EXPECT_EQ(C::data_format("pyproject.toml"), C::DataFormat::Toml);
  // A copy's suffix keeps the format (written, then renamed: fr hunt 57);
  // a template's suffix: a renderer reads the file, not a parser.
  EXPECT_EQ(C::data_format("run.json.tmp"), C::DataFormat::Json);
  EXPECT_EQ(C::data_format("cfg.yaml.bak~"), C::DataFormat::Yaml);
  for (const char* n : {"cfg.yaml.j2", "run.json.in", "setup.cfg", "clearml.conf", "results.csv", "yaml", ".json", ".tmp"})
    EXPECT_EQ(C::data_format(n), C::DataFormat::Other) << n;
}

TEST(DataLine, InsideAStringTheLineOpensAndClosesIsQuotedText) {
  EXPECT_EQ(role(C::DataFormat::Json, R"(  {"model": "@", "lr": 1})"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Json, R"(  "datasets": ["a", "run-@-x"],)"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Json, R"("@": 1)"), R::DataQuotedText);  // a key: still one string
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(  model: "@")"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(  - "@")"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"({model: "@", lr: 1})"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(note: "x" # "@")"), R::DataField);  // in a comment
  EXPECT_EQ(role(C::DataFormat::Toml, R"(model = "@")"), R::DataQuotedText);
  EXPECT_EQ(role(C::DataFormat::Toml, R"(datasets = ["a", "@"])"), R::DataQuotedText);
}

// A key naming prose (a name, notes, tags) holds text for people; one that
// also names a command, a file or a place does not.
TEST(DataLine, KeysNamingProseHoldText) {
  EXPECT_EQ(role(C::DataFormat::Json, R"(  {"name": "@", "lr": 1})"), R::DataProseText);
  EXPECT_EQ(role(C::DataFormat::Json, R"(  "runName": "@",)"), R::DataProseText);
  EXPECT_EQ(role(C::DataFormat::Toml, R"(experiment.title = "@")"), R::DataProseText);
  for (const char* line : {R"(run_name: "@")", R"(  comment: "@")", R"(tags: ["a", "@"])"})
    EXPECT_EQ(role(C::DataFormat::Yaml, line), R::DataProseText) << line;
  for (const char* line : {R"(script_name: "@")", R"(cmd_name: "@")", R"(log_file_name: "@")", R"(host_name: "@")",
                           R"(model: "@")", R"(name_prefix: "@")", R"(program_name: "@")", R"(module_name: "@")",
                           R"(image_name: "@")", R"(queue_name: "@")"})
    EXPECT_NE(role(C::DataFormat::Yaml, line), R::DataProseText) << line;
  // A note for people no tool writes into a command line: ' --fp16' there is text.
  EXPECT_EQ(role(C::DataFormat::Toml, R"(experiment.description = "@")"), R::DataNoteText);
  for (const char* line : {R"(description: "@")", R"(  notes: "@")", R"(run_summary: "@")", R"("desc": "@",)"})
    EXPECT_EQ(role(C::DataFormat::Yaml, line), R::DataNoteText) << line;
  for (const char* line : {R"(cmd_description: "@")", R"(notes_file: "@")"})
    EXPECT_NE(role(C::DataFormat::Yaml, line), R::DataNoteText) << line;
}

TEST(DataLine, AQuoteThatDoesNotStartAStringLeavesTheRuleOfTheFile) {
  // YAML and TOML read a quote as a string's start only where a value begins.
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(name: it's "@")"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(name:"@")"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(opts: --name="@")"), R::DataField);
  // Single quotes: only a "'" ends them ('"' and '\' are text; fr hunt 72).
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(name: '@')"), R::DataSingleQuotedText);
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(name: 'a "@')"), R::DataSingleQuotedText);
  EXPECT_EQ(role(C::DataFormat::Toml, R"(name = 'a "@')"), R::DataSingleQuotedText);
  EXPECT_EQ(role(C::DataFormat::Toml, R"(name = '''@''')"), R::DataField);  // (may span lines)
  EXPECT_EQ(role(C::DataFormat::Yaml, R"(name: it's @ 'x')"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": '@'})"), R::DataField);
  EXPECT_EQ(slurmglue::render::check_element(R::DataSingleQuotedText, R"(lr sweep, v2: "warm" [cosine] \n)"), nullptr);
  for (const char* v : {"Bob's", "a ${oc.env:X}", "x; y", "a --all", "module://x"})
    EXPECT_NE(slurmglue::render::check_element(R::DataSingleQuotedText, v), nullptr) << v;
  EXPECT_EQ(role(C::DataFormat::Toml, R"(name = """@""")"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": @})"), R::DataField);  // a number, true, null
  EXPECT_EQ(role(C::DataFormat::Json, R"({"a": "x", "b": @})"), R::DataField);
  // Not closed on the line, or closed after an escape.
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": "@)"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": "@\"")"), R::DataField);
  // What bash expands before the value changes the line (an unquoted here-document).
  EXPECT_EQ(role(C::DataFormat::Json, R"({"$KEY": "@"})"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"a": "`date`", "b": "@"})"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"a": "x\", "b": "@"})"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Other, R"(name = "@")"), R::DataField);
}

TEST(DataLine, AYamlKeysWholeValueIsAPlainScalar) {
  EXPECT_EQ(role(C::DataFormat::Yaml, "name: @"), R::YamlPlainText);
  EXPECT_EQ(role(C::DataFormat::Yaml, "  run.name: @  "), R::YamlPlainText);
  EXPECT_EQ(role(C::DataFormat::Yaml, "  - @"), R::YamlPlainText);
  EXPECT_EQ(role(C::DataFormat::Yaml, "- - name: @"), R::YamlPlainText);
  // Anything after it, a flow collection, a key of its own, text before it.
  for (const char* line : {"name: @ # the task", "name: @,", "{name: @}", "@: 1", "name: run-@",
                           "\"name\": @", "name:@", "a: b: @", "? @"})
    EXPECT_EQ(role(C::DataFormat::Yaml, line), R::DataField) << line;
  EXPECT_EQ(role(C::DataFormat::Toml, "name = @"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, "@"), R::DataField);
}

TEST(DataLine, LinesBeforeMayLeaveAStringOrAFlowCollectionOpen) {
  const auto open = [](C::DataFormat f, std::string_view lines) {
    C::DataLines state{f};
    state.read(lines);
    return state.open();
  };
  EXPECT_TRUE(open(C::DataFormat::Yaml, "model: {\n  arch: resnet,\n"));
  EXPECT_TRUE(open(C::DataFormat::Yaml, "runs: [\n"));
  EXPECT_TRUE(open(C::DataFormat::Yaml, "note: \"first line\n"));
  EXPECT_FALSE(open(C::DataFormat::Yaml, "model: {arch: resnet}\nname: John's # {\n"));
  EXPECT_FALSE(open(C::DataFormat::Yaml, "a: \"x\\\" {\"\n"));
  EXPECT_FALSE(open(C::DataFormat::Json, "{\n  \"a\": \"[\",\n"));  // JSON: brackets leave strings alone
  EXPECT_TRUE(open(C::DataFormat::Json, "{\"a\": \"x\n"));
  EXPECT_EQ(C::data_line_role(C::DataFormat::Yaml, "  name: ", "", true), R::DataField);
}

// A key naming a command line (NNI's trialCommand, a CI step's run, a job's
// entrypoint, GitLab's before_script): tools run its value in a shell, so a
// value there is one plain word; other keys keep their rules.
TEST(DataLine, AKeyNamingACommandGivesOneWord) {
  for (const char* line : {"trialCommand: python3 mnist.py --epochs @", "  - run: python3 t.py --lr @",
                           "entrypoint = \"python3 t.py --lr @\"", "before_script: make @", "CMD: train @",
                           "  command: bash -c \"train @\""})
    EXPECT_EQ(role(line[0] == 'e' ? C::DataFormat::Toml : C::DataFormat::Yaml, line), R::DataWord) << line;
  EXPECT_EQ(role(C::DataFormat::Json, R"(  "command": "python3 t.py --name @",)"), R::DataWord);
  for (const char* line : {"run_name: @", "description: \"@\"", "name: @", "runner: @", "extra: @", "test: @"})
    EXPECT_NE(role(C::DataFormat::Yaml, line), R::DataWord) << line;
}

// A whole item of a YAML flow sequence the line opens: a list value's
// items fill one each (tags: [${CLEARML_TASK.tags}]).
TEST(DataLine, AWholeItemOfAYamlFlowSequence) {
  for (const char* line : {"tags: [@]", "tags: [ @ ]", "tags: [a, @, b]", "- [@, x]"})
    EXPECT_EQ(role(C::DataFormat::Yaml, line), R::YamlFlowItem) << line;
  for (const char* line : {"tags: [x@]", "m: {a: [@]}", "m: {a: @}", "tags: [\"@\"]", "a, @, b"})
    EXPECT_NE(role(C::DataFormat::Yaml, line), R::YamlFlowItem) << line;
  EXPECT_NE(role(C::DataFormat::Json, "[@]"), R::YamlFlowItem);  // JSON's items are quoted
}

// Keys that name a command in any word, or in their last; and the value of
// such a key over the lines after it: a block scalar, a list, brackets.
TEST(DataLine, TheValueOfACommandKeyOverLines) {
  for (const char* line : {"setup: @", "entry: @", "pre_window: @", "on_project_start: @", "command_line: @",
                           "entry_script: @", "  hooks: @", "startup: @", "env-extra: @", "pre_build: @"})
    EXPECT_EQ(role(C::DataFormat::Yaml, line), R::DataWord) << line;
  const auto in_command = [](C::DataFormat f, std::string_view before, std::string_view line) {
    C::DataLines lines{f};
    lines.read(before);
    return lines.in_command(line);
  };
  const auto Y = C::DataFormat::Yaml;
  EXPECT_TRUE(in_command(Y, "steps:\n  - run: |\n", "      python3 t.py"));
  EXPECT_TRUE(in_command(Y, "steps:\n  - run: >-\n      echo a\n", "      python3 t.py"));
  EXPECT_FALSE(in_command(Y, "steps:\n  - run: |\n      echo a\n", "  - name: x"));
  EXPECT_TRUE(in_command(Y, "setup:\n", "  - export X=1"));
  EXPECT_FALSE(in_command(Y, "setup:\n  - export X=1\n", "partition: gpu"));
  EXPECT_FALSE(in_command(Y, "name: x\n", "  tags: y"));
  EXPECT_TRUE(in_command(C::DataFormat::Json, "{\"command\": [\n", "  \"bash\", \"-c\","));
  EXPECT_FALSE(in_command(C::DataFormat::Json, "{\"command\": [\n  \"x\"\n],\n", "\"name\": \"y\""));
  // A line inside one gets DataWord whatever its own shape.
  EXPECT_EQ(C::data_line_role(Y, "      python3 t.py --name ", "", false, true), R::DataWord);
  // The key nearest the value, and the line's first.
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": "a", "cmd": "python3 t.py @"})"), R::DataWord);
  EXPECT_EQ(role(Y, "run: curl http://h:8080/@"), R::DataWord);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"cmd": "x", "name": "@"})"), R::DataWord);
}

// The shapes a command key's value takes over lines in YAML (a comment,
// anchor or tag after the key, a plain scalar continued on deeper lines,
// an anchored value an alias may put under a command key), TOML's
// multi-line strings, a JSON value on the next line, and INI files.
TEST(DataLine, MoreShapesOfACommandValue) {
  const auto in_command = [](C::DataFormat f, std::string_view before, std::string_view line) {
    C::DataLines lines{f};
    lines.read(before);
    return lines.in_command(line);
  };
  const auto Y = C::DataFormat::Yaml;
  for (const char* before : {"run: # the step\n", "run: &a |\n", "run: !!str |\n", "run: python3 t.py\n",
                             "x-train: &t python3 t.py\n", "env-extra:\n", "job-extra-directives:\n"})
    EXPECT_TRUE(in_command(Y, before, "  --name x")) << before;
  EXPECT_TRUE(in_command(C::DataFormat::Toml, "run = \"\"\"\n", "python3 t.py"));
  EXPECT_TRUE(in_command(C::DataFormat::Json, "{\n  \"command\":\n", "    \"python3 t.py\""));
  EXPECT_TRUE(in_command(C::DataFormat::Other, "[job]\ncommand = python3 t.py\n", "  --name x"));
  EXPECT_FALSE(in_command(Y, "name: x\n", "tags: y"));
  // fr39/03: a mapping as the value whose keys name data (hydra's run:⏎
  // dir: x, a run's name and task_id) is none; other keys there name
  // commands (review 37: npm's scripts: train: CMD, anaconda-project's
  // commands: train: unix: CMD).
  for (const char* line : {"  dir: x", "  name:", "  \"name\": x", "  task_id: 7"}) {
    EXPECT_FALSE(in_command(Y, "hydra:\n  run:\n", std::string("  ") + line)) << line;
    EXPECT_FALSE(in_command(Y, "run:\n", line)) << line;
  }
  EXPECT_FALSE(in_command(Y, "run:\n  name: x\n", "  dir: y"));
  EXPECT_TRUE(in_command(Y, "run:\n  name: x\n  command:\n", "    - python3 t.py"));
  EXPECT_TRUE(in_command(Y, "run:\n  python3 t.py\n", "  --name x"));
  EXPECT_TRUE(in_command(Y, "run:\n", "  - python3 t.py"));
  EXPECT_TRUE(in_command(Y, "scripts:\n", "  train: touch out/x.done"));
  EXPECT_TRUE(in_command(Y, "commands:\n  train:\n", "    unix: touch out/x.done"));
  EXPECT_FALSE(in_command(Y, "commands:\n  train:\n    unix: x\n", "name: y"));
  EXPECT_TRUE(in_command(C::DataFormat::Json, "{\"scripts\": {\n", "  \"train\": \"touch x\""));
  EXPECT_EQ(role(C::DataFormat::Json, R"({"run": {"name": "@"}})"), R::DataProseText);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"run": {"cmd": "python3 t.py @"}})"), R::DataWord);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"scripts": {"train": "touch out/@.done"}})"), R::DataWord);
  EXPECT_EQ(role(C::DataFormat::Json, R"({"name": "job", "scripts": {"train": "touch out/@.done"}})"), R::DataWord);
  EXPECT_NE(role(C::DataFormat::Json, R"({"name": "job", "scripts": {"a": "x"}, "tag": "@"})"), R::DataWord);
  EXPECT_EQ(role(Y, "x-train: &t python3 t.py --name @"), R::DataWord);
  EXPECT_EQ(role(C::DataFormat::Other, "command = python3 t.py --name @"), R::DataWord);
  EXPECT_EQ(role(Y, "python: /opt/conda/envs/@/bin/python"), R::DataWord);
  // Inside the command's own quotes, closed after it: the data rule.
  EXPECT_EQ(role(Y, "run: python3 t.py --name '@'"), R::DataField);
  EXPECT_EQ(role(C::DataFormat::Json, R"("cmd": "python3 t.py --name '@'",)"), R::DataField);
  EXPECT_EQ(role(Y, "run: python3 t.py --name '@"), R::DataWord);  // not closed on the line
  EXPECT_EQ(C::data_line_role(Y, "  python3 t.py --name=\"", "\"", false, true), R::DataField);
  EXPECT_EQ(role(Y, "run: python3 -c 'print(\"@\")'"), R::DataWord);  // code, not an option's value
}

}  // namespace
