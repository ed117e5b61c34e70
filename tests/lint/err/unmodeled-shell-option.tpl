#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-%j.log
shopt -s cdable_vars
cd "${CLEARML_TASK.hyperparams.Args.run_dir.value:runs}"
bash train.sh
${CLEARML_AGENT_EXECUTE}
