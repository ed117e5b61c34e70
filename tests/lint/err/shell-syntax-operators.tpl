#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# What bash -n rejects between commands, in tests and arrays.
module load cuda && && echo loaded
nvidia-smi | | grep MiB
cd /scratch ; ; ls
then echo stray
[[ -n "$SLURM_JOB_ID" && $SLURM_NNODES == ]] && echo multi
[[ -f ]] || echo none
for x in a b; do echo "$x"; done
do echo stray
(cd /scratch && )
${CLEARML_AGENT_EXECUTE}
hosts=(node1 node2
