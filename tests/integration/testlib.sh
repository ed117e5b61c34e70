# Helpers for the integration tests on the test cluster (sourced, not run).
# The tests run under the ctest fixture `slurm_cluster`, which exports
# SLURM_CONF and SLURMGLUE_CLUSTER_DIR; see CMakeLists.txt beside this file.
# shellcheck shell=bash

: "${SLURM_CONF:?run under the slurm_cluster ctest fixture (SLURM_CONF is not set)}"

failures=0

# A scratch directory for this test, removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/slurmglue-it.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

pass() {
  echo "ok: $*"
}

# check DESCRIPTION ACTUAL EXPECTED
check() {
  if [[ $2 == "$3" ]]; then
    pass "$1"
  else
    fail "$1: expected [$3], got [$2]"
  fi
}

# check_contains DESCRIPTION HAYSTACK NEEDLE
check_contains() {
  if [[ $2 == *"$3"* ]]; then
    pass "$1"
  else
    fail "$1: [$3] not found in [$2]"
  fi
}

# job_field ID FIELD: one field of `scontrol show job -o` whose value has no
# blanks (JobState, ExitCode, ...). For free-text fields use job_json.
job_field() {
  local word
  for word in $(scontrol show job -o "$1" 2>/dev/null); do
    if [[ $word == "$2="* ]]; then
      printf '%s\n' "${word#*=}"
      return 0
    fi
  done
  return 1
}

# job_json ID KEY: the exact value of KEY in the job's record of
# `squeue --json` (the first record: a heterogeneous job's leader).
job_json() {
  squeue --json -t all -j "$1" 2>/dev/null | python3 -c '
import json, sys
jobs = json.load(sys.stdin).get("jobs", [])
if not jobs:
    sys.exit(1)
jobs.sort(key=lambda j: j.get("het_job_offset") or 0)
v = jobs[0].get(sys.argv[1])
print(json.dumps(v) if isinstance(v, (dict, list)) else v)
' "$2"
}

# wait_job ID [SECONDS]: waits until the job has ended; prints its JobState.
wait_job() {
  local id=$1 limit=${2:-60} state end
  end=$((SECONDS + limit))
  while :; do
    state=$(job_field "$id" JobState || true)
    case $state in
      COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED)
        echo "$state"
        return 0
        ;;
    esac
    if ((SECONDS >= end)); then
      echo "TIMEOUT_WAITING(${state:-unknown})"
      return 1
    fi
    sleep 0.2
  done
}

finish() {
  if ((failures)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
