using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Reports;
using CreditSite.Reports.Special;
using CreditSite.Reports.Storage;
using CreditSite.Storage;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

/// <summary>Previews and issues special credit reports (专项信用报告) from the store, signed at issue.</summary>
public sealed class SpecialReportIssuer(
    ReportsDbContext db,
    CreditStore store,
    CreditCatalogue catalogue,
    TimeProvider time,
    ReportVerificationKey verificationKey,
    ReportIssuer issuer,
    ReportPdfFactory pdfs,
    IOptions<ReportOptions> options,
    ILogger<SpecialReportIssuer> logger)
{
    public Task<SpecialReportContent> PreviewAsync(ReportSubject subject, SpecialReportScope scope, CancellationToken cancellationToken) =>
        SpecialReportGatherer.GatherAsync(store, subject, scope, catalogue, time.GetUtcNow(), cancellationToken);

    /// <summary>Gathers again as of now (the preview may be minutes old), makes and signs the PDF, then stores the report
    /// with its PDF in one insert: a report that could not be signed is never stored.</summary>
    /// <exception cref="CreditSite.Reports.Pdf.ReportFontMissingException">A font is missing; nothing is stored.</exception>
    public async Task<CreditReport> IssueAsync(ReportSubject subject, SpecialReportScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        var content = await SpecialReportGatherer.GatherAsync(store, subject, scope, catalogue, now, cancellationToken);
        var number = ReportCodes.NewReportNumber(now);
        var record = new CreditReport
        {
            Id = ReportCodes.NewOpaqueId(),
            Number = number,
            VerificationCodeHash = ReportCodes.HashVerificationCode(number, verificationKey.CodeFor(number)),
            Kind = subject.Kind,
            SubjectKey = subject.Key,
            SubjectName = content.SubjectName,
            Uscc = subject.Uscc,
            MaskedIdNumber = subject.MaskedIdNumber,
            IssuedAt = now,
            ValidUntil = now.AddDays(options.Value.ValidityDays),
            ContentJson = JsonSerializer.Serialize(content, ReportIssuer.ContentJson),
            Scope = scope.Key,
        };
        record.Pdf = pdfs.Render(issuer.ToIssued(record));
        record.PdfSha256 = ReportPdfs.Sha256(record.Pdf);
        db.Reports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Issued special report {Number} ({Records} records).", number, content.RecordCount);
        return record;
    }
}
