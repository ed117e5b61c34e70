#!/bin/bash
#SBATCH --job-name=train
${CLEARML_AGENT_EXECUTE}
