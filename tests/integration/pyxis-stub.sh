#!/usr/bin/env bash
# Puts the Pyxis stub (tests/support/pyxis_stub.c) into the test cluster's
# plugstack, or takes it out. sbatch, srun and slurmstepd read the plugstack
# at each call, so no daemon restarts.
#
#   pyxis-stub.sh install PLUGIN_SO RECORD_DIR [PLUGIN_ARG...]
#       writes $SLURMGLUE_CLUSTER_DIR/plugstack.conf.d/pyxis-stub.conf:
#         required PLUGIN_SO record_dir=RECORD_DIR [PLUGIN_ARG...]
#       (PLUGIN_ARG: Pyxis' keys, e.g. sbatch_support=0). RECORD_DIR is
#       created; the stub appends its lines to RECORD_DIR/pyxis-stub.log
#       (format: the top of pyxis_stub.c). Job users must be able to write it.
#   pyxis-stub.sh remove
#       removes that file again.
#
# A `required` plugin whose file is missing makes every sbatch fail, so a test
# that installs the stub removes it on exit:
#   trap '"$here/pyxis-stub.sh" remove' EXIT
set -euo pipefail

usage() {
  echo "usage: ${0##*/} install PLUGIN_SO RECORD_DIR [PLUGIN_ARG...] | remove" >&2
  exit 2
}

: "${SLURMGLUE_CLUSTER_DIR:?the directory of the test cluster (run under the slurm_cluster ctest fixture)}"
conf_dir=$SLURMGLUE_CLUSTER_DIR/plugstack.conf.d
conf=$conf_dir/pyxis-stub.conf

[[ $# -ge 1 ]] || usage
case $1 in
  install)
    [[ $# -ge 3 ]] || usage
    plugin=$(realpath -e -- "$2") || {
      echo "pyxis-stub: no plugin at $2" >&2
      exit 1
    }
    mkdir -p -- "$3"
    record_dir=$(realpath -e -- "$3")
    [[ $plugin != *[[:space:]]* && $record_dir != *[[:space:]]* ]] || {
      echo "pyxis-stub: plugstack.conf cannot hold paths with blanks" >&2
      exit 1
    }
    mkdir -p -- "$conf_dir"
    shift 3
    # Write and rename, so a concurrent sbatch never reads half a line.
    printf 'required %s record_dir=%s%s\n' "$plugin" "$record_dir" "${*:+ $*}" >"$conf.tmp"
    mv -f -- "$conf.tmp" "$conf"
    ;;
  remove)
    [[ $# -eq 1 ]] || usage
    rm -f -- "$conf" "$conf.tmp"
    ;;
  *) usage ;;
esac
