using CreditSite.CreditRepair;
using CreditSite.Web.Features.CreditRepair;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.DepartmentDesk;

/// <summary>/desk: a department's credit repair and objection requests (谁认定谁修复), open ones first by deadline,
/// overdue in red, filters by kind and status, and the requests the nightly pass flagged (逾期) with the time of the last
/// pass. The credit office sees every department's, read-only, with the overdue figures per department. Anyone else: 404.</summary>
[Authorize]
public sealed class QueueModel(CreditRepairDesk desk) : PageModel
{
    public CreditUser Me { get; private set; } = null!;

    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    public IReadOnlyList<DepartmentOverdue> Overdue { get; private set; } = [];

    /// <summary>What the nightly pass flagged: the department's own, or every department's for the credit office.</summary>
    public OverdueReport Flagged { get; private set; } = new([], null);

    public string? Kind { get; private set; }

    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? status, CancellationToken cancellationToken)
    {
        Me = CreditUser.From(User)!;
        if (Me.Department is null && !Me.IsStaff)
        {
            return NotFound();
        }

        RequestKind? kindFilter = kind switch { "repair" => RequestKind.Repair, "objection" => RequestKind.Objection, _ => null };
        RequestStatus? statusFilter = Enum.TryParse<RequestStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = kindFilter is { } k ? RequestText.Code(k) : null;
        Status = statusFilter is { } st ? RequestText.Code(st) : null;
        Requests = [.. (await desk.QueueAsync(Me.Department, kindFilter, statusFilter, cancellationToken)).Select(r => RequestView.Of(r, desk))];
        Flagged = await desk.OverdueAsync(Me.Department, cancellationToken);
        if (Me.Department is null)
        {
            Overdue = await desk.OverdueByDepartmentAsync(cancellationToken);
        }

        return Page();
    }
}
