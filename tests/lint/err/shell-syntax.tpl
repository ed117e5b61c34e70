#!/bin/bash
${CLEARML_AGENT_EXECUTE}
echo "done
