#!/usr/bin/env bash
# A city's ten years of records (issue 13): generate 5,000,000 records — 1M list entries, 2.5M licences, 1M penalties,
# 0.5M commitments about one shared pool of demonstration subjects, plus the registry records of the pool's
# organisations — import them kind by kind with `creditsite import` (timed: records/s), then measure in one run, against
# the bare Kestrel baseline started in the same run, /api/v1/search over 4,000+ distinct queries with the answer cache
# off and on (1 connection: p50/p99; 64 connections: req/s, p99, ratio to the baseline), the subject page and a record
# page, and the site's peak memory (VmHWM). Writes bench/results/records-<time>.md and prints it.
#   bash bench/search/records.sh                      # full run (5M records; about an hour on 2 cores)
#   SCALE=0.02 DURATION=10s bash bench/search/records.sh   # quick run (100,000 records)
#   SKIP_IMPORT=1 bash bench/search/records.sh        # measure again on the last run's data
#   REUSE_FILES=1 bash bench/search/records.sh        # import again from the last run's generated files
# Other knobs: WORK (data folder, default /tmp/creditsite-records), CONNECTIONS (64), QUERIES (4000), PAGE_DURATION
# (10s), WARMUP (5s), SITE_PORT/BASE_PORT, START_TIMEOUT (seconds the site may take to answer, 900).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
scale=${SCALE:-1}
duration=${DURATION:-30s}
page_duration=${PAGE_DURATION:-10s}
connections=${CONNECTIONS:-64}
warmup=${WARMUP:-5s}
site_port=${SITE_PORT:-5192}
base_port=${BASE_PORT:-5193}
start_timeout=${START_TIMEOUT:-900}
work=${WORK:-/tmp/creditsite-records}
out_dir="$root/bench/results"
mkdir -p "$out_dir" "$work"
for tool in wrk bc curl python3; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool >/dev/null; }; done
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

n() { printf '%.0f' "$(echo "$1 * $scale" | bc -l)"; }
list_count=$(n 1000000)
declare -A counts=([licence]=$(n 2500000) [penalty]=$(n 1000000) [commitment]=$(n 500000))
# The subjects of a list of list_count entries (DemoDataGenerator: 0.6 subjects per entry); every record kind draws from them.
pool=$(printf '%.0f' "$(echo "$list_count * 0.6" | bc -l)")

source bench/search/site-env.sh
export DOTNET_ENVIRONMENT=Production
cli() { dotnet "$work/cli/creditsite.dll" "$@" </dev/null; }
kinds=(list subject licence penalty commitment)

if [ "${SKIP_IMPORT:-0}" != 1 ] || [ ! -f "$work/imports.txt" ]; then
  rm -rf "$work/data"; mkdir -p "$work/data"
  : > "$work/imports.txt"
  echo "== generate (seed 2019; $list_count list entries, ${counts[licence]} licences, ${counts[penalty]} penalties, ${counts[commitment]} commitments, registry records of the organisations among $pool subjects)"
  if [ "${REUSE_FILES:-0}" = 1 ] && [ -f "$work/generate-seconds" ] && [ -f "$work/commitment.csv" ]; then
    # The files of an earlier generation with the same SCALE (generation is seeded, so they are the same files).
    echo "   reusing the generated files in $work"
  else
    start=$(date +%s.%N)
    cli demo-data --count "$list_count" --out "$work/list.csv" | tail -n 1
    cli demo-data --kind subject --subjects "$pool" --out "$work/subject.csv" | tail -n 1
    for kind in licence penalty commitment; do
      cli demo-data --kind "$kind" --count "${counts[$kind]}" --subjects "$pool" --out "$work/$kind.csv" | tail -n 1
    done
    echo "$(echo "$(date +%s.%N) - $start" | bc -l)" > "$work/generate-seconds"
  fi
  for kind in "${kinds[@]}"; do
    echo "== import $kind ($(($(wc -l < "$work/$kind.csv") - 1)) lines)"
    # wall seconds, CPU seconds (user + system) and peak memory of the importing process.
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-$kind" dotnet "$work/cli/creditsite.dll" import --kind "$kind" --file "$work/$kind.csv" \
      </dev/null > "$work/import-$kind.log" 2>&1 || { cat "$work/import-$kind.log"; exit 1; }
    grep -E "已写入|搜索索引" "$work/import-$kind.log" | sed 's/^/   /'
    rows=$(grep -oE "已写入 [0-9]+ 条" "$work/import-$kind.log" | grep -oE "[0-9]+")
    read -r wall user sys kib < "$work/time-$kind"
    # The CLI's own phase times: validation pass, store write (second pass), search index update.
    read -r validate_s store_s index_s < <(grep -oE "完成（[0-9.]+ 秒）" "$work/import-$kind.log" | grep -oE "[0-9.]+" | tr '\n' ' ') || true
    echo "$kind $rows $wall $(echo "$user + $sys" | bc -l) $kib ${validate_s:-0} ${store_s:-0} ${index_s:-0}" >> "$work/imports.txt"
    echo "   $rows rows in $wall s = $(printf '%.0f' "$(echo "$rows / $wall" | bc -l)") rows/s (CPU $(echo "$user + $sys" | bc -l) s, peak $((kib / 1024)) MiB)"
  done
fi
generate_s=$(cat "$work/generate-seconds")
today=$(TZ=Asia/Shanghai date +%F)
python3 bench/search/record_queries.py "$work" "$today"
query_count=$(wc -l < "$work/queries.txt")

make_lua() { # $1 = name, $2 = file of paths (or of query strings when $3 is a path prefix)
  local lua="$work/$1.lua"
  {
    echo "local paths = {"
    while read -r p; do [ -n "$p" ] && echo "  \"${3:-}${3:+?}$p\","; done < "$2"
    echo "}"
    echo 'local i = 0'
    echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
  } > "$lua"
  echo "$lua"
}
search_lua=$(make_lua search "$work/queries.txt" /api/v1/search)
subject_lua=$(make_lua subjects "$work/subject-paths.txt")
record_lua=$(make_lua records "$work/record-paths.txt")

start_site() { # $1 = answer cache entries (0 = off)
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$site_port" Logging__LogLevel__Default=Warning \
    Search__Embedded__ResultCacheEntries="$1" dotnet "$work/site/CreditSite.Web.dll" >"$work/site-$1.log" 2>&1 &
  site_pid=$!
  local waited=0
  until curl -fs "http://127.0.0.1:$site_port/api/v1/search?q=test" >/dev/null 2>&1; do
    kill -0 "$site_pid" 2>/dev/null || { echo "the site stopped:"; tail -n 30 "$work/site-$1.log"; exit 1; }
    [ $waited -ge "$start_timeout" ] && { echo "the site did not answer within $start_timeout s"; exit 1; }
    sleep 1; waited=$((waited + 1))
  done
  echo "   site answered after ${waited} s"
}
stop_site() { kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; site_pid=; }
# VmHWM counts the index files Lucene maps into the process (page cache the kernel may drop at any time) with the
# process's own memory; the peak of the process's own (anonymous) memory is sampled beside it, every half second.
sample_anon() { # $1 = file that ends up holding the peak RssAnon in KiB
  local peak=0 v
  while kill -0 "$site_pid" 2>/dev/null; do
    v=$(awk '/RssAnon/ {print $2}' "/proc/$site_pid/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$peak" ] && { peak=$v; echo "$peak" > "$1"; }
    sleep 0.5
  done
}

echo "== start baseline"
ASPNETCORE_URLS="http://127.0.0.1:$base_port" dotnet "$work/baseline/Baseline.dll" >"$work/baseline.log" 2>&1 &
base_pid=$!
site_pid=
sampler_pid=
trap 'kill $site_pid $base_pid $sampler_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$base_port/api/v1/search" >/dev/null 2>&1 && break; sleep 1; done

# prints "req/s p50 p99 non-2xx" of one wrk run: $1 = url, $2 = lua, $3 = connections, $4 = duration
measure() {
  local threads=2; [ "$3" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$3" -d"$4" --latency -s "$2" "$1" 2>&1 |
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {non=$4} END {print rps, p50, p99, (non==""?0:non)}'
}

# Each configuration: warm up (every query once, 4 at a time, then WARMUP of wrk for the JIT), then one client, then
# CONNECTIONS clients, then the baseline with the same script and connections. The page timings run in the first.
results=()
peaks=()
pages=()
for mode in nocache cache; do
  entries=0; [ "$mode" = cache ] && entries=8192
  echo "== site ($mode, Search__Embedded__ResultCacheEntries=$entries)"
  start_site "$entries"
  echo 0 > "$work/anon-peak-$mode"; sample_anon "$work/anon-peak-$mode" & sampler_pid=$!
  sed "s|^|http://127.0.0.1:$site_port/api/v1/search?|" "$work/queries.txt" | xargs -P 4 -I{} curl -s -o /dev/null {}
  [ "$mode" = nocache ] && read -r sampled_queries _ < <(python3 bench/search/sampled_share.py "http://127.0.0.1:$site_port" "$work/queries.txt")
  wrk -t2 -c16 -d"$warmup" -s "$search_lua" "http://127.0.0.1:$site_port" >/dev/null 2>&1 || true
  wrk -t2 -c16 -d3s -s "$search_lua" "http://127.0.0.1:$base_port" >/dev/null 2>&1 || true
  one=$(measure "http://127.0.0.1:$site_port" "$search_lua" 1 "$duration")
  many=$(measure "http://127.0.0.1:$site_port" "$search_lua" "$connections" "$duration")
  base=$(measure "http://127.0.0.1:$base_port" "$search_lua" "$connections" "$duration")
  echo "   1 connection: $one | $connections: $many | baseline: $base"
  results+=("$mode|$one|$many|$base")
  if [ "$mode" = nocache ]; then
    for page in subjects records; do
      lua="$work/$page.lua"
      wrk -t1 -c4 -d3s -s "$lua" "http://127.0.0.1:$site_port" >/dev/null 2>&1 || true
      m=$(measure "http://127.0.0.1:$site_port" "$lua" 1 "$page_duration")
      echo "   $page pages, 1 connection: $m"
      pages+=("$page|$m")
    done
  fi
  peaks+=("$mode|$(awk '/VmHWM/ {print $2}' /proc/$site_pid/status)|$(cat "$work/anon-peak-$mode")|$(awk '/RssFile/ {print $2}' /proc/$site_pid/status)")
  kill "$sampler_pid" 2>/dev/null || true
  stop_site
done
kill "$base_pid" 2>/dev/null || true

report="$out_dir/records-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "### Records benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores, SCALE=$scale, wrk $duration per measure, $query_count distinct queries, commit $(git rev-parse --short HEAD))"
  echo
  echo "Generated in $(printf '%.0f' "$generate_s") s (seed 2019, decisions over ten years; $pool subjects)."
  echo
  echo "| import | rows | wall | rows/s | validate | store write | rows/s to the store | index update | CPU s | importer peak memory |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  total_rows=0; total_wall=0; total_store=0
  while read -r kind rows wall cpu kib validate_s store_s index_s; do
    total_rows=$((total_rows + rows)); total_wall=$(echo "$total_wall + $wall" | bc -l)
    total_store=$(echo "$total_store + $validate_s + $store_s" | bc -l)
    printf '| %s | %d | %.1f s | **%.0f** | %.1f s | %.1f s | %.0f | %.1f s | %.1f | %.0f MiB |\n' "$kind" "$rows" "$wall" \
      "$(echo "$rows / $wall" | bc -l)" "$validate_s" "$store_s" "$(echo "$rows / ($validate_s + $store_s + 0.001)" | bc -l)" "$index_s" \
      "$cpu" "$(echo "$kib / 1024" | bc -l)"
  done < "$work/imports.txt"
  printf '| **all** | %d | %.1f s | **%.0f** | | | %.0f | | | |\n' "$total_rows" "$total_wall" "$(echo "$total_rows / $total_wall" | bc -l)" \
    "$(echo "$total_rows / ($total_store + 0.001)" | bc -l)"
  echo
  echo "rows/s = rows / wall time of the whole \`creditsite import\` (validate, write, index); rows/s to the store = rows / (validate + store write)."
  echo
  printf 'Store and index on disk: %s.\n\n' "$(du -sh "$work/data" | cut -f1)"
  echo "| /api/v1/search | 1 conn p50 | 1 conn p99 | 1 conn req/s | $connections conn req/s | $connections conn p99 | non-2xx | baseline req/s | baseline p99 | site / baseline | site peak memory (VmHWM) | of which own memory, peak (RssAnon) | mapped index files at the end (RssFile) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for i in "${!results[@]}"; do
    IFS='|' read -r mode one many base <<<"${results[$i]}"
    read -r orps op50 op99 onon <<<"$one"; read -r mrps _ mp99 mnon <<<"$many"; read -r brps _ bp99 _ <<<"$base"
    IFS='|' read -r _ kib anon file <<<"${peaks[$i]}"
    label="answer cache off"; [ "$mode" = cache ] && label="answer cache on (8,192)"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f %% | %.0f MiB | %.0f MiB | %.0f MiB |\n' "$label" "$op50" "$op99" "$orps" "$mrps" "$mp99" \
      "$((onon + mnon))" "$brps" "$bp99" "$(echo "$mrps / $brps * 100" | bc -l)" "$(echo "$kib / 1024" | bc -l)" \
      "$(echo "$anon / 1024" | bc -l)" "$(echo "$file / 1024" | bc -l)"
  done
  echo
  echo "Answered from a sample of their matches (\`countedFromSample\`, very broad queries): ${sampled_queries:-?} of $query_count queries."
  echo
  echo "| page (1 connection, cache off) | req/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for p in "${pages[@]}"; do
    IFS='|' read -r page m <<<"$p"; read -r rps p50 p99 non <<<"$m"
    label='`/subjects/{uscc}`'; [ "$page" = records ] && label='`/records/{kind}/{id}`'
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$non"
  done
} | tee "$report"
echo "(written to $report; copy the tables into docs/benchmarks.md)"
