#!/bin/bash
#SBATCH --job-name="quoted name"
#SBATCH --comment='nightly build'
#SBATCH --ntasks=1
#SBATCH --time=10
#SBATCH --constraint="skylake|cascadelake"
#SBATCH --output=/dev/null

make -j "$SLURM_CPUS_ON_NODE" all
