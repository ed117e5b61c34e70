#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --container-image=ubuntu:22.04
srun() {
    command srun \
        --container-image=ubuntu:24.04 \
        --container-writable --container-readonly \
        --container-mount=/data \
        --container-mounts "data:/data" \
        --container-name="${CLEARML_TASK.id}:reuse" \
        --container-save /scratch/ \
        "$@"
}
srun --container-unshare=pid,net hostname   # steps after the wrapper go through it
