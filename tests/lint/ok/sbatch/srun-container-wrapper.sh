#!/bin/bash
# A plain Slurm script that wraps srun for itself, so that every step runs
# in the same Pyxis container: no agent, no --srun-delegation.
#SBATCH --job-name=finetune
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=4
#SBATCH --gpus-per-node=4
#SBATCH --time=04:00:00
#SBATCH --output=%x-%j.out

IMAGE=nvcr.io#nvidia/pytorch:24.01-py3
MOUNTS="$PWD:/workspace,/scratch/$USER:/scratch"

srun() {
  command srun --container-image="$IMAGE" --container-mounts="$MOUNTS" \
    --container-workdir=/workspace "$@"
}

srun --ntasks-per-node=1 nvidia-smi -L
srun python train.py --epochs 3 --out /scratch/ckpt
