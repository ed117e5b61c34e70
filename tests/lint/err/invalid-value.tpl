#!/bin/bash
#SBATCH --time=1h
${CLEARML_AGENT_EXECUTE}
