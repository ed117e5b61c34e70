#!/bin/bash
#SLURM --time=10
${CLEARML_AGENT_EXECUTE}
