#include "runtime/files/read_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace slurmglue::files {

std::string describe_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

std::string read_bounded(std::istream& in, const std::string& name, std::size_t max_bytes, std::string_view what) {
  std::string text;
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      throw FileError(fmt::format("{}: larger than {}, the most {} may have", name, describe_size(max_bytes), what));
    }
  }
  if (in.bad()) throw FileError(fmt::format("{}: read error", name));
  return text;
}

std::string read_bounded(const std::string& path, std::size_t max_bytes, std::string_view what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw FileError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(fmt::format("{}: {}", path, std::strerror(errno)));
  return read_bounded(in, path, max_bytes, what);
}

}  // namespace slurmglue::files
