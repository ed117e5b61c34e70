#!/usr/bin/env bash
# The bash completion (dist/bash-completion/slurmglue) offers exactly the
# options each tool's --help lists, values that its --help names, and the
# rule names of --list-rules, so completion and tools cannot drift apart.
# Usage: completion_test.sh COMPLETION_SCRIPT TOOL...
set -euo pipefail
script=$(realpath "$1")
shift
cd "$(dirname "$0")/../.."
# shellcheck source=tests/integration/checklib.sh
source tests/integration/checklib.sh

# complete WORD... : what the completion offers for the last word, one a line, sorted.
complete() {
  # shellcheck disable=SC2016  # expanded by the inner bash
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _slurmglue "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$@" | sort -u
}

for tool in "$@"; do
  name=$(basename "$tool")
  help=$("$tool" --help)
  # The options --help lists: those starting its lines ("  -o,--output FILE  ..."), not ones its text names.
  check "$name: the completion offers the options of --help" "$(complete "$tool" --)" \
    "$(grep -oE -- '^ +(-[a-zA-Z],)?--[a-z][a-z0-9-]+' <<<"$help" | grep -oE -- '--[a-z0-9-]+' | sort -u)"
  for option in --format --profile --pyxis-version; do
    line=$(grep -E -- "$option( |$)" <<<"$help") || continue
    values=$(complete "$tool" "$option" "")
    check "$name $option: values are offered" "$([[ -n $values ]] && echo yes)" yes
    for value in $values; do check_contains "$name $option $value is in --help" "$line" "$value"; done
  done
done

for tool in "$@"; do
  [[ $(basename "$tool") == slurmglue-lint ]] || continue
  check "--disable completes rule ids" "$(complete "$tool" --disable SG10)" \
    "$("$tool" --list-rules | awk '$1 ~ /^SG10/ {print $1}' | sort -u)"
  check_contains "--explain completes rule names" "$(complete "$tool" --explain placeholder-)" placeholder-syntax
done
finish
