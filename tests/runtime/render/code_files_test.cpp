// Names of code files, and the parts of names another expansion may
// complete into one ("${RUN}.${FMT}" of json and py).
#include <gtest/gtest.h>

#include "runtime/render/code_files.hpp"

namespace {

namespace R = slurmglue::render;

TEST(CodeFiles, DecompressedNameDropsEveryCompressionSuffix) {
  EXPECT_EQ(R::decompressed_name("job_env.sh.gz"), "job_env.sh");
  EXPECT_EQ(R::decompressed_name("x.py.gz.xz"), "x.py");
  EXPECT_EQ(R::decompressed_name("data.tar.zst"), "data.tar");
  EXPECT_EQ(R::decompressed_name("notes.txt"), "notes.txt");
  EXPECT_EQ(R::decompressed_name(".gz"), ".gz");
}

TEST(CodeFiles, AnEndAfterAnotherExpansionMayCompleteACodeName) {
  for (const char* tail : {".py", "py", "sh", ".so", "_x.pyc", "train.py", "Makefile", "requirements.txt", "a/b.py", "y", "th"})
    EXPECT_TRUE(R::may_end_code_name(tail)) << tail;
  // (".json" after any text is data; a whole name of code written out in
  // pieces is asked of its first piece.)
  for (const char* tail : {"json", ".json", "exp1.log", "_1.yaml", "results", "a/b.txt", "_seed1", "log"})
    EXPECT_FALSE(R::may_end_code_name(tail)) << tail;
}

TEST(CodeFiles, AStartBeforeAnotherExpansionMayBeginACodeName) {
  for (const char* head : {"Make", "Makefile", "setup", "requirements", "requirements-", "Taskf", "docker-comp", "conftest",
                           "log", "json.py", "runs/Make", "train.p", "x.ipy", "site.p"})
    EXPECT_TRUE(R::may_begin_code_name(head)) << head;
  // (An extension the text after adds is asked of that text.)
  for (const char* head : {"json", "exp1.", "exp1_", "resnet50", "", "runs/", "v1.0", "data.tar"})
    EXPECT_FALSE(R::may_begin_code_name(head)) << head;
}

}  // namespace
