using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Home;

[Collection(SharedSites.Plain)]
public sealed class HomePageTests(SiteFactory site)
{
    private ContentLibrary Library => site.Services.GetRequiredService<ContentLibrary>();

    [Fact]
    public async Task ShowsSearchBoxThatLandsOnTheQueryPage()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<form method=\"get\" action=\"/search\"", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q\" name=\"q\" type=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("信用常州", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsLatestAnnouncementsRoleModelsAndPolicyLinks()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains($"href=\"{Library.Announcements[0].Url}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Library.RoleModels[0].Url}\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/policies/task-division-notice-2019\">关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/key-groups\">", html, StringComparison.Ordinal);
    }
}
