using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The signed-in report pages, the staff page included, at 1366 px and on a 360 px phone, standard and 关怀版, on a
/// site of their own (the journey's site keeps its state): axe's WCAG 2.1 A/AA rules of any impact, and nothing scrolls
/// sideways.</summary>
public sealed class ReportPhoneBrowserTests(KestrelReportsSite site) : IClassFixture<KestrelReportsSite>
{
    [Theory]
    [InlineData(360, false)]
    [InlineData(1366, false)]
    [InlineData(360, true)]
    [InlineData(1366, true)]
    public async Task SignedInPagesFitAPhoneAndPassAxe(int width, bool careMode)
    {
        await site.SeedAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var person = await PageAsync(browser, width, careMode);
        await person.GotoAsync(site.Url("/reports"));
        await ReportJourneyBrowserTests.SignInAsync(person, DemoIdentities.BlackListedPerson);
        await person.WaitForURLAsync("**/reports");
        await person.GetByRole(AriaRole.Button, new() { Name = "申请个人信用报告" }).ClickAsync();
        await person.WaitForURLAsync("**/reports/*");
        var report = new Uri(person.Url).AbsolutePath;

        var problems = new List<string>();
        foreach (var path in new[] { "/reports", report, "/reports/grants", "/reports/access", "/reports/verify" })
        {
            await person.GotoAsync(site.Url(path));
            problems.AddRange(await PhoneProblemsAsync(person));
        }

        // A grant just created, and an error on the form.
        await person.GotoAsync(site.Url("/reports/grants"));
        await person.GetByRole(AriaRole.Button, new() { Name = "创建授权" }).ClickAsync();
        problems.AddRange(await PhoneProblemsAsync(person));
        await person.GetByLabel("企业或其他组织（填写统一社会信用代码）").CheckAsync();
        await person.GetByLabel("被授权方名称").FillAsync(DemoIdentities.CompanyName);
        await person.GetByLabel("统一社会信用代码或居民身份证号码").FillAsync(DemoIdentities.CompanyUscc);
        await person.GetByLabel("用途", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "贷款审批" });
        await person.GetByLabel("有效期（天，最长 30 天）").FillAsync("7");
        await person.GetByRole(AriaRole.Button, new() { Name = "创建授权" }).ClickAsync();
        await person.Locator("#grant-code").WaitForAsync();
        problems.AddRange(await PhoneProblemsAsync(person));
        await person.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), $"report-grants-{width}{(careMode ? "-care" : string.Empty)}.png"), FullPage = true });

        // The credit office's staff page.
        var staff = await PageAsync(browser, width, careMode);
        await staff.GotoAsync(site.Url("/reports/staff"));
        await ReportJourneyBrowserTests.SignInAsync(staff, DemoIdentities.Staff);
        await staff.WaitForURLAsync("**/reports/staff");
        problems.AddRange(await PhoneProblemsAsync(staff));

        Assert.True(problems.Count == 0, $"报告页面在 {width} px{(careMode ? "（关怀版）" : string.Empty)}不达标：\n" + string.Join("\n", problems));
    }

    private async Task<IPage> PageAsync(IBrowser browser, int width, bool careMode)
    {
        var page = await HeadlessChromium.NewPageAsync(browser, width);
        if (careMode)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "care_mode", Value = "on", Url = site.Url("/") }]);
        }

        return page;
    }

    private static async Task<IEnumerable<string>> PhoneProblemsAsync(IPage page)
    {
        var problems = (await HeadlessChromium.WcagViolationsAsync(page)).ToList();
        if (await HeadlessChromium.HorizontalOverflowAsync(page) is > 0 and var overflow)
        {
            problems.Add($"{page.Url}: 横向溢出 {overflow} px：{string.Join("；", await HeadlessChromium.OverflowingElementsAsync(page))}");
        }

        return problems;
    }
}
