#!/bin/bash
# slurmglue-lint disable-file=priority-ignored
#SBATCH --time=1h
#SBATCH --priority=high
#SBATCH --nodes=1-15:
${CLEARML_AGENT_EXECUTE}
