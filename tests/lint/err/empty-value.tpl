#!/bin/bash
#SBATCH --partition=
${CLEARML_AGENT_EXECUTE}
