using System.Text.Json;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Reports;
using CreditSite.Reports.Special;
using CreditSite.Reports.Storage;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using CreditSite.Web.Site.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

/// <summary>Issues reports — for the signed-in subject, or to a grantee under a grant — and turns a stored report into
/// what pages and PDFs show.</summary>
public sealed class ReportIssuer(
    ReportsDbContext db,
    IServiceProvider services,
    TimeProvider time,
    ReportVerificationKey verificationKey,
    IOptions<ReportOptions> options,
    PublicUrls urls,
    ILogger<ReportIssuer> logger)
{
    internal static readonly JsonSerializerOptions ContentJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static ReportSubject? PersonOf(CreditUser user) =>
        user.IsPerson ? ReportSubject.Person(user.Name, user.ResidentIdHash!, user.MaskedIdNumber ?? string.Empty) : null;

    public static ReportSubject? CompanyOf(CreditUser user) =>
        user.IsRepresentative ? ReportSubject.Enterprise(user.CompanyName ?? user.Uscc!, user.Uscc!) : null;

    public async Task<CreditReport> IssueAsync(ReportSubject subject, string? grantId, CancellationToken cancellationToken)
    {
        var record = await PrepareAsync(subject, grantId, cancellationToken);
        db.Reports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Issued {Kind} report {Number}.", record.Kind, record.Number);
        return record;
    }

    /// <summary>Gathers the content and builds the report row without storing it: the part that needs search, and so
    /// the part that can fail (<see cref="SearchUnavailableException"/>) before anything is written.</summary>
    private async Task<CreditReport> PrepareAsync(ReportSubject subject, string? grantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // Resolved on use: only issuing needs the engine, which the search feature registers.
        var engine = services.GetRequiredService<ISearchEngine>();
        var records = services.GetRequiredService<RecordStore>();
        var content = await ReportContentGatherer.GatherAsync(engine, subject, CreditCalendar.Today(time), records.FindSubjectAsync, cancellationToken);
        var now = time.GetUtcNow();
        var number = ReportCodes.NewReportNumber(now);
        return new CreditReport
        {
            Id = ReportCodes.NewOpaqueId(),
            Number = number,
            VerificationCodeHash = ReportCodes.HashVerificationCode(number, verificationKey.CodeFor(number)),
            Kind = subject.Kind,
            SubjectKey = subject.Key,
            SubjectName = subject.Name,
            Uscc = subject.Uscc,
            MaskedIdNumber = subject.MaskedIdNumber,
            IssuedAt = now,
            ValidUntil = now.AddDays(options.Value.ValidityDays),
            GrantId = grantId,
            ContentJson = JsonSerializer.Serialize(content, ContentJson),
        };
    }

    /// <summary>Uses a grant: issues the granting person's report to the signed-in requester.</summary>
    public async Task<(CreditReport? Report, string? Error)> RedeemAsync(string? code, CreditUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var normalised = ReportCodes.Normalise(code);
        if (normalised.Length == 0)
        {
            return (null, "请输入授权码。");
        }

        var hash = ReportCodes.HashGrantCode(normalised);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.CodeHash == hash, cancellationToken);
        if (grant is null || !ReportViewers.IsGrantee(grant, user))
        {
            // Same answer for an unknown code and someone else's: a code reveals nothing to the wrong requester.
            return (null, "授权码无效，或该授权不是授予当前登录身份的。");
        }

        var now = time.GetUtcNow();
        if (grant.RevokedAt is not null)
        {
            return (null, "该授权已被授权人撤销。");
        }

        if (now >= grant.ExpiresAt)
        {
            return (null, "该授权已过期。");
        }

        if (grant.ReportId is not null)
        {
            // A shared report: nothing is issued; using the code counts a use and opens that report.
            await db.Grants.Where(g => g.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.UseCount, g => g.UseCount + 1), cancellationToken);
            return (await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == grant.ReportId, cancellationToken), null);
        }

        // The report is gathered first: when search is down this throws and the grant is untouched. Then using the
        // grant and storing its report commit together or not at all. The use is counted in one conditional statement,
        // so two requests at once cannot both use a single-use grant.
        var subject = ReportSubject.Person(grant.SubjectName, grant.SubjectKey, grant.SubjectMaskedIdNumber);
        var report = await PrepareAsync(subject, grant.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var used = grant.SingleUse
            ? await db.Grants.Where(g => g.Id == grant.Id && g.UseCount == 0 && g.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.UseCount, 1), cancellationToken)
            : await db.Grants.Where(g => g.Id == grant.Id && g.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.UseCount, g => g.UseCount + 1), cancellationToken);
        if (used == 0)
        {
            return (null, grant.SingleUse ? "该授权为一次性授权，已经使用过。" : "该授权已被授权人撤销。");
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Issued {Kind} report {Number} under a grant.", report.Kind, report.Number);
        return (report, null);
    }

    public IssuedReport ToIssued(CreditReport record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var code = verificationKey.CodeFor(record.Number);
        var url = IssuedReport.BuildVerificationUrl(urls.BaseUrl, record.Number, code);
        if (record.IsSpecial)
        {
            // A special report's JSON is its own content; the ordinary content carries just the subject.
            var special = JsonSerializer.Deserialize<SpecialReportContent>(record.ContentJson, ContentJson)!;
            var subject = new ReportContent
            {
                Kind = record.Kind,
                SubjectName = record.SubjectName,
                Uscc = record.Uscc,
                MaskedIdNumber = record.MaskedIdNumber,
                AsOf = DateOnly.FromDateTime(record.IssuedAt.ToOffset(CreditCalendar.ChinaStandardTime).DateTime),
            };
            return new IssuedReport(record.Number, code, record.IssuedAt, record.ValidUntil, url, subject) { Special = special };
        }

        var content = JsonSerializer.Deserialize<ReportContent>(record.ContentJson, ContentJson)!;
        return new IssuedReport(record.Number, code, record.IssuedAt, record.ValidUntil, url, content);
    }
}
