using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Server.AspNetCore;

namespace CreditSite.Web.Features.LocalIdentityProvider;

/// <summary>The local provider's end-session endpoint: it keeps no session of its own, so it only sends the browser
/// back to the site's signed-out callback (validated by OpenIddict).</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => HttpContext.GetOpenIddictServerRequest() is null
        ? NotFound()
        : SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
