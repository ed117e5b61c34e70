#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --mail-type=END,FAILED
#SBATCH --mail-type=BEGIN,time_limit_90,TIMEOUT
${CLEARML_AGENT_EXECUTE}
