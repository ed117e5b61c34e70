#!/usr/bin/env bash
# The test command of the README: installs what is missing, builds, and runs
# every test (unit, golden, injection corpus, integration on a real Slurm
# cluster started by tests/integration/slurm-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 600
