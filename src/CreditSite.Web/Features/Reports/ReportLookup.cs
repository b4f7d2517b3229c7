using System.Security.Cryptography;
using System.Text;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Web.Features.Reports;

/// <param name="Report">What the report says, for the verify page to show (entries or conclusions).</param>
/// <param name="NewerExists">A later report for the same subject and scope exists (it does not invalidate this one).</param>
public sealed record VerificationAnswer(bool Genuine, CreditReport? Record, bool WithinPeriod, IssuedReport? Report = null, bool NewerExists = false);

/// <summary>Finding issued reports: a subject's own list, public verification by number and code, staff look-up.</summary>
public sealed class ReportLookup(ReportsDbContext db, TimeProvider time, ReportIssuer issuer)
{
    public async Task<IReadOnlyList<CreditReport>> ReportsAboutAsync(string subjectKey, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking()
            .Where(r => r.SubjectKey == subjectKey)
            .OrderByDescending(r => r.IssuedAt)
            .Take(50)
            // The list needs neither the content nor the stored PDF.
            .Select(r => new CreditReport
            {
                Id = r.Id, Number = r.Number, VerificationCodeHash = r.VerificationCodeHash, Kind = r.Kind, SubjectKey = r.SubjectKey,
                SubjectName = r.SubjectName, Uscc = r.Uscc, MaskedIdNumber = r.MaskedIdNumber, IssuedAt = r.IssuedAt,
                ValidUntil = r.ValidUntil, GrantId = r.GrantId, ContentJson = string.Empty, Scope = r.Scope, PdfSha256 = r.PdfSha256,
            })
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
        if (!genuine)
        {
            return new VerificationAnswer(false, null, false);
        }

        var newer = await db.Reports.AnyAsync(
            r => r.SubjectKey == record!.SubjectKey && r.Scope == record.Scope && r.Kind == record.Kind && r.Number != record.Number
                && r.GrantId == null && r.IssuedAt > record.IssuedAt,
            cancellationToken);
        return new VerificationAnswer(true, record, time.GetUtcNow() <= record!.ValidUntil, issuer.ToIssued(record), newer);
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
