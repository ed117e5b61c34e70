#!/usr/bin/env bash
# The test command of the README (after tools/setup-debian.sh, which installs
# what it needs; this script installs nothing): builds with warnings as errors
# and runs every test (unit, golden, injection corpus, the ClearML client
# against its test double, the .deb package, integration on a real Slurm
# cluster started by tests/integration/slurm-cluster.sh). Every test that does
# not need the cluster also runs once more under AddressSanitizer and
# UndefinedBehaviorSanitizer, every input surface is fuzzed for a bounded time
# (tools/fuzz.sh), and the agent's threaded parts run under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh --check
# The tests' Python is the system's, which tools/setup-debian.sh installs with
# python3-yaml: a version manager's shim found first on PATH would choose
# another interpreter, and costs a tenth of a second or more at each of the
# thousands of starts of the test double, the stand-in agent and the helpers.
# (Only python3: the other tools are still found as PATH says.)
python_dir=$(mktemp -d)
trap 'rm -rf "$python_dir"' EXIT
ln -s /usr/bin/python3 "$python_dir/python3"
export PATH=$python_dir:$PATH

# The sanitized tree: clang, -O1 (ASan's advice: the tests run several times
# faster than at -O0 and reports keep their lines), with the fuzz targets
# (tools/fuzz.sh runs them below). The tests on the cluster run in the
# ordinary build only: the Slurm daemons and the jobs are not ours; so does
# the package's, which is built from the ordinary tree.
sanitize_skip='_real$|^slurm_cluster_(start|stop)$|^slurm_smoke$|shellcheck$|^clearml_test_server$|^clearml_agent_stub$|^deb_package$|^systemd_unit$'
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-gline-tables-only -O1" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DSLURMGLUE_SANITIZE=ON -DSLURMGLUE_FUZZ=ON \
  -DSLURMGLUE_WERROR=ON -DSLURMGLUE_UNITY_TESTS=ON >/dev/null
cmake --build build-sanitize -j"${JOBS:-2}"
# A sanitizer report exits 86, so that no test taking exit 1 as "problems
# found" mistakes one for a success; leaks are reported too.
echo "== [${SECONDS}s] every test but the cluster's, under AddressSanitizer and UndefinedBehaviorSanitizer"
ASAN_OPTIONS=exitcode=86:detect_leaks=1:strict_string_checks=1 \
  UBSAN_OPTIONS=exitcode=86:print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j"${JOBS:-2}" --timeout 600 -E "$sanitize_skip"
# Every input surface fuzzed for a bounded time (FUZZ_SECONDS per target,
# two at once), in the same tree.
export FUZZ_SECONDS=${FUZZ_SECONDS:-6}
echo "== [${SECONDS}s] fuzzing, ${FUZZ_SECONDS} s per target"
tools/fuzz.sh

# The agent's threads (heartbeat, signal thread and stop requests, the
# session's interruption, programs run from several threads) under
# ThreadSanitizer, in a tree of their own (TSan excludes ASan).
tsan_tests=(agent/agent_thread_tests agent/agent_tests process/process_tests clearml/slurmglue_clearml_test)
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-gline-tables-only -O1" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DSLURMGLUE_TSAN=ON -DSLURMGLUE_WERROR=ON \
  -DSLURMGLUE_UNITY_TESTS=ON >/dev/null
cmake --build build-tsan -j"${JOBS:-2}" --target "${tsan_tests[@]##*/}"
for test in "${tsan_tests[@]}"; do
  echo "== [${SECONDS}s] ${test##*/} (thread sanitizer)"
  TSAN_OPTIONS=exitcode=86:halt_on_error=1:second_deadlock_stack=1 "build-tsan/tests/runtime/$test" --gtest_brief=1
done

# The ordinary tree without debug information: the whole run must stay
# within half an hour on two cores, and sanitizer reports above keep their
# lines (-gline-tables-only). Every tree compiles the tests in unity batches
# (SLURMGLUE_UNITY_TESTS; a third less build time); a build without it is
# every developer's default.
echo "== [${SECONDS}s] the ordinary tree, with the tests on the Slurm cluster"
tools/build.sh -DSLURMGLUE_WERROR=ON -DSLURMGLUE_CLUSTER_TESTS=ON -DSLURMGLUE_UNITY_TESTS=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG"
ctest --test-dir build --output-on-failure -j2 --timeout 600
echo "== [${SECONDS}s] done"
