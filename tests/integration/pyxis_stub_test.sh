#!/usr/bin/env bash
# The Pyxis stub on the real cluster: container options in #SBATCH lines and
# on the command line are checked with Pyxis' rules and recorded by sbatch and
# by the job's steps; srun steps inherit them from the batch job.
#   pyxis_stub_test.sh PLUGIN_SO
set -uo pipefail
here=$(dirname "$0")
# shellcheck source=tests/integration/testlib.sh
source "$here/testlib.sh"

plugin=${1:?usage: pyxis_stub_test.sh PLUGIN_SO}
records=$scratch/records
log=$records/pyxis-stub.log
# A required plugin left behind would break every later sbatch.
trap '"$here/pyxis-stub.sh" remove; rm -rf "$scratch"' EXIT
"$here/pyxis-stub.sh" install "$plugin" "$records" || exit 1

# record CONTEXT JOB STEP: the stub's line for that invocation.
record() {
  grep -E "^pyxis-stub context=$1 job=$2 step=$3( |\$)" "$log" 2>/dev/null
}

# has_field LINE FIELD=VALUE: the line holds exactly that field.
has_field() {
  [[ " $1 " == *" $2 "* ]] && echo yes || echo "no ($2 not in: $1)"
}

check_contains "sbatch --help lists --container-image" "$(sbatch --help 2>&1)" "--container-image="
check_contains "srun --help lists --container-unshare" "$(srun --help 2>&1)" "--container-unshare="

# --- options in #SBATCH lines, recorded, inherited by srun steps -------------
cat >"$scratch/job.sh" <<'SCRIPT'
#!/bin/bash
#SBATCH --job-name=pyxis-stub-ok
#SBATCH --container-image=nvcr.io\#nvidia/pytorch:24.01-py3
#SBATCH --container-mounts=/tmp:/data:ro+rbind,./rel
#SBATCH --container-mounts=tmpfs:/scratch
#SBATCH --container-workdir=/work
#SBATCH --container-name=train:exec
#SBATCH --no-container-mount-home
#SBATCH --container-env=HOME,PATH
#SBATCH --container-unshare=uts,net
echo "batch step ran"
srun true
echo "inherited step exit $?"
srun --container-image='nvcr.io#nvidia/pytorch:24.01-py3' true
echo "same image step exit $?"
srun --container-image=ubuntu:24.04 true
echo "other image step exit $?"
SCRIPT
before=0
[[ -f $log ]] && before=$(wc -l <"$log")
id=$(sbatch --parsable -o "$scratch/job.out" "$scratch/job.sh")
check "sbatch accepts the options in #SBATCH lines" "$([[ $id =~ ^[0-9]+$ ]] && echo yes)" yes
check "job with container options completes" "$(wait_job "$id" 60)" COMPLETED
out=$(cat "$scratch/job.out" 2>&1)
check_contains "batch step ran" "$out" "batch step ran"

expected_fields=(
  "container-image=nvcr.io#nvidia/pytorch:24.01-py3"
  "container-workdir=/work"
  "container-name=train:exec"
  "no-container-mount-home=1"
  "container-env=HOME,PATH"
  "container-unshare=net,uts"
)
allocator=$(tail -n +"$((before + 1))" "$log" | grep -m1 '^pyxis-stub context=allocator job=- step=- ')
batch=$(record remote "$id" batch)
step0_local=$(record local "$id" 0)
step0_remote=$(record remote "$id" 0)
for field in "${expected_fields[@]}"; do
  check "sbatch recorded $field" "$(has_field "$allocator" "$field")" yes
  check "batch step recorded $field" "$(has_field "$batch" "$field")" yes
  check "srun (local) inherited $field" "$(has_field "$step0_local" "$field")" yes
  check "srun step (remote) inherited $field" "$(has_field "$step0_remote" "$field")" yes
done
# Slurm hands the job one value per option: of a repeated --container-mounts
# only sbatch sees all; the job's steps get the last occurrence. (So with the
# real Pyxis too, mounts for a batch job belong in one option.)
check "sbatch accumulated repeated mounts" \
  "$(has_field "$allocator" "container-mounts=/tmp:/data:ro+rbind,./rel,tmpfs:/scratch")" yes
check "the batch step got only the last --container-mounts" \
  "$(has_field "$batch" "container-mounts=tmpfs:/scratch")" yes
check "srun got only the last --container-mounts" \
  "$(has_field "$step0_remote" "container-mounts=tmpfs:/scratch")" yes
check_contains "inherited srun step ran" "$out" "inherited step exit 0"
check_contains "srun repeating the same image runs" "$out" "same image step exit 0"
check "the same-image step was recorded" "$(record remote "$id" 1 | grep -c .)" 1
check_contains "srun with another image gets Pyxis' error" "$out" \
  "error: pyxis: --container-image specified multiple times"
check_contains "srun with another image fails" "$out" "other image step exit 255"
check "the other-image step never started" "$(record remote "$id" 2 | grep -c .)" 0

# A value with a blank stays one field (percent-escaped).
sbatch --parsable --container-image=/images/x.sqsh "--container-workdir=/w d" --wrap true >/dev/null
check "blank recorded as %20" \
  "$(has_field "$(grep '^pyxis-stub context=allocator' "$log" | tail -n 1)" "container-workdir=/w%20d")" yes

# --- Pyxis' argument errors make sbatch fail ----------------------------------
# sbatch_rejects NAME MESSAGE SCRIPT_LINES...: sbatch exits non-zero with MESSAGE.
sbatch_rejects() {
  local name=$1 message=$2 stderr rc
  shift 2
  printf '%s\n' '#!/bin/bash' "$@" 'true' >"$scratch/bad.sh"
  stderr=$(sbatch --parsable "$scratch/bad.sh" 2>&1 >/dev/null)
  rc=$?
  check "$name: sbatch fails" "$((rc != 0))" 1
  check_contains "$name: Pyxis' message" "$stderr" "sbatch: error: pyxis: $message"
}
sbatch_rejects "mount source without ./ or /" \
  'mount source must be a relative path, an absolute path, "tmpfs" or "umount"' \
  '#SBATCH --container-image=ubuntu' '#SBATCH --container-mounts=data:/data'
sbatch_rejects "mount target without ./ or /" \
  'mount target must be a relative path or an absolute path' '#SBATCH --container-mounts=/data:data'
sbatch_rejects "mount trailing comma" '--container-mounts: invalid format: ' '#SBATCH --container-mounts=/a:/b,'
sbatch_rejects "empty mount target" '--container-mounts: invalid format: /a:' '#SBATCH --container-mounts=/a:'
sbatch_rejects "writable and readonly" 'both --container-writable and --container-readonly were specified' \
  '#SBATCH --container-writable' '#SBATCH --container-readonly'
sbatch_rejects "entrypoint pair" \
  'both --container-entrypoint and --no-container-entrypoint were specified' \
  '#SBATCH --no-container-entrypoint' '#SBATCH --container-entrypoint'
sbatch_rejects "two images" '--container-image specified multiple times' \
  '#SBATCH --container-image=a' '#SBATCH --container-image=b'
sbatch_rejects "two workdirs" '--container-workdir specified multiple times' \
  '#SBATCH --container-workdir=/a' '#SBATCH --container-workdir=/b'
sbatch_rejects "save into a directory" '--container-save: target is a directory' '#SBATCH --container-save=/out/'
sbatch_rejects "bad name flag" '--container-name: flag must be "auto", "create", "exec" or "no_exec"' \
  '#SBATCH --container-name=x:run'
sbatch_rejects "empty name" '--container-name: empty name' '#SBATCH --container-name=:exec'
sbatch_rejects "env trailing comma" '--container-env: invalid format: A,' '#SBATCH --container-env=A,'
sbatch_rejects "unknown namespace" "--container-unshare: unknown namespace 'pid'" '#SBATCH --container-unshare=net,pid'
sbatch_rejects "empty namespace" '--container-unshare: empty namespace argument' '#SBATCH --container-unshare=net,'

# Repeating an option with the same value is not an error (Slurm may pass it twice).
id=$(sbatch --parsable --container-image=a --container-image=a -o /dev/null --wrap true 2>&1)
check "the same image twice is accepted" "$([[ $id =~ ^[0-9]+$ ]] && echo yes)" yes

# Options that need an image or a name warn, as in Pyxis, and do not fail.
stderr=$(sbatch --parsable --container-workdir=/w -o /dev/null --wrap true 2>&1 >/dev/null)
check "workdir without an image is accepted" "$?" 0
check_contains "with Pyxis' warning" "$stderr" \
  "pyxis: ignoring --container-workdir because neither --container-image nor --container-name is set"

# PYXIS_CONTAINER_IMAGE is the default image (Pyxis 0.21+), in the job too.
id=$(PYXIS_CONTAINER_IMAGE=from-env:1 sbatch --parsable -o /dev/null --wrap true)
check "job with the image from the environment completes" "$(wait_job "$id" 60)" COMPLETED
check "the batch step got the image from PYXIS_CONTAINER_IMAGE" \
  "$(has_field "$(record remote "$id" batch)" "container-image=from-env:1")" yes

# --- sbatch_support=0: sbatch does not know the options -----------------------
"$here/pyxis-stub.sh" install "$plugin" "$records" sbatch_support=0 || exit 1
check_contains "without sbatch_support, sbatch refuses them" \
  "$(sbatch --parsable --container-image=a --wrap true 2>&1)" "unrecognized option"

finish
