#!/usr/bin/env bash
# The ClearML test double's own behaviour that the agent's end-to-end tests
# rely on (tests/support/clearml_test_server.py): fault injections (drop,
# drop_after, by probability), the Kubernetes-glue queue moves, direct task
# changes, call counts, and requests recorded without secrets. Uses
# clearmllib.sh, so it checks that library too.
set -uo pipefail
here=$(dirname "$0")
# shellcheck source=tests/integration/checklib.sh
source "$here/checklib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"

clearml_start '{"queues": [{"id": "q1", "name": "slurm", "entries": [{"task": "t1"}]},
                           {"id": "pending", "name": "slurm_pending"}],
                "tasks": [{"id": "t1", "status": "queued", "execution": {"queue": "q1"}},
                          {"id": "t2", "status": "created"}, {"id": "t3", "status": "created"}]}' || exit 1

task_field() {
  json_get "$(clearml_control state)" "d['tasks']['$1']$2"
}
entries() {
  json_get "$(clearml_control state)" "' '.join(e['task'] for e in d['queues']['$1']['entries'])"
}

# --- how ClearML's Kubernetes glue moves a task, and how the agent takes it ----------
reply=$(clearml_api queues.get_next_task '{"queue": "q1"}')
check "get_next_task pops the entry" "$(json_get "$reply" 'd["entry"]["task"]')" t1
check "a popped task stays queued" "$(task_field t1 '["status"]')" queued
clearml_api tasks.enqueue '{"task": "t1", "queue": "pending", "status_reason": "pending"}' >/dev/null
check "enqueue of a queued task succeeds and keeps it queued" "$(task_field t1 '["status"]')" queued
check "it gains the pending queue's entry" "$(entries pending)" t1
check "execution.queue follows" "$(task_field t1 '["execution"]["queue"]')" pending
clearml_api tasks.dequeue '{"task": "t1"}' >/dev/null
check "dequeue removes the entry of execution.queue" "$(entries pending)" ""
check "a dequeued task is created again" "$(task_field t1 '["status"]')" created

# --- injections ------------------------------------------------------------------------
clearml_control inject '{"kind": "drop", "endpoint": "tasks.enqueue"}' >/dev/null
err=$(clearml_api tasks.enqueue '{"task": "t2", "queue": "q1"}' 2>&1 >/dev/null)
check_contains "drop: the client gets no reply" "$err" "tasks.enqueue: no reply"
check "drop: the call was not acted on" "$(task_field t2 '["status"]')" created

clearml_control inject '{"kind": "drop_after", "endpoint": "tasks.enqueue"}' >/dev/null
err=$(clearml_api tasks.enqueue '{"task": "t2", "queue": "q1"}' 2>&1 >/dev/null)
check_contains "drop_after: the client gets no reply" "$err" "tasks.enqueue: no reply"
check "drop_after: the call was acted on" "$(task_field t2 '["status"]')" queued
check "drop_after: the entry was added" "$(entries q1)" t2
last=$(json_get "$(clearml_control requests)" '[r for r in d["requests"] if r["endpoint"] == "tasks.enqueue"][-1]')
check "drop_after is recorded with the call's status" \
  "$(json_get "$last" 'd["injected"] + " " + str(d["status"])')" "drop_after 200"
clearml_api tasks.get_by_id '{"task": "t2"}' >/dev/null
check "injections are used up" "$?" 0

clearml_api tasks.dequeue '{"task": "t2"}' >/dev/null
clearml_control inject '{"kind": "malformed", "endpoint": "tasks.enqueue"}' >/dev/null
reply=$(python3 - "$CLEARML_URL" "$(cat "$scratch/clearml.token")" <<'PY'
import sys, urllib.request
request = urllib.request.Request(sys.argv[1] + "/tasks.enqueue", data=b'{"task": "t2", "queue": "q1"}',
    method="POST", headers={"Content-Type": "application/json", "Authorization": "Bearer " + sys.argv[2]})
with urllib.request.urlopen(request, timeout=10) as r:
    print(r.status, r.read().decode())
PY
)
check "malformed: status 200 with a body that is not JSON" "$reply" "200 {not json"
check "malformed: the call was acted on" "$(task_field t2 '["status"]')" queued

# skip_user_agent spares one client: this library's client is Python's urllib.
clearml_control inject '{"kind": "status", "endpoint": "tasks.get_by_id", "skip_user_agent": "Python-urllib"}' >/dev/null
clearml_api tasks.get_by_id '{"task": "t2"}' >/dev/null
check "skip_user_agent: a spared client is not hit" "$?" 0
check "the injection waits for another client" \
  "$(json_get "$(clearml_control requests)" '[r.get("injected", "") for r in d["requests"]][-1]')" ""
clearml_control clear_injections >/dev/null

err=$(clearml_control inject '{"kind": "explode"}' 2>&1)
check "an unknown kind is refused" "$?" 1
check_contains "with a reason" "$err" "kind must be status, drop, drop_after, delay or malformed"

# hit_pattern N: calls queues.get_all N times on one connection each; prints x
# for each call without a reply and . for each answered one.
hit_pattern() {
  python3 - "$CLEARML_URL" "$(cat "$scratch/clearml.token")" "$1" <<'PY'
import sys, urllib.request
url, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = ""
for _ in range(n):
    request = urllib.request.Request(url + "/queues.get_all", data=b"{}", method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    try:
        urllib.request.urlopen(request, timeout=10).read()
        marks += "."
    except OSError:
        marks += "x"
print(marks)
PY
}
random_drops='{"kind": "drop_after", "endpoint": "queues.get_all", "probability": 0.3, "count": 1000, "seed": 7}'
clearml_control inject "$random_drops" >/dev/null
first=$(hit_pattern 40)
clearml_control clear_injections >/dev/null
check "no injection after clear_injections" "$(hit_pattern 5)" "....."
clearml_control inject "$random_drops" >/dev/null
second=$(hit_pattern 40)
hits=${first//./}
check "probability 0.3 drops some replies, not all" "$((${#hits} > 2 && ${#hits} < 25))" 1
check "the same seed drops the same calls" "$second" "$first"
clearml_control clear_injections >/dev/null
clearml_control inject '{"kind": "drop", "endpoint": "queues.get_all", "probability": 1, "count": 3}' >/dev/null
check "count bounds a probability injection" "$(hit_pattern 6)" "xxx..."
clearml_control clear_injections >/dev/null

# --- direct task changes (a UI abort) and tasks.get_all filters ----------------------
clearml_control set_task '{"task": "t3", "fields": {"status": "stopped", "execution.queue": "q1"}}' >/dev/null
reply=$(clearml_api tasks.get_all '{"id": ["t1", "t3"], "status": ["stopped"], "only_fields": ["execution.queue"]}')
check "get_all filters by id and status together" "$(json_get "$reply" '[t["id"] for t in d["tasks"]]')" '["t3"]'
check "only_fields keeps dotted paths" "$(json_get "$reply" 'd["tasks"][0]')" \
  '{"id": "t3", "execution": {"queue": "q1"}}'
clearml_control set_task '{"task": "nope", "fields": {}}' >/dev/null 2>&1
check "set_task of an unknown task fails" "$?" 1

# --- counts, and no secret in what is recorded ---------------------------------------
clearml_control clear_requests >/dev/null
clearml_api queues.get_all '{}' >/dev/null
clearml_api tasks.get_all '{"id": ["t1"]}' >/dev/null
clearml_api tasks.get_all '{"id": ["t2"]}' >/dev/null
check "counts per endpoint" "$(json_get "$(clearml_control counts)" 'sorted(d["counts"].items())')" \
  '[["queues.get_all", 1], ["tasks.get_all", 2]]'
rm -f "$scratch/clearml.token" # a fresh login
clearml_api queues.get_all '{}' >/dev/null
requests=$(clearml_control requests)
check "the login's record holds the scheme only" \
  "$(json_get "$requests" '[r["auth"] for r in d["requests"] if r["endpoint"] == "auth.login"]')" '["Basic"]'
check "no request record holds the secret" "$(grep -c -- "$clearml_secret_key" <<<"$requests")" 0
check "no request record holds a token" "$(grep -c 'tok-' <<<"$requests")" 0

finish
