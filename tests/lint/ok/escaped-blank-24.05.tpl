#!/bin/bash
# From Slurm 24.05 on, '\ ' keeps the blank in a directive value.
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --comment=nightly\ run
#SBATCH --ntasks=1
${CLEARML_AGENT_EXECUTE}
