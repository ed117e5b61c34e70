#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
LATEST="`find . -name \"${CLEARML_TASK.name}\" | sort | tail -n 1`"
${CLEARML_AGENT_EXECUTE}
