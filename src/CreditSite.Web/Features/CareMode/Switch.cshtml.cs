using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.CareMode;

/// <summary>/care-mode?on=true|false&amp;return=/path: remembers the choice for a year and goes back to the page.</summary>
public sealed class SwitchModel : PageModel
{
    public IActionResult OnGet(string? on, string? @return)
    {
        var options = new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        };
        if (string.Equals(on, "true", StringComparison.OrdinalIgnoreCase))
        {
            Response.Cookies.Append(CareMode.Cookie, "on", options);
        }
        else
        {
            Response.Cookies.Delete(CareMode.Cookie, options);
        }

        return LocalRedirect(CareMode.SafeReturn(@return));
    }
}
