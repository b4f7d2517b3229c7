using CreditSite.Reports.Storage;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/access: 谁查看了我的信用报告 — every view and download of the user's own reports.</summary>
[Authorize]
public sealed class AccessModel(ReportOpener opener) : PageModel
{
    public Paged<ReportAccess> Record { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        Record = await opener.AccessRecordAsync(CreditUser.From(User)!, page ?? 1, cancellationToken);
}
