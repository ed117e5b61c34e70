#!/usr/bin/env bash
# How the real sbatch (Slurm 22.05 here) reads #SBATCH lines: each case is a
# batch script submitted held (--hold, so nothing runs and no case blocks the
# next), then the parsed values are read back from the controller
# (squeue --json; scontrol show job -o shows the same), or the refusal
# (message and exit code) is checked. The directive splitter of the compiler
# must agree with every case here.
set -uo pipefail
# shellcheck source=tests/integration/testlib.sh
source "$(dirname "$0")/testlib.sh"

held=()
cleanup() {
  ((${#held[@]} == 0)) || scancel "${held[@]}" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

case_no=0
# submit TITLE: the script is "#!/bin/bash", then stdin, then "true".
# Sets rc, err (stderr) and id (empty unless submitted).
submit() {
  title=$1
  case_no=$((case_no + 1))
  local script="$scratch/case$case_no.sh"
  {
    printf '#!/bin/bash\n'
    cat
    printf 'true\n'
  } >"$script"
  local out
  out=$(cd "$scratch" && sbatch --parsable --hold -o /dev/null "case$case_no.sh" 2>"$scratch/err")
  rc=$?
  err=$(<"$scratch/err")
  id=${out%%;*}
  [[ -z $id ]] || held+=("$id")
  echo "--- case $case_no: $title (rc=$rc${id:+, job $id})"
}

# expect_job KEY VALUE [OFFSET]: submitted, and the job's KEY is VALUE.
expect_job() {
  if [[ $rc != 0 || -z $id ]]; then
    fail "$title: not submitted (rc=$rc): $err"
    return
  fi
  check "$title: $1${3:+ of component $3}" "$(job_json "$id" "$1" "${3:-0}")" "$2"
}

# expect_refused RC MESSAGE: sbatch refused the script with RC and MESSAGE.
expect_refused() {
  check "$title: exit code" "$rc" "$1"
  check_contains "$title: message" "$err" "$2"
}

expect_stderr() { check_contains "$title: stderr" "$err" "$1"; }

# 1. Blanks split words; a backslash escapes the next character except a
#    blank: "a\ b" is the word "a" (backslash dropped), then the word "b".
submit "backslash-space does not join words" <<'EOF'
#SBATCH --comment=a\ b
EOF
expect_refused 255 "Invalid directive found in batch script: b"

# 2. Outside quotes, backslash escapes anything else: \# is a literal #,
#    \\ a backslash, \y is y.
submit "backslash escapes outside quotes" <<'EOF'
#SBATCH --comment=a\#b --job-name=n\\x\y
EOF
expect_job comment 'a#b'
expect_job name 'n\xy'

# 3. Double and single quotes group blanks and #, and are removed.
submit "double quotes" <<'EOF'
#SBATCH --comment="a b#c"
EOF
expect_job comment 'a b#c'
submit "single quotes" <<'EOF'
#SBATCH --comment='a b#c'
EOF
expect_job comment 'a b#c'

# 4. Backslash escapes inside both kinds of quotes too (unlike the shell):
#    "a\"b\\c\n" is a"b\cn, 'a\'b' is a'b; each quote kind groups the other.
submit "backslash inside double quotes" <<'EOF'
#SBATCH --comment="a\"b\\c\n"
EOF
expect_job comment 'a"b\cn'
submit "backslash inside single quotes; mixed quotes" <<'EOF'
#SBATCH --comment='a\'b' --job-name='x"y'"z'w"
EOF
expect_job comment "a'b"
expect_job name "x\"yz'w"

# 5. Quotes may open and close inside a word; the pieces join.
submit "quotes inside a word" <<'EOF'
#SBATCH --comment=a"b c"d'e f'g
EOF
expect_job comment 'ab cde fg'

# 6. An unquoted, unescaped # ends the line, even inside a word: the rest
#    (here --job-name) is dropped.
submit "# inside a word cuts the line" <<'EOF'
#SBATCH --comment=abc#def --job-name=zz
EOF
expect_job comment 'abc'
expect_job name "case$case_no.sh"
submit "# after a blank" <<'EOF'
#SBATCH --comment=abc #--job-name=zz
EOF
expect_job comment 'abc'

# 7. Tab, vertical tab, form feed and a lone carriage return all separate
#    words (C isspace); but any \r\n in the script is refused outright.
submit "tab separates" < <(printf '#SBATCH\t--comment=tab1\t--job-name=tab2\n')
expect_job comment tab1
expect_job name tab2
submit "vertical tab and form feed separate" < <(printf '#SBATCH --comment=v1\v--job-name=f1\f--nice=5\n')
expect_job comment v1
expect_job name f1
expect_job nice 5
submit "lone CR separates" < <(printf '#SBATCH --comment=c1\r--job-name=c2\n')
expect_job comment c1
expect_job name c2
submit "CRLF is refused" < <(printf '#SBATCH --comment=x\r\n')
expect_refused 1 "Batch script contains DOS line breaks (\r\n)"

# 8. A trailing backslash is dropped; it does not continue the line.
submit "trailing backslash" <<'EOF'
#SBATCH --comment=abc\
#SBATCH --job-name=next
EOF
expect_job comment abc
expect_job name next
submit "escaped closing quote leaves the quote open" <<'EOF'
#SBATCH --comment="abc\"
EOF
expect_refused 1 "line 2: Unmatched \`\"\` in [--comment=\"abc\\\"]"

# 9. Words of all #SBATCH lines form one argument list: an option at the end
#    of a line takes the first word of the next #SBATCH line as its value.
submit "value taken from the next line" <<'EOF'
#SBATCH --job-name
#SBATCH --comment=x
EOF
expect_job name '--comment=x'
expect_job comment ''

# 10. A required argument is the next word whatever it looks like.
submit "required argument starting with -" <<'EOF'
#SBATCH --job-name -x
EOF
expect_job name '-x'

# 11. An empty word ("" or '') ends the line: nothing after it is read.
submit "empty quotes end the line" <<'EOF'
#SBATCH --hold "" --job-name=dropped
EOF
expect_job name "case$case_no.sh"
submit "empty quotes leave the option without its value" <<'EOF'
#SBATCH --comment "" --job-name=afterempty
EOF
expect_refused 255 "option '--comment' requires an argument"
submit "empty quotes: the value comes from the next line" <<'EOF'
#SBATCH --comment ""
#SBATCH --job-name=nextline
EOF
expect_job comment '--job-name=nextline'
submit "empty value after =" <<'EOF'
#SBATCH --comment="" --job-name=afterempty
EOF
expect_job comment ''
expect_job name afterempty

# 12. "hetjob" or "packjob" inside a value is plain text: no second component.
submit "hetjob/packjob inside values" <<'EOF'
#SBATCH --job-name=myhetjob1 --comment=packjob
EOF
expect_job name myhetjob1
expect_job comment packjob
check "$title: one component" "$(het_components "$id")" 1

# 13. The separator is "hetjob" or "packjob" (any case) as the FIRST word of
#     a directive line; the rest of that line is dropped. Components after
#     it inherit the job name when they set none.
submit "hetjob separator" <<'EOF'
#SBATCH --job-name=comp0 --comment=c0
#SBATCH hetjob
#SBATCH --job-name=comp1 --comment=c1
EOF
check "$title: two components" "$(het_components "$id")" 2
expect_job name comp0 0
expect_job comment c0 0
expect_job name comp1 1
expect_job comment c1 1
submit "HetJob in any case; the rest of its line is dropped" <<'EOF'
#SBATCH --job-name=comp0
#SBATCH   HetJob --job-name=dropped
#SBATCH --comment=c1
EOF
check "$title: two components" "$(het_components "$id")" 2
expect_job name comp0 1
expect_job comment c1 1
submit "packjob separator (deprecated)" <<'EOF'
#SBATCH --job-name=p0
#SBATCH packjob
#SBATCH --job-name=p1
EOF
check "$title: two components" "$(het_components "$id")" 2
expect_job name p1 1
expect_stderr 'the "packjob" component separator is being deprecated'

# 14. A "hetjob" word later in a line is no separator; it is blanked, which
#     ends the line: what follows is dropped, an option before it loses its
#     value.
submit "hetjob word later in a line" <<'EOF'
#SBATCH --job-name=before --comment=c hetjob --job-name=dropped
EOF
expect_job name before
check "$title: one component" "$(het_components "$id")" 1
submit "hetjob word as a value" <<'EOF'
#SBATCH --comment hetjob --job-name=hj
EOF
expect_refused 255 "option '--comment' requires an argument"

# 14b. Inside quotes, "hetjob" or "packjob" after a blank is text (older
#     sbatch releases blanked it anywhere in the line; 22.05 on do not).
submit "hetjob after a blank inside quotes" <<'EOF'
#SBATCH --comment="x hetjob y" --job-name=after
EOF
expect_job name after
expect_job comment "x hetjob y"
check "$title: one component" "$(het_components "$id")" 1

# 15. Only the bare word separates: hetjob1, "hetjob" (quoted), hetjob#x are
#     positional words, which are refused.
submit "hetjob1" <<'EOF'
#SBATCH hetjob1
EOF
expect_refused 255 "Invalid directive found in batch script: hetjob1"
submit "quoted hetjob" <<'EOF'
#SBATCH "hetjob"
EOF
expect_refused 255 "Invalid directive found in batch script: hetjob"
submit "hetjob#x" <<'EOF'
#SBATCH hetjob#x
EOF
expect_refused 255 "Invalid directive found in batch script: hetjob"

# 16. No blank is needed after #SBATCH; and any line starting with #SBATCH
#     is a directive (#SBATCHED -> the word ED).
submit "#SBATCH--job-name" <<'EOF'
#SBATCH--job-name=nospace
EOF
expect_job name nospace
submit "#SBATCHED" <<'EOF'
#SBATCHED by someone
EOF
expect_refused 255 "Invalid directive found in batch script: ED"

# 17. A positional word fails the whole submission (getopt stops there).
submit "positional word" <<'EOF'
#SBATCH --comment=x word --job-name=after
EOF
expect_refused 255 "Invalid directive found in batch script: word"
submit "optional argument needs =" <<'EOF'
#SBATCH --nice 5
EOF
expect_refused 255 "Invalid directive found in batch script: 5"
submit "--exclusive takes no separate word" <<'EOF'
#SBATCH --exclusive user
EOF
expect_refused 255 "Invalid directive found in batch script: user"

# 18. Unique prefixes of long options are accepted; ambiguous and unknown
#     options fail (exit 255) with getopt's messages.
submit "abbreviated options" <<'EOF'
#SBATCH --part=debug --job-na=abbr
EOF
expect_job name abbr
expect_job partition debug
submit "ambiguous prefix" <<'EOF'
#SBATCH --mem-per=1
EOF
expect_refused 255 "option '--mem-per=1' is ambiguous; possibilities: '--mem-per-cpu' '--mem-per-gpu'"
submit "unknown long option" <<'EOF'
#SBATCH --no-such-option=1
EOF
expect_refused 255 "unrecognized option '--no-such-option=1'"
submit "unknown short option" <<'EOF'
#SBATCH -y
EOF
expect_refused 255 "invalid option -- 'y'"
submit "short options, separate and attached values" <<'EOF'
#SBATCH -J shortname -pdebug
EOF
expect_job name shortname

# 19. A word starting with ':' is fatal (exit 1), wherever it is in the
#     line; ':' inside a word or after a quote is fine.
submit "leading colon" <<'EOF'
#SBATCH :
EOF
expect_refused 1 "line 2: Unexpected \`:\` in [:]"
submit "colon word later in the line" <<'EOF'
#SBATCH --comment=a :b
EOF
expect_refused 1 "Unexpected \`:\` in [ :b]"
submit "colon inside values" <<'EOF'
#SBATCH --comment=:b --job-name ":q"
EOF
expect_job comment ':b'
expect_job name ':q'

# 20. Unmatched quotes are fatal (exit 1).
submit "unmatched single quote" <<'EOF'
#SBATCH --comment='abc
EOF
expect_refused 1 "line 2: Unmatched \`'\` in [--comment='abc]"
submit "unmatched double quote" <<'EOF'
#SBATCH --comment="abc
EOF
expect_refused 1 "Unmatched \`\"\`"

# 21. Blank lines and comments (indented too) do not end the directives;
#     the first command does: later #SBATCH lines, even invalid ones, are
#     silently ignored.
submit "directives after the first command" <<'EOF'
#SBATCH --comment=first

# a comment
   # indented comment
#SBATCH --job-name=beforecmd
echo hi
#SBATCH --job-name=aftercmd
#SBATCH --bogus-option
EOF
expect_job name beforecmd
expect_job comment first
check "$title: no message" "$err" ""

# 22. Indented #SBATCH, "# SBATCH", #sbatch, #Sbatch are plain comments.
submit "look-alike directives" <<'EOF'
 #SBATCH --job-name=indented
	#SBATCH --job-name=tabindented
# SBATCH --job-name=spaced
#sbatch --job-name=lower
#Sbatch --job-name=mixed
#SBATCH --comment=real
EOF
expect_job name "case$case_no.sh"
expect_job comment real
check "$title: no message" "$err" ""

# 23. #SLURM lines are read as directives, with an error message (exit 0).
submit "#SLURM" <<'EOF'
#SLURM --job-name=slurmword
#SLURM --comment=second
EOF
expect_job name slurmword
expect_job comment second
expect_stderr "Change from #SLURM to #SBATCH in your script and verify the options are valid in sbatch"

# 24. Empty #SBATCH lines are fine.
submit "empty directives" <<'EOF'
#SBATCH
#SBATCH    
#SBATCH --job-name=afterempty
EOF
expect_job name afterempty

# 25. No expansion of any kind.
submit "no expansion" <<'EOF'
#SBATCH --comment=$HOME~/x`id`$(id) --job-name=~
EOF
# shellcheck disable=SC2016 # literal on purpose
expect_job comment '$HOME~/x`id`$(id)'
expect_job name '~'

# 26. Long lines: no line-length limit in the reader (a 78 KB line of 5000
#     options, the last --comment winning; a value followed by 200 KB of
#     blanks). The controller limits --comment and --job-name to 1024 bytes
#     (exit 1, "Pathname of a file, directory or other parameter too long").
line="#SBATCH"
for i in $(seq 1 5000); do line+=" --comment=c$i"; done
submit "a 78 KB directive line" < <(printf '%s --job-name=longline\n' "$line")
expect_job comment c5000
expect_job name longline
submit "200 KB of blanks inside a line" < <(printf '#SBATCH --comment=padded%200000s--job-name=padname\n' "")
expect_job comment padded
expect_job name padname
submit "1024-byte comment" < <(printf '#SBATCH --comment=%s\n' "$(head -c 1024 /dev/zero | tr '\0' c)")
check "$title: comment length" "$(job_json "$id" comment | tr -d '\n' | wc -c)" 1024
submit "1025-byte comment" < <(printf '#SBATCH --comment=%s\n' "$(head -c 1025 /dev/zero | tr '\0' c)")
expect_refused 1 "Pathname of a file, directory or other parameter too long"
submit "1025-byte job name" < <(printf '#SBATCH --job-name=%s\n' "$(head -c 1025 /dev/zero | tr '\0' n)")
expect_refused 1 "Pathname of a file, directory or other parameter too long"

# 27. scontrol show job -o shows the parsed values too.
submit "scontrol view" <<'EOF'
#SBATCH --comment='a\'b' --job-name='x"y'"z'w"
EOF
view=$(scontrol show job -o "$id")
check_contains "$title: JobName" "$view" " JobName=x\"yz'w "
check_contains "$title: Comment" "$view" " Comment=a'b "

# 28. A '\' at the end of a line is an empty word: it ends the line and
#     joins nothing. Before it, on 22.05, '\ ' still separates, so the value
#     has no trailing blank (from 24.05 on it keeps one: see
#     grammar/sbatch_directive.hpp), and the next line is read on its own.
submit "backslash at the end of a line" <<'EOF'
#SBATCH --comment=/data:/data\ \
#SBATCH --job-name=next-line
EOF
expect_job comment '/data:/data'
expect_job name 'next-line'

finish
