using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>A keyboard user: the first Tab reaches 跳到正文, which moves on to the content; every focused control shows
/// a visible focus ring; the one-stop query can be filled in and sent without a mouse.</summary>
public sealed class KeyboardBrowserTests(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    [Fact]
    public async Task TheSkipLinkComesFirstAndEveryFocusIsVisible()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser);
        await page.GotoAsync(new Uri(site.BaseAddress, "/policies").ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "跳到正文之后，下一个 Tab 应落在正文里");

        // Every stop after the content's start (content, footer) shows its focus, until Tab leaves the page.
        var invisible = new List<string>();
        var stops = 0;
        for (; stops < 200; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement === document.body"))
            {
                break;
            }

            var focused = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 20), s.outlineStyle + ' ' + s.outlineWidth]; }");
            var (name, outline) = (focused[0], focused[1]);
            if (outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal))
            {
                invisible.Add($"{name}: {outline}");
            }
        }

        Assert.True(stops > 10, $"only {stops} focus stops after the skip link");
        Assert.True(invisible.Count == 0, "焦点不可见：\n" + string.Join("\n", invisible));
    }

    [Fact]
    public async Task TheOneStopQueryWorksFromTheKeyboardAlone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser);
        await page.GotoAsync(new Uri(site.BaseAddress, "/").ToString());

        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync("政务诚信");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        Assert.Contains("一站式信用查询", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }
}
