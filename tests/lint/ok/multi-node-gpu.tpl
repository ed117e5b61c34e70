#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:gpu}
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --ntasks-per-node=1
#SBATCH --gpus-per-node=${CLEARML_TASK.hyperparams.properties.gpus.value:8}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:24:00:00}
#SBATCH --container-image=${CLEARML_TASK.container.image}
#SBATCH --container-mounts=/lustre/data:/data:ro

${CLEARML_PRE_SETUP}
MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export MASTER_ADDR
export CLEARML_MULTI_NODE_SINGLE_TASK=1
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
