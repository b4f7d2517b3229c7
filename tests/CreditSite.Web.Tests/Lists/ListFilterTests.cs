using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Platforms;

namespace CreditSite.Web.Tests.Lists;

/// <summary>The list pages' filters offer only values that can match (issue 13): the black list's 领域 menu holds the
/// fields its entries in view have — not 诚信典型, which only the red list uses — each with its count; a chosen field
/// keeps the others in its menu; a stale value in the URL gives an empty state, not an error.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed partial class ListFilterTests(SeededPlatformSite site)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadHtmlAsync());
    }

    private static List<(string Value, int Count)> Options(string html, string name)
    {
        var select = Regex.Match(html, $"<select name=\"{name}\">(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no <select name=\"{name}\">");
        return Option().Matches(select.Groups[1].Value)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static int Total(string html) =>
        int.Parse(TotalLine().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("field")]
    [InlineData("department")]
    public async Task EveryValueTheBlackListOffersFindsAsManyEntriesAsItSays(string filter)
    {
        var (_, html) = await GetAsync("/lists/black");

        var options = Options(html, filter);
        Assert.NotEmpty(options);
        foreach (var (value, count) in options)
        {
            var (status, filtered) = await GetAsync($"/lists/black?{filter}={Uri.EscapeDataString(value)}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(count > 0, $"{filter}={value} is offered with 0");
            Assert.Equal(count, Total(filtered));
        }
    }

    [Fact]
    public async Task TheBlackListsFieldMenuLeavesOutWhatOnlyTheRedListUses()
    {
        var (_, black) = await GetAsync("/lists/black");
        var (_, red) = await GetAsync("/lists/red");

        var fields = Options(black, "field").Select(o => o.Value).ToList();
        Assert.DoesNotContain("诚信典型", fields);
        // 食品药品 has an entry in view beside the exited one; 价格's entry is on its last day.
        Assert.Equal(["食品药品", "工程质量", "税务", "价格"], fields); // the catalogue's order
        Assert.Contains(("诚信典型", 1), Options(red, "field"));
    }

    [Fact]
    public async Task AChosenFieldKeepsTheOtherFieldsInItsMenu()
    {
        var (_, html) = await GetAsync("/lists/black?field=" + Uri.EscapeDataString("税务"));

        var fields = Options(html, "field").Select(o => o.Value).ToList();
        Assert.Contains("税务", fields);
        Assert.Contains("工程质量", fields);
        Assert.Contains("<option value=\"税务\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleFieldInTheAddressGivesAnEmptyStateNotAnError()
    {
        var (status, html) = await GetAsync("/lists/black?field=" + Uri.EscapeDataString("诚信典型"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("没有符合条件的记录", html, StringComparison.Ordinal);
        Assert.Contains("黑名单中目前没有领域为“诚信典型”的公示记录", html, StringComparison.Ordinal);
        var clear = Regex.Match(html, "<a href=\"(/lists/black[^\"]*)\">不限领域</a>");
        Assert.True(clear.Success, "no link that drops the field");
        Assert.DoesNotContain("field=", clear.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"诚信典型\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<option value=\"([^\"]+)\"[^>]*>[^<（]+（(\\d+)）</option>")]
    private static partial Regex Option();

    [GeneratedRegex("共 <strong>(\\d+)</strong> 条公示中的记录")]
    private static partial Regex TotalLine();
}
