#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-workdirs=/data
${CLEARML_AGENT_EXECUTE}
