#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
cat <<'A' ; echo "$(cat <<B)"
line1 ${CLEARML_TASK.name}
A
line2
B
${CLEARML_AGENT_EXECUTE}
