#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=logs/task_%A_%4a.out
${CLEARML_AGENT_EXECUTE}
