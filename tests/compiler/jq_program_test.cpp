#include "compiler/jq_program.hpp"

#include <gtest/gtest.h>

namespace sg = slurmglue::compiler;

// Programs that build JSON from values with keys and paths of their own.
TEST(JqProgram, KeysAndPathsWrittenInTheProgramKeepValuesStrings) {
  for (const char* p : {"{name: $n}", "{\"run name\": $n, lr: ($lr|tonumber)}", ".trainer.run_name = $n",
                        "{tags: [$a, $b]}", "{name: \"run-\\($n)\"}", ".[\"key\"] = $n", "{$n}", "{a: {b: $n}} | .a.c = 1",
                        "{n: ($n | ascii_downcase | split(\"-\") | join(\"_\"))}", "if $n == \"\" then {} else {n: $n} end",
                        // (fr hunt 56)
                        "{name: $n, notes: $c} | with_entries(select(.value != \"\"))", "{n: $n} | map_values(select(. != \"\"))",
                        "{n: $n} | del(.[] | select(. == \"\"))", "{n: ($n | .[0:32]), c: ($c | split(\"\\n\") | first)}",
                        "{slug: ($n | ascii_downcase | gsub(\"[^a-z0-9]+\"; \"-\"))}", "{t: ($n | .[-3:])}"})
    EXPECT_TRUE(sg::jq_keeps_values_strings(p)) << p;
}

// A value as a key or a path, however spelled (attacks 144-146), and what
// the whitelist does not read.
TEST(JqProgram, KeysOrPathsFromValuesAndUnknownFunctionsAreRefused) {
  for (const char* p : {".[$k] = $v", ".[ $k ] = $v", "{($k): $v}", "{ ($k): $v }", "{a: 1, ($k): 2}", "{\"\\($k)\": 1}",
                        "{\"k\": $k} | .[.k] = $v", "[[$k,$v]] | INDEX(.[0])", "fromstream([[$k], $v], [[$k]])",
                        ".[\"\" + $k] = $v", "setpath([$k]; 1)", "$ENV | {(.K): 0}", "{(env.K): 0}", "$ARGS.named",
                        "[{key: $k, value: 1}] | from_entries", "$v | fromjson", "input", "$n as $x | {}", ".. ",
                        "$n | @sh", "def f: 1; f", "reduce 1 as $x ({}; .)", "$__loc__", ".a[0]", "{a: 1",
                        "{$k: $v}", "{a: 1, $k : $v}", "{n: 1} | with_entries(.key = $k)",
                        "{n: 1} | with_entries(select(true) | .key = $k)", "with_entries(select(.a)) | .[$k]",
                        "{n: 1} | with_entries(select(\")\") | .key = $k)"})
    EXPECT_FALSE(sg::jq_keeps_values_strings(p)) << p;
}
