#!/bin/bash
# SLURM settings
# ==============
# Submit with:
#  sbatch -N 4 -t 00:20:00 slurm-legacy-comments.sh
#SBATCH --job-name=documented
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=2
#SBATCH --time=00:20:00

# SLURM settings are read above; what follows is the job.
# # SBATCH --mem=1G   (disabled on purpose)
srun hostname
