// How fast a compiled Renderer fills a template, next to the floor: copying
// the same number of bytes. The agent renders every task with a Renderer it
// built once per queue, so render() is the hot path; compile() runs once.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/compile.hpp"
#include "runtime/render/code_slots.hpp"
#include "runtime/render/task_file.hpp"

namespace sg = slurmglue;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  sg::compiler::Source source{"pyxis-sbatch.tpl", slurp(SLURMGLUE_SOURCE_DIR "/templates/pyxis-sbatch.tpl")};
  sg::render::Values values;
  std::shared_ptr<const sg::render::Renderer> renderer;
  Fixture() {
    values.task = sg::render::parse_task(slurp(SLURMGLUE_SOURCE_DIR "/tests/golden/tasks/ordinary.json"), "task");
    sg::render::CodeSlotInput slots;
    slots.task_id = values.task["id"];
    slots.worker_id = "bench";
    sg::render::fill_code_slots(slots, values);
    renderer = sg::compiler::compile(source).renderer;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_Compile(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(sg::compiler::compile(f.source));
}
BENCHMARK(BM_Compile);

void BM_Render(benchmark::State& state) {
  const auto& f = fixture();
  std::string out;
  std::vector<sg::render::RenderError> errors;
  for (auto _ : state) {
    f.renderer->render(f.values, out, errors);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_Render);

// The floor: the rendered bytes copied into a reused buffer.
void BM_MemcpyOfOutput(benchmark::State& state) {
  const auto& f = fixture();
  std::string rendered;
  std::vector<sg::render::RenderError> errors;
  f.renderer->render(f.values, rendered, errors);
  std::string out(rendered.size(), '\0');
  for (auto _ : state) {
    std::memcpy(out.data(), rendered.data(), rendered.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * rendered.size()));
}
BENCHMARK(BM_MemcpyOfOutput);

// --dump DIR: writes the rendered script (rendered.sh) and the values the glue
// filled (slots.json), so that the baselines in baselines/ render the same
// script from the same input (tools/bench.sh compares their output with it).
bool dump(const std::string& dir) {
  const auto& f = fixture();
  std::string out;
  std::vector<sg::render::RenderError> errors;
  if (!f.renderer->render(f.values, out, errors)) return false;
  std::ofstream(dir + "/rendered.sh", std::ios::binary) << out;
  const nlohmann::json slots = {{"PRE_SETUP", f.values.pre_setup},
                                {"AGENT_EXECUTE", f.values.agent_execute},
                                {"POST_SETUP", f.values.post_setup}};
  std::ofstream(dir + "/slots.json", std::ios::binary) << slots.dump() << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  for (int k = 1; k + 1 < argc; ++k) {
    if (std::string_view(argv[k]) == "--dump") return dump(argv[k + 1]) ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
