#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
# What bash -n rejects around compound commands, arrays, case patterns and
# for (( )): each line alone is a syntax error.
${CLEARML_AGENT_EXECUTE}
for ((i = 0; i < 3)); do echo "$i"; done
for ((i = 0; i < 3; i++; j++)); do echo "$i"; done
NODES=(a; b)
HOSTS=(a | b)
echo a | ! grep -q b
case "$1" in ) echo none ;; esac
case "$1" in a|) echo a ;; esac
[[ -n "$1" ]] echo
( cd /tmp ) echo
{ echo a; } tail
if true; then echo a; fi echo
while true; do break; done echo
[[ $1 =~ <a> ]]
if [ -n "$1" ]; then echo a; else echo b; elif [ -n "$2" ]; then echo c; fi
if [ -n "$1" ]; then echo a; else echo b; else echo c; fi
case "$1" in
  a) echo a
  b) echo b ;;
esac
for in a b; do echo; done
OMP_NUM_THREADS=4 (cd src && make)
