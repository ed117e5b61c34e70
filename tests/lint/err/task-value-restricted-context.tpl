#!/bin/bash
N="${CLEARML_TASK.hyperparams.Args.nodes.value:1}"
echo $(( N * 8 ))
${CLEARML_AGENT_EXECUTE}
