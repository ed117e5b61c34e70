#!/bin/bash
#SBATCH --output=$HOME/%j.log
${CLEARML_AGENT_EXECUTE}
