#!/usr/bin/env bash
# Runs TelemedSaaS in Production mode: an embedded PostgreSQL under src/Web/App_Data (or ConnectionStrings__Postgres),
# the provider sandbox explicitly enabled, and the demo clinic seeded on first start. URLs and logins are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
urls="${URLS:-http://localhost:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Zoom__UseSandbox="${Zoom__UseSandbox:-true}"
export Google__UseSandbox="${Google__UseSandbox:-true}"
export Platform__PublicBaseUrl="${Platform__PublicBaseUrl:-${urls%%;*}}"
exec dotnet run --project src/Web -c Release --no-launch-profile -- --urls "$urls" "$@"
