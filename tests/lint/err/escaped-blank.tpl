#!/bin/bash
#SBATCH --comment=a\ b
#SBATCH --container-image=nvcr.io\#nvidia/pytorch:24.01-py3
#SBATCH --container-mounts=/data:/data\ \
${CLEARML_AGENT_EXECUTE}
