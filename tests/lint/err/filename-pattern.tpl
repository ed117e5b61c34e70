#!/bin/bash
#SBATCH --output=task-%j-%i.log
${CLEARML_AGENT_EXECUTE}
