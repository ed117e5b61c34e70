#!/bin/bash
eval "echo ${CLEARML_TASK.name}"
bash -c "echo ${CLEARML_TASK.name}"
trap 'echo ${CLEARML_TASK.name}' EXIT
ssh host "ls ${CLEARML_TASK.name}"
sbatch --wrap="echo ${CLEARML_TASK.name}"
declare -a "a=(${CLEARML_TASK.name})"
export PS4="${CLEARML_TASK.name}"
python3 -c "print('${CLEARML_TASK.name}')"
bash <<EOF
echo ${CLEARML_TASK.name}
EOF
echo "${CLEARML_TASK.id}" | xargs echo
eval "echo ${CLEARML_TASK.id}"
${CLEARML_AGENT_EXECUTE}
