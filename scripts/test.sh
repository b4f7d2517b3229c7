#!/usr/bin/env bash
# Runs every test of CreditSite on a fresh Debian machine: installs what the tests need when it is missing
# (Chromium, CJK fonts for the browser and the report PDFs, PostgreSQL, poppler-utils, zbar-tools), starts a throw-away PostgreSQL server on a
# loopback port, runs `dotnet test` over the solution, and ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# grep without -q reads all of fc-list's output: an early exit would fail the pipe under pipefail and always reinstall.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
source scripts/report-fonts.sh
need+=("${report_font_packages[@]}")
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
command -v fc-list >/dev/null || need+=(fontconfig)
command -v clamd >/dev/null || need+=(clamav-daemon)   # attachment scanning tests start their own clamd
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A private PostgreSQL server for the tests, on its own port and folder, stopped on exit.
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/creditsite-pg.XXXXXX)
pg_port=${CREDITSITE_TEST_PG_PORT:-55432}
chown postgres:postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off' -l '$pg_dir/log' -w start >/dev/null"
cleanup() { as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop >/dev/null 2>&1" || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
export CREDITSITE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
export CREDITSITE_TEST_ARTIFACTS="$results/artifacts"
mkdir -p "$CREDITSITE_TEST_ARTIFACTS"

if [ -n "${CREDITSITE_TEST_ELASTICSEARCH_URL:-}" ]; then
  echo "Search contract suite: embedded and Elasticsearch (${CREDITSITE_TEST_ELASTICSEARCH_URL#*@})"
else
  echo "Search contract suite: embedded only (Elasticsearch skipped: CREDITSITE_TEST_ELASTICSEARCH_URL is not set)"
fi

status=0
# Build once, then one test project at a time with a line before each, so a long run shows where it is.
echo "Building CreditSite.sln (Release) …"
dotnet build CreditSite.sln -c Release -nologo -v quiet || status=$?
projects=(tests/*/*.Tests.csproj)
for i in "${!projects[@]}"; do
  project=${projects[$i]}
  started=$SECONDS
  echo "[$((i + 1))/${#projects[@]}] $(basename "$project" .csproj) …"
  dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results" "$@" || status=$?
  echo "[$((i + 1))/${#projects[@]}] $(basename "$project" .csproj) done in $((SECONDS - started)) s"
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "No test results were found."; fi
echo "Test results and artefacts: $results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
