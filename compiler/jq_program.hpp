// Whether a jq program keeps every value it is given (--arg NAME VALUE) a
// string inside the JSON it builds, never a key or a path: a whitelist
// reading of the program (object keys written as names or plain strings,
// paths as .name or .["literal"], a few functions of values), since keys
// made from values (.[$k], {($k): v}, INDEX, fromstream, setpath, ...) can
// be spelled in more ways than any list of bad forms names (attack 146).
#pragma once

#include <string_view>

namespace slurmglue::compiler {

bool jq_keeps_values_strings(std::string_view program);

}  // namespace slurmglue::compiler
