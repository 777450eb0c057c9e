#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite file, Cosmos DB protocol server, loopback fakes) and
# end to end (bot + Microsoft 365 Agents Playground + headless Chromium). Installs what it needs.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"

scripts/setup.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$root/artifacts/test-results"
rm -rf "$results"

echo "==> Compilando / building"
dotnet build ParticipaBot.sln -c Release -nologo -clp:ErrorsOnly

echo "==> Probando / testing"
status=0
dotnet test ParticipaBot.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

# One closing line for any reader: the sum over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
# The deployable build: self-contained for linux-x64, and it must start (docs/operations.md).
if [ "$status" = 0 ] && [ -z "${PARTICIPABOT_SKIP_PUBLISH:-}" ]; then
  echo "==> Publicando / publishing (self-contained linux-x64)"
  dotnet publish src/Bot/ParticipaBot.Bot.csproj -c Release -r linux-x64 --self-contained -nologo -clp:ErrorsOnly \
    -o "$root/artifacts/publish/participabot" >/dev/null || status=$?
  "$root/artifacts/publish/participabot/ParticipaBot.Bot" --help >/dev/null || status=$?
  # The process settings every deployment sets travel with the build.
  cmp -s "$root/scripts/runtime.env" "$root/artifacts/publish/participabot/runtime.env" \
    || { echo "runtime.env missing from the published folder" >&2; status=1; }
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
