using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Reports;
using Microsoft.Playwright;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>The upload as a person on a 360 px phone meets it, in headless Chromium with JavaScript off: the browser's
/// own multipart form (the token first, as the page writes it) carries a PDF with the repair application, and the
/// request page offers it back as a download under its Chinese name. With script on (for the measurements only), the
/// form and the request page do not scroll sideways and axe finds no serious or critical problem.</summary>
public sealed class AttachmentBrowserTests(AttachmentSite site) : IClassFixture<AttachmentSite>
{
    private const string Form = "/my-records/penalty/UP-BROWSER/repair";

    [Fact]
    public async Task APhoneWithoutJavaScriptUploadsAPdfWithARepairAndDownloadsItBack()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await HeadlessChromium.NewPageWithoutScriptAsync(browser);

        await page.GotoAsync(site.Address + Form[1..]);
        await ReportJourneyBrowserTests.SignInAsync(page, DemoIdentities.Representative);
        await page.WaitForURLAsync("**" + Form);
        await page.GetByLabel("整改情况").FillAsync("已缴清罚款并完成整改。");
        await page.GetByLabel("联系电话").FillAsync("13912345678");
        await page.GetByLabel("我已阅读并接受《信用修复承诺书》", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("履行义务的证明材料").SetInputFilesAsync(new FilePayload
        {
            Name = "缴款凭证.pdf", MimeType = "application/pdf", Buffer = AttachmentSamples.Pdf,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交信用修复申请" }).ClickAsync();

        var number = (await page.Locator("#request-number").InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
        await page.WaitForURLAsync("**/requests/" + number);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "缴款凭证.pdf" }).ClickAsync());
        Assert.Equal("缴款凭证.pdf", download.SuggestedFilename);
        var saved = Path.Combine(HeadlessChromium.ArtifactsFolder(), "attachment-downloaded.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(AttachmentSamples.Pdf, await File.ReadAllBytesAsync(saved));

        // The measurements and axe need script; the session made without it travels as its cookies.
        var measured = await HeadlessChromium.NewPageWithScriptAsync(browser, page);
        var problems = new List<string>();
        foreach (var path in new[] { "/my-records/penalty/UP-REFUSE/objection", "/requests/" + number })
        {
            await measured.GotoAsync(site.Address + path[1..]);
            if (await HeadlessChromium.HorizontalOverflowAsync(measured) is > 0 and var overflow)
            {
                problems.Add($"{path} scrolls sideways by {overflow} px: {string.Join(", ", await HeadlessChromium.OverflowingElementsAsync(measured))}");
            }

            problems.AddRange(await HeadlessChromium.SeriousAxeViolationsAsync(measured));
        }

        await measured.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ArtifactsFolder(), "attachment-request-360.png"), FullPage = true });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
