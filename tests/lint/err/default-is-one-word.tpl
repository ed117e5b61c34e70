#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# A sweep over learning rates, one array task each.
LRS=(${CLEARML_TASK.hyperparams.Args.lrs.value:1e-3 3e-4 1e-4})
LR=${LRS[$SLURM_ARRAY_TASK_ID]}
${CLEARML_AGENT_EXECUTE}
