#!/bin/bash
cat <<<X>>>
${CLEARML_AGENT_EXECUTE}
