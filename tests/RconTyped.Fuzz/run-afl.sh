#!/usr/bin/env bash
# Fuzzes one target with AFL++ (Debian package afl++) through SharpFuzz: docs/fuzzing.md.
# Usage: tests/RconTyped.Fuzz/run-afl.sh [SECONDS] [WORK_DIR] [TARGET]   (defaults: 600 s, ./artifacts/fuzz, codec)
# TARGET: codec (RconCodec.Decode), log-line (LogEvent.Parse, LogLineAssembler), log-datagram (RconLogListener's datagrams).
set -euo pipefail
seconds="${1:-600}"
work="${2:-artifacts/fuzz}"
target="${3:-codec}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: install Debian's afl++ package (apt-get install afl++)" >&2; exit 1; }
mkdir -p "$work"
work="$(cd "$work" && pwd)"
dotnet tool install --tool-path "$work/tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null 2>&1 || true
rm -rf "$work/bin" && dotnet publish "$repo/tests/RconTyped.Fuzz" -c Release -o "$work/bin" -v q -nologo
rm -rf "$work/seeds-$target" && dotnet "$work/bin/RconTyped.Fuzz.dll" --write-seeds "$work/seeds-$target" "$target"   # before instrumenting: it then only runs under afl-fuzz
"$work/tools/sharpfuzz" "$work/bin/RconTyped.dll"          # instrument the library under test

# dotnet is not an AFL-instrumented binary, and the machine may not allow core dumps or CPU frequency settings.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -V "$seconds" -i "$work/seeds-$target" -o "$work/findings-$target" -t 5000 -m none -- dotnet "$work/bin/RconTyped.Fuzz.dll" --afl "$target"
echo "crashes: $(find "$work/findings-$target" -path '*crashes/id*' | wc -l), hangs: $(find "$work/findings-$target" -path '*hangs/id*' | wc -l)"
