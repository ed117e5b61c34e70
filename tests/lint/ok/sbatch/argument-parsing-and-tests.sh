#!/bin/bash
#SBATCH --job-name=finetune
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=1
#SBATCH --time=02:00:00
# Shapes bash reads that a linter easily misreads (lint hunts 54-56):
# reserved words as case patterns, tests over several lines, comments
# inside arrays, redirections glued to ']'.
set -euo pipefail

mode=train
for arg in "$@"; do
  case "$arg" in
    --do-train|do) mode=train ;;
    done|in) mode=skip ;;
    (then|fi) mode=keywords ;;
    --eval|--test) mode=evaluate ;&
    --verbose) set -x ;;&
    *) ;;
  esac
done

if [[ -n "${SLURM_JOB_ID:-}" &&
      "$mode" == train ]]; then
  echo "job $SLURM_JOB_ID trains"
fi
if [[ ( "$mode" == eval ) ||
      ( "$mode" == skip ) ]]; then
  echo "no training"
fi
[[ "$mode" =~ ^(train|evaluate)$ ]] && echo "known mode"

ARGS=(
  --lr 3e-4      # learning rate (default 1e-4)
  --epochs 3     # full passes (one is often enough)
)
[ -d data ]>/dev/null 2>&1 || mkdir -p data

coproc LOGGER while read -r line; do echo "[log] $line"; done
echo "started" >&"${LOGGER[1]}"
time -p python3 train.py "${ARGS[@]}" | tee train.log
