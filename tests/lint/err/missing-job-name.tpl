#!/bin/bash
#SBATCH --time=10
${CLEARML_AGENT_EXECUTE}
