#!/bin/bash
if [[ ${CLEARML_TASK.name} == x ]]; then :; fi
${CLEARML_AGENT_EXECUTE}
