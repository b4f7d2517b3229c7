using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.Browser;

/// <summary>A visitor in headless Chromium goes from the home page to the notice and filters its tasks by department;
/// every page on the way passes an axe audit without serious or critical violations.</summary>
public sealed class PolicyJourneyBrowserTests(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    private const string Department = "市市场监督管理局";
    private const string NoticeTitle = "关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知";

    [Fact]
    public async Task VisitorFollowsPoliciesToTheNoticeAndFiltersTasksByDepartment()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageAsync(browser);
        var cspViolations = HeadlessChromium.CollectCspViolations(page);
        var audits = new List<string>();

        await page.GotoAsync(new Uri(site.BaseAddress, "/").ToString());
        Assert.Equal("首页 - 信用常州", await page.TitleAsync());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "政策法规" }).ClickAsync();
        await page.WaitForURLAsync("**/policies");
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new() { Name = "政策法规", Exact = true }).First.GetAttributeAsync("aria-current"));
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = NoticeTitle }).ClickAsync();
        await page.WaitForURLAsync("**/policies/task-division-notice-2019");
        Assert.Equal(NoticeTitle, await page.Locator("h1").InnerTextAsync());
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "按部门查看任务分工" }).ClickAsync();
        await page.WaitForURLAsync("**/policies/tasks");
        await page.GetByLabel("选择部门或单位").SelectOptionAsync(Department);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync("**/policies/tasks?department=*");
        Assert.Matches("^牵头 / 责任（[1-9][0-9]* 项）$", await page.Locator("#leads-heading").InnerTextAsync());
        Assert.Matches("^配合（[1-9][0-9]* 项）$", await page.Locator("#coop-heading").InnerTextAsync());
        Assert.True(await page.Locator("table.task-table tbody tr").CountAsync() >= 2);
        audits.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(page));

        var screenshot = Path.Combine(HeadlessChromium.ArtifactsFolder(), "policy-tasks-market-regulation.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "截图应已保存");

        Assert.True(audits.Count == 0, "axe 发现严重或关键的无障碍问题：\n" + string.Join("\n", audits));
        Assert.True(cspViolations.Count == 0, "页面触发了内容安全策略（CSP）拦截：\n" + string.Join("\n", cspViolations));
    }
}
