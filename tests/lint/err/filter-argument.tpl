#!/bin/bash
echo ${CLEARML_TASK.name|lower(x)}
${CLEARML_AGENT_EXECUTE}
