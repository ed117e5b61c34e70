#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --partition=a
#SBATCH hetjob --partition=b
#SBATCH --nodes=1 packjob --ntasks=4
${CLEARML_AGENT_EXECUTE}
