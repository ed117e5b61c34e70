#!/bin/bash
#SBATCH --partion=debug
${CLEARML_AGENT_EXECUTE}
