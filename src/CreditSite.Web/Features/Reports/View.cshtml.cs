using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>One report as a page. 404 unless the user is its subject, holds an open grant it was issued under, or is
/// staff; each view (not a HEAD request) is recorded.</summary>
[Authorize]
public sealed class ViewModel(ReportOpener opener) : PageModel
{
    public ReportOpening Opening { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = CreditUser.From(User)!;
        var opening = await opener.OpenAsync(id, user, cancellationToken);
        if (opening is null)
        {
            return NotFound();
        }

        Opening = opening;
        // A HEAD request is answered with headers only: nothing was shown, nothing is recorded.
        if (!HttpMethods.IsHead(Request.Method))
        {
            await opener.RecordAsync(opening, user, ReportAction.View, cancellationToken);
        }

        return Page();
    }
}
