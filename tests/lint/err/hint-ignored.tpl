#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --hint=nomultithread
#SBATCH --threads-per-core=1
${CLEARML_AGENT_EXECUTE}
