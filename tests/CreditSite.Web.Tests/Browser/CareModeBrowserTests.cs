using System.Globalization;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>关怀版 as an older visitor meets it on a 360 px phone, with JavaScript off: one link turns it on for every
/// page and back off; text, spacing and targets are large enough, nothing scrolls sideways, and axe finds no WCAG 2.1
/// A/AA violation of any impact. And the print view: content only, with the site's full address before each link.</summary>
public sealed class CareModeBrowserTests(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    private const string Policy = "/policies/attachment-1-government-integrity";

    [Fact]
    public async Task TheSwitchWorksWithoutJavaScriptAndMakesEveryPageLargerOnAPhone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageWithoutScriptAsync(browser);
        await page.GotoAsync(new Uri(site.BaseAddress, Policy).ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "关怀版" }).ClickAsync();
        await page.WaitForURLAsync("**" + Policy);
        Assert.Equal("care", await page.Locator("html").GetAttributeAsync("class"));

        // The measurements and axe need script; the choice made without it travels as the cookie it set.
        var measured = await HeadlessChromium.NewPageWithScriptAsync(browser, page);
        var problems = new List<string>();
        foreach (var path in new[] { Policy, "/", "/lists/black", "/search?q=%E9%A3%9F%E5%93%81", "/role-models", "/about/privacy", "/no-such-page" })
        {
            await measured.GotoAsync(new Uri(site.BaseAddress, path).ToString());
            Assert.Equal("care", await measured.Locator("html").GetAttributeAsync("class"));
            problems.AddRange(await CareProblemsAsync(measured));
        }

        Assert.True(problems.Count == 0, "关怀版不达标：\n" + string.Join("\n", problems));
        await measured.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), "care-mode-360.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "标准版" }).ClickAsync();
        await page.WaitForURLAsync("**" + Policy);
        Assert.Null(await page.Locator("html").GetAttributeAsync("class"));
    }

    [Fact]
    public async Task ThePrintViewShowsTheContentAndEachLinksFullAddress()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser);
        await page.GotoAsync(new Uri(site.BaseAddress, "/policies/task-division-notice-2019").ToString());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-footer')).display"));
        Assert.True(await page.Locator("main .print-only").IsVisibleAsync());
        var after = await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('main .attachment-list a'), '::after').content");
        var address = site.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains(address + "/policies/attachment-1-government-integrity", after, StringComparison.Ordinal);

        var pdf = Path.Combine(HeadlessChromium.ArtifactsFolder(), "policy-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4" });
        Assert.True(new FileInfo(pdf).Length > 10_000, "打印预览 PDF 应已保存");
    }

    /// <summary>What MIIT's rules ask of one page in care mode, and axe's WCAG 2.1 A/AA rules.</summary>
    private static async Task<IEnumerable<string>> CareProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        var url = page.Url;
        var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        var lineHeight = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).lineHeight)");
        if (fontSize < 18)
        {
            problems.Add($"{url}: 正文字号 {fontSize} px，应不小于 18 px");
        }

        if (lineHeight / fontSize < 1.5)
        {
            problems.Add($"{url}: 行距 {(lineHeight / fontSize).ToString("F2", CultureInfo.InvariantCulture)}，应不小于 1.5");
        }

        // Targets outside running text: navigation, buttons, fields, pager and the switch itself.
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.main-nav a, button, input, select, .pager a, .care-switch, .header-search button')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([e, r]) => r.height < 43.5 || r.width < 43.5)
                .map(([e, r]) => `${e.tagName.toLowerCase()} “${(e.textContent || e.getAttribute('aria-label') || e.name || '').trim()}” ${Math.round(r.width)}×${Math.round(r.height)}`)
            """);
        problems.AddRange(small.Select(s => $"{url}: 点击区域小于 44×44：{s}"));

        var overflow = await HeadlessChromium.HorizontalOverflowAsync(page);
        if (overflow > 0)
        {
            problems.Add($"{url}: 360 px 宽时横向溢出 {overflow} px");
        }

        problems.AddRange(await HeadlessChromium.WcagViolationsAsync(page));
        return problems;
    }
}
