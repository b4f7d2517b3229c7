# The site (and its command-line tool) in one image.
#   docker build -t creditsite .
#   docker run -p 8080:8080 -v creditsite-data:/data creditsite
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CreditSite.Web/CreditSite.Web.csproj -c Release -o /app/site \
 && dotnet publish src/CreditSite.Cli/CreditSite.Cli.csproj -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The report PDFs' faces (see scripts/report-fonts.sh): the main Song face and the fallback for CJK extensions B–H.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-arphic-gbsn00lp fonts-babelstone-han \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app/site
COPY --from=build /app /app
# The published site carries wwwroot/ and content/ beside its binaries; the CLI finds them through Site__RootPath.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Site__RootPath=/app/site \
    Storage__DataPath=/data
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/site/CreditSite.Web.dll"]
