#!/bin/bash
#SBATCH --job-name=bigmem
#SBATCH --nodes=1
#SBATCH --exclusive
#SBATCH --mem=0
#SBATCH --time=6:00:00
#SBATCH --qos=long

ulimit -s unlimited
./big-model --threads "$(nproc)"
