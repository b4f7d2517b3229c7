#!/usr/bin/env bash
# Report PDF benchmark: personal report with 50 entries and a signed special report (50 records, 10 fields) vs a
# one-line baseline page, on one core (job OneCore, affinity 0x1).
#   bash bench/ReportPdf/run.sh                                   every benchmark, the code as it is
#   bash bench/ReportPdf/run.sh --filter '*Signed*' '*OneLine*'   the signed special report and the baseline only
#   BEFORE=<commit> bash bench/ReportPdf/run.sh ...               also that commit's Core in the same run (job OneCoreBefore)
# Installs the report fonts when missing (scripts/report-fonts.sh). Results: bench/results/ReportPdf/ and
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/report-fonts.sh
if [ ${#report_font_packages[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${report_font_packages[@]}" >/dev/null
fi
if [ -n "${BEFORE:-}" ]; then
  # The earlier commit's Core, built from a copy of its sources: BenchmarkDotNet builds this project once per job.
  before_dir="${TMPDIR:-/tmp}/creditsite-report-before-$(git rev-parse --short "$BEFORE")"
  rm -rf "$before_dir" && mkdir -p "$before_dir"
  git archive "$BEFORE" .editorconfig Directory.Build.props Directory.Packages.props src/CreditSite.Core | tar -x -C "$before_dir"
  export REPORT_PDF_BEFORE="$before_dir/src/CreditSite.Core/CreditSite.Core.csproj"
  echo "OneCoreBefore: Core of $(git rev-parse --short "$BEFORE"); OneCore: the work tree"
fi
out=bench/results/ReportPdf
mkdir -p "$out"
[ $# -gt 0 ] || set -- --filter '*'
dotnet run -c Release --project bench/ReportPdf -- --artifacts "$out" "$@"
echo "Summary: $out/results/*ReportPdfBenchmarks-report-github.md"
