#!/bin/bash
#SBATCH --job-name=pyxis-in-directives
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=8
#SBATCH --gpus-per-node=8
#SBATCH --time=08:00:00
#SBATCH --container-image=nvcr.io\#nvidia/pytorch:24.01-py3
#SBATCH --container-mounts=/lustre/data:/data:ro,/lustre/ckpt:/ckpt
#SBATCH --container-workdir=/workspace

srun python /workspace/train.py --data /data --checkpoints /ckpt
