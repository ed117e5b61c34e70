#!/bin/bash
#SBATCH --job-name=x
# shellcheck disable=SC1010,SC2116,SC2164,SC2034,SC2207,SC2194,SC2157,SC1083
# Compound commands in the forms bash accepts: what may follow their end, case
# patterns, arrays, for (( )), negation (none of it is a syntax error).
f() ( cd /tmp && ls )
g() { echo a; } >/dev/null 2>&1
( echo a ) | cat
( echo a ) && echo b || echo c
( echo a ) &
( echo a ) >/dev/null 2>&1 </dev/null
( echo a ) <<EOF
x
EOF
if ( true ) then echo a; fi
while ( false ) do echo; done
{ echo a; } | cat
{ echo a; } 2>&1 | tee /tmp/x
if [[ -n "$1" ]] then echo; fi
[[ -n "$1" ]] && echo y
[[ -n "$1" ]] || { echo n; }
(( 1 + 1 )) && echo
for ((i = 0; i < 3; i++)); do echo "$i"; done
for ((;;)); do break; done
for ((i = 0, j = 1; i < 3; i++, j++)) { echo "$i"; }
for ((i = 0; i < $(echo 3); i++)); do :; done
case "$1" in (a) echo a ;; (b|c) echo b ;; *) echo z ;; esac
case "$1" in a) ( echo sub ) ;; "") echo empty ;; esac
case "$1" in
  a|b)
    ( cd /tmp ) ;;
  *) { echo x; } ;;
esac
A=(a b "c d" 'e;f' $(echo g\;h) <(echo i))
declare -a B=([0]=a [1]=b)
echo a | cat | true
! echo a | cat
x=$( ( echo a ) )
y=$( case "$1" in a) echo ;; esac )
echo "$x$y"
while read -r l; do echo "$l"; done < <(ls)
while read -r l; do echo "$l"; done <<< "$x"
until false; do break; done 2>/dev/null
if true; then :; fi; echo after
if true; then :; fi && echo after
[[ $1 =~ ^(a|b)$ ]]
[[ $1 =~ a\<b\> ]]
[[ $1 == <(echo) ]] 2>/dev/null || true
time ( echo a )
time { echo a; }
select s in a b; do echo "$s"; break; done
h() { ( echo a ) }
k() { if true; then echo; fi }
m() { [[ -n "$1" ]]; }
echo $(( (1 + 2) * 3 ))
{ ( echo a ) }
( { echo a; } )
( ( echo a ) )
if true; then :; elif false; then :; else :; fi
case "$1" in
  [[:digit:]]*) echo "number" ;;
  a|[[:upper:]]) echo "letter" ;;
esac
