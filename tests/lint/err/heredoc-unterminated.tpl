#!/bin/bash
${CLEARML_AGENT_EXECUTE}
cat <<EOF
x
