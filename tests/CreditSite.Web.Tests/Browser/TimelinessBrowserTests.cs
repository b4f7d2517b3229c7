using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary><see cref="TimelinessSite"/> on a real Kestrel socket.</summary>
public sealed class KestrelTimelinessSite : TimelinessSite
{
    public KestrelTimelinessSite()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = TestServers.BaseAddressOf(Services);
    }

    public Uri BaseAddress { get; }
}

/// <summary>The 公示及时率 table in Chromium: it passes axe and fits a phone (the table scrolls inside its own box), and
/// printed it is the table alone, without the site's header and navigation.</summary>
public sealed class TimelinessBrowserTests(KestrelTimelinessSite site) : IClassFixture<KestrelTimelinessSite>
{
    [Theory]
    [InlineData(1366)]
    [InlineData(360)]
    public async Task TheTablePassesAxeFitsTheWidthAndPrintsAlone(int width)
    {
        (await site.ClientAsync()).Dispose();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser, width);

        await page.GotoAsync(new Uri(site.BaseAddress, "/records/timeliness").ToString());

        Assert.Equal(3, await page.Locator("table.timeliness tbody tr").CountAsync());
        var problems = (await HeadlessChromium.WcagViolationsAsync(page)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(page));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.Locator("table.timeliness").IsVisibleAsync());
        Assert.False(await page.Locator("header.site-header").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), $"timeliness-print-{width}.png"), FullPage = true });
    }
}
