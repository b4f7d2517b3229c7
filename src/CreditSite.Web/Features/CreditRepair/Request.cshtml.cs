using CreditSite.CreditRepair;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/requests/{number}: one of the applicant's requests with its timeline and attachments; sends the material
/// asked for (补正), with files, read by <see cref="UploadForm"/>. Someone else's request answers 404.</summary>
[Authorize]
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(UploadForm.MaxBodyBytes)]
public sealed class RequestModel(CreditRepairDesk desk, RequestSubjects subjects) : PageModel
{
    public RequestView View { get; private set; } = null!;

    public string? Error { get; private set; }

    public string? Material { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        var form = await UploadForm.ReadAsync(HttpContext, cancellationToken);
        if (form.Forged)
        {
            return BadRequest();
        }

        Material = form[nameof(Material)];
        if (form.Refusal is not null)
        {
            Error = form.Refusal;
            Response.StatusCode = form.StatusCode;
            return Page();
        }

        try
        {
            await desk.ResubmitAsync(number, subject.Applicant, Material ?? string.Empty, form.Files, cancellationToken);
            return Redirect($"/requests/{number}");
        }
        catch (RequestRefusalException refusal) when (!refusal.IsNotFound)
        {
            Error = refusal.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<ActingSubject?> LoadAsync(string number, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Of(CreditUser.From(User)!))
        {
            if (await desk.FindForApplicantAsync(number, subject.Key, cancellationToken) is { } request)
            {
                View = RequestView.Of(request, desk);
                return subject;
            }
        }

        return null;
    }
}
