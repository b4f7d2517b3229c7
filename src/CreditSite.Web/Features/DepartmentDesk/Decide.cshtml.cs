using CreditSite.CreditRepair;
using CreditSite.Web.Features.CreditRepair;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.DepartmentDesk;

/// <summary>/desk/{number}: one request with the applicant's statement, contact phone, timeline and audit log, and the
/// department's actions, each with a required reason. Another department's request answers 404; the credit office reads
/// every request but decides none; a stale page is told the request was handled by someone else.</summary>
[Authorize]
public sealed class DecideModel(CreditRepairDesk desk) : PageModel
{
    public CreditUser Me { get; private set; } = null!;

    public RequestView View { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public IReadOnlyList<RecordCorrection> Corrections { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? CorrectedValue { get; set; }

    public bool CanAct => Me.Department is not null && View.Request.IsOpen;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已受理。", staff => desk.AcceptAsync(number, Version, staff, Reason ?? string.Empty, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已退回补正，计时暂停。", staff => desk.ReturnForMaterialAsync(number, Version, staff, Reason ?? string.Empty, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已通过：记录已停止公示。", staff => desk.DecideRepairAsync(number, Version, staff, approve: true, Reason ?? string.Empty, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已作出不予通过的决定。", staff => desk.DecideRepairAsync(number, Version, staff, approve: false, Reason ?? string.Empty, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCorrectAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已更正记录。", staff => desk.DecideObjectionAsync(number, Version, staff, ObjectionOutcome.Correct, Reason ?? string.Empty, CorrectedValue, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已删除记录（停止公示，数据保留）。", staff => desk.DecideObjectionAsync(number, Version, staff, ObjectionOutcome.Remove, Reason ?? string.Empty, null, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostKeepAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, "已维持原记录。", staff => desk.DecideObjectionAsync(number, Version, staff, ObjectionOutcome.Keep, Reason ?? string.Empty, null, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string number, string done, Func<StaffMember, Task> action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (Me.Department is null)
        {
            Error = "信用办工作人员只能查看申请，不能作出决定。";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        try
        {
            await action(new StaffMember(Me.Name, Me.Department));
            Done = done;
            Reason = null;
            CorrectedValue = null;
        }
        catch (RequestRefusalException refusal) when (!refusal.IsNotFound)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        await LoadAsync(number, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        Me = CreditUser.From(User)!;
        if (Me.Department is null && !Me.IsStaff)
        {
            return false;
        }

        if (await desk.FindForDepartmentAsync(number, Me.Department, cancellationToken) is not { } request)
        {
            return false;
        }

        View = RequestView.Of(request, desk);
        Audit = await desk.AuditOfAsync(number, cancellationToken);
        Corrections = [.. (await desk.CorrectionsOfAsync(request.RecordKind, request.RecordId, cancellationToken)).Where(c => c.RequestNumber == number)];
        return true;
    }
}
