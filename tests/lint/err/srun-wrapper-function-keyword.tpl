#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
srun hostname
function srun {
  # the real srun: command srun
  srun --container-name=train "$*"
}
