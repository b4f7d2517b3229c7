using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Search;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Features.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

/// <summary>A report opened by someone allowed to see it, and in which capacity.</summary>
public sealed record ReportOpening(CreditReport Record, IssuedReport Report, ViewerRole Role, ReportGrant? Grant, string Purpose);

public sealed record VerificationAnswer(bool Genuine, CreditReport? Record, bool WithinPeriod);

public sealed record GrantRequest(
    GranteeKind GranteeKind, string? GranteeName, string? GranteeIdentifier, GrantPurpose Purpose, string? PurposeText, int Days, bool SingleUse);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total);

/// <summary>Issues reports and decides who may open them. Every handler goes through here, and every check is on the
/// signed-in user's own keys: an id from a URL only finds a row, it never grants anything.</summary>
public sealed class ReportDesk(
    ReportsDbContext db,
    IServiceProvider services,
    TimeProvider time,
    ReportVerificationKey verificationKey,
    ResidentIdHasher hasher,
    IOptions<ReportOptions> options,
    PublicUrls urls,
    ILogger<ReportDesk> logger)
{
    public const int PageSize = 20;

    private static readonly JsonSerializerOptions ContentJson = new() { Converters = { new JsonStringEnumConverter() } };

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
        var content = await ReportContentGatherer.GatherAsync(engine, subject, CreditCalendar.Today(time), cancellationToken);
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

    /// <summary>Null when the report does not exist or <paramref name="user"/> may not see it (the page answers 404
    /// either way). Nothing is recorded here: the page calls <see cref="RecordAsync"/> once the content is ready to be
    /// delivered, so a failed PDF or a HEAD request leaves no access behind.</summary>
    public async Task<ReportOpening?> OpenAsync(string? reportId, CreditUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(reportId) || reportId.Length > 32)
        {
            return null;
        }

        var record = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        ReportGrant? grant = null;
        ViewerRole role;
        string purpose;
        if (IsSubject(record, user))
        {
            role = ViewerRole.Subject;
            purpose = record.Kind == ReportKind.Personal ? "本人查询" : "企业自查";
        }
        else if (record.GrantId is not null
                 && await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == record.GrantId, cancellationToken) is { } g
                 && IsGrantee(g, user) && g.IsOpenAt(time.GetUtcNow()))
        {
            grant = g;
            role = ViewerRole.Grantee;
            purpose = g.PurposeLabel;
        }
        else if (user.IsStaff)
        {
            role = ViewerRole.Staff;
            purpose = "工作人员依职责核查";
        }
        else
        {
            return null;
        }

        return new ReportOpening(record, ToIssued(record), role, grant, purpose);
    }

    /// <summary>Records (append-only) that <paramref name="user"/> was given the report: call it when the content is
    /// in hand and about to be sent, and only then.</summary>
    public async Task RecordAsync(ReportOpening opening, CreditUser user, ReportAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(user);
        db.AccessLog.Add(new ReportAccess
        {
            ReportId = opening.Record.Id,
            ReportNumber = opening.Record.Number,
            SubjectKey = opening.Record.SubjectKey,
            At = time.GetUtcNow(),
            Action = action,
            ViewerRole = opening.Role,
            ViewerName = user.DisplayName,
            ViewerUscc = opening.Role == ViewerRole.Grantee ? user.Uscc : null,
            Purpose = opening.Purpose,
            GrantId = opening.Grant?.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public IssuedReport ToIssued(CreditReport record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var code = verificationKey.CodeFor(record.Number);
        var content = JsonSerializer.Deserialize<ReportContent>(record.ContentJson, ContentJson)!;
        return new IssuedReport(record.Number, code, record.IssuedAt, record.ValidUntil,
            IssuedReport.BuildVerificationUrl(urls.BaseUrl, record.Number, code), content);
    }

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

    public async Task<(ReportGrant? Grant, string? Code, string? Error)> CreateGrantAsync(CreditUser user, GrantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (!user.IsPerson)
        {
            return (null, null, "只有以个人身份登录，才能授权他人查询本人的信用报告。");
        }

        var name = request.GranteeName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return (null, null, "请填写被授权方名称（不超过100字）。");
        }

        string key, display;
        if (request.GranteeKind == GranteeKind.Enterprise)
        {
            var code = UnifiedSocialCreditCode.Parse(request.GranteeIdentifier);
            if (!code.IsValid)
            {
                return (null, null, code.Message);
            }

            key = display = code.Value!.Value.Value;
        }
        else
        {
            var id = ResidentIdNumber.Parse(request.GranteeIdentifier);
            if (!id.IsValid)
            {
                return (null, null, id.Message);
            }

            key = hasher.Hash(id.Value!.Value);
            display = id.Value!.Value.Masked;
            if (key == user.ResidentIdHash)
            {
                return (null, null, "不能授权给本人。");
            }
        }

        var purposeText = request.PurposeText?.Trim();
        if (request.Purpose == GrantPurpose.Other && string.IsNullOrEmpty(purposeText))
        {
            return (null, null, "用途选择“其他”时，请填写具体用途。");
        }

        if (purposeText is { Length: > 50 })
        {
            return (null, null, "具体用途不超过50字。");
        }

        if (request.Days < 1 || request.Days > options.Value.MaxGrantDays)
        {
            return (null, null, $"授权有效期应为1至{options.Value.MaxGrantDays}天。");
        }

        var now = time.GetUtcNow();
        var grantCode = ReportCodes.NewGrantCode();
        var grant = new ReportGrant
        {
            Id = ReportCodes.NewOpaqueId(),
            CodeHash = ReportCodes.HashGrantCode(grantCode),
            SubjectKey = user.ResidentIdHash!,
            SubjectName = user.Name,
            SubjectMaskedIdNumber = user.MaskedIdNumber ?? string.Empty,
            GranteeKind = request.GranteeKind,
            GranteeKey = key,
            GranteeName = name,
            GranteeDisplayId = display,
            Purpose = request.Purpose,
            PurposeText = request.Purpose == GrantPurpose.Other ? purposeText : null,
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.Days),
            SingleUse = request.SingleUse,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return (grant, grantCode, null);
    }

    /// <summary>False when the grant is not the user's own (or already revoked): the page answers 404.</summary>
    public async Task<bool> RevokeAsync(string? grantId, CreditUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(grantId) || !user.IsPerson)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var changed = await db.Grants
            .Where(g => g.Id == grantId && g.SubjectKey == user.ResidentIdHash && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), cancellationToken);
        return changed == 1;
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
        if (grant is null || !IsGrantee(grant, user))
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

    public async Task<IReadOnlyList<ReportGrant>> GrantsGivenAsync(CreditUser user, CancellationToken cancellationToken) =>
        !user.IsPerson ? [] : await db.Grants.AsNoTracking()
            .Where(g => g.SubjectKey == user.ResidentIdHash)
            .OrderByDescending(g => g.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(ReportGrant Grant, IReadOnlyList<CreditReport> Reports)>> GrantsReceivedAsync(CreditUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keys = GranteeKeys(user);
        if (keys.Count == 0)
        {
            return [];
        }

        var grants = await db.Grants.AsNoTracking()
            .Where(g => keys.Contains(g.GranteeKey))
            .OrderByDescending(g => g.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        grants = grants.Where(g => IsGrantee(g, user)).ToList();
        var ids = grants.Select(g => g.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.GrantId != null && ids.Contains(r.GrantId)).ToListAsync(cancellationToken);
        return grants.Select(g => (g, (IReadOnlyList<CreditReport>)reports.Where(r => r.GrantId == g.Id).OrderByDescending(r => r.IssuedAt).ToList())).ToList();
    }

    /// <summary>谁查看了我的信用报告: the access record of the user's own reports (person and company).</summary>
    public async Task<Paged<ReportAccess>> AccessRecordAsync(CreditUser user, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keys = SubjectKeys(user);
        var query = db.AccessLog.AsNoTracking().Where(a => keys.Contains(a.SubjectKey));
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Paged<ReportAccess>(items, page, pageCount, total);
    }

    /// <summary>Staff look-up by report number (the opening itself is recorded when they view it).</summary>
    public async Task<CreditReport?> FindByNumberAsync(string? number, CancellationToken cancellationToken)
    {
        var n = ReportCodes.Normalise(number);
        return ReportCodes.LooksLikeReportNumber(n)
            ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, cancellationToken)
            : null;
    }

    public static bool IsSubject(CreditReport record, CreditUser user)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(user);
        return record.Kind == ReportKind.Personal
            ? user.ResidentIdHash is not null && record.SubjectKey == user.ResidentIdHash
            : user.Uscc is not null && record.SubjectKey == user.Uscc;
    }

    private static bool IsGrantee(ReportGrant grant, CreditUser user) => grant.GranteeKind == GranteeKind.Enterprise
        ? user.Uscc is not null && grant.GranteeKey == user.Uscc
        : user.ResidentIdHash is not null && grant.GranteeKey == user.ResidentIdHash;

    private static List<string> SubjectKeys(CreditUser user) =>
        new[] { user.ResidentIdHash, user.Uscc }.OfType<string>().ToList();

    private static List<string> GranteeKeys(CreditUser user) => SubjectKeys(user);
}
