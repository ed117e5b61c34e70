#!/bin/bash
#SBATCH --container-image=nvcr.io/nvidia/pytorch:24.01-py3
${CLEARML_AGENT_EXECUTE}
