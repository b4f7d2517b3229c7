using System.Net;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>The two states the every-page run cannot reach on a healthy site: the 503 page a search outage gives and
/// the 429 page of the limiter. Both at 1366 px and 360 px, standard and 关怀版: axe WCAG 2.1 A/AA of any impact, no
/// sideways scrolling.</summary>
public sealed class ErrorStatesBrowserTests(ErrorStatesBrowserTests.OutageSite site) : IClassFixture<ErrorStatesBrowserTests.OutageSite>
{
    [Theory]
    [InlineData(1366, false)]
    [InlineData(360, false)]
    [InlineData(1366, true)]
    [InlineData(360, true)]
    public async Task TheOutageAndTooManyRequestsPagesPassAxeAndFit(int width, bool careMode)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser, width);
        // Each case is a visitor of its own, with a budget of its own: the site believes the loopback proxy's header.
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = $"203.0.113.{width % 250 + (careMode ? 1 : 0)}" });
        if (careMode)
        {
            await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "care_mode", Value = "on", Url = site.BaseAddress.ToString() }]);
        }

        var problems = new List<string>();
        var outage = await page.GotoAsync(new Uri(site.BaseAddress, "/search?q=%E9%A3%9F%E5%93%81").ToString());
        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, outage!.Status);
        problems.AddRange(await ProblemsAsync(page, width));

        IResponse? limited = null;
        for (var i = 0; i <= OutageSite.PagesPerWindow && limited?.Status != (int)HttpStatusCode.TooManyRequests; i++)
        {
            limited = await page.GotoAsync(new Uri(site.BaseAddress, "/policies").ToString());
        }

        Assert.Equal((int)HttpStatusCode.TooManyRequests, limited!.Status);
        problems.AddRange(await ProblemsAsync(page, width));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> ProblemsAsync(IPage page, int width)
    {
        var problems = (await HeadlessChromium.WcagViolationsAsync(page)).ToList();
        if (await HeadlessChromium.HorizontalOverflowAsync(page) is > 0 and var overflow)
        {
            problems.Add($"{page.Url}: {width} px 宽时横向溢出 {overflow} px：{string.Join("；", await HeadlessChromium.OverflowingElementsAsync(page))}");
        }

        return problems;
    }

    /// <summary>Elasticsearch configured with no cluster listening (search answers 503), and a small page budget
    /// whose window outlasts the test (so the fifth page in a row answers 429).</summary>
    public sealed class OutageSite : SiteFactory
    {
        public const int PagesPerWindow = 4;

        public OutageSite()
        {
            UseKestrel(0);
            StartServer();
            BaseAddress = TestServers.BaseAddressOf(Services);
        }

        public Uri BaseAddress { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            TestServers.UseUnreachableCluster(builder);
            builder.UseSetting("RateLimits:Pages:PermitLimit", PagesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:Pages:WindowSeconds", "3600");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        }
    }
}
