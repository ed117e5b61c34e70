// The typed-value grammars through the renderer's check_value, which is how
// every caller uses them.
#include <gtest/gtest.h>

#include "runtime/render/value_checks.hpp"

namespace {

using slurmglue::render::check_value;
using slurmglue::render::ValueKind;

void accepts(ValueKind k, std::initializer_list<const char*> values) {
  for (auto v : values) EXPECT_EQ(check_value(k, v), "") << v;
}
void rejects(ValueKind k, std::initializer_list<const char*> values) {
  for (auto v : values) EXPECT_NE(check_value(k, v), "") << v;
}

TEST(ValueGrammars, Time) {
  // (2-: D days, as parse_time reads "days-[hours[:minutes[:seconds]]]"; lint hunt 57.)
  accepts(ValueKind::Time, {"5", "05:00", "01:00:00", "2-", "2-0", "2-12", "2-12:30", "2-12:30:15", "UNLIMITED", "infinite", "-1"});
  rejects(ValueKind::Time, {"", "1h", "1:2:3:4", "-2", "-1:00", "2-:30", "1 --hold", "01:00:00;id", "1-2-3"});
}

TEST(ValueGrammars, Memory) {
  accepts(ValueKind::Memory, {"0", "100", "16G", "512m", "1T", "4k", "16GB", "512mb", "64gB"});
  rejects(ValueKind::Memory, {"", "16B", "16GBB", "G", "1.5G", "-1", "16G --hold", "16GiB"});
}

TEST(ValueGrammars, NodeCount) {
  accepts(ValueKind::NodeCount, {"1", "2-4", "1,4,8", "1k", "2-1K", "1m", "+2", "+1-+4"});
  rejects(ValueKind::NodeCount, {"", "a", "2-", "-2", "1,", "1 --x", "k", "1kk", "1g"});
  // sbatch fails on a maximum below the minimum (lint hunt 57).
  accepts(ValueKind::NodeCount, {"2-2", "1k-2k", "2-1025:2", "1-4,8-8"});
  rejects(ValueKind::NodeCount, {"8-2", "2k-1025", "1-4,8-2", "2m-1k"});
}

TEST(ValueGrammars, Integer) {
  accepts(ValueKind::Integer, {"0", "42"});
  accepts(ValueKind::Integer, {"-5", "+10"});
  rejects(ValueKind::Integer, {"", "-", "+", "4.0", "4 2", "0x10", "--5", "+-5", "TOP"});
  // Counts: parse_int with `positive` refuses 0 and negatives (lint hunt 57).
  accepts(ValueKind::Count, {"1", "42", "+8", "007"});
  rejects(ValueKind::Count, {"", "0", "000", "-4", "+0", "+", "4.0", "1k", "TOP"});
  accepts(ValueKind::Priority, {"0", "42", "TOP", "top", "Top"});
  rejects(ValueKind::Priority, {"", "high", "TOPS", "4.0"});
}

TEST(ValueGrammars, Keywords) {
  accepts(ValueKind::OpenMode, {"append", "truncate", "a", "T", "Append"});
  rejects(ValueKind::OpenMode, {"", "overwrite", "w", "a b", "a;id", "-a"});
  // parse_mail_type skips names it does not know, and fails only where it knows none.
  accepts(ValueKind::MailTypes, {"END", "begin,end,fail", "ALL", "END,FINISH", "TIME_LIMIT_90", "none"});
  rejects(ValueKind::MailTypes, {"", "FINISH", "END,", ",END", "END FAIL", "END;id"});
  // get_signal_opts: [R][B][R][:]SIGNAL[@SECONDS], names of Slurm's table (lint hunt 57).
  accepts(ValueKind::Signal, {"USR1", "B:USR1@90", "SIGTERM@120", "RB:USR2", "10", "b:sigusr1@0", "TERM@65535"});
  accepts(ValueKind::ArrayIndexes, {"0-15", "0-15%4", "1,3,5-7", "0-99:10", "7", "1-10:2%3", "0-90:05%5", "1-10:2%2,20", "3%2,5-9"});
  rejects(ValueKind::ArrayIndexes, {"", "5-1", "0-3,9-4%2", "1..50", "{1..10}", "1-10,", "0-", "a-b", "1-10%", "%4", "1 -10", "1-10;x", "0-90:0%5", "1-9:00", "1%2,9-4"});
  rejects(ValueKind::Signal, {"", "B:FOO@90", "USR1@", "USR1@70000", "0", "70000", "USR1@9x", "B:", "USR1 @90", "RTMIN"});
  // verify_hint, verify_dist_type, the controller's dependency parser and
  // parse_time (lint hunt 65).
  accepts(ValueKind::Hints, {"nomultithread", "compute_bound,multithread", "Memory_Bound"});
  rejects(ValueKind::Hints, {"", "nomultithreading", "help", "compute_bound,", "multithread nomultithread"});
  accepts(ValueKind::Distribution, {"block", "cyclic:fcyclic", "block:cyclic:block,NoPack", "*:*:fcyclic", "plane=4",
                                    "PLANE=16", "arbitrary", "pack", "Cyclic,pack"});
  rejects(ValueKind::Distribution, {"", "blocks:cyclic", "fcyclic", "block:arbitrary", "arbitrary:block",
                                    "block:block:block:block", "block,", "plane=x", "block,packed", "plane", "plane=0",
                                    "plane=4,Pack"});
  accepts(ValueKind::Dependency, {"afterok:123", "afterok:123:456,afterany:789", "singleton", "0", "123:456",
                                  "after:123+5", "afterok:12_[1-3]?afternotok:5", "AfterNotOK:7_*", "aftercorr:9_2"});
  rejects(ValueKind::Dependency, {"", "aftrok:123", "afterok:", "afterok:abc", "afterok:1,afterany:2?after:3",
                                  "afterok:1_[$(id)]", "afterok:1;x", "afterok 1"});
  accepts(ValueKind::TimeSpec, {"16:00", "now+1hour", "now+60", "now + 2 days", "2010-01-20T12:34:00", "tomorrow",
                                "12/25-08:00", "teatime", "4:30 PM", "0120", "01.20.25", "uts1700000000", "midnight"});
  rejects(ValueKind::TimeSpec, {"", "next-tuesday", "4pm", "now+1h", "now+", "tomorow", "16:00;id", "$(date)",
                                // (lint hunt 66: each field's range, an ISO date's width, a two-digit year)
                                "2025-13-01T12:00", "25:00", "12:60", "12:00:61", "13:00PM", "2025-01-32", "13/01",
                                "1300", "01/20/2025", "2025-1-5T08:00"});
  accepts(ValueKind::TimeSpec, {"12:00PM", "9:05 am", "1/5", "01/20/25", "2025-01-05", "23:59:59", "0105"});
  accepts(ValueKind::YesNo, {"yes", "no", "YES", "No"});
  rejects(ValueKind::YesNo, {"", "maybe", "y", "true", "yes no"});
}

TEST(ValueGrammars, ContainerImage) {
  accepts(ValueKind::ContainerImage,
          {"docker://nvcr.io/nvidia/pytorch:24.01-py3", "nvcr.io#nvidia/pytorch:24.01-py3", "ubuntu:22.04", "ubuntu",
           "docker://ubuntu", "dockerd://ubuntu:22.04", "user@nvcr.io#nvidia/pytorch", "registry:5000/team/img:tag",
           "./image.sqsh", "/shared/images/pytorch.sqsh", "localhost/x",
           "alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "my_org/my-img__x:v1.0"});
  rejects(ValueKind::ContainerImage, {"", "Ubuntu", "docker://UPPER/x", "ubuntu:", "podman://ubuntu", "a b",
                                      "ubuntu;id", "-x", "ubuntu:tag --hold", "ubuntu@@x", "nvcr.io#",
                                      // The node's device and process trees, however spelled.
                                      "/dev/stdin", "//dev/stdin", "/./proc/self/root", "///sys/x", "/dev"});
}

TEST(ValueGrammars, ContainerMounts) {
  accepts(ValueKind::ContainerMounts,
          {"/data", "/data:/data", "/data:/mnt/data:ro", "/a:/b:ro+rbind,/c:/d", "./rel:/x", "tmpfs:/tmp", "umount:/x"});
  rejects(ValueKind::ContainerMounts, {"", "/a:/b,", ",/a", "data:/x", "/a:b", "/a::/b", "/a:/b:ro flag", "~/x:/x",
                                       "/d$(id):/x", "/d`id`:/x", "/d\":/x"});
}

TEST(ValueGrammars, ContainerName) {
  accepts(ValueKind::ContainerName, {"train", "train:auto", "x.y-z_1:no_exec"});
  rejects(ValueKind::ContainerName, {"", "train:sometimes", "a b", "x:"});
}

}  // namespace
