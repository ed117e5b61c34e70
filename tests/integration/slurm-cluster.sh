#!/usr/bin/env bash
# A real single-node Slurm cluster for the integration tests, run without
# systemd: munged (as user munge), slurmctld and slurmd started by hand, with
# every file (config, state, spool, logs, PID files, munge socket) under one
# directory.
#
#   slurm-cluster.sh start  [DIR]   start (or keep) the cluster; waits until the node is idle
#   slurm-cluster.sh stop   [DIR]   cancel its jobs, stop the daemons this script started
#   slurm-cluster.sh status [DIR]   exit 0 when all three daemons run, 1 otherwise
#   slurm-cluster.sh env    [DIR]   print the export lines clients need (eval "$(... env)")
#   slurm-cluster.sh stop-controller  [DIR]  stop slurmctld only (jobs and slurmd go on;
#                                            clients get "Unable to contact slurm controller")
#   slurm-cluster.sh start-controller [DIR]  start it again with its saved state (the jobs)
#
# DIR defaults to $SLURMGLUE_CLUSTER_DIR, else to a fixed directory under
# ${TMPDIR:-/tmp} for this user. Only processes whose PIDs this script wrote to
# DIR/pids/ (and whose command line names DIR) are ever signalled.
#
# Tunables (environment): SLURMGLUE_CLUSTER_TIMEOUT (seconds to wait for the
# node to become idle, default 60), SLURMGLUE_SLURMCTLD_PORT (default: the
# first free port from 6817 on; slurmd uses the next one).
# SPANK plugins for tests go to DIR/plugstack.conf.d/*.conf (sbatch and srun
# read them at each call; no restart needed).
set -euo pipefail

usage() {
  echo "usage: ${0##*/} start|stop|status|env|stop-controller|start-controller [DIR]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
action=$1
dir=${2:-${SLURMGLUE_CLUSTER_DIR:-${TMPDIR:-/tmp}/slurmglue-slurm-cluster-$(id -u)}}
timeout=${SLURMGLUE_CLUSTER_TIMEOUT:-60}
daemons=(munged slurmctld slurmd)

die() {
  echo "slurm-cluster: $*" >&2
  exit 1
}

# The directory as an absolute path without trailing slash (it is matched
# against daemon command lines).
absolute_dir() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
}

conf() { echo "$dir/slurm.conf"; }

# Prints the PID in file $1 when that process still runs and is daemon $2
# of ours (its command line names the daemon and our directory); prints
# nothing otherwise.
pid_in() {
  local file=$1 name=$2 pid cmdline state
  [[ -f $file ]] || return 0
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  # The process may end between any two of these reads.
  cmdline=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null || true)
  [[ $cmdline == *"$name"*"$dir/"* ]] || return 0
  # A zombie or exiting process is not running.
  state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [[ $state != Z && $state != X && -n $state ]] || return 0
  echo "$pid"
}

# The PID recorded for daemon $1 when it still runs (see pid_in).
live_pid() { pid_in "$dir/pids/$1.pid" "$1"; }

all_running() {
  local d
  for d in "${daemons[@]}"; do
    [[ -n $(live_pid "$d") ]] || return 1
  done
}

port_free() {
  [[ -z $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
}

pick_ports() {
  local p=${SLURMGLUE_SLURMCTLD_PORT:-}
  if [[ -n $p ]]; then
    ctld_port=$p
    slurmd_port=$((p + 1))
    return
  fi
  for ((p = 6817; p < 6917; p += 2)); do
    if port_free "$p" && port_free $((p + 1)); then
      ctld_port=$p
      slurmd_port=$((p + 1))
      return
    fi
  done
  die "no two free TCP ports between 6817 and 6917"
}

write_conf() {
  local host node_line
  host=$(hostname -s)
  # The node's hardware as slurmd sees it; drop the UpTime= line.
  node_line=$(slurmd -C | grep '^NodeName=')
  [[ -n $node_line ]] || die "slurmd -C printed no NodeName= line"
  cat >"$(conf)" <<EOF
# Written by slurm-cluster.sh: a single-node test cluster.
ClusterName=slurmglue
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket.2
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=100
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/slurmd-%n
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$dir/plugstack.conf
ReturnToService=2
InactiveLimit=0
KillWait=5
MinJobAge=300
SlurmctldTimeout=30
SlurmdTimeout=30
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  # A fresh cluster has no SPANK plugin: a test killed before it took its
  # plugin out (a timeout) must not leave it to the next run's tests.
  mkdir -p "$dir/plugstack.conf.d"
  rm -f "$dir/plugstack.conf.d/"*.conf
  echo "include $dir/plugstack.conf.d/*.conf" >"$dir/plugstack.conf"
}

# The PID file daemon $1 writes itself (slurm.conf and munged's command line
# put them there).
own_pid_file() {
  case $1 in
    munged) echo "$dir/munge/munged.pid" ;;
    slurmctld) echo "$dir/run/slurmctld.pid" ;;
    slurmd) echo "$dir/run/slurmd.pid" ;;
  esac
}

# Starts "$@" as daemon $1 in a session of its own, detached from our stdio
# (so a caller such as ctest does not wait for it), and records the PID the
# daemon writes itself. Not $!: setsid forks when its process leads its
# group, and $! is then a process that ends at once while the daemon runs.
launch() {
  local name=$1 own pid
  shift
  own=$(own_pid_file "$name")
  rm -f "$own" "$dir/pids/$name.pid"
  setsid --fork "$@" </dev/null >>"$dir/log/$name.out" 2>&1
  local end=$((SECONDS + 30))
  until pid=$(pid_in "$own" "$name") && [[ -n $pid ]]; do
    ((SECONDS < end)) || fail_start "$name did not start: no live PID in $own after 30 s"
    sleep 0.05
  done
  echo "$pid" >"$dir/pids/$name.pid"
}

log_tails() {
  local f
  for f in "$dir"/log/*.log "$dir"/log/*.out "$dir"/munge/munged.log; do
    [[ -s $f ]] || continue
    echo "--- last lines of $f" >&2
    tail -n 20 "$f" >&2
  done
}

fail_start() {
  echo "slurm-cluster: $*" >&2
  log_tails
  stop_daemons
  exit 1
}

wait_for() {
  # wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s.
  local limit=$1 what=$2
  shift 2
  local end=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < end)) || fail_start "timed out after ${limit}s waiting for $what"
    sleep 0.2
  done
}

node_idle() {
  local host
  host=$(hostname -s)
  [[ $(SLURM_CONF=$(conf) sinfo -h -n "$host" -o %T 2>/dev/null) == idle ]]
}

daemon_alive() { [[ -n $(live_pid "$1") ]] || fail_start "$1 exited during start-up"; }
munge_ready() { daemon_alive munged && [[ -S $dir/munge/munge.socket.2 ]]; }
ctld_ready() { daemon_alive slurmctld && SLURM_CONF=$(conf) scontrol ping >/dev/null 2>&1; }
node_ready() { daemon_alive slurmd && node_idle; }

start() {
  absolute_dir
  if all_running; then
    wait_for "$timeout" "the node to be idle" node_ready
    echo "slurm-cluster: already running in $dir"
    return
  fi
  # Some of ours may be left from an interrupted run: stop them, start afresh.
  stop_daemons
  command -v munged >/dev/null || die "munged not found (install munge slurmctld slurmd slurm-client)"
  command -v slurmctld >/dev/null || die "slurmctld not found"
  command -v slurmd >/dev/null || die "slurmd not found"

  rm -rf "$dir/state" "$dir/spool" "$dir/run" "$dir/munge"
  mkdir -p "$dir/state" "$dir/spool" "$dir/run" "$dir/log" "$dir/pids" "$dir/munge"
  local f
  for f in "$dir"/log/*; do
    [[ -f $f && $f != *.old ]] && mv -f "$f" "$f.old"
  done
  # munged runs as user munge and wants its directory owned by it, writable
  # by no one else, and searchable by all (clients reach its socket there).
  chmod 0755 "$dir"
  chown munge:munge "$dir/munge"
  chmod 0755 "$dir/munge"
  pick_ports
  write_conf

  launch munged setpriv --reuid=munge --regid=munge --init-groups \
    munged --foreground --socket="$dir/munge/munge.socket.2" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed"
  wait_for 20 "munged's socket" munge_ready

  launch slurmctld env SLURM_CONF="$(conf)" slurmctld -D -i -f "$(conf)"
  wait_for "$timeout" "slurmctld to answer" ctld_ready
  launch slurmd env SLURM_CONF="$(conf)" slurmd -D -f "$(conf)"
  wait_for "$timeout" "the node to be idle" node_ready
  echo "slurm-cluster: running in $dir (slurmctld port $ctld_port)"
}

# Cancels every job of our cluster and waits (bounded) for them to go, so no
# job step outlives the daemons.
cancel_jobs() {
  [[ -n $(live_pid slurmctld) ]] || return 0
  local ids end
  ids=$(SLURM_CONF=$(conf) squeue -h -o %i 2>/dev/null || true)
  [[ -n $ids ]] || return 0
  # shellcheck disable=SC2086 # one id per word
  SLURM_CONF=$(conf) scancel $ids >/dev/null 2>&1 || true
  end=$((SECONDS + 15))
  while ((SECONDS < end)) && [[ -n $(SLURM_CONF=$(conf) squeue -h -o %i 2>/dev/null || true) ]]; do
    sleep 0.2
  done
}

stop_daemons() {
  local d pid end
  local -a order=(slurmd slurmctld munged)
  for d in "${order[@]}"; do
    pid=$(live_pid "$d")
    if [[ -n $pid ]]; then
      kill -TERM "$pid" 2>/dev/null || true
      end=$((SECONDS + 15))
      while ((SECONDS < end)) && [[ -n $(live_pid "$d") ]]; do
        sleep 0.1
      done
      pid=$(live_pid "$d")
      if [[ -n $pid ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$dir/pids/$d.pid"
  done
}

stop() {
  [[ -d $dir ]] || return 0
  absolute_dir
  cancel_jobs
  stop_daemons
  echo "slurm-cluster: stopped ($dir)"
}

stop_controller() {
  absolute_dir
  local pid end
  pid=$(live_pid slurmctld)
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  end=$((SECONDS + 15))
  while ((SECONDS < end)) && [[ -n $(live_pid slurmctld) ]]; do
    sleep 0.1
  done
  pid=$(live_pid slurmctld)
  [[ -z $pid ]] || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/pids/slurmctld.pid"
  echo "slurm-cluster: slurmctld stopped ($dir)"
}

start_controller() {
  absolute_dir
  [[ -f $(conf) ]] || die "no cluster in $dir (start it first)"
  if [[ -z $(live_pid slurmctld) ]]; then
    # Same command line as at start: the state directory is kept, so the
    # controller recovers its jobs.
    launch slurmctld env SLURM_CONF="$(conf)" slurmctld -D -i -f "$(conf)"
  fi
  wait_for "$timeout" "slurmctld to answer" ctld_ready
  echo "slurm-cluster: slurmctld running ($dir)"
}

status() {
  [[ -d $dir ]] || {
    echo "slurm-cluster: not started ($dir does not exist)"
    return 1
  }
  absolute_dir
  local d pid rc=0
  for d in "${daemons[@]}"; do
    pid=$(live_pid "$d")
    if [[ -n $pid ]]; then
      echo "$d: running (pid $pid)"
    else
      echo "$d: not running"
      rc=1
    fi
  done
  if ((rc == 0)); then
    SLURM_CONF=$(conf) sinfo || rc=1
  fi
  return "$rc"
}

print_env() {
  absolute_dir
  printf 'export SLURM_CONF=%q\n' "$(conf)"
  printf 'export SLURMGLUE_CLUSTER_DIR=%q\n' "$dir"
}

case $action in
  # A failed start (its logs printed) is tried once more, from scratch: a
  # test run should not end on one daemon's bad start.
  start) (start) || {
    echo "slurm-cluster: start failed; trying once more" >&2
    start
  } ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  stop-controller) stop_controller ;;
  start-controller) start_controller ;;
  *) usage ;;
esac
