#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --array=0-3
#SBATCH --ntasks=1
#SBATCH --output=task-${CLEARML_TASK.id}-%A_%a.log

${CLEARML_PRE_SETUP}
if [ "$SLURM_ARRAY_TASK_ID" -eq 0 ]; then
  echo "first array task"
fi
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
