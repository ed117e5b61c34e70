#!/bin/bash
#SBATCH --part=debug
${CLEARML_AGENT_EXECUTE}
