// fuzz_replay TARGET PATH...: runs a fuzz target on every file of the given
// files and directories (recursively, in name order), as a ctest test in
// every build. Exits 0 when all ran; an uncaught exception names its file
// and exits 1; a crash or a broken check aborts.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_target.hpp"

namespace slurmglue::fuzz {

extern const char* current_input_name;

namespace {
std::map<std::string, Target>& targets() {
  static std::map<std::string, Target> all;
  return all;
}
}  // namespace

bool register_target(const char* name, Target target) {
  targets()[name] = target;
  return true;
}

}  // namespace slurmglue::fuzz

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  namespace fz = slurmglue::fuzz;
  if (argc < 3 || fz::targets().count(argv[1]) == 0) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET FILE|DIR...\ntargets:");
    for (const auto& [name, target] : fz::targets()) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  const fz::Target target = fz::targets()[argv[1]];
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(argv[i])) {
      files.emplace_back(argv[i]);
    } else {
      std::fprintf(stderr, "fuzz_replay: %s: no such file or directory\n", argv[i]);
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "fuzz_replay: no inputs\n");
    return 2;
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string input = text.str();
    const std::string name = file.string();
    fz::current_input_name = name.c_str();
    try {
      target(input);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: uncaught exception: %s\n", name.c_str(), e.what());
      return 1;
    }
  }
  fz::current_input_name = "";
  std::printf("fuzz_replay %s: %zu inputs\n", argv[1], files.size());
  return 0;
}
