using System.Text.Json;
using CreditSite.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.Health;

/// <summary><c>GET /healthz</c> for load balancers and operators: the site itself answers 200 while it can serve
/// pages; when the search engine is unavailable it says <c>degraded</c> (content pages still work, search answers
/// 503), so a balancer keeps the node and an operator sees why.</summary>
public static class SiteHealth
{
    public static WebApplicationBuilder AddSiteHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SearchEngineHealthCheck>("search");
        return builder;
    }

    public static IEndpointRouteBuilder MapSiteHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var answer = new
        {
            status = Code(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = Code(e.Value.Status),
                    description = e.Value.Description,
                    data = e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static string Code(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

/// <summary>Asks the configured engine (embedded or Elasticsearch) how it is; an unavailable engine makes the site
/// degraded, not down.</summary>
internal sealed class SearchEngineHealthCheck(IServiceProvider services, IOptions<SearchOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var engineName = options.Value.Engine.ToString().ToLowerInvariant();
        var engine = services.GetService<ISearchEngine>();
        if (engine is null)
        {
            return HealthCheckResult.Degraded("未配置搜索引擎。", data: Data(engineName, "unavailable"));
        }

        var health = await engine.CheckHealthAsync(cancellationToken);
        var code = health.ToString().ToLowerInvariant();
        return health switch
        {
            EngineHealth.Healthy => HealthCheckResult.Healthy("搜索服务正常。", Data(engineName, code)),
            EngineHealth.Degraded => HealthCheckResult.Degraded("搜索服务可用，但冗余不足（例如副本分片未分配）。", data: Data(engineName, code)),
            _ => HealthCheckResult.Degraded("搜索服务暂时不可用：搜索页面返回 503，其他页面正常。", data: Data(engineName, code)),
        };
    }

    private static Dictionary<string, object> Data(string engine, string health) => new()
    {
        ["engine"] = engine,
        ["engine_health"] = health,
    };
}
