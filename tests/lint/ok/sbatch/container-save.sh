#!/bin/bash
#SBATCH --job-name=build-image
#SBATCH --ntasks=1
#SBATCH --time=01:00:00
#SBATCH --container-image=ubuntu:22.04
#SBATCH --container-save=/shared/images/tools.sqsh
#SBATCH --container-remap-root
#SBATCH --container-writable

apt-get update
apt-get install -y --no-install-recommends build-essential
