#!/usr/bin/env python3
#SBATCH --job-name=py-analysis
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --time=00:30:00
# sbatch reads the #SBATCH lines of any script; python runs the rest,
# which bash would reject (a "[" without "]", an unclosed "(" on one line).
import os
import sys

values = [int(x) for x in sys.argv[1:]] or [1, 2, 3]
if len(values) > 2 and os.environ.get("SLURM_JOB_ID"):
    print(f"job {os.environ['SLURM_JOB_ID']}: sum = {sum(values)}")
