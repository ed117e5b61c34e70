#!/usr/bin/env bash
# Installs everything slurmglue needs to build and to run its tests on Debian 12.
# Idempotent: packages already present are left as they are.
# Usage: tools/setup-debian.sh [--check]
#   --check  install nothing: list what is missing and fail if anything is
#            (the test runner's first step, so that it never installs).
set -euo pipefail
check=false
[[ ${1:-} == --check ]] && check=true

packages=(
  # build
  cmake ninja-build g++ pkg-config
  # tests: the sanitized tree and the fuzz targets (clang's ASan, UBSan, TSan and libFuzzer runtimes)
  clang libclang-rt-dev
  # libraries
  tao-pegtl-dev libfmt-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
  libcurl4-openssl-dev libgtest-dev libgmock-dev libbenchmark-dev
  # tests: a real Slurm cluster on this machine (libslurm-dev: spank.h for the Pyxis stub),
  # bash, shellcheck, the API double
  munge slurmctld slurmd slurm-client libslurm-dev bash shellcheck python3 man-db iproute2 hostname
  # tests: the CI examples are read as YAML; the fault campaign calls the API double with curl
  python3-yaml curl
  # tools/bench.sh: the envsubst baseline
  gettext-base
  # the .deb: dpkg-shlibdeps finds its dependencies; systemd-analyze checks the unit
  dpkg-dev systemd
  # tests: the injection corpus runs under GBK and Big5 locales made with localedef
  locales
  # tests: shfmt's syntax tree is the bash parser the shell model is compared with
  shfmt
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if $check; then
  if ((${#missing[@]})); then
    echo "setup-debian.sh: missing packages: ${missing[*]}; run tools/setup-debian.sh (as root)" >&2
    exit 1
  fi
elif ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The multibyte locales the injection corpus runs bash under (issue class E).
for spec in zh_CN:GBK:zh_CN.GBK zh_TW:BIG5:zh_TW.BIG5; do
  IFS=: read -r input charmap name <<<"$spec"
  locale -a 2>/dev/null | grep -qix "${name/-/}" && continue
  if $check; then
    echo "setup-debian.sh: locale $name is missing; run tools/setup-debian.sh (as root)" >&2
    exit 1
  fi
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo localedef -i "$input" -f "$charmap" "$name"
done
