#!/bin/bash
x=$((echo 1) )
${CLEARML_AGENT_EXECUTE}
