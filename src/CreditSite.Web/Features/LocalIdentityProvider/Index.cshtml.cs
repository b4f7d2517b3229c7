using CreditSite.Web.Features.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.LocalIdentityProvider;

/// <summary>/local-idp/: what the development sign-in provider is and who can be signed in as, with the way in. The
/// README sends newcomers here; without a page it answered 404. Absent (404) where a real provider is configured.</summary>
public sealed class IndexModel(OidcSignInOptions settings) : PageModel
{
    public IReadOnlyList<DemoIdentity> Identities => DemoIdentities.All;

    public IActionResult OnGet() => settings.UseLocalProvider ? Page() : NotFound();
}
