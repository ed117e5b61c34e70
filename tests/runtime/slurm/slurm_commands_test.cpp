#include "runtime/slurm/slurm_commands.hpp"

#include <gtest/gtest.h>

namespace slurmglue::slurm {
namespace {

process::Outcome exited(int code, std::string out, std::string err) {
  process::Outcome outcome;
  outcome.started = true;
  outcome.exit_code = code;
  outcome.out = std::move(out);
  outcome.err = std::move(err);
  return outcome;
}

TEST(SbatchResult, ReadsTheParsableJobId) {
  auto r = SlurmCommands::classify(exited(0, "1234\n", ""));
  EXPECT_EQ(r.kind, SubmitResult::Kind::Submitted);
  EXPECT_EQ(r.job_id, "1234");
  r = SlurmCommands::classify(exited(0, "99;cluster2\n", "sbatch: warning: something\n"));
  EXPECT_EQ(r.kind, SubmitResult::Kind::Submitted);
  EXPECT_EQ(r.job_id, "99");
  EXPECT_EQ(r.message, "sbatch: warning: something");
}

TEST(SbatchResult, ARefusalIsFinalAndKeepsSbatchsWords) {
  const auto r = SlurmCommands::classify(
      exited(1, "", "sbatch: error: invalid partition specified: nope\nsbatch: error: Batch job submission failed\n"));
  EXPECT_EQ(r.kind, SubmitResult::Kind::Rejected);
  EXPECT_NE(r.message.find("invalid partition specified: nope"), std::string::npos);
}

TEST(SbatchResult, AnUnreachableControllerIsTransient) {
  for (const char* words : {"sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)",
                            "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation",
                            "sbatch: error: Slurm temporarily unable to accept job, sleeping and retrying"}) {
    EXPECT_EQ(SlurmCommands::classify(exited(1, "", words)).kind, SubmitResult::Kind::Transient) << words;
  }
}

TEST(SbatchResult, NoIdOrNoAnswerMeansTheJobMayExist) {
  EXPECT_EQ(SlurmCommands::classify(exited(0, "garbage", "")).kind, SubmitResult::Kind::Transient);
  process::Outcome hung;
  hung.started = true;
  hung.timed_out = true;
  EXPECT_EQ(SlurmCommands::classify(hung).kind, SubmitResult::Kind::Transient);
  process::Outcome missing;
  missing.error = "sbatch: not found on PATH";
  EXPECT_EQ(SlurmCommands::classify(missing).kind, SubmitResult::Kind::Transient);
}

TEST(SqueueLine, ReadsFieldsWithTheCommentLast) {
  const auto job = SlurmCommands::parse_job_line("17|PENDING|Resources|alice|slurmglue:w1:abc|odd");
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->id, "17");
  EXPECT_EQ(job->state, "PENDING");
  EXPECT_EQ(job->reason, "Resources");
  EXPECT_EQ(job->user, "alice");
  EXPECT_EQ(job->tag, "slurmglue:w1:abc|odd");
  EXPECT_FALSE(SlurmCommands::parse_job_line("not a job line").has_value());
  EXPECT_FALSE(SlurmCommands::parse_job_line("x1|RUNNING|None|bob|c").has_value());
}

TEST(ScontrolDetails, ReadsFieldsWhoseValuesHoldBlanks) {
  const auto d = SlurmCommands::parse_details(
      "JobId=5 JobName=clearml task UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) "
      "ExitCode=3:0 StdErr=/data/my logs/task-5.log StdIn=/dev/null StdOut=/data/my logs/task-5.log Power=\n");
  EXPECT_EQ(d.exit_code, "3:0");
  EXPECT_EQ(d.std_out, "/data/my logs/task-5.log");
  EXPECT_EQ(d.reason, "NonZeroExitCode");
}

TEST(JobStates, FinishedOnesAreFinal) {
  for (const char* s : {"COMPLETED", "FAILED", "CANCELLED", "CANCELLED by 0", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL",
                        "PREEMPTED", "BOOT_FAIL", "DEADLINE"}) {
    EXPECT_TRUE(is_finished(s)) << s;
  }
  for (const char* s : {"PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "SUSPENDED", "REQUEUED", "RESIZING"}) {
    EXPECT_FALSE(is_finished(s)) << s;
  }
}

}  // namespace
}  // namespace slurmglue::slurm
