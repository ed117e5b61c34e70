#!/bin/bash
#SBATCH --time=10 -c
#SBATCH hetjob
#SBATCH --time=20
${CLEARML_AGENT_EXECUTE}
