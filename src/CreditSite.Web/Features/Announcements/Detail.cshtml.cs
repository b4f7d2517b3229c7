using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Announcements;

public sealed class DetailModel(ContentLibrary library) : PageModel
{
    public Announcement Announcement { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (library.FindAnnouncement(slug) is not { } announcement)
        {
            return NotFound();
        }

        Announcement = announcement;
        return Page();
    }
}
