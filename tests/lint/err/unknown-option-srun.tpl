#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --cpu-bind=cores
${CLEARML_AGENT_EXECUTE}
