using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.SignIn;

public sealed class SignInFailedModel : PageModel
{
    public string? Reason { get; private set; }

    /// <summary>Only the site's own Chinese reasons are shown; anything else gets the general message.</summary>
    public void OnGet(string? reason) =>
        Reason = reason is { Length: < 200 } && reason.Contains("无法", StringComparison.Ordinal) && !reason.Contains('<', StringComparison.Ordinal) ? reason : null;
}
