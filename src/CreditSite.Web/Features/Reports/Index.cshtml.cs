using CreditSite.Reports;
using CreditSite.Reports.Storage;
using CreditSite.Search;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports: the signed-in person's and company's reports; request a new one.</summary>
[Authorize]
public sealed class IndexModel(ReportIssuer issuer, ReportLookup lookup) : PageModel
{
    public CreditUser Me { get; private set; } = null!;

    public IReadOnlyList<CreditReport> PersonalReports { get; private set; } = [];

    public IReadOnlyList<CreditReport> CompanyReports { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostPersonalAsync(CancellationToken cancellationToken) =>
        IssueAsync(ReportIssuer.PersonOf(CreditUser.From(User)!), cancellationToken);

    public Task<IActionResult> OnPostEnterpriseAsync(CancellationToken cancellationToken) =>
        IssueAsync(ReportIssuer.CompanyOf(CreditUser.From(User)!), cancellationToken);

    private async Task<IActionResult> IssueAsync(ReportSubject? subject, CancellationToken cancellationToken)
    {
        if (subject is null)
        {
            return NotFound();
        }

        try
        {
            var report = await issuer.IssueAsync(subject, grantId: null, cancellationToken);
            return Redirect($"/reports/{report.Id}");
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Error = "信用信息查询服务暂时不可用，暂不能出具报告，请稍后再试。";
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = CreditUser.From(User)!;
        if (Me.IsPerson)
        {
            PersonalReports = await lookup.ReportsAboutAsync(Me.ResidentIdHash!, cancellationToken);
        }

        if (Me.IsRepresentative)
        {
            CompanyReports = await lookup.ReportsAboutAsync(Me.Uscc!, cancellationToken);
        }
    }
}
