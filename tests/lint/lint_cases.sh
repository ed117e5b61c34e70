#!/bin/bash
# Runs the real slurmglue-lint over the cases: templates/ and tests/lint/ok
# must lint clean; each tests/lint/err/RULE.tpl must print exactly
# RULE.out (gcc format; options from RULE.args when present); output formats
# and exit codes. Run from the source tree: lint_cases.sh path/to/slurmglue-lint
set -u
lint=$(realpath "$1")
dir=tests/lint
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The shipped templates lint clean as a directory: templates/.slurmglue-lint.yaml
# lists the srun-wrapper one as run with --srun-delegation.
out=$("$lint" --format gcc templates 2>&1) || fail "templates/ is not clean: $out"
out=$("$lint" --format gcc templates/pyxis-srun-wrapper.tpl 2>&1) || fail "the config's file list is not applied: $out"
out=$("$lint" --format gcc --config /dev/null templates/pyxis-srun-wrapper.tpl 2>&1) &&
  fail "without the config, the srun-wrapper template should need --srun-delegation"

# Each template and ok case lints clean on its own (the srun-wrapper one with
# --srun-delegation, as the glue runs it); tests/lint/ok/sbatch holds plain
# batch scripts, linted with --profile sbatch by the configuration there.
for f in templates/*.tpl "$dir"/ok/*.tpl "$dir"/ok/sbatch/*.sh; do
  args=()
  case $f in *srun-wrapper*) args=(--srun-delegation) ;; esac
  [ -f "${f%.tpl}.args" ] && read -r -a args < "${f%.tpl}.args"
  out=$("$lint" --format gcc "${args[@]}" "$f" 2>&1) || fail "$f is not clean: $out"
done

# One case per rule, with its exact output.
for f in "$dir"/err/*.tpl; do
  args=()
  [ -f "${f%.tpl}.args" ] && read -r -a args < "${f%.tpl}.args"
  out=$("$lint" --format gcc "${args[@]}" "$f" 2>&1)
  rc=$?
  [ "$rc" = 1 ] || fail "$f: exit code $rc, want 1"
  diff -u "${f%.tpl}.out" <(printf '%s\n' "$out") >/dev/null || {
    fail "$f: output differs"
    diff -u "${f%.tpl}.out" <(printf '%s\n' "$out")
  }
done

# Every rule has an err case.
while read -r id name _; do
  case $name in script-too-large | shellcheck) continue ;; esac  # tested below
  [ -f "$dir/err/$name.tpl" ] || fail "no case tests/lint/err/$name.tpl for $id"
done < <("$lint" --list-rules)

# Exit codes: 0 clean, 1 findings, 2 usage, 3 unreadable file.
"$lint" templates/native.tpl >/dev/null; [ $? = 0 ] || fail "exit code of a clean file"
"$lint" "$dir"/err/unknown-option.tpl >/dev/null; [ $? = 1 ] || fail "exit code with findings"
"$lint" --format nope templates/native.tpl >/dev/null 2>&1; [ $? = 2 ] || fail "exit code of a bad --format"
"$lint" --slurm-version 9 templates/native.tpl >/dev/null 2>&1; [ $? = 2 ] || fail "exit code of a bad version"
"$lint" >/dev/null 2>&1; [ $? = 2 ] || fail "exit code without a file"
"$lint" "$dir/no-such-file.tpl" >/dev/null 2>&1; [ $? = 3 ] || fail "exit code of a missing file"
"$lint" --explain no-such-rule >/dev/null 2>&1; [ $? = 2 ] || fail "exit code of --explain with a bad rule"

# --disable RULE and --disable=RULE take one value: the file after them stays a file.
"$lint" --config /dev/null --disable missing-job-name "$dir/err/missing-job-name.tpl" >/dev/null ||
  fail "--disable RULE FILE"
"$lint" --config /dev/null --disable=SG607 "$dir/err/missing-job-name.tpl" >/dev/null || fail "--disable=RULE FILE"

# --profile sbatch: no agent contract (no ${CLEARML_AGENT_EXECUTE} needed).
out=$(printf '#!/bin/bash\n#SBATCH --ntasks=1\nsrun hostname\n' | "$lint" --format gcc --profile sbatch -) ||
  fail "--profile sbatch on a plain script: $out"
"$lint" --profile nope templates/native.tpl >/dev/null 2>&1; [ $? = 2 ] || fail "exit code of a bad --profile"

# A directory is searched for templates.
out=$("$lint" --format gcc "$dir/err" 2>&1)
[ "$(printf '%s\n' "$out" | grep -c 'unknown-option\]')" -ge 1 ] || fail "directory search found no templates"

# stdin with --stdin-filename.
out=$(printf '#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id} --partion=x\n${CLEARML_AGENT_EXECUTE}\n' |
  "$lint" --format gcc --stdin-filename job.tpl -)
case $out in "job.tpl:2:52: error: "*"[unknown-option]") ;; *) fail "stdin: $out" ;; esac

# Formats: github annotations, human with caret, JSON parsed back, SARIF's required fields.
out=$("$lint" --format github "$dir"/err/unknown-option.tpl)
case $out in "::error file=$dir/err/unknown-option.tpl,line="*",col="*",title=unknown-option::"*) ;;
  *) fail "github format: $out" ;; esac
out=$("$lint" --format human --no-color "$dir"/err/unknown-option.tpl)
case $out in *"^~"*) ;; *) fail "human format has no caret: $out" ;; esac
"$lint" --format json "$dir"/err > "${TMPDIR:-/tmp}/lint-cases.$$.json"
python3 - "${TMPDIR:-/tmp}/lint-cases.$$.json" <<'PY' || fail "json format"
import json, sys
data = json.load(open(sys.argv[1]))
assert isinstance(data, list) and data
for d in data:
    assert set(d) >= {"file", "line", "column", "length", "severity", "rule", "id", "message"}, d
    assert d["severity"] in ("error", "warning", "info", "style")
PY
"$lint" --format sarif "$dir"/err > "${TMPDIR:-/tmp}/lint-cases.$$.sarif"
python3 - "${TMPDIR:-/tmp}/lint-cases.$$.sarif" <<'PY' || fail "sarif format"
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0" and "$schema" in log
run = log["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
driver = run["tool"]["driver"]
assert driver["name"] == "slurmglue-lint"
ids = {r["id"] for r in driver["rules"]}
assert run["results"]
for r in run["results"]:
    assert r["ruleId"] and r["level"] in ("error", "warning", "note", "none")
    assert r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"]
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    assert r["ruleId"] in ids or r["ruleId"] == "internal-error", r["ruleId"]
PY
rm -f "${TMPDIR:-/tmp}/lint-cases.$$.json" "${TMPDIR:-/tmp}/lint-cases.$$.sarif"

# A configuration file next to the template is found and applied.
tmp=$(mktemp -d)
printf '#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n#SBATCH --part=x\n${CLEARML_AGENT_EXECUTE}\n' > "$tmp/a.tpl"
printf 'disable: [abbreviated-option]\n' > "$tmp/.slurmglue-lint.yaml"
"$lint" "$tmp/a.tpl" >/dev/null || fail "configuration file not applied"
(cd "$tmp" && "$lint" a.tpl >/dev/null) || fail "configuration file not found for a file in the current directory"
printf 'severity: {abbreviated-option: error}\nslurm-version: "23.11"\n' > "$tmp/.slurmglue-lint.yaml"
out=$("$lint" --format gcc "$tmp/a.tpl")
case $out in *"error: "*"[abbreviated-option]") ;; *) fail "severity override: $out" ;; esac
printf 'disable: [no-such-rule]\n' > "$tmp/.slurmglue-lint.yaml"
"$lint" "$tmp/a.tpl" >/dev/null 2>&1; [ $? = 2 ] || fail "a bad configuration is a usage error"
# Each value is read whole: words after a release are an error naming file, line, column and key.
printf 'shellcheck: false\nslurm-version: "23.11 --srun-delegation"\n' > "$tmp/.slurmglue-lint.yaml"
out=$("$lint" "$tmp/a.tpl" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "a release with more words is not refused (exit $rc)"
case $out in *".slurmglue-lint.yaml:2:16: slurm-version: '23.11 --srun-delegation' is not a Slurm release"*) ;;
  *) fail "config error without file:line:col and key: $out" ;; esac
printf 'profile: sbatch\n' > "$tmp/.slurmglue-lint.yaml"
printf '#!/bin/bash\n#SBATCH --ntasks=1\nsrun hostname\n' > "$tmp/b.sh"
"$lint" "$tmp/b.sh" >/dev/null || fail "profile: sbatch in the configuration is not applied"
rm -rf "$tmp"

# --init writes examples/slurmglue-lint.yaml (every setting commented out),
# which the reader accepts, and accepts with every setting uncommented too;
# it never overwrites a configuration.
tmp=$(mktemp -d)
(cd "$tmp" && "$lint" --init >/dev/null) || fail "--init failed"
cmp -s examples/slurmglue-lint.yaml "$tmp/.slurmglue-lint.yaml" || fail "--init did not write examples/slurmglue-lint.yaml"
printf '#!/bin/bash\n#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}\n${CLEARML_AGENT_EXECUTE}\n' > "$tmp/a.tpl"
out=$("$lint" "$tmp/a.tpl" 2>&1); [ $? != 2 ] || fail "the configuration --init wrote is refused: $out"
sed -E 's/^#([a-z-]+: )/\1/' "$tmp/.slurmglue-lint.yaml" > "$tmp/all.yaml"
[ "$(grep -cE '^[a-z-]+: ' "$tmp/all.yaml")" -ge 9 ] || fail "the example should show every setting"
out=$("$lint" --config "$tmp/all.yaml" "$tmp/a.tpl" 2>&1); [ $? != 2 ] || fail "the example's settings are refused: $out"
echo "profile: sbatch" > "$tmp/.slurmglue-lint.yaml"
out=$(cd "$tmp" && "$lint" --init 2>&1); rc=$?
[ "$rc" = 2 ] || fail "--init over an existing configuration: exit $rc, want 2"
case $out in *".slurmglue-lint.yaml: exists already"*) ;; *) fail "--init over an existing file says: $out" ;; esac
[ "$(cat "$tmp/.slurmglue-lint.yaml")" = "profile: sbatch" ] || fail "--init overwrote a configuration"
mkdir "$tmp/sub"
"$lint" --init "$tmp/sub" >/dev/null && [ -f "$tmp/sub/.slurmglue-lint.yaml" ] || fail "--init DIR"
rm -rf "$tmp"

# The CI examples work as written, on the shipped templates and the ok batch
# scripts: the pre-commit hooks' entries, the example workflow's commands.
tmp=$(mktemp -d)
ln -s "$PWD/templates" "$tmp/templates"
python3 - "$lint" "$tmp" <<'PY' || fail "the CI examples (.pre-commit-hooks.yaml, examples/github-workflow.yml)"
import glob, re, subprocess, sys, yaml
lint, tmp = sys.argv[1], sys.argv[2]
given = {"slurmglue-lint": sorted(glob.glob("templates/*.tpl")),
         "slurmglue-lint-sbatch": sorted(glob.glob("tests/lint/ok/sbatch/*.sh"))}
examples = {"slurmglue-lint": "gpu.tpl", "slurmglue-lint-sbatch": "job.sbatch"}
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
assert sorted(h["id"] for h in hooks) == sorted(given), hooks
for h in hooks:
    entry = h["entry"].split()
    assert entry[0] == "slurmglue-lint" and h["language"] == "system", h
    assert re.search(h["files"], examples[h["id"]]), h
    subprocess.run([lint] + entry[1:] + given[h["id"]], check=True, stdout=subprocess.DEVNULL)
steps = yaml.safe_load(open("examples/github-workflow.yml"))["jobs"]["lint"]["steps"]
runs = [s["run"] for s in steps if s.get("run", "").startswith("slurmglue-lint ")]
assert len(runs) == 2, runs
for run in runs:
    subprocess.run(["sh", "-ec", lint + run[len("slurmglue-lint"):]], check=True, cwd=tmp, stdout=subprocess.DEVNULL)
sarif = open(tmp + "/slurmglue-lint.sarif").read()
assert '"version": "2.1.0"' in sarif, sarif[:200]
PY
rm -rf "$tmp"

# Progress: on a terminal (script(1) makes one), linting many files shows it
# on standard error and clears it at the end; a few files, or a pipe, get none.
tmp=$(mktemp -d)
for i in $(seq 60); do cp templates/native.tpl "$tmp/t$i.tpl"; done
out=$(script -qec "'$lint' '$tmp' >/dev/null" /dev/null)
case $out in *"slurmglue-lint: 60/60 files"*$'\r\033[K') ;; *) fail "progress on a terminal: $(printf '%q' "$out")" ;; esac
out=$(script -qec "'$lint' '$tmp/t1.tpl' '$tmp/t2.tpl' >/dev/null" /dev/null)
[ -z "$out" ] || fail "progress for two files: $(printf '%q' "$out")"
out=$("$lint" "$tmp" 2>&1 >/dev/null)
[ -z "$out" ] || fail "progress when standard error is not a terminal: $out"
rm -rf "$tmp"

# --shellcheck: ShellCheck's findings at the template's own line and column
# (placeholders replaced by text of the same width; a tab before a code slot).
if command -v shellcheck >/dev/null; then
  # --disable RULE before the file (its value must not swallow the file).
  out=$("$lint" --format gcc --shellcheck --disable missing-job-name "$dir/shellcheck/unquoted.tpl")
  case $out in "$dir/shellcheck/unquoted.tpl:3:6: info: SC2086: "*"[shellcheck]") ;;
    *) fail "--shellcheck: $out" ;; esac
  "$lint" --disable=missing-job-name "$dir/shellcheck/unquoted.tpl" >/dev/null || fail "ShellCheck runs without --shellcheck"
  # The shipped templates and every ok case pass ShellCheck too, in one run:
  # placeholders stand in as variables inside quotes (no SC2194 on case
  # "${...}"), Pyxis comma lists in arrays are no SC2054, site-variables
  # silence SC2154.
  out=$("$lint" --format gcc --shellcheck templates "$dir"/ok/sbatch 2>&1) || fail "--shellcheck, one run: $out"
  for f in "$dir"/ok/*.tpl; do
    args=()
    [ -f "${f%.tpl}.args" ] && read -r -a args < "${f%.tpl}.args"
    out=$("$lint" --format gcc --shellcheck "${args[@]}" "$f" 2>&1) || fail "$f is not clean with --shellcheck: $out"
  done
else
  echo "SKIP: shellcheck is not installed"
fi

[ "$failures" = 0 ] && echo "all lint cases pass"
exit "$((failures > 0))"
