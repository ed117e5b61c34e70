#!/usr/bin/env bash
# The test command of the README (after tools/setup-debian.sh, which installs
# what it needs): builds with warnings as errors and runs every test (unit,
# golden, injection corpus, the ClearML client against its test double, the
# .deb package, integration on a real Slurm cluster started by
# tests/integration/slurm-cluster.sh). The compiler and renderer tests also
# run once more under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh --check

sanitized=(grammar_tests compiler_tests render_tests injection_corpus_test)
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSLURMGLUE_SANITIZE=ON -DSLURMGLUE_WERROR=ON >/dev/null
cmake --build build-sanitize -j"${JOBS:-2}" --target "${sanitized[@]}"
for test in "${sanitized[@]}"; do
  binary=$(find build-sanitize/tests -type f -name "$test" | head -n 1)
  echo "== $test (address and undefined-behaviour sanitizers)"
  "$binary" --gtest_brief=1
done

tools/build.sh -DSLURMGLUE_WERROR=ON -DSLURMGLUE_CLUSTER_TESTS=ON
ctest --test-dir build --output-on-failure -j2 --timeout 600
