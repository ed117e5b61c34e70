#!/bin/bash
#SBATCH --job-name=compound
#SBATCH --time=00:10:00
# Compound commands in the forms bash accepts (bash -n is clean).
for ((i = 0; i < 3; i++)) do echo "$i"; done
for ((i = 0; i < 3; i++)); do echo "$i"; done
case "${1:-}" in (a) echo a ;; b | c) echo b ;& *) echo any ;;& esac
name=$(case "$SLURM_JOB_NAME" in compound) echo yes ;; esac)
function show { echo "$@"; }
sub() ( cd /tmp && pwd )
if [ -n "$name" ]; then show a; elif false; then :; else sub; fi
while read -r line; do echo "$line"; done < <(ls /)
until [[ -d /tmp ]]; do sleep 1; done
select x in a b; do break; done </dev/null
[[ ( -n "$name" ) && ( -d /tmp || -d /var ) ]] && echo ok
first=$( (cd / && ls) | head -1)
(( total = 1 + 2 ))
if true; then
  cat <<EOF
a ) fi done esac
EOF
fi
{ echo grouped; } >/dev/null
echo ")" # ) done fi
while :; do { echo once; break; }; done
time { echo timed; }
! { false; }
x=$(if true; then echo a; fi)
# A reserved word right after a group closes.
for z in "$@"; do { echo "$z"; } done
while { false; } do :; done
if { true; } then :; fi
case "$z" in a) { :; } esac
echo "$x" "${total}" "${x:-)}" "$i" "$first"
# A test closed right before a continuation: bash joins ']' and '||', and the operator still ends the word.
[ -n "$x" ]\
|| echo empty
[[ -n "$x" ]]\
&& echo set
# A reserved word right after ]] or )) (bash reads it as after '}'), and a case with no arms.
# shellcheck disable=SC1010
if [[ -n "$x" ]] then echo set; fi
# shellcheck disable=SC1010
while (( ${#x} > 100 )) do x=${x:1}; done
case "$x" in esac
