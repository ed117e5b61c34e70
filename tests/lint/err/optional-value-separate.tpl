#!/bin/bash
#SBATCH --exclusive user
${CLEARML_AGENT_EXECUTE}
