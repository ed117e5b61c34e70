#!/bin/bash
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-save=/scratch/
${CLEARML_AGENT_EXECUTE}
