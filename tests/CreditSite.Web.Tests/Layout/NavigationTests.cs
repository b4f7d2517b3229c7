using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Layout;

[Collection(SharedSites.Plain)]
public sealed partial class NavigationTests(SiteFactory site)
{
    [Theory]
    [InlineData("/", "首页")]
    [InlineData("/policies", "政策法规")]
    [InlineData("/policies/task-division-notice-2019", "政策法规")]
    [InlineData("/policies/tasks", "政策法规")]
    [InlineData("/role-models", "诚信典型")]
    [InlineData("/announcements", "公示公告")]
    public async Task MarksOnlyTheCurrentSectionInTheMainNavigation(string url, string section)
    {
        var html = await site.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative));

        var nav = html[html.IndexOf("<nav aria-label=\"主导航\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        var current = CurrentLink().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([section], current);
    }

    [Fact]
    public async Task MarksNoSectionOnThe404Page()
    {
        var response = await site.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var nav = html[html.IndexOf("<nav aria-label=\"主导航\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Empty(CurrentLink().Matches(nav));
    }

    [GeneratedRegex("aria-current=\"page\">([^<]+)</a>")]
    private static partial Regex CurrentLink();
}
