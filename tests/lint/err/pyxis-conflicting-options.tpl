#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-writable
#SBATCH --container-readonly
${CLEARML_AGENT_EXECUTE}
