// How fast slurmglue-lint's engine checks large templates: a generated
// template of 1, 2 and 4 MiB (sbatch's script limit) of directives, shell
// code and placeholders, in bytes per second (the target is 50 MB/s, and time
// linear in the size); and templates of 10k and 40k directive lines, whose
// time per line should not grow; and lines dense with placeholders. It
// reports numbers and asserts nothing.
#include <benchmark/benchmark.h>

#include <string>

#include "compiler/lint.hpp"

namespace sg = slurmglue;

namespace {

// A template of about `bytes` bytes, the way large ones are written: a
// directive block, then setup code repeated with placeholders in it.
std::string generated_template(std::size_t bytes) {
  std::string t =
      "#!/bin/bash\n"
      "#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n"
      "#SBATCH --output=task-${CLEARML_TASK.id}-%j.log\n"
      "#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:debug}\n"
      "#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\n"
      "#SBATCH --ntasks-per-node=1\n"
      "${CLEARML_PRE_SETUP}\n";
  for (std::size_t n = 0; t.size() + 200 < bytes; ++n) {
    const auto k = std::to_string(n);
    t += "echo \"step " + k + " of task ${CLEARML_TASK.id} on $(hostname)\" >> \"log-" + k + ".txt\"\n";
    t += "if [ -f \"/data/in-" + k + "\" ]; then cp \"/data/in-" + k + "\" \"$TMPDIR/\"; fi\n";
  }
  return t + "${CLEARML_AGENT_EXECUTE}\n${CLEARML_POST_SETUP}\n";
}

std::string directive_lines(std::size_t lines) {
  std::string t = "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n";
  for (std::size_t n = 0; n < lines; ++n) t += "#SBATCH --comment=c" + std::to_string(n) + "_${CLEARML_TASK.id}\n";
  return t + "${CLEARML_AGENT_EXECUTE}\n";
}

void BM_LintGenerated(benchmark::State& state) {
  const sg::compiler::Source source("generated.tpl", generated_template(static_cast<std::size_t>(state.range(0)) << 20));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.text().size()));
}
BENCHMARK(BM_LintGenerated)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

// The same template with its placeholders written out: a plain Slurm script
// as --profile sbatch lints it (no value flows anywhere).
void BM_LintPlainScript(benchmark::State& state) {
  const std::string placeholders = generated_template(static_cast<std::size_t>(state.range(0)) << 20);
  std::string text;
  for (std::size_t from = 0, at; from < placeholders.size(); from = placeholders.find('}', at) + 1) {
    at = std::min(placeholders.find("${", from), placeholders.size());
    text.append(placeholders, from, at - from);
    if (at == placeholders.size()) break;
    text += '1';
  }
  const sg::compiler::Source source("plain.sh", std::move(text));
  sg::lint::LintOptions options;
  options.profile = sg::lint::Profile::Sbatch;
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source, options));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.text().size()));
}
BENCHMARK(BM_LintPlainScript)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);

void BM_LintDirectiveLines(benchmark::State& state) {
  const sg::compiler::Source source("directives.tpl", directive_lines(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_LintDirectiveLines)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);

// Lines dense with placeholders, in the shapes that once cost time or memory
// quadratic in their count: one word of many, a here-document line, subscripts
// left open (a[${X}a[${X}...). Time per placeholder should not grow.
std::string dense_lines(std::size_t placeholders) {
  const std::string p = "${CLEARML_TASK.id}";
  std::string word, open_subscripts;
  for (std::size_t n = 0; n < placeholders; ++n) {
    word += p;
    open_subscripts += "a[" + p;
  }
  return "#!/bin/bash\n#SBATCH --job-name=clearml_task_" + p + "\necho " + word + "\ncat <<EOF\n" + open_subscripts +
         "\nEOF\nx " + open_subscripts + "\n${CLEARML_AGENT_EXECUTE}\n";
}

void BM_LintDenseLines(benchmark::State& state) {
  const sg::compiler::Source source("dense.tpl", dense_lines(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 3 * state.range(0)));
}
BENCHMARK(BM_LintDenseLines)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Many small functions, each called with a value: the time per function
// should not grow (finding a function's body once scanned every command
// for every function).
std::string functions(std::size_t count) {
  std::string t = "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n";
  for (std::size_t n = 0; n < count; ++n) {
    const auto k = std::to_string(n);
    t += "f" + k + "() { local x=\"$1\"; python3 step.py --run \"$x\"; }\nf" + k + " \"${CLEARML_TASK.name}\"\n";
  }
  return t + "${CLEARML_AGENT_EXECUTE}\n";
}

void BM_LintFunctions(benchmark::State& state) {
  const sg::compiler::Source source("functions.tpl", functions(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_LintFunctions)->Arg(2000)->Arg(8000)->Unit(benchmark::kMillisecond);

// Many code strings (bash -c '...') and files of code, each read as a
// template of its own: the time per string should not grow with the files
// the template wrote before it (each code string copied them all).
std::string code_strings(std::size_t count) {
  std::string t = "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n";
  for (std::size_t n = 0; n < count; ++n) {
    const auto k = std::to_string(n);
    t += "cat > step" + k + ".sh <<'EOF'\necho step " + k + "\nEOF\nbash -c 'echo " + k + "' > out" + k + ".txt\n";
  }
  return t + "${CLEARML_AGENT_EXECUTE}\n";
}

void BM_LintCodeStrings(benchmark::State& state) {
  const sg::compiler::Source source("code_strings.tpl", code_strings(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_LintCodeStrings)->Arg(2000)->Arg(8000)->Unit(benchmark::kMillisecond);

// Many commands with the same NAME=value before them, each reading
// "$NAME": the time per command should not grow (every read of the name
// looked at every text it was given, and every mention of it was compared
// with every command it was set before).
std::string prefixed_commands(std::size_t count) {
  std::string t = "#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n";
  for (std::size_t n = 0; n < count; ++n)
    t += "RUN=\"${CLEARML_TASK.name}\" python3 a" + std::to_string(n) + ".py \"$RUN\"\n";
  return t + "make\n${CLEARML_AGENT_EXECUTE}\n";
}

void BM_LintPrefixedCommands(benchmark::State& state) {
  const sg::compiler::Source source("prefixed.tpl", prefixed_commands(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(sg::lint::lint(source));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_LintPrefixedCommands)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
