using System.ComponentModel.DataAnnotations;
using CreditSite.Hosting;
using CreditSite.Reports;
using CreditSite.Reports.Pdf;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.RateLimits;
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
}

public static class ReportsFeature
{
    /// <summary>The limit on verification attempts, part of the site's rate limits (<c>RateLimits:ReportVerification</c>).</summary>
    public const string VerifyRateLimit = RateLimitsFeature.ReportVerificationPolicy;

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
