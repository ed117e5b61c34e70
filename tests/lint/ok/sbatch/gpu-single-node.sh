#!/bin/bash
#SBATCH -J finetune
#SBATCH -N 1
#SBATCH -n 1
#SBATCH -c 16
#SBATCH -t 10:00:00
#SBATCH -p gpu
#SBATCH --gres=gpu:a100:2
#SBATCH -o finetune-%j.out

nvidia-smi
python finetune.py --gpus 2 --batch-size 64
