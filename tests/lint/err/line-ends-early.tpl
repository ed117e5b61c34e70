#!/bin/bash
#SBATCH --comment "" --time=10
${CLEARML_AGENT_EXECUTE}
