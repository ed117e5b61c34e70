#!/bin/bash -l
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.time_limit.value:04:00:00}
#SBATCH --gpus-per-node=8
# A job that builds a CUDA extension with make before training: make reads
# every environment variable as a make variable, so the task's values the
# template sets are numbers (|number, the --nodes and --time grammars) and
# its name goes to the agent only.
module load cuda/12.2
${CLEARML_PRE_SETUP}
export LEARNING_RATE=${CLEARML_TASK.hyperparams.Args.lr.value:0.001|number}
make -C "$HOME/src/fused-adam" -j8
mkdir -p "runs/$SLURM_JOB_ID"
echo "build done for task ${CLEARML_TASK.id}" >> "runs/$SLURM_JOB_ID/log.txt"
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
