#!/bin/bash
${CLEARML_AGENT_EXECUTE}
srun() {
  command srun --container-image=ubuntu "$@"
}
