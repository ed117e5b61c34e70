#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --time=02:00:00
#SBATCH --ntasks=1 --gres=gpu:1
#SBATCH hetjob
#SBATCH --ntasks=4 --cpus-per-task=4

${CLEARML_PRE_SETUP}
srun --het-group=1 ./data-loader &
${CLEARML_AGENT_EXECUTE}
wait
${CLEARML_POST_SETUP}
