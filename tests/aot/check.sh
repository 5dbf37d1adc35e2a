#!/usr/bin/env bash
# Publishes rcon-typed with Native AOT for linux-x64 (warnings are errors, so one trim or AOT warning fails it), then runs
# the native binary: serve, --execute, --json. Installs the native toolchain (a C compiler and linker, zlib headers)
# with apt-get when it is missing. Prints "aot: N passed, N failed" last.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
passed=0; failed=0
record() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "aot: $1 passed"; else failed=$((failed + 1)); echo "aot: $1 FAILED: $3" >&2; fi; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if ! { command -v clang >/dev/null || command -v gcc >/dev/null; } || [ ! -f /usr/include/zlib.h ]; then
  { as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang zlib1g-dev; } >"$work/apt.log" 2>&1 \
    || { tail -n 20 "$work/apt.log" >&2; echo "aot: setup failed: cannot install clang and zlib1g-dev" >&2; echo "aot: 0 passed, 1 failed"; exit 1; }
fi

dotnet publish "$root/src/RconTyped.Cli" -c Release -r linux-x64 -p:NativeCli=true -o "$work/aot" >"$work/publish.log" 2>&1
status=$?
warnings=$(grep -cE "warning (IL|CS)[0-9]+" "$work/publish.log")
[ "$status" -eq 0 ] && [ "$warnings" -eq 0 ] && [ -x "$work/aot/rcon-typed" ]
record "publish with Native AOT, no warnings" $? "exit $status, $warnings warnings: $(grep -E "warning|error" "$work/publish.log" | head -n 5)"
if [ ! -x "$work/aot/rcon-typed" ]; then
  echo "aot: $passed passed, $failed failed"; exit 1
fi

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export RCON_PASSWORD="aot-$RANDOM"
"$work/aot/rcon-typed" serve --port "$port" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done

got=$("$work/aot/rcon-typed" "127.0.0.1:$port" --execute "echo native hi" 2>&1)
[ "$got" = "native hi" ]; record "native --execute against the native serve" $? "got '$got'"

json=$("$work/aot/rcon-typed" "127.0.0.1:$port" --execute "echo json" --json 2>&1)
/usr/bin/python3 -c 'import json, sys; d = json.loads(sys.argv[1]); assert d["response"] == "json\n", d' "$json" 2>"$work/json.err"
record "native --json" $? "$(cat "$work/json.err") $json"

# Server queries (A2S, UDP) in the native binary: serve answers them at its RCON port.
query=$("$work/aot/rcon-typed" query "127.0.0.1:$port" --players --rules --json 2>&1)
/usr/bin/python3 -c 'import json, sys; d = json.loads(sys.argv[1]); assert d["info"]["players"] == 3 and len(d["players"]) == 3 and d["rules"]["sv_gravity"] == "800", d' "$query" 2>"$work/query.err"
record "native query --players --rules --json against the native serve" $? "$(cat "$work/query.err") $query"

# The HTTP log listener (Kestrel) in the native binary: a post of one line becomes one JSON event on stdout.
"$work/aot/rcon-typed" logs --http --listen 127.0.0.1:0 --json >"$work/logs.out" 2>"$work/logs.err" &
logs_pid=$!
pids+=($logs_pid)
url=""
for _ in $(seq 1 100); do url=$(grep -oE "http://127\.0\.0\.1:[0-9]+/" "$work/logs.err" | head -n 1); [ -n "$url" ] && break; sleep 0.1; done
/usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b"11/30/2026 - 12:00:00.123 - World triggered \"Round_Start\"\n", method="POST"), timeout=10)' "$url" 2>"$work/post.err"
for _ in $(seq 1 50); do grep -q '"type":"WorldTriggered"' "$work/logs.out" && break; sleep 0.1; done
grep -q '"type":"WorldTriggered"' "$work/logs.out"
record "native logs --http (Kestrel)" $? "url '$url', $(cat "$work/post.err" "$work/logs.err" | head -n 5)"

# SIGTERM (systemd, docker stop) ends it: the web host inside must not take the signal for itself.
kill -TERM "$logs_pid"
for _ in $(seq 1 100); do kill -0 "$logs_pid" 2>/dev/null || break; sleep 0.1; done
! kill -0 "$logs_pid" 2>/dev/null
record "native logs --http ends on SIGTERM" $? "still running 10 s after SIGTERM"

echo "aot: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
