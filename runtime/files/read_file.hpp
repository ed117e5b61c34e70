// Reading the files users hand the tools (templates, task files,
// clearml.conf, .slurmglue-lint.yaml) with a bound on their size, so that a
// huge file, or /dev/zero, is a clear error in bounded time and memory
// instead of minutes of parsing and gigabytes. Each kind of file states its
// bound next to its parser (kMaxTemplateBytes, kMaxTaskFileBytes, ...); the
// LIMITS sections of the manual pages list them all.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>

namespace slurmglue::files {

// The message names the file and says what is wrong, e.g.
// "big.tpl: larger than 16 MiB, the most a template may have".
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole file at `path`, at most `max_bytes` of it, else FileError
// (cannot be read, is a directory, or is larger; `what` names the kind of
// file in the message). Reads no more than max_bytes + 64 KiB whatever the
// file is (a pipe, a device).
std::string read_bounded(const std::string& path, std::size_t max_bytes, std::string_view what);
// The same from a stream already open (standard input), named `name` in messages.
std::string read_bounded(std::istream& in, const std::string& name, std::size_t max_bytes, std::string_view what);

// "16 MiB", "64 KiB", "100 bytes": a bound as the messages and manual pages write it.
std::string describe_size(std::size_t bytes);

}  // namespace slurmglue::files
