using CreditSite.CreditRepair;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/my-records/{kind}/{id}/objection (异议申诉): which field is wrong and why; any record, any time. While it is
/// open the record shows 异议处理中. Evidence comes as attachments; the form is read by <see cref="UploadForm"/>.</summary>
[Authorize]
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(UploadForm.MaxBodyBytes)]
public sealed class ObjectionModel(CreditRepairDesk desk, RecordStore records, RequestSubjects subjects) : PageModel
{
    public OwnRecord Own { get; private set; } = null!;

    public string? Error { get; private set; }

    public SubmittedRequest? Submitted { get; private set; }

    public string? Field { get; private set; }

    public string? Reason { get; private set; }

    public string? ContactPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (await OwnRecord.FindAsync(records, subjects, CreditUser.From(User)!, kind, id, cancellationToken) is not { } own)
        {
            return NotFound();
        }

        Own = own;
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

        Field = form[nameof(Field)];
        Reason = form[nameof(Reason)];
        ContactPhone = form[nameof(ContactPhone)];
        if (form.Refusal is not null)
        {
            Error = form.Refusal;
            Response.StatusCode = form.StatusCode;
            return Page();
        }

        try
        {
            Submitted = await desk.SubmitObjectionAsync(
                new ObjectionApplication(own.Record.Kind, own.Record.RecordId, own.Subject.Applicant, ContactPhone ?? string.Empty, Field ?? string.Empty, Reason ?? string.Empty),
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
