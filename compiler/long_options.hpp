// The long options the compiler knows, and the ones a word cut short may
// be. getopt_long, argparse, optparse and git take any unambiguous prefix
// of a long option (--outp for --output, --to-c for --to-command), so a
// rule that knows an option by its full name must also know it cut short.
#pragma once

#include <string_view>
#include <vector>

namespace slurmglue::compiler {

// Whether `option` (--name, without =value) is a long option the compiler's
// rules name.
bool is_known_long_option(std::string_view option);
// The options `option` may be when cut short: the known long options it
// is a proper prefix of (--outp: --output, --output-document, ...), and
// itself first when it is known too; none when it cuts nothing, or is
// shorter than "--x".
std::vector<std::string_view> options_cut_to(std::string_view option);

}  // namespace slurmglue::compiler
