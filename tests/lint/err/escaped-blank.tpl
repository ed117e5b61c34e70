#!/bin/bash
#SBATCH --comment=a\ b
${CLEARML_AGENT_EXECUTE}
