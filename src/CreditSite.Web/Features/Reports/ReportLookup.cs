using System.Security.Cryptography;
using System.Text;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Web.Features.Reports;

public sealed record VerificationAnswer(bool Genuine, CreditReport? Record, bool WithinPeriod);

/// <summary>Finding issued reports: a subject's own list, public verification by number and code, staff look-up.</summary>
public sealed class ReportLookup(ReportsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<CreditReport>> ReportsAboutAsync(string subjectKey, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking()
            .Where(r => r.SubjectKey == subjectKey)
            .OrderByDescending(r => r.IssuedAt)
            .Take(50)
            .ToListAsync(cancellationToken);

    /// <summary>The same answer for a wrong code whether or not the number exists.</summary>
    public async Task<VerificationAnswer> VerifyAsync(string? number, string? code, CancellationToken cancellationToken)
    {
        var n = ReportCodes.Normalise(number);
        var c = ReportCodes.Normalise(code);
        var expected = ReportCodes.HashVerificationCode(n, c);
        CreditReport? record = null;
        if (ReportCodes.LooksLikeReportNumber(n) && c.Length == ReportVerificationKey.CodeLength)
        {
            record = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, cancellationToken);
        }

        var genuine = record is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(record.VerificationCodeHash), Encoding.ASCII.GetBytes(expected));
        return genuine
            ? new VerificationAnswer(true, record, time.GetUtcNow() <= record!.ValidUntil)
            : new VerificationAnswer(false, null, false);
    }

    /// <summary>Staff look-up by report number (the opening itself is recorded when they view it).</summary>
    public async Task<CreditReport?> FindByNumberAsync(string? number, CancellationToken cancellationToken)
    {
        var n = ReportCodes.Normalise(number);
        return ReportCodes.LooksLikeReportNumber(n)
            ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, cancellationToken)
            : null;
    }
}
