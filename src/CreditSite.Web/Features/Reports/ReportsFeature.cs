using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using CreditSite.Hosting;
using CreditSite.Reports;
using CreditSite.Reports.Pdf;
using CreditSite.Reports.Storage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

/// <summary><c>Reports</c> section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>How long a report can be verified after it is issued (核验有效期).</summary>
    [Range(1, 366)]
    public int ValidityDays { get; set; } = 30;

    /// <summary>The longest a grant may run.</summary>
    [Range(1, 30)]
    public int MaxGrantDays { get; set; } = 30;

    /// <summary>The CJK TrueType font PDFs are set in (default: Debian's fonts-arphic-gbsn00lp).</summary>
    public string FontPath { get; set; } = ReportFont.DefaultPath;

    /// <summary>Verification attempts allowed per client address and minute.</summary>
    [Range(1, 10_000)]
    public int VerifyAttemptsPerMinute { get; set; } = 20;
}

public static class ReportsFeature
{
    public const string VerifyRateLimit = "report-verify";

    /// <summary>Personal and enterprise credit reports, grants, the access record and public verification.</summary>
    public static WebApplicationBuilder AddCreditReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>()
            .Bind(builder.Configuration.GetSection(ReportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddReportsStore(builder.Configuration);
        builder.Services.AddSingleton(sp => new ReportVerificationKey(sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.IdHashKey));
        builder.Services.AddSingleton<ReportPdfFactory>();
        builder.Services.AddScoped<ReportDesk>();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, VerifyRateLimitPolicy>(VerifyRateLimit));
        return builder;
    }
}

/// <summary>The PDF renderer, made on first use: a missing font then shows as a clear message on the download, not as
/// a site that will not start.</summary>
public sealed class ReportPdfFactory(IOptions<ReportOptions> options)
{
    private readonly Lazy<ReportPdfRenderer> _renderer = new(() => new ReportPdfRenderer(ReportFont.Install(options.Value.FontPath)));

    public byte[] Render(IssuedReport report) => _renderer.Value.Render(report);
}

/// <summary>More than <see cref="ReportOptions.VerifyAttemptsPerMinute"/> verification attempts (requests that carry a
/// report number) a minute from one address get 429 with <c>Retry-After</c>. Showing the empty form is not an attempt.</summary>
internal sealed class VerifyRateLimitPolicy(IOptions<ReportOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync("核验请求过于频繁，请稍后再试。", cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (string.IsNullOrEmpty(httpContext.Request.Query["number"]) && !httpContext.Request.HasFormContentType)
        {
            return RateLimitPartition.GetNoLimiter("form");
        }

        var address = RateLimits.RateLimitsFeature.ClientAddress(httpContext);
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.VerifyAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
