#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --container-image=ubuntu:24.04
#SBATCH --container-env=NCCL_DEBUG=INFO,HOME
${CLEARML_AGENT_EXECUTE}
