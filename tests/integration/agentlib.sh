# Helpers for the end-to-end tests of slurmglue-run on the test cluster and
# the ClearML test double (sourced after testlib.sh and clearmllib.sh).
#
#   agent_setup                 starts the double; makes queues, a project,
#                               the shipped templates' copies in $scratch
#   make_task ID QUEUE [JSON]   creates task ID (extra fields as JSON, merged)
#                               and enqueues it into QUEUE (as a ClearML user would)
#   agent_start ARGS...         starts slurmglue-run in the background (log in
#                               $scratch/agent.log); $agent_pid
#   agent_run ARGS...           runs it in the foreground (for --once, --dry-run)
#   agent_stop                  SIGTERM, then waits; fails the test on a non-zero exit
#   task_status ID              the task's status in ClearML
#   wait_tasks SECONDS STATUS ID...  waits until every task has STATUS
#   jobs_of ID                  the ids of the cluster's jobs tagged with task ID
#   agent_idle SECONDS          waits until the agent holds no task (journal empty)
# shellcheck shell=bash

: "${scratch:?source checklib.sh (or testlib.sh) first}"
agentlib_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${SLURMGLUE_RUN:?the path of slurmglue-run (the first argument of the test)}"

agent_setup() {
  clearml_start '{"projects": [{"id": "p1", "name": "vision"}]}'
  local q
  for q in "$@"; do clearml_api queues.create "{\"name\": \"$q\"}" >/dev/null; done
  mkdir -p "$scratch/templates" "$scratch/state" "$scratch/tasks" "$scratch/jobs"
  cp "$agentlib_repo"/templates/*.tpl "$scratch/templates/"
  # The jobs find the stand-in clearml-agent on the PATH sbatch passes on.
  export PATH=$agentlib_repo/tests/support:$PATH
}

queue_id() {
  json_get "$(clearml_api queues.get_all "{\"name\": \"^$1\$\"}")" 'd["queues"][0]["id"]'
}

make_task() {
  local id=$1 queue=$2 extra=${3:-'{}'} task
  task=$(python3 -c '
import json, sys
task = {"id": sys.argv[1], "name": "train " + sys.argv[1], "project": "p1", "status": "created",
        "user": "u1", "container": {"image": "nvcr.io/nvidia/pytorch:24.01-py3"},
        "hyperparams": {"properties": {"num_nodes": {"section": "properties", "name": "num_nodes", "value": "1"}}}}
def merge(a, b):
    for k, v in b.items():
        a[k] = merge(a.get(k, {}), v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
    return a
print(json.dumps({"tasks": [merge(task, json.loads(sys.argv[2]))]}))' "$id" "$extra")
  clearml_seed "$task"
  clearml_api tasks.enqueue "{\"task\": \"$id\", \"queue\": \"$(queue_id "$queue")\"}" >/dev/null
}

# Each test run has its own worker id, so that jobs of earlier runs (Slurm
# lists finished jobs for a while) are never this agent's.
agent_worker=test-$(python3 -c 'import secrets; print(secrets.token_hex(4))')

agent_common_args() {
  printf '%s\n' --worker-id "$agent_worker" --state-dir "$scratch/state" --task-dir-root "$scratch/tasks" \
    --jobs-dir-root "$scratch/jobs" --poll-interval 0.3 --heartbeat-interval 1 --orphan-grace 1
}

agent_start() {
  local common
  mapfile -t common < <(agent_common_args)
  (cd "$scratch/jobs" && exec "$SLURMGLUE_RUN" "${common[@]}" "$@") >>"$scratch/agent.log" 2>&1 &
  agent_pid=$!
}

agent_run() {
  local common
  mapfile -t common < <(agent_common_args)
  (cd "$scratch/jobs" && "$SLURMGLUE_RUN" "${common[@]}" "$@")
}

agent_stop() {
  local status=0
  kill -TERM "$agent_pid" 2>/dev/null || true
  wait "$agent_pid" || status=$?
  check "the agent stops with status 0 on SIGTERM" "$status" 0
}

task_status() {
  json_get "$(clearml_api tasks.get_by_id "{\"task\": \"$1\"}")" 'd["task"]["status"]'
}

task_field() {
  json_get "$(clearml_api tasks.get_by_id "{\"task\": \"$1\"}")" "d[\"task\"]$2"
}

all_have_status() {
  local want=$1 id
  shift
  for id in "$@"; do
    [[ $(task_status "$id") == "$want" ]] || return 1
  done
}

wait_tasks() {
  local seconds=$1 want=$2
  shift 2
  if ! wait_until "$seconds" all_have_status "$want" "$@"; then
    local id
    for id in "$@"; do echo "  task $id: $(task_status "$id")" >&2; done
    tail -n 30 "$scratch/agent.log" >&2
    return 1
  fi
}

jobs_of() {
  squeue --noheader --all --states=all --format='%i|%k' |
    awk -F'|' -v tag="slurmglue:$agent_worker:$1" '$2 == tag {print $1}'
}

# The journal (runtime/agent/journal.hpp) replayed: the tasks the agent holds.
journal_tasks() {
  python3 - "$scratch/state/journal.jsonl" <<'PY'
import json, sys
held = set()
try:
    lines = open(sys.argv[1]).read().split("\n")[:-1]
except FileNotFoundError:
    lines = []
for line in lines:
    r = json.loads(line)
    if r["op"] == "task":
        held.add(r["task"])
    elif r["op"] == "forget":
        held.discard(r["task"])
print(" ".join(sorted(held)))
PY
}

journal_empty() {
  [[ -z $(journal_tasks) ]]
}

agent_idle() {
  wait_until "$1" journal_empty
}
