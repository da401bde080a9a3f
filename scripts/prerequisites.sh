#!/usr/bin/env bash
# Installs what the product and its tests need from Debian's packages, when missing:
# PostgreSQL's server tools (initdb, pg_ctl) and, for the browser tests, Chromium.
set -euo pipefail

need=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  need+=(chromium)
fi
command -v npm >/dev/null 2>&1 || need+=(npm)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
