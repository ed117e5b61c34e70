#include "runtime/agent/journal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

namespace slurmglue::agent {
namespace {

class JournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("slurmglue-journal-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::size_t lines() const {
    std::ifstream in(dir_ / "journal.jsonl");
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  }
  std::filesystem::path dir_;
};

TaskRecord record(std::string task, Stage stage, std::string job = {}) {
  TaskRecord r;
  r.task = std::move(task);
  r.queue_id = "q1";
  r.queue_name = "gpu";
  r.stage = stage;
  r.job_id = std::move(job);
  return r;
}

TEST_F(JournalTest, WhatIsWrittenIsThereAfterARestart) {
  {
    Journal journal(dir_);
    journal.put(record("t1", Stage::Popped));
    journal.put(record("t1", Stage::Submitted, "42"));
    journal.put(record("t2", Stage::Pending));
    journal.put(record("t3", Stage::Submitting));
    journal.forget("t3");
    journal.begin_pop("q1");
    journal.begin_pop("q2");
    journal.end_pop("q2");
    journal.begin_claim("t9", "q1");
  }
  Journal journal(dir_);
  ASSERT_EQ(journal.tasks().size(), 2u);
  EXPECT_EQ(journal.find("t1")->stage, Stage::Submitted);
  EXPECT_EQ(journal.find("t1")->job_id, "42");
  EXPECT_EQ(journal.find("t1")->queue_name, "gpu");
  EXPECT_EQ(journal.find("t2")->stage, Stage::Pending);
  EXPECT_EQ(journal.find("t3"), nullptr);
  EXPECT_THAT(journal.open_pops(), ::testing::ElementsAre("q1"));
  EXPECT_EQ(journal.open_claims().at("t9"), "q1");
}

// A dispatch pass opens the pops of its queues in one record; those it ends
// are closed, a pass that never ended (a crash) leaves them all open.
TEST_F(JournalTest, APassOpensItsQueuesAndEndsTheKnownOnes) {
  {
    Journal journal(dir_);
    journal.begin_pops({"q1", "q2", "q3"});
    EXPECT_THAT(journal.open_pops(), ::testing::ElementsAre("q1", "q2", "q3"));
    journal.end_pops({"q1", "q3"}, Journal::Sync::Later);
    journal.begin_pops({"q4"});
  }
  Journal journal(dir_);
  EXPECT_THAT(journal.open_pops(), ::testing::ElementsAre("q2", "q4"));
}

// Sync::Later writes at once and syncs later: a process killed in between
// loses none of it (only the machine going down could).
TEST_F(JournalTest, LaterRecordsSurviveAKilledProcess) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Journal journal(dir_);
    journal.put(record("t1", Stage::Popped), Journal::Sync::Later);
    journal.put(record("t1", Stage::Submitted, "7"), Journal::Sync::Later);
    journal.end_pops({"q1"}, Journal::Sync::Later);
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  Journal journal(dir_);
  ASSERT_NE(journal.find("t1"), nullptr);
  EXPECT_EQ(journal.find("t1")->job_id, "7");
}

TEST_F(JournalTest, ATornLastLineIsIgnored) {
  {
    Journal journal(dir_.string());
    journal.put(record("t1", Stage::Pending));
  }
  {
    std::ofstream out(dir_ / "journal.jsonl", std::ios::app);
    out << R"({"op":"task","task":"t1","stage":"submitted","job":"7")";  // a crash mid-write
  }
  Journal journal(dir_);
  EXPECT_EQ(journal.find("t1")->stage, Stage::Pending);
  journal.put(record("t2", Stage::Popped));  // appends after the torn part was dropped
  Journal again(dir_ / "other");
  EXPECT_TRUE(again.tasks().empty());
}

TEST_F(JournalTest, OneAgentPerJournal) {
  Journal first(dir_);
  try {
    Journal second(dir_);
    FAIL() << "a second journal on the same directory opened";
  } catch (const JournalError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("another slurmglue-run"));
  }
}

TEST_F(JournalTest, CompactsSoItDoesNotGrowWithoutBound) {
  Journal journal(dir_);
  journal.put(record("kept", Stage::Submitted, "1"));
  for (int i = 0; i < 5000; ++i) {
    journal.begin_pop("q1");
    journal.end_pop("q1");
  }
  EXPECT_LT(lines(), 1100u);
  EXPECT_EQ(journal.find("kept")->job_id, "1");
  EXPECT_TRUE(journal.open_pops().empty());
}

TEST_F(JournalTest, AnUnusableDirectoryIsAClearError) {
  std::ofstream(dir_.string()) << "a file, not a directory";
  EXPECT_THROW(Journal journal(dir_ / "sub"), JournalError);
  std::filesystem::remove(dir_);
}

}  // namespace
}  // namespace slurmglue::agent
