#!/bin/bash
${CLEARML_TASK.script.binary} train.py
srun ${CLEARML_TASK.name}
${CLEARML_AGENT_EXECUTE}
