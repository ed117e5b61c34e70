#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_target.hpp"

namespace slurmglue::fuzz {

// The corpus file being replayed (replay_main.cpp); empty under libFuzzer.
extern const char* current_input_name;
const char* current_input_name = "";

void violated(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s%s%s\n", file, line, condition,
               *current_input_name != '\0' ? "\n  input: " : "", current_input_name);
  std::abort();
}

}  // namespace slurmglue::fuzz
