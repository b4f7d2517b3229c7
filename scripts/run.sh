#!/usr/bin/env bash
# Runs the site on the embedded defaults (Development: SQLite and an on-disk Lucene index under data/, demonstration
# data on first start, the local sign-in provider) after installing the report fonts when they are missing.
# Extra arguments go to the site, e.g. `bash scripts/run.sh --urls http://localhost:5090`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/report-fonts.sh
if [ ${#report_font_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the report fonts: ${report_font_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${report_font_packages[@]}" >/dev/null
  else
    echo "PDF reports need the fonts ${report_font_packages[*]} (Debian: sudo apt-get install ${report_font_packages[*]});" \
         "the site runs without them and PDF downloads say so until they are installed." >&2
  fi
fi
exec dotnet run --project src/CreditSite.Web -- "$@"
