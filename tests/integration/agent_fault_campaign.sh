#!/usr/bin/env bash
# The agent's fault campaign: RUNS runs of slurmglue-run, each started with
# one fault in force and SIGKILLed at a random instant, while new tasks keep
# arriving; then one last agent without faults runs every task to the end.
# Counted at the end, for every task: how many jobs sbatch really created for
# it (an sbatch wrapper logs each, so jobs Slurm no longer lists still count),
# and whether it completed. Lost (not completed, or no job) and submitted
# twice (more than one job) must both be 0.
#
# The faults, one per run in turn (ClearML ones hit only the agent's calls:
# the stand-in clearml-agent in the jobs is spared):
#   none                 only the SIGKILL
#   clearml_5xx          30% of calls answered 503 without acting
#   clearml_slow         30% of replies 1.5 s late
#   clearml_malformed    20% of calls acted on, then a reply that is not JSON
#   clearml_drop_before  25% of connections closed before the call is acted on
#   clearml_drop_after   25% of calls acted on, then closed without a reply
#   sbatch_fail          half the submissions fail ("Unable to contact slurm controller")
#   sbatch_fail_after    half are submitted, then sbatch says it failed
#   sbatch_hang          a third hang until the agent's --sbatch-timeout kills them
#   sbatch_hang_after    a third are submitted, then hang
#   slurmctld_restart    slurmctld stopped for 1-3 s at a random instant
#
# Usage: agent_fault_campaign.sh SLURMGLUE_RUN [RUNS] [SEED] [REPORT]
# (under the slurm_cluster fixture: SLURM_CONF and SLURMGLUE_CLUSTER_DIR).
# REPORT, if given, gets the results as a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
runs=${2:-22}
seed=${3:-$RANDOM}
report=${4:-}
: "${SLURMGLUE_CLUSTER_DIR:?run under the slurm_cluster fixture}"
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

echo "seed $seed (rerun with: ${0##*/} SLURMGLUE_RUN $runs $seed)"
RANDOM=$seed
agent_setup gpu cpu
tpl=$scratch/templates/native.tpl
kinds=(none clearml_5xx clearml_slow clearml_malformed clearml_drop_before clearml_drop_after
  sbatch_fail sbatch_fail_after sbatch_hang sbatch_hang_after slurmctld_restart)

# sbatch as the agent runs it, with the fault of $scratch/sbatch-mode ("MODE
# PERCENT"); every job it really creates is logged with its tag.
mkdir -p "$scratch/bin"
real_sbatch=$(command -v sbatch)
echo "normal 0" >"$scratch/sbatch-mode"
: >"$scratch/sbatch.log"
cat >"$scratch/bin/sbatch" <<SHIM
#!/bin/bash
[[ \${1:-} == --parsable ]] || exec "$real_sbatch" "\$@"
read -r mode percent <"$scratch/sbatch-mode" || mode=normal
tag=unknown
for arg in "\$@"; do [[ \$arg == --comment=* ]] && tag=\${arg#--comment=}; done
hit=0
((RANDOM % 100 < \${percent:-0})) && hit=1
if ((hit)) && [[ \$mode == fail ]]; then
  echo "fault fail \$tag" >>"$scratch/sbatch.log"
  echo "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)" >&2
  exit 1
fi
if ((hit)) && [[ \$mode == hang ]]; then
  echo "fault hang \$tag" >>"$scratch/sbatch.log"
  sleep 30
  exit 1
fi
# As the agent runs sbatch: killed when its parent (here: this wrapper, which
# the agent runs that way) dies.
out=\$(setpriv --pdeathsig KILL "$real_sbatch" "\$@")
rc=\$?
((rc == 0)) && echo "created \${out%%;*} \$tag" >>"$scratch/sbatch.log"
if ((hit)) && [[ \$mode == fail_after ]]; then
  echo "fault fail_after \$tag" >>"$scratch/sbatch.log"
  echo "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation" >&2
  exit 1
fi
if ((hit)) && [[ \$mode == hang_after ]]; then
  echo "fault hang_after \$tag" >>"$scratch/sbatch.log"
  sleep 30
  exit 1
fi
printf '%s\n' "\$out"
exit \$rc
SHIM
chmod +x "$scratch/bin/sbatch"
export PATH=$scratch/bin:$PATH

# In the loop, calls go through curl: a Python start costs a good part of a
# second on a loaded machine, and a run makes several calls.
clearml_api queues.get_all '{}' >/dev/null  # logs in (clearmllib keeps the token)
token=$(cat "$scratch/clearml.token")
api() { curl -sSf -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  --data "$2" "$CLEARML_URL/$1"; }
control() { curl -sSf -o /dev/null -X POST --data "${2:-{\}}" "$CLEARML_URL/_test.$1"; }

inject() {  # inject KIND PROBABILITY [EXTRA_JSON_MEMBERS]
  control inject "{\"kind\": \"$1\", \"probability\": $2, \"count\": 1000000, \"seed\": $RANDOM,
                   \"skip_user_agent\": \"Python-urllib\"${3:+, $3}}"
}

controller() { "$here/slurm-cluster.sh" "$1" "$SLURMGLUE_CLUSTER_DIR" >/dev/null; }

# Every task of the campaign, made at once ("created"); each run enqueues two.
python3 - "$CLEARML_URL" "$runs" <<'PY'
import json, sys, urllib.request
url, runs = sys.argv[1], int(sys.argv[2])
tasks = [{"id": "f%d%s" % (run, q), "name": "campaign task", "project": "p1", "status": "created", "user": "u1",
          "container": {"image": "nvcr.io/nvidia/pytorch:24.01-py3"},
          "hyperparams": {"properties": {"num_nodes": {"section": "properties", "name": "num_nodes", "value": "1"},
                                         "stub_seconds": {"section": "properties", "name": "stub_seconds", "value": "0"}}}}
         for run in range(1, runs + 1) for q in "gc"]
urllib.request.urlopen(urllib.request.Request(url + "/_test.seed", data=json.dumps({"tasks": tasks}).encode(),
                                              method="POST"), timeout=60).read()
PY
declare -A queue_ids=([gpu]=$(queue_id gpu) [cpu]=$(queue_id cpu))
tasks=()
declare -A runs_of_kind=()
run_args=(--template-files "$tpl" "$tpl" --queue gpu cpu --submit-retry 0.5 --sbatch-timeout 3)

for ((run = 1; run <= runs; run++)); do
  kind=${kinds[$(((run - 1) % ${#kinds[@]}))]}
  runs_of_kind[$kind]=$((${runs_of_kind[$kind]:-0} + 1))
  for queue in gpu cpu; do
    task=f${run}${queue:0:1}
    api tasks.enqueue "{\"task\": \"$task\", \"queue\": \"${queue_ids[$queue]}\"}"
    tasks+=("$task")
  done
  case $kind in
    clearml_5xx) inject status 0.3 '"status": 503' ;;
    clearml_slow) inject delay 0.3 '"seconds": 1.5' ;;
    clearml_malformed) inject malformed 0.2 ;;
    clearml_drop_before) inject drop 0.25 ;;
    clearml_drop_after) inject drop_after 0.25 ;;
    sbatch_fail) echo "fail 50" >"$scratch/sbatch-mode" ;;
    sbatch_fail_after) echo "fail_after 50" >"$scratch/sbatch-mode" ;;
    sbatch_hang) echo "hang 33" >"$scratch/sbatch-mode" ;;
    sbatch_hang_after) echo "hang_after 33" >"$scratch/sbatch-mode" ;;
  esac
  agent_start "${run_args[@]}"
  lifetime=$((200 + RANDOM % 2800))  # ms
  if [[ $kind == slurmctld_restart ]]; then
    first=$((RANDOM % lifetime))
    sleep "$(printf '%d.%03d' $((first / 1000)) $((first % 1000)))"
    controller stop-controller
    down=$((1000 + RANDOM % 2000))
    sleep "$(printf '%d.%03d' $((down / 1000)) $((down % 1000)))"
    lifetime=$((lifetime - first))
  fi
  sleep "$(printf '%d.%03d' $((lifetime / 1000)) $((lifetime % 1000)))"
  kill -KILL "$agent_pid" 2>/dev/null || true
  wait "$agent_pid" 2>/dev/null || true
  [[ $kind == slurmctld_restart ]] && controller start-controller
  control clear_injections
  echo "normal 0" >"$scratch/sbatch-mode"
  echo "run $run/$runs: $kind, killed after ${lifetime} ms"
done

# The status of every task of the campaign, one line each (one read of the
# double's state: a call per task would start Python hundreds of times).
statuses() {
  curl -sSf -X POST --data '{}' "$CLEARML_URL/_test.state" | python3 -c '
import json, sys
for t in json.load(sys.stdin)["data"]["tasks"].values():
    if t["id"].startswith("f"):
        print(t["id"], t["status"])'
}
# Read in full before testing: under pipefail, grep -q leaving early breaks
# the pipe, and a failed pipeline negated would say every task completed.
all_completed() {
  local s
  s=$(statuses) && [[ -n $s ]] && ! grep -qv ' completed$' <<<"$s"
}

echo "== the last agent, without faults, runs every task to the end"
agent_start "${run_args[@]}"
wait_until $((120 + ${#tasks[@]})) all_completed || echo "not every task completed" >&2
agent_idle 60 || echo "the agent still holds tasks" >&2
agent_stop

lost=0 twice=0 lost_list="" twice_list=""
declare -A status_of=()
while read -r t status; do status_of[$t]=$status; done < <(statuses)
# The jobs of each task, by id, from three sources: the sbatch wrapper's log
# (a wrapper killed with the agent may not get to write it), Slurm's job
# completion log (every job that ended; the native template names jobs
# clearml_task_ID, and this campaign's run in $scratch/jobs/TASK) and squeue.
jobcomp=$(scontrol show config | awk -F' = ' '$1 ~ /^JobCompLoc/ {print $2}')
squeue --noheader --all --states=all --format='%i|%k' >"$scratch/squeue.txt"
declare -A jobs_for=()
while read -r t n; do jobs_for[$t]=$n; done < <(
  python3 - "$scratch/sbatch.log" "${jobcomp:-/nonexistent}" "$scratch/jobs" "slurmglue:$agent_worker:" \
    "$scratch/squeue.txt" <<'PY'
import re, sys
wrapper_log, jobcomp, workdir, prefix, squeue = sys.argv[1:]
jobs = {}
for line in open(wrapper_log):
    parts = line.split()
    if len(parts) == 3 and parts[0] == "created" and parts[2].startswith(prefix):
        jobs.setdefault(parts[2][len(prefix):], set()).add(parts[1])
try:
    for line in open(jobcomp):
        if " WorkDir=%s/" % workdir not in line:
            continue
        m = re.match(r"JobId=(\d+) .* Name=clearml_task_(\S+) ", line)
        if m:
            jobs.setdefault(m.group(2), set()).add(m.group(1))
except FileNotFoundError:
    pass
for line in open(squeue):
    job, _, tag = line.strip().partition("|")
    if tag.startswith(prefix):
        jobs.setdefault(tag[len(prefix):], set()).add(job)
for task, ids in jobs.items():
    print(task, len(ids))
PY
)
for t in "${tasks[@]}"; do
  n=${jobs_for[$t]:-0}
  status=${status_of[$t]:-missing}
  if ((n == 0)) || [[ $status != completed ]]; then
    lost=$((lost + 1))
    lost_list+=" $t($status,$n jobs)"
  fi
  if ((n > 1)); then
    twice=$((twice + 1))
    twice_list+=" $t($n jobs)"
  fi
done
pending=$(json_get "$(clearml_api queues.get_all '{"name": "^slurmglue_pending$"}')" 'len(d["queues"][0]["entries"])')
# (The request log is too big for an argument: read here.)
injected=$(python3 - "$CLEARML_URL" <<'PY'
import collections, json, sys, urllib.request
with urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/_test.requests", data=b"{}", method="POST")) as r:
    requests = json.load(r)["data"]["requests"]
counts = collections.Counter(r["injected"] for r in requests if r.get("injected"))
print(" ".join("%s=%d" % kv for kv in sorted(counts.items())))
PY
)
sbatch_faults=$(awk '$1 == "fault" {n[$2]++} END {for (k in n) printf "%s=%d ", k, n[k]}' "$scratch/sbatch.log")
jobs_created=0
for t in "${tasks[@]}"; do jobs_created=$((jobs_created + ${jobs_for[$t]:-0})); done

summary() {
  echo "| runs (agent starts SIGKILLed at random instants) | $runs |"
  for kind in "${kinds[@]}"; do echo "| runs with $kind | ${runs_of_kind[$kind]:-0} |"; done
  echo "| tasks | ${#tasks[@]} |"
  echo "| jobs created (sbatch log, Slurm's completion log, squeue) | $jobs_created |"
  echo "| ClearML replies faulted (by kind) | ${injected:-none} |"
  echo "| sbatch calls faulted (by kind) | ${sbatch_faults:-none} |"
  echo "| **tasks lost** (not completed, or no job) | **$lost**${lost_list:+ ($lost_list )} |"
  echo "| **tasks submitted twice** (more than one job) | **$twice**${twice_list:+ ($twice_list )} |"
  echo "| entries left in the pending queue | $pending |"
  echo "| seed | $seed |"
}
summary
if [[ -n $report ]]; then
  {
    echo "| measure | value |"
    echo "|---|---|"
    summary
  } >"$report"
fi
check "tasks lost" "$lost" 0
check "tasks submitted twice" "$twice" 0
check "the pending queue is empty" "$pending" 0
finish
