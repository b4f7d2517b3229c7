#!/usr/bin/env bash
# Search benchmark (issue 3): generate N list entries (default 1,000,000), import them, then load the site's
# /api/v1/search and /search with wrk (64 connections, 30 s, a rotating set of realistic queries) and, in the same
# run, a bare Kestrel endpoint as the baseline. Writes bench/results/search-<time>.md and prints it.
#   bash bench/search/run.sh                 # full run
#   COUNT=100000 DURATION=10s bash bench/search/run.sh   # quick run
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
count=${COUNT:-1000000}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-64}
site_port=${SITE_PORT:-5190}
base_port=${BASE_PORT:-5191}
work=${WORK:-/tmp/creditsite-bench}
out_dir="$root/bench/results"
mkdir -p "$out_dir"
for tool in wrk bc curl; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool >/dev/null; }; done

source bench/search/site-env.sh
if [ "${SKIP_IMPORT:-0}" = 1 ] && [ -f "$work/import-seconds" ]; then
  # Reuse the data of the previous run (its import time was recorded then).
  import_s=$(cat "$work/import-seconds")
else
  rm -rf "$work/data"; mkdir -p "$work/data"
  echo "== generate $count entries"
  dotnet "$work/cli/creditsite.dll" demo-data --count "$count" --out "$work/entries.csv" </dev/null | tail -n 2
  echo "== import"
  start=$(date +%s.%N)
  dotnet "$work/cli/creditsite.dll" import --file "$work/entries.csv" </dev/null | tail -n 3
  end=$(date +%s.%N)
  import_s=$(echo "$end - $start" | bc -l)
  echo "$import_s" > "$work/import-seconds"
fi
import_rate=$(echo "$count / $import_s" | bc -l)

# Realistic rotating queries, more distinct ones than the engine's per-snapshot result cache holds (1,024), so the
# run measures searching rather than the cache: 2-4 character parts of generated names, whole identifiers, and
# filter combinations, taken from the generated file.
python3 bench/search/queries.py "$work/entries.csv" "$work/queries.txt"
make_lua() { # $1 = path prefix
  local prefix=$1
  local lua
  lua="$work/queries$(echo "$prefix" | tr '/' '_').lua"
  {
    echo "local paths = {"
    while read -r q; do echo "  \"$prefix?$q\","; done < "$work/queries.txt"
    echo "}"
    echo 'local i = 0'
    echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
  } > "$lua"
  echo "$lua"
}

start_site() { # $1 = result cache entries (0 = off)
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$site_port" Logging__LogLevel__Default=Warning \
    Search__Embedded__ResultCacheEntries="$1" dotnet "$work/site/CreditSite.Web.dll" >"$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$site_port/api/v1/search?q=test" >/dev/null 2>&1 && break
    sleep 1
  done
}
stop_site() { kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; }

echo "== start baseline"
ASPNETCORE_URLS="http://127.0.0.1:$base_port" dotnet "$work/baseline/Baseline.dll" >"$work/baseline.log" 2>&1 &
base_pid=$!
site_pid=
trap 'kill $site_pid $base_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$base_port/api/v1/search" >/dev/null 2>&1 && break; sleep 1; done

run_wrk() { # $1 = url base, $2 = lua
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$2" "$1" 2>&1
}
parse() { # prints "rps p50 p99 non2xx" from wrk output
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {non=$4} END {print rps, p50, p99, (non==""?0:non)}'
}

# Two configurations of the site, each against the baseline in the same run:
#   production: the default result cache (Search:Embedded:ResultCacheEntries=8192), as the site runs;
#   no cache:   ResultCacheEntries=0, so every request searches the index (the engine's own cost).
# The warm-up sends every query of the rotation once (4 at a time), then runs wrk for WARMUP (default 5 s) so that the
# JIT has compiled the hot paths: the measured 30 s are the steady state, which for the production configuration means
# a result cache that has seen each query once.
warmup=${WARMUP:-5s}
results=()
peaks=()
for mode in production nocache; do
  cache_entries=8192; [ "$mode" = nocache ] && cache_entries=0
  echo "== site ($mode)"
  start_site "$cache_entries"
  for path in /api/v1/search /search; do
    lua=$(make_lua "$path")
    sed "s|^|http://127.0.0.1:$site_port$path?|" "$work/queries.txt" | xargs -P 4 -I{} curl -s -o /dev/null {}
    wrk -t2 -c16 -d"$warmup" -s "$lua" "http://127.0.0.1:$site_port" >/dev/null 2>&1 || true
    wrk -t2 -c16 -d3s -s "$lua" "http://127.0.0.1:$base_port" >/dev/null 2>&1 || true
    site=$(run_wrk "http://127.0.0.1:$site_port" "$lua" | parse)
    base=$(run_wrk "http://127.0.0.1:$base_port" "$lua" | parse)
    echo "   $path: site $site | baseline $base"
    results+=("$mode|$path|$site|$base")
  done
  peaks+=("$mode|$(awk '/VmHWM/ {print $2}' /proc/$site_pid/status)")
  stop_site
done

report="$out_dir/search-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### Search benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores, wrk -t2 -c$connections -d$duration, $count entries, $(wc -l < "$work/queries.txt") distinct queries)"
  echo
  printf '| measure | value |\n| --- | --- |\n'
  printf '| import | %d entries in %.1f s = **%.0f entries/s** |\n' "$count" "$import_s" "$import_rate"
  for p in "${peaks[@]}"; do
    IFS='|' read -r mode kib <<<"$p"
    printf '| site peak memory (VmHWM), %s | **%.0f MiB** |\n' "$mode" "$(echo "$kib / 1024" | bc -l)"
  done
  echo
  echo "| site | endpoint | site req/s | site p50 | site p99 | site non-2xx | baseline req/s | baseline p99 | site / baseline |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for r in "${results[@]}"; do
    IFS='|' read -r mode path site base <<<"$r"
    read -r srps sp50 sp99 snon <<<"$site"; read -r brps _ bp99 _ <<<"$base"
    ratio=$(echo "$srps / $brps * 100" | bc -l)
    printf '| %s | `%s` | %s | %s | %s | %s | %s | %s | %.1f %% |\n' "$mode" "$path" "$srps" "$sp50" "$sp99" "$snon" "$brps" "$bp99" "$ratio"
  done
} | tee "$report"
echo "(written to $report; copy the table into docs/benchmarks.md)"
