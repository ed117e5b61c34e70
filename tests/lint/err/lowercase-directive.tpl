#!/bin/bash
#sbatch --time=10
${CLEARML_AGENT_EXECUTE}
