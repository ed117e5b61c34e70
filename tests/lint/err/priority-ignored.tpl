#!/bin/bash
#SBATCH --priority=5
${CLEARML_AGENT_EXECUTE}
