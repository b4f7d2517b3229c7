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

    [Theory]
    [InlineData("/policies", true)]
    [InlineData("/role-models/changzhou-heyue-textile", true)]
    [InlineData("/no-such-page", true)]
    [InlineData("/", false)]
    [InlineData("/search?q=%E9%A3%9F%E5%93%81", false)]
    public async Task InnerPagesOfferTheOneStopQueryInTheHeader(string url, bool expected)
    {
        var response = await site.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Equal(expected, header.Contains("<form method=\"get\" action=\"/search\" role=\"search\" class=\"header-search\">", StringComparison.Ordinal));
        if (expected)
        {
            Assert.Contains("<label for=\"site-q\"", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheHomePageSuggestsExampleQueriesThatSearch()
    {
        var html = await site.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        var paragraph = html[html.IndexOf("<p class=\"examples\">", StringComparison.Ordinal)..];
        paragraph = paragraph[..paragraph.IndexOf("</p>", StringComparison.Ordinal)];
        var examples = ExampleLink().Matches(paragraph).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
        Assert.Contains("食品安全", examples);
        Assert.True(examples.Count >= 3, string.Join(", ", examples));
    }

    [GeneratedRegex("href=\"/search\\?q=([^\"]+)\"")]
    private static partial Regex ExampleLink();

    [GeneratedRegex("aria-current=\"page\">([^<]+)</a>")]
    private static partial Regex CurrentLink();
}
