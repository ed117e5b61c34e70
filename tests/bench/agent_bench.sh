#!/usr/bin/env bash
# How slurmglue-run dispatches and tracks many tasks: N queued tasks of the
# ClearML test double go into the real test cluster, next to a shell loop of N
# bare `sbatch --parsable` calls on the same cluster. The jobs are submitted
# held (#SBATCH --hold added to the native template), so they stay in the
# cluster without running: what is measured is the agent, not the jobs.
#
# Phases, each with a fresh agent (worker id, state directory) and its own
# tasks, in the order 10, 100, N:
#   dispatch   wall time from the agent's start until its log says every task
#              was submitted; its own CPU time (utime+stime) then; peak RSS
#              (VmHWM) at the end of the phase
#   tracking   after dispatch, once the first cycle's status messages are
#              written, WINDOW seconds of steady cycles: Slurm commands
#              (squeue, scontrol, scancel, counted by wrappers on the PATH; an
#              sbatch in a steady cycle shows as a "submitted" log line) and
#              ClearML calls (the double's request log) per cycle, where a
#              cycle is one squeue (the agent runs one per cycle)
# Then the baseline: N bare sbatch calls in a loop (held, then cancelled).
#
# Usage: agent_bench.sh SLURMGLUE_RUN [N] [WINDOW_SECONDS]   (under SLURM_CONF of a running
# test cluster: tests/integration/slurm-cluster.sh). Prints key=value lines.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
tasks_n=${2:-1000}
window=${3:-8}
integration=$here/../integration
# shellcheck source=tests/integration/testlib.sh
source "$integration/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$integration/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$integration/agentlib.sh"

agent_setup bench
sed 's/^#SBATCH --job-name=.*/&\n#SBATCH --hold/' "$scratch/templates/native.tpl" >"$scratch/templates/held.tpl"
grep -q -- '--hold' "$scratch/templates/held.tpl" || fail "the held template has no --hold"

# Counting wrappers for the tracking commands (sbatch stays unwrapped: its
# time is part of the dispatch measured).
mkdir -p "$scratch/bin"
for command in squeue scontrol scancel; do
  real=$(command -v "$command")
  cat >"$scratch/bin/$command" <<WRAP
#!/bin/bash
echo "$command \$EPOCHREALTIME" >>"$scratch/slurm-calls.log"
exec "$real" "\$@"
WRAP
  chmod +x "$scratch/bin/$command"
done
export PATH=$scratch/bin:$PATH
: >"$scratch/slurm-calls.log"

queue=$(queue_id bench)

# N tasks queued in "bench" at once (one seed call instead of N enqueues;
# the body is too big for an argument, so it is posted from here).
seed_tasks() {
  python3 - "$1" "$2" "$queue" "$CLEARML_URL" <<'PY'
import json, sys, urllib.request
prefix, n, queue, url = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ids = ["%s%05d" % (prefix, i) for i in range(n)]
tasks = [{"id": t, "name": "bench " + t, "project": "p1", "status": "queued", "user": "u1",
          "execution": {"queue": queue}, "container": {"image": "docker://ubuntu:22.04"},
          "hyperparams": {"properties": {"num_nodes": {"section": "properties", "name": "num_nodes", "value": "1"}}}}
         for t in ids]
body = json.dumps({"tasks": tasks, "queues": [{"id": queue, "name": "bench", "entries": [{"task": t} for t in ids]}]})
request = urllib.request.Request(url + "/_test.seed", data=body.encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=60).read()
PY
}

submitted_count() { grep -c ' submitted task=' "$1" || true; }
squeue_calls() { grep -c '^squeue ' "$scratch/slurm-calls.log" || true; }

proc_cpu_seconds() {  # utime + stime of PID, in seconds
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}

# phase NAME N: one agent, N tasks; prints NAME.* keys.
phase() {
  local name=$1 n=$2 log=$scratch/agent-$1.log
  local worker=bench-$1-$agent_worker
  seed_tasks "$name" "$n"
  local start end
  start=$EPOCHREALTIME
  (cd "$scratch/jobs" && exec "$SLURMGLUE_RUN" --worker-id "$worker" --state-dir "$scratch/state-$name" \
    --task-dir-root "$scratch/tasks-$name" --jobs-dir-root "$scratch/jobs-$name" --poll-interval 1 --heartbeat-interval 30 \
    --max-jobs $((n + 10)) --template-files "$scratch/templates/held.tpl" --queue bench) >"$log" 2>&1 &
  local pid=$!
  local limit=$((SECONDS + 120 + n / 5))
  until (($(submitted_count "$log") >= n)); do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; fail "$name: the agent exited"; }
    ((SECONDS < limit)) || { tail -n 20 "$log" >&2; fail "$name: $(submitted_count "$log") of $n submitted"; }
    sleep 0.05
  done
  end=$EPOCHREALTIME
  local cpu
  cpu=$(proc_cpu_seconds "$pid")
  echo "$name.tasks=$n"
  echo "$name.dispatch_seconds=$(python3 -c "print(round($end - $start, 3))")"
  echo "$name.dispatch_tasks_per_second=$(python3 -c "print(round($n / ($end - $start), 1))")"
  echo "$name.cpu_seconds_at_dispatch=$cpu"
  echo "$name.cpu_ms_per_task=$(python3 -c "print(round($cpu * 1000 / $n, 2))")"

  # Steady tracking: wait for three cycles after the last submission (the
  # first writes each job's id and "pending" message on its task), then count
  # what happens between the first and the last squeue of the window: whole
  # cycles, each starting with its squeue.
  local calls_before
  calls_before=$(squeue_calls)
  until (($(squeue_calls) >= calls_before + 3)); do sleep 0.1; done
  local lines_before submitted_before
  lines_before=$(wc -l <"$scratch/slurm-calls.log")
  submitted_before=$(submitted_count "$log")
  sleep "$window"
  python3 - "$name" "$scratch/slurm-calls.log" "$lines_before" "$CLEARML_URL" "$(submitted_count "$log")" \
    "$submitted_before" <<'PY'
import json, sys, urllib.request
name, calls_log, skip, url, submitted_after, submitted_before = sys.argv[1:]
calls = [l.split() for l in open(calls_log).read().splitlines()[int(skip):]]
squeues = [float(t) for c, t in calls if c == "squeue"]
if len(squeues) < 2:
    sys.exit("%s: fewer than two tracking cycles in the window" % name)
start, end = squeues[0], squeues[-1]
cycles = len(squeues) - 1
print("%s.window_cycles=%d" % (name, cycles))
for command in ("squeue", "scontrol", "scancel"):
    n = sum(1 for c, t in calls if c == command and start <= float(t) < end)
    print("%s.%s.per_cycle=%.2f" % (name, command, n / cycles))
print("%s.sbatch.in_window=%d" % (name, int(submitted_after) - int(submitted_before)))
with urllib.request.urlopen(urllib.request.Request(url + "/_test.requests", data=b"{}", method="POST")) as reply:
    requests = json.load(reply)["data"]["requests"]
counts = {}
for r in requests:
    if start <= r["time"] < end:
        counts[r["endpoint"]] = counts.get(r["endpoint"], 0) + 1
heartbeat = counts.pop("workers.status_report", 0)
print("%s.clearml.per_cycle=%.2f" % (name, sum(counts.values()) / cycles))
for endpoint, n in sorted(counts.items()):
    print("%s.clearml.%s.per_cycle=%.2f" % (name, endpoint, n / cycles))
print("%s.clearml.heartbeats_in_window=%d" % (name, heartbeat))
PY
  echo "$name.peak_rss_kib=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")"
  kill -TERM "$pid"
  wait "$pid" || fail "$name: the agent did not stop cleanly"
}

phase p10 10
phase p100 100
phase pN "$tasks_n"

# The agent's jobs go before the baseline, so both submit into the same
# (nearly empty) cluster.
squeue -h -o '%i %j' | awk '$2 ~ /^clearml_task_/ {print $1}' | xargs -r scancel
printf '#!/bin/bash\n#SBATCH --hold\ntrue\n' >"$scratch/bare.sh"
start=$EPOCHREALTIME
for ((i = 0; i < tasks_n; i++)); do
  sbatch --parsable --job-name=bare-bench --output=/dev/null <"$scratch/bare.sh" >/dev/null
done
end=$EPOCHREALTIME
echo "baseline.sbatch_loop_seconds=$(python3 -c "print(round($end - $start, 3))")"
echo "baseline.sbatch_per_second=$(python3 -c "print(round($tasks_n / ($end - $start), 1))")"
squeue -h -o '%i %j' | awk '$2 == "bare-bench" || $2 ~ /^clearml_task_/ {print $1}' | xargs -r scancel
finish
