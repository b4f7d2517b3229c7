using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Web.Features.Reports;

/// <summary>A report opened by someone allowed to see it, and in which capacity.</summary>
public sealed record ReportOpening(CreditReport Record, IssuedReport Report, ViewerRole Role, ReportGrant? Grant, string Purpose);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total);

/// <summary>Opening a report under <see cref="ReportViewers"/>, and the append-only access record (查询使用登记) of who was
/// given which report.</summary>
public sealed class ReportOpener(ReportsDbContext db, TimeProvider time, ReportIssuer issuer)
{
    public const int PageSize = 20;

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

        var keys = ReportViewers.KeysOf(user);
        var now = time.GetUtcNow();
        var grant = record.GrantId is not null
            ? await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == record.GrantId, cancellationToken)
            // A shared report: an open grant naming this report and this user, once its code has been used (the
            // newest, if shared twice).
            : await db.Grants.AsNoTracking()
                .Where(g => g.ReportId == record.Id && keys.Contains(g.GranteeKey) && g.RevokedAt == null && g.UseCount > 0)
                .OrderByDescending(g => g.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (ReportViewers.Decide(record, grant, user, now) is not var (role, purpose))
        {
            return null;
        }

        return new ReportOpening(record, issuer.ToIssued(record), role, role == ViewerRole.Grantee ? grant : null, purpose);
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

    /// <summary>谁查看了我的信用报告: the access record of the user's own reports (person and company).</summary>
    public async Task<Paged<ReportAccess>> AccessRecordAsync(CreditUser user, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keys = ReportViewers.KeysOf(user);
        var query = db.AccessLog.AsNoTracking().Where(a => keys.Contains(a.SubjectKey));
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Paged<ReportAccess>(items, page, pageCount, total);
    }
}
