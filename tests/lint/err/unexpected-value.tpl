#!/bin/bash
#SBATCH --hold=yes
${CLEARML_AGENT_EXECUTE}
