#!/usr/bin/env bash
# The manual pages format without warnings, and every option --help lists is
# documented in the tool's page, so the two cannot drift apart.
# Usage: man_pages_test.sh TOOL...
set -euo pipefail
cd "$(dirname "$0")/../.."
failures=0
for page in man/*.[15]; do
  if warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) && [[ -z $warnings ]]; then
    echo "ok: $page formats cleanly"
  else
    echo "FAIL: $page: $warnings" >&2
    failures=$((failures + 1))
  fi
done
for tool in "$@"; do
  name=$(basename "$tool")
  page=man/$name.1
  for option in $("$tool" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    if grep -qF -- "${option//-/\\-}" "$page"; then
      echo "ok: $name $option documented"
    else
      echo "FAIL: $name $option is not in $page" >&2
      failures=$((failures + 1))
    fi
  done
done
((failures == 0))
