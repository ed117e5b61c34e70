#!/usr/bin/env bash
# Configures and builds slurmglue into ./build (two jobs: the project's machines have two cores).
# Usage: tools/build.sh [-DOPTION=VALUE...]   (extra cmake options, e.g. -DSLURMGLUE_WERROR=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build build -j"${JOBS:-2}"
