#!/bin/bash
# sbatch adds each --mail-type to the ones before: BEGIN, END and FAIL.
#SBATCH --job-name=mail
#SBATCH --mail-user=ops@example.org
#SBATCH --mail-type=BEGIN
#SBATCH --mail-type=END
#SBATCH --mail-type=FAIL
srun hostname
