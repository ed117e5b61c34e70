// Prints the sbatch options the catalog lists for one Slurm release, one per
// line: NAME TAB SHORT-LETTER-or-"-" TAB none|required|optional. Used by
// sbatch_options_test.sh to compare the table with the real sbatch.
#include <cstdio>
#include <string>

#include "compiler/catalog/sbatch_options.hpp"

int main(int argc, char** argv) {
  using namespace slurmglue::catalog;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SLURM-VERSION\n", argv[0]);
    return 2;
  }
  auto version = parse_slurm_version(argv[1]);
  if (!version) {
    std::fprintf(stderr, "not a Slurm version: %s\n", argv[1]);
    return 2;
  }
  for (const auto& e : sbatch_option_entries()) {
    if (!available_at(e, *version)) continue;
    const char* arg = e.arg == slurmglue::render::ArgKind::None       ? "none"
                      : e.arg == slurmglue::render::ArgKind::Required ? "required"
                                                                      : "optional";
    std::string name(e.name);
    std::printf("%s\t%c\t%s\n", name.c_str(), e.short_name ? e.short_name : '-', arg);
  }
  return 0;
}
