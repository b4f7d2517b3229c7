using CreditSite.Web.Site.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Print;

/// <summary>The site's public address as a CSS variable for the print stylesheet, which writes it before every
/// site-relative link (<c>/policies/x</c> prints as <c>https://…/policies/x</c>). A stylesheet of its own because the
/// content security policy allows no inline styles.</summary>
public sealed class SiteAddressModel(PublicUrls urls) : PageModel
{
    public IActionResult OnGet()
    {
        var address = urls.BaseUrl.TrimEnd('/').Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content($":root {{ --site-address: \"{address}\"; }}\n", "text/css; charset=utf-8");
    }
}
