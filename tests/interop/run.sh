#!/usr/bin/env bash
# Interop: other people's RCON clients against `rcon-typed serve`. Installs what it needs (npm packages at pinned
# versions, Debian's python3-rcon), fails loudly when it cannot, and prints "interop: N passed, N failed" last.
# What each client gets wrong against real servers is in docs/interop.md.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/interop"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
passed=0; failed=0
fail_setup() { echo "interop: setup failed: $*" >&2; echo "interop: $passed passed, $((failed + 1)) failed"; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$work/apt.log" 2>&1 \
  || { as_root apt-get update -q >>"$work/apt.log" 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$work/apt.log" 2>&1; } \
  || { tail -n 20 "$work/apt.log" >&2; return 1; }; }

# Debian's python3 (not a pyenv one) is the interpreter python3-rcon is packaged for.
python=/usr/bin/python3
if ! "$python" -c 'import rcon.source' 2>/dev/null; then
  apt_install python3-rcon || fail_setup "cannot install python3-rcon with apt-get (root or sudo needed)"
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm || fail_setup "cannot install nodejs and npm with apt-get"
fi
(cd "$work" && npm install --silent --no-audit --no-fund --no-save rcon-client@4.2.5 rcon-srcds@2.1.1 >"$work/npm.log" 2>&1) \
  || { cat "$work/npm.log" >&2; fail_setup "npm install rcon-client@4.2.5 rcon-srcds@2.1.1 failed"; }
export NODE_PATH="$work/node_modules"

dotnet build "$root/src/RconTyped.Cli" -c Release -o "$work/cli" >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail_setup "building rcon-typed failed"; }
cli="$work/cli/rcon-typed.dll"
export RCON_PASSWORD="interop-$RANDOM"

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server VAR ARGS...: starts `rcon-typed serve ARGS` on a free port, waits for its "listening" line, sets VAR to the port.
start_server() {
  local var=$1; shift
  local port; port=$(free_port)
  dotnet "$cli" serve --port "$port" "$@" >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q "listening on" "$work/serve-$port.log" && { printf -v "$var" '%s' "$port"; return 0; }
    sleep 0.1
  done
  cat "$work/serve-$port.log" >&2; fail_setup "rcon-typed serve $* did not start"
}

# client NAME HOST PORT COMMAND: runs one client driver; prints the answer, exits 0, 3 (password refused) or 1.
client() {
  local name=$1; shift
  case "$name" in
    python3-rcon) timeout 30 "$python" "$here/clients/python3-rcon.py" "$@" ;;
    *) timeout 30 node "$here/clients/$name.js" "$@" ;;
  esac
}

record() { # name, ok(0/1), detail
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "interop: $1 passed"; else failed=$((failed + 1)); echo "interop: $1 FAILED: $3" >&2; fi
}

# expect_echo CLIENT PORT
expect_echo() {
  local got; got=$(client "$1" 127.0.0.1 "$2" "echo hello interop" 2>"$work/err"; echo "rc=$?")
  [ "$got" = $'hello interop\nrc=0' ]; record "$1 echo (port $2)" $? "got '${got//$'\n'/\\n}' $(cat "$work/err")"
}

# expect_large CLIENT PORT: the whole cvarlist answer (far over 64 KiB, many packets), byte for byte as rcon-typed reads it.
expect_large() {
  client "$1" 127.0.0.1 "$2" "cvarlist" >"$work/large-$1" 2>"$work/err"; local rc=$?
  local size; size=$(wc -c <"$work/large-$1")
  [ "$rc" -eq 0 ] && [ "$size" -ge 65536 ] && cmp -s "$work/large-$1" "$work/reference-$2"
  record "$1 cvarlist of $(wc -c <"$work/reference-$2") bytes (port $2)" $? "exit $rc, $size bytes $(cat "$work/err")"
}

# expect_refused CLIENT PORT: a wrong password is reported as such (exit 3), not a hang or a success.
expect_refused() {
  RCON_PASSWORD=wrong-password client "$1" 127.0.0.1 "$2" "echo x" >/dev/null 2>"$work/err"; local rc=$?
  [ "$rc" -eq 3 ]; record "$1 wrong password (port $2)" $? "exit $rc $(cat "$work/err")"
}

dump="$root/tests/data/cvarlists/tf2-dgibbs64.cvarlist.txt"
start_server coalesced --mode source --cvarlist "$dump"
start_server per_packet --mode source --cvarlist "$dump" --write-per-packet
start_server minecraft --mode minecraft
for port in "$coalesced" "$per_packet"; do
  dotnet "$cli" "127.0.0.1:$port" --execute cvarlist >"$work/reference-$port" || fail_setup "rcon-typed --execute cvarlist failed"
done

# rcon-client: one packet per answer, so no 64 KiB answer; and it takes the empty packet srcds sends before the
# AUTH_RESPONSE as the verdict, so a wrong password shows only on servers without that packet (Minecraft).
expect_echo rcon-client "$coalesced"
expect_echo rcon-client "$minecraft"
expect_refused rcon-client "$minecraft"

# rcon-srcds and python3-rcon read one packet per socket read: they need packets in separate writes, as real servers send them.
for name in rcon-srcds python3-rcon; do
  expect_echo "$name" "$per_packet"
  expect_large "$name" "$per_packet"
  expect_refused "$name" "$per_packet"
done

echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
