#!/bin/bash
# Findings the authors accept, each suppressed where it occurs.
# slurmglue-lint disable-file=shared-output-file
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --output=/logs/latest.log
# slurmglue-lint disable=abbreviated-option
#SBATCH --part=debug
#SBATCH --mem-per-c=2G # slurmglue-lint disable=SG308

${CLEARML_AGENT_EXECUTE}
