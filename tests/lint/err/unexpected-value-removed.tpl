#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --get-user-env=L
${CLEARML_AGENT_EXECUTE}
