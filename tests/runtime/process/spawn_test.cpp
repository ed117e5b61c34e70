#include "runtime/process/spawn.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace slurmglue::process {
namespace {

using ::testing::HasSubstr;

Command shell(std::string script) {
  Command command;
  command.argv = {"bash", "-c", std::move(script)};
  command.environment = {"PATH=/usr/bin:/bin", "GREETING=hello"};
  return command;
}

TEST(Spawn, KeepsStdoutAndStderrApartAndGivesTheExitCode) {
  const auto outcome = run(shell("echo out; echo err >&2; exit 3"));
  EXPECT_TRUE(outcome.started);
  EXPECT_EQ(outcome.exit_code, 3);
  EXPECT_EQ(outcome.out, "out\n");
  EXPECT_EQ(outcome.err, "err\n");
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.describe(), "exit 3");
}

TEST(Spawn, GivesExactlyTheEnvironmentAndNoShell) {
  auto command = shell("printf '%s|%s' \"$GREETING\" \"${HOME-unset}\"");
  const auto outcome = run(command);
  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.out, "hello|unset");
  // An argument is one word, whatever it holds.
  Command echo;
  echo.argv = {"printf", "%s", "$(touch /nonexistent); a b"};
  echo.environment = {"PATH=/usr/bin:/bin"};
  EXPECT_EQ(run(echo).out, "$(touch /nonexistent); a b");
}

TEST(Spawn, WritesLargeInputWhileReadingOutput) {
  auto command = shell("cat; echo done >&2");
  command.input = std::string(3 << 20, 'x');  // more than any pipe buffer, both ways
  command.max_output = 8 << 20;
  const auto outcome = run(command);
  EXPECT_TRUE(outcome.ok()) << outcome.describe();
  EXPECT_EQ(outcome.out.size(), command.input.size());
  EXPECT_EQ(outcome.err, "done\n");
}

TEST(Spawn, KeepsAtMostMaxOutput) {
  auto command = shell("head -c 100000 /dev/zero");
  command.max_output = 1000;
  const auto outcome = run(command);
  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.out.size(), 1000u);
}

TEST(Spawn, KillsTheWholeProcessGroupAfterTheTimeout) {
  auto command = shell("sleep 30 & sleep 30; echo never");
  command.timeout = std::chrono::milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  const auto outcome = run(command);
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_FALSE(outcome.ok());
  // The background sleep held stdout open too: it was killed with the group.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_THAT(outcome.describe(), HasSubstr("timed out"));
}

// A program started with die_with_parent does not outlive the process that
// started it (an agent killed while its sbatch runs: the sbatch dies too).
TEST(Spawn, DiesWithItsParentWhenAsked) {
  for (const bool die : {true, false}) {
    char path[] = "/tmp/slurmglue-spawn-XXXXXX";
    const int fd = ::mkstemp(path);
    ASSERT_GE(fd, 0);
    ::close(fd);
    const pid_t parent = ::fork();
    ASSERT_GE(parent, 0);
    if (parent == 0) {
      Command command = shell("echo $$ > " + std::string(path) + "; exec sleep 30");
      command.die_with_parent = die;
      run(command);
      ::_exit(0);
    }
    pid_t child = 0;
    for (int i = 0; i < 200 && child == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::ifstream(path) >> child;
    }
    ASSERT_GT(child, 0);
    ::kill(parent, SIGKILL);
    ::waitpid(parent, nullptr, 0);
    bool alive = true;
    for (int i = 0; i < 200 && alive; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::ifstream stat("/proc/" + std::to_string(child) + "/stat");
      std::string pid, comm, state;
      alive = static_cast<bool>(stat >> pid >> comm >> state) && state != "Z";
    }
    EXPECT_EQ(alive, !die) << (die ? "the child outlived its parent" : "the child died with its parent unasked");
    if (alive) ::kill(child, SIGKILL);
    std::remove(path);
  }
}

TEST(Spawn, SaysWhyAProgramCannotRun) {
  Command missing;
  missing.argv = {"no-such-program-slurmglue"};
  missing.environment = {"PATH=/usr/bin:/bin"};
  const auto outcome = run(missing);
  EXPECT_FALSE(outcome.started);
  EXPECT_THAT(outcome.error, HasSubstr("not found on PATH"));
  Command not_executable;
  not_executable.argv = {"/etc/hostname"};
  const auto denied = run(not_executable);
  EXPECT_FALSE(denied.started);
  EXPECT_THAT(denied.error, HasSubstr("exec"));
}

// The agent starts sbatch in the job's own directory: the child starts
// there, and a directory it cannot enter is an error, never another one.
TEST(Spawn, StartsInTheDirectoryGivenOrNotAtAll) {
  char pattern[] = "/tmp/slurmglue-spawn-XXXXXX";
  ASSERT_NE(::mkdtemp(pattern), nullptr);
  const std::string directory = pattern;
  auto here = shell("pwd");
  here.directory = directory;
  EXPECT_EQ(run(here).out, directory + "\n");
  auto missing = shell("pwd");
  missing.directory = directory + "/missing";
  const auto outcome = run(missing);
  EXPECT_FALSE(outcome.started);  // and so pwd never ran
  EXPECT_THAT(outcome.error, HasSubstr("cannot enter " + directory + "/missing"));
  ::rmdir(pattern);
}

TEST(Spawn, ReportsASignal) {
  const auto outcome = run(shell("kill -TERM $$"));
  EXPECT_EQ(outcome.signal, 15);
  EXPECT_EQ(outcome.describe(), "killed by signal 15");
}

TEST(Spawn, FindsUsers) {
  const auto root = find_user("root");
  ASSERT_TRUE(root.has_value());
  EXPECT_EQ(root->uid, 0u);
  EXPECT_FALSE(find_user("no-such-user-slurmglue").has_value());
}

// The agent runs sbatch while its heartbeat thread runs; every caller gets
// its own child's output, even while another thread's child outlives it (the
// pipes of one run never leak into a child of another). Run under
// ThreadSanitizer too (tools/run-tests.sh).
TEST(Spawn, ThreadsRunProgramsAtOnceEachWithItsOwnOutput) {
  std::thread slow([] { EXPECT_TRUE(run(shell("sleep 1")).ok()); });
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &mismatches] {
      for (int i = 0; i < 10; ++i) {
        const std::string word = std::to_string(t) + "-" + std::to_string(i);
        auto command = shell("cat; printf %s \"$1\" >&2");
        command.argv.insert(command.argv.end(), {"-", word});
        command.input = word + "\n";
        const auto outcome = run(command);
        mismatches[static_cast<std::size_t>(t)] += outcome.out != word + "\n" || outcome.err != word || !outcome.ok();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  slow.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace slurmglue::process
