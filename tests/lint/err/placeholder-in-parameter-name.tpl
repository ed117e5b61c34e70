#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
echo "${RUN${CLEARML_TASK.hyperparams.Args.suffix.value:}}"
${CLEARML_AGENT_EXECUTE}
