using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Policies;

/// <summary>政策法规: the notices, each with its attachments.</summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public Listing<Policy> Notices { get; private set; } = null!;

    public IReadOnlyList<Policy> AttachmentsOf(Policy notice) => library.AttachmentsOf(notice);

    public int TaskCount => library.Policies.Sum(p => p.Tasks.Count);

    public int DepartmentCount => library.TaskDepartments.Count;

    public IActionResult OnGet([FromQuery] string? page)
    {
        var (listing, status) = Listing.For([.. library.Notices], page);
        if (listing is null)
        {
            return StatusCode(status);
        }

        Notices = listing;
        return Page();
    }
}
