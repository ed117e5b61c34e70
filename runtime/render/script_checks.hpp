// What sbatch itself rejects or reads in a whole script, checked on the
// rendered script so that what is submitted is what the template meant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::render {

// sbatch's default max_script_size.
inline constexpr std::size_t kMaxScriptBytes = 4 * 1024 * 1024;

// Why sbatch would reject `script`, or an empty string.
std::string script_rejection(std::string_view script);

// The 1-based numbers of the lines sbatch reads as #SBATCH directives: those
// starting with "#SBATCH" (or "#SLURM") before the first line whose first non-blank
// character is not '#' (blank lines do not end the scan).
std::vector<std::size_t> directive_lines(std::string_view script);
// How many there are (directive_lines(script).size(), without building the list).
std::size_t count_directive_lines(std::string_view script);

// How many lines start (after blanks) with "#PBS" or "#BSUB": sbatch
// translates those into options too (the PBS and LSF compatibility of
// --ignore-pbs), and not only in the header but well into the script, so
// every such line counts.
std::size_t count_translated_directive_lines(std::string_view script);

}  // namespace slurmglue::render
