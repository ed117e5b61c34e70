#!/usr/bin/env bash
# Runs the agent's full fault campaign (tests/integration/agent_fault_campaign.sh)
# on a test cluster of its own and writes docs/FAULTS.md.
# Usage: tools/fault-campaign.sh [RUNS (default 220)] [SEED]
# Needs a build (tools/build.sh) and root (the cluster's munge), like the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-220}
seed=${2:-$RANDOM}
run=${SLURMGLUE_RUN:-build/tools/slurmglue-run}  # the agent under test
[[ -x $run ]] || { echo "fault-campaign: build first (tools/build.sh)" >&2; exit 2; }
cluster=${TMPDIR:-/tmp}/slurmglue-faults-cluster
tests/integration/slurm-cluster.sh start "$cluster" >/dev/null
trap 'tests/integration/slurm-cluster.sh stop "$cluster" >/dev/null' EXIT
eval "$(tests/integration/slurm-cluster.sh env "$cluster")"
table=$(mktemp)
start=$SECONDS
status=0
tests/integration/agent_fault_campaign.sh "$run" "$runs" "$seed" "$table" || status=$?
minutes=$(((SECONDS - start + 59) / 60))
{
  echo "# Fault campaign of slurmglue-run"
  echo
  echo "Written by \`tools/fault-campaign.sh $runs $seed\` (re-run it to reproduce; the seed fixes"
  echo "the faults' order and dice, the machine's timing does the rest). $(date -u +%Y-%m-%d),"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average"
  echo "$(cut -d' ' -f1-3 /proc/loadavg) at the end; Slurm $(sbatch --version | awk '{print $2}'); took about $minutes min."
  echo
  echo "Each run starts slurmglue-run with one fault in force while new tasks keep arriving"
  echo "(two a run, in two queues) and SIGKILLs it after a random 0.2-3 s; a last agent"
  echo "without faults then runs every task to the end. A task is *lost* when it did not"
  echo "complete or no job was ever created for it, *submitted twice* when sbatch created"
  echo "more than one job for it (an sbatch wrapper logs every job it really creates, so"
  echo "jobs Slurm no longer lists still count). The faults are described at the top of"
  echo "\`tests/integration/agent_fault_campaign.sh\`; ClearML faults hit only the agent's"
  echo "calls (the stand-in clearml-agent in the jobs is spared)."
  echo
  cat "$table"
  echo
  echo "What the campaign found, each fixed with a regression test:"
  echo
  echo "- Submitted twice (3 of 440 tasks in the first full run, all in runs with sbatch"
  echo "  faults after submitting): an agent killed while its sbatch was still running left"
  echo "  that sbatch to submit after the restarted agent had looked for the job and"
  echo "  submitted it again. Slurm commands now die with the agent, and a task whose"
  echo "  submission was under way is submitted again only \`--submit-retry\` seconds after"
  echo "  that submission began (\`agent_inflight_submission_real\`)."
  echo "- Lost (found while building the campaign): a pop whose reply was lost is settled by"
  echo "  looking for the task among all queued tasks, but ClearML returns at most 500 a"
  echo "  reply and the agent read one page, so with more than 500 queued tasks the popped"
  echo "  one could stay queued in no queue forever. The scan now reads every page"
  echo "  (\`agent_orphan_paging_real\`)."
  echo
  echo "In CI, ctest runs \`agent_fault_campaign_real\`: one run of each fault (11 runs),"
  echo "next to \`agent_chaos_real\` (25 SIGKILLs with replies dropped after acting, and two"
  echo "agents on one queue)."
} >docs/FAULTS.md
rm -f "$table"
echo "fault-campaign: wrote docs/FAULTS.md"
exit "$status"
