#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-unshare=pid
${CLEARML_AGENT_EXECUTE}
