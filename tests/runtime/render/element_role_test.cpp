// Checks of what a value names in a path: the files the template writes
// that a value naming a file read may not name.
#include <gtest/gtest.h>

#include "runtime/render/element_role.hpp"

namespace {

using slurmglue::render::written_file_named;

TEST(WrittenFileNamed, AnyComponentNamingAWrittenFileOrPatternIsFound) {
  const std::vector<std::string> written{"job.log", "*.yaml", "data"};
  EXPECT_EQ(written_file_named(written, "job.log"), "job.log");
  EXPECT_EQ(written_file_named(written, "runs/exp1/job.log"), "job.log");
  EXPECT_EQ(written_file_named(written, "cfg/run.yaml"), "*.yaml");
  EXPECT_EQ(written_file_named(written, ".yaml"), "*.yaml");  // ("${ID}.yaml" with ID empty)
  EXPECT_EQ(written_file_named(written, "data/train.py"), "data");  // a tree the template wrote
  EXPECT_EQ(written_file_named(written, "runs/./job.log/"), "job.log");
  // Descriptors and climbing are refused whatever the template writes.
  EXPECT_EQ(written_file_named(written, "/dev/fd/63"), "/dev/");
  EXPECT_EQ(written_file_named(written, "/proc/self/fd/3"), "/proc/");
  EXPECT_EQ(written_file_named(written, "x/../../job"), "..");
  // Other names, and names that only contain a written one, are not theirs.
  for (const char* v : {"train.py", "job.log.py", "my-job.log.txt", "database/x", "JOB.LOG", ""})
    EXPECT_EQ(written_file_named(written, v), "") << v;
}

TEST(ValueCut, EchoOptionsAreTheWordsEchoPrintsNothingFor) {
  using slurmglue::render::ValueCut;
  for (const char* v : {"-n", "-e", "-E", "-neE", "-nnn"}) EXPECT_TRUE(ValueCut::is_echo_options(v)) << v;
  for (const char* v : {"", "-", "-x", "-n x", "n", "--n", "-nvidia"}) EXPECT_FALSE(ValueCut::is_echo_options(v)) << v;
}

}  // namespace
