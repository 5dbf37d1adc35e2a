#!/usr/bin/env bash
# Packs RconTyped and builds tests/package/Consumer against the package alone (outside the repository, so none of its
# Directory.*.props apply): a schema-declared answer must become a typed record there, and the program must run.
# Prints "package: N passed, N failed" as its last line.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.0.0-ci$(date +%s)"
passed=0; failed=0

check() { # name, command...
  local name=$1; shift
  if "$@" >"$work/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "package: $name passed"
  else
    failed=$((failed + 1)); echo "package: $name FAILED" >&2; tail -n 40 "$work/$name.log" >&2
  fi
}

check pack dotnet pack "$root/src/RconTyped" -c Release -o "$work/feed" -p:Version="$version"
cp -r "$root/tests/package/Consumer" "$work/consumer"
cat > "$work/consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
check build dotnet build "$work/consumer" -c Release -p:RconTypedVersion="$version" --packages "$work/packages"
check run dotnet run --no-build --project "$work/consumer" -c Release
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
