// Where a point of a sed script stands: enough of sed's grammar to tell
// the replacement of an s command, which sed copies, from addresses,
// commands and flags, which it runs (GNU sed: s///e and the e command run
// a shell, w writes a file).
#pragma once

#include <string_view>

namespace slurmglue::compiler {

// Whether the end of `before`, a sed script's text up to a point (the
// shell's quotes already removed), stands inside the replacement of an
// s command whose delimiter is no character of a number (digits, '.',
// '+', '-', e, E), so that a number there is copied text and cannot end
// it. Scripts of addressed s commands only (/re/, \cREc, N, $, ranges,
// '!'), parted by ';' or new lines; anything else answers false.
bool ends_in_sed_replacement(std::string_view before);

// The text sed gets from `raw`, a word as written in the script, or
// nothing when the word expands something ('$', '`') or ends inside an
// escape.
bool unquote_plain_word(std::string_view raw, std::string& out);

}  // namespace slurmglue::compiler
