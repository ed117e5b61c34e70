// How #SBATCH lines split into words (grammar/sbatch_directive.hpp), under
// both readings of '\' before a blank, and the same lines compiled as a
// template's directive block (compiler/directive_reader.cpp). The input is
// lines; "#SBATCH" or "#SLURM" at their start is optional. Checked: every word
// is a range of its line, in order, and no longer than its raw text.
#include <string>

#include "compiler/compile.hpp"
#include "grammar/sbatch_directive.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;
namespace sb = slurmglue::grammar::sbatch;

SLURMGLUE_FUZZ_TARGET(sbatch_directive) {
  std::string tpl = "#!/bin/bash\n";
  for (std::size_t start = 0, lines = 0; start < input.size() && lines < 64; ++lines) {
    auto end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(start, end - start);
    start = end + 1;
    line.remove_prefix(sb::directive_prefix(line));
    for (const auto escapes : {sb::Escapes::Separate, sb::Escapes::KeepSpace}) {
      const auto split = sb::split(line, escapes);
      std::size_t after = 0;
      for (const auto& word : split.words) {
        SLURMGLUE_FUZZ_CHECK(word.begin >= after && word.begin <= word.end && word.end <= line.size());
        SLURMGLUE_FUZZ_CHECK(word.text.size() <= word.end - word.begin);
        after = word.end;
      }
      if (split.comment) SLURMGLUE_FUZZ_CHECK(*split.comment < line.size() && line[*split.comment] == '#');
      if (split.unmatched_quote) {
        const char quote = line[*split.unmatched_quote];
        SLURMGLUE_FUZZ_CHECK(quote == '"' || quote == '\'');
      }
      if (split.leading_colon) SLURMGLUE_FUZZ_CHECK(line[*split.leading_colon] == ':');
    }
    tpl += "#SBATCH";
    tpl += line;
    tpl += '\n';
  }
  tpl += "${CLEARML_AGENT_EXECUTE}\n";
  sg::compiler::compile(sg::compiler::Source("fuzz.tpl", std::move(tpl)));
}
