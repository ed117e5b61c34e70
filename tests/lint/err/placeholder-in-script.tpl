#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
srun echo "task ${CLEARML_TASK.id}"
