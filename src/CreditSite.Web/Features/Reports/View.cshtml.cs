using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using CreditSite.Web.Site.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>One report as a page. 404 unless the user is its subject, holds an open grant it was issued under (or that
/// shares it), or is staff; each view (not a HEAD request) is recorded. The subject of a special report can share it
/// with a bank or tender agency from here.</summary>
[Authorize]
public sealed class ViewModel(ReportOpener opener, GrantBook grants, PublicUrls urls) : PageModel
{
    public ReportOpening Opening { get; private set; } = null!;

    public IReadOnlyList<ReportGrant> Shares { get; private set; } = [];

    public string? ShareError { get; private set; }

    /// <summary>The link for a share just made; the code is shown once and stored only as a hash.</summary>
    public string? ShareLink { get; private set; }

    public string? ShareCode { get; private set; }

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

        await LoadSharesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(
        string id, string? granteeName, string? granteeUscc, GrantPurpose purpose, string? purposeText, int days, CancellationToken cancellationToken)
    {
        var user = CreditUser.From(User)!;
        var opening = await opener.OpenAsync(id, user, cancellationToken);
        if (opening is null || opening.Role != ViewerRole.Subject)
        {
            return NotFound();
        }

        Opening = opening;
        var (_, code, error) = await grants.ShareReportAsync(opening.Record, user, granteeName, granteeUscc, purpose, purposeText, days, cancellationToken);
        if (error is not null)
        {
            ShareError = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            ShareCode = code;
            ShareLink = $"{urls.BaseUrl}/reports/grants/redeem?code={Uri.EscapeDataString(code!)}";
        }

        await LoadSharesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadSharesAsync(CancellationToken cancellationToken)
    {
        if (Opening.Role == ViewerRole.Subject && Opening.Record.IsSpecial)
        {
            Shares = await grants.SharesOfAsync(Opening.Record.Id, cancellationToken);
        }
    }
}
