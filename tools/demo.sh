#!/usr/bin/env bash
# The README's main job, on a fresh Debian 12 machine: installs what is
# missing, builds, starts a real single-node Slurm cluster and the ClearML
# test double (this machine has no ClearML server), queues sample tasks in two
# queues, runs slurmglue-run until every task is done, prints a summary
# (task, queue, job, state, seconds) and stops everything it started.
# The gpu queue uses the Pyxis sbatch template through the project's Pyxis
# stand-in (no containers here); the cpu queue the native template.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
tools/setup-debian.sh
tools/build.sh >/dev/null

cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/slurmglue-demo-cluster.XXXXXX")
export SLURMGLUE_CLUSTER_DIR=$cluster_dir
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  [[ -n ${agent_pid:-} ]] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
  tests/integration/pyxis-stub.sh remove 2>/dev/null || true
  tests/integration/slurm-cluster.sh stop "$cluster_dir" >/dev/null 2>&1 || true
  rm -rf "$cluster_dir" "${scratch:-}"
}
trap cleanup EXIT
echo "==> starting a single-node Slurm cluster"
tests/integration/slurm-cluster.sh start "$cluster_dir" >/dev/null
eval "$(tests/integration/slurm-cluster.sh env "$cluster_dir")"

# shellcheck source=tests/integration/checklib.sh
source tests/integration/checklib.sh
trap cleanup EXIT  # checklib's own trap would only remove $scratch
# shellcheck source=tests/integration/clearmllib.sh
source tests/integration/clearmllib.sh
SLURMGLUE_RUN=$repo/build/tools/slurmglue-run
# shellcheck source=tests/integration/agentlib.sh
source tests/integration/agentlib.sh

tests/integration/pyxis-stub.sh install build/tests/support/pyxis_stub.so "$scratch/pyxis" >/dev/null
echo "==> starting the ClearML test double; queues gpu and cpu"
agent_setup gpu cpu
tasks=()
for i in 1 2 3; do
  make_task "train-$i" gpu '{"hyperparams": {"properties": {"stub_seconds": {"value": "1"}}}}'
  make_task "prep-$i" cpu
  tasks+=("train-$i" "prep-$i")
done
echo "==> slurmglue-run --template-files pyxis-sbatch.tpl native.tpl --queue gpu cpu"
agent_start --template-files "$scratch/templates/pyxis-sbatch.tpl" "$scratch/templates/native.tpl" --queue gpu cpu
# shellcheck disable=SC2317  # run by wait_until
finished() {
  local t
  for t in "${tasks[@]}"; do
    [[ $(task_status "$t") =~ ^(completed|failed|stopped)$ ]] || return 1
  done
}
if ! wait_until 180 finished; then
  echo "demo: not every task finished; the agent said:" >&2
  tail -n 20 "$scratch/agent.log" >&2
  exit 1
fi
agent_idle 30 || true
kill -TERM "$agent_pid" && wait "$agent_pid"
agent_pid=""
echo "==> the agent's log"
sed 's/^/    /' "$scratch/agent.log"
echo "==> summary (seconds from submission to done, from the agent's log)"
# seconds_of TASK: between the agent's "submitted" and "done" lines for it.
seconds_of() {
  python3 - "$scratch/agent.log" "$1" <<'PY'
import datetime, re, sys
times = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+)Z info (submitted|done) task=(\S+) ", line)
    if m and m.group(3) == sys.argv[2]:
        times[m.group(2)] = datetime.datetime.fromisoformat(m.group(1))
print(int((times["done"] - times["submitted"]).total_seconds()) if len(times) == 2 else "?")
PY
}
printf '%-10s %-6s %-6s %-10s %s\n' TASK QUEUE JOB STATE SECONDS
bad=0
for t in "${tasks[@]}"; do
  queue=gpu
  [[ $t == prep-* ]] && queue=cpu
  state=$(task_status "$t")
  [[ $state == completed ]] || bad=1
  printf '%-10s %-6s %-6s %-10s %s\n' "$t" "$queue" "$(jobs_of "$t")" "$state" "$(seconds_of "$t")"
done
exit "$bad"
