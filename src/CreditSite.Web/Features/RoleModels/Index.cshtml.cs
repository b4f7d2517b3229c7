using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.RoleModels;

/// <summary>诚信典型, newest first.</summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public Listing<RoleModel> RoleModels { get; private set; } = null!;

    public IActionResult OnGet([FromQuery] string? page)
    {
        var (listing, status) = Listing.For(library.RoleModels, page);
        if (listing is null)
        {
            return StatusCode(status);
        }

        RoleModels = listing;
        return Page();
    }
}
