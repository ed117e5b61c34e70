// Names for the tests' scratch files and directories, under the temp
// directory the environment gives ($TMPDIR, else /tmp): never a fixed /tmp
// path, so tests run where /tmp is not writable or is shared.
#pragma once

#include <filesystem>
#include <string>

namespace slurmglue::test {

// A mkdtemp/mkstemp pattern: TMPDIR/PREFIX-XXXXXX.
inline std::string temp_pattern(const std::string& prefix) {
  return (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
}

}  // namespace slurmglue::test
