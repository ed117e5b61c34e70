#!/bin/bash
#SBATCH --job-name=conda-job
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=8
#SBATCH --mem-per-cpu=4G
#SBATCH --time=02:00:00
#SBATCH --mail-type=END,FAIL
#SBATCH --mail-user=someone@example.org

# shellcheck source=/dev/null
source "$HOME/miniconda3/etc/profile.d/conda.sh"
conda activate analysis
python -u analyze.py 2>&1 | tee "analysis-$SLURM_JOB_ID.log"
