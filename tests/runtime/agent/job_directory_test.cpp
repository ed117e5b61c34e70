#include "runtime/agent/job_directory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "runtime/agent/task_directory.hpp"

namespace slurmglue::agent {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

class JobDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/slurmglue-jobs-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    scratch_ = pattern;
  }
  void TearDown() override { fs::remove_all(scratch_); }
  static mode_t mode_of(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }
  fs::path scratch_;
  std::error_code ec_;
};

TEST_F(JobDirectoryTest, MakesAPrivateDirectoryUnderARootUsersCanEnterWhateverTheUmask) {
  const mode_t old = ::umask(077);  // as the systemd unit runs it
  const JobDirectories jobs((scratch_ / "a" / "jobs").string());
  const auto directory = jobs.prepare("t1", std::nullopt);
  ::umask(old);
  EXPECT_EQ(directory, (scratch_ / "a" / "jobs" / "t1").string());
  EXPECT_EQ(mode_of(scratch_ / "a" / "jobs"), 0711u);
  EXPECT_EQ(mode_of(directory), 0700u);
}

TEST_F(JobDirectoryTest, KeepsWhatTheJobLeftWhenTheTaskRunsAgain) {
  const JobDirectories jobs((scratch_ / "jobs").string());
  const auto directory = jobs.prepare("t1", std::nullopt);
  std::ofstream(directory + "/slurm-7.out") << "the first run's output\n";
  EXPECT_EQ(jobs.prepare("t1", std::nullopt), directory);
  EXPECT_TRUE(fs::exists(directory + "/slurm-7.out"));
}

TEST_F(JobDirectoryTest, NeverStartsAJobInAPlaceItDidNotMake) {
  const JobDirectories jobs((scratch_ / "jobs").string());
  fs::create_directories(scratch_ / "jobs");
  fs::create_directory_symlink(scratch_, scratch_ / "jobs" / "linked");
  EXPECT_THAT([&] { jobs.prepare("linked", std::nullopt); },
              ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("is not a directory")));
  fs::create_directory(scratch_ / "jobs" / "theirs");
  ASSERT_EQ(::chown((scratch_ / "jobs" / "theirs").c_str(), 65534, 65534), 0);
  EXPECT_THAT([&] { jobs.prepare("theirs", std::nullopt); },
              ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("belongs to another user")));
}

TEST_F(JobDirectoryTest, IsGivenToTheJobsUserWhoMustBeAbleToEnterIt) {
  const auto nobody = process::find_user("nobody");
  ASSERT_TRUE(nobody.has_value());
  const JobDirectories open_root((scratch_ / "open" / "jobs").string());
  ::chmod(scratch_.c_str(), 0711);
  fs::create_directories(scratch_ / "open");
  ::chmod((scratch_ / "open").c_str(), 0755);
  const auto directory = open_root.prepare("t1", nobody);
  struct stat st {};
  ASSERT_EQ(::stat(directory.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, nobody->uid);
  EXPECT_EQ(closed_to(directory, *nobody), "");
  // An agent killed between making a directory and giving it away: the next
  // one gives it away (it is the agent's own, so nobody else wrote in it).
  fs::create_directory(scratch_ / "open" / "jobs" / "t2", ec_);
  ::chmod((scratch_ / "open" / "jobs" / "t2").c_str(), 0700);
  ASSERT_EQ(::stat((scratch_ / "open" / "jobs" / "t2").c_str(), &st), 0);
  ASSERT_EQ(st.st_uid, ::geteuid());
  const auto adopted = open_root.prepare("t2", nobody);
  ASSERT_EQ(::stat(adopted.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, nobody->uid);

  fs::create_directories(scratch_ / "closed");
  ::chmod((scratch_ / "closed").c_str(), 0700);
  const JobDirectories closed_root((scratch_ / "closed" / "jobs").string());
  EXPECT_EQ(closed_to((scratch_ / "closed" / "jobs").string(), *nobody), (scratch_ / "closed").string());
  EXPECT_THAT([&] { closed_root.prepare("t1", nobody); },
              ::testing::ThrowsMessage<std::runtime_error>(
                  ::testing::AllOf(HasSubstr("nobody cannot enter " + (scratch_ / "closed").string()),
                                   HasSubstr("chmod o+x"))));
  // The task's private directory says the same.
  const TaskDirectories tasks((scratch_ / "closed" / "tasks").string());
  EXPECT_THAT([&] { tasks.create("t1", nlohmann::json::object(), nobody); },
              ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("--task-dir-root")));
}

}  // namespace
}  // namespace slurmglue::agent
