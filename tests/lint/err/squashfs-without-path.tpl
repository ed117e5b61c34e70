#!/bin/bash
#SBATCH --container-image=pytorch.sqsh
${CLEARML_AGENT_EXECUTE}
