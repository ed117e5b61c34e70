#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-name=train:reuse
${CLEARML_AGENT_EXECUTE}
