#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --ntasks-per-node=1
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --partition debug
#SBATCH --cpus-per-task=1
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1|strip}


${CLEARML_PRE_SETUP}


export CLEARML_MULTI_NODE_SINGLE_TASK=1


echo "whoami $(whoami)"


# Wrap srun to always add the container options
srun() {
    command srun \
        --container-image="${CLEARML_TASK.container.image}" \
        --container-remap-root \
        --container-writable \
        --container-mounts="$CLEARML_AGENT__AGENT__VENVS_DIR/clearml.conf:$CLEARML_AGENT__AGENT__VENVS_DIR/clearml.conf" \
        "$@"
}


${CLEARML_POST_SETUP}
