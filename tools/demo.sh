#!/usr/bin/env bash
# The README's main job: installs what is missing, builds, and renders every
# shipped template for a sample task, as slurmglue would submit it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh >/dev/null
task=tests/golden/tasks/ordinary.json
for tpl in templates/*.tpl; do
  args=(--task-file "$task" --worker-id demo-glue --queue-name gpu --queue-id q1 --project-name vision)
  [[ $tpl == *srun-wrapper* ]] && args+=(--srun-delegation)
  printf '==> %s\n' "$tpl"
  build/tools/slurmglue-render "$tpl" "${args[@]}"
  printf '\n'
done
