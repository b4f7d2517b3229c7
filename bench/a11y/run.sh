#!/usr/bin/env bash
# Lighthouse (accessibility and best practices) and the W3C Nu HTML Checker over the site's main pages, on a
# published build started in Development with a small demonstration set. Prints a Markdown table for
# docs/accessibility.md. Needs: the npm registry (lighthouse, vnu-jar), Debian's chromium and a Java runtime (installed
# when missing; root). Usage: bash bench/a11y/run.sh   (WORK=/tmp/creditsite-a11y PORT=5091 to change where and which port)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/creditsite-a11y}
port=${PORT:-5091}
base="http://127.0.0.1:$port"
mkdir -p "$work"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -x "$work/tools/node_modules/.bin/lighthouse" ]; then
  echo "== npm install lighthouse vnu-jar" >&2
  npm install --silent --no-audit --no-fund --prefix "$work/tools" lighthouse@12 vnu-jar >/dev/null
fi
vnu_jar=$(ls "$work"/tools/node_modules/vnu-jar/build/dist/vnu.jar)

echo "== publish and start the site" >&2
dotnet publish "$root/src/CreditSite.Web" -c Release -o "$work/site" --nologo -v q >/dev/null
rm -rf "$work/data"
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" Storage__DataPath="$work/data" \
  Storage__DemoDataCount=300 dotnet "$work/site/CreditSite.Web.dll" >"$work/site.log" 2>&1) &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$base/search?q=%E9%A3%9F%E5%93%81" | grep -q 'class="results"' && break
  sleep 1
done
subject=$(curl -fs "$base/lists/black" | grep -o 'href="/subjects/[0-9A-Z]\{18\}"' | head -n 1 | cut -d'"' -f2)

pages=(/ "/search?q=%E9%A3%9F%E5%93%81" /lists/black "$subject" /policies /policies/task-division-notice-2019
  /role-models /announcements /key-groups /about/privacy /site-map /reports/verify)

echo "| page | Lighthouse accessibility | Lighthouse best practices | Nu HTML Checker errors |"
echo "| --- | --- | --- | --- |"
for page in "${pages[@]}"; do
  url="$base$page"
  CHROME_PATH=/usr/bin/chromium "$work/tools/node_modules/.bin/lighthouse" "$url" --quiet \
    --only-categories=accessibility,best-practices --output=json --output-path="$work/lh.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
  scores=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["categories"]; print(round(c["accessibility"]["score"]*100), round(c["best-practices"]["score"]*100))' "$work/lh.json" 2>/dev/null || echo "? ?")
  curl -fs "$url" -o "$work/page.html"
  errors=$(java -jar "$vnu_jar" --errors-only --format json "$work/page.html" 2>&1 | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin)["messages"] if m["type"]=="error"))' || echo "?")
  read -r a11y practices <<<"$scores"
  echo "| \`$page\` | $a11y | $practices | $errors |"
done
