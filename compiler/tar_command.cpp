#include "compiler/tar_command.hpp"

#include "compiler/programs.hpp"

namespace slurmglue::compiler {

using programs::listed;

namespace {

// (GNU tar's manual and bsdtar(1): bsdtar's -H and -L follow links and its
// -s takes a pattern; GNU's -H is --format and -L --tape-length.)
std::string_view value_letters(std::string_view program) { return program == "bsdtar" ? "bCfIsTX" : "bCfFgHIKLNTVX"; }

TarCommand::Mode mode_of_letter(char c) {
  switch (c) {
    case 'c': return TarCommand::Mode::Create;
    case 'r': return TarCommand::Mode::Append;
    case 'u': return TarCommand::Mode::Update;
    case 'x': return TarCommand::Mode::Extract;
    case 't': return TarCommand::Mode::List;
    case 'd': return TarCommand::Mode::Compare;
    case 'A': return TarCommand::Mode::Concatenate;
    default: return TarCommand::Mode::None;
  }
}

TarCommand::Mode mode_of_long(std::string_view option) {
  if (option == "--create") return TarCommand::Mode::Create;
  if (option == "--append") return TarCommand::Mode::Append;
  if (option == "--update") return TarCommand::Mode::Update;
  if (option == "--extract" || option == "--get") return TarCommand::Mode::Extract;
  if (option == "--list") return TarCommand::Mode::List;
  if (option == "--diff" || option == "--compare") return TarCommand::Mode::Compare;
  if (option == "--catenate" || option == "--concatenate") return TarCommand::Mode::Concatenate;
  if (option == "--delete") return TarCommand::Mode::Delete;
  return TarCommand::Mode::None;
}

// Long options whose value may be the next word (GNU tar and bsdtar).
bool long_takes_value(std::string_view option) {
  return listed(
      "--file --directory --cd --files-from --exclude --exclude-from --exclude-tag --exclude-tag-all --exclude-tag-under "
      "--exclude-ignore --exclude-ignore-recursive --include --add-file --after-date --newer --newer-mtime --newer-than "
      "--blocking-factor --record-size --checkpoint-action --format --group --owner --group-map --owner-map --uid --gid "
      "--uname --gname --mode --mtime --hole-detection --index-file --info-script --new-volume-script --label --level "
      "--listed-incremental --pax-option --options --quote-chars --no-quote-chars --quoting-style --rmt-command "
      "--rsh-command --sort --sparse-version --starting-file --strip-components --suffix --tape-length --to-command "
      "--transform --xform --use-compress-program --volno-file --warning --xattrs-exclude --xattrs-include "
      "--set-mtime-format --set-mtime-command --passphrase",
      option);
}

}  // namespace

TarCommand read_tar(std::string_view program, const std::vector<std::string_view>& words, std::size_t first) {
  TarCommand tar;
  const auto letters = value_letters(programs::basename_of(program));
  const auto set_mode = [&](TarCommand::Mode m) {
    if (m != TarCommand::Mode::None) tar.mode = m;
  };
  // A value-taking option's value: -f A, --file=A.
  const auto take = [&](char letter, std::size_t word, std::string text) {
    if (letter == 'f') tar.archives.push_back({word, std::move(text)});
    else if (letter == 'C') tar.directories.push_back({word, std::move(text)});
    else if (letter == 'g') tar.side_files.push_back({word, std::move(text)});
    else if (letter == '!') tar.commands.push_back({word, std::move(text)});
  };
  const bool bsdtar = programs::basename_of(program) == "bsdtar";
  // (bsdtar's -I is -T, a file of names; GNU tar's -I and -F run programs.)
  const auto letter_of_short = [&](char c) { return !bsdtar && (c == 'I' || c == 'F') ? '!' : c; };
  const auto letter_of_long = [](std::string_view option) -> char {
    if (option == "--file") return 'f';
    if (option == "--directory" || option == "--cd") return 'C';
    if (option == "--listed-incremental" || option == "--index-file" || option == "--volno-file") return 'g';
    if (listed("--use-compress-program --to-command --info-script --new-volume-script --rsh-command --rmt-command "
               "--checkpoint-action --set-mtime-command",
               option))
      return '!';
    return 0;
  };
  std::size_t k = first;
  // Old style: tar xf A (the letters of the first word, their values the
  // words after it in order).
  if (k < words.size() && !words[k].empty() && words[k][0] != '-') {
    const auto cluster = words[k++];
    for (const char c : cluster) {
      set_mode(mode_of_letter(c));
      tar.verbose |= c == 'v';
      if (letters.find(c) != std::string_view::npos && k < words.size()) {
        take(letter_of_short(c), k, std::string(words[k]));
        ++k;
      }
    }
  }
  for (; k < words.size(); ++k) {
    const auto w = words[k];
    if (w == "--") {
      tar.options_end = k + 1;
      for (++k; k < words.size(); ++k) tar.operands.push_back(k);
      return tar;
    }
    if (w.size() > 2 && w[0] == '-' && w[1] == '-') {
      const auto eq = w.find('=');
      const auto option = w.substr(0, eq);
      set_mode(mode_of_long(option));
      const char letter = letter_of_long(option);
      tar.verbose |= option == "--verbose";
      if (eq != std::string_view::npos) take(letter, k, std::string(w.substr(eq + 1)));
      else if (long_takes_value(option) && k + 1 < words.size()) {
        ++k;
        take(letter, k, std::string(words[k]));
      }
      continue;
    }
    if (w.size() > 1 && w[0] == '-') {
      for (std::size_t i = 1; i < w.size(); ++i) {
        const char c = w[i];
        set_mode(mode_of_letter(c));
        tar.verbose |= c == 'v';
        if (letters.find(c) == std::string_view::npos) continue;
        if (i + 1 < w.size()) take(letter_of_short(c), k, std::string(w.substr(i + 1)));
        else if (k + 1 < words.size()) {
          ++k;
          take(letter_of_short(c), k, std::string(words[k]));
        }
        break;
      }
      continue;
    }
    tar.operands.push_back(k);
  }
  tar.options_end = words.size();
  return tar;
}

}  // namespace slurmglue::compiler
