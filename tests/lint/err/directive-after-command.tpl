#!/bin/bash
echo start
#SBATCH --time=10
${CLEARML_AGENT_EXECUTE}
