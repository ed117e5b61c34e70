// Reading the files users hand the tools stops at the size bound, whatever
// the file is: a regular file, a device that never ends, a directory.
#include "runtime/files/read_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace slurmglue::files {
namespace {

class ReadFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("slurmglue-read-file-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::string error_of(const std::string& path, std::size_t max) {
    try {
      read_bounded(path, max, "a template");
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path dir_;
};

TEST_F(ReadFile, ReadsUpToTheBoundAndNotAByteMore) {
  const auto path = write("t.tpl", std::string(100000, 'x'));
  EXPECT_EQ(read_bounded(path, 100000, "a template").size(), 100000u);
  EXPECT_EQ(error_of(path, 99999), path + ": larger than 99999 bytes, the most a template may have");
}

TEST_F(ReadFile, ADeviceThatNeverEndsIsRefusedAtTheBound) {
  EXPECT_EQ(error_of("/dev/zero", 1 << 20), "/dev/zero: larger than 1 MiB, the most a template may have");
}

TEST_F(ReadFile, SaysWhyAFileCannotBeRead) {
  EXPECT_EQ(error_of((dir_ / "missing").string(), 10), (dir_ / "missing").string() + ": No such file or directory");
  EXPECT_EQ(error_of(dir_.string(), 10), dir_.string() + ": is a directory");
}

TEST_F(ReadFile, AStreamHasTheSameBound) {
  std::istringstream in(std::string(3 << 10, 'y'));
  EXPECT_THROW(read_bounded(in, "<stdin>", 2 << 10, "a template"), FileError);
  std::istringstream small("abc");
  EXPECT_EQ(read_bounded(small, "<stdin>", 2 << 10, "a template"), "abc");
  EXPECT_EQ(describe_size(std::size_t{8} << 20), "8 MiB");
  EXPECT_EQ(describe_size(64 << 10), "64 KiB");
}

}  // namespace
}  // namespace slurmglue::files
