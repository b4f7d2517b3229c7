using CreditSite.Search;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/grants/redeem: the requester, signed in, uses a grant code and gets the person's report.</summary>
[Authorize]
public sealed class RedeemModel(ReportIssuer issuer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (report, error) = await issuer.RedeemAsync(Code, CreditUser.From(User)!, cancellationToken);
            if (report is not null)
            {
                return Redirect($"/reports/{report.Id}");
            }

            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (SearchUnavailableException outage)
        {
            Response.SetUnavailable(outage);
            Error = "信用信息查询服务暂时不可用，暂不能出具报告，请稍后再试。";
        }

        return Page();
    }
}
