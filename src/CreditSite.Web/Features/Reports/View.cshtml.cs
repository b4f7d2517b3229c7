using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>One report as a page. 404 unless the user is its subject, holds an open grant it was issued under, or is
/// staff; each view is recorded.</summary>
[Authorize]
public sealed class ViewModel(ReportDesk desk) : PageModel
{
    public ReportOpening Opening { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var opening = await desk.OpenAsync(id, CreditUser.From(User)!, ReportAction.View, cancellationToken);
        if (opening is null)
        {
            return NotFound();
        }

        Opening = opening;
        return Page();
    }
}
