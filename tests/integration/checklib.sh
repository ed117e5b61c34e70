# The checks of the shell tests (sourced, not run): a scratch directory and
# check functions that count failures; `finish` ends the test with the verdict.
# testlib.sh (cluster tests) sources it; tests without Slurm source it alone.
# shellcheck shell=bash

failures=0

# A scratch directory for this test, removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/slurmglue-it.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

pass() {
  echo "ok: $*"
}

# check DESCRIPTION ACTUAL EXPECTED
check() {
  if [[ $2 == "$3" ]]; then
    pass "$1"
  else
    fail "$1: expected [$3], got [$2]"
  fi
}

# check_contains DESCRIPTION HAYSTACK NEEDLE
check_contains() {
  if [[ $2 == *"$3"* ]]; then
    pass "$1"
  else
    fail "$1: [$3] not found in [$2]"
  fi
}

finish() {
  if ((failures)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
