#!/bin/bash
# srun-wrapper style for an older cluster: Slurm 22.05, Pyxis 0.20, Enroot 3.5.
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --comment="a b"

srun() {
    command srun \
        --container-image="${CLEARML_TASK.container.image:nvcr.io#nvidia/pytorch:24.01-py3}" \
        --container-mounts=/data:/data \
        "$@"
}

${CLEARML_PRE_SETUP}
${CLEARML_POST_SETUP}
