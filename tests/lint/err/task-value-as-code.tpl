#!/bin/bash
eval "echo ${CLEARML_TASK.name}"
${CLEARML_AGENT_EXECUTE}
