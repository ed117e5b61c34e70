// What the value-flow pass knows of programs: runners by their names,
// option lists, and which of curl's and wget's words are URLs.
#include "compiler/programs.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

namespace sg = slurmglue;
namespace P = slurmglue::compiler::programs;

namespace {

// The words of a command line split at blanks, and their addresses.
struct Words {
  std::deque<sg::compiler::ShellWord> storage;
  std::vector<const sg::compiler::ShellWord*> words;
  explicit Words(const std::string& line) {
    std::size_t k = 0;
    while (k < line.size()) {
      const auto end = std::min(line.find(' ', k), line.size());
      storage.push_back({});
      storage.back().text = line.substr(k, end - k);
      words.push_back(&storage.back());
      k = end + 1;
    }
  }
  std::vector<std::string> urls(std::string_view prog) const {
    std::vector<std::string> out;
    for (const auto* w : P::fetched_urls(words, prog)) out.push_back(w->text);
    return out;
  }
};

TEST(Programs, ListedMatchesWholeEntriesOnly) {
  constexpr std::string_view list = "-k --kill-after -s ld ld.gold";
  EXPECT_TRUE(P::listed(list, "-k"));
  EXPECT_TRUE(P::listed(list, "ld"));
  EXPECT_TRUE(P::listed(list, "ld.gold"));
  EXPECT_TRUE(P::listed(list, "-s"));
  // A part of an entry, a run of entries or nothing is not an entry.
  EXPECT_FALSE(P::listed(list, "-kill"));
  EXPECT_FALSE(P::listed(list, "gold"));
  EXPECT_FALSE(P::listed(list, "ld."));
  EXPECT_FALSE(P::listed(list, "-k --kill-after"));
  EXPECT_FALSE(P::listed(list, ""));
  EXPECT_FALSE(P::listed("", "-k"));
}

TEST(Programs, RunnersAreFoundByTheirNamesAndShareOptions) {
  ASSERT_NE(P::find_runner("mpirun.openmpi"), nullptr);
  EXPECT_EQ(P::find_runner("mpirun.openmpi")->name, "mpirun");
  EXPECT_EQ(P::find_runner("orterun")->name, "mpirun");
  EXPECT_EQ(P::options_of(P::find_runner("mpiexec"))->name, "mpirun");
  EXPECT_EQ(P::options_of(P::find_runner("apptainer"))->name, "singularity");
  EXPECT_EQ(P::find_runner("python3"), nullptr);
  EXPECT_TRUE(P::listed(P::find_runner("timeout")->with_arg, "-k"));
  EXPECT_FALSE(P::listed(P::find_runner("timeout")->with_arg, "-v"));
}

TEST(Programs, ShellsInterpretersAndTheirCodeOptions) {
  EXPECT_TRUE(P::is_shell("bash"));
  EXPECT_FALSE(P::is_shell("python3"));
  EXPECT_TRUE(P::is_interpreter("python3.11"));
  EXPECT_TRUE(P::is_interpreter("perl5.36"));
  EXPECT_FALSE(P::is_interpreter("ls"));
  EXPECT_EQ(P::code_option_letters("bash"), "c");
  EXPECT_EQ(P::code_option_letters("perl"), "eE");
  EXPECT_TRUE(P::listed(P::command_options("rsync"), "-e"));
  EXPECT_TRUE(P::listed(P::command_file_options("less"), "--lesskey-src"));
  EXPECT_TRUE(P::command_file_options("ls").empty());
  EXPECT_TRUE(P::names_stdin("/dev/stdin"));
  EXPECT_FALSE(P::names_stdin("/dev/null"));
  EXPECT_EQ(P::basename_of("/usr/bin/python3"), "python3");
}

TEST(Programs, OnlyTheURLsOfCurlAndWgetAreURLs) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Words("curl -fsSL -o out.tgz -H X:1 https://h/a").urls("curl"), V{"https://h/a"});
  EXPECT_EQ(Words("curl -F a=b --retry 3 --url https://h/u https://h/v").urls("curl"), (V{"https://h/u", "https://h/v"}));
  EXPECT_EQ(Words("timeout 60 curl -O https://h/x").urls("curl"), V{"https://h/x"});
  EXPECT_EQ(Words("wget -O f.tgz -P dir ftp://h/*").urls("wget"), V{"ftp://h/*"});
}

}  // namespace

// The keys naming saved state a program restores, in the spellings
// trainers use; a key that only sounds close (weight_decay, download_dir,
// a tokenizer's model file) is not one.
TEST(Programs, KeysNamingCheckpointsAProgramRestores) {
  for (const char* key : {"--ckpt_path", "--ckpt-path", "--resume", "--resume_from_checkpoint", "--resumeFrom",
                          "model.restore_from_path", "+trainer.resume_from_checkpoint", "MODEL.WEIGHTS", "--weights",
                          "--load", "--load-dir", "loadPath", "gpt_model_file", "init_from", "--init_checkpoint",
                          "nemo_file", "--pretrained_ckpt", "--pretrained", "MODEL.WEIGHT", "--init_model",
                          "--snapshot_path", "--state_dict", "--init", "--finetune", "--pretrain_path", "--teacher_path",
                          "-train_from", "--network", "--warm_start", "--restart", "--opt_state", "--replay_buffer"})
    EXPECT_TRUE(P::restores_saved_state(key)) << key;
  for (const char* key : {"--weight_decay", "--download_dir", "--upload", "--dataloader_workers", "tokenizer.model_file",
                          "--output_dir", "--save", "--lr", "--workload", "--config", "--init_method", "--dist-url",
                          "--model_name", "--tokenizer_name", "--loss_weight_decay", "--", "--model_name_or_path",
                          "--pretrained_model_name_or_path", "--model_dir", "--class_weights",
                          "--loss_weight", "--output_dir"})
    EXPECT_FALSE(P::restores_saved_state(key)) << key;
  for (const char* key : {"--output_dir", "--out_dir", "--work-dir", "--save", "trainer.default_root_dir"})
    EXPECT_TRUE(P::restores_saved_state(key, true)) << key;
  for (const char* key : {"--lr", "--data_dir"})
    EXPECT_FALSE(P::restores_saved_state(key, true)) << key;
  for (const char* key : {"--"})
    EXPECT_FALSE(P::restores_saved_state(key)) << key;
}
