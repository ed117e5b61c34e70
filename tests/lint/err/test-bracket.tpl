#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
if [ -z "$5"]; then echo "no fifth argument"; fi
[ -d /scratch ] && echo scratch
${CLEARML_AGENT_EXECUTE}
