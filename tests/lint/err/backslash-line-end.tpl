#!/bin/bash
#SBATCH --time=10 \
#SBATCH --mem=1G
${CLEARML_AGENT_EXECUTE}
