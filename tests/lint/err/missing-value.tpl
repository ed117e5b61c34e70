#!/bin/bash
#SBATCH --partition
#SBATCH --time=10
${CLEARML_AGENT_EXECUTE}
