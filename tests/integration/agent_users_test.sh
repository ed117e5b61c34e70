#!/usr/bin/env bash
# slurmglue-run's user impersonation on the test cluster: with
# agent.slurm.user_map each job runs as its task's Linux user (two users made
# by this test), its private directory owned by that user; a task whose user
# is not mapped, with no "default", is failed and never submitted.
# Needs root (the agent submits for other users). Usage: agent_users_test.sh SLURMGLUE_RUN
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURMGLUE_RUN=$(realpath "$1")
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"
# shellcheck source=tests/integration/clearmllib.sh
source "$here/clearmllib.sh"
# shellcheck source=tests/integration/agentlib.sh
source "$here/agentlib.sh"

if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: impersonation needs root"
  exit 0
fi
users=(slurmglue-alice slurmglue-bob)
for u in "${users[@]}"; do
  id "$u" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$u"
done
trap 'for u in "${users[@]}"; do userdel --remove "$u" 2>/dev/null; done; rm -rf "$scratch"' EXIT
# The users reach their task directories under $scratch.
chmod 711 "$scratch"

agent_setup cpu
with_map() {
  cat >>"$CLEARML_CONFIG_FILE" <<CONF
agent.slurm.user_map { $1 }
CONF
}
cp "$CLEARML_CONFIG_FILE" "$scratch/clearml-base.conf"

echo "== mapped users, and the default"
with_map '"u-alice": "slurmglue-alice", "default": "slurmglue-bob"'
slow='"hyperparams": {"properties": {"stub_seconds": {"value": "2"}}}'
make_task i1 cpu "{\"user\": \"u-alice\", $slow}"
make_task i2 cpu "{\"user\": \"u-carol\", $slow}"
agent_start --template-files "$scratch/templates/native.tpl" --queue cpu
owner_of_dir() { stat -c %U "$scratch/tasks/$1" 2>/dev/null; }
dir_is_alices() { [[ $(owner_of_dir i1) == slurmglue-alice ]]; }
wait_until 30 dir_is_alices || fail "i1's private directory belongs to its user"
check "i1's private directory is private" "$(stat -c %a "$scratch/tasks/i1" 2>/dev/null)" 700
check "i1's clearml.conf is the user's alone" "$(stat -c '%U %a' "$scratch/tasks/i1/clearml.conf" 2>/dev/null)" \
  "slurmglue-alice 600"
wait_tasks 60 completed i1 i2 || fail "both tasks complete"
agent_idle 30 || fail "the agent forgets them"
agent_stop
check "i1's job ran as its mapped user" "$(squeue -h -t all -j "$(jobs_of i1)" -o %u)" slurmglue-alice
check "i2's job ran as the default user" "$(squeue -h -t all -j "$(jobs_of i2)" -o %u)" slurmglue-bob
check "the private directories are removed" "$(find "$scratch/tasks" -mindepth 1 | wc -l)" 0
# The job started in its task's working directory (the template's relative
# --output resolves there), not in its user's home.
check "i1's working directory is its user's and private" "$(stat -c '%U %a' "$scratch/jobs/i1" 2>/dev/null)" \
  "slurmglue-alice 700"
check_contains "the job's output is in its working directory" "$(cat "$scratch/jobs/i1/task-i1-"*.log)" \
  "clearml-agent-stub: "
check "nothing lands in the user's home" "$(find ~slurmglue-alice -maxdepth 1 -name 'task-*' | wc -l)" 0
check "the working directory is kept" "$(find "$scratch/jobs" -mindepth 1 -maxdepth 1 | wc -l)" 2

echo "== an unmapped user without a default"
cp "$scratch/clearml-base.conf" "$CLEARML_CONFIG_FILE"
with_map '"u-alice": "slurmglue-alice"'
make_task i3 cpu '{"user": "u-dave"}'
agent_start --template-files "$scratch/templates/native.tpl" --queue cpu
wait_tasks 60 failed i3 || fail "the unmapped task fails"
agent_idle 30 || fail "the agent forgets it"
agent_stop
check_contains "the reason names the user and the map" "$(task_field i3 '["status_reason"]')" \
  "ClearML user 'u-dave' is not mapped"
check "no job for an unmapped user" "$(jobs_of i3 | wc -l)" 0

finish
