// One fuzz target per input surface, each in tests/fuzz/<name>.cpp:
//
//   SLURMGLUE_FUZZ_TARGET(name) { ... use `input` (std::string_view) ... }
//
// A target feeds `input` to the surface and checks what must hold whatever
// the input (no crash, no exception but the documented one, positions inside
// the input, ...). It is built two ways:
//   - with SLURMGLUE_LIBFUZZER defined (clang, -DSLURMGLUE_FUZZ=ON) as a
//     libFuzzer binary, fuzz_<name>, which tools/fuzz.sh runs for a while;
//   - in every build, into fuzz_replay, which runs the seed corpus
//     tests/fuzz/corpus/<name>/ (crashes found earlier included) as the ctest
//     test fuzz_corpus_<name>, so a regression shows up without clang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace slurmglue::fuzz {

using Target = void (*)(std::string_view input);

// Registers a target with fuzz_replay (replay_main.cpp).
bool register_target(const char* name, Target target);

// A promise broken: says which and aborts (libFuzzer then saves the input;
// fuzz_replay names the corpus file).
[[noreturn]] void violated(const char* condition, const char* file, int line);

}  // namespace slurmglue::fuzz

// Unlike assert(), also checked in builds with NDEBUG.
#define SLURMGLUE_FUZZ_CHECK(condition) \
  ((condition) ? void(0) : ::slurmglue::fuzz::violated(#condition, __FILE__, __LINE__))

#ifdef SLURMGLUE_LIBFUZZER
#define SLURMGLUE_FUZZ_TARGET(name)                                                      \
  static void fuzz_##name(std::string_view input);                                       \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {    \
    fuzz_##name(std::string_view(reinterpret_cast<const char*>(data), size));            \
    return 0;                                                                            \
  }                                                                                      \
  static void fuzz_##name(std::string_view input)
#else
#define SLURMGLUE_FUZZ_TARGET(name)                                                      \
  static void fuzz_##name(std::string_view input);                                       \
  [[maybe_unused]] static const bool fuzz_registered_##name =                            \
      ::slurmglue::fuzz::register_target(#name, &fuzz_##name);                           \
  static void fuzz_##name(std::string_view input)
#endif
