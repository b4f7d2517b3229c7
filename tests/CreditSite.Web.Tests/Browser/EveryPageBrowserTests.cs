using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>Every page a visitor can reach without signing in — each route, each kind of record and subject page (双公示
/// lists, record pages, subject pages with every section), the
/// empty, invalid and error states — in headless Chromium at 1366 px and at 360 px, in the standard and the 关怀版 mode:
/// axe's WCAG 2.1 A and AA rules find nothing of any impact, and nothing scrolls sideways.</summary>
public sealed class EveryPageBrowserTests(KestrelRecordsSiteFactory site) : IClassFixture<KestrelRecordsSiteFactory>
{
    private static readonly string[] Pages =
    [
        "/",
        "/search",
        "/search?q=%E6%81%92%E8%BE%BE",
        "/search?q=%E6%9F%A5%E6%97%A0%E6%AD%A4%E5%85%AC%E5%8F%B8",
        "/search?q=914403001922038216",
        "/search?q=91320402MA1MRH4B89",
        "/search?q=%E9%A3%9F%E5%93%81&type=list_entry&sort=newest",
        "/lists/red",
        "/lists/black",
        "/lists/black?field=%E7%A8%8E%E5%8A%A1",
        "/subjects/91320402MA1MRH4B88",
        "/subjects/914403001922038216",
        "/policies",
        "/policies/task-division-notice-2019",
        "/policies/attachment-1-government-integrity",
        "/policies/tasks",
        "/policies/tasks?department=%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80",
        "/role-models",
        "/role-models/changzhou-heyue-textile",
        "/announcements",
        "/announcements/2024-black-list-batch-food-safety",
        "/key-groups",
        "/embed",
        "/reports/verify",
        "/account/sign-in-failed?reason=denied",
        "/about/privacy",
        "/about/statement",
        "/about/contact",
        "/site-map",
        "/no-such-page",
        "/records",
        "/records/licence",
        "/records/penalty",
        "/records/commitment",
        "/records/penalty?penalty_type=%E7%BD%9A%E6%AC%BE&subject_type=individual_business",
        "/records/penalty?from=2025-05-25&to=2025-05-31",
        "/records/penalty?penalty_type=%E6%89%A3%E5%88%86",
        "/records/penalty/" + RecordSamples.FinedPenalty,
        "/records/penalty/" + RecordSamples.SeriousPenalty,
        "/records/penalty/" + RecordSamples.PersonPenalty,
        "/records/penalty/" + RecordSamples.RepairedPenalty,
        "/records/licence/" + RecordSamples.NewestLicence,
        "/records/licence/" + RecordSamples.RevokedLicence,
        "/records/commitment/" + RecordSamples.Commitment,
        "/subjects/" + RecordSamples.CompanyCode,
        "/subjects/" + RecordSamples.CompanyCode + "?licence_page=2&commitment_page=2",
        "/subjects/" + RecordSamples.CompanyCode + "?licence_page=abc",
        "/subjects/" + RecordSamples.RegistryOnlyCode,
        "/search?q=" + RecordSamples.CompanyCode,
        "/search?q=%E5%B8%B8%E5%B7%9E%E6%81%92%E8%BE%BE%E5%BB%BA%E6%9D%90%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8",
        "/search?q=%E6%81%92%E8%BE%BE&type=penalty",
        "/records/timeliness",
    ];

    [Theory]
    [InlineData(1366, false)]
    [InlineData(360, false)]
    [InlineData(1366, true)]
    [InlineData(360, true)]
    public async Task EveryPagePassesAxeAndFitsTheWidth(int width, bool careMode)
    {
        await site.SeedWithRecordsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser, width);
        if (careMode)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "care_mode", Value = "on", Url = site.BaseAddress.ToString() }]);
        }

        var problems = new List<string>();
        foreach (var path in Pages.Append(await PersonSubjectPathAsync(page)))
        {
            await page.GotoAsync(new Uri(site.BaseAddress, path).ToString());
            problems.AddRange(await HeadlessChromium.WcagViolationsAsync(page));
            if (await HeadlessChromium.HorizontalOverflowAsync(page) is > 0 and var overflow)
            {
                problems.Add($"{page.Url}: {width} px 宽时横向溢出 {overflow} px：{string.Join("；", await HeadlessChromium.OverflowingElementsAsync(page))}");
            }
        }

        Assert.True(problems.Count == 0, $"{width} px{(careMode ? "，关怀版" : string.Empty)}：\n" + string.Join("\n", problems));
    }

    /// <summary>A person's page is reached the way a visitor reaches it: from the search results.</summary>
    private async Task<string> PersonSubjectPathAsync(IPage page)
    {
        await page.GotoAsync(new Uri(site.BaseAddress, "/search?q=%E7%8E%8B%E4%BC%9F").ToString());
        var href = await page.Locator("main a[href^='/subjects/']").First.GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException("王伟 should have a subject page");
    }
}
