#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=task-${CLEARML_TASK.id}-%j.log
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --ntasks-per-node=1
#SBATCH --gpus-per-node=4
# A training launcher whose extra arguments the task chooses: split into
# words after the script, each word one argument of train.py.
${CLEARML_PRE_SETUP}
MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export MASTER_ADDR
srun torchrun --nnodes="$SLURM_NNODES" --nproc_per_node=4 \
  --rdzv_backend=c10d --rdzv_endpoint="$MASTER_ADDR:29500" \
  train.py --run-name "${CLEARML_TASK.name}" ${CLEARML_TASK.hyperparams.Args.extra.value:--fp16|words}
python3 evaluate.py --seeds ${CLEARML_TASK.hyperparams.Args.seeds.value:1 2 3|words|number}
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
