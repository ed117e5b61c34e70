#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-workdir=
${CLEARML_AGENT_EXECUTE}
