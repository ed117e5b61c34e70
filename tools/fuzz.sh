#!/usr/bin/env bash
# Fuzzes each input surface of slurmglue for a bounded time: the libFuzzer
# targets of tests/fuzz (one per surface), with AddressSanitizer and
# UndefinedBehaviorSanitizer, seeded from tests/fuzz/corpus/<target>/ and the
# directories tests/fuzz/seeds.txt names.
#
#   tools/fuzz.sh [TARGET...]      all targets when none is given
#
# FUZZ_SECONDS  seconds per target (default 20)
# JOBS          targets fuzzed at once (default 2)
# FUZZ_BUILD    the build tree (default build-sanitize, the sanitized tree of
#               tools/run-tests.sh; configured here when it is missing)
#
# What a run finds is kept in FUZZ_BUILD/fuzz/: corpus/<target>/ (inputs that
# reached new code; the next run starts from them) and artifacts/<target>/
# (the input of each crash, leak or timeout). A crash fails the run; once it
# is fixed, copy its input into tests/fuzz/corpus/<target>/, where the ctest
# test fuzz_corpus_<target> replays it in every build.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD:-build-sanitize}
seconds=${FUZZ_SECONDS:-20}
jobs=${JOBS:-2}
# A target is a file of tests/fuzz (as in its CMakeLists.txt).
mapfile -t all < <(find tests/fuzz -maxdepth 1 -name '*.cpp' ! -name replay_main.cpp ! -name fuzz_support.cpp \
  -printf '%f\n' | sed 's/\.cpp$//' | sort)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

if ! grep -qs '^SLURMGLUE_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DSLURMGLUE_SANITIZE=ON -DSLURMGLUE_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j"$jobs" --target "${targets[@]/#/fuzz_}"

# The seed directories of a target: its own, then those of seeds.txt.
seeds() {
  echo "tests/fuzz/corpus/$1"
  awk -v t="$1" '$1 == t { for (i = 2; i <= NF; i++) print $i }' tests/fuzz/seeds.txt
}

fuzz() {
  local target=$1 work=$build/fuzz/corpus/$1 artifacts=$build/fuzz/artifacts/$1
  mkdir -p "$work" "$artifacts"
  local -a seed_dirs
  mapfile -t seed_dirs < <(seeds "$target")
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "${seed_dirs[@]}" >"$build/fuzz/$target.log" 2>&1
}

mkdir -p "$build/fuzz"
declare -A pid_of
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  fuzz "$target" &
  pid_of[$target]=$!
done

failed=0
for target in "${targets[@]}"; do
  if wait "${pid_of[$target]}"; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz/$target.log")
    cov=$(grep -o 'cov: [0-9]*' "$build/fuzz/$target.log" | tail -n 1)
    echo "fuzz $target: ${seconds} s, ${runs:-?} runs, ${cov:-cov: ?}, no crash"
  else
    failed=1
    echo "fuzz $target: FAILED (log: $build/fuzz/$target.log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*fuzz check failed|.*Test unit written|.*uncaught)' "$build/fuzz/$target.log" | head -n 5
    echo "  reproduce: $build/tests/fuzz/fuzz_$target ARTIFACT (from $build/fuzz/artifacts/$target/)"
  fi
done
exit "$failed"
