#!/usr/bin/env bash
# slurmglue-run.service as `cmake --install` writes it for a prefix: it starts
# the installed binary, reads the environment file the example documents, and
# `systemd-analyze verify` has nothing to say about it. systemd-analyze
# verify prints a bad setting and goes on ("ignoring"), so any line about the
# unit fails the test; a broken copy shows the verifier does speak here.
# Exit 77 (a ctest skip) where systemd-analyze is missing.
# Usage: systemd_unit_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.."
if ! command -v systemd-analyze >/dev/null; then
  echo "skip: systemd-analyze is not installed (Debian package systemd)"
  exit 77
fi
# shellcheck source=tests/integration/checklib.sh
source tests/integration/checklib.sh

prefix=$scratch/prefix
cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" || { cat "$scratch/install.log" >&2; exit 1; }
unit=$prefix/lib/systemd/system/slurmglue-run.service
[[ -f $unit ]] || { fail "cmake --install wrote no $unit"; finish; }

exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit")
check "ExecStart is the installed binary" "$exec_start $([[ -x $exec_start ]] && echo executable)" \
  "$prefix/bin/slurmglue-run executable"
check "EnvironmentFile is under the prefix's etc" "$(sed -n 's/^EnvironmentFile=//p' "$unit")" \
  "$prefix/etc/slurmglue/slurmglue-run.env"
for setting in Restart=on-failure StateDirectory=slurmglue ProtectSystem=strict NoNewPrivileges=yes; do
  check "$setting" "$(grep -cx "$setting" "$unit")" 1
done
# Every variable the unit's command line uses is one the example environment file sets.
example=$prefix/share/doc/slurmglue/examples/slurmglue-run.env
for variable in $(grep '^ExecStart=' "$unit" | grep -oE '[$][{]?[A-Z_]+' | tr -d '{}$' | sort -u); do
  [[ $variable == STATE_DIRECTORY ]] && continue  # systemd's own (StateDirectory=)
  check "the example sets $variable" "$(grep -c "^$variable=" "$example")" 1
done

# Documentation=man:... is checked with man: the pages installed under the prefix.
verify() { MANPATH=$prefix/share/man systemd-analyze verify "$1" 2>&1 | grep -F "$(basename "$1")" || true; }
check "systemd-analyze verify says nothing" "$(verify "$unit")" ""
mkdir "$scratch/broken"
sed 's/^Restart=on-failure/Restart=sometimes/' "$unit" >"$scratch/broken/slurmglue-run.service"
check_contains "systemd-analyze verify reports a broken copy" "$(verify "$scratch/broken/slurmglue-run.service")" \
  "sometimes"
finish
