#!/bin/bash
# An operator's urgent rerun: --priority takes TOP as well as a number, and
# --nodes a range with a step (1-15:4 is 1, 5, 9 or 13 nodes). Operators
# submit it, so Slurm honours --priority.
# slurmglue-lint disable-file=priority-ignored
#SBATCH --job-name=urgent-rerun
#SBATCH --priority=top
#SBATCH --nodes=1-15:4
#SBATCH --ntasks-per-node=4
#SBATCH --time=02:00:00
srun --mpi=pmix ./solver --input data/mesh.h5
