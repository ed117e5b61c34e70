#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --array=1-500%0
${CLEARML_AGENT_EXECUTE}
