# Sourced by bench/search/run.sh and records.sh after setting $work and $root: builds the site, the CLI and the bare
# Kestrel baseline into $work, and sets the configuration both benchmarks run the site and the CLI with.
echo "== build (Release)"
dotnet publish src/CreditSite.Web -c Release -o "$work/site" --nologo -v q >/dev/null
dotnet publish src/CreditSite.Cli -c Release -o "$work/cli" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$work/baseline" --nologo -v q >/dev/null

export Storage__DataPath="$work/data"
export Storage__SeedDemoData=false
export Privacy__IdHashKey="benchmark-only-key-0123456789abcdef"
export Site__RootPath="$root"
# The benchmark is one client address; the per-address rate limits would otherwise answer most requests with 429.
export RateLimits__Pages__PermitLimit=1000000000 RateLimits__Api__PermitLimit=1000000000
# Production refuses the local demo identity provider; sign-in is not exercised here, so any provider address will do.
export Authentication__Oidc__Authority="https://idp.example.invalid/" Authentication__Oidc__ClientId=creditsite-bench \
  Authentication__Oidc__ClientSecret=benchmark-only-secret
# The other settings a Production start requires (docs/operations.md); none of them is exercised here.
export Site__PublicBaseUrl="https://bench.example.invalid" Site__IdentificationCode=0000000000 \
  Site__IcpFiling="苏ICP备00000000号（基准测试）"
# Production signs report PDFs and refuses to start without a certificate: a throw-away one made for this run.
if [ ! -f "$work/bench-signing.p12" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=CreditSite benchmark only" \
    -keyout "$work/bench-signing.key" -out "$work/bench-signing.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/bench-signing.key" -in "$work/bench-signing.crt" \
    -passout pass:benchmark-only -out "$work/bench-signing.p12"
fi
export Reports__SigningCertificatePath="$work/bench-signing.p12" Reports__SigningCertificatePassword=benchmark-only
