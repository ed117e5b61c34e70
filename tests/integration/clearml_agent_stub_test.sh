#!/usr/bin/env bash
# The stand-in clearml-agent (tests/support/clearml-agent) against the ClearML
# test double, without Slurm: the calls it makes, each behaviour, the
# --require-queue refusal, and where it takes server and credentials from.
set -uo pipefail
here=$(dirname "$0")
# shellcheck source=tests/integration/checklib.sh
source "$here/checklib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
agent=$(cd "$here/../support" && pwd)/clearml-agent

# task ID BEHAVIOUR [SECONDS]: a queued task in queue q1 that plays BEHAVIOUR.
task() {
  printf '{"id": "%s", "status": "queued", "execution": {"queue": "q1"}, "hyperparams": {"properties": {
    "stub_behaviour": {"section": "properties", "name": "stub_behaviour", "value": "%s"},
    "stub_seconds": {"section": "properties", "name": "stub_seconds", "value": "%s"}}}}' "$1" "$2" "${3:-0}"
}

clearml_start "{\"queues\": [{\"id\": \"q1\", \"name\": \"slurm\", \"entries\": [{\"task\": \"t-ok\"}]}],
  \"tasks\": [$(task t-ok ok), $(task t-fail fail), $(task t-crash crash), $(task t-wait wait),
              $(task t-abort ok 30), $(task t-env ok), $(task t-dotted ok), $(task t-host ok), $(task t-json ok),
              {\"id\": \"t-created\", \"status\": \"created\"}]}" || exit 1

status_of() {
  json_get "$(clearml_api tasks.get_by_id "{\"task\": \"$1\"}")" 'd["task"]["status"]'
}
# endpoints_for TASK: the endpoints called with that task in the body, in order.
endpoints_for() {
  json_get "$(clearml_control requests)" \
    "' '.join(r['endpoint'] for r in d['requests'] if '\"$1\"' in r['raw_body'])"
}
run_agent() {
  "$agent" execute --full-monitoring --require-queue --id "$1" >"$scratch/$1.out" 2>"$scratch/$1.err"
}

# --- ok: the real agent's calls, in order ---------------------------------------
CLEARML_WORKER_ID=glue:t-ok run_agent t-ok
check "ok: exit 0" "$?" 0
check "ok: calls with the task" "$(endpoints_for t-ok)" \
  "tasks.get_by_id tasks.dequeue tasks.started workers.status_report tasks.completed"
check "ok: task completed" "$(status_of t-ok)" completed
check "ok: worker registered and unregistered as CLEARML_WORKER_ID" \
  "$(endpoints_for glue:t-ok)" "workers.register workers.status_report workers.unregister"
check "ok: dequeue removed the queue entry" \
  "$(json_get "$(clearml_api queues.get_by_id '{"queue": "q1"}')" 'len(d["queue"]["entries"])')" 0
out=$(cat "$scratch/t-ok.out")
check_contains "ok: says the config file is set" "$out" "clearml-agent-stub: CLEARML_CONFIG_FILE is set"
check_contains "ok: says the venvs dir is not set" "$out" \
  "clearml-agent-stub: CLEARML_AGENT__AGENT__VENVS_DIR is not set"
check_contains "ok: one line per step" "$out" "clearml-agent-stub: completed"
check "ok: no secret in the output" "$(grep -c -- "$clearml_secret_key" "$scratch/t-ok.out")" 0
check "requests record no secret" "$(clearml_control requests | grep -c -- "$clearml_secret_key")" 0

CLEARML_AGENT__AGENT__VENVS_DIR=/venvs run_agent t-fail
check "fail: exit 1" "$?" 1
check "fail: task failed" "$(status_of t-fail)" failed
check_contains "venvs dir named when set" "$(cat "$scratch/t-fail.out")" \
  "CLEARML_AGENT__AGENT__VENVS_DIR is set"

run_agent t-crash
check "crash: exit 3" "$?" 3
check "crash: neither completed nor failed" "$(endpoints_for t-crash)" \
  "tasks.get_by_id tasks.dequeue tasks.started workers.status_report"
check "crash: task left in_progress" "$(status_of t-crash)" in_progress

# --- wait and ok end when the task is aborted ---------------------------------------
is_in_progress() { [[ $(status_of "$1") == in_progress ]]; }
for id in t-wait t-abort; do
  run_agent "$id" &
  pid=$!
  wait_until 20 is_in_progress "$id" || fail "$id: never in_progress"
  sleep 0.6 # at least one status poll while running
  began=$SECONDS
  clearml_control set_task "{\"task\": \"$id\", \"fields\": {\"status\": \"stopped\"}}" >/dev/null
  wait "$pid"
  check "$id: exit 0 once stopped" "$?" 0
  check "$id: ends within 2 s of the abort" "$(((SECONDS - began) <= 2))" 1
  check "$id: stays stopped (not completed)" "$(status_of "$id")" stopped
done

# --- --require-queue ----------------------------------------------------------------
run_agent t-created
check "not queued: exit 1" "$?" 1
check_contains "not queued: says why" "$(cat "$scratch/t-created.err")" \
  "Execution required enqueued task, but task id=t-created is not queued (status created)."
check "not queued: never started" "$(status_of t-created)" created
run_agent t-ok
check "already completed: refused" "$?" 1
"$agent" execute --id t-created >/dev/null
check "without --require-queue a task that is not queued runs" "$?" 0
check "and completes" "$(status_of t-created)" completed

# --- configuration: file forms and environment precedence -----------------------
CLEARML_API_SECRET_KEY=$clearml_secret_key CLEARML_CONFIG_FILE=$scratch/wrong.conf \
  run_agent t-env 2>/dev/null
check "a missing config file is an error" "$?" 1
sed "s/$clearml_secret_key/not-the-secret/" "$CLEARML_CONFIG_FILE" >"$scratch/wrong.conf"
CLEARML_CONFIG_FILE=$scratch/wrong.conf run_agent t-env
check "a wrong secret in the file fails" "$?" 1
CLEARML_API_SECRET_KEY=$clearml_secret_key CLEARML_CONFIG_FILE=$scratch/wrong.conf run_agent t-env
check "CLEARML_API_SECRET_KEY wins over the file" "$?" 0
CLEARML_API_HOST=http://127.0.0.1:1 run_agent t-host
check "CLEARML_API_HOST wins over the file" "$?" 1
check_contains "an unreachable host is reported" "$(cat "$scratch/t-host.err")" "no reply from the server"
CLEARML_API_HOST=$CLEARML_URL CLEARML_API_ACCESS_KEY=$clearml_access_key \
  CLEARML_API_SECRET_KEY=$clearml_secret_key CLEARML_CONFIG_FILE='' run_agent t-host
check "environment alone is enough" "$?" 0
cat >"$scratch/dotted.conf" <<CONF
# dotted keys, '=' and bare values (clearml.conf writes URLs unquoted)
api.api_server = $CLEARML_URL // a comment
api.credentials {
  access_key = $clearml_access_key
}
api { credentials.secret_key: "$clearml_secret_key" }
agent.worker_id: "ignored"
CONF
CLEARML_CONFIG_FILE=$scratch/dotted.conf run_agent t-dotted
check "dotted keys, = and bare values" "$?" 0
# JSON, as slurmglue-run writes a job's clearml.conf.
printf '{\n  "api": {"api_server": "%s",\n    "credentials": {"access_key": "%s", "secret_key": "%s"}},\n  "agent": {"worker_id": "w", "x": 1}\n}\n' \
  "$CLEARML_URL" "$clearml_access_key" "$clearml_secret_key" >"$scratch/json.conf"
CLEARML_CONFIG_FILE=$scratch/json.conf run_agent t-json
check "a JSON clearml.conf" "$?" 0
printf 'api {\n  api_server: "%s"\n' "$CLEARML_URL" >"$scratch/broken.conf"
CLEARML_CONFIG_FILE=$scratch/broken.conf run_agent t-dotted
check "an unclosed brace is an error" "$?" 1
check_contains "with file:line:col" "$(cat "$scratch/t-dotted.err")" "broken.conf:3:1: missing '}'"

# --- usage ------------------------------------------------------------------------
"$agent" daemon --queue x >/dev/null 2>&1
check "unknown subcommand: exit 2" "$?" 2
"$agent" execute --id t-ok --docker >/dev/null 2>"$scratch/usage.err"
check "unknown option: exit 2" "$?" 2
check_contains "usage on stderr" "$(cat "$scratch/usage.err")" "usage: clearml-agent execute"

finish
