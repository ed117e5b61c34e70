#!/bin/bash
#SBATCH debug
${CLEARML_AGENT_EXECUTE}
