#!/bin/bash
v=x
echo "${v@P}"
${CLEARML_AGENT_EXECUTE}
