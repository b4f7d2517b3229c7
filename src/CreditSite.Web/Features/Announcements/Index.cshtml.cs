using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Announcements;

/// <summary>公示公告, newest first.</summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public Listing<Announcement> Announcements { get; private set; } = null!;

    public IActionResult OnGet([FromQuery] string? page)
    {
        var (listing, status) = Listing.For(library.Announcements, page);
        if (listing is null)
        {
            return StatusCode(status);
        }

        Announcements = listing;
        return Page();
    }
}
