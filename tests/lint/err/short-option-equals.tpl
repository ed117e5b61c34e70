#!/bin/bash
#SBATCH -J=clearml_task_${CLEARML_TASK.id}
#SBATCH -o=task-%j.out
#SBATCH -ptrain
${CLEARML_AGENT_EXECUTE}
