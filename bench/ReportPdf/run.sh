#!/usr/bin/env bash
# Report PDF benchmark: personal report with 50 entries and a signed special report (50 records, 10 fields) vs a
# one-line baseline page, on one core.
# Needs the CJK font (Debian fonts-arphic-gbsn00lp). Results: bench/results/ReportPdf/ and docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || { apt-get update -qq && apt-get install -y -qq fonts-arphic-gbsn00lp >/dev/null; }
out=bench/results/ReportPdf
mkdir -p "$out"
dotnet run -c Release --project bench/ReportPdf -- --filter '*' --artifacts "$out" "$@"
echo "Summary: $out/results/*ReportPdfBenchmarks-report-github.md"
