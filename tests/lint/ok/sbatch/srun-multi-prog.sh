#!/bin/bash
#SBATCH --job-name=multi-prog
#SBATCH --ntasks=4
#SBATCH --time=00:10:00

conf=multi-$SLURM_JOB_ID.conf
{
  echo "0 ./coordinator"
  echo "1-3 ./worker --rank %t"
} > "$conf"
srun --multi-prog "$conf"
