#!/bin/bash
echo ${CLEARML_TASK.id
${CLEARML_AGENT_EXECUTE}
