#!/usr/bin/env bash
# Runs TelemedSaaS: an embedded PostgreSQL under src/Web/App_Data (or ConnectionStrings__Postgres),
# the provider sandbox, and the demo clinic seeded on first start. URLs and logins are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/Web -c Release -- --urls "${URLS:-http://localhost:5080}" "$@"
