#!/bin/bash
#SBATCH --output=/logs/task.log
${CLEARML_AGENT_EXECUTE}
