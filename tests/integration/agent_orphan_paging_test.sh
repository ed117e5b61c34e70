#!/usr/bin/env bash
# A pop whose reply is lost is settled by looking for the task among all
# queued tasks, which the server returns at most 500 a reply: with more than
# 500 queued tasks elsewhere (their ids sorting first), the lost task is on a
# later page, and the agent must still find it, take it over and run it once.
# Usage: agent_orphan_paging_test.sh SLURMGLUE_RUN
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

agent_setup gpu other
other=$(queue_id other)
# 600 queued tasks in the queue no agent serves, seeded in one call (the body
# is too big for an argument).
python3 - "$CLEARML_URL" "$other" <<'PY'
import json, sys, urllib.request
url, queue = sys.argv[1], sys.argv[2]
ids = ["a%03d" % i for i in range(600)]
body = {"tasks": [{"id": t, "status": "queued", "execution": {"queue": queue}} for t in ids],
        "queues": [{"id": queue, "name": "other", "entries": [{"task": t} for t in ids]}]}
urllib.request.urlopen(urllib.request.Request(url + "/_test.seed", data=json.dumps(body).encode(),
                                              method="POST"), timeout=60).read()
PY
make_task z1 gpu '{"hyperparams": {"properties": {"stub_seconds": {"value": "0.2"}}}}'
clearml_control inject '{"kind": "drop_after", "endpoint": "queues.get_next_task", "count": 1}' >/dev/null

agent_start --template-files "$scratch/templates/native.tpl" --queue gpu
wait_tasks 90 completed z1 || fail "the task whose pop reply was lost is found on a later page and run"
agent_idle 30 || fail "the agent forgets z1"
agent_stop
check "z1 ran in exactly one job" "$(jobs_of z1 | wc -l)" 1
check_contains "the agent took it over" "$(cat "$scratch/agent.log")" "took over a lost task task=z1"
finish
