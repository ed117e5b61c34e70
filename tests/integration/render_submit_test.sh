#!/usr/bin/env bash
# Rendered scripts on the real sbatch: hostile task values in #SBATCH lines
# and in the shell body reach Slurm and bash as exactly those values, never
# as code or options; and slurmglue-render --test-only asks the real sbatch.
# Usage: render_submit_test.sh SLURMGLUE_RENDER
set -euo pipefail
render=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/integration/testlib.sh
source "$(dirname "$0")/testlib.sh"

canary="$scratch/canary"
out="$scratch/job.out"
# A job name holds no '/' (%x would put it in a log path), so its canary is
# relative: the job runs in $scratch.
name="x'\"; touch canary; \$(touch canary) \`touch canary\` #HetJob --hold"
comment="it's a \"comment\" with \\ and # and \$(touch $canary)"
# The output file is relative too: a value may not name a file by an
# absolute path (it could be any file of the glue's account).
python3 - "$scratch/task.json" "$name" "$comment" "job.out" <<'PY'
import json, sys
path, name, comment, out = sys.argv[1:]
json.dump({"id": "abc123", "name": name, "comment": comment,
           "hyperparams": {"properties": {"out": {"value": out}, "num_nodes": {"value": "1"}}}},
          open(path, "w"))
PY

"$render" "$here/data/hostile-values.tpl" --task-file "$scratch/task.json" \
  --agent-execute 'echo agent-ran' -o "$scratch/script.sh"
check "rendered script passes bash -n" "$(bash -n "$scratch/script.sh" && echo ok)" ok

id=$(sbatch --parsable --chdir="$scratch" "$scratch/script.sh")
state=$(wait_job "$id" 60)
check "job completed" "$state" COMPLETED
check "job name is the task name" "$(job_json "$id" name)" "$name"
check "comment is the task comment" "$(job_json "$id" comment)" "$comment"
expected_output=$(printf '%s\n' "$name" "$comment" "$name" agent-ran)
check "the job printed the values back" "$(cat "$out")" "$expected_output"
check "the canary never ran" "$([[ -e $canary ]] && echo ran || echo absent)" absent

# A value that is not a node count never reaches sbatch.
python3 - "$scratch/bad.json" <<'PY'
import json, sys
json.dump({"id": "abc124", "name": "n", "comment": "c",
           "hyperparams": {"properties": {"out": {"value": "/dev/null"}, "num_nodes": {"value": "1 --hold"}}}},
          open(sys.argv[1], "w"))
PY
set +e
"$render" "$here/data/hostile-values.tpl" --task-file "$scratch/bad.json" >/dev/null 2>"$scratch/err"
status=$?
set -e
check "a bad node count is a render error" "$status" 1
check_contains "the error names the option" "$(cat "$scratch/err")" "--nodes '1 --hold' is not a node count"

# --test-only: the real sbatch's verdict. The test cluster has one node and
# the template asks for the task's node count (one task per node), so the
# ordinary task asks for one node here.
sed 's/"name": "num_nodes", "value": "2"/"name": "num_nodes", "value": "1"/' \
  "$here/../golden/tasks/ordinary.json" >"$scratch/one-node.json"
check_contains "the one-node task" "$(cat "$scratch/one-node.json")" '"value": "1"'
"$render" "$here/../../templates/native.tpl" --task-file "$scratch/one-node.json" --test-only \
  >/dev/null 2>"$scratch/verdict"
check_contains "sbatch --test-only accepts the native template" "$(cat "$scratch/verdict")" "to start at"
set +e
"$render" "$here/../../templates/native.tpl" --task-file "$here/../golden/tasks/hostile.json" --test-only \
  >/dev/null 2>"$scratch/verdict"
status=$?
set -e
check "sbatch --test-only refuses the partition 'debug --hold'" "$status" 1
check_contains "and says why" "$(cat "$scratch/verdict")" "sbatch would reject"
finish
