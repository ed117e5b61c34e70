#!/bin/bash
# sbatch refuses these pairs together (slurm_opt.c: "mutually exclusive").
#SBATCH --mem=16G
#SBATCH --mem-per-cpu=2G
#SBATCH --exclusive --oversubscribe
#SBATCH --ntasks-per-node=4 --ntasks-per-gpu=1
#SBATCH --cpus-per-task=4
#SBATCH --cpus-per-gpu=8
#SBATCH --gres=gpu:a100:4
#SBATCH --gpus-per-node=4
#SBATCH --gres-flags=enforce-binding,disable-binding
#SBATCH --tres-per-task=cpu=4,gres/gpu:1 --gpus-per-task=1
#SBATCH hetjob
# Each component is read on its own: no finding below.
#SBATCH --mem-per-cpu=1G --gpus-per-node=2 --gres=shard:1
${CLEARML_AGENT_EXECUTE}
