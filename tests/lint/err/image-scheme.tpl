#!/bin/bash
#SBATCH --container-image=podman://ubuntu:22.04
${CLEARML_AGENT_EXECUTE}
