#!/bin/bash
#SBATCH --job-name=requeue-on-timeout
#SBATCH --ntasks=1
#SBATCH --time=04:00:00
#SBATCH --signal=B:USR1@300
#SBATCH --requeue
#SBATCH --open-mode=append

on_timeout() {
  echo "time is nearly up: checkpointing and requeueing"
  kill -USR1 "$child"
  wait "$child"
  scontrol requeue "$SLURM_JOB_ID"
}
trap on_timeout USR1

python train.py --resume-from latest &
child=$!
wait "$child"
