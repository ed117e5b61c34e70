// How sbatch reads the words of an #SBATCH line, as observed on Slurm 22.05
// (tests/integration/sbatch_directives_test.sh asserts each point on a real
// sbatch) and, for the one point that changed, as the release notes and
// sources of the tags say (no upstream code here):
//   - words are separated by blanks (what isspace() accepts);
//   - '...' and "..." group, may open and close mid-word, and are removed;
//   - '\' makes the next character literal, inside quotes too, except an
//     escaped blank outside quotes: up to 23.11 it still separates (the '\'
//     is dropped); from 24.05 on '\' followed by a space (only ' ', not a tab)
//     keeps the space in the word (Escapes::KeepSpace);
//   - a word that is only a '\' (at the end of the line, or before a blank up
//     to 23.11) is empty, which ends the line; a '\' ending a longer word
//     escapes nothing;
//   - an unquoted, unescaped '#' starts a comment: the rest of the line is ignored;
//   - an empty quoted word ("" or '') ends the line;
//   - a word whose first raw character is ':' is fatal;
//   - a bare hetjob/packjob (any case, followed by a blank or the line's
//     end) as the first word separates the components of a heterogeneous
//     job, and sbatch reads nothing after it; later in a line it ends the
//     line;
//   - an unmatched quote is fatal.
// This is a tiny scanner rather than a PEGTL grammar because its output is a
// byte-exact map from each word back to the line, which both the compiler and
// the renderer need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slurmglue::grammar::sbatch {

inline constexpr std::string_view kPrefix = "#SBATCH";
// sbatch 22.05 also applies "#SLURM" lines (with an error message asking for #SBATCH).
inline constexpr std::string_view kLegacyPrefix = "#SLURM";

// The length of the directive prefix `line` starts with, or 0 if it is no directive line.
inline std::size_t directive_prefix(std::string_view line) {
  if (line.substr(0, kPrefix.size()) == kPrefix) return kPrefix.size();
  if (line.substr(0, kLegacyPrefix.size()) == kLegacyPrefix) return kLegacyPrefix.size();
  return 0;
}

struct Word {
  std::string text;    // the word as sbatch passes it to getopt (quotes and escapes removed)
  std::size_t begin;   // its first byte in the scanned text
  std::size_t end;     // one past its last byte
};

struct SplitLine {
  std::vector<Word> words;
  std::optional<std::size_t> comment;         // where an unquoted '#' cut the line
  std::optional<std::size_t> unmatched_quote; // where an unclosed quote opened
  std::optional<std::size_t> ended_at;        // an empty quoted word or a later hetjob ended the line
  std::optional<std::size_t> leading_colon;   // a word starting with ':' (fatal)
  bool hetjob_separator = false;              // the line separates heterogeneous job components
};

inline bool is_hetjob_word(std::string_view raw) {
  auto same = [&](std::string_view want) {
    if (raw.size() != want.size()) return false;
    for (std::size_t k = 0; k < raw.size(); ++k)
      if ((raw[k] | 0x20) != want[k]) return false;
    return true;
  };
  return same("hetjob") || same("packjob");
}

// What, besides its words, decides how sbatch takes the line.
inline unsigned shape_flags(const SplitLine& s) {
  return (s.unmatched_quote ? 1u : 0u) | (s.ended_at ? 2u : 0u) | (s.leading_colon ? 4u : 0u) |
         (s.hetjob_separator ? 8u : 0u);
}

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// How '\' before a blank reads: Separate up to Slurm 23.11, KeepSpace from 24.05.
enum class Escapes : unsigned char { Separate, KeepSpace };

// Splits the text after "#SBATCH" (up to, not including, the line break).
// The renderer checks rendered lines with the default (the reading of the
// oldest release the glue supports); the linter follows the target release.
inline SplitLine split(std::string_view text, Escapes escapes = Escapes::Separate) {
  SplitLine out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i >= text.size()) break;
    if (text[i] == '#') {
      out.comment = i;
      break;
    }
    Word w{{}, i, i};
    char quote = 0;
    std::size_t quote_at = 0;
    while (i < text.size() && (quote || !is_blank(text[i]))) {
      const char c = text[i];
      if (c == '\\') {
        const bool keep = i + 1 < text.size() && (quote || !is_blank(text[i + 1]) ||
                                                  (escapes == Escapes::KeepSpace && text[i + 1] == ' '));
        if (keep) w.text += text[i + 1];
        if (i + 1 < text.size() && !keep) {
          ++i;  // before 24.05 the escaped blank still ends the word
          break;
        }
        i += 2;
        continue;
      }
      if (quote) {
        if (c == quote)
          quote = 0;
        else
          w.text += c;
      } else if (c == '"' || c == '\'') {
        quote = c;
        quote_at = i;
      } else if (c == '#') {
        out.comment = i;
        break;
      } else {
        w.text += c;
      }
      ++i;
    }
    w.end = std::min(i, text.size());
    if (quote) {
      out.unmatched_quote = quote_at;
      out.words.push_back(std::move(w));
      break;
    }
    const std::string_view raw = text.substr(w.begin, w.end - w.begin);
    if (w.text.empty() && !raw.empty()) {
      out.ended_at = w.begin;
      break;
    }
    if (raw[0] == ':' && !out.leading_colon) out.leading_colon = w.begin;
    // (Only followed by a blank or the line's end: "hetjob#x" is a word.)
    if (is_hetjob_word(raw) && (w.end >= text.size() || is_blank(text[w.end]))) {
      if (out.words.empty()) {
        out.hetjob_separator = true;
      } else {
        out.ended_at = w.begin;
      }
      break;
    }
    out.words.push_back(std::move(w));
    if (out.comment) break;
  }
  return out;
}

}  // namespace slurmglue::grammar::sbatch
