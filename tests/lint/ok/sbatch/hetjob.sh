#!/bin/bash
#SBATCH --job-name=server-and-clients
#SBATCH --time=01:00:00
#SBATCH --nodes=1 --ntasks=1 --mem=64G --gres=gpu:1
#SBATCH hetjob
#SBATCH --nodes=2 --ntasks=8 --cpus-per-task=2

srun --het-group=0 ./inference-server --port 8000 &
sleep 30
srun --het-group=1 ./load-client --target "$(hostname):8000"
wait
