#!/usr/bin/env bash
# Runs every test: unit, integration (a real PostgreSQL started by the run, the provider sandbox over
# loopback HTTP), and browser tests (Playwright driving Debian's Chromium).
# The last line printed is "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --browser

# liquidjs, the reference the Liquid engine is cross-checked against.
(cd tests/Telemed.Liquid.Tests/CrossCheck && npm install --no-audit --no-fund --loglevel=error >/dev/null) \
  || echo "warning: could not install liquidjs; the Liquid cross-check will be skipped"

results="$(pwd)/TestResults"
rm -rf "$results"

if ! dotnet build TelemedSaaS.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed."
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test TelemedSaaS.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project failed before reporting: count it as a failure.
  failed=1
fi
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ]
