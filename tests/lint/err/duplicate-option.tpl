#!/bin/bash
#SBATCH --time=10
#SBATCH --time=20
${CLEARML_AGENT_EXECUTE}
