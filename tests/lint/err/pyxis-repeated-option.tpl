#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-image=ubuntu:24.04
${CLEARML_AGENT_EXECUTE}
