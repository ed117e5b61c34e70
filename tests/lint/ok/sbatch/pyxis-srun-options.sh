#!/bin/bash
#SBATCH --job-name=pyxis-on-srun
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=4
#SBATCH --gpus-per-node=4
#SBATCH --time=06:00:00

image=nvcr.io#nvidia/nemo:24.05
mounts=/lustre/data:/data,/lustre/results:/results
container_args=(--container-image="$image" --container-mounts=/lustre/data:/data,/lustre/results:/results)

srun "${container_args[@]}" --no-container-mount-home python -m nemo.train
srun --container-image="$image" --container-mounts="$mounts" nvidia-smi
