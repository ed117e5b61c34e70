# Helpers for tests that talk to the ClearML test double
# (tests/support/clearml_test_server.py). Sourced, not run; needs no Slurm,
# so it works with or without testlib.sh (source testlib.sh first when both
# are used: clearmllib then reuses its $scratch).
#
#   clearml_start [SEED_JSON]   starts the double on a loopback port with a new
#                               key pair; exports CLEARML_URL and
#                               CLEARML_CONFIG_FILE=$scratch/clearml.conf
#                               (api_server and credentials). The server ends
#                               with the test shell (it stops when its stdin,
#                               a pipe only this shell holds open, closes).
#   clearml_stop                stops it now
#   clearml_seed JSON           adds credentials/projects/queues/tasks
#   clearml_api ENDPOINT JSON   calls the API as a client (logged in once per
#                               test; the token is reused) and prints the
#                               reply's "data" as JSON; exit 1 and the meta
#                               (or "no reply") on stderr when the call fails
#   clearml_control ACTION JSON calls /_test.ACTION (inject, set_task, counts,
#                               requests, state, ...) and prints its "data"
#   json_get JSON EXPR          prints a Python expression over d = the parsed
#                               JSON: strings as they are, others as JSON
#                               (json_get "$reply" 'd["tasks"][0]["status"]')
#   wait_until SECONDS CMD...   runs CMD every 0.2 s until it succeeds; 1 on timeout
#
# Processes started in the background by the test inherit the server's pipe;
# the server then lives until they end too.
# shellcheck shell=bash

clearmllib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
clearmllib_server=$clearmllib_dir/../support/clearml_test_server.py

if [[ -z ${scratch:-} ]]; then
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/slurmglue-clearml.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
fi

clearml_start() {
  local fifo=$scratch/clearml-server.stdin port="" end
  clearml_access_key=$(python3 -c 'import secrets; print("key" + secrets.token_hex(8))')
  clearml_secret_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  rm -f "$fifo" "$scratch/clearml-server.port" "$scratch/clearml.token"
  mkfifo "$fifo"
  # KEY=VALUE forms: a secret may start with "-".
  python3 "$clearmllib_server" --exit-on-stdin-eof --access-key="$clearml_access_key" \
    --secret-key="$clearml_secret_key" ${1:+--seed-json="$1"} \
    <"$fifo" >"$scratch/clearml-server.port" 2>"$scratch/clearml-server.log" &
  clearml_server_pid=$!
  # Opening the write end unblocks the server's read end; only this shell holds it.
  exec {clearml_stdin_fd}>"$fifo"
  rm -f "$fifo"
  end=$((SECONDS + 20))
  until [[ $port =~ ^[0-9]+$ ]]; do
    if ((SECONDS >= end)) || ! kill -0 "$clearml_server_pid" 2>/dev/null; then
      echo "clearml_start: the test server did not start:" >&2
      cat "$scratch/clearml-server.log" >&2
      return 1
    fi
    sleep 0.05
    port=$(head -n 1 "$scratch/clearml-server.port" 2>/dev/null)
  done
  export CLEARML_URL=http://127.0.0.1:$port
  export CLEARML_CONFIG_FILE=$scratch/clearml.conf
  (
    umask 077
    cat >"$CLEARML_CONFIG_FILE" <<CONF
api {
  api_server: "$CLEARML_URL"
  credentials {
    access_key: "$clearml_access_key"
    secret_key: "$clearml_secret_key"
  }
}
CONF
  )
}

clearml_stop() {
  if [[ -n ${clearml_stdin_fd:-} ]]; then
    exec {clearml_stdin_fd}>&-
    clearml_stdin_fd=""
    wait "$clearml_server_pid" 2>/dev/null
  fi
}

# clearmllib_post KIND PATH JSON: the one HTTP client of this library (python3,
# stdlib). KIND api logs in (Basic), keeps the token in $scratch, logs in again
# on a 401; KIND control sends no credentials.
clearmllib_post() {
  CLEARMLLIB_KEY=${clearml_access_key:-} CLEARMLLIB_SECRET=${clearml_secret_key:-} \
    python3 - "$CLEARML_URL" "$1" "$2" "$3" "$scratch/clearml.token" <<'PY'
import base64, json, os, sys, urllib.error, urllib.request

url, kind, path, body, token_file = sys.argv[1:]

def post(path, body, auth):
    request = urllib.request.Request(url + "/" + path, data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": auth} if auth else {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except (urllib.error.URLError, OSError) as error:  # e.g. a drop injection
        sys.exit("%s: no reply (%s)" % (path, error))

def login():
    pair = os.environ["CLEARMLLIB_KEY"] + ":" + os.environ["CLEARMLLIB_SECRET"]
    code, reply = post("auth.login", "", "Basic " + base64.b64encode(pair.encode()).decode())
    if code != 200:
        sys.exit("auth.login failed: %s" % json.dumps(reply["meta"]))
    token = reply["data"]["token"]
    with open(token_file, "w") as f:
        f.write(token)
    return token

if kind == "control":
    code, reply = post(path, body, None)
else:
    token = open(token_file).read().strip() if os.path.exists(token_file) else login()
    code, reply = post(path, body, "Bearer " + token)
    if code == 401:
        code, reply = post(path, body, "Bearer " + login())
if code != 200:
    print("%s: %s" % (path, json.dumps(reply.get("meta"))), file=sys.stderr)
    sys.exit(1)
print(json.dumps(reply["data"]))
PY
}

clearml_api() {
  clearmllib_post api "$1" "${2:-{\}}"
}

clearml_control() {
  clearmllib_post control "_test.$1" "${2:-{\}}"
}

clearml_seed() {
  clearml_control seed "$1" >/dev/null
}

json_get() {
  python3 -c '
import json, sys
d = json.loads(sys.argv[1])
v = eval(sys.argv[2])
print(v if isinstance(v, str) else json.dumps(v))
' "$1" "$2"
}

wait_until() {
  local end=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < end)) || return 1
    sleep 0.2
  done
}
