// What the value-flow pass reads from code of another language: the signs
// that it runs commands, runs make, runs what it reads, and which
// environment variables it reads by name.
#include "compiler/foreign_code.hpp"

#include <gtest/gtest.h>

namespace fc = slurmglue::compiler::foreign;

TEST(ForeignCode, RunsCommandsOnlyOnItsSurestSigns) {
  for (const char* code : {"import os; os.system('ls')", "subprocess.run(['nvidia-smi'])", "exec(open('x').read())",
                           "system(\"hostname\")", "my $h = `hostname`;", "eval(s)"})
    EXPECT_TRUE(fc::runs_commands(code)) << code;
  for (const char* code : {"model.eval()", "w = torch.load('w.pt')", "print(json.load(open('c.json')))", "x.exec_mode = 1"})
    EXPECT_FALSE(fc::runs_commands(code)) << code;
}

// A call of exec, eval or system is one as a method too, and the exec and
// spawn families are calls; the same names inside other names, strings or
// an import's module path, and methods called with nothing, are not.
TEST(ForeignCode, CallsAreNamesOfTheirOwnWithArguments) {
  for (const char* code : {"from os import execvp; execvp('sh', ['sh', '-c', c])", "import builtins; builtins.exec(c)",
                           "system2('sh', c('-c', Sys.getenv('CMD')))", "Kernel.exec(ENV['CMD'])", "Kernel.eval(ENV['CMD'])",
                           "globalThis.eval(process.env.CMD)", "exec sh -c \"echo $env(X)\"", "my $out = [exec ls]",
                           "system \"hostname\"", "eval $code;", "os.posix_spawn(p, a, e)"})
    EXPECT_TRUE(fc::runs_commands(code)) << code;
  // Review 33: a name of its own however it is called.
  for (const char* code : {"exec (os.environ['X'])", "list(map(exec, [os.environ['X']]))", "f = eval; f(os.environ['X'])",
                           "getattr(os, \"system\")(os.environ['X'])", "from os import system as run", "(0, eval)(process.env.X)",
                           "globalThis[\"eval\"](process.env.X)", "r = system ENV['X']", "send(:eval, ENV['X'])",
                           "method(:system).call(ENV['X'])", "Process.spawn ENV['X']", "print('#'); eval(s)"})
    EXPECT_TRUE(fc::runs_commands(code)) << code;
  for (const char* code : {"fs = fsspec.filesystem('s3')", "mp.set_start_method(\"spawn\")", "app.exec()",
                           "from acme.eval import run", "import acme_site.evaluate", "cursor.execute(q)",
                           "# eval the model on the test set"})
    EXPECT_FALSE(fc::runs_commands(code)) << code;
}

// Round 100: a template engine renders code, a library runs when loaded,
// perl's two-argument open runs a name that ends in '|'.
TEST(ForeignCode, TemplatesLibrariesAndPipeOpensRunCode) {
  for (const char* code : {"jinja2.Template(\"Run: \" + os.environ[\"RUN\"]).render()",
                           "Environment().from_string(t).render()", "ctypes.CDLL(sys.argv[1])",
                           "my $f = $ENV{HOSTS}; open(H, $f) or die", "open(my $h, $ARGV[0]);"})
    EXPECT_TRUE(fc::runs_code(code)) << code;
  // Round 101: a callable found by a given name, ruby's open of a given name.
  for (const char* code : {"f = pydoc.locate(os.environ['FACTORY']); f(n)", "getattr(models, sys.argv[1])()",
                           "puts open(ENV['MANIFEST']).read", "m = ENV.fetch('M'); open(m) { |f| puts f.read }"})
    EXPECT_TRUE(fc::runs_code(code)) << code;
  EXPECT_FALSE(fc::runs_code("lr = getattr(args, 'lr', 0.1)"));
  EXPECT_TRUE(fc::input_reaches_code("import sys, yaml; yaml.unsafe_load(sys.stdin)"));
  EXPECT_TRUE(fc::input_reaches_code("import sys, pickle, base64; pickle.loads(base64.b64decode(sys.stdin.read()))"));
  EXPECT_FALSE(fc::input_reaches_code("import sys, yaml; print(yaml.safe_load(sys.stdin))"));
  EXPECT_TRUE(fc::runs_code("open(H,$ENV{X})"));
  EXPECT_TRUE(fc::runs_code("open(H, \"$ENV{X}\")"));
  EXPECT_TRUE(fc::runs_code("sys.path+=['src']"));
  EXPECT_FALSE(fc::runs_code("my $f = $ENV{HOSTS}; open(H, '<', $f) or die"));
  EXPECT_FALSE(fc::runs_code("with open(os.environ['CFG'], 'r') as f: print(f.read())"));
}

TEST(ForeignCode, RunsCodeAlsoLoadsCode) {
  EXPECT_TRUE(fc::runs_code("require 'train'"));
  EXPECT_TRUE(fc::runs_code("do \"setup.pl\";"));
  EXPECT_TRUE(fc::runs_code("sys.path.insert(0, 'src')"));
  EXPECT_TRUE(fc::runs_code("code = compile(src, 'f', 'exec')"));
  for (const char* code : {"x.requires_grad = False", "# do not edit", "print(sys.path)", "pat = re.compile(r'\\d+')",
                           "cfg = json.load(open('c.json'))"})
    EXPECT_FALSE(fc::runs_code(code)) << code;
  EXPECT_TRUE(fc::runs_code("import importlib; importlib.import_module(m)"));
  EXPECT_TRUE(fc::runs_code("state = pickle.load(f)"));
  EXPECT_TRUE(fc::runs_code("os.system('ls')"));
  EXPECT_FALSE(fc::runs_code("print(sum(range(10)))"));
}

TEST(ForeignCode, NamesMakeAsAProgramNotAWord) {
  for (const char* code : {"subprocess.run([\"make\", \"train\"])", "os.system(\"cd build && make\")", "system('make -j8 all')",
                           "subprocess.run('/usr/bin/make')"})
    EXPECT_TRUE(fc::names_make(code)) << code;
  for (const char* code : {"print(\"make sure the GPUs are visible\")", "subprocess.run(['cmake', '..'])", "open('Makefile')",
                           "makedirs(p)"})
    EXPECT_FALSE(fc::names_make(code)) << code;
  EXPECT_TRUE(fc::is_make("gmake"));
  EXPECT_FALSE(fc::is_make("cmake"));
}

TEST(ForeignCode, InputReachesCodeWhenItRunsSomething) {
  EXPECT_TRUE(fc::input_reaches_code("import sys, os\nfor l in sys.stdin: os.system(l)"));
  EXPECT_FALSE(fc::input_reaches_code("import sys, json\nprint(json.load(sys.stdin))"));
}

TEST(ForeignCode, EnvironmentReadByLiteralNamesOnly) {
  const auto named = fc::environment_names_read("os.environ.get(\"WEBHOOK\"); os.getenv('RUN', 'x'); process.env.LR");
  ASSERT_TRUE(named);
  EXPECT_EQ(*named, (std::vector<std::string>{"WEBHOOK", "RUN", "LR"}));
  // A name inside a read is part of it; a name built at run time is any.
  const auto conda = fc::environment_names_read("os.environ.get(\"CONDA_DEFAULT_ENV\")");
  ASSERT_TRUE(conda);
  EXPECT_EQ(*conda, (std::vector<std::string>{"CONDA_DEFAULT_ENV"}));
  EXPECT_FALSE(fc::environment_names_read("os.environ[\"TASK_\" + s]"));
  EXPECT_FALSE(fc::environment_names_read("for k, v in os.environ.items(): print(k)"));
  EXPECT_FALSE(fc::environment_names_read("os.path.expandvars('$HOME')"));
}

// A fixed command is blanked from the rest with its import; any call that
// is not all literals, or whose program runs more than itself, stays.
TEST(ForeignCode, FixedCommandsAreLiteralCallsOfPlainPrograms) {
  const std::string imported = "import os, subprocess\nx = subprocess.run(['nvidia-smi', '-L'], check=True)\n";
  const auto split = fc::split_fixed_commands(imported);
  EXPECT_EQ(split.rest.size(), imported.size());
  EXPECT_EQ(split.rest.find("subprocess"), std::string::npos);
  EXPECT_EQ(split.fixed, "subprocess.run(['nvidia-smi', '-L'], check=True)\n");
  EXPECT_FALSE(fc::runs_code(split.rest));
  for (const char* code : {"subprocess.run(cmd)", "subprocess.run(['bash', 'x'])", "os.system('make all')",
                           "subprocess.run(['ls', d])", "os.system('ls; id')", "os.system(r'ls \\x24X')",
                           "subprocess.run(['/usr/bin/python3', 'a.py'])", "subprocess.run(['git', 'pull'])",
                           "subprocess.run(['ls'], cwd=d)", "import subprocess as sp\nsp.run(['ls'])",
                           // Round 103: a program that runs what it finds, code that wrote a file first.
                           "subprocess.run(['pytest'])", "subprocess.run(['sqlite3', 'runs.db'])",
                           "open('r.sql', 'w').write(s)\nsubprocess.run(['cat', 'r.sql'])"})
    EXPECT_TRUE(fc::runs_code(fc::split_fixed_commands(code).rest)) << code;
  // A command it starts reads what is left of its input.
  EXPECT_TRUE(fc::input_reaches_code("import os; os.system('sqlite3 runs.db')"));
}
