using CreditSite.Identifiers;
using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Reports;

public sealed record GrantRequest(
    GranteeKind GranteeKind, string? GranteeName, string? GranteeIdentifier, GrantPurpose Purpose, string? PurposeText, int Days, bool SingleUse);

/// <summary>Grants (授权查询): a person lets someone else obtain their report, for a purpose and a time, once or more;
/// they can see and revoke what they gave, and grantees see what they received.</summary>
public sealed class GrantBook(ReportsDbContext db, TimeProvider time, ResidentIdHasher hasher, IOptions<ReportOptions> options)
{
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

    /// <summary>An organisation (or person) shares one issued report — a special report — with a bank or tender agency
    /// named by USCC: the grant opens exactly that report, for its days, and each opening is recorded.</summary>
    public async Task<(ReportGrant? Grant, string? Code, string? Error)> ShareReportAsync(
        CreditReport report, CreditUser user, string? granteeName, string? granteeUscc, GrantPurpose purpose, string? purposeText, int days,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(user);
        if (!ReportViewers.IsSubject(report, user))
        {
            return (null, null, "只能分享本人或本单位的报告。");
        }

        var name = granteeName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return (null, null, "请填写接收报告的单位名称（不超过100字）。");
        }

        var code = UnifiedSocialCreditCode.Parse(granteeUscc);
        if (!code.IsValid)
        {
            return (null, null, code.Message);
        }

        var key = code.Value!.Value.Value;
        if (key == report.Uscc)
        {
            return (null, null, "不能分享给本单位。");
        }

        purposeText = purposeText?.Trim();
        if (purpose == GrantPurpose.Other && string.IsNullOrEmpty(purposeText) || purposeText is { Length: > 50 })
        {
            return (null, null, "用途选择“其他”时，请填写具体用途（不超过50字）。");
        }

        if (days < 1 || days > options.Value.MaxGrantDays)
        {
            return (null, null, $"分享有效期应为1至{options.Value.MaxGrantDays}天。");
        }

        var now = time.GetUtcNow();
        var grantCode = ReportCodes.NewGrantCode();
        var grant = new ReportGrant
        {
            Id = ReportCodes.NewOpaqueId(),
            CodeHash = ReportCodes.HashGrantCode(grantCode),
            SubjectKey = report.SubjectKey,
            SubjectName = report.SubjectName,
            SubjectMaskedIdNumber = report.MaskedIdNumber ?? report.Uscc ?? string.Empty,
            GranteeKind = GranteeKind.Enterprise,
            GranteeKey = key,
            GranteeName = name,
            GranteeDisplayId = key,
            Purpose = purpose,
            PurposeText = purpose == GrantPurpose.Other ? purposeText : null,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
            SingleUse = false,
            ReportId = report.Id,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return (grant, grantCode, null);
    }

    public async Task<IReadOnlyList<ReportGrant>> SharesOfAsync(string reportId, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking().Where(g => g.ReportId == reportId).OrderByDescending(g => g.CreatedAt).ToListAsync(cancellationToken);

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

    public async Task<IReadOnlyList<ReportGrant>> GrantsGivenAsync(CreditUser user, CancellationToken cancellationToken) =>
        !user.IsPerson ? [] : await db.Grants.AsNoTracking()
            .Where(g => g.SubjectKey == user.ResidentIdHash)
            .OrderByDescending(g => g.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(ReportGrant Grant, IReadOnlyList<CreditReport> Reports)>> GrantsReceivedAsync(CreditUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keys = ReportViewers.KeysOf(user);
        if (keys.Count == 0)
        {
            return [];
        }

        var grants = await db.Grants.AsNoTracking()
            .Where(g => keys.Contains(g.GranteeKey))
            .OrderByDescending(g => g.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        grants = grants.Where(g => ReportViewers.IsGrantee(g, user)).ToList();
        var ids = grants.Select(g => g.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.GrantId != null && ids.Contains(r.GrantId)).ToListAsync(cancellationToken);
        return grants.Select(g => (g, (IReadOnlyList<CreditReport>)reports.Where(r => r.GrantId == g.Id).OrderByDescending(r => r.IssuedAt).ToList())).ToList();
    }
}
