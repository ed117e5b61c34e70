#!/bin/bash
#SBATCH --job-name=preprocess
#SBATCH --ntasks=1
#SBATCH --time=00:20:00

# Submits the training after this job ends well.
python preprocess.py
next=$(sbatch --parsable --dependency=afterok:"$SLURM_JOB_ID" train.sh)
echo "queued training job $next"
