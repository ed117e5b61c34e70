// How tar's words are read: the operation, archives, directories, names.
#include "compiler/tar_command.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using slurmglue::compiler::read_tar;
using slurmglue::compiler::TarCommand;
using Mode = TarCommand::Mode;

// tar's words from a blank-separated line; words[0] is the program.
struct Line {
  std::vector<std::string> words;
  explicit Line(const std::string& line) {
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(w);
  }
  TarCommand read() const {
    const std::vector<std::string_view> views(words.begin(), words.end());
    return read_tar(views.front(), views, 1);
  }
};

std::vector<std::string> texts(const std::vector<TarCommand::Value>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.text);
  return out;
}

TEST(TarCommand, TheOperationIsAnyClustersLetterOrLongOption) {
  EXPECT_EQ(Line("tar -xf a.tar").read().mode, Mode::Extract);
  EXPECT_EQ(Line("tar xzf a.tar").read().mode, Mode::Extract);
  EXPECT_EQ(Line("tar --get --file a.tar").read().mode, Mode::Extract);
  EXPECT_EQ(Line("tar -C w -xvzf a.tar").read().mode, Mode::Extract);
  EXPECT_EQ(Line("tar cf a.tar src").read().mode, Mode::Create);
  EXPECT_EQ(Line("tar -rf a.tar x").read().mode, Mode::Append);
  EXPECT_EQ(Line("tar -tvf a.tar").read().mode, Mode::List);
  EXPECT_EQ(Line("tar --delete -f a.tar x").read().mode, Mode::Delete);
  // The letters of an attached value are not options: -cfstage.tar creates
  // (its 't' lists nothing), -Cextra -c creates (its 'x' extracts nothing).
  EXPECT_EQ(Line("tar -cfstage.tar src").read().mode, Mode::Create);
  EXPECT_EQ(Line("tar -Cextra -c .").read().mode, Mode::Create);
  EXPECT_EQ(Line("tar --exclude x -c .").read().mode, Mode::Create);
  EXPECT_EQ(Line("tar -v").read().mode, Mode::None);
}

TEST(TarCommand, ArchivesAndDirectoriesAttachedOrInTheirOwnWords) {
  const Line attached("tar -xzfstage.tar -Cwork --directory=/d");
  const auto a = attached.read();
  EXPECT_EQ(texts(a.archives), std::vector<std::string>{"stage.tar"});
  EXPECT_EQ(a.archives.front().word, 1u);  // (the word holding it: the option's)
  EXPECT_EQ(texts(a.directories), (std::vector<std::string>{"work", "/d"}));
  const auto own = Line("tar -x -f stage.tar -C work --file b.tar").read();
  EXPECT_EQ(texts(own.archives), (std::vector<std::string>{"stage.tar", "b.tar"}));
  EXPECT_EQ(own.archives.front().word, 3u);
  EXPECT_EQ(texts(own.directories), std::vector<std::string>{"work"});
  // Old style: the value-taking letters take the next words in order.
  const auto old = Line("tar xfC a.tar dir member").read();
  EXPECT_EQ(texts(old.archives), std::vector<std::string>{"a.tar"});
  EXPECT_EQ(texts(old.directories), std::vector<std::string>{"dir"});
  EXPECT_EQ(old.operands, std::vector<std::size_t>{4});
  // -b 20 and --exclude PAT take a value, which is no member.
  const auto values = Line("tar -c -b 20 --exclude *.o -f a.tar src").read();
  EXPECT_EQ(values.operands, std::vector<std::size_t>{8});
  // bsdtar's -s takes a pattern; GNU tar's -s is a flag.
  EXPECT_EQ(Line("bsdtar -x -s x -f a.tar").read().operands, std::vector<std::size_t>{});
  EXPECT_EQ(Line("tar -x -s x -f a.tar").read().operands, std::vector<std::size_t>{3});
}

TEST(TarCommand, VerboseAndTheFilesWrittenBesideTheArchive) {
  EXPECT_TRUE(Line("tar xvf a.tar").read().verbose);
  EXPECT_TRUE(Line("tar -c --verbose -f a.tar x").read().verbose);
  EXPECT_FALSE(Line("tar -xfvideos.tar").read().verbose);
  const auto t = Line("tar -c -g snap.db --index-file=idx -f a.tar x").read();
  EXPECT_EQ(texts(t.side_files), (std::vector<std::string>{"snap.db", "idx"}));
}

TEST(TarCommand, CommandLinesItRuns) {
  EXPECT_EQ(texts(Line("tar xIf zstd a.tar").read().commands), std::vector<std::string>{"zstd"});
  EXPECT_EQ(texts(Line("tar xMFf next.sh a.tar").read().commands), std::vector<std::string>{"next.sh"});
  EXPECT_EQ(texts(Line("tar -xIzstd -f a.tar --to-command=cat").read().commands), (std::vector<std::string>{"zstd", "cat"}));
  EXPECT_EQ(texts(Line("bsdtar -x --use-compress-program zstd -f a.tar").read().commands), std::vector<std::string>{"zstd"});
  EXPECT_EQ(texts(Line("bsdtar -x -I list.txt -f a.tar").read().commands), std::vector<std::string>{});
}

TEST(TarCommand, DoubleDashEndsOptions) {
  const auto t = Line("tar -xf a.tar -- -C x").read();
  EXPECT_EQ(texts(t.directories), std::vector<std::string>{});
  EXPECT_EQ(t.options_end, 4u);
  EXPECT_EQ(t.operands, (std::vector<std::size_t>{4, 5}));
  EXPECT_EQ(Line("tar -xf a.tar m").read().options_end, 4u);
}

}  // namespace
