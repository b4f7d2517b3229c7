using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>Overdue requests (逾期): the nightly pass that flags them, and what the desk shows of them.</summary>
public sealed partial class CreditRepairDesk
{
    /// <summary>The actor of the pass's audit lines.</summary>
    public const string SystemActor = "系统";

    public bool IsOverdue(RepairRequest request) => request is { IsOpen: true, DueOn: { } due } && due < Today;

    /// <summary>The nightly pass: flags every open request past its deadline that is not flagged yet, with one audit line
    /// "逾期" each, and records the run. A request returned for material (补正) has no running deadline, so it is not
    /// overdue while it waits. Runs under the import lock like every other change, so two web nodes running it at the
    /// same minute flag each request once.</summary>
    public async Task<OverduePass> RunOverduePassAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var today = Today;
        var pass = new OverduePass { RanAt = now };
        await ChangeAsync(async context =>
        {
            var due = await context.Set<RepairRequest>()
                .Where(r => r.OverdueFlaggedAt == null && r.DueOn != null && r.DueOn < today
                            && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Accepted))
                .ToListAsync(cancellationToken);
            foreach (var request in due.OrderBy(r => r.Number, StringComparer.Ordinal))
            {
                request.OverdueFlaggedAt = now;
                var over = calendar.WorkingDaysBetween(request.DueOn!.Value, today);
                Audit(context, now, SystemActor, request.Department, "overdue", request.Number,
                    $"逾期：办理期限 {request.DueOn:yyyy-MM-dd} 已过，超期 {over} 个工作日（{request.Status.Label()}）。");
            }

            pass.Flagged = due.Count;
            context.Add(pass);
        }, cancellationToken);
        return pass;
    }

    /// <summary>The requests the pass flagged that are still open past their deadline — the department's, or every
    /// department's for the credit office (<paramref name="department"/> null) — longest over first, and the time of the
    /// latest pass.</summary>
    public async Task<OverdueReport> OverdueAsync(string? department, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var context = store.CreateContext();
        var query = context.Set<RepairRequest>().AsNoTracking()
            .Where(r => r.OverdueFlaggedAt != null && r.DueOn != null && r.DueOn < today
                        && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Accepted));
        if (department is not null)
        {
            query = query.Where(r => r.Department == department);
        }

        var flagged = (await query.ToListAsync(cancellationToken))
            .Select(r => new FlaggedRequest(r, r.DueOn!.Value, calendar.WorkingDaysBetween(r.DueOn.Value, today)))
            .OrderByDescending(f => f.WorkingDaysOver).ThenBy(f => f.Request.Number, StringComparer.Ordinal)
            .ToList();
        var last = await context.Set<OverduePass>().AsNoTracking().OrderByDescending(p => p.Id).Select(p => (DateTimeOffset?)p.RanAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new OverdueReport(flagged, last);
    }

    /// <summary>Open and overdue requests per department, computed on demand for the credit office's summary.</summary>
    public async Task<IReadOnlyList<DepartmentOverdue>> OverdueByDepartmentAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var open = await QueueAsync(null, cancellationToken: cancellationToken);
        return [.. open.Where(r => r.IsOpen).GroupBy(r => r.Department)
            .Select(g => new DepartmentOverdue(g.Key, g.Count(), g.Count(r => r.DueOn is { } due && due < today)))
            .OrderByDescending(d => d.Overdue).ThenBy(d => d.Department, StringComparer.Ordinal)];
    }
}
