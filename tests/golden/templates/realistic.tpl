#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=logs/%x-%j.out
#SBATCH --error=logs/%x-%j.err
#SBATCH --partition=${CLEARML_TASK.hyperparams.properties.partition.value:gpu}
#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}
#SBATCH --ntasks-per-node=${CLEARML_TASK.hyperparams.properties.gpus_per_node.value:8}
#SBATCH --gpus-per-node=${CLEARML_TASK.hyperparams.properties.gpus_per_node.value:8}
#SBATCH --cpus-per-task=${CLEARML_TASK.hyperparams.properties.cpus_per_task.value:8}
#SBATCH --mem=${CLEARML_TASK.hyperparams.properties.memory.value:0}
#SBATCH --time=${CLEARML_TASK.hyperparams.properties.walltime.value:04:00:00}
#SBATCH --comment="ClearML ${CLEARML_TASK.id} (${CLEARML_QUEUE_NAME:unknown})"
#SBATCH --exclusive

set -euo pipefail

${CLEARML_PRE_SETUP}

# Rendezvous for multi-node jobs.
MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export MASTER_ADDR
export MASTER_PORT=$(( 20000 + SLURM_JOB_ID % 10000 ))
export CLEARML_TASK_NAME='${CLEARML_TASK.name}'
export NCCL_DEBUG="${CLEARML_TASK.hyperparams.properties.nccl_debug.value:WARN}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

case "${CLEARML_TASK.hyperparams.properties.mode.value:train}" in
  train) log "training ${CLEARML_TASK.name}" ;;
  eval|test) log "evaluating" ;;
  *) log "unknown mode" ;;
esac

mkdir -p logs
cat > "logs/task-${CLEARML_TASK.id}.txt" <<EOF
task ${CLEARML_TASK.id}: ${CLEARML_TASK.name} on $(hostname), tags ${CLEARML_TASK.tags:none}
EOF

trap 'log "job ${SLURM_JOB_ID:-?} ended"' EXIT
if [[ ${SLURM_NNODES:-1} -gt 1 ]]; then
  log "multi-node: $SLURM_NNODES nodes"
fi

${CLEARML_AGENT_EXECUTE}

${CLEARML_POST_SETUP}
