#!/bin/bash
# Every Pyxis option in a valid form, the '#' image form escaped.
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=/logs/%x-%j.out
#SBATCH --error=/logs/%x-%j.err
#SBATCH --time=1-00:00:00 --mem=16G --nodes=1-2 --ntasks=4 --cpus-per-task=8
#SBATCH --exclusive=user
#SBATCH --container-image=nvcr.io\#nvidia/pytorch:24.01-py3
#SBATCH --container-mounts=/data:/data:ro+rbind,./scratch:/scratch,tmpfs:/tmp
#SBATCH --container-workdir=/work
#SBATCH --container-name=train:auto
#SBATCH --container-save=/scratch/image.sqsh
#SBATCH --container-env=NCCL_DEBUG,CUDA_VISIBLE_DEVICES
#SBATCH --container-unshare=net,ipc
#SBATCH --container-remap-root --container-writable --no-container-mount-home
# #SBATCH --mem=1mb    (disabled on purpose)

${CLEARML_PRE_SETUP}

cat > "/tmp/task-${CLEARML_TASK.id}.txt" <<'EOF2'
$HOME is not expanded here
EOF2

if [[ -n "$SLURM_JOB_ID" ]]; then
  echo "job $SLURM_JOB_ID runs task ${CLEARML_TASK.id} named ${CLEARML_TASK.name}"
fi

${CLEARML_AGENT_EXECUTE}

${CLEARML_POST_SETUP}
