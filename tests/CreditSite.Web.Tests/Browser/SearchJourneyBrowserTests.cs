using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>A citizen in headless Chromium finds a company by part of its Chinese name, opens its subject page, then
/// filters the black list by field.</summary>
public sealed class SearchJourneyBrowserTests(KestrelExampleEntriesSiteFactory site) : IClassFixture<KestrelExampleEntriesSiteFactory>
{
    [Fact]
    public async Task CitizenFindsACompanyByPartOfItsNameAndFiltersTheBlackListByField()
    {
        await site.SeedAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser);
        var audits = new List<string>();

        await page.GotoAsync(new Uri(site.BaseAddress, "/").ToString());
        await page.Locator("main input[name=q]").First.FillAsync("恒达");
        await page.Locator("main form[role=search] button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("恒达") }).First.ClickAsync();
        await page.WaitForURLAsync("**/subjects/91320402MA1MRH4B88");
        Assert.Equal("常州天宁恒达食品有限公司", await page.Locator("h1").InnerTextAsync());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), "subject-page.png"), FullPage = true });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "黑名单" }).ClickAsync();
        await page.WaitForURLAsync("**/lists/black");
        await page.GetByLabel("领域").SelectOptionAsync("食品药品");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync("**/lists/black?*field=*");
        var results = page.Locator("ol.results > li");
        Assert.True(await results.CountAsync() >= 1);
        foreach (var text in await results.AllInnerTextsAsync())
        {
            Assert.Contains("领域：食品药品", text, StringComparison.Ordinal);
        }

        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        var screenshot = Path.Combine(HeadlessChromium.ArtifactsFolder(), "black-list-food.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
    }
}
