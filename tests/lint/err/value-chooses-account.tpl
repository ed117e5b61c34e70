#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-%j.log
RUN_AS=${CLEARML_TASK.hyperparams.Args.run_as.value:trainer}
sudo -u "$RUN_AS" -- ${CLEARML_AGENT_EXECUTE}
