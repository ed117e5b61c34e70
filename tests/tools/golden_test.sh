#!/usr/bin/env bash
# Golden render tests: every shipped template (and tests/golden/templates) with every task of
# tests/golden/tasks renders byte for byte as tests/golden/expected says
# (stdout in NAME.out, or stderr in NAME.err with the exit status on its first line).
# Usage: golden_test.sh SLURMGLUE_RENDER [--update]
set -euo pipefail
render=$1
update=${2:-}
cd "$(dirname "$0")/../.."
failures=0
errors=$(mktemp "${TMPDIR:-/tmp}/golden-err.XXXXXX")
trap 'rm -f "$errors"' EXIT
for tpl in templates/*.tpl tests/golden/templates/*.tpl; do
  for task in tests/golden/tasks/*.json; do
    name="$(basename "$tpl" .tpl)--$(basename "$task" .json)"
    args=(--task-file "$task" --worker-id glue1 --queue-name gpu --queue-id q1 --project-name vision)
    [[ $tpl == *srun-wrapper* ]] && args+=(--srun-delegation)
    set +e
    out=$("$render" "$tpl" "${args[@]}" 2>"$errors")
    status=$?
    set -e
    err=$(cat "$errors")
    if ((status == 0)); then
      got=$out
      file=tests/golden/expected/$name.out
    else
      got="exit $status"$'\n'"$err"
      file=tests/golden/expected/$name.err
    fi
    if [[ $update == --update ]]; then
      rm -f "tests/golden/expected/$name.out" "tests/golden/expected/$name.err"
      printf '%s\n' "$got" >"$file"
      continue
    fi
    if [[ ! -f $file ]]; then
      echo "FAIL: $name: no $file (status $status)" >&2
      failures=$((failures + 1))
    elif ! diff -u "$file" <(printf '%s\n' "$got"); then
      echo "FAIL: $name differs from $file" >&2
      failures=$((failures + 1))
    else
      echo "ok: $name"
    fi
  done
done
((failures == 0)) || { echo "$failures golden case(s) failed" >&2; exit 1; }
