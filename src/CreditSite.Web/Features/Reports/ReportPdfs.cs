using System.Security.Cryptography;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Web.Features.Reports;

/// <summary>The signed PDF of a report, made once and kept: a signature carries its signing time, so making it again
/// would give other bytes and another hash than the one a bank was handed. The first download (or, for a special
/// report, the issue) stores it; later downloads and verification read the stored file.</summary>
public sealed class ReportPdfs(ReportsDbContext db, ReportPdfFactory factory)
{
    public static string Sha256(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    /// <exception cref="CreditSite.Reports.Pdf.ReportFontMissingException">A font is missing (nothing is stored then).</exception>
    public async Task<byte[]> GetAsync(CreditReport record, IssuedReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Pdf is { } stored)
        {
            return stored;
        }

        var pdf = factory.Render(report);
        var hash = Sha256(pdf);
        // Only the first maker stores its file; a download racing it reads the winner's, so every copy is the same.
        var written = await db.Reports.Where(r => r.Id == record.Id && r.PdfSha256 == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Pdf, pdf).SetProperty(r => r.PdfSha256, hash), cancellationToken);
        return written == 1
            ? pdf
            : await db.Reports.AsNoTracking().Where(r => r.Id == record.Id).Select(r => r.Pdf!).FirstAsync(cancellationToken);
    }
}
