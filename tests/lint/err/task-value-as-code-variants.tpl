#!/bin/bash
sh -c "echo ${CLEARML_TASK.comment}"
su alice -c "run ${CLEARML_TASK.hyperparams.Args.epochs.value}"
python3 -c "print('${CLEARML_TASK.name}')"
echo "$(eval echo ${CLEARML_PROJECT_NAME})"
echo "${CLEARML_TASK.name}" && bash train.sh "${CLEARML_TASK.name}"
echo ${CLEARML_TASK.id} | xargs echo
echo $(( ${CLEARML_TASK.hyperparams.Args.n.value} + 1 ))
${CLEARML_AGENT_EXECUTE}
