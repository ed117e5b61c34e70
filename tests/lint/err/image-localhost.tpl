#!/bin/bash
#SBATCH --container-image=localhost/train:1
${CLEARML_AGENT_EXECUTE}
