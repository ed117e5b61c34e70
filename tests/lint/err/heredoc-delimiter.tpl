#!/bin/bash
cat <<${CLEARML_TASK.id}
x
${CLEARML_AGENT_EXECUTE}
