#!/bin/bash
#SBATCH --job-name=deepspeed
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=1
#SBATCH --gres=gpu:8
#SBATCH --time=24:00:00

hostfile=hostfile-$SLURM_JOB_ID
scontrol show hostnames "$SLURM_JOB_NODELIST" | while read -r host; do
  echo "$host slots=8"
done > "$hostfile"
deepspeed --hostfile "$hostfile" train.py --deepspeed ds_config.json
rm -f "$hostfile"
