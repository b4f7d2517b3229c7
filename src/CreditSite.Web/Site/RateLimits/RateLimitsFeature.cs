using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CreditSite.Web.Features.PlatformApi;
using CreditSite.Web.Site.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.RateLimits;

/// <summary>Protects the site from floods and guessing with ASP.NET Core's built-in rate limiter (single node; see
/// docs/rate-limits.md for several nodes). Limits come from <c>RateLimits:*</c>; the client address is the
/// connection's address, or the forwarded one when the connection comes from a configured known proxy.</summary>
public static class RateLimitsFeature
{
    public static WebApplicationBuilder AddSiteRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.IsValid, "RateLimits：每项限额与时间窗须为正数，SensitivePaths 须以 / 开头。")
            .ValidateOnStart();
        builder.Services.AddOptions<ClientAddressOptions>()
            .Bind(builder.Configuration.GetSection(ClientAddressOptions.Section))
            .Validate(o => o.IsValid, "ForwardedHeaders：KnownProxies 须为 IP 地址，KnownNetworks 须为 CIDR 网段。")
            .ValidateOnStart();

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClientAddressOptions>>((forwarded, clientAddress) =>
        {
            // Empty KnownProxies and KnownIPNetworks mean "trust every sender" to the middleware (ASP.NET Core docs,
            // "Configure ASP.NET Core to work with proxy servers": clearing both forwards from any network). So with no
            // proxy configured nothing is forwarded at all — from loopback neither — and with proxies configured only
            // they are trusted (the framework's loopback defaults are cleared).
            var anyProxy = clientAddress.Value.KnownProxies.Length > 0 || clientAddress.Value.KnownNetworks.Length > 0;
            forwarded.ForwardedHeaders = anyProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds 127.0.0.0/8 by default and is honoured too
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in clientAddress.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in clientAddress.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through every trusted proxy; the first untrusted hop is the client.
            forwarded.ForwardLimit = null;
        });

        builder.Services.AddSingleton<SiteLimiters>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, SiteLimiters>((limiter, limits, site) =>
        {
            var o = limits.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(site.General, PathLimiter("sensitive", o.Sensitive, o.SensitivePaths),
                PathLimiter("sign-in", o.SignIn, o.SignInPaths));
            limiter.OnRejected = (context, cancellationToken) => TooManyRequests.WriteAsync(context, o, cancellationToken);
            // Used by the verification page ([EnableRateLimiting]); runs after the global limiters.
            limiter.AddPolicy(ReportVerificationPolicy, context => IsVerificationAttempt(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("verify|" + ClientAddress(context), _ => Window(o.ReportVerification.PermitLimit, o.ReportVerification.Window))
                : RateLimitPartition.GetNoLimiter("verify-form"));
        });
        return builder;
    }

    public const string ReportVerificationPolicy = "report-verify";

    /// <summary>A request that checks a report (a number in the query, or a posted form); the empty form is not one.</summary>
    internal static bool IsVerificationAttempt(HttpRequest request) =>
        !string.IsNullOrEmpty(request.Query["number"]) || request.HasFormContentType;

    /// <summary>Must be the first middleware, so that everything after it sees the real client address.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>The limiter, then the refusal of a wrong API key (after the limiter, so that made-up keys are
    /// limited like anonymous requests). Runs after <c>UsePlatformApi</c>, which reads the key.</summary>
    public static IApplicationBuilder UseSiteRateLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (context, next) =>
        {
            if (context.ApiKeyCheck().IsRejected)
            {
                await ApiProblems.Problem(StatusCodes.Status401Unauthorized,
                    "API 密钥无效或已被吊销。请检查请求头 X-Api-Key，或不带密钥以匿名额度访问。").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    public static string ClientAddress(HttpContext context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";

    /// <summary>The print stylesheet's address (Features/Print).</summary>
    internal const string PrintAddressPath = "/css/print-address.css";

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    internal static PartitionedRateLimiter<HttpContext> GeneralLimiter(RateLimitOptions o) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (IsReExecution(context))
            {
                return RateLimitPartition.GetNoLimiter("re-execution");
            }

            // Load balancers poll it from a few addresses; refusing them would take a healthy node out of service.
            if (context.Request.Path.StartsWithSegments("/healthz"))
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            // Every page links this small, constant stylesheet (it is served by a page only because it holds the
            // configured address); counting it would halve each visitor's page budget.
            if (context.Request.Path.Equals(PrintAddressPath, StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetNoLimiter("print-address");
            }

            if (IsApi(context))
            {
                if (context.ApiKeyCheck().Client is { } client)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("key|" + client.KeyId.ToString(CultureInfo.InvariantCulture),
                        _ => Window(client.QuotaPerMinute, TimeSpan.FromMinutes(1)));
                }

                return RateLimitPartition.GetFixedWindowLimiter("api|" + ClientAddress(context), _ => Window(o.Api.PermitLimit, o.Api.Window));
            }

            return RateLimitPartition.GetFixedWindowLimiter("page|" + ClientAddress(context), _ => Window(o.Pages.PermitLimit, o.Pages.Window));
        });

    /// <summary>A limit on top of the general one for requests under <paramref name="paths"/>, per client address.</summary>
    private static PartitionedRateLimiter<HttpContext> PathLimiter(string name, WindowLimit limit, string[] paths) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !IsReExecution(context) && IsUnder(context.Request.Path, paths)
                ? RateLimitPartition.GetFixedWindowLimiter(name + "|" + ClientAddress(context), _ => Window(limit.PermitLimit, limit.Window))
                : RateLimitPartition.GetNoLimiter("none"));

    /// <summary>An error page rendered for a request that was already counted (404, 500 re-executed under /error).</summary>
    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;

    internal static bool IsUnder(PathString path, string[] prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The permits an API caller has per window: its key's quota, or the anonymous limit.</summary>
    internal static int ApiPermits(HttpContext context, RateLimitOptions o) =>
        context.ApiKeyCheck().Client is { } client ? client.QuotaPerMinute : o.Api.PermitLimit;

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The site's general limiter as one instance, so that an endpoint doing more than one request's work can
/// charge the caller's own budget for the rest (the status API charges one permit per code).</summary>
public sealed class SiteLimiters(IOptions<RateLimitOptions> options) : IDisposable
{
    public PartitionedRateLimiter<HttpContext> General { get; } = RateLimitsFeature.GeneralLimiter(options.Value);

    /// <summary>Takes <paramref name="permits"/> more from the caller's window. False (nothing taken) when they are not
    /// there, or when they exceed the whole window, which no wait would cure; <paramref name="limit"/> says the window.</summary>
    public bool TryCharge(HttpContext context, int permits, out int limit)
    {
        limit = RateLimitsFeature.ApiPermits(context, options.Value);
        if (permits <= 0)
        {
            return true;
        }

        if (permits > limit)
        {
            return false;
        }

        using var lease = General.AttemptAcquire(context, permits);
        return lease.IsAcquired;
    }

    public void Dispose() => General.Dispose();
}
