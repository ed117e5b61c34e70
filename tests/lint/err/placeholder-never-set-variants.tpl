#!/bin/bash
echo ${CLEARML_TASK.id.short} ${CLEARML_TASK.hyperparams.Args} ${CLEARML_TASK.container:none}
echo ${CLEARML_TASK.hyperparams.Args.lr.value.x} ${CLEARML_TASK.container.image.tag}
echo ${CLEARML_TASK.hyperparams.properties.walltime.value} ${CLEARML_TASK.container.arguments}
${CLEARML_AGENT_EXECUTE}
