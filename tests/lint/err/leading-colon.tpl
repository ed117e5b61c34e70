#!/bin/bash
#SBATCH --comment :x
${CLEARML_AGENT_EXECUTE}
