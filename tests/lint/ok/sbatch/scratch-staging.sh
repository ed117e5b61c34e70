#!/bin/bash
#SBATCH --job-name=stage-in-out
#SBATCH --ntasks=1
#SBATCH --tmp=200G
#SBATCH --time=03:00:00

local_dir=/tmp/$SLURM_JOB_ID
mkdir -p "$local_dir"
trap 'rm -rf "$local_dir"' EXIT
rsync -a "$site_scratch/dataset/" "$local_dir/dataset/"
python process.py --in "$local_dir/dataset" --out "$local_dir/result"
rsync -a "$local_dir/result/" "$site_scratch/results/$SLURM_JOB_ID/"
