#!/bin/bash
# An elastic job on a large machine: any size from 2 to 1k (1024) nodes,
# no time limit of its own (-1 is UNLIMITED; the partition's MaxTime holds).
#SBATCH --job-name=elastic
#SBATCH --nodes=2-1k
#SBATCH --ntasks-per-node=1
#SBATCH --time=-1
srun --ntasks="$SLURM_JOB_NUM_NODES" hostname
