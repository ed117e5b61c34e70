#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# shellcheck disable=SC2155,SC2034  # these lines test literal-credential, not ShellCheck
export CLEARML_API_ACCESS_KEY="$CLEARML_API_ACCESS_KEY"
export CLEARML_API_SECRET_KEY="$(cat "$HOME/.clearml/secret")"
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:?}
TOKEN_FILE=/run/secrets/token
${CLEARML_AGENT_EXECUTE}
