#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
python3 train.py --name "${CLEARML_TASK.name}" 2>\
&1 | tee "log-${CLEARML_TASK.id}.txt"
${CLEARML_AGENT_EXECUTE}
