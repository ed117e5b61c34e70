#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-%j.log
U="${CLEARML_TASK.hyperparams.env.u.value}"
export HF_ENDPOINT="$U"
${CLEARML_AGENT_EXECUTE}
