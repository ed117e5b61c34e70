#!/bin/bash
#SBATCH --job-name=per-file
#SBATCH --array=1-100
#SBATCH --ntasks=1
#SBATCH --mem=2G
#SBATCH --time=00:05:00
#SBATCH --output=per-file-%A-%a.log

file=$(sed -n "${SLURM_ARRAY_TASK_ID}p" inputs.txt)
if [ -z "$file" ]; then
  echo "no input for task $SLURM_ARRAY_TASK_ID" >&2
  exit 1
fi
gzip -k "$file"
