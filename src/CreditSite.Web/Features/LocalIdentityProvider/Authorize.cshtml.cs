using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CreditSite.Web.Features.LocalIdentityProvider;

/// <summary>The local provider's sign-in page: pick one of the demonstration identities. OpenIddict has validated the
/// authorization request before this page runs; the form posts the same request back with the choice.</summary>
public sealed class AuthorizeModel : PageModel
{
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public IReadOnlyList<DemoIdentity> Identities => DemoIdentities.All;

    [BindProperty]
    public string? Identity { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        var demo = DemoIdentities.Find(Identity);
        if (demo is null)
        {
            Error = "请选择一个演示身份。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Show();
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, demo.Key);
        identity.SetClaim(Claims.Name, demo.Name);
        if (demo.ResidentId is not null)
        {
            identity.SetClaim("resident_id", demo.ResidentId);
        }

        if (demo.Uscc is not null)
        {
            identity.SetClaim("uscc", demo.Uscc);
            identity.SetClaim("company_name", demo.CompanyName);
        }

        identity.SetClaims(Claims.Role, [.. demo.Roles]);
        if (demo.Department is not null)
        {
            identity.SetClaim("department", demo.Department);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static _ => [Destinations.IdentityToken]);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IActionResult Show()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        RequestParameters = request.GetParameters()
            .Where(p => !string.IsNullOrEmpty((string?)p.Value))
            .Select(p => KeyValuePair.Create(p.Key, (string)p.Value!))
            .ToList();
        return Page();
    }
}
