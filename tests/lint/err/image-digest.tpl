#!/bin/bash
#SBATCH --container-image=ubuntu@sha256:abc
${CLEARML_AGENT_EXECUTE}
