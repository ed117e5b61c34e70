#!/bin/bash
#SBATCH --job-name=with-functions
#SBATCH --ntasks=2
#SBATCH --time=00:30:00

log() {
  printf '%s [%s] %s\n' "$(date +%T)" "$SLURM_JOB_ID" "$*"
}

run_step() {
  local name=$1
  shift
  log "starting $name"
  if ! srun --ntasks=1 "$@"; then
    log "$name failed"
    return 1
  fi
}

run_step prepare ./prepare.sh
run_step train ./train.sh --epochs 10
log "done"
