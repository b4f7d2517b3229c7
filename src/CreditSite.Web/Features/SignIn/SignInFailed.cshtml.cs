using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.SignIn;

public sealed class SignInFailedModel : PageModel
{
    public string Message { get; private set; } = SignInFailures.General;

    /// <summary><paramref name="reason"/> is a code (<see cref="SignInFailures"/>); only the site's own messages show.</summary>
    public void OnGet(string? reason) => Message = SignInFailures.MessageFor(reason);
}
