#!/usr/bin/env bash
# Hostile files given to the tools: huge (100 MB, a device that never ends,
# a pipe that never ends), binary, deeply nested and unterminated templates,
# task files, clearml.conf and .slurmglue-lint.yaml. Each gets a clear error:
# its message and exit status are asserted. Each runs under `timeout` and,
# in builds without sanitizers, `ulimit -v`: generous bounds, far above what
# the tools use (see LIMITS in slurmglue-template(5), slurmglue-render(1)),
# so that a regression to unbounded work fails here and nothing is timed.
# Usage: hostile_files_test.sh LINT RENDER RUN [--sanitized]
set -uo pipefail
lint=$1 render=$2 run=$3
memory_kb=$((2 * 1024 * 1024))
# AddressSanitizer and ThreadSanitizer reserve terabytes of address space.
[[ ${4:-} == --sanitized ]] && memory_kb=unlimited
templates=$(cd "$(dirname "$0")/../../templates" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
failures=0

# expect STATUS PATTERN COMMAND...: COMMAND exits STATUS and prints a line matching PATTERN.
expect() {
  local want=$1 pattern=$2 out status
  shift 2
  out=$( (ulimit -v "$memory_kb" && exec timeout 300 "$@") 2>&1)
  status=$?
  if [[ $status == "$want" ]] && grep -qE -- "$pattern" <<<"$out"; then
    echo "ok: exit $status, /$pattern/: ${*##*/}"
  else
    echo "FAIL: ${*}: exit $status (expected $want), no line matches /$pattern/ in:" >&2
    head -c 3000 <<<"$out" >&2
    echo >&2
    failures=$((failures + 1))
  fi
}

# The inputs, made here (deterministic bytes; sparse files cost no disk).
truncate -s 100M huge.tpl huge.json huge.conf
truncate -s 1M .slurmglue-lint.yaml.big
python3 - <<'PY'
import random
rng = random.Random(7)
binary = bytes(rng.randrange(256) for _ in range(1 << 20))
files = {
    "binary.tpl": b"#!/bin/bash\n" + binary,
    "deep.tpl": b"#!/bin/bash\necho " + b"$(" * 1000000 + b"\n",
    "heredocs.tpl": b"#!/bin/bash\ncat" + b" <<a" * 1000000 + b"\n",
    "unterminated.tpl": b'#!/bin/bash\n#SBATCH --job-name=x\necho "${CLEARML_TASK.id\n' + b"more\n" * 100000,
    "unterminated-heredoc.tpl": b"#!/bin/bash\ncat <<EOF\n" + b'body "${CLEARML_TASK.id}\n' * 100000,
    "binary.json": binary,
    "deep.json": b"[" * 1000000,
    "deep.yaml": b"".join(b" " * i + b"a:\n" for i in range(3000)),
    "wide.yaml": b"id: t\nv:\n" + b"- 1\n" * 1000000,
    "laughs.yaml": b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    + b"".join(b"a%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n" % (k, k, k - 1, k - 1, k - 1, k - 1) for k in range(1, 20))
    + b"id: t\n",
    "unterminated.json": b'{"id": "t1", "name": "x' + b"y" * 1000000,
    "unterminated.yaml": b'id: t1\nname: "x' + b"y" * 1000000,
    "binary.conf": binary,
    "deep.conf": b"a {" * 100000,
    "unterminated.conf": b'api {\n  api_server: "http://127.0.0.1:8008\n  credentials {\n',
    "task.json": b'{"id": "t1", "name": "train"}',
}
for name, data in files.items():
    open(name, "wb").write(data)
PY
tpl=$templates/native.tpl

echo "== templates"
expect 3 'huge\.tpl: larger than 4 MiB, the most a template may have' "$lint" huge.tpl
expect 3 'cannot read template huge\.tpl: larger than 4 MiB' "$render" huge.tpl --task-file task.json
expect 3 '/dev/zero: larger than 4 MiB' "$lint" /dev/zero
expect 3 'cannot read template /dev/zero: larger than 4 MiB' "$render" /dev/zero --task-file task.json
# shellcheck disable=SC2016 # $0 is expanded by the inner bash
expect 3 '<stdin>: larger than 4 MiB' bash -c 'yes "echo hello" | "$0" -' "$lint"
expect 1 'binary\.tpl:[0-9]+:[0-9]+: error: the template holds a NUL byte' "$lint" --format gcc binary.tpl
expect 1 'binary\.tpl:[0-9]+:[0-9]+: error: the template holds a NUL byte' "$render" binary.tpl --task-file task.json
expect 1 'deep\.tpl:2:134: error: nested deeper than 64 levels: the rest of the template is not read' \
  "$lint" --format gcc deep.tpl
expect 1 'deep\.tpl:2:134: error: nested deeper than 64 levels' "$render" deep.tpl --task-file task.json
lines=$("$lint" --format gcc deep.tpl | wc -l)
((lines < 100)) || { echo "FAIL: deep.tpl: $lines diagnostics" >&2; failures=$((failures + 1)); }
expect 1 'heredocs\.tpl:2:69: error: bash reads at most 16 here-documents' "$lint" --format gcc heredocs.tpl
expect 1 "unterminated\.tpl:3:7: error: unterminated placeholder" "$render" unterminated.tpl --task-file task.json
expect 1 'unterminated\.tpl:3:6: error: this " is never closed' "$lint" --format gcc unterminated.tpl
expect 1 "unterminated-heredoc\.tpl:2:5: error: here-document has no line 'EOF' to end it" \
  "$lint" --format gcc unterminated-heredoc.tpl
# The largest template read, in the shape that costs the most memory and time
# per byte of those measured (a command every two bytes: "x;x;x;..."; see
# LIMITS in slurmglue-template(5)), and one byte more.
python3 - <<'PY'
line = b"x;" * 60 + b"\n"
text = b"#!/bin/bash\n" + line * ((4 << 20) // len(line) - 1)
text += b"#" * ((4 << 20) - len(text) - 1) + b"\n"
open("max.tpl", "wb").write(text)
open("over.tpl", "wb").write(text + b"\n")
PY
# (Skipped under the sanitizers, which make it minutes.)
if [[ ${4:-} != --sanitized ]]; then
  expect 1 'max\.tpl:1:1: error: the template never runs the agent' "$lint" --format gcc max.tpl
  expect 0 '^#!/bin/bash' "$render" max.tpl --task-file task.json
fi
expect 3 'over\.tpl: larger than 4 MiB, the most a template may have' "$lint" over.tpl
expect 1 'cannot read template huge\.tpl: larger than 4 MiB' \
  env CLEARML_API_HOST=http://127.0.0.1:9 CLEARML_API_ACCESS_KEY=a CLEARML_API_SECRET_KEY=b \
  "$run" --template-files huge.tpl --queue q --slurm-version 23.11 --pyxis-version none

echo "== task files"
expect 3 'cannot read task file huge\.json: larger than 64 MiB, the most a task file may have' \
  "$render" "$tpl" --task-file huge.json
expect 3 'cannot read task file /dev/zero: larger than 64 MiB' "$render" "$tpl" --task-file /dev/zero
expect 1 'binary\.json:[0-9]+:[0-9]+: invalid YAML' "$render" "$tpl" --task-file binary.json
expect 1 'deep\.json: nested deeper than 64 levels' "$render" "$tpl" --task-file deep.json
expect 1 'deep\.yaml: nested deeper than 64 levels' "$render" "$tpl" --task-file deep.yaml
expect 1 'wide\.yaml: has more than 100000 values' "$render" "$tpl" --task-file wide.yaml
expect 1 'laughs\.yaml: has more than 100000 values' "$render" "$tpl" --task-file laughs.yaml
expect 1 'unterminated\.json:1:[0-9]+: invalid JSON' "$render" "$tpl" --task-file unterminated.json
expect 1 'unterminated\.yaml:[0-9]+:[0-9]+: invalid YAML' "$render" "$tpl" --task-file unterminated.yaml

echo "== clearml.conf"
for conf in huge binary deep unterminated; do
  case $conf in
    huge) pattern='huge\.conf: larger than 1 MiB, the most a ClearML configuration may have' ;;
    deep) pattern='deep\.conf:1:195: objects and lists nested deeper than 64 levels' ;;
    *) pattern="$conf\\.conf:[0-9]+:[0-9]+: expected" ;;
  esac
  expect 3 "$pattern" env CLEARML_CONFIG_FILE="$dir/$conf.conf" "$render" "$tpl" --task t1
  expect 3 "$pattern" env CLEARML_CONFIG_FILE="$dir/$conf.conf" \
    "$run" --template-files "$tpl" --queue q --slurm-version 23.11 --pyxis-version none
done

echo "== .slurmglue-lint.yaml"
mkdir project
cp "$tpl" project/job.tpl
mv .slurmglue-lint.yaml.big project/.slurmglue-lint.yaml
expect 2 'slurmglue-lint\.yaml: larger than 64 KiB, the most a \.slurmglue-lint\.yaml may have' "$lint" project/job.tpl
python3 -c "print('[' * 30000 + ']' * 30000)" >project/.slurmglue-lint.yaml
expect 2 'slurmglue-lint\.yaml:[0-9]+:[0-9]+: nested deeper than [0-9]+ levels' "$lint" project/job.tpl

((failures == 0))
