#!/bin/bash
# SLURM settings
# ==============
# Submit with:
#  sbatch -N 4 -t 00:20:00 slurm-legacy-comments.sh
#SBATCH --job-name=documented
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=2
#SBATCH --time=00:20:00
#SBATCH --mem=4G#per node (sbatch drops a comment glued to the value)

# SLURM settings are read above; what follows is the job.
# # SBATCH --mem=1G   (disabled on purpose)
srun hostname
