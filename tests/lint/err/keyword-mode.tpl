#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-%j.log
set -k
python3 -c 'import sys; print(sys.argv[1:])' SRC=${CLEARML_TASK.hyperparams.Args.src_dir.value:src}
${CLEARML_AGENT_EXECUTE}
