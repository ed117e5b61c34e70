#!/bin/bash
#SBATCH --job-name=mpi-openmp
#SBATCH --nodes=8
#SBATCH --ntasks-per-node=4
#SBATCH --cpus-per-task=16
#SBATCH --time=1-12:00:00
#SBATCH --partition=compute
#SBATCH --account=proj123

module purge
module load gcc/12 openmpi/4.1
export OMP_NUM_THREADS=$SLURM_CPUS_PER_TASK
export OMP_PLACES=cores
srun --cpu-bind=cores ./solver -i input.nml
