#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-unshare=net
${CLEARML_AGENT_EXECUTE}
