#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# Extra arguments for the training script, split into words: but here,
# before the script, a word of them would be python3's own (-c CODE).
python3 ${CLEARML_TASK.hyperparams.Args.extra.value|words} train.py
${CLEARML_AGENT_EXECUTE}
