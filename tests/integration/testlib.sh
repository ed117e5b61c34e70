# Helpers for the integration tests on the test cluster (sourced, not run).
# The tests run under the ctest fixture `slurm_cluster`, which exports
# SLURM_CONF and SLURMGLUE_CLUSTER_DIR; see CMakeLists.txt beside this file.
# shellcheck shell=bash

: "${SLURM_CONF:?run under the slurm_cluster ctest fixture (SLURM_CONF is not set)}"

# shellcheck source=tests/integration/checklib.sh
source "$(dirname "${BASH_SOURCE[0]}")/checklib.sh"

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

# job_json ID KEY [OFFSET]: the exact value of KEY in the job's record of
# `squeue --json` (22.05 lists every job there, whatever -j says, so records
# are picked by id); OFFSET picks a component of a heterogeneous job (0: the
# leader, the default). Dicts and lists print as JSON.
job_json() {
  squeue --json -t all 2>/dev/null | python3 -c '
import json, sys
want, key, offset = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for j in json.load(sys.stdin).get("jobs", []):
    het = j.get("het_job_id") or 0
    if (het == want and (j.get("het_job_offset") or 0) == offset) or (het == 0 and j["job_id"] == want and offset == 0):
        v = j.get(key)
        print(json.dumps(v) if isinstance(v, (dict, list)) else v)
        sys.exit(0)
sys.exit(1)
' "$1" "$2" "${3:-0}"
}

# het_components ID: how many components the job has (1 for a plain job).
het_components() {
  squeue --json -t all 2>/dev/null | python3 -c '
import json, sys
want = int(sys.argv[1])
jobs = json.load(sys.stdin).get("jobs", [])
het = [j for j in jobs if (j.get("het_job_id") or 0) == want]
print(len(het) if het else sum(1 for j in jobs if j["job_id"] == want))
' "$1"
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
