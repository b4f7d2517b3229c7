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

    /// <summary>The issuing body's signing certificate, a PKCS#12 (.p12/.pfx) file with its private key. Required in
    /// Production; elsewhere, when unset, a self-signed development certificate is made in the data folder.</summary>
    public string? SigningCertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password (from the secret store, never from the repository).</summary>
    public string? SigningCertificatePassword { get; set; }
}

public static class ReportsFeature
{
    /// <summary>The limit on verification attempts, part of the site's rate limits (<c>RateLimits:ReportVerification</c>).</summary>
    public const string VerifyRateLimit = RateLimitsFeature.ReportVerificationPolicy;

    /// <summary>Personal and enterprise credit reports, grants, the access record and public verification.</summary>
    public static WebApplicationBuilder AddCreditReports(this WebApplicationBuilder builder)
    {
        var production = !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOptions<ReportOptions>()
            .Bind(builder.Configuration.GetSection(ReportOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !production || ReportSigning.Problem(o) is null,
                "报告签章证书不可用：正式环境须设置 Reports:SigningCertificatePath（PKCS#12 文件，含私钥）和 Reports:SigningCertificatePassword，见 docs/reports.md。")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => ReportSigning.Create(
            sp.GetRequiredService<IOptions<ReportOptions>>().Value, SigningFolder(builder.Configuration), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddReportsStore(builder.Configuration);
        builder.Services.AddSingleton(sp => new ReportVerificationKey(sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.IdHashKey));
        builder.Services.AddSingleton<ReportPdfFactory>();
        builder.Services.AddScoped<ReportIssuer>();
        builder.Services.AddScoped<ReportOpener>();
        builder.Services.AddScoped<ReportLookup>();
        builder.Services.AddScoped<GrantBook>();
        if (builder.Environment.IsDevelopment())
        {
            // The development certificate is made when the site first starts, not at the first download.
            builder.Services.AddHostedService<DevelopmentCertificateMaker>();
        }

        builder.Services.AddScoped<ReportPdfs>();
        builder.Services.AddScoped<SpecialReportIssuer>();
        return builder;
    }

    /// <summary>Where the development certificate is kept: the data folder (the site's SQLite files live there too).</summary>
    private static string SigningFolder(ConfigurationManager configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var siteRoot = configuration["Site:RootPath"];
        return storage.ResolveDataPath(string.IsNullOrEmpty(siteRoot) ? SiteRoot.Find() : siteRoot);
    }
}

/// <summary>The issuing body's certificate and the signer over it, made once. In Production the PKCS#12 file from
/// configuration (checked at start); elsewhere that file when set, or the development certificate.</summary>
public sealed class ReportSigning(ReportSigner signer)
{
    public ReportSigner Signer { get; } = signer;

    public static ReportSigning Create(ReportOptions options, string dataFolder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = string.IsNullOrWhiteSpace(options.SigningCertificatePath)
            ? ReportCertificate.LoadOrCreateDevelopment(dataFolder, time)
            : ReportCertificate.Load(options.SigningCertificatePath, options.SigningCertificatePassword);
        return new ReportSigning(new ReportSigner(certificate));
    }

    /// <summary>Why the configured certificate cannot sign (English, for the log), or null when it can.</summary>
    public static string? Problem(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SigningCertificatePath))
        {
            return "Reports:SigningCertificatePath is not set.";
        }

        try
        {
            using var certificate = ReportCertificate.Load(options.SigningCertificatePath, options.SigningCertificatePassword);
            return certificate.Subject.Contains("开发用", StringComparison.Ordinal) ? "The development certificate cannot sign in Production." : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}

/// <summary>The PDF renderer, made on first use: a missing font then shows as a clear message on the download, not as
/// a site that will not start. Only success is kept: once the font is installed, the next download works without a
/// restart (a cached failure would answer 503 for ever).</summary>
public sealed class ReportPdfFactory(IOptions<ReportOptions> options, ReportSigning signing)
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

        return renderer.Render(report, signing.Signer);
    }
}

/// <summary>Resolves <see cref="ReportSigning"/> at start in Development, which makes the development certificate on the
/// first start and says in the log which certificate signs.</summary>
internal sealed class DevelopmentCertificateMaker(ReportSigning signing, ILogger<DevelopmentCertificateMaker> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Report PDFs are signed with {Subject}.", signing.Signer.Certificate.Subject);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
