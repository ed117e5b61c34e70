#!/usr/bin/env bash
# The second peer baseline for render_bench: GNU envsubst, the substitution
# tool a shell glue reaches for. envsubst knows only $NAME and ${NAME}, so the
# template's ${CLEARML_TASK.a.b:default} placeholders are first rewritten to
# ${CLEARML_TASK__a__b} and the values (defaults applied, lists comma-joined,
# line breaks removed) exported; that preparation is not timed. Timed:
#   per_call   one envsubst process per render (what a glue calling it per task pays)
#   streamed   one envsubst over COPIES concatenated templates, per template
#              (the substitution alone, process start amortised)
# Usage: envsubst_render.sh TEMPLATE TASK_JSON SLOTS_JSON [OUT_FILE] [CALLS] [COPIES]
# Prints: "envsubst_render per_call_ns=<n> streamed_ns=<n> calls=<N> copies=<K>".
set -euo pipefail
template=$1 task=$2 slots=$3 out=${4:-/dev/null} calls=${5:-200} copies=${6:-20000}
work=$(mktemp -d "${TMPDIR:-/tmp}/envsubst-baseline.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$template" "$task" "$slots" "$work" "$copies" <<'PY'
import json, re, shlex, sys
template_path, task_path, slots_path, work, copies = sys.argv[1:]
template = open(template_path, encoding="utf-8").read()
task = json.load(open(task_path, encoding="utf-8"))
slots = json.load(open(slots_path, encoding="utf-8"))
placeholder = re.compile(r"\$\{CLEARML_([A-Z_]+)((?:\.[^}:|]+)*)(?::([^}|]*))?((?:\|[^}]*)?)\}")
env = {}
def rewrite(m):
    name, path, default, _ = m.groups()
    var = "CLEARML_" + name + path.replace(".", "__")
    if name == "TASK":
        node = task
        for key in path[1:].split("."):
            node = node.get(key) if isinstance(node, dict) else None
    else:
        node = slots.get(name)
    if isinstance(node, list):
        node = ",".join(map(str, node))
    if node in (None, ""):
        node = default or ""
    node = str(node)
    if name not in ("PRE_SETUP", "AGENT_EXECUTE", "POST_SETUP"):
        node = node.replace("\n", "").replace("\r", "")
    env[var] = node
    return "${" + var + "}"
converted = placeholder.sub(rewrite, template)
open(work + "/template", "w", encoding="utf-8").write(converted)
open(work + "/many", "w", encoding="utf-8").write(converted * int(copies))
with open(work + "/env.sh", "w", encoding="utf-8") as f:
    for k, v in env.items():
        f.write("export %s=%s\n" % (k, shlex.quote(v)))
    f.write("shell_format=%s\n" % shlex.quote(" ".join("${%s}" % k for k in env)))
PY
# shellcheck source=/dev/null
source "$work/env.sh"
: "${shell_format:?the prepared environment names the variables}"
envsubst "$shell_format" <"$work/template" >"$out"

start=$(date +%s%N)
for ((i = 0; i < calls; i++)); do envsubst "$shell_format" <"$work/template" >/dev/null; done
per_call=$((($(date +%s%N) - start) / calls))

start=$(date +%s%N)
envsubst "$shell_format" <"$work/many" >/dev/null
streamed=$((($(date +%s%N) - start) / copies))
echo "envsubst_render per_call_ns=$per_call streamed_ns=$streamed calls=$calls copies=$copies"
