#!/bin/bash

#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --ntasks-per-node=1
# #SBATCH --mem=1mb
# #SBATCH --time=00:05:00
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --partition debug
#SBATCH --cpus-per-task=1
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1|strip}

# Pyxis container configuration
#SBATCH --container-image=${CLEARML_TASK.container.image}
#SBATCH --container-remap-root
#SBATCH --container-writable


${CLEARML_PRE_SETUP}


export CLEARML_MULTI_NODE_SINGLE_TASK=1


echo "whoami $(whoami)"


${CLEARML_AGENT_EXECUTE}


${CLEARML_POST_SETUP}
