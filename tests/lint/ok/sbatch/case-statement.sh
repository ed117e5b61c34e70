#!/bin/bash
#SBATCH --job-name=by-partition
#SBATCH --ntasks=1
#SBATCH --time=00:15:00

case "$SLURM_JOB_PARTITION" in
  gpu*) device=cuda ;;
  *) device=cpu ;;
esac
for attempt in 1 2 3; do
  if python bench.py --device "$device"; then
    break
  fi
  sleep $((attempt * 10))
done
[[ -n "${SLURM_JOB_ID:-}" ]] && echo "ran as job $SLURM_JOB_ID"
