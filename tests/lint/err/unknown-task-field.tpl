#!/bin/bash
echo ${CLEARML_TASK.nmae}
${CLEARML_AGENT_EXECUTE}
