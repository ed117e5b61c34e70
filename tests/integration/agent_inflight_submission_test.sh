#!/usr/bin/env bash
# A submission under way when the agent is killed must not give the task a
# second job once the agent is back (found by the fault campaign):
#   - the killed agent's sbatch dies with it (it would submit after the new
#     agent looked for the job, and the new agent would submit again);
#   - a job sbatch created but Slurm lists only a moment later (a reply lost
#     between sbatch and slurmctld) is waited for --submit-retry seconds
#     after the submission began before the task is submitted again.
# Usage: agent_inflight_submission_test.sh SLURMGLUE_RUN
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

agent_setup cpu
tpl=$scratch/templates/native.tpl
mkdir -p "$scratch/bin"
real_sbatch=$(command -v sbatch)
# $scratch/sbatch-mode: "slow" waits 2 s before submitting (a slow
# controller); "late" starts the submission in the background, to show 1.5 s
# later, and says it failed; anything else submits.
cat >"$scratch/bin/sbatch" <<SHIM
#!/bin/bash
[[ \${1:-} == --parsable ]] || exec "$real_sbatch" "\$@"
mode=\$(cat "$scratch/sbatch-mode" 2>/dev/null || true)
echo "\$mode" >>"$scratch/sbatch-calls"
if [[ \$mode == slow ]]; then
  sleep 2
  exec "$real_sbatch" "\$@"
fi
if [[ \$mode == late ]]; then
  script=\$(cat)
  (sleep 1.5; "$real_sbatch" "\$@" <<<"\$script" >/dev/null) </dev/null >/dev/null 2>&1 &
  echo "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation" >&2
  exit 1
fi
exec "$real_sbatch" "\$@"
SHIM
chmod +x "$scratch/bin/sbatch"
export PATH=$scratch/bin:$PATH
quick='{"hyperparams": {"properties": {"stub_seconds": {"value": "0"}}}}'

# restart_after_first_call MODE: starts the agent with sbatch in MODE, kills
# it once sbatch was called, and starts it again with a plain sbatch.
restart_after_first_call() {
  echo "$1" >"$scratch/sbatch-mode"
  : >"$scratch/sbatch-calls"
  agent_start --template-files "$tpl" --queue cpu --submit-retry 3
  wait_until 30 test -s "$scratch/sbatch-calls" || fail "the agent calls sbatch"
  sleep 0.2
  kill -KILL "$agent_pid"
  wait "$agent_pid" 2>/dev/null || true
  echo plain >"$scratch/sbatch-mode"
  agent_start --template-files "$tpl" --queue cpu --submit-retry 3
}

echo "== killed while sbatch waits for a slow controller"
make_task s1 cpu "$quick"
restart_after_first_call slow
wait_tasks 60 completed s1 || fail "s1 completes"
sleep 3  # the killed agent's sbatch would have submitted by now
agent_idle 30 || fail "the agent forgets s1"
agent_stop
check "s1 has exactly one job" "$(jobs_of s1 | wc -l)" 1

echo "== killed after sbatch failed, the job showing only later"
make_task l1 cpu "$quick"
restart_after_first_call late
wait_tasks 60 completed l1 || fail "l1 completes"
agent_idle 30 || fail "the agent forgets l1"
agent_stop
check "l1 has exactly one job" "$(jobs_of l1 | wc -l)" 1
check_contains "the late job was taken as the task's" "$(cat "$scratch/agent.log")" "submitted task=l1"
finish
