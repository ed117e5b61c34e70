#!/bin/bash
# Native Slurm: the task runs on the allocated node, no container.
# Task values are data wherever they stand; see SAFETY in slurmglue-template(5).

#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:debug}
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1|strip}
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=${CLEARML_TASK.hyperparams.properties.cpus.value:1}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:01:00:00}

${CLEARML_PRE_SETUP}

echo "ClearML task ${CLEARML_TASK.id} (${CLEARML_TASK.name}) from queue ${CLEARML_QUEUE_NAME:unknown} on $(hostname)"

${CLEARML_AGENT_EXECUTE}

${CLEARML_POST_SETUP}
