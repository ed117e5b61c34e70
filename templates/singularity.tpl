#!/bin/bash
# Singularity/Apptainer: the agent runs inside the task's container image.

#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --ntasks-per-node=1
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --partition debug
#SBATCH --cpus-per-task=1
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1|strip}

${CLEARML_PRE_SETUP}

echo "whoami $(whoami)"

srun singularity exec ${CLEARML_AGENT_EXECUTE}

${CLEARML_POST_SETUP}
