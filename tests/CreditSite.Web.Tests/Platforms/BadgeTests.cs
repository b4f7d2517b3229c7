using System.Net;
using System.Xml.Linq;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The status badge (SVG and HTML): 红名单 / 无失信记录 / 有失信记录 N 条, the day it was checked, a link to
/// the subject, short caching, and correct the day an entry leaves public view.</summary>
[Collection(SharedSites.SeededPlatform)]
public sealed class BadgeTests(SeededPlatformSite site)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string, string> States => new()
    {
        { SeededPlatformSite.RedCode, "红名单" },
        { SeededPlatformSite.BlackCode, "有失信记录 2 条" },
        { SeededPlatformSite.TaxBlackCode, "有失信记录 1 条" },
        { SeededPlatformSite.HonouredCode, "无失信记录" },
        { SeededPlatformSite.ExitedCode, "无失信记录" },
        { SeededPlatformSite.UnknownCode, "无失信记录" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task SvgBadgeShowsTheStandingAndTheDayItWasChecked(string code, string expected)
    {
        var (svg, response) = await GetSvgAsync(site.CreateClient(), code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("信用常州", texts);
        Assert.Contains(expected, texts);
        Assert.Contains("核查日期 2025-06-01", texts);
        Assert.Contains(expected, svg.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SvgBadgeNamesChineseFontsWithAGenericFallback()
    {
        var (svg, _) = await GetSvgAsync(site.CreateClient(), SeededPlatformSite.RedCode);

        var fonts = svg.Descendants().Select(e => (string?)e.Attribute("font-family")).Single(f => f is not null)!;
        Assert.Contains("Noto Sans CJK SC", fonts, StringComparison.Ordinal);
        Assert.Contains("Microsoft YaHei", fonts, StringComparison.Ordinal);
        Assert.EndsWith("sans-serif", fonts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("html")]
    public async Task BadgeMayBeCachedForOneMinuteAtMost(string form)
    {
        var path = form == "svg" ? $"/embed/badge/{SeededPlatformSite.BlackCode}.svg" : $"/embed/badge/{SeededPlatformSite.BlackCode}";
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache?.MaxAge);
        Assert.InRange(cache.MaxAge.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task HtmlBadgeLinksToTheSubjectPageOnTheMainSite()
    {
        var html = await site.CreateClient().GetHtmlAsync($"/embed/badge/{SeededPlatformSite.BlackCode}");

        Assert.Contains("有失信记录 2 条", html, StringComparison.Ordinal);
        Assert.Contains("核查日期", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/subjects/{SeededPlatformSite.BlackCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("<base target=\"_blank\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlBadgeForAnUnknownCodeLinksToTheQueryInsteadOfAMissingPage()
    {
        var html = await site.CreateClient().GetHtmlAsync($"/embed/badge/{SeededPlatformSite.UnknownCode}");

        Assert.Contains("无失信记录", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={SeededPlatformSite.UnknownCode}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91320402MA1R0001ZZ")]
    [InlineData("not-a-code")]
    public async Task BadgeForABrokenCodeSaysSoWithBadRequest(string code)
    {
        var client = site.CreateClient();
        var (svg, response) = await GetSvgAsync(client, code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("代码有误", svg.Descendants(Svg + "text").Select(t => t.Value));

        using var html = await client.GetAsync(new Uri($"/embed/badge/{Uri.EscapeDataString(code)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("统一社会信用代码", await html.Content.ReadHtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadgeClearsTheDayAnEntryLeavesPublicViewDespiteTheCache()
    {
        await using var own = new SeededPlatformSite();
        await own.InitializeAsync();
        var client = own.CreateClient();

        var (before, _) = await GetSvgAsync(client, SeededPlatformSite.ExpiringCode);
        Assert.Contains("有失信记录 1 条", before.Descendants(Svg + "text").Select(t => t.Value));

        // 23:59:59 on its last day of publication: still shown (and now cached).
        own.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 15, 59, 59, TimeSpan.Zero));
        var (lastSecond, _) = await GetSvgAsync(client, SeededPlatformSite.ExpiringCode);
        Assert.Contains("有失信记录 1 条", lastSecond.Descendants(Svg + "text").Select(t => t.Value));

        // Two seconds later it is the next day in Changzhou: the badge is clear at once, well inside the cache lifetime.
        own.Clock.Advance(TimeSpan.FromSeconds(2));
        var (after, _) = await GetSvgAsync(client, SeededPlatformSite.ExpiringCode);
        var texts = after.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("无失信记录", texts);
        Assert.Contains("核查日期 2025-06-02", texts);
    }

    private static async Task<(XDocument Svg, HttpResponseMessage Response)> GetSvgAsync(HttpClient client, string code)
    {
        var response = await client.GetAsync(new Uri($"/embed/badge/{Uri.EscapeDataString(code)}.svg", UriKind.Relative));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        return (svg, response);
    }
}
