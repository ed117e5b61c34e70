#!/bin/bash
 #SBATCH --time=10
#Sbatch --mem=1G
# SBATCH --nodes=2
#SLURM --ntasks=2
# slurmglue-lint is not a directive
echo start
#SBATCH --partition=debug
${CLEARML_AGENT_EXECUTE}
