#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:1 hour}
#SBATCH --nodes="${CLEARML_TASK.hyperparams.properties.nodes.value:two}"
#SBATCH --mem=${CLEARML_TASK.hyperparams.properties.mem.value:16G}
#SBATCH --container-image=${CLEARML_TASK.container.image:nvcr.io/NVIDIA/pytorch:24.01-py3}
srun() {
  command srun --container-image="${CLEARML_TASK.container.image:nvcr.io/nvidia/pytorch:24.01-py3}" "$@"
}
