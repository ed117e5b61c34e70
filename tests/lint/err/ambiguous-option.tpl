#!/bin/bash
#SBATCH --mem-per=1G
${CLEARML_AGENT_EXECUTE}
