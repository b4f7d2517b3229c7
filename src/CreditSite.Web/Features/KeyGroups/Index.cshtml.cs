using CreditSite.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.KeyGroups;

/// <summary>29 类重点人群 with their lead departments (attachment 3 of the 2019 notice).</summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public IReadOnlyList<KeyOccupationalGroup> Groups => library.KeyGroups;

    /// <summary>The attachment the table comes from, when it is published.</summary>
    public Policy? Source => library.Policies.FirstOrDefault(p => p.AttachmentNumber == 3 && p.ParentSlug is not null);

    public void OnGet()
    {
    }
}
