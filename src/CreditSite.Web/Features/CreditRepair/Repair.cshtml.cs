using CreditSite.CreditRepair;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/my-records/{kind}/{id}/repair: apply for credit repair of one's own record: 整改情况, contact phone, the
/// 信用修复承诺书 shown in full and accepted, and the proof that the obligations were met (履行义务证明) as attachments.
/// The form is read by <see cref="UploadForm"/> (anti-forgery included), not by model binding.</summary>
[Authorize]
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(UploadForm.MaxBodyBytes)]
public sealed class RepairModel(CreditRepairDesk desk, RecordStore records, RequestSubjects subjects) : PageModel
{
    public OwnRecord Own { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public SubmittedRequest? Submitted { get; private set; }

    public string? Rectification { get; private set; }

    public string? ContactPhone { get; private set; }

    public bool CommitmentAccepted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (await OwnRecord.FindAsync(records, subjects, CreditUser.From(User)!, kind, id, cancellationToken) is not { } own)
        {
            return NotFound();
        }

        Own = own;
        Refusal = RepairEligibility.Refusal(desk.Catalogue, own.Record, desk.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (await OwnRecord.FindAsync(records, subjects, CreditUser.From(User)!, kind, id, cancellationToken) is not { } own)
        {
            return NotFound();
        }

        Own = own;
        var form = await UploadForm.ReadAsync(HttpContext, cancellationToken);
        if (form.Forged)
        {
            return BadRequest();
        }

        Rectification = form[nameof(Rectification)];
        ContactPhone = form[nameof(ContactPhone)];
        CommitmentAccepted = bool.TryParse(form[nameof(CommitmentAccepted)], out var accepted) && accepted;
        if (form.Refusal is not null)
        {
            Error = form.Refusal;
            Response.StatusCode = form.StatusCode;
            return Page();
        }

        try
        {
            Submitted = await desk.SubmitRepairAsync(
                new RepairApplication(own.Record.Kind, own.Record.RecordId, own.Subject.Applicant, ContactPhone ?? string.Empty, Rectification ?? string.Empty, CommitmentAccepted),
                form.Files, cancellationToken);
        }
        catch (RequestRefusalException refusal) when (!refusal.IsNotFound)
        {
            Error = refusal.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
