#!/bin/bash
#SBATCH --job-name=apptainer-run
#SBATCH --nodes=1
#SBATCH --ntasks=4
#SBATCH --cpus-per-task=8
#SBATCH --time=12:00:00
#SBATCH --output=%x-%j.out

module load apptainer
image=/shared/containers/pytorch-24.01.sif
srun apptainer exec --nv --bind /scratch:/scratch "$image" python train.py
