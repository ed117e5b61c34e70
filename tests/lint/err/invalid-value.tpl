#!/bin/bash
# slurmglue-lint disable-file=priority-ignored
# slurmglue-lint disable-file=hetjob-array
#SBATCH --time=1h
#SBATCH --priority=high
#SBATCH --nodes=1-15:
#SBATCH --ntasks=-4 --cpus-per-task=0
#SBATCH hetjob
#SBATCH --exclusive=yes --requeue=yes --signal=B:FOO@90
#SBATCH --nodes=8-2 --open-mode=overwrite --mail-type=FINISH --kill-on-invalid-dep=maybe
#SBATCH --array=1..50
#SBATCH --hint=nomultithreading --distribution=blocks:cyclic --begin=next-tuesday
#SBATCH --dependency=aftrok:123456 --deadline=now+1h
#SBATCH --cpu-freq=fast --gpu-freq=High --acctg-freq=task:30
#SBATCH hetjob
#SBATCH --distribution=plane=4,Pack --cpu-freq=1000000-2000000
${CLEARML_AGENT_EXECUTE}
