#!/bin/bash
#SBATCH --container-image=ubuntu:22.04:x
${CLEARML_AGENT_EXECUTE}
