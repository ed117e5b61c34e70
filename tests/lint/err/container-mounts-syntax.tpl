#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-mounts=data:/data
${CLEARML_AGENT_EXECUTE}
