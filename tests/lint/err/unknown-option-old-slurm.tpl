#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --container-type=oci
#SBATCH -Q --mem-per-cpu 2G
${CLEARML_AGENT_EXECUTE}
