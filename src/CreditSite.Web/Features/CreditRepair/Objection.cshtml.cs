using CreditSite.CreditRepair;
using CreditSite.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/my-records/{kind}/{id}/objection (异议申诉): which field is wrong and why; any record, any time. While it is
/// open the record shows 异议处理中.</summary>
[Authorize]
public sealed class ObjectionModel(CreditRepairDesk desk, RecordStore records, RequestSubjects subjects) : PageModel
{
    public OwnRecord Own { get; private set; } = null!;

    public string? Error { get; private set; }

    public SubmittedRequest? Submitted { get; private set; }

    [BindProperty]
    public string? Field { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

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
        try
        {
            Submitted = await desk.SubmitObjectionAsync(
                new ObjectionApplication(own.Record.Kind, own.Record.RecordId, own.Subject.Applicant, ContactPhone ?? string.Empty, Field ?? string.Empty, Reason ?? string.Empty),
                attachments: null, cancellationToken);
        }
        catch (RequestRefusalException refusal) when (!refusal.IsNotFound)
        {
            Error = refusal.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
