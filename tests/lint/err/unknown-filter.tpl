#!/bin/bash
echo ${CLEARML_TASK.name|upper}
${CLEARML_AGENT_EXECUTE}
