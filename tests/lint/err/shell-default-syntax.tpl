#!/bin/bash
#SBATCH --partition=${CLEARML_TASK.hyperparams.Args.p.value:-gpu}
python3 t.py --seed ${CLEARML_TASK.hyperparams.Args.s.value:-1} ${CLEARML_TASK.hyperparams.Args.f.value:--fp16|words} --name "${CLEARML_TASK.hyperparams.Args.n.value:-baseline}"
${CLEARML_AGENT_EXECUTE}
