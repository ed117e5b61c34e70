#!/bin/bash
#SBATCH --job-name=write-config
#SBATCH --ntasks=1
#SBATCH --time=00:10:00

workdir=${SCRATCH}/run-$SLURM_JOB_ID
mkdir -p "$workdir"
cat > "$workdir/config.yaml" <<EOF2
job: $SLURM_JOB_ID
nodes: $SLURM_JOB_NUM_NODES
# SLURM values end up here
output: $workdir/out
EOF2
cat > "$workdir/notes.txt" <<'NOTES'
#SBATCH lines in a here-document are text, not directives.
Usage: sbatch -N 4 -t 00:20:00 run.sh
NOTES
python run.py --config "$workdir/config.yaml"
