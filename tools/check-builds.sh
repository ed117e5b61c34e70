#!/usr/bin/env bash
# Builds slurmglue the ways packagers do, each with warnings as errors:
# Release, RelWithDebInfo and Debug, with GCC and with Clang. Each tree is
# built in a scratch directory and removed after; a failing one keeps its log.
# By default the libraries and tools only (BUILD_TESTING=OFF, as a package
# build); --with-tests builds the test programs too (several times longer).
# Prints one line per build and exits 1 when any failed.
# Usage: tools/check-builds.sh [--with-tests] [--jobs N] [--compilers "g++ clang++"]
#                              [--types "Release RelWithDebInfo Debug"]
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF jobs=2 compilers="g++ clang++" types="Release RelWithDebInfo Debug"
while (($#)); do
  case $1 in
    --with-tests) tests=ON; shift ;;
    --jobs) jobs=$2; shift 2 ;;
    --compilers) compilers=$2; shift 2 ;;
    --types) types=$2; shift 2 ;;
    *)
      echo "usage: tools/check-builds.sh [--with-tests] [--jobs N] [--compilers LIST] [--types LIST]" >&2
      exit 2
      ;;
  esac
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/slurmglue-builds.XXXXXX")
failed=0
for cxx in $compilers; do
  command -v "$cxx" >/dev/null || { echo "$cxx: not installed" >&2; failed=1; continue; }
  for type in $types; do
    dir=$scratch/$cxx-$type log=$scratch/$cxx-$type.log
    start=$SECONDS
    if cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DCMAKE_CXX_COMPILER="$cxx" \
      -DSLURMGLUE_WERROR=ON -DBUILD_TESTING="$tests" >"$log" 2>&1 &&
      cmake --build "$dir" -j"$jobs" >>"$log" 2>&1; then
      echo "$cxx $type: clean ($((SECONDS - start)) s)"
      rm -rf "$dir" "$log"
    else
      echo "$cxx $type: FAILED (log: $log)"
      grep -m5 -E 'error|warning' "$log" || true
      rm -rf "$dir"
      failed=1
    fi
  done
done
((failed)) || rm -rf "$scratch"
exit "$failed"
