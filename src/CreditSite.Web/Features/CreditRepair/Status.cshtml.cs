using CreditSite.CreditRepair;
using CreditSite.Web.Features.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>/requests/status: anyone with a 受理编号 and its 查询码 sees the timeline, without signing in. An unknown
/// number and a wrong code get the same answer; attempts are throttled like report verification.</summary>
[EnableRateLimiting(ReportsFeature.VerifyRateLimit)]
public sealed class StatusModel(CreditRepairDesk desk) : PageModel
{
    public string? Number { get; private set; }

    public string? Code { get; private set; }

    public bool Asked { get; private set; }

    public RequestView? View { get; private set; }

    public async Task OnGetAsync(string? number, string? code, CancellationToken cancellationToken)
    {
        Number = number?.Length > 40 ? number[..40] : number;
        Code = code?.Length > 40 ? code[..40] : code;
        if (string.IsNullOrWhiteSpace(number) && string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        Asked = true;
        if (await desk.FindByQueryCodeAsync(Number, Code, cancellationToken) is { } request)
        {
            View = RequestView.Of(request, desk);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
