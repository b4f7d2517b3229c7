using System.ComponentModel.DataAnnotations;
using CreditSite.Hosting;
using CreditSite.Reports;
using CreditSite.Reports.Pdf;
using CreditSite.Reports.Storage;
using CreditSite.Web.Site.RateLimits;
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

    /// <summary>The main CJK TrueType face PDFs are set in (default: Debian's fonts-arphic-gbsn00lp).</summary>
    public string FontPath { get; set; } = ReportFont.DefaultPath;

    /// <summary>The face for characters the main face lacks, above all CJK extensions B–H in names (default: Debian's
    /// fonts-babelstone-han).</summary>
    public string FallbackFontPath { get; set; } = ReportFont.DefaultFallbackPath;
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
        builder.Services.AddScoped<ReportIssuer>();
        builder.Services.AddScoped<ReportOpener>();
        builder.Services.AddScoped<ReportLookup>();
        builder.Services.AddScoped<GrantBook>();
        return builder;
    }
}

/// <summary>The PDF renderer, made on first use: a missing font then shows as a clear message on the download, not as
/// a site that will not start. Only success is kept: once the font is installed, the next download works without a
/// restart (a cached failure would answer 503 for ever).</summary>
public sealed class ReportPdfFactory(IOptions<ReportOptions> options)
{
    private ReportPdfRenderer? _renderer;

    /// <exception cref="ReportFontMissingException">A font file is missing or unreadable.</exception>
    public byte[] Render(IssuedReport report)
    {
        var renderer = Volatile.Read(ref _renderer);
        if (renderer is null)
        {
            renderer = new ReportPdfRenderer(ReportFont.Load(options.Value.FontPath, options.Value.FallbackFontPath));
            Volatile.Write(ref _renderer, renderer);
        }

        return renderer.Render(report);
    }
}
