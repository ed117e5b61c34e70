#!/usr/bin/env bash
# slurmglue-run end to end: the real sbatch/squeue/scancel on the test
# cluster, the ClearML test double, the stand-in clearml-agent in the jobs.
# Usage: agent_e2e_test.sh SLURMGLUE_RUN PYXIS_STUB_SO
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
pyxis_stub=${2:+$(realpath "$2")}
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

if [[ -n $pyxis_stub ]]; then
  "$here/pyxis-stub.sh" install "$pyxis_stub" "$scratch/pyxis"
  trap '"$here/pyxis-stub.sh" remove; rm -rf "$scratch"' EXIT
fi
agent_setup gpu cpu
# sbatch as the agent runs it: argv and environment recorded, then the real one.
mkdir -p "$scratch/bin"
real_sbatch=$(command -v sbatch)
# While $scratch/sbatch-down holds a number N > 0, the next N submissions
# fail the way sbatch does when slurmctld does not answer.
cat >"$scratch/bin/sbatch" <<SHIM
#!/bin/bash
{ printf 'argv:'; printf ' %s' "\$@"; printf '\n'; env; } >>"$scratch/sbatch-calls.log"
down=\$(cat "$scratch/sbatch-down" 2>/dev/null || echo 0)
if [[ \$1 == --parsable ]] && ((down > 0)); then
  echo \$((down - 1)) >"$scratch/sbatch-down"
  echo "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)" >&2
  exit 1
fi
exec "$real_sbatch" "\$@"
SHIM
chmod +x "$scratch/bin/sbatch"
export PATH=$scratch/bin:$PATH
# The secret also comes from the environment, as on many clusters.
export CLEARML_API_SECRET_KEY=$clearml_secret_key

echo "== two queues, priority, and the three template styles"
make_task c1 cpu
make_task g1 gpu
make_task g2 gpu
tpl=$scratch/templates
metrics_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
agent_start --template-files "$tpl/pyxis-sbatch.tpl" "$tpl/native.tpl" --queue gpu cpu --max-jobs 8 \
  --metrics-port "$metrics_port"
wait_tasks 60 completed g1 g2 c1
agent_idle 20 || fail "the agent forgets finished tasks"
scraped=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' \
  "http://127.0.0.1:$metrics_port/metrics")
agent_stop
check_contains "metrics: two gpu tasks submitted" "$scraped" 'slurmglue_tasks_submitted_total{queue="gpu"} 2'
check_contains "metrics: one cpu task submitted" "$scraped" 'slurmglue_tasks_submitted_total{queue="cpu"} 1'
check_contains "metrics: no job left" "$scraped" 'slurmglue_jobs{state="running"} 0'
for t in g1 g2 c1; do
  check "task $t ran in exactly one job" "$(jobs_of "$t" | wc -l)" 1
done
first_submitted=$(grep -o 'submitted task=[a-z0-9]*' "$scratch/agent.log" | head -n 3 | tr '\n' ' ')
check "the first queue is served first" "$first_submitted" "submitted task=g1 submitted task=g2 submitted task=c1 "
check_contains "the job id is on the task" "$(task_field g1 '["runtime"]["slurm_job_id"]')" "$(jobs_of g1)"
check "the pending queue is empty at the end" \
  "$(json_get "$(clearml_api queues.get_all '{"name": "^slurmglue_pending$"}')" 'len(d["queues"][0]["entries"])')" 0
check "task directories are removed" "$(find "$scratch/tasks" -mindepth 1 | wc -l)" 0
if [[ -n $pyxis_stub ]]; then
  check_contains "Pyxis saw the task's image" "$(cat "$scratch/pyxis/pyxis-stub.log")" "nvcr.io/nvidia/pytorch:24.01-py3"
fi

echo "== srun delegation (the srun-wrapper template)"
make_task w1 gpu
agent_start --template-files "$tpl/pyxis-srun-wrapper.tpl" --queue gpu --srun-delegation
wait_tasks 60 completed w1
agent_idle 20 || fail "the agent forgets w1"
agent_stop
check "w1 ran in one job" "$(jobs_of w1 | wc -l)" 1
if [[ -n $pyxis_stub ]]; then
  check_contains "the wrapper's srun mounted the task's clearml.conf" \
    "$(grep "job=$(jobs_of w1) " "$scratch/pyxis/pyxis-stub.log" || true)" "/w1/clearml.conf"
fi

echo "== --singularity-mode: the command starts with the task's image"
cat >"$scratch/bin/singularity" <<'STUB'
#!/bin/bash
# Stands in for Singularity: says which image it was given, runs the rest.
[[ $1 == exec ]] || exit 2
echo "singularity-stub: image $2"
shift 2
exec "$@"
STUB
chmod +x "$scratch/bin/singularity"
make_task y1 cpu '{"container": {"image": "docker://ubuntu:22.04"}}'
make_task y2 cpu '{"container": {"image": ""}}'
agent_start --template-files "$tpl/singularity.tpl" --queue cpu --singularity-mode
wait_tasks 60 completed y1
wait_tasks 60 failed y2
agent_idle 20 || fail "the agent forgets y1 and y2"
agent_stop
check_contains "the job ran the agent in the task's image" "$(cat "$scratch/jobs/y1/task-y1-"*.log)" \
  "singularity-stub: image docker://ubuntu:22.04"
check_contains "no image and no default fails the task" "$(task_field y2 '["status_reason"]')" "needs a container image"
check "a task without an image gets no job" "$(jobs_of y2 | wc -l)" 0

echo "== a job that fails, a render error, an sbatch rejection"
make_task f1 cpu '{"hyperparams": {"properties": {"stub_behaviour": {"value": "crash"}}}}'
make_task r1 cpu '{"hyperparams": {"properties": {"num_nodes": {"value": "lots"}}}}'
make_task s1 cpu '{"hyperparams": {"properties": {"partition": {"value": "nosuchpartition"}}}}'
agent_start --template-files "$tpl/native.tpl" --queue cpu --metrics-file "$scratch/slurmglue.prom"
wait_tasks 60 failed f1 r1 s1
agent_idle 20 || fail "the agent forgets failed tasks"
agent_stop
metrics=$(cat "$scratch/slurmglue.prom")
for line in 'slurmglue_tasks_popped_total{queue="cpu"} 3' 'slurmglue_tasks_submitted_total{queue="cpu"} 1' \
  'slurmglue_tasks_failed_total{queue="cpu",reason="job_failed"} 1' \
  'slurmglue_tasks_failed_total{queue="cpu",reason="render"} 1' \
  'slurmglue_tasks_failed_total{queue="cpu",reason="sbatch"} 1' 'slurmglue_submit_latency_seconds_count 1' \
  'slurmglue_tasks_held 0'; do
  check_contains "metrics file: $line" "$metrics" "$line"
done
check "the metrics file is readable by node_exporter" "$(stat -c %a "$scratch/slurmglue.prom")" 644
check "no temporary metrics file is left" "$(find "$scratch" -maxdepth 1 -name 'slurmglue.prom.*' | wc -l)" 0
check_contains "a crashed job fails its task with the Slurm state" "$(task_field f1 '["status_reason"]')" "FAILED (exit code 3:0)"
console=$(json_get "$(clearml_control state)" '"\n".join(e.get("msg", "") for e in d["events"] if e.get("task") == "f1")')
check_contains "the job's last lines are on the task's console" "$console" "clearml-agent-stub: "
check_contains "a render error names the placeholder" "$(task_field r1 '["status_reason"]')" "num_nodes"
check "a render error submits no job" "$(jobs_of r1 | wc -l)" 0
check_contains "an sbatch rejection gives sbatch's words" "$(task_field s1 '["status_reason"]')" "sbatch rejected the job"
check "a rejected task has no job" "$(jobs_of s1 | wc -l)" 0

echo "== aborted while pending and while running: the job is cancelled"
wait_behaviour='{"hyperparams": {"properties": {"stub_behaviour": {"value": "wait"}}}}'
make_task a1 cpu '{"hyperparams": {"properties": {"stub_behaviour": {"value": "hang"}}}}'
make_task a2 cpu "$wait_behaviour"
make_task a3 cpu "$wait_behaviour"  # the node has two CPUs: a3 waits for Resources
agent_start --template-files "$tpl/native.tpl" --queue cpu
wait_tasks 60 in_progress a1 a2
wait_until 30 bash -c "[[ \$(squeue -h -j $(jobs_of a3) -o %T 2>/dev/null) == PENDING ]]" || fail "a3's job is pending"
message_says_pending() { [[ $(task_field a3 '["status_message"]') == *pending* ]]; }
wait_until 10 message_says_pending || true
check_contains "a pending job's reason is the task's status message" "$(task_field a3 '["status_message"]')" \
  "Slurm job $(jobs_of a3) pending: "
clearml_control set_task '{"task": "a3", "fields": {"status": "stopped"}}' >/dev/null
clearml_control set_task '{"task": "a1", "fields": {"status": "stopped"}}' >/dev/null
wait_until 30 bash -c "[[ \$(squeue -h -j $(jobs_of a3) -t all -o %T) == CANCELLED* ]]" ||
  fail "the pending job of aborted task a3 is cancelled ($(squeue -h -j "$(jobs_of a3)" -t all -o %T))"
# a1's stand-in agent ignores aborts: only the agent's scancel ends it.
wait_until 30 bash -c "[[ \$(squeue -h -j $(jobs_of a1) -t all -o %T) == CANCELLED* ]]" ||
  fail "the running job of aborted task a1 is cancelled ($(squeue -h -j "$(jobs_of a1)" -t all -o %T))"
check "a task aborted while running stays stopped" "$(task_status a1)" stopped
clearml_control set_task '{"task": "a2", "fields": {"status": "stopped"}}' >/dev/null
agent_idle 30 || fail "the agent forgets aborted tasks"
agent_stop

echo "== slurmctld not answering: the submission is retried, once it answers"
echo 2 >"$scratch/sbatch-down"
make_task t1 cpu
agent_start --template-files "$tpl/native.tpl" --queue cpu --submit-retry 0.5
wait_tasks 60 completed t1
agent_idle 20 || fail "the agent forgets t1"
agent_stop
check "t1 ran in exactly one job" "$(jobs_of t1 | wc -l)" 1
check "the failed submissions were retried" "$(grep -c 'sbatch failed for now' "$scratch/agent.log")" 2

echo "== --max-jobs"
for i in 1 2 3; do make_task m$i cpu '{"hyperparams": {"properties": {"stub_behaviour": {"value": "wait"}}}}'; done
agent_start --template-files "$tpl/native.tpl" --queue cpu --max-jobs 2
count_m_jobs() { squeue -h -t all -o %k | grep -c ":$agent_worker:m[123]\$"; }
wait_until 30 bash -c "[[ \$(squeue -h -o %k | grep -c ':$agent_worker:m[123]\$') == 2 ]]" || fail "two jobs start"
sleep 2
check "no more than --max-jobs jobs" "$(count_m_jobs)" 2
agent_stop
# Started again on a terminal (script(1) makes one), the first cycle shows how
# far it got with the two tasks the journal holds; a log file never shows it.
mapfile -t common < <(agent_common_args)
on_terminal=$(cd "$scratch/jobs" && script -qec "$(printf '%q ' "$SLURMGLUE_RUN" "${common[@]}" \
  --template-files "$tpl/native.tpl" --queue cpu --max-jobs 2 --once)" /dev/null)
check_contains "on a terminal, the first cycle shows its progress" "$on_terminal" "reconciling submitted tasks: 1/2"
check "a log file has no progress" "$(grep -c reconciling "$scratch/agent.log")" 0
agent_start --template-files "$tpl/native.tpl" --queue cpu --max-jobs 2
for i in 1 2 3; do clearml_control set_task "{\"task\": \"m$i\", \"fields\": {\"status\": \"stopped\"}}" >/dev/null; done
agent_idle 60 || fail "the agent forgets the stopped tasks"
agent_stop
for i in 1 2; do make_task "q$i" cpu "$wait_behaviour"; done
make_task q3 gpu "$wait_behaviour"
agent_start --template-files "$tpl/native.tpl" "$tpl/native.tpl" --queue cpu gpu --queue-max-jobs cpu=1
wait_until 30 bash -c "[[ \$(squeue -h -o %k | grep -c ':$agent_worker:q[13]\$') == 2 ]]" || fail "q1 and q3 start"
sleep 2
check "a queue's own limit holds" "$(squeue -h -t all -o %k | grep -c ":$agent_worker:q2\$")" 0
clearml_api tasks.dequeue '{"task": "q2"}' >/dev/null  # aborted while still queued
for i in 1 3; do clearml_control set_task "{\"task\": \"q$i\", \"fields\": {\"status\": \"stopped\"}}" >/dev/null; done
agent_idle 60 || fail "the agent forgets q1 and q3"
agent_stop

echo "== start-up refusal, --dry-run, --once, the heartbeat, SIGHUP"
# shellcheck disable=SC2016  # placeholders, written as they are
printf '#!/bin/bash\n#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.n.value:1}\n#SBATCH --no-such-option\n${CLEARML_AGENT_EXECUTE}\n' \
  >"$scratch/broken.tpl"
status=0
agent_run --template-files "$scratch/broken.tpl" --queue cpu 2>"$scratch/refusal.txt" || status=$?
check "a template with errors stops the start" "$status" 1
check_contains "the error says file:line:col" "$(cat "$scratch/refusal.txt")" "$scratch/broken.tpl:3:"
make_task d1 cpu
dry=$(agent_run --template-files "$tpl/native.tpl" --queue cpu --dry-run 2>/dev/null)
check_contains "--dry-run prints the script of the queued task" "$dry" "clearml-agent execute --full-monitoring --require-queue --id d1"
check "--dry-run submits nothing" "$(jobs_of d1 | wc -l)" 0
check "--dry-run pops nothing" "$(task_field d1 '["status"]') $(json_get "$(clearml_api queues.get_all '{"name": "^cpu$"}')" 'len(d["queues"][0]["entries"])')" "queued 1"
status=0
agent_run --template-files "$tpl/native.tpl" --queue cpu --once 2>>"$scratch/agent.log" || status=$?
check "--once exits 0" "$status" 0
check "--once submitted the queued task" "$(jobs_of d1 | wc -l)" 1
cp "$tpl/native.tpl" "$scratch/live.tpl"
agent_start --template-files "$scratch/live.tpl" --queue cpu
wait_tasks 60 completed d1
sleep 2.5
check "the worker reports its status" \
  "$(json_get "$(clearml_control state)" "len(d['workers']['$agent_worker']['reports']) >= 2")" true
cp "$scratch/broken.tpl" "$scratch/live.tpl"
kill -HUP "$agent_pid"
make_task h1 cpu
wait_tasks 60 completed h1 || fail "a bad template on SIGHUP keeps the old one working"
check_contains "the refused reload is logged" "$(cat "$scratch/agent.log")" "template not reloaded"
agent_stop
check "the worker is unregistered at stop" "$(json_get "$(clearml_control state)" "'$agent_worker' in d['workers']")" false

echo "== the secret key is in no script, argv or log"
secret=$clearml_secret_key
scripts=""
for id in $(squeue -h -t all -o '%i|%k' | awk -F'|' '$2 ~ /^slurmglue:/ {print $1}'); do
  scripts+=$(scontrol write batch_script "$id" - 2>/dev/null || true)
done
check_contains "job scripts could be read" "$scripts" "clearml-agent execute"
# check_absent DESCRIPTION FILE...: the secret key is in none of the files.
check_absent() {
  local what=$1
  shift
  if grep -rqF -- "$secret" "$@"; then fail "$what holds the secret key"; else pass "no $what holds the secret"; fi
}
printf '%s' "$scripts" >"$scratch/scripts.txt"
check_absent "job script" "$scratch/scripts.txt"
check_contains "sbatch's calls were recorded" "$(cat "$scratch/sbatch-calls.log")" "argv: --parsable --comment=slurmglue:"
check_absent "sbatch argv or environment" "$scratch/sbatch-calls.log"
check_absent "agent log" "$scratch/agent.log"
check_absent "job output" "$scratch/jobs"

finish
