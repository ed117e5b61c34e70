#!/bin/bash
# The #PBS lines keep the script usable on the old Torque cluster.
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-%j.log
#PBS -N ${CLEARML_TASK.name}
#PBS -l walltime=01:00:00
${CLEARML_AGENT_EXECUTE}
