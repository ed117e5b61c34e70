#!/bin/bash
# SLURM settings
# Submit by hand with:
#  sbatch -N 4 -t 00:20:00 run.sh
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --ntasks-per-node=1
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}

${CLEARML_PRE_SETUP}
# SLURM settings end above; prose after the first command is no directive.
# Slurm reads #SBATCH lines only before the first command.
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
