#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# The child shell gets train's text, not the script's data block: the value
# would be empty there.
train() {
  python3 train.py --lr "${CLEARML_TASK.hyperparams.Args.lr.value}" --tag ${CLEARML_TASK.id}
}
export -f train
srun bash -c train
show() { echo "${CLEARML_TASK.name}"; }
bash -c "$(declare -f show); show"
${CLEARML_AGENT_EXECUTE}
