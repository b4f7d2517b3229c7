using CreditSite.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Home;

/// <summary>首页: the query box, the latest announcements and role models, and the policies.</summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public IReadOnlyList<Announcement> LatestAnnouncements { get; } = [.. library.Announcements.Take(5)];

    public IReadOnlyList<RoleModel> LatestRoleModels { get; } = [.. library.RoleModels.Take(4)];

    public IReadOnlyList<Policy> Policies { get; } = [.. library.Policies.Take(6)];

    public void OnGet()
    {
    }
}
