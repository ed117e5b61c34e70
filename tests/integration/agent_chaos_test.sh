#!/usr/bin/env bash
# slurmglue-run survives SIGKILL at any instant and lost replies: the agent is
# killed at random moments while the ClearML test double drops some replies
# after acting; restarted, it ends with every task completed and exactly one
# job per task. Then two agents serve one queue and submit each task once.
# Usage: agent_chaos_test.sh SLURMGLUE_RUN [KILLS] [SEED]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
kills=${2:-25}
seed=${3:-$RANDOM}
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

echo "seed $seed (rerun with: ${0##*/} SLURMGLUE_RUN $kills $seed)"
RANDOM=$seed
agent_setup gpu cpu
tpl=$scratch/templates
quick='{"hyperparams": {"properties": {"stub_seconds": {"value": "0.2"}}}}'
tasks=()
for i in $(seq 1 6); do
  make_task "g$i" gpu "$quick"
  make_task "c$i" cpu "$quick"
  tasks+=("g$i" "c$i")
done

# Replies lost after the server acted, on the calls only the glue makes.
for endpoint in queues.get_next_task tasks.enqueue tasks.edit tasks.update queues.remove_task; do
  clearml_control inject "{\"kind\": \"drop_after\", \"endpoint\": \"$endpoint\", \"probability\": 0.25,
                           \"count\": 100000, \"seed\": $((RANDOM))}" >/dev/null
done

echo "== $kills SIGKILLs at random instants"
for ((k = 0; k < kills; k++)); do
  agent_start --template-files "$tpl/native.tpl" "$tpl/native.tpl" --queue gpu cpu
  sleep "$(printf '0.%02d' $((RANDOM % 100)))"
  kill -KILL "$agent_pid" 2>/dev/null || true
  wait "$agent_pid" 2>/dev/null || true
done
clearml_control clear_injections >/dev/null

echo "== restarted for good"
agent_start --template-files "$tpl/native.tpl" "$tpl/native.tpl" --queue gpu cpu
wait_tasks 180 completed "${tasks[@]}" || fail "every task completes"
agent_idle 30 || fail "the agent forgets every finished task"
agent_stop
lost=0 twice=0
for t in "${tasks[@]}"; do
  n=$(jobs_of "$t" | wc -l)
  ((n == 0)) && lost=$((lost + 1))
  ((n > 1)) && twice=$((twice + 1)) && echo "task $t: $n jobs: $(jobs_of "$t" | tr '\n' ' ')" >&2
done
check "tasks lost" "$lost" 0
check "tasks submitted twice" "$twice" 0
check "the pending queue is empty" \
  "$(json_get "$(clearml_api queues.get_all '{"name": "^slurmglue_pending$"}')" 'len(d["queues"][0]["entries"])')" 0

echo "== two agents on one queue"
first=$agent_worker
second=test-second-$first
pair=()
for i in $(seq 1 8); do
  make_task "p$i" cpu "$quick"
  pair+=("p$i")
done
agent_start --template-files "$tpl/native.tpl" --queue cpu
pid_a=$agent_pid
(cd "$scratch/jobs" && exec "$SLURMGLUE_RUN" --worker-id "$second" --state-dir "$scratch/state-second" \
  --task-dir-root "$scratch/tasks-second" --jobs-dir-root "$scratch/jobs" --poll-interval 0.3 --heartbeat-interval 1 --orphan-grace 1 \
  --template-files "$tpl/native.tpl" --queue cpu) >>"$scratch/agent-second.log" 2>&1 &
pid_b=$!
wait_tasks 180 completed "${pair[@]}" || fail "both agents complete every task"
kill -TERM "$pid_a" "$pid_b"
wait "$pid_a" || fail "the first agent stops cleanly"
wait "$pid_b" || fail "the second agent stops cleanly"
all_jobs=$(squeue --noheader --all --states=all --format='%k')
for t in "${pair[@]}"; do
  n=$(grep -cE "^slurmglue:($first|$second):$t\$" <<<"$all_jobs" || true)
  check "task $t: one job between the two agents" "$n" 1
done
by_a=$(grep -c "^slurmglue:$first:p" <<<"$all_jobs" || true)
by_b=$(grep -c "^slurmglue:$second:p" <<<"$all_jobs" || true)
echo "the first agent ran $by_a task(s), the second $by_b"

finish
