#!/usr/bin/env bash
# Start-up cost of one `--execute`: the median wall time of 20 runs of `rcon-typed HOST --execute "echo hi"` against a
# server already running, for the Native AOT binary and for the JIT build. Usage: tests/aot/startup.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
dotnet publish "$root/src/RconTyped.Cli" -c Release -r linux-x64 -p:NativeCli=true -o "$work/aot" >/dev/null
dotnet build "$root/src/RconTyped.Cli" -c Release -o "$work/jit" >/dev/null
export RCON_PASSWORD=startup
"$work/aot/rcon-typed" serve --port 27998 >/dev/null 2>&1 &
sleep 1
median() { # command...
  for _ in $(seq 1 20); do
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 ))
  done | sort -n | awk '{a[NR] = $1} END {printf "median %.1f ms (min %.1f, max %.1f)\n", a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000}'
}
"$work/aot/rcon-typed" 127.0.0.1:27998 --execute "echo hi" >/dev/null   # warm the page cache
echo "native: $(median "$work/aot/rcon-typed" 127.0.0.1:27998 --execute "echo hi")"
echo "jit:    $(median dotnet "$work/jit/rcon-typed.dll" 127.0.0.1:27998 --execute "echo hi")"
