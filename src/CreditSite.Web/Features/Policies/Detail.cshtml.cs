using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Policies;

/// <summary>One policy: its facts, related documents, attachments or parent notice, body and task table.</summary>
public sealed class DetailModel(ContentLibrary library) : PageModel
{
    public Policy Policy { get; private set; } = null!;

    public Policy? Parent { get; private set; }

    public IReadOnlyList<Policy> Attachments { get; private set; } = [];

    /// <summary>Tasks grouped by section heading, in document order.</summary>
    public IReadOnlyList<IGrouping<string, PolicyTask>> Sections { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        if (library.FindPolicy(slug) is not { } policy)
        {
            return NotFound();
        }

        Policy = policy;
        Parent = library.ParentOf(policy);
        Attachments = library.AttachmentsOf(policy);
        Sections = [.. policy.Tasks.GroupBy(t => t.Section, StringComparer.Ordinal)];
        return Page();
    }
}
