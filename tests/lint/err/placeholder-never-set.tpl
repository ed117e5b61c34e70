#!/bin/bash
echo ${CLEARML_TASK.hyperparams.Args.epochs}
${CLEARML_AGENT_EXECUTE}
