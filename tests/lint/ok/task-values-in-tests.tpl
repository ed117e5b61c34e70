#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# Task values in [[ ]] tests render as references: no warning (only
# arithmetic needs an integer).
if [[ -n "${CLEARML_TASK.hyperparams.Args.output_dir.value:}" ]]; then
  OUT="${CLEARML_TASK.hyperparams.Args.output_dir.value:}"
fi
if [[ "${CLEARML_TASK.hyperparams.Args.precision.value:bf16}" == bf16* ]]; then
  export NVIDIA_TF32_OVERRIDE=0
fi
LATEST=$(find "${OUT:-outputs}" -name '*.pt' | sort | tail -n 1)
echo "resuming from ${LATEST:-nothing}"
${CLEARML_AGENT_EXECUTE}
