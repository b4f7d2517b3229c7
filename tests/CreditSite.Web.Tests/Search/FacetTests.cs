using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Search;

/// <summary>Facets on the search page: nothing is cut off (values past the first twelve open under 更多, without
/// JavaScript), and on a phone they wait behind 筛选 so that the results come first.</summary>
public sealed partial class FacetTests(SearchSiteFactory site) : IClassFixture<SearchSiteFactory>
{
    [Fact]
    public async Task ValuesPastTheFirstTwelveOpenUnderMoreInsteadOfBeingCutOff()
    {
        await site.SeedAsync();
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync(new Uri("/search", UriKind.Relative)));

        var departments = html[html.IndexOf("<h2>认定单位</h2>", StringComparison.Ordinal)..];
        departments = departments[..(departments.IndexOf("</details>", StringComparison.Ordinal) + "</details>".Length)];
        var links = DepartmentLink().Count(departments);
        var more = MoreSummary().Match(departments);

        Assert.True(more.Success, "认定单位超过 12 个时应有“更多”");
        Assert.Equal(links - 12, int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ThePageOffersFiltersAsAJumpThatWorksWithoutJavaScript()
    {
        await site.SeedAsync();
        var html = await site.CreateClient().GetStringAsync(new Uri("/search?q=%E9%A3%9F%E5%93%81", UriKind.Relative));

        Assert.Contains("<p class=\"facet-toggle\"><a href=\"#filters\">筛选</a></p>", html, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"facets\" id=\"filters\" aria-label=\"筛选\">", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/search\\?department=")]
    private static partial Regex DepartmentLink();

    [GeneratedRegex("<summary>更多认定单位（([0-9]+)）</summary>")]
    private static partial Regex MoreSummary();
}
