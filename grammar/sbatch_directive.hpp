// How sbatch reads the words of an #SBATCH line (Slurm's sbatch(1) and
// src/sbatch/opt.c behaviour, re-stated here; no upstream code):
//   - words are separated by blanks (what isspace() accepts);
//   - '...' and "..." group, and the quotes are removed;
//   - '\' makes the next character literal, inside quotes too;
//   - an unquoted, unescaped '#' starts a comment: the rest of the line is ignored;
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

struct Word {
  std::string text;    // the word as sbatch passes it to getopt (quotes and escapes removed)
  std::size_t begin;   // its first byte in the scanned text
  std::size_t end;     // one past its last byte
};

struct SplitLine {
  std::vector<Word> words;
  std::optional<std::size_t> comment;         // where an unquoted '#' cut the line
  std::optional<std::size_t> unmatched_quote; // where an unclosed quote opened
};

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// Splits the text after "#SBATCH" (up to, not including, the line break).
inline SplitLine split(std::string_view text) {
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
        if (i + 1 < text.size()) w.text += text[i + 1];
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
    out.words.push_back(std::move(w));
    if (out.comment) break;
  }
  return out;
}

}  // namespace slurmglue::grammar::sbatch
