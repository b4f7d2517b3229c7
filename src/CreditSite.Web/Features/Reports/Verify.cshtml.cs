using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CreditSite.Web.Features.Reports;

/// <summary>/reports/verify: anyone checks a report number and verification code (typed, or from the QR code).</summary>
[EnableRateLimiting(ReportsFeature.VerifyRateLimit)]
public sealed class VerifyModel(ReportLookup lookup) : PageModel
{
    public string? Number { get; private set; }

    public string? Code { get; private set; }

    public VerificationAnswer? Answer { get; private set; }

    public async Task OnGetAsync(string? number, string? code, CancellationToken cancellationToken)
    {
        Number = number?.Length > 64 ? number[..64] : number;
        Code = code?.Length > 64 ? code[..64] : code;
        if (string.IsNullOrWhiteSpace(number) && string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        Answer = await lookup.VerifyAsync(Number, Code, cancellationToken);
        if (!Answer.Genuine)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
