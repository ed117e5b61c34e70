#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --array=0-3
#SBATCH --ntasks=2
#SBATCH hetjob
#SBATCH --ntasks=1
${CLEARML_AGENT_EXECUTE}
