#!/bin/bash
echo \${CLEARML_TASK.name}
${CLEARML_AGENT_EXECUTE}
