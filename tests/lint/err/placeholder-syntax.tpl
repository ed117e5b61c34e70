#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# \# is no escape in a default: the default is quoted where it lands.
#SBATCH --container-image=${CLEARML_TASK.container.image:nvcr.io\#nvidia/pytorch:24.01-py3}
echo ${CLEARML_TASK.id
${CLEARML_AGENT_EXECUTE}
