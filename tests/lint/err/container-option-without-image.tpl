#!/bin/bash
#SBATCH --container-writable
${CLEARML_AGENT_EXECUTE}
