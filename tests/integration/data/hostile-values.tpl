#!/bin/bash
#SBATCH --job-name=${CLEARML_TASK.name}
#SBATCH --comment="${CLEARML_TASK.comment}"
#SBATCH --output=${CLEARML_TASK.hyperparams.properties.out.value}
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:00:05:00}

printf '%s\n' "${CLEARML_TASK.name}"
printf '%s\n' ${CLEARML_TASK.comment}
cat <<EOF
${CLEARML_TASK.name}
EOF
${CLEARML_AGENT_EXECUTE}
