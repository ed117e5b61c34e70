#!/usr/bin/env bash
# Smoke test of the test cluster: real jobs through sbatch, followed to their
# end, with their output, state and exit code checked.
set -uo pipefail
# shellcheck source=tests/integration/testlib.sh
source "$(dirname "$0")/testlib.sh"

cat >"$scratch/ok.sh" <<'SCRIPT'
#!/bin/bash
#SBATCH --job-name=slurmglue-smoke-ok
echo "hello from $SLURM_JOB_ID on $(hostname -s)"
SCRIPT
cat >"$scratch/fail.sh" <<'SCRIPT'
#!/bin/bash
#SBATCH --job-name=slurmglue-smoke-fail
echo "about to fail"
exit 3
SCRIPT

ok_id=$(sbatch --parsable -o "$scratch/ok.out" "$scratch/ok.sh")
check "sbatch --parsable prints a job id" "$([[ $ok_id =~ ^[0-9]+$ ]] && echo yes)" yes
fail_id=$(sbatch --parsable -o "$scratch/fail.out" "$scratch/fail.sh")
check "second job id" "$([[ $fail_id =~ ^[0-9]+$ ]] && echo yes)" yes

check "ok job ends COMPLETED" "$(wait_job "$ok_id" 60)" COMPLETED
check "ok job exit code" "$(job_field "$ok_id" ExitCode)" 0:0
check "ok job name" "$(job_field "$ok_id" JobName)" slurmglue-smoke-ok
check "ok job output" "$(cat "$scratch/ok.out" 2>&1)" "hello from $ok_id on $(hostname -s)"

check "failing job ends FAILED" "$(wait_job "$fail_id" 60)" FAILED
check "failing job exit code" "$(job_field "$fail_id" ExitCode)" 3:0
check "failing job output" "$(cat "$scratch/fail.out" 2>&1)" "about to fail"

# Finished jobs stay queryable through jobcomp/filetxt (sacct -c).
end=$((SECONDS + 10))
until sacct -c -n -j "$fail_id" -o state 2>/dev/null | grep -q FAILED || ((SECONDS >= end)); do
  sleep 0.2
done
check_contains "sacct -c knows the finished job" "$(sacct -c -n -j "$fail_id" -o jobid,state 2>&1)" FAILED

finish
