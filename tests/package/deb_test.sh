#!/usr/bin/env bash
# The .deb as a user gets it: built with CPack from this build tree, its
# dependencies declared (every shared library the tools load comes from a
# package it depends on), unpacked with dpkg-deb into a scratch root (dpkg -i
# would change this machine), and each tool run from there: --version,
# --help, the manual pages, the bash completion, lint the shipped templates,
# render a task file byte for byte as the golden test expects, read the
# shipped clearml.conf.
# Usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
cd "$(dirname "$0")/../.."
# shellcheck source=tests/integration/checklib.sh
source tests/integration/checklib.sh

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; fail "cpack"; finish; }
debs=("$scratch"/out/*.deb)
check "cpack made one .deb" "${#debs[@]} $([[ -f ${debs[0]} ]] && echo file)" "1 file"
deb=${debs[0]}

check "Package" "$(dpkg-deb -f "$deb" Package)" slurmglue
check "Version" "$(dpkg-deb -f "$deb" Version)" "$version-1"
check "Architecture" "$(dpkg-deb -f "$deb" Architecture)" "$(dpkg --print-architecture)"
check_contains "Recommends" "$(dpkg-deb -f "$deb" Recommends)" slurm-client
# A summary line, then one paragraph (a continuation line of its own per list item would start with ';').
description=$(dpkg-deb -f "$deb" Description)
check "the description's lines" "$(wc -l <<<"$description") $(grep -c '^ ;' <<<"$description")" "2 0"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"

root=$scratch/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/slurmglue-lint usr/bin/slurmglue-render usr/bin/slurmglue-run \
  usr/share/man/man1/slurmglue-lint.1 usr/share/man/man1/slurmglue-render.1 usr/share/man/man1/slurmglue-run.1 \
  usr/share/man/man5/slurmglue-template.5 \
  usr/share/slurmglue/templates/native.tpl usr/share/slurmglue/templates/pyxis-sbatch.tpl \
  usr/share/slurmglue/templates/pyxis-srun-wrapper.tpl usr/share/slurmglue/templates/singularity.tpl \
  usr/share/slurmglue/templates/.slurmglue-lint.yaml \
  usr/share/doc/slurmglue/examples/slurmglue-run.env usr/share/doc/slurmglue/examples/clearml.conf \
  usr/share/doc/slurmglue/examples/slurmglue-lint.yaml \
  usr/share/bash-completion/completions/slurmglue-lint usr/share/bash-completion/completions/slurmglue-render \
  usr/share/bash-completion/completions/slurmglue-run \
  usr/lib/systemd/system/slurmglue-run.service; do
  check "$f is in the package" "$([[ -f $root/$f ]] && echo yes)" yes
done

# Each shared library a tool links (its NEEDED entries) comes from a package the .deb depends on.
depends_on=$(tr ',|' '\n' <<<"$depends" | awk '{print $1}')
for tool in "$root"/usr/bin/slurmglue-*; do
  for soname in $(readelf -d "$tool" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    owners=$(dpkg-query -S "*/$soname" 2>/dev/null | cut -d: -f1 | sort -u)
    if grep -qxF -f <(printf '%s\n' "$owners") <<<"$depends_on"; then
      pass "$(basename "$tool"): $soname comes from a dependency ($(tr '\n' ' ' <<<"$owners"))"
    else
      fail "$(basename "$tool"): $soname comes from [$owners], none of them a dependency"
    fi
  done
done

# The unit runs the packaged binary and reads its credentials from /etc.
unit=$(cat "$root/usr/lib/systemd/system/slurmglue-run.service")
check_contains "the unit starts /usr/bin/slurmglue-run" "$unit" $'\nExecStart=/usr/bin/slurmglue-run '
check_contains "the unit's environment file is in /etc" "$unit" $'\nEnvironmentFile=/etc/slurmglue/slurmglue-run.env\n'

bin=$root/usr/bin
for tool in slurmglue-lint slurmglue-render slurmglue-run; do
  check_contains "$tool --version" "$("$bin/$tool" --version)" "$version"
  check_contains "$tool --help" "$("$bin/$tool" --help 2>&1)" "--version"
  check_contains "man -l $tool.1 formats" "$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/$tool.1")" \
    "${tool^^}"
  # shellcheck disable=SC2016  # expanded by the inner bash
  check_contains "the packaged completion completes $tool" "$(bash -c 'source "$1"; COMP_WORDS=("$2" --vers)
    COMP_CWORD=1; _slurmglue "$2" --vers "$2"; echo "${COMPREPLY[*]}"' _ \
    "$root/usr/share/bash-completion/completions/$tool" "$bin/$tool")" --version
done

templates=$root/usr/share/slurmglue/templates
status=0
out=$("$bin/slurmglue-lint" --no-color "$templates" 2>&1) || status=$?
check "slurmglue-lint: the shipped templates are clean ($out)" "$status" 0
# And it does find problems from there (so the pass above means something).
# shellcheck disable=SC2016  # placeholders, not shell expansions
printf '#!/bin/bash\n#SBATCH --nodes=${CLEARML_TASK.name}\n' >"$scratch/bad.tpl"
status=0
"$bin/slurmglue-lint" --no-color "$scratch/bad.tpl" >/dev/null 2>&1 || status=$?
check "slurmglue-lint reports a bad template" "$status" 1

args=(--task-file tests/golden/tasks/ordinary.json --worker-id glue1 --queue-name gpu --queue-id q1 --project-name vision)
# (compared as golden_test.sh does: trailing blank lines aside)
if diff -u tests/golden/expected/native--ordinary.out \
  <(printf '%s\n' "$("$bin/slurmglue-render" "$templates/native.tpl" "${args[@]}")"); then
  pass "slurmglue-render renders native.tpl as the golden test expects"
else
  fail "slurmglue-render native.tpl differs from tests/golden/expected/native--ordinary.out"
fi

# The shipped clearml.conf is read (its default image reaches the template).
# shellcheck disable=SC2016
printf '#!/bin/bash\necho ${CLEARML_CONFIG.agent.default_docker.image}\n${CLEARML_AGENT_EXECUTE}\n' >"$scratch/conf.tpl"
check_contains "the example clearml.conf is read" "$(env -u CLEARML_API_HOST "$bin/slurmglue-render" "$scratch/conf.tpl" \
  "${args[@]}" --clearml-config "$root/usr/share/doc/slurmglue/examples/clearml.conf" 2>&1)" "docker://ubuntu:22.04"
finish
