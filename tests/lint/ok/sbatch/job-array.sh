#!/bin/bash
#SBATCH --job-name=sweep
#SBATCH --array=0-31%8
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=sweep-%A_%a.log

# Usage: sbatch job-array.sh   (one task per learning rate)
rates=(1e-2 5e-3 1e-3 5e-4)
rate=${rates[$((SLURM_ARRAY_TASK_ID % ${#rates[@]}))]}
seed=$((SLURM_ARRAY_TASK_ID / ${#rates[@]}))
python sweep.py --lr "$rate" --seed "$seed"
