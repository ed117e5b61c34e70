#!/bin/bash
#SBATCH --comment=run#1
${CLEARML_AGENT_EXECUTE}
