#!/usr/bin/env bash
# The catalog's 22.05 option table (compiler/catalog/sbatch_options.cpp) must
# equal what the real sbatch installed here accepts (Debian 12: Slurm 22.05).
# Each option is probed through getopt_long's own messages, so no job is
# submitted:
#   no argument:        --NAME=x  -> "option '--NAME' doesn't allow an argument"
#   required argument:  --NAME    -> "option '--NAME' requires an argument"
#   optional argument:  --NAME --zz-unknown -> only --zz-unknown is refused,
#                       and --NAME=x is not refused by getopt
# Completeness: "--L" for each letter L lists every long option starting with
# L ("is ambiguous; possibilities: ..."), and "-L" for each letter and digit
# says whether the short option exists.
# usage: sbatch_options_test.sh CATALOG_DUMP
set -uo pipefail
# shellcheck source=tests/integration/testlib.sh
source "$(dirname "$0")/testlib.sh"

dump=${1:?usage: $0 CATALOG_DUMP}
version=$(sbatch --version | awk '{print $2}')
series=${version%.*}
echo "sbatch $version"
[[ $series == 22.05 ]] || echo "note: this sbatch is $series; comparing with the catalog's $series table"

declare -A arg_of short_of
while IFS=$'\t' read -r name short arg; do
  arg_of[$name]=$arg
  [[ $short == - ]] || short_of[$short]=$name
done < <("$dump" "$series")
((${#arg_of[@]} > 0)) || { echo "the catalog has no table for $series" >&2; exit 1; }

probe() { sbatch "$@" </dev/null 2>&1 >/dev/null; }

# 1. Every catalog option exists, with the catalog's argument kind.
for name in "${!arg_of[@]}"; do
  case ${arg_of[$name]} in
    none) check_contains "--$name takes no argument" "$(probe "--$name=x")" "option '--$name' doesn't allow an argument" ;;
    required) check_contains "--$name requires an argument" "$(probe "--$name")" "option '--$name' requires an argument" ;;
    optional)
      out=$(probe "--$name" --zz-unknown)
      check_contains "--$name is accepted without an argument" "$out" "unrecognized option '--zz-unknown'"
      if [[ $out == *"'--$name'"* ]]; then fail "--$name: $out"; fi
      out=$(probe "--$name=x")
      if [[ $out == *"option '--$name' doesn't allow an argument"* ]]; then
        fail "--$name=x refused: $out"
      else
        pass "--$name=x reaches the option's own check"
      fi
      ;;
  esac
done

# 2. No long option that the catalog lacks.
for letter in {a..z}; do
  expected=()
  for name in "${!arg_of[@]}"; do [[ $name == "$letter"* ]] && expected+=("$name"); done
  out=$(probe "--$letter")
  case ${#expected[@]} in
    0) check_contains "no option starts with $letter" "$out" "unrecognized option '--$letter'" ;;
    1)
      if [[ $out == *"unrecognized option"* || $out == *"ambiguous"* ]]; then
        fail "--$letter should name only --${expected[0]}: $out"
      else
        pass "--$letter names only --${expected[0]}"
      fi
      ;;
    *)
      actual=$(grep -o "possibilities:.*" <<<"$out" | grep -o "'--[a-z0-9-]*'" | tr -d "'" | sed 's/^--//' | sort | tr '\n' ' ')
      want=$(printf '%s\n' "${expected[@]}" | sort | tr '\n' ' ')
      check "long options starting with $letter" "$actual" "$want"
      ;;
  esac
done

# 3. Short options: exactly the catalog's letters, with the same argument kind.
for letter in {a..z} {A..Z} {0..9}; do
  out=$(probe "-$letter")
  name=${short_of[$letter]:-}
  if [[ -z $name ]]; then
    check_contains "no short option -$letter" "$out" "invalid option -- '$letter'"
  elif [[ ${arg_of[$name]} == required ]]; then
    check_contains "-$letter (--$name) requires an argument" "$out" "option requires an argument -- '$letter'"
  elif [[ $out == *"invalid option -- '$letter'"* || $out == *"requires an argument -- '$letter'"* ]]; then
    fail "-$letter (--$name, ${arg_of[$name]}): $out"
  else
    pass "-$letter (--$name) takes no required argument"
  fi
done

finish
