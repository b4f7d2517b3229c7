using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>A citizen in headless Chromium types a company's name into the search box, narrows the answer to 行政处罚,
/// finds the company as one row with its counts per kind (issue 13), follows its 行政处罚 count to the penalties on its
/// page, opens a penalty's own page (every field, when credit repair may be applied for), and goes back to the company.</summary>
public sealed class RecordJourneyBrowserTests(KestrelRecordsSiteFactory site) : IClassFixture<KestrelRecordsSiteFactory>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task FromTheSearchBoxToAPenaltysPageAndOnToTheCompany(int width)
    {
        await site.SeedWithRecordsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser, width);
        var audits = new List<string>();

        await page.GotoAsync(new Uri(site.BaseAddress, "/").ToString());
        await page.Locator("main input[name=q]").First.FillAsync("恒达新材料");
        await page.Locator("main form[role=search] button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        // The type facet, in Chinese; on a phone it opens behind 筛选.
        if (width < 720)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "筛选", Exact = true }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Complementary, new() { Name = "筛选" }).GetByRole(AriaRole.Link, new() { Name = "行政处罚", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**type=penalty*");
        var matched = await page.Locator("ol.results > li .snippet > .tag").AllInnerTextsAsync();
        Assert.NotEmpty(matched);
        Assert.All(matched, tag => Assert.Equal("行政处罚", tag));

        // One row for the company, whatever number of its records matched (this site has no list entry for it); on a
        // phone nothing scrolls sideways.
        var row = page.Locator("ol.results > li.subject-row", new() { HasText = RecordSamples.CompanyCode });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(RecordSamples.CompanyName, await row.Locator("a.subject-name").InnerTextAsync());
        Assert.Equal(
            ["列入名单 0", $"行政许可 {RecordSamples.CompanyLicencesInView}", "行政处罚 3", $"信用承诺 {RecordSamples.CompanyCommitmentsInView}"],
            (await row.Locator(".subject-counts li").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(page));
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), $"search-subject-rows-{width}.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "行政处罚 3" }).ClickAsync();
        await page.WaitForURLAsync($"**/subjects/{RecordSamples.CompanyCode}#penalties");
        await page.Locator($"#record-penalty-{RecordSamples.FinedPenalty} a").ClickAsync();
        await page.WaitForURLAsync($"**/records/penalty/{RecordSamples.FinedPenalty}");
        Assert.Equal($"{RecordSamples.CompanyName} 行政处罚", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("2025年5月10日", await page.Locator("#repair ~ p time").InnerTextAsync());
        Assert.Equal("罚款、没收违法所得", await page.Locator("dt:text-is('处罚类别') + dd").InnerTextAsync());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), $"penalty-record-{width}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = $"查看{RecordSamples.CompanyName}的全部信用信息" }).ClickAsync();
        await page.WaitForURLAsync($"**/subjects/{RecordSamples.CompanyCode}");
        Assert.Equal("行政处罚 （3 条）", await page.Locator("#penalties").InnerTextAsync());
        Assert.Equal(0, await HeadlessChromium.HorizontalOverflowAsync(page));
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), $"subject-records-{width}.png"), FullPage = true });

        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
    }
}
