#!/bin/bash
#SBATCH --output=first-%j.out
#SBATCH --partition
#SBATCH --output=second-%q.out
#SBATCH --time=10
${CLEARML_AGENT_EXECUTE}
